"""Defects found by a researcher's review (round 6): each test fails on the code before its fix.

Synthetic returns with a fixed seed (no network, no shared data); the oracles are hand
formulas (exact signed-rank distribution, OLS by numpy's lstsq, MacKinlay's variance)
or equalities that must hold between two routes to the same number.
"""

from __future__ import annotations

import argparse
import warnings

import numpy as np
import pandas as pd
import pytest

from eventstudy.exceptions import EventStudyWarning, StudyError
from eventstudy.faces import study_command
from eventstudy.stats import Event, EventStudy, common_date_returns

DAYS = pd.bdate_range("2020-01-01", periods=420)


def _market(seed: int = 11) -> tuple[pd.DataFrame, pd.Series]:
    """Three securities following a market model with betas 0.6, 1.0, 1.4, and the market."""
    rng = np.random.default_rng(seed)
    mkt = pd.Series(rng.normal(0.0003, 0.01, len(DAYS)), index=DAYS, name="MKT")
    noise = rng.normal(0, 0.012, (len(DAYS), 3))
    r = pd.DataFrame(
        0.0001 + mkt.to_numpy()[:, None] * np.array([0.6, 1.0, 1.4]) + noise,
        index=DAYS,
        columns=["A", "B", "C"],
    )
    return r, mkt


# --------------------------------------------------------------- 1. estudy2 Wilcoxon
def test_estudy2_wilcoxon_survives_an_event_without_a_return_on_the_day():
    r, mkt = _market()
    day0 = DAYS[330]
    r.loc[day0, "A"] = np.nan  # A's market was shut on the event day
    r.loc[day0, ["B", "C"]] = [0.05, 0.04]  # both observed events rise: V = 1 + 2 = 3 of at most 3
    res = EventStudy(r, mkt, [Event(c, day0) for c in "ABC"], convention="estudy2").run()
    row = res.tests.loc[0]
    # estudy2 scales the day's V to all 3 events: 3 / 2 * 3 = 4.5 (above the 2-value maximum)
    assert row["wilcoxon_v"] == pytest.approx(4.5)
    # the p-value is that of the 2 observed values: P(V >= 3) = 1/4 by exact enumeration, doubled
    assert row["wilcoxon_v_p"] == pytest.approx(0.5)


# ------------------------------------------------------- 2. blank benchmark prices
def test_a_blank_benchmark_price_is_a_date_not_traded():
    rng = np.random.default_rng(2)
    prices = pd.DataFrame(
        100 * np.exp(np.cumsum(rng.normal(0, 0.01, (len(DAYS), 2)), axis=0)), index=DAYS, columns=["A", "B"]
    )
    bench = pd.Series(100 * np.exp(np.cumsum(rng.normal(0, 0.01, len(DAYS)))), index=DAYS, name="M")
    holiday = DAYS[200]
    blank = bench.copy()
    blank[holiday] = np.nan  # the benchmark's market shut that day
    r1, b1, notes1 = common_date_returns(prices, blank)
    r2, b2, _ = common_date_returns(prices, blank.dropna())
    pd.testing.assert_frame_equal(r1, r2)
    pd.testing.assert_series_equal(b1, b2)
    assert holiday not in r1.index
    # the day after the holiday keeps a (two-day) return in both tables
    after = DAYS[201]
    assert r1.loc[after, "A"] == pytest.approx(prices.loc[after, "A"] / prices.loc[DAYS[199], "A"] - 1)
    assert np.isfinite(b1[after])
    assert len(notes1) == 1 and "blank (NaN)" in notes1[0] and f"{holiday:%Y-%m-%d}" in notes1[0]


def test_a_row_without_any_security_price_is_dropped_too():
    rng = np.random.default_rng(4)
    prices = pd.DataFrame(
        100 * np.exp(np.cumsum(rng.normal(0, 0.01, (50, 2)), axis=0)), index=DAYS[:50], columns=["A", "B"]
    )
    bench = pd.Series(100 * np.exp(np.cumsum(rng.normal(0, 0.01, 50))), index=DAYS[:50])
    prices.iloc[20] = np.nan
    r, b, notes = common_date_returns(prices, bench)
    assert DAYS[20] not in r.index and r.loc[DAYS[21]].notna().all()
    assert "every security price is blank" in notes[0]


