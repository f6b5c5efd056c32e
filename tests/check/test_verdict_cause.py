"""An unverifiable verdict says why in a typed field: missing prices, or the claim itself."""

from __future__ import annotations

import pytest

from eventstudy.check import check_claim


def _cause(v):
    return v.status, v.cause


def test_missing_prices_are_the_cause(mem):
    src = mem.two_day(1000.0, 1000.0, 1010.0, 995.0, 1008.0)
    # a ticker the source has no prices for
    assert _cause(check_claim(mem.claim(ticker="OTHER", pct=0.8), src)) == ("unverifiable", "prices")
    # the session is there but not the close the move is measured from
    only_day = mem.MemorySource({"TEST": {mem.DAY: (1000.0, 1010.0, 995.0, 1008.0)}})
    v = check_claim(mem.claim(pct=0.8), only_day)
    assert _cause(v) == ("unverifiable", "prices") and v.session == mem.DAY


@pytest.mark.parametrize(
    "kw",
    [
        {"ticker": None, "index": "Athens General"},
        {"trading_date": None},
        {"direction": None},
        {"pct": 14.0},  # a 14% day when the index moved 0.8%: a longer period, most likely
    ],
    ids=["no-ticker", "no-date", "nothing-claimed", "implausible"],
)
def test_the_claim_itself_is_the_cause(mem, kw):
    src = mem.two_day(1000.0, 1000.0, 1010.0, 995.0, 1008.0)
    assert _cause(check_claim(mem.claim(**kw), src)) == ("unverifiable", "claim")


def test_a_checked_claim_has_no_cause(mem):
    src = mem.two_day(1000.0, 1000.0, 1010.0, 995.0, 1008.0)
    up, down = check_claim(mem.claim(pct=0.8), src), check_claim(mem.claim(direction="down"), src)
    assert _cause(up) == ("confirmed", None) and _cause(down) == ("contradicted", None)
    assert check_claim(mem.claim(ticker="OTHER"), src).to_dict()["cause"] == "prices"
    assert up.to_dict()["cause"] is None


def test_an_implausible_day_figure_still_shows_what_the_index_did(mem):
    # (fact-checker review 7: the JSON of such a verdict had a session but no actual values)
    src = mem.two_day(1000.0, 1000.0, 1010.0, 995.0, 1008.0)
    v = check_claim(mem.claim(pct=26.0), src)
    assert v.status == "unverifiable" and v.session == mem.DAY
    assert v.actual["close"] == 1008.0 and v.actual["close_pct"] == pytest.approx(0.8)
