"""A source's answer in the package shape, or a typed error that says what is wrong with it.

Every answer a :class:`~eventstudy.prices.loader.PriceLoader` receives, from Yahoo Finance
or from a source of the user's, goes through :func:`source_frame` before anything is
stored or returned. It accepts the forms a price table usually comes in and refuses the
rest with :class:`~eventstudy.exceptions.PriceDataError`:

* a ``DataFrame`` (a ``Series``, ``None`` or anything else is refused);
* columns ``open``, ``high``, ``low``, ``close`` in any case and with stray spaces
  (``Close``, ``" OPEN"``, as yfinance and CSV files give them); only ``close`` is
  required, a missing ``open``/``high``/``low`` is NaN; other columns (``Adj Close``,
  ``Volume``) are dropped; yfinance's two-level columns (``Price``, ``Ticker``) are read
  for the ticker asked for;
* a ``DatetimeIndex`` (or ISO date strings, or a ``date`` column when the index is a plain
  range), tz-naive or tz-aware (see :func:`local_dates`);
* values that are numbers or numeric strings; rows without a close are dropped, and of
  repeated dates the last row is kept.
"""

from __future__ import annotations

import pandas as pd

from ..calendar import get_calendar
from ..exceptions import EventStudyError, PriceDataError, UnknownIndexError
from ..indices import by_ticker
from .base import COLUMNS, empty_frame
from .coverage import conform

__all__ = ["source_frame", "local_dates"]

_HOW = "return a DataFrame indexed by date with columns open, high, low, close"


def source_frame(raw: object, ticker: str, *, who: str) -> pd.DataFrame:
    """``raw``, the answer of source ``who`` for ``ticker``, in the package shape.

    Parameters
    ----------
    raw
        What the source returned.
    ticker
        The ticker asked for (picks the column level of a two-level answer and the exchange
        whose local dates a tz-aware index is read in).
    who
        The source's name, for messages.

    Returns
    -------
    DataFrame
        ``date`` index (tz-naive, one row per date, ascending), float ``open high low close``;
        may be empty (an empty answer is the caller's to judge).

    Raises
    ------
    PriceDataError
        If ``raw`` is not a table of prices: not a DataFrame, no close column, dates that are
        not dates, or columns for other tickers only.
    """
    if raw is None or not isinstance(raw, pd.DataFrame):
        kind = "None" if raw is None else type(raw).__name__
        raise PriceDataError(
            f"{who} answered {kind} for {ticker}, not a DataFrame; its history() must {_HOW}",
            ticker=ticker,
        )
    if not len(raw.index):
        return empty_frame()  # no rows: whatever the columns, an empty answer
    df = _one_ticker(raw, ticker, who) if isinstance(raw.columns, pd.MultiIndex) else raw
    shown = [str(c) for c in df.columns]
    df = df.rename(columns=lambda c: str(c).strip().lower())
    if df.columns.has_duplicates:
        df = df.loc[:, ~df.columns.duplicated(keep="first")]
    df = df.set_axis(_dates(df, ticker, who), axis=0)
    if "close" not in df.columns:
        raise PriceDataError(
            f"{who} answer for {ticker} has no close column (columns: {shown}); its history() must {_HOW}",
            ticker=ticker,
        )
    out = pd.DataFrame(
        {c: pd.to_numeric(df[c], errors="coerce") if c in df.columns else float("nan") for c in COLUMNS},
        index=df.index,
    )
    out = out[out["close"].notna()]
    return conform(out)


def _one_ticker(df: pd.DataFrame, ticker: str, who: str) -> pd.DataFrame:
    """The columns of ``ticker`` from a two-level (field, ticker) answer such as yfinance's."""
    names = list(df.columns.names)
    level = names.index("Ticker") if "Ticker" in names else df.columns.nlevels - 1
    keys = list(dict.fromkeys(df.columns.get_level_values(level)))
    key = next((k for k in keys if str(k).upper() == ticker.upper()), keys[0] if len(keys) == 1 else None)
    if key is None:
        raise PriceDataError(f"{who} answered for {keys}, not {ticker}", ticker=ticker)
    return df.xs(key, axis=1, level=level)


def _dates(df: pd.DataFrame, ticker: str, who: str) -> pd.DatetimeIndex:
    """The answer's dates as a tz-naive index of local dates (times of day kept)."""
    idx = df.index
    if isinstance(idx, pd.RangeIndex) and "date" in df.columns:
        idx = pd.Index(df["date"])
    if not isinstance(idx, pd.DatetimeIndex):
        if len(idx) and pd.api.types.is_numeric_dtype(idx.dtype):
            raise PriceDataError(
                f"{who} answer for {ticker} is indexed by numbers ({idx[0]!r} ...), not dates; "
                f"its history() must {_HOW}",
                ticker=ticker,
            )
        try:
            idx = pd.DatetimeIndex(pd.to_datetime(idx, format="ISO8601"))
        except (TypeError, ValueError):
            try:  # stamps in several time zones: the same instants in UTC
                idx = pd.DatetimeIndex(pd.to_datetime(idx, format="ISO8601", utc=True))
            except (TypeError, ValueError) as e:
                raise PriceDataError(
                    f"{who} answer for {ticker} has an index that is not dates (it begins "
                    f"{idx[0]!r}); its history() must {_HOW}",
                    ticker=ticker,
                ) from e
    return local_dates(idx, ticker).rename("date")


def local_dates(idx: pd.DatetimeIndex, ticker: str) -> pd.DatetimeIndex:
    """A tz-aware index as tz-naive timestamps whose dates are the exchange's local dates.

    Daily prices are dated by the exchange's own calendar day. An index whose stamps are
    all midnight in their time zone holds dates (yfinance stamps each session at midnight
    in the exchange's zone; a table may stamp dates at midnight UTC): those dates are kept
    as they are. Otherwise the stamps are instants (a close at 16:30 London written in
    UTC or New York time) and are converted to the time zone of the ticker's exchange
    (``eventstudy.indices``) before the date is taken, so that the Nikkei's session of
    9 March stamped ``2022-03-08 15:00 UTC`` stays 9 March. For a ticker that is not in
    the registry the wall time in the index's own zone is kept. A tz-naive index is
    returned unchanged.
    """
    if idx.tz is None:
        return idx
    wall = idx.tz_localize(None)
    if (wall == wall.normalize()).all():
        return wall
    zone = _exchange_zone(ticker)
    return wall if zone is None else idx.tz_convert(zone).tz_localize(None)


def _exchange_zone(ticker: str) -> object | None:
    try:
        return get_calendar(by_ticker(ticker).calendar).tz
    except (UnknownIndexError, EventStudyError):
        return None