def test_study_prices_command_drops_blank_benchmark_dates(tmp_path, capsys):
    rng = np.random.default_rng(6)
    n = len(DAYS)
    prices = pd.DataFrame(
        100 * np.exp(np.cumsum(rng.normal(0, 0.01, (n, 2)), axis=0)), index=DAYS, columns=["A", "B"]
    )
    bench = pd.DataFrame({"M": 100 * np.exp(np.cumsum(rng.normal(0, 0.01, n)))}, index=DAYS)
    bench.iloc[329] = np.nan  # day -1 of the events
    prices.rename_axis("date").to_csv(tmp_path / "p.csv")
    bench.rename_axis("date").to_csv(tmp_path / "b.csv")
    pd.DataFrame({"security": ["A", "B"], "date": [f"{DAYS[330]:%Y-%m-%d}"] * 2}).to_csv(
        tmp_path / "e.csv", index=False
    )
    parser = argparse.ArgumentParser()
    study_command.add_parser(parser.add_subparsers(dest="command"))
    argv = ["study", "--prices", str(tmp_path / "p.csv"), "--benchmark", str(tmp_path / "b.csv")]
    argv += ["--events", str(tmp_path / "e.csv"), "--event=-2:2", "--json"]
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        assert study_command.run(parser.parse_args(argv)) == 0
    import json

    out = json.loads(capsys.readouterr().out)
    assert all(d["aar"] is not None for d in out["days"])  # no day lost to the blank price
    assert any("blank (NaN)" in n for n in out["notes"])


def test_no_mean_of_empty_slice_warning_on_a_day_nobody_traded():
    r, mkt = _market()
    r.iloc[329] = np.nan  # day -1 of every event
    res = EventStudy(r, mkt, [Event(c, DAYS[330]) for c in "ABC"], event=(-2, 2)).run()
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        aar = res.aar
        str(res.summary())
        res.plot()
        res.to_dict()
    assert np.isnan(aar.loc[-1]) and np.isfinite(aar.drop(-1)).all()


# ----------------------------------------- 3./4. factor models: own regressors, exact variance
def test_a_benchmark_does_not_change_a_factor_models_tests():
    r, mkt = _market()
    rng = np.random.default_rng(8)
    other = pd.Series(rng.normal(0, 0.01, len(DAYS)), index=DAYS)
    factors = mkt.to_frame("MKT")
    ev = [Event(c, DAYS[d]) for c in "ABC" for d in (300, 340, 380)]
    kw = dict(factors=factors, model="factor", event=(-3, 3))
    plain = EventStudy(r, None, ev, **kw).run()
    with_bench = EventStudy(r, other, ev, **kw).run()
    for key in ("boehmer_bmp", "kolari_pynnonen", "grank_t"):
        assert with_bench.car_tests(-3, 3)[key].stat == pytest.approx(
            plain.car_tests(-3, 3)[key].stat, abs=1e-12
        )
    pd.testing.assert_frame_equal(with_bench.tests, plain.tests)
    assert any("benchmark was not used" in n for n in with_bench.notes)


def test_one_factor_model_tests_equal_the_market_models():
    r, mkt = _market()
    ev = [Event(c, DAYS[d]) for c in "ABC" for d in (300, 340, 380)]
    factor = EventStudy(r, None, ev, factors=mkt.to_frame("MKT"), model="factor", event=(-5, 5)).run()
    market = EventStudy(r, mkt, ev, model="market", event=(-5, 5)).run()
    ct_f, ct_m = factor.car_tests(-5, 5), market.car_tests(-5, 5)
    for key in ("boehmer_bmp", "kolari_pynnonen", "grank_t"):
        assert abs(ct_f[key].stat - ct_m[key].stat) < 1e-10, key
    # and BMP is the t-test of the CARs standardised by car()'s exact MacKinlay s.e.
    c = factor.car(-5, 5)
    z = (c["car"] / c["se"]).to_numpy()
    t = z.mean() / (z.std(ddof=1) / np.sqrt(z.size))
    assert ct_f["boehmer_bmp"].stat == pytest.approx(t, abs=1e-10)


