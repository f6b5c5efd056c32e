"""Score the article reader on a labelled set of passages (JSON lines).

Usage::

    python benchmarks/extraction_accuracy.py FILE.jsonl [--misses] [--json]

Each line holds ``passage``, ``published`` (YYYY-MM-DD) and ``claims`` (``index``,
``index_canonical``, ``direction``, ``pct``, ``points``, ``level``, ``kind``,
``trading_date``). Every passage is read with its ``published`` date.

A predicted claim matches a labelled one when the index is the same (same registry
ticker; for indices outside the registry, the same name), the direction is the same,
and every number the label states is stated by the prediction and equal within
rounding (half a unit in the last printed place of the less precise of the two, or
0.011 absolute). Matching is one-to-one and greedy in text order.

Reported: claim precision, recall and F1; among matched claims, the share with the
labelled trading day and the labelled kind.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from eventstudy.indices import find, find_other
from eventstudy.read import read_article

_CANONICAL_EXTRA = {
    "sse composite": "Shanghai Composite",
    "hang seng index": "Hang Seng",
    "szse composite": "SZSE Component",
}


def _key(name: str | None, canonical: str | None = None) -> str:
    for n in (canonical, name):
        if not n:
            continue
        n2 = _CANONICAL_EXTRA.get(n.lower(), n)
        ix = find(n2)
        if ix is not None:
            return ix.ticker
        ox = find_other(n2)
        if ox is not None:
            return "?" + ox.name.lower()
    return "?" + re.sub(r"\W+", " ", (canonical or name or "").lower()).strip()


def _close(a: float | None, b: float | None, a_text: str | None = None) -> bool:
    if a is None:
        return True  # the label does not state it
    if b is None:
        return False
    places = len(a_text.partition(".")[2]) if a_text else len(f"{a:g}".partition(".")[2])
    tol = max(0.5 * 10 ** (-places), 0.011)
    return abs(a - b) <= tol + 1e-9


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    day_ok: int = 0
    kind_ok: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def day_accuracy(self) -> float:
        return self.day_ok / self.tp if self.tp else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_ok / self.tp if self.tp else 0.0


def _matches(gold: dict, pred) -> bool:
    if _key(gold.get("index"), gold.get("index_canonical")) != (
        pred.ticker if pred.ticker else _key(pred.index)
    ):
        return False
    if gold.get("direction") != pred.direction:
        return False
    return (
        _close(gold.get("pct"), pred.pct)
        and _close(gold.get("points"), pred.points)
        and _close(gold.get("level"), pred.level)
    )


def score(path: str | Path, *, misses: list | None = None) -> Score:
    """Score the reader on every passage of a JSON-lines file."""
    s = Score()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            item = json.loads(line)
            art = read_article(item["passage"], published=item["published"])
            preds = list(art.claims)
            used = [False] * len(preds)
            for gold in item["claims"]:
                hit = None
                for i, p in enumerate(preds):
                    if not used[i] and _matches(gold, p):
                        hit = i
                        break
                if hit is None:
                    s.fn += 1
                    if misses is not None:
                        misses.append((item["id"], "missed", gold))
                    continue
                used[hit] = True
                s.tp += 1
                p = preds[hit]
                day_ok = p.trading_date is not None and p.trading_date.isoformat() == gold["trading_date"]
                kind_ok = p.kind == gold["kind"]
                s.day_ok += day_ok
                s.kind_ok += kind_ok
                if misses is not None and not (day_ok and kind_ok):
                    misses.append(
                        (
                            item["id"],
                            "wrong day" if not day_ok else "wrong kind",
                            {**gold, "got_day": str(p.trading_date), "got_kind": p.kind},
                        )
                    )
            for i, p in enumerate(preds):
                if not used[i]:
                    s.fp += 1
                    if misses is not None:
                        misses.append((item["id"], "extra", p.to_dict()))
    return s


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", help="labelled passages, JSON lines")
    ap.add_argument("--misses", action="store_true", help="list missed, extra and mis-dated claims")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    misses: list | None = [] if args.misses else None
    s = score(args.file, misses=misses)
    rows = [
        ("claims matched", f"{s.tp}"),
        ("claims missed", f"{s.fn}"),
        ("claims extra", f"{s.fp}"),
        ("precision", f"{s.precision:.3f}"),
        ("recall", f"{s.recall:.3f}"),
        ("F1", f"{s.f1:.3f}"),
        ("trading-day accuracy", f"{s.day_accuracy:.3f}"),
        ("kind accuracy", f"{s.kind_accuracy:.3f}"),
    ]
    if args.json:
        print(json.dumps({k: float(v) if "." in v else int(v) for k, v in rows}))
    else:
        w = max(len(k) for k, _ in rows)
        print(f"{'measure':<{w}}  value")
        print("-" * (w + 8))
        for k, v in rows:
            print(f"{k:<{w}}  {v:>6}")
    if misses:
        print()
        for id_, what, d in misses:
            keep = {
                k: d.get(k)
                for k in (
                    "index",
                    "ticker",
                    "direction",
                    "pct",
                    "points",
                    "level",
                    "kind",
                    "trading_date",
                    "got_day",
                    "got_kind",
                )
                if k in d
            }
            print(f"{id_}  {what:<10} {keep}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
