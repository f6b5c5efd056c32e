"""Check every claim in a batch of article files: :func:`check_paths` -> :class:`BatchResult`."""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from ..exceptions import ArticleError, EventStudyError
from ..prices.base import PriceSource
from ..read.model import Article
from .cache import PriceCache
from .claims import _check, _prefetch
from .rankings import RANKING_COLUMNS, check_ranking, ranking_session
from .verdict import Verdict

__all__ = ["BatchResult", "BatchSummary", "check_paths", "collect_files", "is_results_file", "FRAME_COLUMNS"]

#: Columns of :attr:`BatchResult.frame`, one row per claim.
FRAME_COLUMNS = (
    "file",
    "published",
    "index",
    "ticker",
    "kind",
    "period",
    "sessions",
    "since",
    "direction",
    "hedge",
    "pct",
    "points",
    "level",
    "trading_date",
    "alt_trading_date",
    "status",
    "reason",
    "session",
    "base_date",
    "actual_pct",
    "actual_points",
    "actual_level",
    "low_pct",
    "high_pct",
    "prev_close",
    "open",
    "high",
    "low",
    "close",
    "close_pct",
    "explanation",
)
_STATUSES = ("confirmed", "contradicted", "ambiguous", "unverifiable")


#: How the files this package writes begin: a results CSV (:data:`FRAME_COLUMNS`), its
#: failures CSV, a results JSON (``check PATH... --out results.json``) and a ``check --json``
#: document. Found inside a folder, they are an earlier run's output, not articles.
_OUTPUT_HEADS = (
    ",".join(FRAME_COLUMNS[:4]).encode(),
    b"file,error,reason",
    b'{\n  "claims": [',
    b'{\n  "schema": ',
)


def is_results_file(path: Path) -> bool:
    """Whether ``path`` is a results file this package wrote (a CSV or JSON of a check run)."""
    if path.suffix.lower() not in (".csv", ".json"):
        return False
    try:
        with open(path, "rb") as f:
            head = f.read(64).removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n")
    except OSError:
        return False  # unreadable: the reader reports it
    return head.startswith(_OUTPUT_HEADS)


def collect_files(
    paths: Iterable[str | os.PathLike[str]], *, skipped: list[Path] | None = None
) -> list[Path]:
    """Files named in ``paths``, with folders searched recursively.

    Files given by name are always kept (a missing one is reported by the reader). Inside a
    folder every non-hidden file is kept (hidden files and folders, starting with ``.``,
    are skipped), so that a binary or undecodable file is reported rather than silently
    ignored, except the results files of an earlier check run (:func:`is_results_file`:
    ``check articles/ --out articles/results.csv`` twice must not read the first run's
    results as an article); those are appended to ``skipped`` when it is given. Each
    folder's files are sorted by path; a file named twice is kept once.
    """
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for f in files:
                    if f.startswith("."):
                        continue
                    fp = Path(root) / f
                    if is_results_file(fp):
                        if skipped is not None:
                            skipped.append(fp)
                        continue
                    found.append(fp)
            out.extend(sorted(found))
        else:
            out.append(path)
    seen: set[Path] = set()
    unique = []
    for path in out:  # a file named twice (or inside a folder also named) is checked once
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


@dataclass(frozen=True)
class BatchSummary:
    """Verdict counts by claim kind, with the number of unreadable files."""

    table: pd.DataFrame
    files: int
    failures: int

    def __str__(self) -> str:
        head = f"Claims checked by kind ({self.files} files, {self.failures} unreadable)"
        return f"{head}\n{self.table.to_string()}"

    def _repr_html_(self) -> str:
        return f"<p>{self.files} files, {self.failures} unreadable</p>" + self.table.to_html()


@dataclass(frozen=True)
class BatchResult:
    """The verdicts of a batch run.

    Attributes
    ----------
    frame
        One row per claim (:data:`FRAME_COLUMNS`).
    failures
        One row per unreadable file: ``file``, ``error`` (exception type), ``reason``.
    verdicts
        The :class:`Verdict` objects, in the order of ``frame``'s rows.
    files
        Number of files attempted.
    rankings
        One row per ranking or record statement ("its biggest fall since ..."): ``file`` and
        :data:`~eventstudy.check.rankings.RANKING_COLUMNS`.
    """

    frame: pd.DataFrame
    failures: pd.DataFrame
    verdicts: tuple[Verdict, ...] = field(default=())
    files: int = 0
    rankings: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["file", *RANKING_COLUMNS]))

    __hash__ = None  # type: ignore[assignment]

    def summary(self) -> BatchSummary:
        """Verdict counts: one row per claim kind plus ``total``, one column per status."""
        if self.frame.empty:
            table = pd.DataFrame(0, index=pd.Index(["total"], name="kind"), columns=list(_STATUSES))
        else:
            table = pd.crosstab(self.frame["kind"], self.frame["status"])
            table = table.reindex(columns=list(_STATUSES), fill_value=0)
            table.loc["total"] = table.sum()
        table["all"] = table.sum(axis=1)
        return BatchSummary(table, self.files, len(self.failures))

    def __str__(self) -> str:
        return str(self.summary())


