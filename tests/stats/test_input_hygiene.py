"""Inputs that used to be taken at face value: gaps between price files, non-ISO event dates,
repeated events, returns in per cent, events retyped by pandas, short tables, bad options."""

from __future__ import annotations

import argparse
import json
import warnings

import numpy as np
import pandas as pd
import pytest

from eventstudy import stats
from eventstudy.exceptions import EventStudyWarning, InsufficientDataError, StudyError
from eventstudy.faces import study_command
from eventstudy.faces.plot import plot_event_window
from eventstudy.stats import Event, EventStudy, returns_from_prices


def _parse(argv):
    parser = argparse.ArgumentParser(prog="eventstudy")
    sub = parser.add_subparsers(dest="command")
    study_command.add_parser(sub)
    return parser.parse_args(["study", *argv])


def _universe(seed=0, n_days=400, n_sec=4, start="2021-01-04"):
    rng = np.random.default_rng(seed)
    days = pd.bdate_range(start, periods=n_days)
    m = rng.normal(0.0003, 0.01, n_days)
    r = 0.0002 + m[:, None] * rng.uniform(0.5, 1.5, n_sec) + rng.normal(0, 0.01, (n_days, n_sec))
    return (
        pd.DataFrame(r, index=days, columns=[f"S{i}" for i in range(n_sec)]),
        pd.Series(m, index=days, name="market"),
    )


def _write(frame: pd.DataFrame | pd.Series, path) -> str:
    f = frame.to_frame() if isinstance(frame, pd.Series) else frame
    f.rename_axis("date").reset_index().assign(date=lambda d: d["date"].dt.strftime("%Y-%m-%d")).to_csv(
        path, index=False
    )
    return str(path)


def _day0_ar(argv, capsys) -> tuple[float, list[str]]:
    assert study_command.run(_parse([*argv, "--json"])) == 0
    out = json.loads(capsys.readouterr().out)
    day0 = next(d for d in out["days"] if d["day"] == 0)
    return day0["aar"], out["notes"]


# ------------------------------------------------------------- 1: gaps between price files
@pytest.mark.parametrize("gap_in", ["benchmark", "prices"])
def test_a_date_missing_from_one_price_file_is_skipped_by_both(tmp_path, capsys, gap_in):
    r, m = _universe(seed=1)
    prices, bench = 100 * (1 + r).cumprod(), 3000 * (1 + m).cumprod()
    event, before = r.index[300], r.index[299]
    ev = pd.DataFrame({"security": ["S0"], "date": [f"{event:%Y-%m-%d}"]})
    ev.to_csv(tmp_path / "ev.csv", index=False)
    gappy_p = prices.drop(before) if gap_in == "prices" else prices
    gappy_b = bench.drop(before) if gap_in == "benchmark" else bench
    common = ["--estimation=-250:-11", "--event=-1:1", "--events", str(tmp_path / "ev.csv")]
    got, notes = _day0_ar(
        [
            "--prices",
            _write(gappy_p, tmp_path / "p.csv"),
            "--benchmark",
            _write(gappy_b, tmp_path / "b.csv"),
            *common,
        ],
        capsys,
    )
    # the same complete files, cut to the dates both gappy files have, before any return is computed
    want, _ = _day0_ar(
        ["--prices", _write(prices.drop(before), tmp_path / "pc.csv"),
         "--benchmark", _write(bench.drop(before), tmp_path / "bc.csv"), *common],
        capsys,
    )  # fmt: skip
    assert got == pytest.approx(want, rel=1e-12)
    # and not the old pairing of a one-day return with a two-day one
    naive_r = returns_from_prices(gappy_p)
    naive_b = returns_from_prices(gappy_b.to_frame()).iloc[:, 0]
    naive = EventStudy(naive_r, naive_b, [Event("S0", event)], estimation=(-250, -11)).run()
    assert abs(naive.event_ar[0, 1] - got) > 1e-4
    assert any(
        f"lack{'s' if gap_in == 'benchmark' else ''} 1 date(s)" in n and f"{before:%Y-%m-%d}" in n
        for n in notes
    )
    assert any(f"first {event:%Y-%m-%d}, from {r.index[298]:%Y-%m-%d}" in n for n in notes)


def test_common_date_returns_span_the_same_days_in_both_tables():
    d = pd.bdate_range("2024-01-01", periods=5)
    p = pd.DataFrame({"A": [10.0, 11.0, 12.0, 13.0, 14.0]}, index=d)
    b = pd.Series([100.0, 101.0, 103.0, 104.0], index=d.delete(2))
    r, rb, notes = stats.common_date_returns(p, b)
    assert list(r.index) == list(rb.index) == list(d[[1, 3, 4]])
    assert r.loc[d[3], "A"] == pytest.approx(13 / 11 - 1) and rb.loc[d[3]] == pytest.approx(103 / 101 - 1)
    assert len(notes) == 1 and "1 return(s) span a skipped date" in notes[0]
    assert stats.common_date_returns(p, p["A"])[2] == ()  # same dates: no note
    with pytest.raises(StudyError, match="share 1 date"):
        stats.common_date_returns(p, b.iloc[:1])


