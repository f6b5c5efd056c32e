"""Check ranking and record statements against real prices.

A ranking statement says where a session stands among earlier ones: "its biggest fall since
24 February", "its lowest close since March 2021", "its highest close in two years", "a
six-week low", "a record close" (:class:`~eventstudy.read.model.Ranking`). It is checked by
finding the **last earlier session as extreme** as the one described: for a low (a fall, a
low close) the last session :math:`t < s` with :math:`v_t \\le v_s`; for a high, with
:math:`v_t \\ge v_s`, where :math:`v` is

- the close-to-close return :math:`R_t = P_t / P_{t-1} - 1` (``what == "move"``, a day),
  or the points change :math:`P_t - P_{t-1}` ("its biggest points drop"); over :math:`n`
  sessions (``sessions``, "its biggest two-day gain"), :math:`P_t / P_{t-n} - 1`, every
  such span ending on an earlier session counted;
- the week's (month's) return to that session from the last close of the week (month)
  before, for a week (month) ranking;
- the close :math:`P_t` (``"close"``), or the day's low / high (``"intraday"``);
- for a round level crossed ("its first close above 15,000 since March", ``threshold``
  :math:`L`), earlier sessions are compared with :math:`L` instead of :math:`v_s`, and the
  session itself must be beyond :math:`L` (a level quoted during the session, within half
  a point).

A week or month ranked on a session before its end is its move so far, compared with whole
weeks or months (a note says so).

Then, with that last session :math:`t^*`:

- **since an anchor** ``[a, b]`` (a day, or a month or year): holds when :math:`t^*` falls
  in it, :math:`a' \\le t^* \\le b` (:math:`a'` the last session on or before :math:`a`, for
  an anchor day that is not a session). "Its lowest close since 7 March" says that 7 March
  was the last time it closed lower: a later session as extreme (:math:`t^* > b`)
  contradicts it, and so does an earlier one (:math:`t^* < a'`, or none in prices that
  cover the anchor): the statement then understates how extreme the session was, and the
  verdict says since when it really is the most extreme;
- **in a span** ("in two months", "a six-week low"; "its worst day of the year", "so far
  this month": from the first day of that year or month): holds when :math:`t^*` is before the
  span's start :math:`s - \\text{span}`, or on it (a span is a lower bound: a six-month high is
  also a two-month high; the last higher close exactly four weeks before still makes "a
  four-week high"); for the year or month so far, before its first day;
- **a record**: holds when there is no :math:`t^*` at all, in prices that go back to the
  start of the index's history (:data:`HISTORY_START`; else what the prices show is said,
  unverifiable).

When the prices do not reach back to where the statement's span or anchor starts and no
counter-example is found in what they cover, the statement is unverifiable (cause
``"prices"``), with what the prices did show.

This is how market reports use such phrases ("the lowest close since 7 March": the last
lower close was on 7 March). Nothing here is an estimate: every figure is read from the prices.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

import pandas as pd

from .. import calendar as xcal
from ..exceptions import EventStudyError, PartialPriceDataError, PriceDataError
from ..indices import find
from ..policies import UnverifiableCause, VerdictStatus
from ..prices.base import PriceSource
from ..read.model import Ranking
from .cache import package_frame

__all__ = ["RankingVerdict", "check_ranking", "ranking_session", "HISTORY_START", "RANKING_COLUMNS"]

#: The columns of a table of ranking verdicts (:meth:`RankingVerdict.row`).
RANKING_COLUMNS = (
    "index",
    "ticker",
    "phrase",
    "what",
    "extreme",
    "period",
    "sessions",
    "anchor",
    "anchor_end",
    "lookback",
    "window_start",
    "record",
    "threshold",
    "claim",
    "status",
    "reason",
    "session",
    "value",
    "last",
    "last_value",
    "prices_from",
    "explanation",
)

#: The first day of each index's history, as its provider publishes it (launch or base date):
#: a record is confirmed only from prices that reach back to it (within :data:`_HISTORY_SLACK`
#: days). FTSE 100: launched 3 January 1984; S&P 500: introduced 4 March 1957; Dow Jones
#: Industrial Average: first published 26 May 1896; Nasdaq Composite: launched 5 February 1971;
#: DAX: base 30 December 1987; Nikkei 225: first computed 7 September 1950; CAC 40: base 31
#: December 1987. An index not listed here cannot have a record confirmed (its history's start
#: is not known here); one can still be refuted.
HISTORY_START = {
    "^FTSE": date(1984, 1, 3),
    "^GSPC": date(1957, 3, 4),
    "^DJI": date(1896, 5, 26),
    "^IXIC": date(1971, 2, 5),
    "^GDAXI": date(1987, 12, 30),
    "^N225": date(1950, 9, 7),
    "^FCHI": date(1987, 12, 31),
}
_HISTORY_SLACK = 31
#: Calendar days read before an anchor or a span, to name the last session as extreme even
#: when it is earlier than the statement says.
_BEFORE_DAYS = 800


@dataclass(frozen=True)
class RankingVerdict:
    """Whether real prices bear out a ranking statement, with the numbers behind it.

    Attributes
    ----------
    status
        ``"confirmed"``, ``"contradicted"``, ``"unverifiable"``, or ``"ambiguous"`` (two
        candidate sessions, different answers).
    ranking
        The statement checked.
    explanation
        One paragraph with the numbers.
    reason
        Short reason for ``"contradicted"`` / ``"unverifiable"``; ``None`` when confirmed.
    session
        The session whose value was ranked.
    value
        Its value: the return (a fraction), the points change, the close, or the day's low/high.
    last
        The last earlier session as extreme (``None`` when none in the prices read).
    last_value
        Its value.
    prices_from
        The first session of the prices read.
    notes
        Caveats (the statement understates, the session was taken from another claim, ...).
    cause
        For ``"unverifiable"``: ``"prices"`` (the prices do not reach back far enough, or
        miss the session) or ``"claim"`` (no date to check against).
    """

    status: VerdictStatus
    ranking: Ranking
    explanation: str
    reason: str | None = None
    session: date | None = None
    value: float | None = None
    last: date | None = None
    last_value: float | None = None
    prices_from: date | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    cause: UnverifiableCause | None = None

    @property
    def ok(self) -> bool:
        """Whether the statement is confirmed."""
        return self.status == "confirmed"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (dates as ISO strings)."""

        def iso(d: date | None) -> str | None:
            return d.isoformat() if d is not None else None

        def num(x: float | None) -> float | None:
            return None if x is None or not math.isfinite(x) else float(x)

        return {
            "status": self.status,
            "ranking": self.ranking.to_dict(),
            "explanation": self.explanation,
            "reason": self.reason,
            "session": iso(self.session),
            "value": num(self.value),
            "last": iso(self.last),
            "last_value": num(self.last_value),
            "prices_from": iso(self.prices_from),
            "notes": list(self.notes),
            "cause": self.cause,
        }

    def row(self) -> dict[str, Any]:
        """One row of a results table (:data:`RANKING_COLUMNS`)."""
        r = self.ranking
        d = r.to_dict()
        return {
            "index": r.index,
            "ticker": r.ticker,
            "phrase": r.phrase,
            "what": r.what,
            "extreme": r.extreme,
            "period": r.period,
            "sessions": r.sessions,
            "anchor": r.anchor,
            "anchor_end": r.anchor_end,
            "lookback": d["lookback"],
            "window_start": r.window_start,
            "record": r.record,
            "threshold": r.threshold,
            "claim": r.claim,
            "status": self.status,
            "reason": self.reason,
            "session": self.session,
            "value": self.value,
            "last": self.last,
            "last_value": self.last_value,
            "prices_from": self.prices_from,
            "explanation": self.explanation,
        }

    def __str__(self) -> str:
        return self.explanation


