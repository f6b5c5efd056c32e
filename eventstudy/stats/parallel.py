"""A small shared thread pool for the per-event passes of the study and its tests.

numpy releases the GIL in its sorts and in large element-wise loops, so blocks of events
processed in threads run side by side on several cores. Only work that splits into
independent blocks (disjoint rows of the outputs, sums that are exact whatever their
order) goes through :func:`run_parts`, so results are the same with one thread or many.

The number of threads is ``$EVENTSTUDY_THREADS`` when set (``1`` turns threading off),
otherwise the CPUs this process may use that no other runnable thread holds at the time of
the call (on Linux, from ``/proc/loadavg``), at most :data:`MAX_THREADS`: on a machine
whose other cores are busy, a second thread only waits for its turn and for the GIL
(measured: 10-40 % slower than one thread), so the work stays in the calling thread.
"""

from __future__ import annotations

import itertools
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
#: Fewest ``(event, day)`` cells per thread worth a hand-off to the pool: at 1,000 events of
#: 271 days (one thread's worth) two threads saved nothing measurable, at 10,000 about a third.
MIN_CELLS = 1 << 18

_lock = threading.Lock()
_inside = threading.local()  # .part: this thread runs a part of run_parts
_pool: ThreadPoolExecutor | None = None
_pool_size = 0


def n_threads(threads: int | None = None) -> int:
    """Threads to use: ``threads`` if given, else ``$EVENTSTUDY_THREADS``, else the idle CPUs (at most 4).

    Raises
    ------
    StudyError
        If ``threads`` or ``$EVENTSTUDY_THREADS`` is not a positive integer.
    """
    if threads is None:
        raw = os.environ.get(THREADS_ENV, "").strip()
        if not raw:
            return max(1, min(_idle_cpus(), MAX_THREADS))
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


def _idle_cpus() -> int:
    """CPUs of this process not taken by another runnable thread right now (at least 1)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cpus = os.cpu_count() or 1
    try:
        with open("/proc/loadavg") as f:  # "0.50 0.40 0.30 2/345 6789": 2 threads runnable now
            running = int(f.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return cpus
    return max(1, cpus - max(0, running - 1))  # the thread reading the file is one of them


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
            # (a smaller pool is not shut down: another thread may be submitting to it now; its
            # idle threads stay until the process ends)
            _pool, _pool_size = ThreadPoolExecutor(max_workers=size, thread_name_prefix="eventstudy"), size
        return _pool


def run_parts(fn: Callable[[T], R], parts: Sequence[T], *, threads: int | None = None) -> list[R]:
    """``[fn(p) for p in parts]``, shared between the calling thread and up to ``threads - 1`` pool threads.

    Every thread takes the next part not yet taken until none is left, so a pool thread
    that starts late (a busy machine) leaves its parts to the others instead of holding
    them up; the caller is one of the workers. ``threads`` defaults to the number of parts.
    ``fn`` must only write to outputs no other part writes to. A :func:`run_parts` inside
    ``fn`` runs its parts one after the other in its own thread. An exception in a part is
    raised in the caller once every thread has stopped (the other threads may still run the
    parts left before they stop; the results are dropped).
    """
    workers = len(parts) if threads is None else min(len(parts), n_threads(threads))
    if workers <= 1 or getattr(_inside, "part", False):
        # one worker, or called from a part: in this thread (a part waiting on the pool could
        # wait for itself)
        return [fn(p) for p in parts]
    results: list[R | None] = [None] * len(parts)
    taken = itertools.count()  # next() on a count is atomic: each part is taken once

    def drain() -> None:
        _inside.part = True
        try:
            while (i := next(taken)) < len(parts):
                results[i] = fn(parts[i])
        finally:
            _inside.part = False

    pool = _executor(workers - 1)
    futures: list[Future[None]] = [pool.submit(drain) for _ in range(workers - 1)]
    try:
        drain()
    finally:
        for f in futures:
            f.cancel()  # a pool thread that has not started yet has nothing left to take
        wait(futures)  # the others write to shared outputs: never leave one running
    for f in futures:
        if not f.cancelled():
            f.result()  # raises what the part raised
    return results  # type: ignore[return-value]
