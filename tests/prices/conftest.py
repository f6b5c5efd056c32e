"""A stand-in for ``yfinance.download`` shaped like yfinance 1.x answers; no network ever.

yfinance 1.x (checked against its 1.7 source, ``multi.py``) returns for one ticker:
columns ``MultiIndex`` product of ``Adj Close, Close, High, Low, Open, Volume`` and the
upper-cased ticker, level names ``["Price", "Ticker"]``; a tz-naive ``DatetimeIndex``
named ``"Date"`` for daily data; float64 values; ``end`` exclusive. Offline it prints an
error and returns the same columns with no rows (index unnamed).
"""

from __future__ import annotations

from datetime import date, timedelta

import exchange_calendars as xcals
import numpy as np
import pandas as pd
import pytest

FIELDS = ["Adj Close", "Close", "High", "Low", "Open", "Volume"]


def close_of(day: date) -> float:
    """The fake's close on ``day`` (an arbitrary, date-dependent number)."""
    return 1000.0 + (day.toordinal() % 997) + 0.25


def yahoo_frame(ticker: str, days: pd.DatetimeIndex, *, nan_days: set[date] = frozenset()) -> pd.DataFrame:
    """A frame shaped like ``yfinance.download(ticker, auto_adjust=False)``."""
    columns = pd.MultiIndex.from_product([FIELDS, [ticker.upper()]], names=["Price", "Ticker"])
    if len(days) == 0:
        return pd.DataFrame(np.empty((0, len(FIELDS))), index=pd.DatetimeIndex([]), columns=columns)
    close = np.array([close_of(d.date()) for d in days])
    data = {
        ("Adj Close", ticker.upper()): close - 7.0,  # must never be taken for the close
        ("Close", ticker.upper()): close,
        ("High", ticker.upper()): close + 5.0,
        ("Low", ticker.upper()): close - 5.0,
        ("Open", ticker.upper()): close - 1.0,
        ("Volume", ticker.upper()): np.zeros(len(days)),
    }
    df = pd.DataFrame(data, index=pd.DatetimeIndex(days, name="Date"), columns=columns).astype("float64")
    for d in nan_days:
        ts = pd.Timestamp(d)
        if ts in df.index:
            df.loc[ts, :] = np.nan
    return df


class FakeYahoo:
    """Callable replacing ``yfinance.download``; records every call.

    Attributes
    ----------
    calls
        ``(ticker, start, end)`` of each call, as passed (``end`` exclusive).
    kwargs
        The keyword arguments of each call.
    mode
        ``"full"`` (every XLON session), ``"empty"`` (offline answer), ``"raise"``.
    last_day
        If set, no rows after this date (a partial answer).
    nan_days
        Days answered with a row of NaN.
    """

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.kwargs: list[dict] = []
        self.mode = "full"
        self.last_day: date | None = None
        self.nan_days: set[date] = set()
        self.calendar = xcals.get_calendar("XLON", start="2015-01-01")

    def __call__(self, tickers, start=None, end=None, **kwargs):
        self.calls.append((tickers, start, end))
        self.kwargs.append(kwargs)
        if self.mode == "raise":
            raise RuntimeError("curl: (6) Could not resolve host")
        if self.mode == "empty":
            return yahoo_frame(tickers, pd.DatetimeIndex([]))
        lo = pd.Timestamp(start)
        hi = pd.Timestamp(end) - pd.Timedelta(days=1)  # yfinance's end is exclusive
        if self.last_day is not None:
            hi = min(hi, pd.Timestamp(self.last_day))
        days = self.calendar.sessions_in_range(lo, hi) if lo <= hi else pd.DatetimeIndex([])
        return yahoo_frame(tickers, pd.DatetimeIndex(days).tz_localize(None), nan_days=self.nan_days)

    def fetched_ranges(self) -> list[tuple[date, date]]:
        """The inclusive ranges asked for."""
        return [(date.fromisoformat(s), date.fromisoformat(e) - timedelta(days=1)) for _, s, e in self.calls]


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any call of yfinance.download not set up by a test fails it."""
    import yfinance

    def refuse(*args, **kwargs):
        raise AssertionError(f"network download attempted: {args} {kwargs}")

    monkeypatch.setattr(yfinance, "download", refuse)


@pytest.fixture
def fake_yahoo(monkeypatch) -> FakeYahoo:
    import yfinance

    fake = FakeYahoo()
    monkeypatch.setattr(yfinance, "download", fake)
    return fake


@pytest.fixture
def make_yahoo_frame():
    """The frame builder, for tests that shape answers by hand."""
    return yahoo_frame


@pytest.fixture
def fake_close():
    """The fake's close for a date."""
    return close_of