def ranking_session(r: Ranking, verdicts: Sequence[Any]) -> date | None:
    """The session a ranking statement is about when its claimed move's verdict settled one
    (the text left two sessions open and the prices decided), else ``None`` (then
    :func:`check_ranking` uses the statement's own sessions)."""
    if r.claim is not None and r.claim < len(verdicts):
        v = verdicts[r.claim]
        if v.session is not None and v.status in ("confirmed", "contradicted"):
            return v.session
    return None


def _frame(source: PriceSource, ticker: str, start: date, end: date, least: date | None) -> pd.DataFrame:
    """Prices from ``start`` (or from where the source's prices begin) to ``end``.

    A source that has only part of the range and can say which (``missing``, as the
    package's loader) is read from where its prices begin; another is read from ``least``
    (where the statement's own span begins), if that differs.
    """
    try:
        return package_frame(source, ticker, start, end)
    except PartialPriceDataError:
        missing = getattr(source, "missing", None)
        gaps = None
        if callable(missing):
            try:
                gaps = list(missing(ticker, start, end))
                first_gap = (gaps[0][0], gaps[0][1]) if gaps else None
            except Exception:  # a user's source answering in its own way: as if it had not said
                first_gap = None
            if first_gap is not None and isinstance(first_gap[1], date) and first_gap[0] <= start:
                return package_frame(source, ticker, first_gap[1] + timedelta(days=1), end)
        if least is None or least <= start:
            raise
        return package_frame(source, ticker, least, end)


