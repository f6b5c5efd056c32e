"""The abnormal-return panel: what the model stage hands to the significance tests.

Event-time aligned arrays for N events: the estimation-window abnormal returns (model
residuals) and the event-window abnormal returns, with the benchmark returns on the same
days for the prediction-error corrections (Patell 1976; Boehmer et al. 1991).
Missing observations are NaN. The model stage (``eventstudy.stats.study``) builds it;
``eventstudy.stats.significance`` consumes it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["AbnormalReturnPanel"]


@dataclass(frozen=True)
class AbnormalReturnPanel:
    """Abnormal returns of N events, aligned in event time.

    Attributes
    ----------
    est_ar
        ``(N, L)`` estimation-window abnormal returns (residuals), NaN where missing.
    event_ar
        ``(N, T)`` event-window abnormal returns, NaN where missing.
    event_days
        ``(T,)`` relative day of each event-window column (e.g. ``-1, 0, 1``).
    n_params
        Parameters estimated per event by the model (0 market-adjusted, 1 constant
        mean, 2 market model, k + 1 factor model); the residual degrees of freedom
        are ``L_i - n_params``.
    est_market
        ``(N, L)`` benchmark returns on the estimation days, NaN only where the
        benchmark itself is missing (not where the security is), or ``None`` when the
        model has no regressor.
    event_market
        ``(N, T)`` benchmark returns on the event days, or ``None``.
    pred_factor
        ``(N, T)`` prediction-error multiplier ``1 + x_t' (X'X)^{-1} x_t`` of each
        event day (the diagonal of MacKinlay's V divided by sigma^2), or ``None`` to
        let a test derive it from ``est_market``/``event_market``.
    event_dates
        ``(N,)`` ``datetime64[D]`` day-0 date of each event (for tests that account
        for events sharing dates), or ``None``.
    x_event
        ``(N, T, k)`` design rows :math:`x_t` (constant first) of the event days, or
        ``None``. With ``xtx_inv`` it gives the CAR tests MacKinlay's exact variance of
        a sum of prediction errors, whatever the model (see
        :meth:`~eventstudy.stats.significance_shared.PanelStats.car_variance_factor`).
    xtx_inv
        ``(N, k, k)`` :math:`(X_i'X_i)^{-1}` of each event's estimation design, or ``None``.
    """

    est_ar: np.ndarray
    event_ar: np.ndarray
    event_days: np.ndarray
    n_params: int
    est_market: np.ndarray | None = None
    event_market: np.ndarray | None = None
    pred_factor: np.ndarray | None = None
    event_dates: np.ndarray | None = None
    x_event: np.ndarray | None = None
    xtx_inv: np.ndarray | None = None

    @property
    def n_events(self) -> int:
        return int(self.event_ar.shape[0])
