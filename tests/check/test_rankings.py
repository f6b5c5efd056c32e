"""Ranking and record statements checked against the bundled real prices.

The expected answers are found here by walking the bundled CSV rows one by one (plain Python,
no pandas arithmetic), independently of :mod:`eventstudy.check.rankings`.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from importlib import resources

import pandas as pd
import pytest

from eventstudy import check as check_article_api
from eventstudy.check import check_ranking
from eventstudy.prices import PriceLoader
from eventstudy.read.model import Ranking


def _f(x: str) -> float:
    return float(x) if x else float("nan")


def _rows(ticker: str) -> list[tuple[date, float, float, float]]:
    path = resources.files("eventstudy") / "data" / f"{ticker}.csv"
    with path.open() as f:
        return [
            (date.fromisoformat(r["date"]), _f(r["low"]), _f(r["high"]), _f(r["close"]))
            for r in csv.DictReader(f)
        ]


def _last_as_low(ticker: str, day: date, what: str) -> tuple[date | None, float]:
    """The last session before ``day`` whose close (what='close') or day's return
    (what='move') was at most the day's: found by a backwards walk."""
    rows = _rows(ticker)
    vals = []
    for k, (d, _lo, _hi, c) in enumerate(rows):
        if what == "close":
            vals.append((d, c))
        elif k:
            vals.append((d, c / rows[k - 1][3] - 1))
    v0 = next(v for d, v in vals if d == day)
    for d, v in reversed([x for x in vals if x[0] < day]):
        if v <= v0:
            return d, v0
    return None, v0


def _ranking(**kw) -> Ranking:
    base = dict(index="FTSE 100", ticker="^FTSE", what="move", extreme="low", trading_date=date(2022, 3, 4))
    base.update(kw)
    return Ranking(**base, period="day" if base["what"] == "move" else None, anchor_text="x", phrase="p")


@pytest.fixture
def src():
    return PriceLoader(offline=True)


def test_a_fall_is_the_biggest_since_the_last_bigger_one(src):
    day = date(2022, 3, 4)
    last, v0 = _last_as_low("^FTSE", day, "move")
    assert last is not None and v0 < 0
    # exact: the anchor is that day
    v = check_ranking(_ranking(anchor=last, anchor_end=last), src)
    assert v.status == "confirmed" and v.last == last and v.value == pytest.approx(v0, abs=1e-12)
    assert v.notes == ()
    # an anchor after it: the anchor was not the last time, the statement understates the fall
    later = last + timedelta(days=7)
    v = check_ranking(_ranking(anchor=later, anchor_end=later), src)
    assert v.status == "contradicted" and v.reason.startswith("understated") and str(last) in v.explanation
    # an anchor before it: that bigger fall came after the anchor
    earlier = last - timedelta(days=1)
    v = check_ranking(_ranking(anchor=earlier, anchor_end=earlier), src)
    assert v.status == "contradicted" and v.last == last and str(last) in v.explanation


def test_a_lowest_close_since_a_month(src):
    day = date(2022, 3, 7)
    last, v0 = _last_as_low("^FTSE", day, "close")
    assert last is not None
    first = last.replace(day=1)
    end = (pd.Timestamp(first) + pd.offsets.MonthEnd(0)).date()
    r = _ranking(what="close", trading_date=day, anchor=first, anchor_end=end)
    v = check_ranking(r, src)
    assert v.status == "confirmed" and v.last == last and v.value == v0
    # the month before that last lower close: contradicted (a lower close came after it)
    prev_end = first - timedelta(days=1)
    v = check_ranking(
        _ranking(what="close", trading_date=day, anchor=prev_end.replace(day=1), anchor_end=prev_end), src
    )
    assert v.status == "contradicted" and v.last == last
    # the month after it: that month was not the last time, it understates
    nxt = end + timedelta(days=1)
    v = check_ranking(
        _ranking(what="close", trading_date=day, anchor=nxt, anchor_end=nxt + timedelta(days=27)), src
    )
    assert v.status == "contradicted" and v.reason.startswith("understated")