def _series(frame: pd.DataFrame, r: Ranking, session: date) -> pd.Series:
    """The values ranked, one per session up to ``session`` (see the module docstring)."""
    close = frame["close"].astype(float)
    if r.what == "close":
        return close
    if r.what == "intraday":
        return frame["low" if r.extreme == "low" else "high"].astype(float)
    if r.period in ("week", "month"):
        idx = pd.DatetimeIndex(close.index)
        key = idx.to_period("W-FRI" if r.period == "week" else "M")
        last = close.groupby(key).last()
        ends = pd.Series(idx, index=idx).groupby(key).last()
        prev = last.shift(1)
        moves = (last - prev) if r.points else (last / prev - 1.0)
        return pd.Series(moves.to_numpy(), index=pd.DatetimeIndex(ends.to_numpy())).dropna()
    prev = close.shift(r.sessions or 1)
    return ((close - prev) if r.points else (close / prev - 1.0)).dropna()


#: What an earlier session must have had to rank as high or low as the session described.
_MORE = {
    ("close", "low"): "a close as low or lower",
    ("close", "high"): "a close as high or higher",
    ("intraday", "low"): "a low as low or lower",
    ("intraday", "high"): "a high as high or higher",
    ("move", "low"): "a fall as big or bigger",
    ("move", "high"): "a gain as big or bigger",
}


def _show(r: Ranking, v: float) -> str:
    if r.what == "move":
        return f"{v:+,.2f} points" if r.points else f"{100 * v:+.2f} %"
    return f"{v:,.2f}"


def _what_words(r: Ranking) -> str:
    if r.what == "move":
        unit = {"week": "week's", "month": "month's"}.get(r.period or "day", "day's")
        if r.sessions and r.sessions > 1:
            unit = f"{r.sessions}-session"
        word = "points move" if r.points else "move"
        return f"{unit} {word}"
    if r.what == "intraday":
        return "intraday low" if r.extreme == "low" else "intraday high"
    return "close"


def _session_on_or_before(frame: pd.DataFrame, day: date) -> date:
    """The last session of the prices on or before ``day`` (``day`` when there is none)."""
    idx = pd.DatetimeIndex(frame.index)
    k = int(idx.searchsorted(pd.Timestamp(day), side="right"))
    return idx[k - 1].date() if k else day


def _covers(frame: pd.DataFrame, ticker: str, first: date, start: date) -> bool:
    """Whether prices that begin on ``first`` cover every session from ``start`` on: ``first``
    is on or before ``start``, or no session of the index's exchange lies between them."""
    if first <= start:
        return True
    ix = find(ticker)
    if ix is None:
        return False
    try:
        return len(xcal.sessions(ix.calendar, start, first - timedelta(days=1))) == 0
    except EventStudyError:
        return False


