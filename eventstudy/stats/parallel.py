"""A small shared thread pool for the per-event passes of the study and its tests.

numpy releases the GIL in its sorts and in large element-wise loops, so blocks of events
processed in threads run side by side on several cores. Only work that splits into
independent blocks (disjoint rows of the outputs, sums that are exact whatever their
order) goes through :func:`run_parts`, so results are the same with one thread or many.

The number of threads is ``$EVENTSTUDY_THREADS`` when set (``1`` turns threading off),
otherwise the number of CPUs, at most :data:`MAX_THREADS`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import TypeVar

from ..exceptions import StudyError

__all__ = ["THREADS_ENV", "MAX_THREADS", "MIN_CELLS", "n_threads", "split", "run_parts"]

T = TypeVar("T")
R = TypeVar("R")

#: Environment variable that fixes the number of threads (``1``: no threading).
THREADS_ENV = "EVENTSTUDY_THREADS"
#: Most threads used when ``$EVENTSTUDY_THREADS`` is not set.
MAX_THREADS = 4
#: Fewest ``(event, day)`` cells per thread worth a hand-off to the pool (measured: below
#: about 250,000 cells the thread start-up and the split cost more than they save).
MIN_CELLS = 1 << 18

_lock = threading.Lock()
_inside = threading.local()  # .part: this thread runs a part of run_parts
_pool: ThreadPoolExecutor | None = None
_pool_size = 0


def n_threads(threads: int | None = None) -> int:
    """Threads to use: ``threads`` if given, else ``$EVENTSTUDY_THREADS``, else the CPUs (at most 4).

    Raises
    ------
    StudyError
        If ``threads`` or ``$EVENTSTUDY_THREADS`` is not a positive integer.
    """
    if threads is None:
        raw = os.environ.get(THREADS_ENV, "").strip()
        if not raw:
            return max(1, min(os.cpu_count() or 1, MAX_THREADS))
        try:
            threads = int(raw)
        except ValueError as e:
            raise StudyError(f"{THREADS_ENV}={raw!r} must be a positive integer (1: no threads)") from e
        if threads < 1:
            raise StudyError(f"{THREADS_ENV}={raw!r} must be a positive integer (1: no threads)")
        return threads
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise StudyError(f"threads={threads!r} must be a positive integer (1: no threads) or None")
    return threads


def split(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """``items`` cut into at most ``parts`` consecutive runs of nearly equal length (none empty)."""
    parts = max(1, min(parts, len(items)))
    q, r = divmod(len(items), parts)
    out, lo = [], 0
    for i in range(parts):
        hi = lo + q + (i < r)
        out.append(items[lo:hi])
        lo = hi
    return out


def _executor(size: int) -> ThreadPoolExecutor:
    global _pool, _pool_size
    with _lock:
        if _pool is None or _pool_size < size:
            old = _pool
            _pool, _pool_size = ThreadPoolExecutor(max_workers=size, thread_name_prefix="eventstudy"), size
            if old is not None:
                old.shutdown(wait=False)
        return _pool


def run_parts(fn: Callable[[T], R], parts: Sequence[T]) -> list[R]:
    """``[fn(p) for p in parts]``, the first part in the calling thread and the others in the pool.

    ``fn`` must only write to outputs no other part writes to. A :func:`run_parts` inside
    ``fn`` runs its parts one after the other in its own thread. Exceptions are raised in
    the caller, after every part has finished.
    """
    if len(parts) <= 1 or getattr(_inside, "part", False):
        # one part, or called from a part: in this thread (a part waiting on the pool could
        # wait for itself)
        return [fn(p) for p in parts]

    def part(p: T) -> R:
        _inside.part = True
        try:
            return fn(p)
        finally:
            _inside.part = False

    pool = _executor(len(parts) - 1)
    futures: list[Future[R]] = [pool.submit(part, p) for p in parts[1:]]
    try:
        first = part(parts[0])
    finally:
        wait(futures)  # the other parts write to shared outputs: never leave them running
    return [first, *(f.result() for f in futures)]