# ------------------------------------------------------------------ 2 and 5: events CSV
@pytest.mark.parametrize("text", ["04/03/2022", "3 April 2022", "2022/04/03", "20220403"])
def test_events_csv_dates_must_be_iso(tmp_path, text):
    (tmp_path / "e.csv").write_text(f"security,date\nS0,2022-02-15\nS1,{text}\n")
    with pytest.raises(study_command.StudyInputError, match=rf"line 3: date '{text}' is not YYYY-MM-DD"):
        study_command.read_events(tmp_path / "e.csv")


def test_study_refuses_a_day_first_events_file(tmp_path):
    r, m = _universe(seed=2)
    (tmp_path / "e.csv").write_text("security,date\nS0,24/02/2022\n")
    argv = ["--returns", _write(r, tmp_path / "r.csv"), "--benchmark", _write(m, tmp_path / "m.csv"),
            "--events", str(tmp_path / "e.csv")]  # fmt: skip
    with pytest.raises(study_command.StudyInputError, match="line 2: date '24/02/2022' is not YYYY-MM-DD"):
        study_command.run(_parse(argv))


def test_event_dates_given_as_text_to_the_api_must_be_iso():
    r, m = _universe(seed=2)
    with pytest.raises(StudyError, match=r"event date '04/03/2021' \(event 1\) is not a date"):
        EventStudy(r, m, [Event("S0", "2021-11-01"), Event("S1", "04/03/2021")]).run()
    ok = EventStudy(r, m, [Event("S0", "2021-11-01 16:45"), Event("S1", "2021-11-02T09:00:00+00:00")])
    assert ok.run().n_events == 2  # ISO with a time of day is fine


def test_events_csv_values_stay_text(tmp_path):
    (tmp_path / "e.csv").write_text(
        "security,date,id\n0012,2022-02-15,1\nNA,2022-02-24,\n10107, 2022-03-01 ,3\n"
    )
    ev = study_command.read_events(tmp_path / "e.csv")
    assert ev["security"].tolist() == ["0012", "NA", "10107"]
    assert ev["date"].tolist() == ["2022-02-15", "2022-02-24", "2022-03-01"]
    r, m = _universe(seed=3, n_sec=3)
    r.columns = ["0012", "NA", "10107"]
    res = EventStudy(r, m, ev, estimation=(-250, -11)).run()
    assert list(res.securities) == ["0012", "NA", "10107"]
    assert list(res.event_ids) == ["1", "NA", "3"]  # a blank id gets the default id; 1 is not "1.0"


def test_float_ids_from_a_blank_are_written_as_integers():
    r, m = _universe(seed=3, n_sec=2)
    ev = pd.DataFrame({"security": ["S0", "S1"], "date": ["2022-02-15", "2022-02-24"], "id": [1.0, np.nan]})
    assert list(EventStudy(r, m, ev).run().event_ids) == ["1", "S1"]


# ------------------------------------------------------------------ 3: repeated events
def test_repeated_events_are_dropped_keeping_the_first():
    r, m = _universe(seed=4)
    once = [Event("S0", "2022-02-15"), Event("S1", "2022-02-24")]
    thrice = [once[0], once[0], once[0], once[1]]
    res = EventStudy(r, m, thrice, estimation=(-250, -11)).run()
    ref = EventStudy(r, m, once, estimation=(-250, -11)).run()
    assert res.n_events == 2 and list(res.event_ids) == ["S0@2022-02-15#0", "S1@2022-02-24"]
    assert list(res.dropped.index) == ["S0@2022-02-15#1", "S0@2022-02-15#2"]
    assert res.dropped["reason"].str.contains("repeats an earlier event's security and day 0").all()
    assert any("'S0@2022-02-15#1' repeats 'S0@2022-02-15#0'" in n for n in res.notes)
    pd.testing.assert_frame_equal(res.tests, ref.tests)


def test_an_event_moved_onto_another_events_day_is_a_repeat():
    r, m = _universe(seed=4)
    ev = [Event("S0", "2022-02-14", id="monday"), Event("S0", "2022-02-12", id="saturday")]  # -> Monday
    res = EventStudy(r, m, ev, estimation=(-250, -11)).run()
    assert list(res.event_ids) == ["monday"] and list(res.dropped.index) == ["saturday"]
    res = EventStudy(r, m, ev[::-1], estimation=(-250, -11)).run()
    assert list(res.event_ids) == ["saturday"]  # the first given is kept