def test_a_fall_claimed_on_an_up_day_is_contradicted(src):
    rows = _rows("^FTSE")
    up = next(
        rows[k][0] for k in range(1, len(rows)) if rows[k][3] > rows[k - 1][3] and rows[k][0].year == 2022
    )
    v = check_ranking(_ranking(trading_date=up, anchor=date(2021, 6, 1), anchor_end=date(2021, 6, 1)), src)
    assert v.status == "contradicted" and v.reason == "the move has the other sign"


def test_a_lookback_before_the_bundled_prices_is_unverifiable_unless_refuted(src):
    day = date(2022, 2, 10)
    r = _ranking(what="close", extreme="high", trading_date=day, lookback=(2, "year"))
    v = check_ranking(r, src)
    rows = _rows("^FTSE")
    c0 = next(c for d, _, _, c in rows if d == day)
    higher = [d for d, _, _, c in rows if d < day and c >= c0]
    if higher:
        assert v.status == "contradicted" and v.last == higher[-1]
    else:
        assert v.status == "unverifiable" and v.cause == "prices" and v.prices_from == rows[0][0]


def test_a_six_month_lookback_is_decided_by_the_prices(src):
    day = date(2022, 3, 7)
    last, v0 = _last_as_low("^FTSE", day, "close")
    r = _ranking(what="close", trading_date=day, lookback=(6, "month"))
    v = check_ranking(r, src)
    start = (pd.Timestamp(day) - pd.DateOffset(months=6)).date()
    assert v.status == ("contradicted" if last is not None and last >= start else "confirmed")


def test_a_week_ranking_uses_friday_to_friday_closes(src):
    rows = _rows("^FTSE")
    fridays = {}
    for d, _, _, c in rows:
        fridays[d.isocalendar()[:2]] = (d, c)  # the week's last session
    weeks = sorted(fridays.values())
    moves = [(weeks[k][0], weeks[k][1] / weeks[k - 1][1] - 1) for k in range(1, len(weeks))]
    # the last falling week of the data that has an earlier week as bad
    day, v0, last = next(
        (d, m, next(e for e, n in reversed(moves[:k]) if n <= m))
        for k, (d, m) in reversed(list(enumerate(moves)))
        if m < 0 and any(n <= m for _, n in moves[:k])
    )
    r = Ranking(
        index="FTSE 100",
        ticker="^FTSE",
        what="move",
        extreme="low",
        trading_date=day,
        period="week",
        anchor=last,
        anchor_end=last,
        anchor_text="x",
        phrase="its worst week since",
    )
    v = check_ranking(r, src)
    assert v.value == pytest.approx(v0, abs=1e-12) and v.last == last and v.status == "confirmed"


class _LongSource:
    """Made-up closes rising by one point a session up to 2022-01-03, with ``missing``."""

    def __init__(self, top: float | None = None, first: str = "1984-01-03") -> None:
        days = pd.bdate_range(first, "2022-01-03")
        close = pd.Series(range(1, len(days) + 1), index=days, dtype="float64") + 1000.0
        if top is not None:
            close.iloc[100] = top
        self.frame = pd.DataFrame({"open": close, "high": close, "low": close, "close": close})
        self.frame.index.name = "date"

    def history(self, ticker, start, end):
        from eventstudy.exceptions import PartialPriceDataError

        if pd.Timestamp(start) < self.frame.index[0]:
            raise PartialPriceDataError("before the first day", ticker=ticker)
        return self.frame.loc[pd.Timestamp(start) : pd.Timestamp(end)]

    def missing(self, ticker, start, end):
        first = self.frame.index[0].date()
        return [(start, first - timedelta(days=1))] if start < first else []


