"""Daily prices from Yahoo Finance through :func:`yfinance.download` (imported lazily).

What yfinance 1.x does, and what this module does about it:

* ``end`` is *exclusive* in yfinance; ours is inclusive, so one day is added.
* ``auto_adjust=False`` is passed: Open/High/Low/Close are Yahoo's raw (split-adjusted)
  levels; ``Adj Close`` and ``Volume`` are dropped.
* Columns come as a ``MultiIndex`` with levels ``("Price", "Ticker")`` even for one ticker,
  the index is named ``"Date"`` and tz-naive for daily data; both flat and multi-level
  columns, and tz-aware indexes, are accepted.
* Offline or rate-limited, yfinance prints an error and returns an *empty* frame without
  raising: that becomes :class:`~eventstudy.exceptions.PriceUnavailableError`.
* It can return part of the range, or rows of NaN: rows without a close are dropped, and
  the sessions received are compared with the exchange calendar's
  (:func:`~eventstudy.prices.coverage.expected_sessions`); what is missing makes the
  answer partial, and :class:`Fetched` records the true coverage.
* A ticker without an exchange calendar (a stock, a currency) has no list of sessions to
  compare with: Yahoo is asked for two weeks more on each side, so that a holiday at the
  edge of the range lies between rows, and
  :func:`~eventstudy.prices.coverage.weekday_coverage` says what the answer covers.
* A row dated today or later may be a live snapshot: it is dropped (see
  :func:`~eventstudy.prices.coverage.last_settled_day`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from ..exceptions import PartialPriceDataError, PriceUnavailableError
from .answer import source_frame
from .base import empty_frame
from .coverage import (
    Interval,
    covered_intervals,
    expected_sessions,
    format_intervals,
    last_settled_day,
    parse_range,
    subtract,
    weekday_coverage,
)

__all__ = ["YahooSource", "Fetched", "RETRY_ADVICE", "fetched_from", "raise_if_short"]

#: The advice that ends a message about a download that failed (said once per message).
RETRY_ADVICE = "retry later or work offline"

#: Days asked for on each side of the range for a ticker without an exchange calendar.
_AROUND = timedelta(days=14)


@dataclass(frozen=True)
class Fetched:
    """What one download brought back.

    Attributes
    ----------
    ticker, start, end
        The range asked for (inclusive).
    frame
        The rows received (package shape; may be empty).
    coverage
        Inclusive intervals of ``start .. end`` in which every expected session has a row.
    missing
        Expected sessions without a price (including those not settled yet).
    context
        Rows received outside ``start .. end`` (asked for around the range of a ticker
        without an exchange calendar, to tell its edge holidays from missing prices); they
        are stored with ``frame`` but are not part of the answer.
    """

    ticker: str
    start: date
    end: date
    frame: pd.DataFrame
    coverage: tuple[Interval, ...]
    missing: tuple[date, ...]
    context: pd.DataFrame = field(default_factory=empty_frame, repr=False)

    @property
    def complete(self) -> bool:
        """Whether the whole range is covered."""
        return self.coverage == ((self.start, self.end),)

    @property
    def gaps(self) -> list[Interval]:
        """The parts of the range not covered."""
        return subtract((self.start, self.end), self.coverage)


class YahooSource:
    """Price source that downloads daily OHLC from Yahoo Finance (network).

    Parameters
    ----------
    timeout
        Seconds to wait for Yahoo per request.

    Notes
    -----
    Prices are raw index levels (``auto_adjust=False``), bounds inclusive. Nothing is
    cached here: :class:`~eventstudy.prices.loader.PriceLoader` keeps answers in the store.
    """

    name = "yahoo"

    def __init__(self, *, timeout: float = 10.0) -> None:
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"YahooSource(timeout={self.timeout})"

    def fetch(self, ticker: str, start: date, end: date) -> Fetched:
        """Download ``ticker`` from ``start`` to ``end`` inclusive and say what it covers.

        Never raises for an empty or partial answer (see :meth:`history` for that);
        raises :class:`PriceUnavailableError` only if yfinance itself fails or cannot be
        imported, and :class:`PriceDataError` if the answer has an unexpected shape.
        """
        start, end = parse_range(start, end)
        settled = last_settled_day()
        last = min(end, settled)
        exact = expected_sessions(ticker, start, end)[1]
        if start > settled:
            raw = None  # nothing can be final yet: do not ask
        elif exact:
            raw = self._download(ticker, start, last)
        else:  # no calendar: ask around the range, so that edge holidays lie between rows
            around = (start - _AROUND, min(last + _AROUND, settled))
            raw = self._download(ticker, *around, asked=(start, last))
        # (weekdays after the last row count as holidays only when rows after the range were
        # asked for: near the last settled day they may not be published yet)
        rows_after = exact or last + _AROUND <= settled
        return fetched_from(ticker, start, end, _normalise(raw, ticker), rows_after=rows_after)

    def history(self, ticker: str, start: date, end: date) -> pd.DataFrame:
        """OHLC for ``ticker`` from ``start`` to ``end`` inclusive (source protocol).

        Raises
        ------
        PriceUnavailableError
            If Yahoo answers with nothing (offline, rate-limited, unknown ticker).
        PartialPriceDataError
            If the answer misses sessions of the range.
        """
        got = self.fetch(ticker, start, end)
        raise_if_short(got)
        return got.frame

    def _download(
        self, ticker: str, start: date, end: date, *, asked: Interval | None = None
    ) -> pd.DataFrame | None:
        """yfinance's answer for ``start .. end`` inclusive; errors name ``asked`` (default: the same)."""
        try:
            import yfinance
        except ImportError as e:  # pragma: no cover - yfinance is a dependency
            raise PriceUnavailableError(
                "yfinance is not installed; `pip install yfinance` or work offline with bundled data",
                ticker=ticker,
                start=start,
                end=end,
            ) from e
        try:
            return yfinance.download(
                ticker,
                start=start.isoformat(),
                end=(end + timedelta(days=1)).isoformat(),  # yfinance's end is exclusive
                interval="1d",
                auto_adjust=False,
                actions=False,
                progress=False,
                threads=False,
                multi_level_index=True,
                timeout=self.timeout,
            )
        except Exception as e:  # yfinance raises assorted network errors
            start, end = asked or (start, end)
            raise PriceUnavailableError(
                f"Yahoo Finance download of {ticker} {start}..{end} failed ({e}); {RETRY_ADVICE}",
                ticker=ticker,
                start=start,
                end=end,
            ) from e


