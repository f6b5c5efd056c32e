"""Reading and checking a corpus of article files on a Dask cluster.

The files are listed once on the client (folders searched as
:func:`eventstudy.check.batch.collect_files` does), cut into contiguous partitions in that
order, and each partition is one task. The per-partition tables come back in order and are
stacked, so the result is the one a single process gives for the same files.

Prices on the workers: every worker process opens its own
:class:`~eventstudy.prices.PriceLoader` on the store file named by the client (bundled data,
then the SQLite store), and only reads it. In an online run the client first reads the
claims (on the workers), fetches the prices they need into the store itself, and then the
workers check, offline, from bundled data and the store: the store has a single writer.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from ..calendar import to_date
from ..check.batch import BatchResult, check_paths, collect_files
from ..check.rankings import RANKING_COLUMNS
from ..exceptions import ArticleError, BatchError, EventStudyError
from ..prices import PriceLoader
from ..read import read_file
from ..read.model import Article, Claim
from .client import check_client, n_partitions, run_partitions, split
from .frames import stack_like_rows

__all__ = ["ReadResult", "READ_COLUMNS", "FAILURE_COLUMNS", "read_corpus", "check_corpus"]

#: Columns of :attr:`ReadResult.frame`, one row per claim.
READ_COLUMNS = (
    "file", "published", "event_date", "date_basis", "claim", "index", "ticker", "kind", "period",
    "sessions", "since", "direction", "hedge", "pct", "points", "level", "trading_date", "alt_trading_date", "pct_text",
    "points_text", "level_text", "span_start", "span_end", "text", "notes",
)  # fmt: skip
#: Columns of the failure tables: the file, the exception type, the one-line reason.
FAILURE_COLUMNS = ("file", "error", "reason")

#: Files per partition is at most this when ``npartitions`` is not given (load balance).
_FILES_PER_PARTITION = 200


@dataclass(frozen=True)
class ReadResult:
    """The claims read from a corpus of article files.

    Attributes
    ----------
    frame
        One row per claim (:data:`READ_COLUMNS`), files in the order listed and claims in text
        order; ``claim`` numbers the claims of each article from 0; ``notes`` joins the claim's
        notes with ``"; "``.
    failures
        One row per file that could not be read: ``file``, ``error`` (exception type),
        ``reason`` (its one-line message). The run carries on past them.
    files
        Number of files attempted.
    articles
        Number of files read (with or without claims).
    """

    frame: pd.DataFrame
    failures: pd.DataFrame
    files: int = 0
    articles: int = 0

    __hash__ = None  # type: ignore[assignment]

    def __str__(self) -> str:
        return (
            f"{len(self.frame)} claims from {self.articles} articles "
            f"({self.files} files, {len(self.failures)} unreadable)"
        )


# ------------------------------------------------------------------ inputs
def _files(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    try:
        files = collect_files(list(paths))
    except TypeError as e:
        raise BatchError(f"paths must be a path or a list of paths (files or folders); got {paths!r}") from e
    if not files:
        raise BatchError("no files to read: paths is empty or its folders hold no files")
    return files


def _published(published: date | str | None) -> date | None:
    """``published`` parsed once, here, so that a bad value fails at once rather than per file."""
    if published is None:
        return None
    try:
        return to_date(published, "published")
    except EventStudyError as e:
        raise ArticleError(f"published={published!r} is not a date; use YYYY-MM-DD") from e


def _partitions(client: Any, files: list[Path], npartitions: int | None) -> list[list[str]]:
    parts = n_partitions(client, len(files), npartitions, per_thread=4, max_items=_FILES_PER_PARTITION)
    names = [str(f) for f in files]
    return [names[lo:hi] for lo, hi in split(len(names), parts)]


# ------------------------------------------------------------------ reading
def _nan(x: float | None) -> float:
    return math.nan if x is None else float(x)


def _claim_row(file: str, article: Article, i: int, c: Claim) -> dict[str, object]:
    return {
        "file": file, "published": article.published, "event_date": article.event_date,
        "date_basis": article.date_basis, "claim": i, "index": c.index, "ticker": c.ticker, "kind": c.kind,
        "period": c.period, "sessions": _nan(c.sessions), "since": c.since, "direction": c.direction, "hedge": c.hedge, "pct": _nan(c.pct),
        "points": _nan(c.points), "level": _nan(c.level), "trading_date": c.trading_date,
        "alt_trading_date": c.alt_trading_date, "pct_text": c.pct_text, "points_text": c.points_text,
        "level_text": c.level_text, "span_start": int(c.span[0]), "span_end": int(c.span[1]), "text": c.text,
        "notes": "; ".join(c.notes),
    }  # fmt: skip


def _failure(file: str, e: BaseException) -> dict[str, str]:
    return {"file": file, "error": type(e).__name__, "reason": str(e)}


def _read_one(file: str, published: date | str | None) -> Article | dict[str, str]:
    try:
        return read_file(file, published=published)
    except (EventStudyError, OSError, UnicodeError) as e:
        return _failure(file, e)


def _read_partition(files: Sequence[str], published: date | str | None) -> tuple[list, list, int]:
    """Worker task: claim rows, failure rows and the number of articles read."""
    rows: list[dict[str, object]] = []
    failures: list[dict[str, str]] = []
    articles = 0
    for f in files:
        got = _read_one(f, published)
        if isinstance(got, dict):
            failures.append(got)
            continue
        articles += 1
        rows.extend(_claim_row(f, got, i, c) for i, c in enumerate(got.claims))
    return rows, failures, articles


def read_corpus(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    client: Any,
    published: date | str | None = None,
    npartitions: int | None = None,
) -> ReadResult:
    """Read every article file of a corpus on a Dask cluster: one row per claim.

    Parameters
    ----------
    paths
        Files and folders (searched recursively; hidden files skipped), listed on the client.
    client
        A running :class:`distributed.Client`.
    published
        Publication date for every file (else each file's own dateline or date).
    npartitions
        Number of tasks the files are cut into (contiguous, in order). Default: four per
        worker thread, and at most 200 files per task.

    Returns
    -------
    ReadResult
        ``frame`` (one row per claim, :data:`READ_COLUMNS`), ``failures`` (unreadable files
        and why), ``files``, ``articles``. Rows are in the order a loop over
        :func:`eventstudy.read.read_file` gives.

    Raises
    ------
    OptionalDependencyError
        If Dask is not installed (``pip install 'eventstudy[dask]'``).
    BatchError
        If ``client`` is not a running ``distributed.Client``, there are no files, or
        ``npartitions`` is not a positive integer.
    ArticleError
        If ``published`` is given and is not a date.

    Examples
    --------
    >>> from distributed import Client, LocalCluster                 # doctest: +SKIP
    >>> with Client(LocalCluster(n_workers=2, dashboard_address=None)) as client:  # doctest: +SKIP
    ...     claims = read_corpus("articles/", client=client).frame
    """
    client = check_client(client)
    files = _files(paths)
    published = _published(published)
    parts = _partitions(client, files, npartitions)
    done = run_partitions(client, _read_partition, parts, published, name="read")
    frame = pd.DataFrame([r for rows, _, _ in done for r in rows], columns=list(READ_COLUMNS))
    failures = pd.DataFrame([r for _, fails, _ in done for r in fails], columns=list(FAILURE_COLUMNS))
    return ReadResult(frame, failures, len(files), sum(n for *_, n in done))


# ------------------------------------------------------------------ checking
_LOADERS: dict[tuple[str, bool], PriceLoader] = {}
_LOADERS_LOCK = threading.Lock()


def worker_loader(store_path: str, offline: bool) -> PriceLoader:
    """The :class:`PriceLoader` of this worker process for ``store_path``, made once and reused.

    The store is opened per request by :class:`~eventstudy.prices.PriceStore`, so one loader
    serves the worker's threads.
    """
    key = (store_path, offline)
    with _LOADERS_LOCK:
        loader = _LOADERS.get(key)
        if loader is None:
            loader = _LOADERS[key] = PriceLoader(store_path=store_path, offline=offline)
    return loader


def _claims_partition(files: Sequence[str], published: date | str | None) -> list[Claim]:
    """Worker task: the claims of the readable files (to know which prices to fetch)."""
    out: list[Claim] = []
    for f in files:
        got = _read_one(f, published)
        if not isinstance(got, dict):
            out.extend(got.claims)
    return out


def _check_partition(
    files: Sequence[str], published: date | str | None, store_path: str, offline: bool
) -> BatchResult:
    """Worker task: :func:`~eventstudy.check.check_paths` on the partition."""
    return check_paths(list(files), source=worker_loader(store_path, offline), published=published)


def _fill_store(claims: list[Claim], loader: PriceLoader) -> None:
    """Fetch into the store (through ``loader``) the prices the claims need, as the checker would."""
    from ..check.cache import PriceCache
    from ..check.claims import _prefetch  # the checker's own windows per claim

    _prefetch(claims, PriceCache(loader))


def check_corpus(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    client: Any,
    published: date | str | None = None,
    npartitions: int | None = None,
    store_path: str | os.PathLike[str] | None = None,
    offline: bool | None = None,
) -> BatchResult:
    """Check every claim of a corpus of article files on a Dask cluster.

    Each task runs :func:`eventstudy.check.check_paths` on its files with its worker's
    :class:`~eventstudy.prices.PriceLoader`; the tables come back in order and are stacked.

    Parameters
    ----------
    paths
        Files and folders (searched recursively; hidden files skipped), listed on the client.
    client
        A running :class:`distributed.Client`.
    published
        Publication date for every file (else each file's own dateline or date).
    npartitions
        Number of tasks (contiguous runs of files). Default: four per worker thread, and at
        most 200 files per task.
    store_path
        The SQLite price store the workers read. ``None``: ``$EVENTSTUDY_STORE`` as seen by
        the client, else the user cache directory. On a cluster of several machines it must be
        a path every worker can read (a shared file system).
    offline
        Never use the network. ``None``: ``$EVENTSTUDY_OFFLINE`` as seen by the client. When
        online, the client reads the claims (on the workers) and fetches the prices they need
        into the store before the workers check; the workers themselves never fetch or write.

    Returns
    -------
    BatchResult
        As :func:`eventstudy.check.check_paths` returns for the same files and store: ``frame``
        (one row per claim), ``failures`` (unreadable files), ``verdicts``, ``files``,
        ``summary()``.

    Raises
    ------
    OptionalDependencyError
        If Dask is not installed (``pip install 'eventstudy[dask]'``).
    BatchError
        If ``client`` is not a running ``distributed.Client``, there are no files, or
        ``npartitions`` is not a positive integer.
    ArticleError
        If ``published`` is given and is not a date.

    Notes
    -----
    Verdicts do not depend on how the files are partitioned: each claim is checked against
    the same prices; only how often each ticker is fetched changes. In an online run a price
    range the client could not fetch leaves its claims unverifiable with the offline
    message (the workers do not retry the network).
    """
    client = check_client(client)
    files = _files(paths)
    published = _published(published)
    here = PriceLoader(store_path=store_path, offline=offline)  # resolves the environment here
    store, off = str(here.store.path), here.offline
    parts = _partitions(client, files, npartitions)
    if not off:
        claims = [
            c
            for got in run_partitions(client, _claims_partition, parts, published, name="claims")
            for c in got
        ]
        _fill_store(claims, here)
    done: list[BatchResult] = run_partitions(
        client, _check_partition, parts, published, store, True, name="check"
    )
    from ..check.batch import FRAME_COLUMNS

    return BatchResult(
        frame=stack_like_rows([r.frame for r in done], FRAME_COLUMNS),
        failures=stack_like_rows([r.failures for r in done], FAILURE_COLUMNS),
        verdicts=tuple(v for r in done for v in r.verdicts),
        files=sum(r.files for r in done),
        rankings=stack_like_rows([r.rankings for r in done], ("file", *RANKING_COLUMNS)),
    )
