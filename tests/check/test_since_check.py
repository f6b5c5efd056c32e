"""Moves counted from a named day (``Claim.since``) on a small hand-made price table.

Thu 2024-01-04 closes at 1,000, Fri 2024-01-05 at 950 (the day named), Mon 2024-01-08 at 960,
Tue 2024-01-09 at 969 (the claim's day). From Friday's close the move is +2.0 %, +19 points;
from the close before Friday (Thursday's) it is -3.1 %, -31 points.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstudy.check import check_claim

THU, FRI, SAT, MON, TUE = (date(2024, 1, d) for d in (4, 5, 6, 8, 9))


@pytest.fixture
def src(mem):
    rows = {
        date(2023, 12, 27): 1010.0,
        date(2023, 12, 28): 1005.0,
        date(2023, 12, 29): 1002.0,
        date(2024, 1, 2): 1001.0,
        date(2024, 1, 3): 1003.0,
        THU: 1000.0,
        FRI: 950.0,
        MON: 960.0,
        TUE: 969.0,
    }
    return mem.MemorySource({"TEST": {d: (c, c, c, c) for d, c in rows.items()}})


def _since(mem, since, **kw):
    base = dict(kind="other", period="multi-day", since=since, trading_date=TUE)
    base.update(kw)
    return mem.claim(**base)


def test_measured_from_the_close_of_the_named_day(mem, src):
    v = check_claim(
        _since(mem, FRI, direction="up", pct=2.0, pct_text="2.0", points=19.0, points_text="19"), src
    )
    assert v.status == "confirmed"
    assert v.base_date == FRI
    assert v.compared["pct"] == pytest.approx(100 * (969 / 950 - 1))
    # the other reading (counting Friday's own fall) was compared and failed: both are kept
    assert [c.base_date for c in v.candidates] == [FRI, THU]
    assert v.candidates[1].status == "contradicted"
    assert any("counts 2024-01-05 itself" in n for n in v.notes)


def test_a_move_that_counts_the_named_days_own_is_measured_from_the_close_before(mem, src):
    v = check_claim(_since(mem, FRI, direction="down", pct=3.1, pct_text="3.1"), src)
    assert v.status == "confirmed"
    assert v.base_date == THU
    assert v.compared["pct"] == pytest.approx(-3.1)


def test_a_figure_that_holds_from_neither_close_is_contradicted_and_says_both(mem, src):
    v = check_claim(_since(mem, FRI, direction="up", pct=5.0, pct_text="5"), src)
    assert v.status == "contradicted"
    assert "since 2024-01-05" in v.explanation
    assert "Also contradicted from the close of 2024-01-04" in v.explanation


def test_a_record_is_measured_from_its_own_close_only(mem, src):
    # "down 3.1% from its record of 5 January" would hold only from Thursday's close: not a base
    v = check_claim(_since(mem, FRI, period="from-record", direction="down", pct=3.1, pct_text="3.1"), src)
    assert v.status == "contradicted"
    assert v.base_date == FRI
    assert v.candidates == ()
    up = check_claim(_since(mem, FRI, period="from-record", direction="up", pct=2.0, pct_text="2.0"), src)
    assert up.status == "confirmed"


def test_a_named_day_without_a_session_has_one_base_the_close_before_it(mem, src):
    v = check_claim(_since(mem, SAT, direction="up", pct=2.0, pct_text="2.0"), src)
    assert v.status == "confirmed"
    assert v.base_date == FRI
    assert v.candidates == ()


def test_a_named_day_that_is_the_claims_own_day_is_that_days_move(mem, src):
    v = check_claim(_since(mem, TUE, direction="up", pct=0.94, pct_text="0.94"), src)
    assert v.status == "confirmed"
    assert v.base_date == MON  # 969 / 960 - 1 = +0.9375 %


def test_a_named_day_after_the_claims_day_is_not_a_base(mem, src):
    v = check_claim(_since(mem, date(2024, 1, 10), direction="up", pct=2.0, pct_text="2.0"), src)
    assert v.status == "unverifiable"
    assert v.cause == "claim"


def test_one_base_confirmed_and_the_other_without_prices_is_ambiguous(mem):
    # the close before the named day is not in the data: that reading cannot be ruled out
    rows = {FRI: 950.0, MON: 960.0, TUE: 969.0}
    src = mem.MemorySource({"TEST": {d: (c, c, c, c) for d, c in rows.items()}})
    v = check_claim(_since(mem, FRI, direction="up", pct=2.0, pct_text="2.0"), src)
    assert v.status == "ambiguous"
    assert {c.status for c in v.candidates} == {"confirmed", "unverifiable"}
    assert "2024-01-05" in v.explanation


def test_the_prefetch_covers_the_close_before_the_named_day(mem, src):
    check_claim(_since(mem, FRI, direction="up", pct=2.0, pct_text="2.0"), src)
    assert min(start for _, start, _ in src.calls) <= THU


def test_a_snapshot_is_compared_with_the_days_range_from_the_base(mem):
    # Tuesday trades between 940 and 975 and closes at 969: from Friday's 950 close the day
    # reached -1.05 % .. +2.63 %; the close is +2.0 %
    rows = {THU: (1000.0,) * 4, FRI: (950.0,) * 4, MON: (960.0,) * 4, TUE: (955.0, 975.0, 940.0, 969.0)}
    src = mem.MemorySource({"TEST": rows})
    at_moment = _since(mem, FRI, period="from-record", direction="down", pct=1.0, pct_text="1", snapshot=True)
    v = check_claim(at_moment, src)
    assert v.status == "confirmed"
    assert "reachable within the day's range" in v.explanation
    assert "base close 950.00 (2024-01-05)" in v.explanation
    # the same figure read as the close is false (the index closed 2.0 % above the base)
    assert check_claim(
        _since(mem, FRI, period="from-record", direction="down", pct=1.0, pct_text="1"), src
    ).status == ("contradicted")
    # and a figure the day never reached is false as a snapshot too
    far = _since(mem, FRI, period="from-record", direction="down", pct=3.0, pct_text="3", snapshot=True)
    assert check_claim(far, src).status == "contradicted"


def test_a_base_named_as_a_close_has_no_second_candidate(mem, src):
    # -3.1 % holds only from Thursday's close; "from its close on Friday" rules that out
    v = check_claim(_since(mem, FRI, direction="down", pct=3.1, pct_text="3.1", base_close=True), src)
    assert v.status == "contradicted"
    assert v.base_date == FRI and v.candidates == ()
