r"""Parametric tests of the average abnormal return on each event day.

Notation: :math:`AR_{it}` abnormal return of event :math:`i` on event day :math:`t`;
:math:`N_t` events observed on day :math:`t`; :math:`AAR_t = \frac{1}{N_t}\sum_i AR_{it}`;
:math:`L_i` non-missing estimation-window residuals :math:`e_{is}`; :math:`k` parameters of
the expected-return model; :math:`\hat\sigma_i` the residual standard deviation;
:math:`C_{it}` the prediction-error factor; :math:`SAR_{it} = AR_{it}/(\hat\sigma_i
\sqrt{C_{it}})` (see :mod:`eventstudy.stats.significance_shared`).

Each public function takes an :class:`~eventstudy.stats.panel.AbnormalReturnPanel` and
returns a DataFrame indexed by event day with columns ``stat`` and ``pvalue``
(two-sided). Days without enough data give NaN.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .panel import AbnormalReturnPanel
from .significance_shared import (
    Convention,
    DayResult,
    PanelStats,
    cross_t,
    masked_sum,
    panel_stats,
    safe_div,
    two_sided_normal,
    two_sided_t,
)

__all__ = [
    "brown_warner_1980",
    "brown_warner_1985",
    "t_test",
    "patell",
    "boehmer_bmp",
    "kolari_pynnonen",
    "lamb",
]


def as_frame(res: DayResult, days: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"stat": res.stat, "pvalue": res.pvalue}, index=pd.Index(days, name="day"))


def _aar(s: PanelStats, ok: np.ndarray | None = None) -> np.ndarray:
    ok = s.ev_ok if ok is None else ok
    return safe_div(masked_sum(s.ev, ok, 0), ok.sum(axis=0))


# ------------------------------------------------------------------ tests
def _bw1980(s: PanelStats) -> DayResult:
    finite = np.isfinite(s.sigma)
    var = np.where(finite, s.sigma, 0.0) ** 2
    if s.estudy2:
        aar = _aar(s)
        se = np.sqrt(var.sum()) / s.n if finite.any() else np.nan
        se = np.full(s.ev.shape[1], se)
    else:
        ok = s.ev_ok & finite[:, None]
        aar = _aar(s, ok)
        cnt = ok.sum(axis=0)
        se = safe_div(np.sqrt(masked_sum(np.broadcast_to(var[:, None], ok.shape), ok, 0)), cnt)
    stat = safe_div(aar, se)
    df = float(np.mean(s.n_est)) - 1.0 if s.n else np.nan
    return DayResult(stat, two_sided_t(stat, df))


def brown_warner_1980(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Brown & Warner (1980) test: the AAR over its standard error assuming independence.

    .. math::
        t_{BW80} = \frac{AAR_t}{\sqrt{\sum_{i} \hat\sigma_i^2}\,/\,N_t}

    The sum runs over the events observed on day :math:`t` (paper) or over all events,
    with :math:`N` all events (estudy2). p-value from Student's t with
    :math:`\bar L - 1` degrees of freedom, as estudy2.

    Parameters
    ----------
    panel
        Abnormal returns of the events, aligned in event time.
    convention
        ``"paper"`` (default) or ``"estudy2"``
        (:mod:`~eventstudy.stats.significance_shared`).

    Returns
    -------
    DataFrame
        Indexed by event day: ``stat`` and its two-sided ``pvalue``.

    References
    ----------
    Brown, S. J., & Warner, J. B. (1980). Measuring security price performance.
    Journal of Financial Economics, 8(3), 205-258.
    """
    s = panel_stats(panel, convention)
    return as_frame(_bw1980(s), s.days)


def _bw1985(s: PanelStats) -> DayResult:
    sd, m = s.portfolio
    stat = safe_div(_aar(s), sd)
    return DayResult(stat, two_sided_t(stat, m - 1.0))