def test_repeats_with_calendar_date_windows():
    r, m = _universe(seed=4)
    res = EventStudy(r, m, ["S0", "S1", "S0"], estimation=("2021-01-04", "2021-12-31"),
                     event=("2022-01-03", "2022-01-05")).run()  # fmt: skip
    assert list(res.securities) == ["S0", "S1"] and len(res.dropped) == 1


# ------------------------------------------------------------------ 4: units of returns
def test_a_simple_return_below_minus_one_is_an_error():
    r, m = _universe(seed=5)
    r.iloc[10, 2] = -1.95
    with pytest.raises(
        StudyError, match=r"'S2' has the simple return -1.95 on 2021-01-18.*divide per cent by 100"
    ):
        EventStudy(r, m, [Event("S0", "2022-02-15")])
    with pytest.raises(StudyError, match="benchmark column 'market' has the simple return -2"):
        EventStudy(r.clip(lower=-0.5), m.where(m.index != m.index[5], -2.0), [Event("S0", "2022-02-15")])
    r.iloc[10, 2] = -1.0  # a total loss can happen
    with warnings.catch_warnings():
        warnings.simplefilter("error", EventStudyWarning)
        EventStudy(r, m, [Event("S0", "2022-02-15")])
    r.iloc[10, 2] = -1.95  # a log return may be below -1
    assert EventStudy(r, m, [Event("S0", "2022-02-15")], return_kind="log").run().n_events == 1


@pytest.mark.parametrize("where", ["returns", "benchmark", "factors"])
def test_returns_in_per_cent_warn(where):
    r, m = _universe(seed=6)
    f = pd.DataFrame({"mkt": m, "smb": np.random.default_rng(0).normal(0, 0.005, len(m))}, index=m.index)
    if where == "returns":
        r["S1"] = r["S1"] * 100
        r["S1"] = r["S1"].clip(lower=-0.99)  # no impossible value: only the size gives it away
    elif where == "benchmark":
        m = (m * 100).clip(lower=-0.99)
    else:
        f = f * 100
    kw = {"factors": f, "model": "factor"} if where == "factors" else {}
    with pytest.warns(EventStudyWarning, match=rf"The {where} column .* look like returns in per cent"):
        res = EventStudy(r, m if where != "factors" else None, [Event("S0", "2022-02-15")], **kw).run()
    assert any("divide them by 100" in n for n in res.notes)


# ------------------------------------------------------------------ 9: short tables
def test_min_estimation_is_honoured_when_the_window_starts_before_the_table():
    r, m = _universe(seed=7)
    ev = [Event("S0", r.index[80])]
    with pytest.raises(InsufficientDataError, match="only 70 estimation returns"):  # default needs 120
        EventStudy(r, m, ev, estimation=(-250, -11)).run()
    res = EventStudy(r, m, ev, estimation=(-250, -11), min_estimation=50).run()
    assert res.n_events == 1 and res.nobs[0] == 70
    assert any("starts before the first row of the returns table" in n for n in res.notes)
    # the same as padding the table with missing rows in front of it
    pad = pd.bdate_range(end=r.index[0], periods=200)[:-1]
    r2 = pd.concat([pd.DataFrame(np.nan, index=pad, columns=r.columns), r])
    m2 = pd.concat([pd.Series(np.nan, index=pad), m])
    ref = EventStudy(r2, m2, ev, estimation=(-250, -11), min_estimation=50).run()
    np.testing.assert_allclose(res.event_ar, ref.event_ar, rtol=1e-12)
    np.testing.assert_allclose(res.car()["se"], ref.car()["se"], rtol=1e-12)
    pd.testing.assert_frame_equal(res.event_stats, ref.event_stats)


def test_an_event_window_before_the_table_is_still_dropped():
    r, m = _universe(seed=7)
    res = EventStudy(r, m, [Event("S0", r.index[5]), Event("S1", r.index[300])], min_estimation=5).run()
    assert list(res.event_ids) == ["S1"]
    assert "starts fewer than 250 trading days" in res.dropped.loc["S0", "reason"]


# ------------------------------------------------------------------ 8 and 12: plots, sub-windows
def _tick_labels(ax):
    ax.figure.canvas.draw()
    return [t.get_text() for t in ax.get_yticklabels() if t.get_text()]


def test_tiny_aar_plot_has_distinct_percent_tick_labels():
    r, m = _universe(seed=8, n_sec=40)
    ev = [Event(f"S{i}", r.index[300 + i]) for i in range(40)]
    res = EventStudy(r * 0.05, m * 0.05, ev).run()  # |AAR| ~ 0.01%
    assert np.nanmax(np.abs(res.aar)) < 0.003
    fig = res.plot()
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    for ax in fig.axes:
        labels = _tick_labels(ax)
        assert len(labels) >= 3 and len(set(labels)) == len(labels), labels
        assert all(lab.endswith("%") for lab in labels)


