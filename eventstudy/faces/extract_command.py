"""``eventstudy extract``: the index moves an article claims, without checking them."""

from __future__ import annotations

import argparse
import json

from ..read import read_file
from ..read.model import Article, Claim
from .report import SCHEMA_VERSION, hedged

__all__ = ["add_parser", "run", "article_json", "article_text"]


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "extract",
        help="list the index moves an article claims (no prices needed)",
        description=(
            "Read an article and print its publication date, event date and every claimed index "
            "move: index, direction, percentage, points, level, kind (close, intraday, weekly, "
            "other) and the trading day it is about."
        ),
    )
    p.add_argument("article", metavar="ARTICLE", help="UTF-8 text file of the article")
    p.add_argument("--published", metavar="DATE", help="publication date YYYY-MM-DD (overrides the text)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(run=run)
    return p


def _claim_json(i: int, c: Claim) -> dict:
    d = c.to_dict()
    del d["span"]
    return {**d, "number": i}


def article_json(article: Article) -> dict:
    """The JSON document printed by ``eventstudy extract --json``."""
    return {
        "schema": SCHEMA_VERSION,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "published_basis": article.date_basis,  # (the same key as in ``check --json``)
        "date_basis": article.date_basis,  # kept for scripts written against schema 1
        "event_date": article.event_date.isoformat() if article.event_date else None,
        "claims": [_claim_json(i, c) for i, c in enumerate(article.claims, 1)],
        "rankings": [r.to_dict() for r in article.rankings],
        "notes": list(article.notes),
    }


def _num(x: float | None, text: str | None, suffix: str = "") -> str:
    if x is None:
        return ""
    return f"{text if text else f'{x:g}'}{suffix}"


def article_text(article: Article) -> str:
    """The text printed by ``eventstudy extract``."""
    lines = [
        f"Article:    {article.source or '-'}",
        f"Published:  {article.published} ({article.date_basis})",
        f"Event date: {article.event_date}",
        f"Claims:     {len(article.claims)}",
    ]
    notes: list[str] = list(article.notes)
    for i, c in enumerate(article.claims, 1):
        parts = [c.direction or "level"]
        for number, value, text, unit, lead in (
            ("pct", c.pct, c.pct_text, "%", ""),
            ("points", c.points, c.points_text, " pts", ""),
            ("level", c.level, c.level_text, "", "at "),
        ):
            if value is not None:
                parts.append(lead + hedged(c, number, _num(value, text, unit)))
        kind = c.kind + (f" ({c.period}{f', since {c.since}' if c.since else ''})" if c.period else "")
        day = str(c.trading_date) + (f" or {c.alt_trading_date}" if c.alt_trading_date else "")
        marks = []
        for n in c.notes:
            notes.append(n)
            marks.append(f"[{len(notes)}]")
        lines.append(
            f"  {i:>2}. {c.index} ({c.ticker or 'not in registry'}): {' '.join(parts)}; {kind}; {day}"
            + (" " + " ".join(marks) if marks else "")
        )
    if article.rankings:
        lines.append(f"Rankings:   {len(article.rankings)}")
    for i, r in enumerate(article.rankings, 1):
        with_claim = f"; with claim {r.claim + 1}" if r.claim is not None else ""
        lines.append(
            f'  {i:>2}. {r.index} ({r.ticker or "not in registry"}): "{r.phrase}"; {r.trading_date}{with_claim}'
        )
        notes.extend(r.notes)
    if notes:
        lines.append("Notes:")
        lines.extend(f"  [{k}] {n}" for k, n in enumerate(notes, 1))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    article = read_file(args.article, published=args.published)
    if args.json:
        print(json.dumps(article_json(article), indent=2, ensure_ascii=False))
    else:
        print(article_text(article))
    return 0