def raise_if_short(got: Fetched) -> None:
    """Raise the error that says what a :class:`Fetched` answer lacks (nothing if complete)."""
    if got.complete and not got.frame.empty:
        return
    if got.frame.empty and got.complete:
        raise PriceUnavailableError(
            f"there is no trading session for {got.ticker} in {got.start}..{got.end} "
            "(Yahoo Finance has prices around it only); widen the range",
            ticker=got.ticker,
            start=got.start,
            end=got.end,
        )
    if got.frame.empty:
        raise PriceUnavailableError(
            f"Yahoo Finance returned no prices for {got.ticker} {got.start}..{got.end} "
            f"(offline, rate-limited or unknown ticker); check the ticker, {RETRY_ADVICE}",
            ticker=got.ticker,
            start=got.start,
            end=got.end,
        )
    raise PartialPriceDataError(
        f"Yahoo Finance returned only part of {got.ticker} {got.start}..{got.end}: it covers "
        f"{format_intervals(got.coverage)}; {len(got.missing)} session(s) missing"
        + _not_settled_note(got.missing),
        ticker=got.ticker,
        start=got.start,
        end=got.end,
    )


def _not_settled_note(missing: tuple[date, ...]) -> str:
    settled = last_settled_day()
    if missing and missing[-1] > settled:
        return f" (sessions after {settled} are not settled yet)"
    return ""


def _inside(day: date, intervals: list[Interval]) -> bool:
    return any(a <= day <= b for a, b in intervals)


def fetched_from(ticker: str, start: date, end: date, received: pd.DataFrame, *, rows_after: bool) -> Fetched:
    """What an answer covers of ``start .. end``: only what its rows prove.

    Rows after the last settled day are dropped (they may be live snapshots). For a ticker
    with an exchange calendar, each run of expected sessions that all have a row is
    covered (:func:`~eventstudy.prices.coverage.covered_intervals`); without a calendar
    the rows are the evidence (:func:`~eventstudy.prices.coverage.weekday_coverage`).

    Parameters
    ----------
    ticker, start, end
        The range asked for (inclusive).
    received
        The rows received (package shape), possibly reaching outside the range.
    rows_after
        Whether rows after ``end`` were asked for, so that weekdays without a row at the end
        of the answer of a ticker without a calendar can be told for holidays. ``False`` for
        a source asked for ``start .. end`` only: such weekdays are then not covered.
    """
    settled = last_settled_day()
    last = min(end, settled)
    expected, exact = expected_sessions(ticker, start, end)
    received = received.loc[: pd.Timestamp(settled)]
    inside = (received.index >= pd.Timestamp(start)) & (received.index <= pd.Timestamp(last))
    frame, context = received[inside], received[~inside]
    if exact:
        coverage = covered_intervals(frame.index, expected, start, end, exact=True)
    else:
        coverage = weekday_coverage(received.index, start, last, rows_after=rows_after)
    covered = np.array([_inside(d, coverage) for d in expected.date], dtype=bool)
    missing = tuple(expected.date[~covered])
    return Fetched(ticker, start, end, frame, tuple(coverage), missing, context)


def _normalise(raw: pd.DataFrame | None, ticker: str) -> pd.DataFrame:
    """yfinance's answer in the package shape; rows without a close dropped."""
    if raw is None:
        return empty_frame()
    return source_frame(raw, ticker, who="Yahoo Finance")
