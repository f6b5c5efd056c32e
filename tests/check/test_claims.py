"""Verdict logic on small hand-made price tables (numbers worked out by hand in each test)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from eventstudy.check import check_claim, check_claims
from eventstudy.check.verdict import Verdict


# ---------------------------------------------------------------- close: precision boundaries
@pytest.mark.parametrize(
    "close, status",
    [
        (10075.0, "confirmed"),
        (10085.0, "confirmed"),
        (10080.0, "confirmed"),
        (10074.4, "contradicted"),
        (10085.6, "contradicted"),
    ],
    ids=["0.75", "0.85", "0.80", "0.744", "0.856"],
)
def test_close_pct_covers_half_a_unit(mem, close, status):
    src = mem.two_day(10000.0, 10000.0, 10100.0, 9950.0, close)
    v = check_claim(mem.claim(pct=0.8, pct_text="0.8"), src)
    assert v.status == status
    slack = 100 * 0.05 / 10000.0  # 0.05 index points of data slack on the previous close, in %
    assert v.tolerance["pct"] == pytest.approx((0.75 - slack, 0.85 + slack))  # the range used
    assert v.compared["pct"] == pytest.approx((close / 10000.0 - 1) * 100)


@pytest.mark.parametrize(
    "close, status",
    [(7499.5, "confirmed"), (7500.5, "confirmed"), (7499.4, "contradicted"), (7500.6, "contradicted")],
    ids=["-0.5", "+0.5", "-0.6", "+0.6"],
)
def test_close_level_covers_half_a_point(mem, close, status):
    src = mem.two_day(7400.0, 7400.0, 7510.0, 7390.0, close)
    v = check_claim(mem.claim(level=7500.0, level_text="7500"), src)
    assert v.status == status
    assert v.actual["close"] == close


def test_close_points_and_level_and_pct_together(mem):
    # 1000 -> 1008: +0.80 %, +8 points, level 1008
    src = mem.two_day(1000.0, 1000.0, 1010.0, 995.0, 1008.0)
    v = check_claim(
        mem.claim(pct=0.8, points=8.0, level=1008.0, pct_text="0.8", points_text="8", level_text="1,008"), src
    )
    assert v.status == "confirmed"
    assert v.checks == {"pct": True, "points": True, "level": True, "direction": True}
    assert v.claimed == {"pct": 0.8, "points": 8.0, "level": 1008.0}
    # points inconsistent with the rest: 18 points is wrong
    v = check_claim(mem.claim(pct=0.8, points=18.0, level=1008.0, points_text="18"), src)
    assert v.status == "contradicted" and v.failed == ("points",)
    assert "points" in v.reason


def test_wrong_direction_is_contradicted(mem):
    src = mem.two_day(1000.0, 1000.0, 1010.0, 995.0, 1008.0)
    v = check_claim(mem.claim(direction="down", pct=0.8, pct_text="0.8"), src)
    assert v.status == "contradicted"
    assert set(v.failed) == {"pct", "direction"}
    assert v.compared["pct"] == pytest.approx(0.8) and v.claimed["pct"] == -0.8
    v = check_claim(mem.claim(direction="down"), src)  # direction only
    assert v.status == "contradicted" and v.failed == ("direction",)


def test_flat(mem):
    src = mem.two_day(1000.0, 1000.0, 1010.0, 995.0, 1000.5)  # +0.05 %
    assert check_claim(mem.claim(direction="flat"), src).status == "confirmed"
    src = mem.two_day(1000.0, 1000.0, 1010.0, 995.0, 1003.0)  # +0.3 %
    assert check_claim(mem.claim(direction="flat"), src).status == "contradicted"


# ---------------------------------------------------------------- hedges
@pytest.mark.parametrize(
    "hedge, pct, text, close, status",
    [
        ("nearly", 4.0, "4.0", 1036.0, "confirmed"),  # 3.6 is within 10 % below 4
        ("nearly", 4.0, "4.0", 1035.0, "contradicted"),  # 3.5 is too far below
        ("nearly", 4.0, "4.0", 1040.0, "confirmed"),  # 4.00: at the number, not over it
        ("nearly", 4.0, "4.0", 1040.4, "contradicted"),  # 4.04 rounds to 4.0 but is over it
        ("nearly", 4.0, "4.0", 1041.0, "contradicted"),  # 4.1 is over, not nearly
        ("more than", 2.0, "2.0", 1019.96, "confirmed"),  # 1.996: at least 2.0 less a tenth of its half unit
        ("more than", 2.0, "2.0", 1019.6, "contradicted"),  # 1.96 rounds to 2.0 but is not more than 2.0
        ("more than", 2.0, "2.0", 1030.0, "confirmed"),
        ("more than", 2.0, "2.0", 1019.4, "contradicted"),
        ("about", 2.0, "2.0", 1019.0, "confirmed"),  # 1.9 within 5 %
        ("about", 2.0, "2.0", 1021.2, "contradicted"),
        ("less than", 0.1, "0.1", 1000.5, "confirmed"),
        ("less than", 0.1, "0.1", 1002.0, "contradicted"),
    ],
)
def test_hedged_close_pct(mem, hedge, pct, text, close, status):
    src = mem.two_day(1000.0, 1000.0, 1050.0, 990.0, close)
    v = check_claim(mem.claim(pct=pct, pct_text=text, hedge=hedge), src)
    assert v.status == status
    assert any(hedge in n for n in v.notes)


def test_more_than_points(mem):
    src = mem.two_day(30000.0, 30000.0, 30300.0, 29900.0, 30199.97)
    assert (
        check_claim(mem.claim(points=200.0, points_text="200", hedge="more than"), src).status == "confirmed"
    )
    src = mem.two_day(30000.0, 30000.0, 30300.0, 29900.0, 30199.6)  # 199.6 is not more than 200
    assert (
        check_claim(mem.claim(points=200.0, points_text="200", hedge="more than"), src).status
        == "contradicted"
    )


@pytest.mark.parametrize(
    "low, status", [(29740.0, "confirmed"), (29750.0, "confirmed"), (29760.0, "contradicted")]
)
def test_as_much_as_needs_the_extreme(mem, low, status):
    # previous close 30,000; "down as much as 250 points" needs a low at or below 29,750.5
    src = mem.two_day(30000.0, 30000.0, 30100.0, low, 29990.0)
    v = check_claim(
        mem.claim(kind="intraday", direction="down", points=250.0, points_text="250", hedge="as much as"), src
    )
    assert v.status == status


# ---------------------------------------------------------------- intraday
def test_intraday_level_and_pct(mem):
    # prev 1000, range 990..1020; 1012 is +1.2 %
    src = mem.two_day(1000.0, 1000.0, 1020.0, 990.0, 1015.0)
    v = check_claim(mem.claim(kind="intraday", pct=1.2, level=1012.0, pct_text="1.2", level_text="1012"), src)
    assert v.status == "confirmed"
    assert v.actual["implied_prev_close"] == pytest.approx(1012.0 / 1.012)
    assert v.actual["close_pct"] == pytest.approx(1.5)
    assert "closed at 1,015.00 (+1.50 %" in v.explanation
    # level outside the day's range
    v = check_claim(mem.claim(kind="intraday", level=1025.0, level_text="1025"), src)
    assert v.status == "contradicted" and v.failed == ("level",)
    # level inside but % inconsistent with it: 1012 / 1.02 = 992.16, not 1000
    v = check_claim(mem.claim(kind="intraday", pct=2.0, level=1012.0, pct_text="2.0", level_text="1012"), src)
    assert v.status == "contradicted" and v.failed == ("pct",)
    assert v.actual["implied_prev_close"] == pytest.approx(1012.0 / 1.02)


def test_intraday_level_and_points(mem):
    src = mem.two_day(1000.0, 1000.0, 1020.0, 990.0, 1015.0)
    ok = check_claim(
        mem.claim(kind="intraday", points=12.0, level=1012.0, points_text="12", level_text="1012"), src
    )
    assert ok.status == "confirmed"
    bad = check_claim(
        mem.claim(kind="intraday", points=15.0, level=1012.0, points_text="15", level_text="1012"), src
    )
    assert bad.status == "contradicted" and bad.failed == ("points",)


def test_intraday_pct_must_be_reachable(mem):
    src = mem.two_day(1000.0, 1000.0, 1020.0, 990.0, 1015.0)  # -1 % .. +2 %
    assert check_claim(mem.claim(kind="intraday", pct=1.8, pct_text="1.8"), src).status == "confirmed"
    v = check_claim(mem.claim(kind="intraday", pct=2.5, pct_text="2.5"), src)
    assert v.status == "contradicted" and v.failed == ("pct",)
    assert v.compared["pct"] == pytest.approx(2.0)  # the closest the day came
    v = check_claim(mem.claim(kind="intraday", direction="down", pct=1.5, pct_text="1.5"), src)
    assert v.status == "contradicted"
    # down 0.5 % is reachable even though the index closed up
    v = check_claim(mem.claim(kind="intraday", direction="down", pct=0.5, pct_text="0.5"), src)
    assert v.status == "confirmed"


def test_intraday_points_against_pct(mem):
    src = mem.two_day(1000.0, 1000.0, 1020.0, 990.0, 1015.0)
    assert (
        check_claim(
            mem.claim(kind="intraday", pct=1.0, points=10.0, pct_text="1.0", points_text="10"), src
        ).status
        == "confirmed"
    )
    v = check_claim(mem.claim(kind="intraday", pct=1.0, points=15.0, pct_text="1.0", points_text="15"), src)
    assert v.status == "contradicted" and v.failed == ("points_vs_pct",)


def test_intraday_direction_only(mem):
    src = mem.two_day(1000.0, 1000.0, 999.0, 990.0, 995.0)  # never above the previous close
    assert check_claim(mem.claim(kind="intraday", direction="up"), src).status == "contradicted"
    assert check_claim(mem.claim(kind="intraday", direction="down"), src).status == "confirmed"


# ---------------------------------------------------------------- weekly and periods
@pytest.fixture
def long_source(mem):
    rows = {
        date(2023, 12, 15): (990.0, 1000.0, 985.0, 990.0),
        date(2023, 12, 29): (990.0, 1000.0, 985.0, 1000.0),  # last close of 2023 (Friday)
        date(2024, 1, 5): (1000.0, 1010.0, 995.0, 1005.0),  # Friday, week 1
        date(2024, 1, 8): (1005.0, 1010.0, 1000.0, 1008.0),
        date(2024, 1, 12): (1008.0, 1060.0, 1005.0, 1055.25),  # Friday, week 2: +5 % on 1,005
        date(2024, 1, 31): (1090.0, 1100.0, 1080.0, 1100.0),  # last close of January
        date(2024, 2, 29): (1200.0, 1215.0, 1195.0, 1210.0),  # +10 % in February, +21 % YTD
        date(2024, 3, 28): (1320.0, 1335.0, 1310.0, 1331.0),  # last close of Q1
        date(2024, 4, 10): (1331.0, 1340.0, 1190.0, 1197.9),  # -10 % in Q2
    }
    return mem.MemorySource({"TEST": rows})


def test_weekly_against_last_close_of_previous_week(mem, long_source):
    v = check_claim(
        mem.claim(kind="weekly", pct=5.0, pct_text="5.0", trading_date=date(2024, 1, 12)), long_source
    )
    assert v.status == "confirmed"
    assert v.base_date == date(2024, 1, 5) and v.actual["base_close"] == 1005.0
    v = check_claim(
        mem.claim(kind="weekly", pct=5.5, pct_text="5.5", trading_date=date(2024, 1, 12)), long_source
    )
    assert v.status == "contradicted"


@pytest.mark.parametrize(
    "period, day, direction, pct, base_date",
    [
        ("month", date(2024, 2, 29), "up", 10.0, date(2024, 1, 31)),
        ("year-to-date", date(2024, 2, 29), "up", 21.0, date(2023, 12, 29)),
        ("quarter", date(2024, 4, 10), "down", 10.0, date(2024, 3, 28)),
        ("year", date(2024, 4, 10), "up", 19.79, date(2023, 12, 29)),
    ],
)
def test_periods_against_previous_period_close(mem, long_source, period, day, direction, pct, base_date):
    c = mem.claim(
        kind="other", period=period, trading_date=day, direction=direction, pct=pct, pct_text=repr(pct)
    )
    v = check_claim(c, long_source)
    assert v.status == "confirmed", v.explanation
    assert v.base_date == base_date
    wrong = check_claim(
        mem.claim(
            kind="other",
            period=period,
            trading_date=day,
            direction=direction,
            pct=pct + 1,
            pct_text=repr(pct + 1),
        ),
        long_source,
    )
    assert wrong.status == "contradicted"


def test_open_to_close(mem, long_source):
    # 2024-01-12: open 1008 -> close 1055.25 = +4.6875 %, +47.25 points
    c = mem.claim(
        kind="other",
        period="open-to-close",
        trading_date=date(2024, 1, 12),
        pct=4.69,
        points=47.25,
        pct_text="4.69",
        points_text="47.25",
    )
    v = check_claim(c, long_source)
    assert v.status == "confirmed" and v.base_date == date(2024, 1, 12)
    assert v.actual["prev_close"] == 1008.0  # the close is reported on the previous close too


# ---------------------------------------------------------------- unverifiable
def test_missing_prices_do_not_stop_the_others(mem):
    src = mem.two_day(1000.0, 1000.0, 1010.0, 995.0, 1008.0)
    good = mem.claim(pct=0.8, pct_text="0.8")
    missing = mem.claim(ticker="NOPE", pct=0.8)
    v_missing, v_good = check_claims([missing, good], src)
    assert v_missing.status == "unverifiable" and "no prices" in v_missing.reason
    assert "NOPE" in v_missing.explanation
    assert v_good.status == "confirmed"


@pytest.mark.parametrize(
    "kw, reason",
    [
        (dict(ticker=None), "no ticker"),
        (dict(trading_date=None), "no trading date"),
        (dict(kind="other", period=None), "period None"),
        (dict(kind="other", period="from-record"), "'from-record' cannot be checked"),
        (dict(direction=None), "neither a direction nor a number"),
        (dict(trading_date=date(2024, 1, 9)), "no TEST prices for the session 2024-01-09"),
    ],
    ids=["ticker", "date", "no-period", "from-record", "nothing", "no-session"],
)
def test_unverifiable_reasons(mem, long_source, kw, reason):
    v = check_claim(mem.claim(**{"trading_date": date(2024, 1, 8), **kw}), long_source)
    assert v.status == "unverifiable"
    assert reason in v.reason
    assert v.reason in v.explanation


def test_gap_in_the_data_is_not_a_close_to_close_move(mem):
    # ^GSPC follows the NYSE calendar: 2024-01-04 is missing, so 2024-01-05's move cannot be measured
    rows = {date(2024, 1, 3): (1, 1, 1, 4700.0), date(2024, 1, 5): (1, 1, 1, 4750.0)}
    v = check_claim(
        mem.claim(ticker="^GSPC", trading_date=date(2024, 1, 5), pct=1.06, pct_text="1.06"),
        mem.MemorySource({"^GSPC": rows}),
    )
    assert v.status == "unverifiable" and "2024-01-04" in v.reason


def test_not_a_session(mem):
    rows = {date(2024, 1, 5): (1, 1, 1, 4700.0), date(2024, 1, 8): (1, 1, 1, 4750.0)}
    v = check_claim(
        mem.claim(ticker="^GSPC", trading_date=date(2024, 1, 6), direction="up"),
        mem.MemorySource({"^GSPC": rows}),
    )
    assert v.status == "unverifiable" and "not a trading session" in v.reason


# ---------------------------------------------------------------- ambiguity
def test_alternative_session_same_answer(mem, long_source):
    # up on both 2024-01-08 (+0.30 %) and 2024-01-05 (+0.50 %): "up" is confirmed either way
    c = mem.claim(trading_date=date(2024, 1, 8), alt_trading_date=date(2024, 1, 5))
    v = check_claim(c, long_source)
    assert v.status == "confirmed"
    assert len(v.candidates) == 2 and "alternative session 2024-01-05" in v.explanation


def test_alternative_sessions_settled_by_the_prices(mem, long_source):
    # +0.30 % on 2024-01-08, +0.50 % on 2024-01-05: "up 0.3 %" fits only the first
    c = mem.claim(trading_date=date(2024, 1, 8), alt_trading_date=date(2024, 1, 5), pct=0.3, pct_text="0.3")
    v = check_claim(c, long_source)
    assert v.status == "confirmed" and v.session == date(2024, 1, 8)
    assert [x.status for x in v.candidates] == ["confirmed", "contradicted"]
    assert any("2024-01-08" in n and "2024-01-05" in n for n in v.notes)
    # the same when the article's first guess is the session that does not fit
    c2 = mem.claim(trading_date=date(2024, 1, 5), alt_trading_date=date(2024, 1, 8), pct=0.3, pct_text="0.3")
    v2 = check_claim(c2, long_source)
    assert v2.status == "confirmed" and v2.session == date(2024, 1, 8)


def test_alternative_session_different_answers_is_ambiguous(mem, long_source):
    # wrong on one candidate and uncheckable on the other (no prices there): stays ambiguous
    c = mem.claim(trading_date=date(2024, 1, 5), alt_trading_date=date(2023, 6, 1), pct=0.3, pct_text="0.3")
    v = check_claim(c, long_source)
    assert v.status == "ambiguous"
    assert [x.status for x in v.candidates] == ["contradicted", "unverifiable"]
    assert "2024-01-05" in v.explanation and "2023-06-01" in v.explanation


# ---------------------------------------------------------------- the value object
def test_verdict_to_dict_is_json_ready(mem):
    src = mem.two_day(1000.0, 1000.0, 1010.0, 995.0, 1008.0)
    v = check_claim(mem.claim(pct=0.8, pct_text="0.8", hedge="more than"), src)
    d = json.loads(json.dumps(v.to_dict()))
    assert d["status"] == "confirmed" and d["session"] == "2024-01-03"
    # 0.8 less a tenth of its half unit, less the 0.05-point data slack on the base (0.005 %)
    assert d["tolerance"]["pct"] == [pytest.approx(0.795 - 0.005), "inf"]
    for k in ("prev_close", "open", "high", "low", "close", "close_pct", "close_points"):
        assert k in d["actual"]
    assert isinstance(v, Verdict) and str(v) == v.explanation


def test_prices_are_fetched_once_per_ticker(mem):
    src = mem.two_day(1000.0, 1000.0, 1010.0, 995.0, 1008.0)
    claims = [mem.claim(pct=0.8, pct_text="0.8")] * 50
    assert {v.status for v in check_claims(claims, src)} == {"confirmed"}
    # one wide request (fails: reaches outside the table), then one per distinct window
    assert len(src.calls) <= 3


def test_internal_inconsistency_is_noted(mem):
    # 1000 -> 1008 is +0.8 %, but "+8 points to 1008" with "1.8 %" disagree among themselves
    src = mem.two_day(1000.0, 1000.0, 1010.0, 995.0, 1008.0)
    v = check_claim(
        mem.claim(pct=1.8, points=8.0, level=1008.0, pct_text="1.8", points_text="8", level_text="1008"), src
    )
    assert v.status == "contradicted" and v.failed == ("pct",)
    assert any("own numbers disagree" in n and "0.800 %" in n for n in v.notes)
    ok = check_claim(
        mem.claim(pct=0.8, points=8.0, level=1008.0, pct_text="0.8", points_text="8", level_text="1008"), src
    )
    assert not any("disagree" in n for n in ok.notes)
