"""Per-run cache of price frames as numpy arrays, for cheap per-claim look-ups.

A checking run asks a :class:`~eventstudy.prices.base.PriceSource` once per ticker for
the whole date range its claims need (when the source can supply it), keeps the answer as
numpy arrays, and answers every claim by binary search. When the wide request fails (the
range reaches outside the data), each claim asks for its own, narrower range, and last for
the exact sessions it needs (found from the exchange calendar).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from .. import calendar as xcal
from .. import indices
from ..exceptions import EventStudyError, PartialPriceDataError, PriceDataError
from ..prices.answer import source_frame
from ..prices.base import PriceSource

__all__ = ["PriceTable", "PriceCache", "LOOKBACK_DAYS", "session_before", "package_frame"]

#: Calendar days fetched before a period's first day, to find the previous close.
LOOKBACK_DAYS = 12


def session_before(ticker: str, day: date) -> date:
    """The last session before ``day``: from the ticker's exchange calendar, else the last weekday."""
    ix = indices.find(ticker)
    if ix is not None:
        try:
            return xcal.previous_session(ix.calendar, day)
        except EventStudyError:
            pass
    d = day - timedelta(days=1)
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def _day(d: date) -> int:
    return (d - date(1970, 1, 1)).days


def _date(n: int | np.integer) -> date:
    return date(1970, 1, 1) + timedelta(days=int(n))


@dataclass(frozen=True)
class PriceTable:
    """OHLC prices of one ticker over ``[start, end]`` as numpy arrays.

    ``days`` are days since 1970-01-01 (ascending); ``sessions`` are the exchange's
    sessions over the same range (same encoding), or ``None`` when the ticker's exchange
    is unknown (then the data's own rows are trusted as the sessions).
    """

    ticker: str
    start: date
    end: date
    days: np.ndarray
    open: np.ndarray
    high: np.ndarray
    low: np.ndarray
    close: np.ndarray
    sessions: np.ndarray | None

    @classmethod
    def from_frame(cls, ticker: str, frame: pd.DataFrame, start: date, end: date) -> PriceTable:
        idx = pd.DatetimeIndex(frame.index)
        days = idx.values.astype("datetime64[D]").astype(np.int64)
        order = np.argsort(days, kind="stable")
        sessions = None
        ix = indices.find(ticker)
        if ix is not None:
            try:
                s = xcal.sessions(ix.calendar, start, end)
                sessions = s.values.astype("datetime64[D]").astype(np.int64)
            except EventStudyError:
                sessions = None

        def col(name: str) -> np.ndarray:
            if name not in frame.columns:
                return np.full(len(days), np.nan)
            return np.asarray(frame[name], dtype="float64")[order]

        return cls(
            ticker, start, end, days[order], col("open"), col("high"), col("low"), col("close"), sessions
        )

    def covers(self, start: date, end: date) -> bool:
        return self.start <= start and end <= self.end

    def row(self, d: date) -> int | None:
        """Row of session ``d``, or ``None``."""
        n = _day(d)
        i = int(np.searchsorted(self.days, n))
        if i < len(self.days) and self.days[i] == n:
            return i
        return None

    def last_row_before(self, d: date) -> int | None:
        """Last row strictly before ``d``, or ``None``."""
        i = int(np.searchsorted(self.days, _day(d))) - 1
        return i if i >= 0 else None

    def expected_session_before(self, d: date) -> date | None:
        """The exchange's last session strictly before ``d`` inside the table, if known."""
        if self.sessions is None:
            return None
        i = int(np.searchsorted(self.sessions, _day(d))) - 1
        return _date(self.sessions[i]) if i >= 0 else None

    def is_session(self, d: date) -> bool | None:
        """Whether ``d`` is an exchange session (``None`` if the exchange is unknown)."""
        if self.sessions is None:
            return None
        n = _day(d)
        i = int(np.searchsorted(self.sessions, n))
        return bool(i < len(self.sessions) and self.sessions[i] == n)

    def date_of(self, i: int) -> date:
        return _date(self.days[i])


def package_frame(source: PriceSource, ticker: str, start: date, end: date) -> pd.DataFrame:
    """``source.history(ticker, start, end)`` as a package price frame, or a typed error.

    The package's sources answer in that shape already (the fast path); a user's source may
    give capitalised yfinance columns, a tz-aware index, a Series or nothing, or fail in its
    own way: :func:`~eventstudy.prices.answer.source_frame` reads or refuses the answer.
    """
    who = type(source).__name__
    try:
        frame = source.history(ticker, start, end)
    except EventStudyError:
        raise
    except Exception as e:  # a user's source failing its own way ("HTTP 429"): typed, with its words
        raise PriceDataError(f"the price source {who} failed for {ticker}: {e}", ticker=ticker) from e
    if not (
        isinstance(frame, pd.DataFrame)
        and "close" in frame.columns
        and isinstance(frame.index, pd.DatetimeIndex)
        and frame.index.tz is None
        and all(pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns)
    ):
        frame = source_frame(frame, ticker, who=who)
    if frame.empty:
        raise PriceDataError(
            f"the price source {who} returned no {ticker} prices for {start} .. {end}", ticker=ticker
        )
    return frame


