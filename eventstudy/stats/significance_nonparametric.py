r"""Non-parametric tests of the abnormal returns on each event day.

Sign tests (binomial, Cowan's generalized, Corrado & Zivney's), rank tests (Corrado
1989, the standardized "modified" rank test) and Wilcoxon's signed-rank test. Ranks and
medians are taken per event over the combined estimation and event windows (:math:`M_i`
non-missing days), as in the papers and in estudy2. Notation as in
:mod:`eventstudy.stats.significance_parametric`.

Each public function returns a DataFrame indexed by event day with ``stat`` and
``pvalue`` (two-sided).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .panel import AbnormalReturnPanel
from .significance_parametric import as_frame
from .significance_shared import (
    CHUNK_CELLS,
    Convention,
    DayResult,
    PanelStats,
    panel_stats,
    rank_rows,
    safe_div,
    signrank_pvalue,
    two_sided_normal,
)

__all__ = ["sign", "generalized_sign", "corrado_sign", "rank", "modified_rank", "wilcoxon"]


def _positives(s: PanelStats) -> tuple[np.ndarray, np.ndarray]:
    """Positive count :math:`w_t` and number of usable events :math:`n_t` per day."""
    pos = (s.ev > 0) & s.ev_ok
    if s.estudy2:
        n = s.n_day.astype(float)
        w = safe_div(pos.sum(axis=0), n) * s.n
        return w, n
    n = (s.ev_ok & (s.ev != 0)).sum(axis=0).astype(float)
    return pos.sum(axis=0).astype(float), n


def _across_events(s: PanelStats, stat: np.ndarray, pvalue: np.ndarray) -> DayResult:
    """A count or ranks across events: NaN on a day with fewer than two events (one event
    gives z = +-1 or V = 1, not evidence)."""
    one = np.asarray(s.n_day) < 2
    return DayResult(np.where(one, np.nan, stat), np.where(one, np.nan, pvalue))


def _sign(s: PanelStats) -> DayResult:
    w, n = _positives(s)
    z = safe_div(w - 0.5 * n, np.sqrt(0.25 * n))
    return _across_events(s, z, two_sided_normal(z))


def sign(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Binomial sign test: is the fraction of positive abnormal returns one half?

    .. math:: Z_t = \frac{w_t - N_t/2}{\sqrt{N_t/4}}

    :math:`w_t` positive abnormal returns among :math:`N_t`; zero abnormal returns are
    dropped (paper) or counted as non-positive (estudy2). Normal approximation.

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
    return as_frame(_sign(s), s.days)


def _gsign(s: PanelStats) -> DayResult:
    w, n = _positives(s)
    p = s.p_hat
    z = safe_div(w - n * p, np.sqrt(n * p * (1.0 - p)))
    return _across_events(s, z, two_sided_normal(z))


def generalized_sign(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Cowan (1992) generalized sign test against the estimation-window fraction of positives.

    .. math::
        Z_t = \frac{w_t - N_t\hat p}{\sqrt{N_t\hat p(1-\hat p)}},\qquad
        \hat p = \frac{1}{N}\sum_i \frac{1}{L_i}\sum_{s\in est}\mathbb 1[e_{is} > 0]

    (paper; estudy2 pools all estimation residuals into one fraction). Normal
    approximation.

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
    Cowan, A. R. (1992). Nonparametric event study tests. Review of Quantitative
    Finance and Accounting, 2(4), 343-358.
    """
    s = panel_stats(panel, convention)
    return as_frame(_gsign(s), s.days)


def _corrado_sign(s: PanelStats) -> DayResult:
    q, spread = s.rank_style(s.median_sign_sums, "sqrt")
    z = safe_div(q, spread)
    return DayResult(z, two_sided_normal(z))


