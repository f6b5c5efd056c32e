"""A multi-event study on the bundled data: UK indices around Bank of England rate rises.

The Bank of England raised Bank Rate at five meetings between December 2021 and June 2022
(16 Dec 2021, 3 Feb, 17 Mar, 5 May and 16 Jun 2022; decisions announced at noon London time,
during the session). Did the FTSE 100 and FTSE 250 move abnormally on those days, against
the market model with the Euro Stoxx 50 as the benchmark?

Run offline:  python examples/boe_rate_decisions.py [--plot boe.png]
"""

from __future__ import annotations

import argparse

import pandas as pd

from eventstudy import EventStudy, PriceLoader
from eventstudy.stats import common_date_returns

DECISIONS = ["2021-12-16", "2022-02-03", "2022-03-17", "2022-05-05", "2022-06-16"]
INDICES = ["^FTSE", "^FTMC"]
BENCHMARK = "^STOXX50E"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plot", metavar="FILE.png", help="save the AAR/CAAR plot here")
    args = parser.parse_args()

    prices = PriceLoader(offline=True).closes([*INDICES, BENCHMARK], "2021-01-04", "2022-06-30")
    # returns of the indices and of the benchmark on the dates both London and Frankfurt traded,
    # so that each return spans the same days in both (a London one-day move is never set
    # against a two-day Frankfurt move after a holiday of one of them); a note counts the days
    returns, bench, notes = common_date_returns(prices[INDICES], prices[BENCHMARK])
    for note in notes:
        print(f"note: {note}")
    events = pd.DataFrame(
        [(ticker, pd.Timestamp(d)) for d in DECISIONS for ticker in INDICES], columns=["security", "date"]
    )
    results = EventStudy(
        returns, bench, events, model="market", estimation=(-200, -11), event=(-1, 1), min_estimation=120
    ).run()
    print(results.summary())
    print()
    # the two indices share event dates: the Kolari-Pynnonen adjustment of BMP accounts for it
    print(results.tests[["mean_aar", "boehmer_bmp", "kolari_pynnonen", "kolari_pynnonen_p"]].round(4))
    print()
    stats = results.event_stats[["security", "date", "car", "t", "p", "ar0_quantile"]]
    print(stats.round({"car": 4, "t": 2, "p": 4, "ar0_quantile": 3}).to_string())
    if args.plot:
        results.plot().savefig(args.plot, dpi=120)
        print(f"plot saved to {args.plot}")


if __name__ == "__main__":
    main()