class PriceCache:
    """Price tables per ticker, fetched from ``source`` on demand during one run."""

    def __init__(self, source: PriceSource) -> None:
        self.source = source
        self._tables: dict[str, list[PriceTable]] = {}
        self._failed: dict[tuple[str, date, date], PriceDataError] = {}
        self._cov: dict[str, tuple[date, date] | None] = {}
        self._holes: dict[str, list[tuple[date, date, PriceDataError]]] = {}

    def _coverage(self, ticker: str) -> tuple[date, date] | None:
        """The source's own first and last date for ``ticker``, when it says (``coverage``)."""
        if ticker not in self._cov:
            fn = getattr(self.source, "coverage", None)
            try:
                self._cov[ticker] = fn(ticker) if callable(fn) else None
            except EventStudyError:
                self._cov[ticker] = None
        return self._cov[ticker]

    def _fetch(self, ticker: str, start: date, end: date) -> PriceTable:
        key = (ticker, start, end)
        if key in self._failed:
            raise self._failed[key]
        cov = self._coverage(ticker)
        if cov is not None and (start < cov[0] or end > cov[1]):  # no need to ask
            raise PartialPriceDataError(
                f"prices for {ticker} cover {cov[0]} .. {cov[1]}; {start} .. {end} reaches outside",
                ticker=ticker,
                start=start,
                end=end,
            )
        for a, b, err in self._holes.get(ticker, ()):
            if start <= a and b <= end:  # contains a stretch known to lack prices
                raise PartialPriceDataError(str(err), ticker=ticker, start=start, end=end) from err
        try:
            frame = package_frame(self.source, ticker, start, end)
        except PriceDataError as e:
            self._failed[key] = e
            if isinstance(e, PartialPriceDataError):
                self._learn_hole(ticker, start, end, e)
            raise
        table = PriceTable.from_frame(ticker, frame, start, end)
        self._tables.setdefault(ticker, []).append(table)
        return table

    def _learn_hole(self, ticker: str, start: date, end: date, err: PriceDataError) -> None:
        """After ``[start, end]`` came back incomplete, note the stretch that must lack prices.

        If a loaded table covers the end of the range from ``t.start``, some day of
        ``[start, t.start)`` has no prices, and any later request containing that stretch is
        answered from memory (likewise at the other end).
        """
        one = timedelta(days=1)
        for t in self._tables.get(ticker, ()):
            if start < t.start <= end <= t.end:
                self._holes.setdefault(ticker, []).append((start, t.start - one, err))
            if t.start <= start <= t.end < end:
                self._holes.setdefault(ticker, []).append((t.end + one, end, err))

    def prefetch(self, ticker: str, start: date, end: date) -> bool:
        """Load ``[start, end]`` for ``ticker`` if the source has it all; return whether it did."""
        if self.find(ticker, start, end) is not None:
            return True
        try:
            self._fetch(ticker, start, end)
        except PriceDataError:
            return False
        return True

    def prefetch_windows(self, ticker: str, windows: list[tuple[date, date]]) -> None:
        """Load one table covering as many of ``windows`` as the source can supply.

        Tries the union first; when the source cannot give all of it (the windows reach
        outside its data), bisects for the latest end and then the earliest start it can
        give (a few requests), so that the windows inside the data share one table and
        only those outside it ask separately.
        """
        if not windows:
            return
        starts = sorted({w[0] for w in windows})
        by_end = sorted(set(windows), key=lambda w: w[1], reverse=True)
        if self.prefetch(ticker, starts[0], by_end[0][1]):
            return
        # the latest end the source can give: windows past its data fail, the first to work wins
        end = None
        for w in by_end[:8]:
            if self.prefetch(ticker, *w):
                end = w[1]
                break
        if end is None:
            return
        # the earliest start that works with that end (bisection: too early fails, later works)
        cands = [x for x in starts if x <= end]
        lo, hi = 0, len(cands) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.prefetch(ticker, cands[mid], end):
                hi = mid - 1
            else:
                lo = mid + 1

    def find(self, ticker: str, start: date, end: date) -> PriceTable | None:
        for t in self._tables.get(ticker, ()):
            if t.covers(start, end):
                return t
        return None

    def get(self, ticker: str, start: date, end: date, *, exact_start: date | None = None) -> PriceTable:
        """A table covering ``[start, end]``; on failure, try ``[exact_start, end]``.

        Raises
        ------
        PriceDataError
            If the source has neither range.
        """
        t = self.find(ticker, start, end)
        if t is not None:
            return t
        try:
            return self._fetch(ticker, start, end)
        except PriceDataError:
            if exact_start is None or exact_start <= start:
                raise
            t = self.find(ticker, exact_start, end)
            if t is not None:
                return t
            return self._fetch(ticker, exact_start, end)
