"""Checks against the bundled real prices, and market context."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import pytest

from eventstudy.check import check_claim, check_claims, market_context
from eventstudy.prices.bundled import BundledSource
from eventstudy.read.model import Claim

SEED = Claim(
    index="FTSE 250",
    ticker="^FTMC",
    direction="up",
    pct=0.64,
    points=None,
    level=21755.73,
    kind="intraday",
    trading_date=date(2022, 2, 15),
    pct_text="0.64",
    level_text="21755.73",
)


def test_seed_claim_is_confirmed_with_the_numbers():
    # Reference numbers: the FTSE 250 row of 2022-02-15 and 2022-02-14 in shared/data/ftse250.csv;
    # 21755.73 / 1.0064 = 21617.378 (by hand); 21852.51 / 21617.89 - 1 = +1.085 %.
    v = check_claim(SEED, BundledSource())
    assert v.status == "confirmed"
    for text in (
        "21,755.73",
        "21,539.10-21,882.63",
        "21755.73/1.0064 = 21,617.38",
        "actual 21,617.89",
        "21,852.51 (+1.09 %",
    ):
        assert text in v.explanation, text
    assert v.actual["prev_close"] == 21617.89 and v.actual["close"] == 21852.51
    assert v.actual["implied_prev_close"] == pytest.approx(21617.38, abs=0.005)
    assert v.session == date(2022, 2, 15) and v.base_date == date(2022, 2, 14)


def test_seed_with_a_wrong_level_is_contradicted():
    from dataclasses import replace

    v = check_claim(replace(SEED, level=21955.73, level_text="21955.73"), BundledSource())
    assert v.status == "contradicted" and "level" in v.failed


def test_first_bundled_sessions():
    # 2021-01-05 needs the close of 2021-01-04, the first bundled session: found via the calendar
    first = Claim("FTSE 100", "^FTSE", "up", None, None, None, "close", date(2021, 1, 4))
    second = Claim("S&P 500", "^GSPC", "up", 0.71, None, None, "close", date(2021, 1, 5), pct_text="0.71")
    v1, v2 = check_claims([first, second], BundledSource())
    # the session itself is bundled: what is missing is its previous close, and the reason says so
    assert v1.status == "unverifiable" and v1.reason.startswith("no previous close")
    # S&P 500: 3700.65 (2021-01-04) -> 3726.86 (2021-01-05) = +0.708 %
    assert v2.status == "confirmed" and v2.actual["close_pct"] == pytest.approx(0.708, abs=0.001)


def test_known_gap_in_euro_stoxx_is_unverifiable():
    # PROVENANCE.md: ^STOXX50E has no row for 2021-05-13 (Ascension, a STOXX/Eurex session)
    c = Claim("Euro Stoxx 50", "^STOXX50E", "up", None, None, None, "close", date(2021, 5, 14))
    v = check_claim(c, BundledSource())
    assert v.status == "unverifiable" and "2021-05-13" in v.reason


def test_euro_stoxx_trades_on_new_years_eve_so_its_gap_there_is_unverifiable():
    # STOXX computes on Eurex days (31 Dec 2021 included), and the bundled file has no row for
    # it (PROVENANCE.md): the base of 3 Jan 2022 is missing, not the close of 30 Dec
    c = Claim(
        "Euro Stoxx 50", "^STOXX50E", "up", 0.78, None, None, "close", date(2022, 1, 3), pct_text="0.78"
    )
    v = check_claim(c, BundledSource())
    assert v.status == "unverifiable" and "2021-12-31" in v.reason


def test_market_context_on_invasion_day():
    # 24 Feb 2022: Europe fell, Wall Street closed higher (bundled closes)
    frame = market_context(date(2022, 2, 24), BundledSource(), direction="down")
    assert list(frame.columns) == [
        "index",
        "session",
        "prev_close",
        "close",
        "close_pct",
        "direction",
        "same_direction",
        "note",
    ]
    assert frame.loc["^FTSE", "close_pct"] == pytest.approx((7207.38 / 7498.18 - 1) * 100)
    assert frame.loc["^FTSE", "direction"] == "down" and bool(frame.loc["^FTSE", "same_direction"])
    assert frame.loc["^GSPC", "direction"] == "up" and not frame.loc["^GSPC", "same_direction"]


def test_market_context_keeps_rows_it_cannot_fill(mem):
    src = mem.MemorySource(
        {
            "A": {date(2024, 1, 2): (1, 1, 1, 100.0), date(2024, 1, 3): (1, 1, 1, 101.0)},
            "B": {date(2024, 1, 2): (1, 1, 1, 100.0), date(2024, 1, 3): (1, 1, 1, 99.0)},
            "C": {date(2024, 1, 2): (1, 1, 1, 100.0), date(2024, 1, 3): (1, 1, 1, 102.0)},
        }
    )
    frame = market_context("2024-01-03", src, tickers=["A", "B", "C", "MISSING"])
    assert frame.loc["A", "direction"] == "up" and frame.loc["B", "direction"] == "down"
    assert frame["same_direction"].tolist()[:3] == [True, False, True]  # majority: up
    assert math.isnan(frame.loc["MISSING", "close_pct"]) and "no prices" in frame.loc["MISSING", "note"]


def test_flat_read_from_text_allows_the_press_band_not_just_a_rounded_zero():
    # DAX 2022-04-19: 14,163.85 -> 14,153.46 is -0.073 % (bundled data). "Finished flat" prints
    # no number: the reader's 0.0 is not a printed "0.0 %", so the flat band (0.1 %) decides.
    from eventstudy.read import read_article

    (claim,) = read_article("The Dax finished flat at 14,153.46.", published="2022-04-19").claims
    assert (claim.direction, claim.pct, claim.pct_text) == ("flat", 0.0, None)
    v = check_claim(claim, BundledSource())
    assert v.status == "confirmed", v.explanation
    printed = Claim(
        index="DAX",
        ticker="^GDAXI",
        direction="flat",
        pct=0.0,
        points=None,
        level=None,
        kind="close",
        trading_date=date(2022, 4, 19),
        pct_text="0.0",
    )
    assert (
        check_claim(printed, BundledSource()).status == "contradicted"
    )  # "0.0%" printed: -0.07 rounds to -0.1


def test_an_implausible_one_day_figure_is_unverifiable_not_contradicted():
    # FTSE 100 on 2021-11-26 fell 3.64 % (bundled data); "14.8 %" is another figure misread
    from eventstudy.read import read_article

    art = read_article("The FTSE 100 fell 14.8% on Friday.", published="2021-11-27")
    v = check_claim(art.claims[0], BundledSource())
    assert v.status == "unverifiable"
    assert "implausible" in v.explanation and "-3.64 %" in v.explanation
    art = read_article("The FTSE 100 fell 2.9% on Friday.", published="2021-11-27")
    assert check_claim(art.claims[0], BundledSource()).status == "contradicted"


def test_a_large_percentage_with_the_days_closing_level_is_contradicted():
    # FTSE 100 closed at 7,044.03 on 2021-11-26 (-3.64 %): the level ties the claim to the day,
    # so "fell 14.8%" is a wrong percentage, not a misread longer period
    from eventstudy.read import read_article

    art = read_article("The FTSE 100 fell 14.8% to 7,044.03 on Friday.", published="2021-11-27")
    v = check_claim(art.claims[0], BundledSource())
    assert (v.status, v.failed) == ("contradicted", ("pct",))
    # with no day stated, the session whose close is the printed level is taken
    art = read_article("LONDON, 26 November 2021 - The FTSE 100 fell 14.8% to 7,044.03.")
    c = art.claims[0]
    assert c.alt_trading_date is not None
    v = check_claim(c, BundledSource())
    assert (v.status, str(v.session)) == ("contradicted", "2021-11-26")
    assert any("level is the close on 2021-11-26" in n for n in v.notes)


def test_each_number_is_judged_with_its_own_hedge():
    # FTSE 100 2022-06-30: 7,312.32 -> 7,169.28 is -1.956 %, -143.04 points (bundled data).
    # "almost 2 per cent" is just under 2 %; "more than 140 points" is at least 140 points.
    from eventstudy.read import read_article

    (claim,) = read_article(
        "The FTSE 100 fell almost 2 per cent to 7,169.28, down more than 140 points.", published="2022-06-30"
    ).claims
    assert (claim.hedge_for("pct"), claim.hedge_for("points"), claim.hedge_for("level")) == (
        "almost",
        "more than",
        None,
    )
    v = check_claim(claim, BundledSource())
    assert v.status == "confirmed", v.explanation
    # one hedge for every number ("almost 140 points" accepts at most 140.5): the points fail
    one_hedge = Claim(
        index="FTSE 100",
        ticker="^FTSE",
        direction="down",
        pct=2.0,
        points=140.0,
        level=7169.28,
        kind="close",
        trading_date=date(2022, 6, 30),
        hedge="almost",
        pct_text="2",
        points_text="140",
        level_text="7169.28",
    )
    assert check_claim(one_hedge, BundledSource()).status == "contradicted"


def test_a_hedged_points_figure_is_consistent_with_a_larger_percentage():
    # "more than 500 points, or 3.7%, to 13,878.82": 3.7 % down to 13,878.82 is ~533 points
    claim = Claim(
        index="Nasdaq Composite",
        ticker="^IXIC",
        direction="down",
        pct=3.7,
        points=500.0,
        level=13878.82,
        kind="close",
        trading_date=date(2022, 2, 3),
        pct_text="3.7",
        points_text="500",
        level_text="13878.82",
        points_hedge="more than",
    )
    v = check_claim(claim, BundledSource())
    assert not any("own numbers disagree" in n for n in v.notes), v.notes
    plain = Claim(**{**claim.__dict__, "points_hedge": None})
    assert any("own numbers disagree" in n for n in check_claim(plain, BundledSource()).notes)


def test_a_bound_or_hedged_figure_does_not_tie_an_implausible_percentage_to_the_day():
    from eventstudy.read import read_article

    for text, published in (
        ("LONDON, 26 November 2021 - The FTSE 100 fell 14.8% to below 7,100.", None),
        ("The FTSE 100 fell 14.8%, or more than 200 points, on Friday.", "2021-11-27"),
    ):
        art = read_article(text, published=published)
        assert check_claim(art.claims[0], BundledSource()).status == "unverifiable", text


def test_period_claims_without_a_time_are_checked_on_both_candidate_sessions():
    # FTSE 100: +1.78 % in 2022 to the 31 March close, +2.08 % to the 1 April close
    from eventstudy.read import read_article

    (c,) = read_article("LONDON, 1 April 2022 - The FTSE 100 is up 1.8 per cent this year.").claims
    v = check_claim(c, BundledSource())
    assert (v.status, str(v.session)) == ("confirmed", "2022-03-31")
    # a review of the month that has just ended
    (c,) = read_article("LONDON, 1 April 2022 - Over the month, the FTSE 100 rose 0.8 per cent.").claims
    v = check_claim(c, BundledSource())
    assert (v.status, str(v.session)) == ("confirmed", "2022-03-31")


def test_a_move_over_a_number_of_sessions_is_measured_from_the_close_before_them():
    # ^GSPC closes: 2022-03-14 4,173.11 -> 2022-03-18 4,463.12 (+6.95 %) over four sessions
    four = Claim(
        "S&P 500",
        "^GSPC",
        "up",
        6.95,
        None,
        None,
        "other",
        date(2022, 3, 18),
        pct_text="6.95",
        period="multi-day",
        sessions=4,
    )
    v = check_claim(four, BundledSource())
    assert v.status == "confirmed" and v.actual["base_close"] == pytest.approx(4173.11)
    # the week's 6.2 % (from the 11 March close) is not the four sessions' move
    wrong = replace(four, pct=6.2, pct_text="6.2")
    assert check_claim(wrong, BundledSource()).status == "contradicted"
    # without a count the span is unknown
    assert check_claim(replace(four, sessions=None), BundledSource()).status == "unverifiable"


class _Shaped:
    """A user's price source that answers in another shape (or fails its own way)."""

    def __init__(self, how: str) -> None:
        self.how, self.inner = how, BundledSource()

    def history(self, ticker, start, end):
        if self.how == "raises":
            raise KeyError(ticker)
        if self.how == "http":
            raise RuntimeError("HTTP 429: too many requests")
        f = self.inner.history(ticker, start, end)
        if self.how == "series":
            return f["close"]
        f.columns = [c.title() for c in f.columns]  # "Close", as yfinance names them
        return f