def _session_at_or_before(ticker: str, day: date) -> date:
    """``day`` when it is a session of the index's exchange, else the session before it (``day``
    when the calendar cannot say)."""
    ix = find(ticker)
    if ix is None:
        return day
    try:
        return xcal.align(day, ix.calendar, "previous") or day
    except EventStudyError:
        return day


def _start_of(r: Ranking, session: date) -> date | None:
    """Where the statement's span starts (``None`` for a record: all history)."""
    if r.record:
        return None
    if r.window_start is not None:
        return r.window_start
    if r.lookback is not None:
        n, unit = r.lookback
        if unit == "day":
            return session - timedelta(days=math.ceil(n * 7 / 5))
        if unit == "week":
            return session - timedelta(weeks=n)
        months = n * 12 if unit == "year" else n
        ts = pd.Timestamp(session) - pd.DateOffset(months=months)
        return ts.date()
    return r.anchor


def check_ranking(r: Ranking, source: PriceSource, *, session: date | None = None) -> RankingVerdict:
    """Check one ranking or record statement against the prices of ``source``.

    Parameters
    ----------
    r
        The statement (from :func:`eventstudy.read.read_article`'s ``Article.rankings``).
    source
        Where the prices come from.
    session
        The session to rank; default ``r.trading_date`` and, when the reader left a second
        candidate (``r.alt_trading_date``), that one too: the same answer on both is that
        answer (with a note), different answers are ``"ambiguous"`` with both explanations.
        (The article checker passes the session the verdict on the statement's move settled on.)

    Returns
    -------
    RankingVerdict
    """
    if session is not None or r.alt_trading_date is None or r.alt_trading_date == r.trading_date:
        return _check_one(r, source, session)
    a = _check_one(r, source, r.trading_date)
    b = _check_one(r, source, r.alt_trading_date)
    if a.status == b.status:
        return replace(
            a,
            notes=(
                *a.notes,
                f"the same on both candidate sessions, {r.trading_date} and {r.alt_trading_date}",
            ),
        )
    return RankingVerdict(
        "ambiguous",
        r,
        f"Two candidate sessions give different answers: {r.trading_date}: {a.status}: {a.explanation} "
        f"{r.alt_trading_date}: {b.status}: {b.explanation}",
        "two candidate sessions give different answers",
        session=None,
        prices_from=a.prices_from or b.prices_from,
    )


def _check_one(r: Ranking, source: PriceSource, session: date | None) -> RankingVerdict:
    """:func:`check_ranking` on one session (``r.trading_date`` when ``None``), with a note
    when a week or month ranked was not over on that session."""
    v = _check_session(r, source, session)
    note = _unfinished(r, v.session)
    return replace(v, notes=(*v.notes, note)) if note else v


def _unfinished(r: Ranking, day: date | None) -> str | None:
    """A note when the week or month of a ranked move goes on after ``day`` ("fell 3.3% on
    Thursday, its worst week since ...": Monday to Thursday against whole weeks)."""
    if day is None or r.what != "move" or r.period not in ("week", "month") or r.sessions:
        return None
    ix = find(r.ticker) if r.ticker else None
    if ix is None:
        return None
    try:
        nxt = xcal.next_session(ix.calendar, day)
    except EventStudyError:
        return None
    same = (
        nxt.isocalendar()[:2] == day.isocalendar()[:2]
        if r.period == "week"
        else (nxt.year, nxt.month) == (day.year, day.month)
    )
    if not same:
        return None
    return (
        f"the {r.period} was not over on {day}: its move so far (from the last close of the {r.period} "
        f"before) is ranked against whole {r.period}s"
    )


