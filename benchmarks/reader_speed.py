"""Throughput of the article reader on ~3 KB market reports, one core.

Usage::

    python benchmarks/reader_speed.py [--articles 2000] [--seconds 5]

The articles are built from our own template sentences (no third-party text): a few
paragraphs of prose with five index sentences (five to eight claims), varied numbers and dates,
about 3 KB per article. Every article is different, so no cache can answer for another.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from eventstudy.read import read_article

_PROSE = [
    "Investors weighed fresh comments from central bankers about the pace of policy tightening.",
    "Analysts said the mood could change quickly if energy prices kept climbing through the winter.",
    "Traders pointed to thin volumes ahead of a holiday in several markets later in the week.",
    "The government is expected to publish new borrowing figures at the end of the month.",
    "Several brokers cut their forecasts for company earnings after a run of profit warnings.",
    "A spokesperson for the regulator declined to comment on the reports when contacted.",
    "Retailers reported a slowdown in footfall as households tightened their belts.",
    "The chief executive told reporters the group had no plans to change its dividend policy.",
    "Economists polled before the data had expected a smaller rise in the jobless count.",
    "Commodity producers were among the most actively traded names during the session.",
]
_CLAIMS = [
    "The FTSE 100 {v} {p}%, or {pts} points, to close at {lvl}.",
    "London's mid-cap index {v} {p} per cent to {lvl} {day}.",
    "In New York the Dow Jones Industrial Average was {vs} {p}% shortly after London closed.",
    "The S&P 500 {v} {pts} points, or {p}%, to {lvl}, while the Nasdaq Composite {v} {p2}%.",
    "Germany's Dax ended {p} per cent {dir}, and the Cac 40 in Paris {v} {p2} per cent.",
    "Tokyo stocks {v} {day}, with the Nikkei 225 finishing {p}% {dir} at {lvl}.",
    "Over the week the blue-chip index {v} {p2} per cent.",
    "The Footsie is {vs} {p} per cent so far this year.",
]
_DAYS = ["on Monday", "on Tuesday", "yesterday", "today", "on Wednesday", "on Thursday", "on Friday"]


def make_article(rng: random.Random, size: int = 3000) -> str:
    """One synthetic ~3 KB market report."""
    out: list[str] = [f"London, March {rng.randint(1, 28)}, 2022 -"]
    n = 0
    claim_at = set(rng.sample(range(22), 5))
    while sum(len(s) + 1 for s in out) < size:
        if n in claim_at:
            up = rng.random() < 0.5
            s = rng.choice(_CLAIMS).format(
                v="rose" if up else "fell",
                vs="up" if up else "down",
                dir="higher" if up else "lower",
                p=f"{rng.uniform(0.05, 4):.2f}",
                p2=f"{rng.uniform(0.05, 4):.1f}",
                pts=f"{rng.uniform(5, 400):.2f}",
                lvl=f"{rng.uniform(3000, 35000):,.2f}",
                day=rng.choice(_DAYS),
            )
        else:
            s = rng.choice(_PROSE)
        out.append(s)
        n += 1
    return " ".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000, help="number of distinct articles")
    ap.add_argument("--seconds", type=float, default=5.0, help="minimum time to run")
    args = ap.parse_args(argv)
    rng = random.Random(20220215)
    arts = [make_article(rng) for _ in range(args.articles)]
    size = sum(len(a.encode()) for a in arts) / len(arts)
    for a in arts[:20]:  # warm up (calendars, caches)
        read_article(a)
    n = claims = 0
    t0 = time.perf_counter()
    while True:
        for a in arts:
            claims += len(read_article(a).claims)
            n += 1
        if time.perf_counter() - t0 >= args.seconds:
            break
    dt = time.perf_counter() - t0
    print(f"articles read      {n}")
    print(f"mean size          {size / 1024:.2f} KB")
    print(f"claims per article {claims / n:.1f}")
    print(f"seconds            {dt:.2f}")
    print(f"articles/s         {n / dt:,.0f}")
    print(f"MB/s               {n * size / dt / 1e6:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
