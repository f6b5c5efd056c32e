"""Check the dev set's labelled claims against the bundled prices.

Usage::

    python benchmarks/checker_devset.py PATH/articles.jsonl

Builds :class:`~eventstudy.read.model.Claim` objects straight from the labels (so this measures
the checker alone, not the reader), keeps those whose index has bundled prices and whose
session is inside the bundled range, checks them with :class:`BundledSource`, and prints a
confusion table of verdicts by kind and the claims the notes call wrong, with their verdicts.

Limitations (of the labels, not of the checker):

* the labels store hedged numbers as plain numbers ("nearly 800 points" -> 800) and carry no
  hedge, so no hedge is given to the checker: such claims are checked as exact;
* the labels carry no ``period`` for ``kind == "other"``, so those are unverifiable here;
* the printed precision comes from the number's JSON token ("3.0" -> one decimal).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from eventstudy import indices
from eventstudy.check import Verdict, check_claims
from eventstudy.prices.bundled import BundledSource, bundled_tickers
from eventstudy.read.model import Claim

__all__ = ["DevClaim", "load_devset_claims", "called_wrong", "run"]

#: Words in the notes that say a claim is wrong (whole words; "wrongly" describes a checker's mistake).
WRONG_WORDS = re.compile(r"\b(wrong|errors?|incorrect|actually)\b", re.IGNORECASE)
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class DevClaim:
    """A labelled dev-set claim turned into a :class:`Claim`, with where it came from."""

    article: str
    position: int
    claim: Claim
    notes: str


def _token(x: object) -> tuple[float | None, str | None]:
    if x is None:
        return None, None
    return float(str(x)), str(x)


def load_devset_claims(path: str | Path) -> list[DevClaim]:
    """Every labelled claim in the dev set, as :class:`Claim` (ticker ``None`` if unknown)."""
    out: list[DevClaim] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        # keep number tokens as strings, so that "3.0" keeps its printed precision
        row = json.loads(line, parse_float=str, parse_int=str)
        for k, lab in enumerate(row["claims"]):
            ix = indices.find(lab["index_canonical"])
            pct, pct_text = _token(lab["pct"])
            points, points_text = _token(lab["points"])
            level, level_text = _token(lab["level"])
            claim = Claim(
                index=ix.name if ix else lab["index_canonical"],
                ticker=ix.ticker if ix else None,
                direction=lab["direction"],
                pct=pct,
                points=points,
                level=level,
                kind=lab["kind"],
                trading_date=date.fromisoformat(lab["trading_date"]) if lab["trading_date"] else None,
                pct_text=pct_text,
                points_text=points_text,
                level_text=level_text,
            )
            out.append(DevClaim(row["id"], k, claim, row["notes"]))
    return out


def _numbers(text: str) -> set[float]:
    return {float(m.replace(",", "")) for m in _NUM.findall(text)}


def called_wrong(dc: DevClaim) -> str | None:
    """The note sentence that calls this claim wrong, or ``None``.

    A sentence of the notes calls a claim wrong when it contains one of :data:`WRONG_WORDS`
    and one of the claim's own numbers (%, points or level).
    """
    mine = {x for x in (dc.claim.pct, dc.claim.points, dc.claim.level) if x}
    for sentence in re.split(r"(?<=[.!?])\s+", dc.notes):
        if WRONG_WORDS.search(sentence) and _numbers(sentence) & mine:
            return sentence
    return None


def in_bundle(claim: Claim) -> bool:
    """Whether the claim's index and session are inside the bundled data."""
    if claim.ticker not in bundled_tickers() or claim.trading_date is None:
        return False
    cov = BundledSource().coverage(claim.ticker)
    return cov is not None and cov[0] <= claim.trading_date <= cov[1]


def run(path: str | Path) -> tuple[list[DevClaim], tuple[Verdict, ...]]:
    """The dev-set claims inside the bundled data and their verdicts."""
    kept = [dc for dc in load_devset_claims(path) if in_bundle(dc.claim)]
    return kept, check_claims([dc.claim for dc in kept], BundledSource())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", help="the dev set's articles.jsonl")
    ap.add_argument("--verbose", action="store_true", help="print every verdict's explanation")
    args = ap.parse_args(argv)
    everything = load_devset_claims(args.path)
    kept, verdicts = run(args.path)
    print(
        f"{len(everything)} labelled claims; {len(kept)} inside the bundled data "
        f"({', '.join(bundled_tickers())}, 2021-01-04..2022-06-30)\n"
    )
    frame = pd.DataFrame({"kind": [dc.claim.kind for dc in kept], "status": [v.status for v in verdicts]})
    table = pd.crosstab(frame["kind"], frame["status"], margins=True, margins_name="total")
    print("Verdicts by kind")
    print(table.to_string())
    print("\nClaims the notes call wrong")
    for dc, v in zip(kept, verdicts, strict=True):
        why = called_wrong(dc)
        if why:
            print(
                f"  {dc.article}#{dc.position} {dc.claim.index} {dc.claim.kind} {dc.claim.trading_date}: "
                f"{v.status}\n    note: {why}\n    {v.explanation}"
            )
    print("\nClose claims not called wrong that are not confirmed")
    for dc, v in zip(kept, verdicts, strict=True):
        if dc.claim.kind == "close" and not called_wrong(dc) and v.status != "confirmed":
            print(f"  {dc.article}#{dc.position}: {v.explanation}")
    if args.verbose:
        print("\nAll verdicts")
        for dc, v in zip(kept, verdicts, strict=True):
            print(f"  {dc.article}#{dc.position}: {v.explanation}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
