r"""Event studies with the events spread over a Dask cluster.

:func:`study_events` builds the :class:`~eventstudy.stats.EventStudy` on the client (so
bad input fails there, at once), sends it to every worker once, cuts the events that
survive date alignment into contiguous partitions, and lets each worker fit its events
with the vectorised model of :mod:`eventstudy.stats.study` (batched closed-form OLS).
The per-event arrays come back in order and are stacked; everything that looks across
events (dropped events, notes, the cross-sectional tests of
:mod:`eventstudy.stats.significance`) is then computed on the client from the gathered
panel, by the same code as a single-process run. The results therefore equal
``EventStudy(...).run()`` value for value.

The estimates of one event use only that event's rows,

.. math::

    \hat\theta_i = (X_i'X_i)^{-1}X_i'y_i, \qquad AR_{it} = R_{it} - x_t'\hat\theta_i,

so they do not depend on which other events share its partition (MacKinlay 1997, eq. 5-8);
the tests (Patell 1976; Boehmer, Musumeci and Poulsen 1991; Kolari and Pynnönen 2010;
Corrado 1989, ...) need the whole panel and are never computed per partition.

References
----------
MacKinlay, A. C. (1997). Event studies in economics and finance. *Journal of Economic
Literature* 35(1), 13-39.
Boehmer, E., Musumeci, J., Poulsen, A. B. (1991). Event-study methodology under conditions
of event-induced variance. *Journal of Financial Economics* 30(2), 253-272.
Kolari, J. W., Pynnönen, S. (2010). Event study testing with cross-sectional correlation of
abnormal returns. *Review of Financial Studies* 23(11), 3996-4025.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..policies import DEFAULT_DATE_POLICY, DatePolicy, ModelName, ReturnKind
from ..stats import EventStudy, EventStudyResults
from ..stats.models import ExpectedReturnModel
from ..stats.significance_shared import Convention
from ..stats.windows import Event
from .client import check_client, n_partitions, run_partitions, split

__all__ = ["study_events"]

#: Events per partition at most, when ``npartitions`` is not given (bounds worker memory:
#: about 5 KB per event for a 250-day estimation window and a 21-day event window).
_EVENTS_PER_PARTITION = 20_000
#: Per-event arrays that are only the benchmark returns on the estimation and event days.
_BENCHMARK_KEYS = ("est_market", "event_market")


def _fit_partition(
    part: tuple[np.ndarray, np.ndarray], study: EventStudy, est_rel: np.ndarray, ev_rel: np.ndarray
) -> dict[str, np.ndarray | None]:
    """Worker task: the single-process per-event fit, on this partition's events.

    The benchmark returns on the window days are left out of the answer (the client, which
    has the benchmark, takes them itself): a third of the bytes for the market model.
    """
    sec, pos = part
    out = EventStudy._compute(study, sec, pos, est_rel, ev_rel)
    for key in _BENCHMARK_KEYS:
        out[key] = None
    return out


def _stack(outs: Sequence[dict[str, np.ndarray | None]]) -> dict[str, np.ndarray | None]:
    first = outs[0]
    return {
        key: None if first[key] is None else np.concatenate([o[key] for o in outs], axis=0)  # type: ignore[misc]
        for key in first
    }


class _DistributedStudy(EventStudy):
    """An :class:`EventStudy` whose per-event fitting runs on the cluster.

    Everything else in :meth:`EventStudy.run` (date alignment, windows, dropped events,
    notes, the results object) runs unchanged on the client.
    """

    def __init__(self, study: EventStudy, client: Any, npartitions: int | None) -> None:
        self.__dict__.update(study.__dict__)
        self._local = study
        self._client = client
        self._npartitions = npartitions

    def _compute(
        self, sec: np.ndarray, pos: np.ndarray, est_rel: np.ndarray, ev_rel: np.ndarray
    ) -> dict[str, np.ndarray | None]:
        n = len(sec)
        if n == 0:
            return EventStudy._compute(self._local, sec, pos, est_rel, ev_rel)
        client = self._client
        parts = n_partitions(client, n, self._npartitions, max_items=_EVENTS_PER_PARTITION)
        chunks = [(sec[lo:hi], pos[lo:hi]) for lo, hi in split(n, parts)]
        [remote] = client.scatter([self._local], broadcast=True, hash=False)
        try:
            outs = run_partitions(client, _fit_partition, chunks, remote, est_rel, ev_rel, name="study")
        finally:
            remote.release()
        out = _stack(outs)
        market = self._benchmark  # the parsed benchmark returns on the rows of the returns table
        if market is not None:  # what the workers left out, exactly as EventStudy._compute takes it
            # an estimation window may start before the table: those days are NaN, as on the workers
            pad = max(0, -int(pos.min()) - int(est_rel[0]))
            if pad:
                market, pos = np.concatenate([np.full(pad, np.nan), market]), pos + pad
            out["est_market"] = market[pos[:, None] + est_rel[None, :]]
            out["event_market"] = market[pos[:, None] + ev_rel[None, :]]
        return out


def study_events(
    returns: pd.DataFrame | pd.Series,
    events: pd.DataFrame | Sequence[Event] | Sequence[str] | None,
    *,
    client: Any,
    benchmark: pd.Series | pd.DataFrame | None = None,
    factors: pd.DataFrame | None = None,
    model: ModelName | ExpectedReturnModel = "market",
    estimation: tuple[Any, Any] = (-250, -11),
    event: tuple[Any, Any] = (-1, 1),
    min_estimation: int | None = None,
    date_policy: DatePolicy = DEFAULT_DATE_POLICY,
    calendar: str | None = None,
    return_kind: ReturnKind = "simple",
    convention: Convention = "paper",
    npartitions: int | None = None,
) -> EventStudyResults:
    """Run an event study with the events partitioned over a Dask cluster.

    The parameters after ``client`` are those of :class:`eventstudy.stats.EventStudy` (same
    meaning, same defaults); the result equals ``EventStudy(returns, benchmark, events,
    ...).run()``: same events in the same order, same values, same dropped events and notes.

    Parameters
    ----------
    returns
        Wide table of daily returns (sorted ``DatetimeIndex`` x securities), sent once to
        every worker.
    events
        The events: a DataFrame with ``security`` and ``date`` (optionally ``id``), a
        sequence of :class:`~eventstudy.stats.Event`, or (calendar-date windows) security
        names or ``None``.
    client
        A running :class:`distributed.Client`.
    benchmark, factors, model, estimation, event, min_estimation, date_policy, calendar, return_kind, convention
        As in :class:`~eventstudy.stats.EventStudy`.
    npartitions
        Number of tasks the events are cut into (contiguous, in order). Default: one per
        worker thread, and at most 20,000 events per task.

    Returns
    -------
    EventStudyResults
        Per-event ARs and CARs (:attr:`~eventstudy.stats.EventStudyResults.event_stats`,
        :meth:`~eventstudy.stats.EventStudyResults.to_frame`), the cross-sectional tests
        (:attr:`~eventstudy.stats.EventStudyResults.tests`, computed on the client over all
        events), ``dropped`` and ``notes``.

    Raises
    ------
    OptionalDependencyError
        If Dask is not installed (``pip install 'eventstudy[dask]'``).
    BatchError
        If ``client`` is not a running ``distributed.Client`` or ``npartitions`` is not a
        positive integer.
    StudyError
        For the inputs :class:`~eventstudy.stats.EventStudy` rejects (raised on the client,
        before any work is sent).

    Examples
    --------
    >>> from distributed import Client, LocalCluster                          # doctest: +SKIP
    >>> with Client(LocalCluster(n_workers=2, dashboard_address=None)) as client:  # doctest: +SKIP
    ...     res = study_events(returns, events, client=client, benchmark=market,
    ...                        estimation=(-260, -11), event=(-10, 10))
    ...     res.tests[["mean_aar", "patell", "patell_p"]]
    """
    client = check_client(client)
    if npartitions is not None:
        n_partitions(client, 1, npartitions)  # validate before any work
    study = EventStudy(
        returns,
        benchmark,
        events,
        factors=factors,
        model=model,
        estimation=estimation,
        event=event,
        min_estimation=min_estimation,
        date_policy=date_policy,
        calendar=calendar,
        return_kind=return_kind,
        convention=convention,
    )
    return _DistributedStudy(study, client, npartitions).run()