def _check_session(r: Ranking, source: PriceSource, session: date | None) -> RankingVerdict:
    """:func:`_check_one` without the note."""
    day = session or r.trading_date
    if r.ticker is None or day is None:
        return RankingVerdict(
            "unverifiable",
            r,
            f"{r.index}: no ticker or no session to check.",
            "no ticker or session",
            cause="claim",
        )
    if r.what == "move" and r.period == "other":
        return RankingVerdict(
            "unverifiable",
            r,
            f"{r.index} {day}: '{r.phrase}' ranks a move over a span other than a day, a number of "
            "sessions, a week or a month, which is not checked.",
            "a span that is not checked",
            session=day,
            cause="claim",
        )
    if not r.record and r.lookback is None and r.anchor is None and r.window_start is None:
        return RankingVerdict(
            "unverifiable",
            r,
            f"{r.index} {day}: '{r.phrase}' names no date to check against ('since {r.anchor_text}').",
            "no date to check against",
            session=day,
            cause="claim",
        )
    start = _start_of(r, day)
    fetch_from = date(1900, 1, 1) if start is None else start - timedelta(days=_BEFORE_DAYS)
    try:
        frame = _frame(
            source, r.ticker, fetch_from, day, None if start is None else start - timedelta(days=10)
        )
    except (PriceDataError, EventStudyError) as e:
        return RankingVerdict(
            "unverifiable", r, f"{r.index} {day}: no prices ({e}).", "no prices", session=day, cause="prices"
        )
    # a user's source may answer unsorted, with a repeated row, or with no low/high column
    frame = frame[~pd.DatetimeIndex(frame.index).duplicated(keep="last")].sort_index()
    col = {"close": "close", "move": "close"}.get(r.what, "low" if r.extreme == "low" else "high")
    if col not in frame.columns:
        return RankingVerdict(
            "unverifiable",
            r,
            f"{r.index} {day}: the prices have no '{col}' column.",
            f"no {col} prices",
            session=day,
            cause="prices",
        )
    # a session with no value (a missing low in the data) ranks nothing and is not a rival
    try:
        values = _series(frame, r, day).dropna()
    except (TypeError, ValueError) as e:  # prices that are not numbers ("7,489.46" as text)
        return RankingVerdict(
            "unverifiable",
            r,
            f"{r.index} {day}: the prices are not numbers ({e}).",
            "prices not numeric",
            session=day,
            cause="prices",
        )
    at = pd.Timestamp(day)
    if at not in values.index:
        return RankingVerdict(
            "unverifiable",
            r,
            f"{r.index}: no {_what_words(r)} for the session {day} in the prices.",
            "session not in the prices",
            session=day,
            cause="prices",
        )
    v0 = float(values.loc[at])
    before = values[values.index < at]
    first = pd.Timestamp(frame.index[0]).date()
    bar = v0 if r.threshold is None else r.threshold
    # a level quoted during the session ("at 6,814 at lunchtime") is rounded: half a point;
    # a first close above a round number must be above it
    slack = 0.5 if r.threshold is not None and r.what == "intraday" else 0.0
    if r.threshold is not None and (
        (r.extreme == "high" and (v0 < bar - slack or (not slack and v0 == bar)))
        or (r.extreme == "low" and (v0 > bar + slack or (not slack and v0 == bar)))
    ):
        side = "above" if r.extreme == "high" else "below"
        return RankingVerdict(
            "contradicted",
            r,
            f"{r.index} {_what_words(r)} on {day}: {_show(r, v0)}, not {side} {bar:,.2f}.",
            f"not {side} {bar:,.2f}",
            session=day,
            value=v0,
            prices_from=first,
        )
    as_far = before[before <= bar] if r.extreme == "low" else before[before >= bar]
    last = pd.Timestamp(as_far.index[-1]).date() if len(as_far) else None
    last_v = float(as_far.iloc[-1]) if len(as_far) else None
    head = f"{r.index} {_what_words(r)} on {day}: {_show(r, v0)}"
    kw: dict[str, Any] = {
        "session": day,
        "value": v0,
        "last": last,
        "last_value": last_v,
        "prices_from": first,
    }
    more = _MORE[(r.what, r.extreme)]
    if r.threshold is not None:
        more = f"a {'close' if r.what == 'close' else 'level'} {'above' if r.extreme == 'high' else 'below'} {r.threshold:,.2f}"
    if r.what == "move" and ((r.extreme == "low" and v0 >= 0) or (r.extreme == "high" and v0 <= 0)):
        return RankingVerdict(
            "contradicted",
            r,
            f"{head}: not a {'fall' if r.extreme == 'low' else 'gain'} at all, so not '{r.phrase}'.",
            "the move has the other sign",
            **{**kw, "last": None, "last_value": None},
        )
    seen = f"{_show(r, last_v)} on {last}" if last is not None and last_v is not None else ""
    if r.record:
        if last is not None:
            return RankingVerdict(
                "contradicted", r, f"{head}; not a record: {seen} was {more}.", f"{more} on {last}", **kw
            )
        origin = HISTORY_START.get(r.ticker)
        if origin is not None and first <= origin + timedelta(days=_HISTORY_SLACK):
            return RankingVerdict(
                "confirmed",
                r,
                f"{head}: no earlier session with {more} in the prices from {first}, the start of the "
                f"index's history: a record.",
                **kw,
            )
        known = (
            f"the index's history starts on {origin}"
            if origin is not None
            else ("the start of the index's history is not known here")
        )
        return RankingVerdict(
            "unverifiable",
            r,
            f"{head}: no earlier session with {more} in the prices from {first}; a record needs the "
            f"index's whole history ({known}).",
            "prices too short for a record",
            cause="prices",
            **kw,
        )
    assert start is not None
    covered = _covers(frame, r.ticker, first, start)
    if covered and r.lookback is None and r.window_start is None and r.anchor == r.anchor_end:
        # an anchor day that is not a session stands for the session before it ("since 1
        # January": 31 December): the prices must reach that session
        covered = _covers(frame, r.ticker, first, _session_at_or_before(r.ticker, start))
    if r.lookback is not None or r.window_start is not None:
        # "its highest close in two months", "a six-week low", "its worst day of the year":
        # nothing as extreme in the span
        # (a span counted back from the session excludes its first day: the last higher
        # close exactly four weeks before still makes "a four-week high")
        if last is not None and (last > start or (r.window_start is not None and last >= start)):
            return RankingVerdict(
                "contradicted",
                r,
                f'{head}; {seen} was {more}, so "{r.phrase}" does not hold.',
                f"{more} on {last}",
                **kw,
            )
        if last is not None or covered:
            since = (
                f"the last earlier session with {more} was {seen}"
                if last is not None
                else (f"no earlier session with {more} in the prices from {first}")
            )
            return RankingVerdict("confirmed", r, f'{head}: {since}, so "{r.phrase}" holds.', **kw)
    else:
        # "since <anchor>": the last session as extreme falls in the anchor (a day that is not
        # a session: the session before it)
        assert r.anchor_end is not None
        lo = _session_on_or_before(frame, start) if r.anchor == r.anchor_end else start
        if last is not None and last > r.anchor_end:
            return RankingVerdict(
                "contradicted",
                r,
                f'{head}; {seen} was {more}, after {r.anchor_text}, so "{r.phrase}" does not hold.',
                f"{more} on {last}",
                **kw,
            )
        if last is not None and lo <= last:
            return RankingVerdict(
                "confirmed",
                r,
                f'{head}: the last earlier session with {more} was {seen}, so "{r.phrase}" holds.',
                **kw,
            )
        if last is not None:
            return RankingVerdict(
                "contradicted",
                r,
                f"{head}: the last earlier session with {more} was {seen}, before {r.anchor_text}: it is "
                f'the most extreme since {last}, so "{r.phrase}" understates it.',
                f"understated: the last session with {more} was {last}",
                **kw,
            )
        if covered:
            return RankingVerdict(
                "contradicted",
                r,
                f"{head}: no earlier session with {more} in the prices from {first}, so none "
                f"{'on' if r.anchor == r.anchor_end else 'in'} {r.anchor_text} either: "
                f'"{r.phrase}" understates it.',
                f"understated: no session with {more} since {first}",
                **kw,
            )
    return RankingVerdict(
        "unverifiable",
        r,
        f"{head}: no earlier session with {more} in the prices from {first} (where they start), but "
        f"the statement reaches back to {start}.",
        "prices do not reach back far enough",
        cause="prices",
        **kw,
    )