def test_two_factor_car_variance_is_the_exact_forecast_error_variance():
    r, mkt = _market()
    rng = np.random.default_rng(9)
    factors = pd.DataFrame({"MKT": mkt, "SMB": rng.normal(0, 0.005, len(DAYS))}, index=DAYS)
    ev = [Event(c, DAYS[d]) for c in "ABC" for d in (300, 360)]
    res = EventStudy(
        r, None, ev, factors=factors, model="factor", estimation=(-120, -11), event=(-2, 2)
    ).run()
    # the oracle: per event, OLS on its own estimation rows and V = T + s'(X'X)^-1 s
    z = []
    for e in ev:
        i = DAYS.get_loc(e.date)
        x = np.column_stack([np.ones(110), factors.iloc[i - 120 : i - 10].to_numpy()])
        y = r[e.security].iloc[i - 120 : i - 10].to_numpy()
        beta, rss, *_ = np.linalg.lstsq(x, y, rcond=None)
        xs = np.column_stack([np.ones(5), factors.iloc[i - 2 : i + 3].to_numpy()])
        car = float((r[e.security].iloc[i - 2 : i + 3].to_numpy() - xs @ beta).sum())
        s = xs.sum(axis=0)
        var = rss[0] / (110 - 3) * (5 + s @ np.linalg.inv(x.T @ x) @ s)
        z.append(car / np.sqrt(var))
    z = np.array(z)
    want = z.mean() / (z.std(ddof=1) / np.sqrt(z.size))
    assert res.car_tests(-2, 2)["boehmer_bmp"].stat == pytest.approx(want, rel=1e-9)


# ------------------------------------------------- 5. event window past the data
def test_a_calendar_event_window_past_the_data_leaves_a_note():
    r, mkt = _market()
    last = DAYS[-1]
    res = EventStudy(
        r, mkt, None, estimation=(DAYS[100], DAYS[350]), event=(DAYS[-3], last + pd.Timedelta(days=10))
    ).run()
    assert len(res.event_days) == 3
    note = [n for n in res.notes if "runs past the returns table" in n]
    assert len(note) == 1
    assert f"{last + pd.Timedelta(days=1):%Y-%m-%d} .. {last + pd.Timedelta(days=10):%Y-%m-%d}" in note[0]


# -------------------------------------------------- 6. the car_tests warning is true
def test_car_tests_warning_names_the_tests_that_leave_events_out():
    r, mkt = _market()
    ev = [Event(c, DAYS[d]) for c in "ABC" for d in (300, 340)]
    r.loc[DAYS[301], "B"] = np.nan  # day +1 of one event
    res = EventStudy(r, mkt, ev, event=(-2, 2)).run()
    with pytest.warns(EventStudyWarning) as rec:
        ct = res.car_tests(-2, 2)
    text = str(rec[0].message)
    assert "bw_1985 and rank" in text and "keep them" in text and "t_test" in text
    # and it is true: bw_1985 uses every event (the mean of each day over the events with an AR)
    complete = EventStudy(
        r, mkt, [e for e in ev if not (e.security == "B" and e.date == DAYS[300])], event=(-2, 2)
    )
    assert ct["bw_1985"].stat != pytest.approx(complete.run().car_tests(-2, 2)["bw_1985"].stat)
    assert ct["t_test"].distribution == "t(4)"  # 5 complete events of 6


# ---------------------------------------------------- 7. the plotted band's N
def test_mean_car_band_divides_by_the_events_in_the_mean_car():
    r, mkt = _market()
    ev = [Event(c, DAYS[330]) for c in "ABC"]
    r.loc[DAYS[330], "A"] = np.nan  # A has no AR on day 0 but a CAR (days -1 and +1 summed)
    res = EventStudy(r, mkt, ev, event=(-1, 1)).run()
    _, _, caar, caar_hw = res._band(0.05)
    car, var = res._cumulative()
    n_car = np.isfinite(car).sum(axis=0)
    assert n_car.tolist() == [3, 3, 3]
    want = 1.959963984540054 * np.sqrt(np.where(np.isfinite(car), var, 0.0).sum(axis=0)) / n_car
    np.testing.assert_allclose(caar_hw, want, rtol=1e-12)
    np.testing.assert_allclose(caar, np.nanmean(car, axis=0), rtol=1e-12)