def _nan(x: float | None) -> float:
    return math.nan if x is None else float(x)


def _row(file: str, article: Article, v: Verdict) -> dict[str, object]:
    """One row of :data:`FRAME_COLUMNS`. ``actual_pct`` and ``actual_points`` are the move the
    claim was measured against; a snapshot during the session (an intraday claim, or a move
    from a named day given during the session) has no such move: they are empty and the day's
    range from the base close is in ``low_pct`` .. ``high_pct``."""
    c = v.claim
    a = v.actual
    snapshot = "low_pct" in a  # (the checker's range test for a snapshot)
    return {
        "file": file,
        "published": article.published,
        "index": c.index,
        "ticker": c.ticker,
        "kind": c.kind,
        "period": c.period,
        "sessions": _nan(c.sessions),
        "since": c.since,
        "direction": c.direction,
        "hedge": c.hedge,
        "pct": _nan(c.pct),
        "points": _nan(c.points),
        "level": _nan(c.level),
        "trading_date": c.trading_date,
        "alt_trading_date": c.alt_trading_date,
        "status": v.status,
        "reason": v.reason,
        "session": v.session,
        "base_date": v.base_date,
        "actual_pct": math.nan if snapshot else _nan(v.compared.get("pct")),
        "actual_points": math.nan if snapshot else _nan(v.compared.get("points")),
        "actual_level": math.nan if snapshot else _nan(v.compared.get("level")),
        "low_pct": _nan(a.get("low_pct")),
        "high_pct": _nan(a.get("high_pct")),
        "prev_close": _nan(a.get("prev_close")),
        "open": _nan(a.get("open")),
        "high": _nan(a.get("high")),
        "low": _nan(a.get("low")),
        "close": _nan(a.get("close")),
        "close_pct": _nan(a.get("close_pct")),
        "explanation": v.explanation,
    }


def check_paths(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    source: PriceSource,
    published: date | None = None,
    progress: bool = False,
) -> BatchResult:
    """Read every article file in ``paths`` and check all their claims.

    Parameters
    ----------
    paths
        Files and folders (searched recursively, see :func:`collect_files`).
    source
        Where prices come from; each ticker is fetched once for the whole run when possible.
    published
        Publication date for every file (else each file's own dateline or date).
    progress
        Show a tqdm progress bar over the files.

    Returns
    -------
    BatchResult
        ``frame`` (one row per claim), ``failures`` (files that could not be read, and why:
        the run carries on past them), ``summary()``.
    """
    from ..read import read_file  # the reader is a separate layer; import when needed

    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    files = collect_files(paths)
    it: Iterable[Path] = files
    if progress:
        from tqdm.auto import tqdm

        it = tqdm(files, desc="reading", unit="file")
    read: list[tuple[str, Article]] = []
    failures: list[dict[str, str]] = []
    for f in it:
        try:
            read.append((str(f), read_file(f, published=published)))
        except (EventStudyError, OSError, UnicodeError) as e:
            kind = (
                type(e).__name__ if isinstance(e, ArticleError | EventStudyError) else f"{type(e).__name__}"
            )
            failures.append({"file": str(f), "error": kind, "reason": str(e)})
    cache = PriceCache(source)
    _prefetch([c for _, a in read for c in a.claims], cache)
    rows: list[dict[str, object]] = []
    verdicts: list[Verdict] = []
    ranked: list[dict[str, object]] = []
    for name, article in read:
        mine = []
        for claim in article.claims:
            v = _check(claim, cache)
            verdicts.append(v)
            mine.append(v)
            rows.append(_row(name, article, v))
        for r in article.rankings:
            rv = check_ranking(r, source, session=ranking_session(r, mine))
            ranked.append({"file": name, **rv.row()})
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    fail = pd.DataFrame(failures, columns=["file", "error", "reason"])
    ranks = pd.DataFrame(ranked, columns=["file", *RANKING_COLUMNS])
    return BatchResult(frame, fail, tuple(verdicts), len(files), ranks)