def test_bad_alpha_and_sub_windows_are_typed_errors():
    r, m = _universe(seed=9)
    res = EventStudy(r, m, [Event("S0", "2022-02-15"), Event("S1", "2022-02-24")], event=(-3, 3)).run()
    for bad in (2, 0, -0.1, "a", float("nan"), True):
        with pytest.raises(
            StudyError, match=r"alpha=.* is not a significance level; give a number between 0 and 1"
        ):
            res.plot(alpha=bad)
    with pytest.raises(StudyError, match=r"end='a' is not an event day; give a whole number"):
        res.car_tests(-1, "a")
    with pytest.raises(StudyError, match=r"start=0.5 is not a whole number"):
        res.car(0.5, 1)
    assert res.car(-1.0, np.int64(1)).equals(res.car(-1, 1))
    frame = pd.DataFrame({"ar": [0.01], "car": [0.01], "car_se": [0.01]}, index=[0])
    with pytest.raises(StudyError, match="alpha=1.5 is not a significance level"):
        plot_event_window(frame, title="x", alpha=1.5)


# ------------------------------------------------------------------ factors without a factor model
def test_factors_with_another_model(tmp_path):
    r, m = _universe(seed=10)
    argv = ["--returns", _write(r, tmp_path / "r.csv"), "--benchmark", _write(m, tmp_path / "m.csv"),
            "--factors", _write(m.rename("f"), tmp_path / "f.csv"), "--event", "2022-02-14:2022-02-16",
            "--estimation", "2021-03-01:2022-01-31"]  # fmt: skip
    with pytest.raises(study_command.StudyInputError, match="--factors is used only by --model factor"):
        study_command.run(_parse(argv))
    res = EventStudy(r, m, [Event("S0", "2022-02-15")], factors=m.to_frame()).run()
    assert any("factors were not used" in n for n in res.notes)


def test_a_table_shorter_than_the_windows_gives_a_typed_error_or_a_cut_study():
    days = pd.bdate_range("2021-01-04", periods=200)
    r = pd.DataFrame({"A": np.random.default_rng(0).normal(0, 0.01, 200)}, index=days)
    # every event dropped before any fitting: the typed error, not numpy's ValueError
    with pytest.raises(InsufficientDataError, match="all 1 events were dropped"):
        EventStudy(r, None, [Event("A", days[-1])], model="constant-mean").run()
    # 200 rows for windows of 261: an event late enough estimates on the rows there are
    res = EventStudy(r, None, [Event("A", days[150])], model="constant-mean").run()
    assert res.n_events == 1 and int(res.nobs[0]) == 140


def test_car_tests_say_how_many_events_of_car_they_leave_out():
    days = pd.bdate_range("2021-01-04", periods=400)
    rng = np.random.default_rng(3)
    r = pd.DataFrame(rng.normal(0, 0.01, (400, 3)), index=days, columns=["A", "B", "C"])
    r.loc[days[301], "B"] = np.nan  # day +1 of B's event
    ev = [Event(c, days[300]) for c in "ABC"]
    res = EventStudy(r, None, ev, model="constant-mean", estimation=(-250, -11), event=(-2, 2)).run()
    assert res.car(-2, 2)["car"].notna().sum() == 3
    with pytest.warns(
        EventStudyWarning, match="1 of the 3 events of car.* leave them out and use the 2 events"
    ):
        res.car_tests(-2, 2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res.car_tests(-2, 0)  # B has every day of [-2, 0]: no warning


def test_one_event_alone_numbers_for_dates_repeated_columns_and_infinite_returns():
    from eventstudy.stats import Event, EventStudy

    idx = pd.bdate_range("2021-01-04", periods=300)
    r = pd.DataFrame({"A": np.random.default_rng(7).normal(0, 0.01, 300)}, index=idx)
    day = str(idx[280].date())
    one = EventStudy(r, events=Event("A", day), model="constant-mean").run()  # not in a list
    assert one.n_events == 1
    with pytest.raises(StudyError, match="is a number, not a date"):
        EventStudy(r, events=[Event("A", int(day.replace("-", "")))], model="constant-mean").run()
    twice = pd.concat([r, r], axis=1)
    with pytest.raises(StudyError, match="two columns named 'A'"):
        EventStudy(twice, events=[("A", day)], model="constant-mean").run()
    inf = r.copy()
    inf.iloc[279, 0] = np.inf
    with pytest.raises(StudyError, match="infinite value"):
        EventStudy(inf, events=[("A", day)], model="constant-mean").run()