# ------------------------------------------------ 8. times of day in the index
def test_a_day_given_twice_with_different_times_is_a_repeated_date():
    r, mkt = _market()
    stamped = r.copy()
    stamped.index = stamped.index + pd.Timedelta(hours=16, minutes=30)
    twice = pd.concat([stamped, r.iloc[300:305]]).sort_index()
    with pytest.raises(StudyError, match="without duplicates"):
        EventStudy(twice, mkt, [Event("A", DAYS[302])])
    # one row per day, stamped with its closing time, is fine
    res = EventStudy(stamped, mkt, [Event("A", DAYS[302])]).run()
    assert res.event_frame(0)["date"].dt.normalize().is_unique


# ----------------------------------------------------- 9. typed input errors
def test_factors_and_benchmark_with_repeats_or_text_raise_typed_errors():
    r, mkt = _market()
    ev = [Event("A", DAYS[330])]
    f = mkt.to_frame("MKT")
    with pytest.raises(StudyError, match="factors have repeated dates"):
        EventStudy(r, None, ev, factors=pd.concat([f, f.iloc[:1]]).sort_index(), model="factor")
    text_f = f.astype(object)
    text_f.iloc[5, 0] = "n/a"
    with pytest.raises(StudyError, match="factor returns must be numbers"):
        EventStudy(r, None, ev, factors=text_f, model="factor")
    text_b = mkt.astype(object)
    text_b.iloc[5] = "n/a"
    with pytest.raises(StudyError, match="benchmark returns must be numbers"):
        EventStudy(r, text_b, ev)


# ----------------------------------------------- 10. day 0 outside the window
def test_ar0_quantile_is_nan_when_day_0_is_not_in_the_event_window():
    r, mkt = _market()
    res = EventStudy(r, mkt, [Event(c, DAYS[330]) for c in "AB"], event=(2, 6)).run()
    assert res.event_stats["ar0_quantile"].isna().all()
    assert res.ar_quantile.notna().all().all()
    with_0 = EventStudy(r, mkt, [Event(c, DAYS[330]) for c in "AB"], event=(-1, 3)).run()
    np.testing.assert_array_equal(with_0.event_stats["ar0_quantile"], with_0.ar_quantile.loc[0])


# --------------------------------------------- 11. post-event estimation window
def test_a_post_event_estimation_window_is_allowed():
    r, mkt = _market()
    day0 = DAYS[100]
    res = EventStudy(r, mkt, [Event("B", day0)], estimation=(11, 250), event=(-1, 1)).run()
    i = 100
    x = np.column_stack([np.ones(240), mkt.iloc[i + 11 : i + 251].to_numpy()])
    beta, *_ = np.linalg.lstsq(x, r["B"].iloc[i + 11 : i + 251].to_numpy(), rcond=None)
    want = r["B"].iloc[i - 1 : i + 2].to_numpy() - (beta[0] + beta[1] * mkt.iloc[i - 1 : i + 2].to_numpy())
    np.testing.assert_allclose(res.ar["B"].to_numpy(), want, rtol=1e-9)
    assert int(res.nobs[0]) == 240


def test_windows_that_overlap_are_refused_with_a_true_message():
    r, mkt = _market()
    with pytest.raises(StudyError, match=r"overlaps the event window"):
        EventStudy(r, mkt, [Event("A", DAYS[300])], estimation=(-250, 0), event=(-1, 1))
    with pytest.raises(StudyError, match=r"overlaps the event window"):
        EventStudy(r, mkt, [Event("A", DAYS[100])], estimation=(1, 250), event=(-1, 1))


def test_returns_stamped_in_another_time_zone_are_refused_not_shifted():
    idx = pd.bdate_range("2021-03-01", periods=320, tz="Asia/Tokyo")
    r = pd.DataFrame({"X": np.random.default_rng(4).normal(0, 0.01, 320)}, index=idx)
    # midnight in the exchange's zone (as yfinance stamps sessions): the dates are kept
    local = EventStudy(r, events=[("X", "2022-03-01")], model="constant-mean").run()
    assert local.event_frame(0)["date"].iloc[1] == pd.Timestamp("2022-03-01")
    # the same instants in UTC fall on the day before at 15:00: refused, never shifted
    with pytest.raises(StudyError, match="time zone UTC"):
        EventStudy(r.tz_convert("UTC"), events=[("X", "2022-03-01")], model="constant-mean").run()