@pytest.mark.parametrize("how", ["caps", "series", "raises", "http"])
def test_a_users_source_in_another_shape_is_read_or_refused_with_a_typed_reason(how):
    # FTSE 100 on 2022-03-09: 6,964.11 -> 7,190.72 (+3.25 %)
    c = Claim("FTSE 100", "^FTSE", "up", 3.25, None, None, "close", date(2022, 3, 9), pct_text="3.25")
    v = check_claim(c, _Shaped(how))
    if how == "caps":
        assert v.status == "confirmed"
    else:
        assert v.status == "unverifiable" and v.reason.startswith("no prices")


def test_the_alternative_session_is_checked_as_its_own_kind():
    # FTSE 100, 2022-03-09: close +3.25 % (6,964.11 -> 7,190.72), a day's range of 0 .. +3.3 %.
    # "rose 1.5%" on 10 March at 10:30, or the close of 9 March: not the close (+3.25 %)
    c = Claim(
        "FTSE 100",
        "^FTSE",
        "up",
        1.5,
        None,
        None,
        "intraday",
        date(2022, 3, 10),
        pct_text="1.5",
        alt_trading_date=date(2022, 3, 9),
        alt_kind="close",
    )
    v = check_claim(c, BundledSource())
    assert {x.claim.kind for x in v.candidates} == {"intraday", "close"}
    (on_9th,) = [x for x in v.candidates if x.claim.kind == "close"]
    assert on_9th.status == "contradicted"
    # without alt_kind the 9th would be an intraday print inside its range, and confirmed
    assert (
        check_claim(
            replace(c, alt_kind=None, trading_date=date(2022, 3, 9), alt_trading_date=None), BundledSource()
        ).status
        == "confirmed"
    )
