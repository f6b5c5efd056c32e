"""EventStudy end to end: null calibration, date policies, drops, results views, typed errors."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest

from eventstudy.exceptions import (
    EventStudyWarning,
    InsufficientDataError,
    NotATradingDayError,
    PolicyError,
    StudyError,
    UnknownSecurityError,
)
from eventstudy.stats import Event, EventStudy, EventStudyResults


def _universe(seed=0, n_days=500, n_sec=50, days=None):
    rng = np.random.default_rng(seed)
    days = days if days is not None else pd.bdate_range("2021-01-04", periods=n_days)
    n_days = len(days)
    m = rng.normal(0.0003, 0.01, n_days)
    beta = rng.uniform(0.5, 1.5, n_sec)
    r = 0.0002 + m[:, None] * beta + rng.normal(0, 0.02, (n_days, n_sec))
    return (
        pd.DataFrame(r, index=days, columns=[f"S{i:02d}" for i in range(n_sec)]),
        pd.Series(m, index=days, name="market"),
        rng,
    )


def test_standardised_cars_have_unit_variance_under_the_null():
    """Under H0 (no event effect) CAR / se(CAR) from MacKinlay's full variance is ~ t(L-2): variance ~ 1."""
    returns, market, rng = _universe(seed=11, n_days=1500, n_sec=400)
    n = 10_000
    k = rng.choice(400 * 1360, n, replace=False)  # distinct (security, day) pairs: repeats are dropped
    events = pd.DataFrame({"security": returns.columns[k % 400], "date": returns.index[130 + k // 400]})
    res = EventStudy(returns, market, events, estimation=(-125, -6), event=(-5, 5)).run()
    assert res.n_events == n and res.nobs.min() == 120
    z = res.car()["t"].to_numpy()
    assert np.var(z) == pytest.approx(1.0, abs=0.05)
    assert abs(np.mean(z)) < 0.05
    # the naive variance (without the estimation-error term) would be too small: check it matters
    naive = res.car()["car"] / np.sqrt(res.sigma2 * 11)
    assert np.var(naive) > np.var(z)


def test_event_window_car_subwindows_add_up():
    returns, market, rng = _universe(seed=1)
    events = [Event("S01", "2022-03-15"), Event("S02", "2022-06-01", id="second")]
    res = EventStudy(returns, market, events, estimation=(-120, -11), event=(-5, 5)).run()
    assert list(res.event_ids) == ["S01", "second"]
    whole = res.car()["car"]
    parts = res.car(-5, -1)["car"] + res.car(0, 5)["car"]
    np.testing.assert_allclose(whole, parts, atol=1e-14)
    np.testing.assert_allclose(res.car(0, 0)["car"], res.ar.loc[0].to_numpy(), atol=1e-15)
    # event_frame's last cumulative CAR and its se equal car() over the whole window
    f = res.event_frame("second")
    assert f["car"].iloc[-1] == pytest.approx(res.car().loc["second", "car"], abs=1e-14)
    assert f["car_se"].iloc[-1] == pytest.approx(res.car().loc["second", "se"], abs=1e-14)
    assert list(f.columns) == [
        "date", "return", "expected", "ar", "ar_se", "ar_t", "ar_p", "ar_quantile",
        "car", "car_se", "car_t", "car_p",
    ]  # fmt: skip
    assert f.loc[0, "date"] == pd.Timestamp("2022-06-01")
    with pytest.raises(StudyError, match=r"no event day in \[7, 9\]"):
        res.car(7, 9)


def test_single_event_ar_quantile_is_the_empirical_rank():
    returns, market, _ = _universe(seed=2)
    returns.loc["2022-04-20", "S03"] += 0.5  # a huge jump on day 0
    res = EventStudy(
        returns, market, [Event("S03", "2022-04-20")], estimation=(-100, -11), event=(-1, 1)
    ).run()
    f = res.event_frame(0)
    assert f.loc[0, "ar_quantile"] == 1.0
    est = res.est_ar[0]
    assert f.loc[-1, "ar_quantile"] == pytest.approx(np.mean(est <= res.event_ar[0, 0]))
    assert res.event_stats.loc["S03", "car_quantile"] == 1.0
    assert f.loc[0, "ar_p"] < 1e-6


def test_date_policies_on_a_weekend_event():
    returns, market, _ = _universe(seed=3)
    ev = [Event("S00", "2022-05-07")]  # a Saturday
    kw = dict(estimation=(-100, -11), event=(-1, 1))
    nxt = EventStudy(returns, market, ev, date_policy="next", **kw).run()
    assert nxt.event_dates[0] == np.datetime64("2022-05-09")
    assert any("2022-05-07 -> 2022-05-09" in n and "date_policy='next'" in n for n in nxt.notes)
    assert "[1] " in str(nxt.summary())
    prev = EventStudy(returns, market, ev, date_policy="previous", **kw).run()
    assert prev.event_dates[0] == np.datetime64("2022-05-06")
    both = [Event("S00", "2022-05-07"), Event("S01", "2022-05-09")]
    skip = EventStudy(returns, market, both, date_policy="skip", **kw).run()
    assert list(skip.event_ids) == ["S01"]
    assert skip.dropped.loc["S00", "reason"].startswith("event date 2022-05-07 is not a trading day")
    assert any("1 of 2 events were dropped" in n for n in skip.notes)
    with pytest.raises(NotATradingDayError, match="2022-05-07 is not a trading day of the returns table"):
        EventStudy(returns, market, ev, date_policy="error", **kw).run()
    # a date beyond the table: another policy would not help, so the error does not suggest one
    with pytest.raises(NotATradingDayError, match="outside the returns table .*give returns that cover it"):
        EventStudy(returns, market, [Event("S00", "2030-01-05")], date_policy="error", **kw).run()


def test_timestamps_after_the_close_move_to_the_next_session():
    days = pd.bdate_range("2021-06-01", "2022-06-30")
    returns, market, _ = _universe(seed=4, days=days)
    events = pd.DataFrame(
        {
            "security": ["S00", "S01", "S02"],
            "date": [
                pd.Timestamp("2022-02-15 17:05", tz="Europe/London"),  # after the 16:30 close
                pd.Timestamp("2022-02-15 09:30", tz="Europe/London"),  # during the session
                pd.Timestamp("2022-02-15 23:30", tz="America/New_York"),  # 04:30 London on the 16th
            ],
        }
    )
    res = EventStudy(returns, market, events, estimation=(-100, -11), event=(-1, 1), calendar="XLON").run()
    assert [str(d) for d in res.event_dates] == ["2022-02-16", "2022-02-15", "2022-02-16"]
    assert any("after the close on XLON" in n for n in res.notes)
    no_cal = EventStudy(returns, market, events, estimation=(-100, -11), event=(-1, 1)).run()
    assert str(no_cal.event_dates[0]) == "2022-02-15"
    assert any("time of day of 3 event date(s) was ignored" in n for n in no_cal.notes)


def test_short_history_events_are_dropped_with_reasons():
    returns, market, _ = _universe(seed=5)
    returns.iloc[:400, 4] = np.nan  # S04 listed late
    events = [Event("S04", "2022-09-01"), Event("S05", "2021-02-01"), Event("S06", "2022-09-01"),
              Event("S07", returns.index[-1])]  # fmt: skip
    res = EventStudy(returns, market, events, estimation=(-120, -11), event=(-1, 1)).run()
    assert list(res.event_ids) == ["S06"]
    reasons = res.dropped["reason"]
    assert reasons["S04"].startswith("only ") and "min_estimation=55" in reasons["S04"]  # half of 110 days
    assert "starts fewer than 120 trading days" in reasons["S05"]
    assert "ends fewer than 1 trading days after" in reasons["S07"]
    with pytest.raises(InsufficientDataError, match="all 1 events were dropped"):
        EventStudy(returns, market, [Event("S04", "2022-09-01")], estimation=(-120, -11)).run()


def test_missing_returns_are_skipped_not_filled():
    returns, market, _ = _universe(seed=6)
    day0 = returns.index.get_loc(pd.Timestamp("2022-03-01"))
    returns.iloc[day0 - 50 : day0 - 40, 0] = np.nan
    returns.iloc[day0 + 1, 0] = np.nan
    res = EventStudy(
        returns, market, [Event("S00", "2022-03-01")], estimation=(-100, -11), event=(-1, 1)
    ).run()
    assert res.nobs[0] == 80
    assert np.isnan(res.event_ar[0, 2]) and res.car()["n_days"].iloc[0] == 2
    assert any("fewer than 90 estimation returns" in n for n in res.notes)


def test_calendar_date_windows_share_one_event():
    returns, market, _ = _universe(seed=7)
    res = EventStudy(
        returns,
        market,
        ["S00", "S01"],
        estimation=("2021-01-01", "2021-12-31"),
        event=("2022-01-03", "2022-01-07"),
    ).run()
    assert res.event_days.tolist() == [0, 1, 2, 3, 4]
    assert res.nobs.tolist() == [260, 260]
    with pytest.raises(StudyError, match="every event shares one event date"):
        EventStudy(
            returns,
            market,
            [Event("S00", "2022-01-03"), Event("S01", "2022-01-05")],
            estimation=("2021-01-01", "2021-12-31"),
            event=("2022-01-03", "2022-01-07"),
        ).run()


def test_results_are_immutable_and_render():
    returns, market, rng = _universe(seed=8)
    events = pd.DataFrame(
        {"security": ["S01", "S02", "S03"], "date": ["2022-02-01", "2022-03-01", "2022-04-01"]}
    )
    study = EventStudy(returns, market, events, estimation=(-120, -11), event=(-3, 3))
    res = study.run()
    assert isinstance(res, EventStudyResults)
    with pytest.raises(AttributeError):
        res.notes = ()  # type: ignore[misc]
    tidy = res.to_frame()
    assert len(tidy) == 3 * 7 and {"id", "day", "date", "ar", "car"} <= set(tidy.columns)
    np.testing.assert_allclose(tidy.groupby("day")["ar"].mean().to_numpy(), res.aar.to_numpy())
    text = str(res.summary())
    assert "market model (OLS)" in text and "Event Study Results" in text
    assert res.summary().as_html().startswith("<pre>")
    fig = res.plot()
    assert len(fig.axes) == 2
    assert study.run().car().equals(res.car())  # the model is unchanged by run()


def test_typed_errors_for_bad_input():
    returns, market, _ = _universe(seed=9, n_days=200)
    with pytest.raises(UnknownSecurityError, match="unknown security 'ZZZ'"):
        EventStudy(returns, market, [Event("ZZZ", "2021-06-01")], estimation=(-50, -11))
    with pytest.raises(
        InsufficientDataError, match=r"need at least 132 trading days \(120 estimation days up to day -11"
    ):  # an estimation window may start before the table, but min_estimation days must fit
        EventStudy(returns.iloc[:131], market, [Event("S00", "2021-06-01")])
    with pytest.raises(PolicyError, match="date_policy='later' is not valid"):
        EventStudy(returns, market, [Event("S00", "2021-06-01")], date_policy="later")  # type: ignore[arg-type]
    with pytest.raises(PolicyError, match="model='capm' is not valid"):
        EventStudy(returns, market, [Event("S00", "2021-06-01")], model="capm")  # type: ignore[arg-type]
    with pytest.raises(StudyError, match="needs benchmark returns"):
        EventStudy(returns, None, [Event("S00", "2021-06-01")], estimation=(-50, -11))
    with pytest.raises(StudyError, match="overlaps the event window"):
        EventStudy(returns, market, [Event("S00", "2021-06-01")], estimation=(-50, 0))
    with pytest.raises(StudyError, match="is not a window"):
        EventStudy(returns, market, [Event("S00", "2021-06-01")], event=5)  # type: ignore[arg-type]
    with pytest.raises(StudyError, match="event date 'soon' .* is not a date"):
        EventStudy(returns, market, [Event("S00", "soon")], estimation=(-50, -11)).run()
    with pytest.raises(StudyError, match="sorted dates"):
        EventStudy(returns.iloc[::-1], market, [Event("S00", "2021-06-01")])


def test_estudy2_mean_abnormal_returns(validation_dir):
    base = validation_dir / "estudy2"
    rates = pd.read_csv(base / "rates.csv", index_col="date", parse_dates=True)
    index = pd.read_csv(base / "rates_indx.csv", index_col="date", parse_dates=True)
    expected = pd.read_csv(base / "expected_parametric.csv", index_col="date", parse_dates=True)
    res = EventStudy(
        rates, index, None, estimation=("2019-04-01", "2020-03-13"), event=("2020-03-16", "2020-03-20")
    ).run()
    np.testing.assert_allclose(res.aar.to_numpy(), expected["mean_aar"].to_numpy(), rtol=0, atol=5e-9)
    counted = rates.loc["2019-04-01":"2020-03-13"].notna().sum()  # missing returns are skipped
    assert res.nobs.tolist() == counted.tolist() and counted["UBER"] < counted["ZM"] < counted["AMZN"]


def _printed(path):
    """Published values with the tolerance of their printed precision (half a unit in the last digit)."""
    raw = pd.read_csv(path, dtype=str).set_index("date")
    values = raw.astype(float)
    decimals = raw.map(lambda s: len(s.split(".")[1]) if "." in s else 0)
    return values, 0.5 * 10.0 ** (-decimals.astype(float)) + 1e-12


@pytest.mark.parametrize("kind", ["parametric", "nonparametric"])
def test_estudy2_vignette_all_statistics(validation_dir, kind):
    """Market model on the estudy2 data reproduces every published statistic (5 days) to the printed digits."""
    base = validation_dir / "estudy2"
    rates = pd.read_csv(base / "rates.csv", index_col="date", parse_dates=True)
    index = pd.read_csv(base / "rates_indx.csv", index_col="date", parse_dates=True)
    res = EventStudy(
        rates,
        index,
        None,
        model="market",
        estimation=("2019-04-01", "2020-03-13"),
        event=("2020-03-16", "2020-03-20"),
        convention="estudy2",
    ).run()
    expected, tol = _printed(base / f"expected_{kind}.csv")
    got = res.tests
    assert [str(d) for d in res.event_day_dates[0]] == list(expected.index)
    for col in expected.columns:
        diff = np.abs(got[col].to_numpy() - expected[col].to_numpy())
        assert (diff <= tol[col].to_numpy()).all(), (col, got[col].to_numpy(), expected[col].to_numpy())


def test_car_tests_are_wired_to_the_significance_module(validation_dir):
    base = validation_dir / "estudy2"
    rates = pd.read_csv(base / "rates.csv", index_col="date", parse_dates=True)
    index = pd.read_csv(base / "rates_indx.csv", index_col="date", parse_dates=True)
    res = EventStudy(
        rates, index, None, estimation=("2019-04-01", "2020-03-13"), event=("2020-03-16", "2020-03-20")
    ).run()
    tests = res.car_tests(0, 4)
    car = res.car(0, 4)["car"]
    # the cross-sectional t-test of the CAAR is mean / (sd / sqrt(N)), computed here by hand
    assert tests["t_test"].stat == pytest.approx(
        car.mean() / (car.std(ddof=1) / np.sqrt(len(car))), rel=1e-10
    )
    assert {"patell", "boehmer_bmp", "rank", "sign"} <= set(tests)
    assert list(res.tests.index) == [0, 1, 2, 3, 4]
    one = EventStudy(rates[["ZM"]], index, None, estimation=("2019-04-01", "2020-03-13"),
                     event=("2020-03-16", "2020-03-20")).run()  # fmt: skip
    assert len(one.plot().axes) == 2
    assert "Event ZM (ZM), day 0 = 2020-03-16" in str(one.summary())


# ---------------------------------------------------------------- acceptance defects
@pytest.mark.parametrize(
    ("start", "end"),
    [(-5, 5), (-2, 0), (0, 2), (-3, -1)],
    ids=["both-ends-out", "start-out", "end-out", "start-out-end-in"],
)
def test_car_subwindow_outside_the_event_window_is_refused(start, end):
    returns, market, _ = _universe(seed=21)
    res = EventStudy(
        returns, market, [Event("S01", "2022-03-15")], estimation=(-120, -11), event=(-1, 1)
    ).run()
    pattern = rf"\[{start}, {end}\] runs outside the event window \[-1, \+1\]"
    with pytest.raises(StudyError, match=pattern) as info:
        res.car(start, end)
    assert "\n" not in str(info.value)
    with pytest.raises(StudyError, match=pattern):
        res.car_tests(start, end)
    assert res.car(-1, 1)["n_days"].iloc[0] == 3  # the whole window still works


def test_unknown_security_is_dropped_and_the_rest_goes_ahead():
    returns, market, _ = _universe(seed=22)
    known = pd.DataFrame(
        {"security": ["S01", "S02", "S03"], "date": ["2022-03-15", "2022-05-02", "2022-06-01"]}
    )
    mixed = pd.concat(
        [known.iloc[:2], pd.DataFrame({"security": ["^XXX"], "date": ["2022-04-01"]}), known.iloc[2:]],
        ignore_index=True,
    )
    kw = {"estimation": (-120, -11), "event": (-2, 2)}
    want = EventStudy(returns, market, known, **kw).run()
    got = EventStudy(returns, market, mixed, **kw).run()
    assert list(got.event_ids) == list(want.event_ids) == ["S01", "S02", "S03"]
    np.testing.assert_array_equal(got.event_ar, want.event_ar)
    pd.testing.assert_frame_equal(got.car(), want.car())
    pd.testing.assert_frame_equal(got.tests, want.tests)
    assert list(got.dropped.index) == ["^XXX"]
    assert got.dropped.loc["^XXX", "reason"] == "security '^XXX' not in the returns table"
    assert any("1 of 4 events were dropped" in n and "^XXX" in n for n in got.notes)
    # every event unknown: still a typed error
    with pytest.raises(UnknownSecurityError, match=r"unknown security '\^XXX'"):
        EventStudy(returns, market, mixed.iloc[[2]], **kw)


def test_unknown_security_with_calendar_date_windows_does_not_set_day_zero():
    returns, market, _ = _universe(seed=23)
    events = [Event("^XXX", "2021-09-01"), Event("S01", "2022-03-15"), Event("S02", "2022-03-15")]
    kw = {"estimation": ("2021-06-01", "2022-02-28"), "event": ("2022-03-14", "2022-03-16")}
    got = EventStudy(returns, market, events, **kw).run()
    want = EventStudy(returns, market, events[1:], **kw).run()
    assert list(got.event_days) == list(want.event_days) == [-1, 0, 1]
    np.testing.assert_array_equal(got.event_ar, want.event_ar)
    assert list(got.dropped.index) == ["^XXX"]


@pytest.mark.parametrize("where", ["returns", "benchmark"])
def test_prices_given_as_returns_warn_and_leave_a_note(where):
    returns, market, _ = _universe(seed=24, n_sec=3)
    if where == "returns":
        returns = returns.assign(S01=1000 * np.exp(np.cumsum(returns["S01"])))  # an index level
    else:
        market = 3000 * np.exp(np.cumsum(market))
    column = "S01" if where == "returns" else "market"
    pattern = rf"The {where} column '{column}' has median \|value\| .* look like prices"
    with pytest.warns(EventStudyWarning, match=pattern) as record:
        study = EventStudy(returns, market, [Event("S00", "2022-03-15")], estimation=(-120, -11))
    assert len(record) == 1 and record[0].filename == __file__  # points at the caller's line
    assert "returns_from_prices" in str(record[0].message) and "\n" not in str(record[0].message)
    res = study.run()
    assert any(re.search(pattern, n) for n in res.notes)
    assert "look like prices" in str(res.summary())


def test_volatile_returns_are_not_mistaken_for_prices():
    returns, market, _ = _universe(seed=25, n_sec=3)
    returns["S01"] *= 3  # median |r| ~ 0.04: wild but still returns (as fractions)
    returns.iloc[:5, 0] = 1e6  # and a few absurd values do not move the median
    with warnings.catch_warnings():
        warnings.simplefilter("error", EventStudyWarning)
        res = EventStudy(returns, market, [Event("S01", "2022-03-15")], estimation=(-120, -11)).run()
    assert res.n_events == 1 and not any("prices" in n or "per cent" in n for n in res.notes)


def test_an_event_whose_security_is_its_own_benchmark_is_dropped_with_the_reason():
    returns, market, _ = _universe(seed=5)
    returns = returns.assign(MKT=market)  # a security that is the benchmark itself
    ev = [Event("S00", "2022-05-09"), Event("MKT", "2022-05-09")]
    res = EventStudy(returns, market, ev, estimation=(-100, -11), event=(-1, 1)).run()
    assert list(res.event_ids) == ["S00"]
    assert "fits the estimation window exactly" in res.dropped.loc["MKT", "reason"]


def test_per_event_properties_are_pandas_keyed_by_event_id():
    """bhar, sigma, df_resid and ar_quantile come out as pandas, labelled like ar and event_stats."""
    returns, market, _ = _universe(seed=5)
    events = [Event("S01", "2022-03-15"), Event("S02", "2022-06-01", id="second")]
    res = EventStudy(returns, market, events, estimation=(-120, -11), event=(-3, 3)).run()
    stats = res.event_stats
    for name, col in (("bhar", "bhar"), ("sigma", "sigma"), ("df_resid", "df")):
        s = getattr(res, name)
        assert isinstance(s, pd.Series) and list(s.index) == ["S01", "second"], name
        np.testing.assert_allclose(s.to_numpy(), stats[col].to_numpy(), rtol=0, atol=0)
    assert res.sigma["second"] == pytest.approx(np.sqrt(res.sigma2[1]))
    q = res.ar_quantile
    assert isinstance(q, pd.DataFrame) and q.shape == res.ar.shape
    assert list(q.columns) == list(res.ar.columns) and list(q.index) == list(res.ar.index)
    # the day-0 column of event "second" is its event frame's quantile on day 0
    assert q.loc[0, "second"] == res.event_frame("second").loc[0, "ar_quantile"]
    assert q.loc[0, "S01"] == stats.loc["S01", "ar0_quantile"]