def corrado_sign(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Corrado & Zivney (1992) sign test on signs relative to each event's median.

    .. math::
        G_{it} = \operatorname{sign}(AR_{it} - \operatorname{med}_i),\qquad
        Z_t = \frac{\frac{1}{\sqrt{N_t}}\sum_i G_{it}}{S_G},\qquad
        S_G = \sqrt{\frac{1}{T}\sum_{s}\Bigl(\frac{1}{\sqrt{N_s}}\sum_i G_{is}\Bigr)^2}

    Median and :math:`S_G` over the combined estimation and event windows, :math:`T` the
    number of days with data (paper) or the mean :math:`M_i` (estudy2). Normal
    approximation.

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
    Corrado, C. J., & Zivney, T. L. (1992). The specification and power of the sign
    test in event study hypothesis tests using daily stock returns. Journal of
    Financial and Quantitative Analysis, 27(3), 465-478.
    """
    s = panel_stats(panel, convention)
    return as_frame(_corrado_sign(s), s.days)


def _rank(s: PanelStats) -> DayResult:
    q, spread = s.rank_style(s.rank_sums, "n")
    z = safe_div(q, spread)
    return DayResult(z, two_sided_normal(z))


def rank(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Corrado (1989) rank test.

    .. math::
        Z_t = \frac{\frac{1}{N_t}\sum_i (K_{it} - \bar K_i)}{S_K},\qquad
        S_K = \sqrt{\frac{1}{T}\sum_s \Bigl(\frac{1}{N_s}\sum_i (K_{is} - \bar K_i)\Bigr)^2}

    :math:`K_{it}` the rank of :math:`AR_{it}` among the event's :math:`M_i` combined
    estimation and event window returns (ties averaged), :math:`\bar K_i = (M_i+1)/2`;
    :math:`T` as in :func:`corrado_sign`. Prefer :func:`modified_rank` when events have
    different numbers of observations. Normal approximation.

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
    Corrado, C. J. (1989). A nonparametric test for abnormal security-price performance
    in event studies. Journal of Financial Economics, 23(2), 385-395.
    """
    s = panel_stats(panel, convention)
    return as_frame(_rank(s), s.days)


def _modified_rank(s: PanelStats) -> DayResult:
    q, spread = s.rank_style(s.uniform_rank_sums, "sqrt")
    z = safe_div(q, spread)
    return DayResult(z, two_sided_normal(z))


def modified_rank(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Modified (standardized) rank test for events with missing returns, as in estudy2.

    .. math::
        U_{it} = \frac{K_{it}}{M_i + 1},\qquad
        Z_t = \frac{\frac{1}{\sqrt{N_t}}\sum_i (U_{it} - \tfrac12)}{S_U},\qquad
        S_U = \sqrt{\frac{1}{T}\sum_s\Bigl(\frac{1}{\sqrt{N_s}}\sum_i (U_{is}-\tfrac12)\Bigr)^2}

    Ranks over the combined windows as in :func:`rank`; :math:`T` as in
    :func:`corrado_sign`. Normal approximation.

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
    Corrado, C. J., & Zivney, T. L. (1992). The specification and power of the sign
    test in event study hypothesis tests using daily stock returns. Journal of
    Financial and Quantitative Analysis, 27(3), 465-478.
    Kolari, J. W., & Pynnonen, S. (2010). Event study testing with cross-sectional
    correlation of abnormal returns. Review of Financial Studies, 23(11), 3996-4025.
    """
    s = panel_stats(panel, convention)
    return as_frame(_modified_rank(s), s.days)


def signed_rank(x: np.ndarray, *, n_all: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    r"""Wilcoxon V and p-value for each column of ``x`` (events x columns).

    Zeros and NaN are dropped. With ``n_all`` (estudy2) the reported V is the mean rank
    contribution times ``n_all``, estudy2's ``rowMeans * ncol``,

    .. math:: V^{estudy2}_t = \frac{n_{all}}{n_t}\sum_{i:\,x_{it}>0}\operatorname{rank}(|x_{it}|),

    which exceeds the largest V of :math:`n_t` values, :math:`n_t(n_t+1)/2`, when some
    events lack a value on the day; the p-value is always that of the signed-rank
    statistic of the :math:`n_t` values observed (unscaled V), so it stays a valid
    p-value whatever the convention.
    """
    a = np.abs(x)
    if x.size and (a > 0).all():  # no zero, no NaN: one sort per day, V from the sorted signs
        v, n, tie_sum = _signed_rank_sums(x, a)
        zeros = np.zeros(x.shape[1], dtype=np.int64)
    else:
        v, n, tie_sum = None, None, None
    if v is None or tie_sum is None or n is None:
        a = np.where(a > 0, a, np.nan)  # zero and NaN out
        ranked = rank_rows(a.T, block=max(1, CHUNK_CELLS // max(a.shape[0], 1)))  # rows: event days
        ranks = ranked.ranks.T
        used = ~np.isnan(a)
        n = used.sum(axis=0)
        v = np.where(used & (x > 0), ranks, 0.0).sum(axis=0)
        zeros = ((x == 0) & ~np.isnan(x)).sum(axis=0)
        tie_sum = ranked.tie_sum
    p = np.full(v.shape, np.nan)
    for j in range(v.size):  # per column (event day), never per event
        nj = int(n[j])
        if nj == 0:
            v[j] = np.nan
            continue
        ties = float(tie_sum[j])
        exact = nj < 50 and ties == 0 and zeros[j] == 0
        p[j] = signrank_pvalue(float(v[j]), nj, ties, exact)  # the observed values' own V
    if n_all is not None:
        v = safe_div(v, n) * n_all
    return v, p


def _signed_rank_sums(
    x: np.ndarray, a: np.ndarray
) -> tuple[np.ndarray | None, np.ndarray | None, np.ndarray | None]:
    """V, counts and tie terms of the columns of ``x`` (no zero, no NaN; ``a = |x|``); Nones if tied.

    Without ties the rank of :math:`|x_i|` is its place in the sorted column, so V is the
    sum of the places holding a positive value: no array of ranks is built.
    """
    n_rows, n_cols = x.shape
    v = np.empty(n_cols)
    places = np.arange(1.0, n_rows + 1.0)
    step = max(1, CHUNK_CELLS // max(n_rows, 1))
    for lo in range(0, n_cols, step):
        at = np.ascontiguousarray(a[:, lo : lo + step].T)  # rows: event days
        order = np.argsort(at, axis=1)
        sorted_a = np.take_along_axis(at, order, axis=1)
        if (sorted_a[:, 1:] == sorted_a[:, :-1]).any():
            return None, None, None
        positive = np.take_along_axis(x[:, lo : lo + step].T, order, axis=1) > 0
        v[lo : lo + step] = positive @ places  # sums of whole numbers: exact
    return v, np.full(n_cols, n_rows), np.zeros(n_cols)


def _wilcoxon(s: PanelStats) -> DayResult:
    v, p = signed_rank(s.ev, n_all=s.n if s.estudy2 else None)
    return _across_events(s, v, p)


def wilcoxon(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Wilcoxon (1945) signed-rank test across events on each day; ``stat`` is V.

    .. math::
        V_t = \sum_{i:\,AR_{it} > 0} \operatorname{rank}(|AR_{it}|)

    over the :math:`n_t` non-zero abnormal returns (ties averaged). p-value exact when
    :math:`n_t < 50` without ties or zeros, otherwise normal with mean
    :math:`n(n+1)/4`, variance :math:`n(n+1)(2n+1)/24 - \sum(t^3-t)/48` and a continuity
    correction of 1/2 (as R's ``wilcox.test``). Symmetry of the abnormal returns about
    zero is assumed.

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
    Wilcoxon, F. (1945). Individual comparisons by ranking methods. Biometrics
    Bulletin, 1(6), 80-83.
    """
    s = panel_stats(panel, convention)
    return as_frame(_wilcoxon(s), s.days)
