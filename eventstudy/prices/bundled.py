"""Real daily index prices shipped with the package (2021-01-04 .. 2022-06-30).

See ``eventstudy/data/PROVENANCE.md`` for sources and checks. Files are named by Yahoo ticker.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources

import pandas as pd

from ..exceptions import PartialPriceDataError, PriceUnavailableError
from .base import COLUMNS
from .coverage import parse_range

__all__ = ["BundledSource", "bundled_tickers", "load_bundled"]


@cache
def bundled_tickers() -> tuple[str, ...]:
    """Tickers with bundled data."""
    files = resources.files("eventstudy.data")
    return tuple(sorted(f.name[:-4] for f in files.iterdir() if f.name.endswith(".csv")))


@cache
def _load(ticker: str) -> pd.DataFrame:
    path = resources.files("eventstudy.data").joinpath(f"{ticker}.csv")
    with resources.as_file(path) as p:
        df = pd.read_csv(p, usecols=["date", *COLUMNS], parse_dates=["date"], index_col="date")
    return df.astype("float64")


def load_bundled(ticker: str) -> pd.DataFrame:
    """The whole bundled OHLC frame for ``ticker`` (a copy).

    Raises
    ------
    PriceUnavailableError
        If no data is bundled for the ticker.
    """
    if ticker not in bundled_tickers():
        raise PriceUnavailableError(
            f"no bundled prices for {ticker}; bundled: {', '.join(bundled_tickers())}",
            ticker=ticker,
        )
    return _load(ticker).copy()


class BundledSource:
    """Price source backed by the bundled CSV files.

    ``history`` raises :class:`PartialPriceDataError` when the range reaches outside
    the bundled dates, so a chain of sources can go to the next one.
    """

    def coverage(self, ticker: str) -> tuple[date, date] | None:
        """First and last bundled session for ``ticker``, or ``None`` if not bundled."""
        if ticker not in bundled_tickers():
            return None
        idx = _load(ticker).index
        return idx[0].date(), idx[-1].date()

    def history(self, ticker: str, start: date | str, end: date | str) -> pd.DataFrame:
        """Bundled OHLC for ``ticker`` from ``start`` to ``end`` inclusive.

        Raises
        ------
        InvalidDateRangeError
            If a bound is not a date or ``start > end``.
        PriceUnavailableError
            If the ticker is not bundled or the range lies outside the bundled dates.
        PartialPriceDataError
            If the range reaches outside the bundled dates.
        """
        start, end = parse_range(start, end)
        df = load_bundled(ticker)
        first, last = df.index[0].date(), df.index[-1].date()
        out = df.loc[pd.Timestamp(start) : pd.Timestamp(end)]
        if out.empty:
            raise PriceUnavailableError(
                f"bundled prices for {ticker} cover {first} .. {last}, not {start} .. {end}",
                ticker=ticker,
                start=start,
                end=end,
            )
        if start < first or end > last:
            raise PartialPriceDataError(
                f"bundled prices for {ticker} cover {first} .. {last}; {start} .. {end} reaches outside",
                ticker=ticker,
                start=start,
                end=end,
            )
        return out