def test_a_record_needs_the_whole_history_and_no_higher_close():
    r = _ranking(what="close", extreme="high", trading_date=date(2022, 1, 3), record=True)  # FTSE 100
    v = check_ranking(r, _LongSource())  # from the day the FTSE 100 was launched
    assert v.status == "confirmed" and v.last is None and v.prices_from == date(1984, 1, 3)
    v = check_ranking(r, _LongSource(first="2002-01-01"))  # twenty years are not its history
    assert v.status == "unverifiable" and "1984-01-03" in v.explanation
    v = check_ranking(r, _LongSource(top=1e9))
    assert v.status == "contradicted" and v.last is not None and v.last.year == 1984
    other = _ranking(
        index="FTSE 250",
        ticker="^FTMC",
        what="close",
        extreme="high",
        trading_date=date(2022, 1, 3),
        record=True,
    )
    v = check_ranking(other, _LongSource())  # no known start for this index: never confirmed
    assert v.status == "unverifiable" and "not known" in v.explanation


def test_a_record_on_the_bundled_prices_is_unverifiable_or_refuted(src):
    rows = _rows("^GSPC")
    day = date(2022, 1, 3)
    c0 = next(c for d, _, _, c in rows if d == day)
    assert all(c < c0 for d, _, _, c in rows if d < day)  # the S&P 500's close that day topped 2021's
    r = _ranking(index="S&P 500", ticker="^GSPC", what="close", extreme="high", trading_date=day, record=True)
    v = check_ranking(r, src)
    assert v.status == "unverifiable" and v.reason == "prices too short for a record"
    later = date(2022, 1, 5)
    c1 = next(c for d, _, _, c in rows if d == later)
    higher = [d for d, _, _, c in rows if d < later and c >= c1]
    r = _ranking(
        index="S&P 500", ticker="^GSPC", what="close", extreme="high", trading_date=later, record=True
    )
    v = check_ranking(r, src)
    assert higher and v.status == "contradicted" and v.last == higher[-1]


def test_a_statement_with_no_date_is_unverifiable_for_the_claim(src):
    v = check_ranking(_ranking(anchor=None, anchor_end=None), src)
    assert v.status == "unverifiable" and v.cause == "claim"


