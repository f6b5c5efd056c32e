"""Check the seed article through the Python API, offline, from the bundled prices.

The Guardian-style live report of 15 February 2022 says the FTSE 250 rose 0.64 per cent to
21,755.73 points after Russia said it was pulling troops back from the Ukrainian border.
Did it, and how unusual was the move?

Run:  python examples/ftse250_ukraine_deescalation.py [--plot seed.png]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import eventstudy

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_9f114ec4d93074be.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plot", metavar="FILE.png", help="save the AR/CAR plot here")
    parser.add_argument(
        "--benchmark", default=None, help="run the market model against this index, e.g. ^FTSE"
    )
    args = parser.parse_args()

    # 1. Read the article: publication date, event date and every claimed index move.
    article = eventstudy.read_file(SEED)
    print(f"published {article.published}, event date {article.event_date}")
    for claim in article.claims:
        print(f"  claim: {claim.index} {claim.direction} {claim.pct} % to {claim.level} ({claim.kind})")

    # 2-4. Check every claim against real prices and run the event study (offline: bundled data).
    report = eventstudy.check(article, benchmark=args.benchmark, offline=True)
    for verdict in report.verdicts:
        print(f"  {verdict.explanation}")

    study = report.main_study
    if study is not None:
        table = study.frame[["date", "ar", "ar_t", "ar_p", "car", "car_t", "car_p"]]
        print(table.round({c: 4 for c in table.columns if c != "date"}).to_string())
        rank, of = study.event_day_rank()
        print(f"event-day |AR| rank {rank} of {of}")

    # 5. The full text report, and a plot.
    print()
    print(report.summary())
    if args.plot:
        report.plot().savefig(args.plot, dpi=120)
        print(f"plot saved to {args.plot}")


if __name__ == "__main__":
    main()
