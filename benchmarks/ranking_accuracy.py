"""How well ranking and record statements are read and checked, on a labelled file.

Usage::

    python benchmarks/ranking_accuracy.py benchmarks/data/heldout14_articles.jsonl [--misses]

Each line of the file is a passage in the format of ``../shared/devset/`` with a second list,
``records``: ``{index_canonical, text, what, period, extreme, anchor, lookback, record,
trading_date, holds}`` (see ``benchmarks/data/README.md``). Each passage is read with its
``published`` date and checked offline on the bundled prices as ``eventstudy check`` does
(:func:`eventstudy.faces.api.check`: ``report.rankings``, each statement on the session its
claimed move's verdict used).

Printed:

- statements found: precision, recall, F1 (a match needs the same index, trading day,
  ``what`` and ``extreme``);
- among matched statements, the share whose span was read right (the same anchor day,
  month or year, the same lookback, or both a record);
- verdicts against the labels' ``holds`` (computed by the label's author from the same
  CSVs): confirmed vs true, contradicted vs false, unverifiable vs null, as a table.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from datetime import date

os.environ.setdefault("EVENTSTUDY_OFFLINE", "1")

from eventstudy.faces.api import check  # noqa: E402
from eventstudy.indices import lookup  # noqa: E402
from eventstudy.prices import PriceLoader  # noqa: E402


def _span_key(anchor, lookback, record) -> tuple:
    return (anchor, lookback, bool(record))


def _label_span(rec: dict) -> tuple:
    a = rec.get("anchor")
    if a is not None and len(a) == 7:  # YYYY-MM
        a = a + "-01"
    elif a is not None and len(a) == 4:
        a = a + "-01-01"
    lb = rec.get("lookback")
    if lb:
        n, unit = lb.split()
        lb = (int(n), unit.rstrip("s"))
    return _span_key(a, lb, rec.get("record"))


def _read_span(r) -> tuple:
    a = r.anchor.isoformat() if r.anchor is not None else None
    return _span_key(a, tuple(r.lookback) if r.lookback else None, r.record)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--misses", action="store_true", help="print each miss, extra and wrong verdict")
    args = ap.parse_args(argv)
    src = PriceLoader(offline=True)
    tp = fn = fp = span_ok = 0
    verdicts: Counter = Counter()
    lines = []
    for line in open(args.file, encoding="utf-8"):
        if not line.strip():
            continue
        p = json.loads(line)
        rep = check(p["passage"], published=p["published"], source=src, study=False, context=False)
        art = rep.article
        by_ranking = {id(v.ranking): v for v in rep.rankings}
        gold = []
        for rec in p.get("records", []):
            try:
                ticker = lookup(rec["index_canonical"]).ticker
            except Exception:
                ticker = None
            gold.append((ticker, rec))
        left = list(art.rankings)
        for ticker, rec in gold:
            key = (ticker, date.fromisoformat(rec["trading_date"]), rec["what"], rec["extreme"])
            hit = next(
                (r for r in left if (r.ticker, r.trading_date, r.what, r.extreme) == key),
                None,
            )
            if hit is None:
                fn += 1
                lines.append(
                    f"MISS  {p['id']}: {rec['index_canonical']} {rec['trading_date']} {rec['what']}/{rec['extreme']} '{rec['text']}'"
                )
                continue
            left.remove(hit)
            tp += 1
            if _read_span(hit) == _label_span(rec):
                span_ok += 1
            else:
                lines.append(
                    f"SPAN  {p['id']}: '{rec['text']}' read {_read_span(hit)} label {_label_span(rec)}"
                )
            v = by_ranking[id(hit)]
            want = {True: "true", False: "false", None: "null"}[rec.get("holds")]
            verdicts[(want, v.status)] += 1
            if (want, v.status) not in (
                ("true", "confirmed"),
                ("false", "contradicted"),
                ("null", "unverifiable"),
            ):
                lines.append(f"VERD  {p['id']}: '{rec['text']}' holds={want} -> {v.status}: {v.explanation}")
        for r in left:
            fp += 1
            lines.append(f"EXTRA {p['id']}: {r.index} {r.trading_date} {r.what}/{r.extreme} '{r.phrase}'")
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec_ = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0.0
    print(f"{'measure':<34}{'value':>8}")
    print("-" * 42)
    for k, v in (
        ("statements labelled", tp + fn),
        ("statements matched", tp),
        ("statements missed", fn),
        ("statements extra", fp),
        ("precision", f"{prec:.3f}"),
        ("recall", f"{rec_:.3f}"),
        ("F1", f"{f1:.3f}"),
        ("span read right (of matched)", f"{span_ok / tp:.3f}" if tp else "n/a"),
    ):
        print(f"{k:<34}{v:>8}")
    print()
    print("verdicts of matched statements (rows: label holds; columns: verdict)")
    cols = ("confirmed", "contradicted", "unverifiable")
    print(f"{'':<8}" + "".join(f"{c:>14}" for c in cols))
    for want in ("true", "false", "null"):
        print(f"{want:<8}" + "".join(f"{verdicts[(want, c)]:>14}" for c in cols))
    right = (
        verdicts[("true", "confirmed")]
        + verdicts[("false", "contradicted")]
        + verdicts[("null", "unverifiable")]
    )
    wrong = verdicts[("true", "contradicted")] + verdicts[("false", "confirmed")]
    print(f"verdicts as labelled: {right} of {tp}; opposite to the label: {wrong}")
    if args.misses:
        print()
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
