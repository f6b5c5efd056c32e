"""Fixtures for the checker tests: a small in-memory price source and a claim factory."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from eventstudy.exceptions import PartialPriceDataError, PriceUnavailableError
from eventstudy.read.model import Claim


class MemorySource:
    """A PriceSource over hand-written OHLC rows, with the same errors as the bundled source.

    ``rows`` maps ticker -> {date: (open, high, low, close)}.
    """

    def __init__(self, rows: dict[str, dict[date, tuple[float, float, float, float]]]) -> None:
        self.frames = {}
        for tk, r in rows.items():
            idx = pd.DatetimeIndex([pd.Timestamp(d) for d in sorted(r)], name="date")
            vals = [r[d] for d in sorted(r)]
            self.frames[tk] = pd.DataFrame(
                vals, index=idx, columns=["open", "high", "low", "close"], dtype="float64"
            )
        self.calls: list[tuple[str, date, date]] = []

    def history(self, ticker: str, start: date, end: date) -> pd.DataFrame:
        self.calls.append((ticker, start, end))
        if ticker not in self.frames:
            raise PriceUnavailableError(f"no prices for {ticker} in memory", ticker=ticker)
        df = self.frames[ticker]
        first, last = df.index[0].date(), df.index[-1].date()
        out = df.loc[pd.Timestamp(start) : pd.Timestamp(end)]
        if out.empty:
            raise PriceUnavailableError(f"{ticker}: nothing in {start} .. {end}", ticker=ticker)
        if start < first or end > last:
            raise PartialPriceDataError(
                f"{ticker}: {start} .. {end} reaches outside {first} .. {last}", ticker=ticker
            )
        return out


PREV = date(2024, 1, 2)  # a Tuesday
DAY = date(2024, 1, 3)  # a Wednesday


def two_day(prev_close: float, o: float, h: float, lo: float, c: float, ticker: str = "TEST") -> MemorySource:
    """Previous session (2024-01-02) closing at ``prev_close``; event session 2024-01-03."""
    return MemorySource(
        {ticker: {PREV: (prev_close, prev_close, prev_close, prev_close), DAY: (o, h, lo, c)}}
    )


def claim(**kw) -> Claim:
    """A claim on TEST for 2024-01-03 (close kind, up), overridable by keyword."""
    base = dict(
        index="Test index",
        ticker="TEST",
        direction="up",
        pct=None,
        points=None,
        level=None,
        kind="close",
        trading_date=DAY,
    )
    base.update(kw)
    return Claim(**base)


class _Helpers:
    """What the tests use: ``MemorySource``, ``two_day``, ``claim``, ``PREV``, ``DAY``."""

    MemorySource = MemorySource
    two_day = staticmethod(two_day)
    claim = staticmethod(claim)
    PREV = PREV
    DAY = DAY


@pytest.fixture
def mem() -> type[_Helpers]:
    """Helpers for building in-memory prices and claims (see :class:`_Helpers`)."""
    return _Helpers