def brown_warner_1985(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Brown & Warner (1985) test with the time-series ("crude dependence") standard deviation.

    .. math::
        t_{BW85} = \frac{AAR_t}{S(\bar A)},\qquad
        S(\bar A) = \sqrt{\frac{1}{M-1}\sum_{s \in est}\Bigl(\bar A_s - \bar{\bar A}\Bigr)^2},\quad
        \bar A_s = \frac{1}{N_s}\sum_i e_{is}

    over the :math:`M` estimation days (in event time) with data; Student's t with
    :math:`M - 1` degrees of freedom. Robust to cross-sectional correlation, not to
    event-induced variance.

    Parameters
    ----------
    panel
        Abnormal returns of the events, aligned in event time.
    convention
        ``"paper"`` (default) or ``"estudy2"``
        (:mod:`~eventstudy.stats.significance_shared`).

    Returns
    -------
    DataFrame
        Indexed by event day: ``stat`` and its two-sided ``pvalue``.

    References
    ----------
    Brown, S. J., & Warner, J. B. (1985). Using daily stock returns: the case of event
    studies. Journal of Financial Economics, 14(1), 3-31.
    """
    s = panel_stats(panel, convention)
    return as_frame(_bw1985(s), s.days)


def _t_test(s: PanelStats) -> DayResult:
    t, df = cross_t(s.ev)
    return DayResult(t, two_sided_t(t, df))


def t_test(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Cross-sectional t-test of the AAR (robust to event-induced variance, not to correlation).

    .. math::
        t = \frac{AAR_t}{S_t/\sqrt{N_t}},\qquad
        S_t^2 = \frac{1}{N_t - 1}\sum_i (AR_{it} - AAR_t)^2

    Student's t with :math:`N_t - 1` degrees of freedom; NaN with fewer than two events
    or zero dispersion.

    Parameters
    ----------
    panel
        Abnormal returns of the events, aligned in event time.
    convention
        ``"paper"`` (default) or ``"estudy2"``
        (:mod:`~eventstudy.stats.significance_shared`).

    Returns
    -------
    DataFrame
        Indexed by event day: ``stat`` and its two-sided ``pvalue``.

    References
    ----------
    Boehmer, E., Musumeci, J., & Poulsen, A. B. (1991). Event-study methodology under
    conditions of event-induced variance. Journal of Financial Economics, 30(2), 253-272.
    """
    s = panel_stats(panel, convention)
    return as_frame(_t_test(s), s.days)


def _patell(s: PanelStats) -> DayResult:
    d = s.dof
    var_ok = d > 2
    var = np.where(var_ok, safe_div(d, d - 2.0), 0.0)
    ok = np.isfinite(s.sar) & var_ok[:, None]
    if s.estudy2:
        num = s.day_sum(s.sar, ok)
        den = np.sqrt(var.sum())
    else:
        num = np.where(ok.any(axis=0), masked_sum(s.sar, ok, 0), np.nan)
        den = np.sqrt(masked_sum(np.broadcast_to(var[:, None], ok.shape), ok, 0))
    z = safe_div(num, den)
    return DayResult(z, two_sided_normal(z))


def patell(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Patell (1976) standardized-residual test.

    .. math::
        Z_t = \frac{\sum_i SAR_{it}}{\sqrt{\sum_i \frac{L_i - k}{L_i - k - 2}}},\qquad
        SAR_{it} = \frac{AR_{it}}{\hat\sigma_i\sqrt{C_{it}}}

    :math:`SAR_{it}` is Student-t with :math:`L_i - k` degrees of freedom, variance
    :math:`(L_i-k)/(L_i-k-2)` (:math:`(L_i-2)/(L_i-4)` for the market model, :math:`L_i`
    non-missing estimation days). :math:`C_{it} = 1 + 1/L_i + (R_{mt}-\bar R_m)^2/\sum_s
    (R_{ms}-\bar R_m)^2` for the market model. N(0, 1) under the null. Sums over events
    observed on the day (paper); estudy2 takes the mean times all events and sums the
    variances over all events. Events with :math:`L_i - k \le 2` are left out.

    Parameters
    ----------
    panel
        Abnormal returns of the events, aligned in event time.
    convention
        ``"paper"`` (default) or ``"estudy2"``
        (:mod:`~eventstudy.stats.significance_shared`).

    Returns
    -------
    DataFrame
        Indexed by event day: ``stat`` and its two-sided ``pvalue``.

    References
    ----------
    Patell, J. M. (1976). Corporate forecasts of earnings per share and stock price
    behavior: empirical tests. Journal of Accounting Research, 14(2), 246-276.
    """
    s = panel_stats(panel, convention)
    return as_frame(_patell(s), s.days)


def _bmp(s: PanelStats) -> DayResult:
    t, df = s.sar_cross_t
    return DayResult(t, two_sided_t(t, df))


def boehmer_bmp(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Boehmer, Musumeci & Poulsen (1991) standardized cross-sectional test (BMP).

    .. math::
        t_{BMP} = \frac{\overline{SAR}_t}{S_{SAR,t}/\sqrt{N_t}},\qquad
        S_{SAR,t}^2 = \frac{1}{N_t-1}\sum_i (SAR_{it} - \overline{SAR}_t)^2

    Patell's standardized residuals with their cross-sectional variance: robust to
    event-induced variance. Student's t with :math:`N_t - 1` degrees of freedom.

    Parameters
    ----------
    panel
        Abnormal returns of the events, aligned in event time.
    convention
        ``"paper"`` (default) or ``"estudy2"``
        (:mod:`~eventstudy.stats.significance_shared`).

    Returns
    -------
    DataFrame
        Indexed by event day: ``stat`` and its two-sided ``pvalue``.

    References
    ----------
    Boehmer, E., Musumeci, J., & Poulsen, A. B. (1991). Event-study methodology under
    conditions of event-induced variance. Journal of Financial Economics, 30(2), 253-272.
    """
    s = panel_stats(panel, convention)
    return as_frame(_bmp(s), s.days)


def kp_factor(r: float, n: np.ndarray | float) -> np.ndarray:
    r"""Kolari-Pynnonen correction :math:`\sqrt{(1-\bar r)/(1+(n-1)\bar r)}` (NaN if undefined)."""
    n = np.asarray(n, dtype=float)
    if not np.isfinite(r):
        return np.full(n.shape, np.nan)
    den = 1.0 + (n - 1.0) * r
    return np.sqrt(safe_div(np.full(n.shape, 1.0 - r), np.where(den > 0, den, np.nan)))


def _kp(s: PanelStats) -> DayResult:
    t, df = s.sar_cross_t
    adj = t * kp_factor(s.mean_cross_correlation, df + 1.0)
    return DayResult(adj, two_sided_t(adj, df))


def kolari_pynnonen(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Kolari & Pynnonen (2010) adjusted BMP test for cross-correlated abnormal returns.

    .. math::
        t_{AB} = t_{BMP}\sqrt{\frac{1 - \bar r}{1 + (N_t - 1)\bar r}}

    :math:`\bar r` is the average cross-correlation of the estimation-window residuals
    (equivalently standardized residuals :math:`e_{is}/\hat\sigma_i`) of events that share
    their event date (``panel.event_dates``; all events when it is None); pairs with
    different dates count as uncorrelated. Student's t with :math:`N_t - 1` degrees of
    freedom.

    Parameters
    ----------
    panel
        Abnormal returns of the events, aligned in event time.
    convention
        ``"paper"`` (default) or ``"estudy2"``
        (:mod:`~eventstudy.stats.significance_shared`).

    Returns
    -------
    DataFrame
        Indexed by event day: ``stat`` and its two-sided ``pvalue``.

    References
    ----------
    Kolari, J. W., & Pynnonen, S. (2010). Event study testing with cross-sectional
    correlation of abnormal returns. Review of Financial Studies, 23(11), 3996-4025.
    """
    s = panel_stats(panel, convention)
    return as_frame(_kp(s), s.days)


def lamb_factor(s: PanelStats) -> np.ndarray:
    r"""Portfolio prediction-error factor :math:`F_t` of Lamb's test (see :func:`lamb`)."""
    t = s.ev.shape[1]
    inv_l = float(safe_div(1.0, np.mean(s.n_est))) if s.n else np.nan
    mm = s.market_moments_all
    if mm is not None and s.k >= 2:
        mean, ss = mm
        em = np.asarray(s.event_market, dtype=float)
        term = safe_div((em - mean[:, None]) ** 2, ss[:, None])
        ok = np.isfinite(term)
        avg = safe_div(masked_sum(term, ok, 0), ok.sum(axis=0))
        return 1.0 + inv_l + avg
    if s.given_pred_factor is not None:
        c = np.asarray(s.given_pred_factor, dtype=float)
        ok = np.isfinite(c)
        return safe_div(masked_sum(c, ok, 0), ok.sum(axis=0))
    return np.full(t, 1.0 if s.k == 0 else 1.0 + inv_l)


def _lamb(s: PanelStats) -> DayResult:
    sd, _ = s.portfolio
    z = safe_div(_aar(s), sd * np.sqrt(lamb_factor(s)))
    return DayResult(z, two_sided_normal(z))


def lamb(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Lamb (1995) portfolio test: Brown-Warner (1985) with the prediction-error factor.

    .. math::
        Z_t = \frac{AAR_t}{S(\bar A)\sqrt{F_t}},\qquad
        F_t = 1 + \frac{1}{\bar L} + \frac{1}{N}\sum_i
              \frac{(R_{m,it} - \bar R_{m,i})^2}{\sum_s (R_{m,is} - \bar R_{m,i})^2}

    :math:`S(\bar A)` as in :func:`brown_warner_1985`, :math:`\bar L` the mean number of
    estimation observations, benchmark mean and sum of squares over the whole
    estimation period (the portfolio is observed every day). One common benchmark gives
    estudy2's formula. Without a benchmark :math:`F_t = 1 + 1/\bar L` (1 for a
    market-adjusted model). N(0, 1) under the null.

    Parameters
    ----------
    panel
        Abnormal returns of the events, aligned in event time.
    convention
        ``"paper"`` (default) or ``"estudy2"``
        (:mod:`~eventstudy.stats.significance_shared`).

    Returns
    -------
    DataFrame
        Indexed by event day: ``stat`` and its two-sided ``pvalue``.

    References
    ----------
    Lamb, R. P. (1995). An exposure-based analysis of property-liability insurer stock
    values around Hurricane Andrew. Journal of Risk and Insurance, 62(1), 111-123.
    """
    s = panel_stats(panel, convention)
    return as_frame(_lamb(s), s.days)
