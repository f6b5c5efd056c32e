"""The price-source protocol and the frame every source returns.

Every source answers ``history(ticker, start, end)`` with a DataFrame:

* index: ``DatetimeIndex`` named ``"date"``, tz-naive, one row per session, ascending;
* columns: ``open``, ``high``, ``low``, ``close`` (float; ``close`` never NaN,
  ``open``/``high``/``low`` may be NaN where the vendor value is missing);
* bounds inclusive; raw index levels (not adjusted).

A source never returns an empty frame to mean "no data": it raises
:class:`~eventstudy.exceptions.PriceUnavailableError` (nothing) or
:class:`~eventstudy.exceptions.PartialPriceDataError` (only part of the range).
"""

from __future__ import annotations

from datetime import date
from typing import Protocol, runtime_checkable

import pandas as pd

__all__ = ["PriceSource", "COLUMNS", "empty_frame"]

COLUMNS: tuple[str, ...] = ("open", "high", "low", "close")


@runtime_checkable
class PriceSource(Protocol):
    """Anything that returns daily OHLC prices for a ticker and an inclusive date range."""

    def history(self, ticker: str, start: date, end: date) -> pd.DataFrame:
        """OHLC frame for ``ticker`` from ``start`` to ``end`` inclusive (see module docstring)."""
        ...


def empty_frame() -> pd.DataFrame:
    """A correctly-shaped frame with no rows (for internal use; never returned as data)."""
    return pd.DataFrame(
        {c: pd.Series(dtype="float64") for c in COLUMNS},
        index=pd.DatetimeIndex([], name="date"),
    )