def test_the_article_check_reports_rankings_in_text_json_and_frame(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(
        "LONDON, 7 March 2022 - The FTSE 100 closed down 0.4 per cent at 6,959.48 on Monday, its lowest "
        "close since 20 September last year.\n"
    )
    rep = check_article_api(str(art), study=False, context=False)
    (rv,) = rep.rankings
    last, _ = _last_as_low("^FTSE", date(2022, 3, 7), "close")
    assert rv.last == last
    assert rv.status == ("confirmed" if last <= date(2021, 9, 20) else "contradicted")
    text = rep.summary()
    assert "Ranking 1 of 1: FTSE 100" in text and rv.status.upper() in text
    d = rep.to_dict()
    assert d["rankings"][0]["status"] == rv.status and d["rankings"][0]["last"] == last.isoformat()
    f = rep.rankings_frame()
    assert list(f["status"]) == [rv.status] and f.loc[0, "last"] == last


def test_an_anchor_the_prices_cover_with_no_session_as_extreme_understates(src):
    """FTSE 250 on 2021-04-20 "worst day since January": the prices begin on 4 January 2021,
    the first session of that January, so the whole anchor month is covered."""
    day = date(2021, 4, 20)
    last, v0 = _last_as_low("^FTMC", day, "move")
    r = _ranking(
        index="FTSE 250",
        ticker="^FTMC",
        trading_date=day,
        anchor=date(2021, 1, 1),
        anchor_end=date(2021, 1, 31),
    )
    v = check_ranking(r, src)
    if last is None:
        assert v.status == "contradicted" and v.reason.startswith("understated: no session")
    elif last.month == 1 and last.year == 2021:
        assert v.status == "confirmed"
    else:
        assert v.status == "contradicted" and v.last == last


def test_a_first_close_beyond_a_level_compares_earlier_closes_with_that_level(src):
    rows = _rows("^GSPC")
    level = 4000.0
    # the last session of the data that closed below 4,000 after a close above it
    k = max(i for i in range(1, len(rows)) if rows[i][3] < level <= rows[i - 1][3])
    day = rows[k][0]
    last = max(d for d, _, _, c in rows[:k] if c <= level)  # the last earlier close at or below it
    base = dict(
        index="S&P 500", ticker="^GSPC", what="close", extreme="low", trading_date=day, threshold=level
    )
    v = check_ranking(_ranking(**base, anchor=last, anchor_end=last), src)
    assert v.status == "confirmed" and v.last == last
    v = check_ranking(
        _ranking(**base, anchor=last - timedelta(days=1), anchor_end=last - timedelta(days=1)), src
    )
    assert v.status == "contradicted" and v.last == last
    # the session before closed above the level: "below 4,000" is false on that day
    prev = rows[k - 1][0]
    v = check_ranking(_ranking(**{**base, "trading_date": prev}, anchor=last, anchor_end=last), src)
    assert v.status == "contradicted" and v.reason == "not below 4,000.00"


def test_two_candidate_sessions_with_different_answers_are_ambiguous(src):
    first, second = date(2022, 3, 4), date(2022, 3, 7)
    last, _ = _last_as_low("^FTSE", first, "move")
    r = _ranking(trading_date=first, alt_trading_date=second, anchor=last, anchor_end=last)
    a, b = check_ranking(r, src, session=first), check_ranking(r, src, session=second)
    v = check_ranking(r, src)
    if a.status == b.status:
        assert v.status == a.status and any("both candidate sessions" in n for n in v.notes)
    else:
        assert v.status == "ambiguous" and str(first) in v.explanation and str(second) in v.explanation
    assert (a.status, b.status) == ("confirmed", "contradicted")  # -3.5 % on the 4th, -0.4 % on the 7th
    none = check_ranking(_ranking(trading_date=first, alt_trading_date=second), src)
    assert none.status == "unverifiable" and any("both candidate sessions" in n for n in none.notes)


def test_the_worst_day_of_the_year_looks_back_to_the_first_of_january(src):
    day = date(2021, 11, 26)
    last, v0 = _last_as_low("^DJI", day, "move")
    r = _ranking(
        index="Dow Jones Industrial Average", ticker="^DJI", trading_date=day, window_start=date(2021, 1, 1)
    )
    v = check_ranking(r, src)
    # the prices begin on 4 January 2021, the first session of that year: the year is covered
    assert v.status == ("contradicted" if last is not None and last.year == 2021 else "confirmed")


def test_the_claims_month_and_its_sessions_are_ranked(src):
    from eventstudy.faces.api import check

    rep = check(
        "The Dax fell 2.6% in January, its biggest fall since November.",
        published="2022-02-01",
        study=False,
        context=False,
    )
    (v,) = rep.rankings
    rows = _rows("^GDAXI")
    month_end = {}
    for d, _, _, c in rows:
        month_end[(d.year, d.month)] = (d, c)
    ends = sorted(month_end.values())
    moves = [(ends[k][0], ends[k][1] / ends[k - 1][1] - 1) for k in range(1, len(ends))]
    v0 = next(m for d, m in moves if (d.year, d.month) == (2022, 1))
    last = next(d for d, m in reversed(moves) if d < date(2022, 1, 1) and m <= v0)
    assert v.value == pytest.approx(v0, abs=1e-12) and v.last == last
    assert v.status == ("confirmed" if (last.year, last.month) == (2021, 11) else "contradicted")


def test_a_quoted_intraday_level_is_compared_with_earlier_lows(src):
    from eventstudy.faces.api import check

    text = "The FTSE 100 was down 2.5% at 6,814 at lunchtime on Monday, its lowest level since July."
    rep = check(text, published="2022-03-07", study=False, context=False)
    (v,) = rep.rankings
    rows = _rows("^FTSE")
    last = max(d for d, lo, _, _ in rows if d < date(2022, 3, 7) and lo <= 6814.0)
    assert v.last == last and v.status == (
        "confirmed" if (last.year, last.month) == (2021, 7) else "contradicted"
    )


def test_a_session_with_no_low_is_not_read_as_a_result(src):
    rows = _rows("^IXIC")
    gaps = [d for d, lo, _, _ in rows if lo != lo]  # NaN: a close-only row in the bundled data
    assert gaps  # the bundled Nasdaq file has a close-only row (2021-10-26)
    r = _ranking(
        index="Nasdaq Composite", ticker="^IXIC", what="intraday", trading_date=gaps[0], lookback=(6, "week")
    )
    v = check_ranking(r, src)
    assert v.status == "unverifiable" and v.cause == "prices"


def test_a_users_source_with_only_closes_or_a_repeated_row(src):
    frame = src.history("^FTSE", date(2021, 1, 4), date(2022, 3, 7))

    class Closes:
        def history(self, ticker, start, end):
            f = frame.loc[pd.Timestamp(max(start, date(2021, 1, 4))) : pd.Timestamp(end)]
            return f[["close"]]

    class Repeated:
        def history(self, ticker, start, end):
            f = frame.loc[pd.Timestamp(max(start, date(2021, 1, 4))) : pd.Timestamp(end)]
            return pd.concat([f, f.iloc[[-1]]]).iloc[::-1]  # unsorted, the last day twice

    r = _ranking(what="intraday", trading_date=date(2022, 3, 7), lookback=(6, "month"))
    v = check_ranking(r, Closes())
    assert v.status == "unverifiable" and v.cause == "prices"
    a = check_ranking(
        _ranking(what="close", trading_date=date(2022, 3, 7), lookback=(6, "month")), Repeated()
    )
    b = check_ranking(_ranking(what="close", trading_date=date(2022, 3, 7), lookback=(6, "month")), src)
    assert (a.status, a.last, a.value) == (b.status, b.last, b.value)


def test_a_month_anchor_does_not_reach_into_the_month_before(src):
    day = date(2021, 9, 30)
    last, _ = _last_as_low("^FTMC", day, "close")
    r = _ranking(
        index="FTSE 250",
        ticker="^FTMC",
        what="close",
        trading_date=day,
        anchor=date(2021, 8, 1),
        anchor_end=date(2021, 8, 31),
    )
    v = check_ranking(r, src)
    assert v.last == last
    assert v.status == ("confirmed" if (last.year, last.month) == (2021, 8) else "contradicted")


def test_an_unfinished_week_is_said_and_a_non_session_anchor_before_the_prices(src):
    from dataclasses import replace

    day = date(2022, 5, 12)  # a Thursday
    r = _ranking(
        index="S&P 500",
        ticker="^GSPC",
        trading_date=day,
        anchor=date(2021, 3, 1),
        anchor_end=date(2021, 3, 31),
    )
    r = replace(r, period="week")
    v = check_ranking(r, src)
    assert any("was not over" in n for n in v.notes)
    # 1 January 2021 is no session: it stands for 31 December 2020, before the bundled prices
    r = _ranking(
        what="close", trading_date=date(2021, 1, 28), anchor=date(2021, 1, 1), anchor_end=date(2021, 1, 1)
    )
    v = check_ranking(r, src)
    assert v.status == "unverifiable" and v.cause == "prices"


def test_a_users_source_with_text_prices_or_a_broken_missing_is_unverifiable():
    from eventstudy.exceptions import PartialPriceDataError
    from eventstudy.prices.bundled import BundledSource

    bundled = BundledSource()

    class Text:
        def history(self, ticker, start, end):
            f = bundled.history(ticker, max(start, date(2021, 1, 4)), end)
            return f.assign(close=f["close"].map(lambda x: f"{x:,.2f}"))

    class BrokenMissing:
        missing = [("not", "callable")]

        def history(self, ticker, start, end):
            raise PartialPriceDataError("only part", ticker=ticker)

    r = _ranking(what="close", trading_date=date(2022, 3, 7), lookback=(6, "month"))
    for source in (Text(), BrokenMissing()):
        v = check_ranking(r, source)
        assert v.status == "unverifiable" and v.cause == "prices"
    from eventstudy.faces.api import check

    rep = check(
        "The FTSE 100 rose 1.2% on Monday to 7,000, its highest close in six months.",
        published="2022-03-08",
        source=Text(),
        study=False,
        context=False,
    )
    assert rep.verdicts[0].status == "unverifiable"
