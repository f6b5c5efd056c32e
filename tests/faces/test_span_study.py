"""The event study over a claimed move's own sessions (a week, "since 24 February"), on the
bundled prices, with the CAR recomputed here from the price file by hand."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pandas as pd
import pytest

import eventstudy
from eventstudy.faces.api import span_study

WEEK = "LONDON, March 5, 2022 - For the week the FTSE 250 lost 7.3 per cent, its worst week in months."


def _closes(ticker: str) -> pd.Series:
    path = resources.files("eventstudy.data").joinpath(f"{ticker}.csv")
    with resources.as_file(path) as p:
        df = pd.read_csv(p, parse_dates=["date"], index_col="date")
    return df["close"]


def _car_by_hand(ticker: str, first: str, n: int) -> float:
    """Constant-mean model, estimation days -250..-11 before day 0 (MacKinlay 1997, eq. 4.1)."""
    r = _closes(ticker).pct_change().dropna()
    day0 = r.index.get_loc(pd.Timestamp(first))
    est = r.iloc[day0 - 250 : day0 - 10]
    return float((r.iloc[day0 : day0 + n] - est.mean()).sum())


def test_a_weekly_claim_gets_a_study_over_its_five_sessions():
    rep = eventstudy.check(WEEK, offline=True)
    (v,) = rep.verdicts
    assert v.status == "confirmed" and v.claim.kind == "weekly"
    s = rep.span_studies[0]
    assert s.window == (0, 4)
    assert s.frame["date"].iloc[0] == pd.Timestamp("2022-02-28")
    assert s.frame["date"].iloc[-1] == pd.Timestamp("2022-03-04")
    assert s.stats["car"] == pytest.approx(_car_by_hand("^FTMC", "2022-02-28", 5), abs=1e-12)
    assert s.stats["car"] == pytest.approx(s.frame["ar"].sum(), abs=1e-12)


def test_the_span_study_is_in_the_text_json_and_frame():
    rep = eventstudy.check(WEEK, offline=True)
    text = rep.summary()
    line = next(ln for ln in text.splitlines() if ln.startswith("  span:"))
    assert "over the 5 sessions 2022-02-28 .. 2022-03-04" in line
    car = rep.span_studies[0].stats["car"]
    assert f"{100 * car:+.2f} %" in line
    d = json.loads(json.dumps(rep.to_dict()))["claims"][0]
    assert d["span_study"]["sessions"] == 5 and d["span_study"]["first"] == "2022-02-28"
    assert d["span_study"]["car"] == pytest.approx(car)
    assert d["span_study_error"] is None
    assert rep.to_frame().loc[0, "span_car"] == pytest.approx(car)


def test_a_move_since_a_named_day_is_studied_from_the_day_after_its_base():
    text = "LONDON, March 8, 2022 - The FTSE 100 has fallen 3.4 per cent since February 24."
    rep = eventstudy.check(text, offline=True)
    (v,) = rep.verdicts
    assert v.status == "confirmed" and str(v.base_date) == "2022-02-24"
    s = rep.span_studies[0]
    assert s.frame["date"].iloc[0] == pd.Timestamp("2022-02-25")
    n = len(s.frame)
    assert s.frame["date"].iloc[-1] == pd.Timestamp(str(v.session))
    assert s.stats["car"] == pytest.approx(_car_by_hand("^FTSE", "2022-02-25", n), abs=1e-12)


def test_a_days_move_has_no_span_study():
    rep = eventstudy.check(
        "LONDON, March 8, 2022 - The FTSE 100 closed 0.1 per cent higher on Tuesday.", offline=True
    )
    assert rep.span_studies == {} and rep.span_errors == {}
    assert span_study(rep.verdicts[0]) is None
    assert rep.to_dict()["claims"][0]["span_study"] is None


def test_a_span_that_cannot_be_studied_says_why():
    # the week to 15 January 2021: the bundled prices start on 4 January, far too late for an
    # estimation window before it
    rep = eventstudy.check(
        "LONDON, January 16, 2021 - The FTSE 100 fell 2 per cent over the week.", offline=True
    )
    assert rep.verdicts[0].status in ("confirmed", "contradicted")
    assert 0 not in rep.span_studies
    err = rep.span_errors[0]
    assert "estimation" in err
    assert any(
        ln.startswith("  span:    event study over the move's sessions not run:")
        for ln in rep.summary().splitlines()
    )


def test_no_span_study_when_studies_are_off():
    rep = eventstudy.check(WEEK, offline=True, study=False)
    assert rep.span_studies == {}
    assert np.isfinite(rep.verdicts[0].compared["pct"])


def test_the_span_study_can_be_plotted():
    import matplotlib

    matplotlib.use("Agg")
    rep = eventstudy.check(WEEK, offline=True)
    fig = rep.plot(0, span=True)
    ax = fig.axes[0]
    assert len(ax.patches) == 5  # one AR bar per session of the week
    day = eventstudy.check(
        "LONDON, March 8, 2022 - The FTSE 100 closed 0.1 per cent higher on Tuesday.", offline=True
    )
    with pytest.raises(eventstudy.EventStudyError, match="no study over the sessions of claim 1"):
        day.plot(0, span=True)
    with pytest.raises(eventstudy.EventStudyError, match="does not exist"):
        day.plot(3)
