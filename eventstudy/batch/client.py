"""Dask plumbing shared by the batch runs: the optional import, the client check, partitions.

Dask is an optional extra (``pip install 'eventstudy[dask]'``); it is imported here, lazily,
so that ``import eventstudy`` never needs it.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from ..exceptions import BatchError, OptionalDependencyError

__all__ = ["require_distributed", "check_client", "n_partitions", "split", "run_partitions"]


def require_distributed() -> Any:
    """The ``distributed`` module, or a one-line error that says how to install it.

    Raises
    ------
    OptionalDependencyError
        If Dask's ``distributed`` package cannot be imported.
    """
    try:
        import distributed
    except ImportError as e:
        raise OptionalDependencyError(
            "eventstudy.batch needs Dask: pip install 'eventstudy[dask]' (dask and distributed)",
            package="distributed",
        ) from e
    return distributed


def check_client(client: object) -> Any:
    """Return ``client`` if it is a running :class:`distributed.Client`.

    Raises
    ------
    OptionalDependencyError
        If Dask is not installed.
    BatchError
        If ``client`` is not a ``distributed.Client`` or it is closed.
    """
    distributed = require_distributed()
    if not isinstance(client, distributed.Client):
        raise BatchError(
            f"client must be a distributed.Client, not {type(client).__name__}; "
            "start one with distributed.Client(distributed.LocalCluster()) or connect to your scheduler"
        )
    if client.status not in ("running", "connecting", "newly-created"):
        raise BatchError(f"the Dask client is {client.status}; give a running distributed.Client")
    return client


def _threads(client: Any) -> int:
    return max(1, sum(client.nthreads().values()))


def n_partitions(
    client: Any, n_items: int, npartitions: int | None, *, per_thread: int = 1, max_items: int | None = None
) -> int:
    """How many partitions to cut ``n_items`` into.

    ``npartitions`` as given (capped at ``n_items``), else ``per_thread`` partitions per
    worker thread, more when a partition would hold over ``max_items`` items.

    Raises
    ------
    BatchError
        If ``npartitions`` is not a positive integer.
    """
    if npartitions is not None:
        if isinstance(npartitions, bool) or not isinstance(npartitions, int) or npartitions < 1:
            raise BatchError(
                f"npartitions={npartitions!r} must be a positive integer (or None: one per worker thread)"
            )
        parts = npartitions
    else:
        parts = per_thread * _threads(client)
        if max_items:
            parts = max(parts, math.ceil(n_items / max_items))
    return max(1, min(parts, n_items))


def split(n_items: int, parts: int) -> list[tuple[int, int]]:
    """``parts`` contiguous, non-empty ``(start, stop)`` ranges covering ``0 .. n_items`` in order."""
    parts = max(1, min(parts, n_items))
    bounds = [round(i * n_items / parts) for i in range(parts + 1)]
    return [(lo, hi) for lo, hi in zip(bounds[:-1], bounds[1:], strict=True) if hi > lo]


def run_partitions(
    client: Any, func: Callable[..., Any], parts: Sequence[Any], *args: Any, name: str
) -> list[Any]:
    """``[func(part, *args) for part in parts]`` on the cluster, results in the order of ``parts``.

    Each partition is one task (``pure=False``: files may change between runs). A task that
    raises re-raises its error here, on the client.
    """
    token = uuid.uuid4().hex[:12]
    futures = [
        client.submit(func, part, *args, pure=False, key=f"eventstudy-{name}-{token}-{i}")
        for i, part in enumerate(parts)
    ]
    try:
        return client.gather(futures)
    finally:
        for f in futures:
            f.release()
