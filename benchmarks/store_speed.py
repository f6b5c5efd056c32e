"""How fast the local price store answers: series read per second.

Writes ``--tickers`` synthetic series of ``--years`` years of weekday rows into a fresh
store in a temporary directory, then reads ``--reads`` random one-year ranges through
``PriceStore.read`` and through an offline ``PriceLoader.history`` (which also checks
coverage). No network.

Run::

    python benchmarks/store_speed.py --tickers 20 --years 10 --reads 2000
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from eventstudy.prices import PriceLoader, PriceStore


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tickers", type=int, default=20)
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--reads", type=int, default=2000)
    args = ap.parse_args()

    first, last = date(2005, 1, 3), date(2005 + args.years, 1, 2)
    days = pd.bdate_range(first, last, name="date")
    rng = np.random.default_rng(0)
    tickers = [f"SYN{i:03d}" for i in range(args.tickers)]  # not in the registry: weekday sessions
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "prices.sqlite"
        store = PriceStore(path)
        t0 = time.perf_counter()
        for t in tickers:
            close = 100 * np.exp(np.cumsum(rng.normal(0, 0.01, len(days))))
            frame = pd.DataFrame(
                {"open": close, "high": close * 1.01, "low": close * 0.99, "close": close}, index=days
            )
            store.write(t, frame, coverage=[(first, last)])
        t_write = time.perf_counter() - t0

        picks = random.Random(0)
        ranges = []
        for _ in range(args.reads):
            s = first + timedelta(days=picks.randrange((last - first).days - 366))
            ranges.append((picks.choice(tickers), s, s + timedelta(days=365)))

        t0 = time.perf_counter()
        rows = sum(len(store.read(t, s, e)) for t, s, e in ranges)
        t_read = time.perf_counter() - t0

        loader = PriceLoader(store_path=path, offline=True)
        t0 = time.perf_counter()
        for t, s, e in ranges:
            loader.history(t, s, e)
        t_hist = time.perf_counter() - t0

        size = path.stat().st_size
    print(f"store: {args.tickers} series x {len(days)} rows, {size / 1e6:.1f} MB, written in {t_write:.2f} s")
    print(f"PriceStore.read     : {args.reads / t_read:8.0f} one-year series/s ({rows / t_read:,.0f} rows/s)")
    print(f"PriceLoader.history : {args.reads / t_hist:8.0f} one-year series/s (offline, coverage checked)")


if __name__ == "__main__":
    main()
