"""How many claims per second the checker handles from prices already loaded.

Usage::

    python benchmarks/checker_speed.py [--claims 20000] [--seed 0]

Builds claims on random bundled sessions (close, intraday, weekly, month and year-to-date;
the % and level are the day's close-to-close move or intraday high, rounded as the press prints
them, a third perturbed; weekly and period claims reuse the day's move, so most of them come out
contradicted: the point is to run every code path, not to be right), warms the source, then
times :func:`eventstudy.check.check_claims` (one price request per ticker for the whole run).
``--source loader`` goes through :func:`eventstudy.prices.default_loader` (bundled -> store ->
yfinance; set ``EVENTSTUDY_OFFLINE=1`` to stay offline).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter

import numpy as np

from eventstudy import indices
from eventstudy.check import check_claims
from eventstudy.prices.bundled import BundledSource, bundled_tickers, load_bundled
from eventstudy.read.model import Claim


def make_claims(n: int, seed: int = 0) -> list[Claim]:
    rng = np.random.default_rng(seed)
    tickers = bundled_tickers()
    frames = {t: load_bundled(t) for t in tickers}
    kinds = ["close", "intraday", "weekly", "month", "year-to-date"]
    out = []
    for _ in range(n):
        t = tickers[rng.integers(len(tickers))]
        f = frames[t]
        i = int(rng.integers(30, len(f)))
        prev, close, high = f["close"].iloc[i - 1], f["close"].iloc[i], f["high"].iloc[i]
        kind = kinds[rng.integers(len(kinds))]
        level = high if kind == "intraday" else close
        pct = (level / prev - 1) * 100
        if rng.random() < 1 / 3:
            pct += rng.normal(0, 0.3)
        direction = "up" if pct >= 0 else "down"
        pct_text = f"{abs(pct):.2f}"
        level_text = f"{level:.2f}"
        claim_kind, period = (kind, None) if kind in ("close", "intraday", "weekly") else ("other", kind)
        out.append(
            Claim(
                indices.find(t).name,
                t,
                direction,
                float(pct_text),
                None,
                float(level_text),
                claim_kind,
                f.index[i].date(),
                pct_text=pct_text,
                level_text=level_text,
                period=period,
            )
        )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--source", choices=["bundled", "loader"], default="bundled")
    args = ap.parse_args(argv)
    claims = make_claims(args.claims, args.seed)
    if args.source == "loader":
        from eventstudy.prices import default_loader

        source = default_loader()
    else:
        source = BundledSource()
    check_claims(claims[:10], source)  # warm: read the CSV files, build the calendars
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        verdicts = check_claims(claims, source)
        best = min(best, time.perf_counter() - t0)
    counts = Counter(v.status for v in verdicts)
    print(f"{len(claims)} claims in {best:.3f} s (best of 3): {len(claims) / best:,.0f} claims/s")
    print("verdicts:", dict(sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
