"""Reader and checker together: verdicts by kind for every passage of a labelled JSONL file.

Each passage is read with its ``published`` date (as the extraction benchmark does) and every
claim the reader finds is checked against the bundled prices, offline. Prints a table of
verdicts by claim kind.

Run:  python benchmarks/end_to_end.py FILE.jsonl
"""

from __future__ import annotations

import argparse
import json

import pandas as pd

from eventstudy.check import check_article
from eventstudy.prices import PriceLoader
from eventstudy.read import read_article


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help="labelled passages (devset format)")
    args = ap.parse_args()
    src = PriceLoader(offline=True)
    rows = []
    with open(args.path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            art = read_article(d["passage"], published=d["published"])
            rows.extend((v.claim.kind, v.status) for v in check_article(art, src))
    df = pd.DataFrame(rows, columns=["kind", "status"])
    print(pd.crosstab(df["kind"], df["status"], margins=True, margins_name="total"))


if __name__ == "__main__":
    main()
