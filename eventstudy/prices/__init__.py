"""Daily index prices: bundled data, a local SQLite store and Yahoo Finance, behind one protocol.

Start with :func:`default_loader` (or :class:`PriceLoader`); see :mod:`eventstudy.prices.base`
for the frame every source returns.
"""

from __future__ import annotations

from .base import COLUMNS, PriceSource
from .bundled import BundledSource, bundled_tickers, load_bundled
from .loader import OFFLINE_ENV, PriceLoader, default_loader
from .store import STORE_ENV, PriceStore, default_store_path
from .yahoo import Fetched, YahooSource

__all__ = [
    "COLUMNS",
    "PriceSource",
    "BundledSource",
    "bundled_tickers",
    "load_bundled",
    "PriceLoader",
    "default_loader",
    "OFFLINE_ENV",
    "PriceStore",
    "default_store_path",
    "STORE_ENV",
    "YahooSource",
    "Fetched",
]
