r"""Quantities shared by the significance tests, computed once per panel.

:class:`PanelStats` wraps an :class:`~eventstudy.stats.panel.AbnormalReturnPanel` and
computes, lazily and at most once, what several tests need: the residual standard
deviations :math:`\hat\sigma_i`, the prediction-error factors :math:`C_{it}`, the
standardized abnormal returns, the estimation-window portfolio series, the ranks over the
combined estimation and event windows, and the average cross-correlation of the
estimation-window residuals. Everything is vectorised over events with numpy; missing
observations are NaN and are skipped with masks.

Two conventions are supported (``convention=``):

``"paper"`` (default)
    The original papers: :math:`\hat\sigma_i^2` on the residual degrees of freedom
    :math:`L_i - k`; sums over the events observed on a day; the spread of the rank and
    sign statistics averaged over the days that have data; zero abnormal returns
    dropped from the sign tests; Cowan's average of per-event fractions for the
    generalized sign test; the prediction-error term of Patell's test from the
    security's own estimation sample.
``"estudy2"``
    The R package estudy2 (0.10), which reproduces the package's published vignette to
    the printed digits: :math:`\hat\sigma_i` with :math:`L_i - 1`; a day's sum taken as
    the mean over the observed events times the number of all events; the spread of
    the rank and sign statistics divided by the mean number of observations per event;
    zero abnormal returns counted as non-positive; a pooled fraction of positive
    estimation-window residuals; the market mean and sum of squares over the whole
    estimation period of the market series; Brown & Warner (1980) and Patell with the
    variances of all events, whether observed on the day or not. With complete data
    and no zero abnormal returns the two conventions differ only in the degrees of
    freedom of :math:`\hat\sigma_i`.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Literal

import numpy as np
from scipy import stats as sps

from ..exceptions import StudyError
from ..policies import validate
from .panel import AbnormalReturnPanel

__all__ = ["Convention", "PanelStats", "panel_stats", "rank_rows", "Ranked", "DayResult"]

#: Which published convention the tests follow (see the module docstring).
Convention = Literal["paper", "estudy2"]


@dataclass(frozen=True)
class DayResult:
    """Per-event-day statistic and two-sided p-value of one test."""

    stat: np.ndarray
    pvalue: np.ndarray


# ----------------------------------------------------------------- helpers
def two_sided_normal(z: np.ndarray | float) -> np.ndarray:
    """Two-sided p-value of a standard normal statistic (NaN stays NaN)."""
    return 2.0 * sps.norm.sf(np.abs(z))


def two_sided_t(t: np.ndarray | float, df: np.ndarray | float) -> np.ndarray:
    """Two-sided p-value of a Student-t statistic; NaN where ``df <= 0``."""
    df = np.where(np.asarray(df, dtype=float) > 0, df, np.nan)
    return 2.0 * sps.t.sf(np.abs(t), df)


def safe_div(num: np.ndarray | float, den: np.ndarray | float) -> np.ndarray:
    """``num / den`` with NaN (not inf, no warning) where ``den`` is 0 or NaN."""
    den = np.asarray(den, dtype=float)
    den = np.where(np.isfinite(den) & (den != 0), den, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(num, dtype=float) / den


def masked_sum(x: np.ndarray, ok: np.ndarray, axis: int) -> np.ndarray:
    """Sum of ``x`` where ``ok``, treating the rest as absent."""
    return np.sum(x, axis=axis, where=ok)


def row_mean_ss(x: np.ndarray, ok: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Count, mean and sum of squared deviations of each row of ``x`` where ``ok``."""
    cnt = ok.sum(axis=1)
    mean = safe_div(np.sum(x, axis=1, where=ok), cnt)
    dev = x - mean[:, None]
    np.square(dev, out=dev)
    return cnt, mean, np.sum(dev, axis=1, where=ok)


@dataclass(frozen=True)
class Ranked:
    """Row-wise ranking of a matrix (see :func:`rank_rows`).

    Attributes
    ----------
    ranks
        Average ranks (1-based); the ``fill`` value (NaN by default) where the input is NaN.
    median
        Median of each row's non-missing values.
    tie_sum
        :math:`\\sum (t^3 - t)` over the tie groups of each row.
    ties
        Whether any row has tied values.
    head_ranks
        With ``head=h``: the ranks of the first ``h`` columns among themselves
        (ordinal, ``fill`` where missing; None when there are ties).
    """

    ranks: np.ndarray
    median: np.ndarray
    tie_sum: np.ndarray
    ties: bool
    head_ranks: np.ndarray | None = None


def rank_rows(x: np.ndarray, *, head: int | None = None, fill: float = np.nan, block: int = 1024) -> Ranked:
    """Average ranks (1-based, ties averaged) along each row; ``fill`` where ``x`` is NaN.

    Works on blocks of ``block`` rows (an ``argsort`` per block, never a loop over
    rows), which keeps the temporaries small. Also gives each row's median and tie
    term, and, with ``head``, the ranks of the first ``head`` columns among themselves.
    """
    x = np.asarray(x, dtype=float)
    n_rows, n_cols = x.shape
    ranks = np.empty(x.shape)
    median = np.full(n_rows, np.nan)
    tie_sum = np.zeros(n_rows)
    head_ranks = np.empty((n_rows, head)) if head is not None else None
    ties = False
    if n_cols == 0:
        return Ranked(ranks, median, tie_sum, False, head_ranks)
    ordinal = np.tile(np.arange(1.0, n_cols + 1.0), min(block, n_rows))
    offsets = (np.arange(min(block, n_rows)) * n_cols)[:, None]
    for lo in range(0, n_rows, block):
        xb = x[lo : lo + block]
        nb = xb.shape[0]
        size = nb * n_cols
        missing = np.isnan(xb)
        any_missing = bool(missing.any())
        order = np.argsort(np.where(missing, np.inf, xb) if any_missing else xb, axis=1)  # NaN is slow
        flat = (order + offsets[:nb]).ravel()  # sorted position -> flat index in the block
        xs = xb.ravel()[flat].reshape(xb.shape)
        new = np.empty(xs.shape, dtype=bool)
        new[:, 0] = True
        np.not_equal(xs[:, 1:], xs[:, :-1], out=new[:, 1:])  # NaN != NaN: own group
        if new.all():
            values = ordinal[:size]
        else:
            ties = True
            fnew = new.ravel()
            group = np.cumsum(fnew) - 1
            starts = np.flatnonzero(fnew)
            counts = np.diff(np.append(starts, fnew.size)).astype(float)
            values = ((starts % n_cols) + (counts - 1.0) / 2.0 + 1.0)[group]
            tie_sum[lo : lo + nb] = np.bincount(starts // n_cols, weights=counts**3 - counts, minlength=nb)
        rb = ranks[lo : lo + nb].reshape(-1)  # a view: ranks is C-contiguous
        rb[flat] = values
        if any_missing:
            ranks[lo : lo + nb][missing] = fill
        median[lo : lo + nb] = row_median(xs, n_cols - missing.sum(axis=1))
        if head_ranks is not None:
            hb = np.empty(size)
            hb[flat] = np.cumsum(order < head, axis=1, dtype=np.int32).ravel()
            hb = hb.reshape(xb.shape)[:, :head]
            hb[missing[:, :head]] = fill
            head_ranks[lo : lo + nb] = hb
    return Ranked(ranks, median, tie_sum, ties, None if ties else head_ranks)


def row_median(sorted_rows: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Median of each row from its sorted values (NaN last) and its count ``n``."""
    n = np.asarray(n, dtype=np.int64)
    lo = np.clip((n - 1) // 2, 0, None)
    hi = np.clip(n // 2, 0, None)
    cols = sorted_rows.shape[1]
    lo_v = np.take_along_axis(sorted_rows, np.minimum(lo, cols - 1)[:, None], axis=1)[:, 0]
    hi_v = np.take_along_axis(sorted_rows, np.minimum(hi, cols - 1)[:, None], axis=1)[:, 0]
    return np.where(n > 0, (lo_v + hi_v) / 2.0, np.nan)


@lru_cache(maxsize=64)
def _signrank_cdf(n: int) -> np.ndarray:
    """Exact null CDF of the Wilcoxon signed-rank statistic V for ``n`` untied values."""
    counts = np.zeros(n * (n + 1) // 2 + 1)
    counts[0] = 1.0
    for j in range(1, n + 1):  # generating function prod (1 + x^j): loop over n, not events
        counts[j:] = counts[j:] + counts[: counts.size - j].copy()
    return np.cumsum(counts) / counts.sum()


def signrank_pvalue(v: float, n: int, tie_term: float, exact: bool) -> float:
    """Two-sided p-value of the signed-rank statistic ``v`` on ``n`` non-zero values.

    Exact (Wilcoxon 1945) when ``exact``; otherwise the normal approximation with the
    tie correction ``tie_term`` :math:`=\\sum (t^3 - t)` and a continuity correction of
    1/2, as R's ``wilcox.test``.
    """
    if n <= 0 or not np.isfinite(v):
        return float("nan")
    if exact:
        cdf = _signrank_cdf(n)
        k = int(round(v))
        lower = cdf[k]
        upper = 1.0 - (cdf[k - 1] if k > 0 else 0.0)
        return float(min(1.0, 2.0 * min(lower, upper)))
    mean = n * (n + 1) / 4.0
    var = n * (n + 1) * (2 * n + 1) / 24.0 - tie_term / 48.0
    if var <= 0:
        return float("nan")
    d = v - mean
    z = (d - 0.5 * np.sign(d)) / np.sqrt(var)
    return float(2.0 * sps.norm.sf(abs(z)))


def check_panel(panel: AbnormalReturnPanel) -> None:
    """Raise :class:`StudyError` when the panel's arrays do not fit together."""
    ev = np.asarray(panel.event_ar)
    est = np.asarray(panel.est_ar)
    if ev.ndim != 2 or est.ndim != 2:
        raise StudyError(
            "AbnormalReturnPanel.est_ar and event_ar must be 2-D (events x days); build the panel with "
            "eventstudy.stats.study"
        )
    n, t = ev.shape
    if est.shape[0] != n:
        raise StudyError(
            f"AbnormalReturnPanel has {n} events in event_ar but {est.shape[0]} in est_ar; "
            "give both one row per event"
        )
    if np.asarray(panel.event_days).shape != (t,):
        raise StudyError(
            f"AbnormalReturnPanel.event_days has shape {np.asarray(panel.event_days).shape}, "
            f"expected ({t},): one relative day per event-window column"
        )
    for name, want in (
        ("est_market", est.shape),
        ("event_market", ev.shape),
        ("pred_factor", ev.shape),
    ):
        arr = getattr(panel, name)
        if arr is not None and np.asarray(arr).shape != want:
            raise StudyError(
                f"AbnormalReturnPanel.{name} has shape {np.asarray(arr).shape}, expected {want}; "
                "give it the shape of the matching abnormal returns or None"
            )
    if panel.event_dates is not None and np.asarray(panel.event_dates).shape != (n,):
        raise StudyError(
            f"AbnormalReturnPanel.event_dates has shape {np.asarray(panel.event_dates).shape}, "
            f"expected ({n},) or None"
        )
    if int(panel.n_params) < 0:
        raise StudyError(f"AbnormalReturnPanel.n_params is {panel.n_params}; it must be 0 or more")


# --------------------------------------------------------------- the stats
class PanelStats:
    """Lazily computed quantities of one panel under one convention.

    Parameters
    ----------
    panel
        The abnormal returns.
    convention
        ``"paper"`` or ``"estudy2"`` (module docstring).
    """

    def __init__(self, panel: AbnormalReturnPanel, convention: Convention = "paper") -> None:
        validate(convention, Convention, "convention")
        check_panel(panel)
        # the arrays only, not the panel: the cache in panel_stats must not keep it alive
        self.est_market = panel.est_market
        self.event_market = panel.event_market
        self.given_pred_factor = panel.pred_factor
        self.event_dates = panel.event_dates
        self.convention: Convention = convention
        self.est = np.asarray(panel.est_ar, dtype=float)
        self.ev = np.asarray(panel.event_ar, dtype=float)
        self.days = np.asarray(panel.event_days)
        self.k = int(panel.n_params)
        self.n = self.ev.shape[0]

    @property
    def estudy2(self) -> bool:
        return self.convention == "estudy2"

    # ------------------------------------------------------------ counts
    @cached_property
    def est_ok(self) -> np.ndarray:
        return ~np.isnan(self.est)

    @cached_property
    def ev_ok(self) -> np.ndarray:
        return ~np.isnan(self.ev)

    @cached_property
    def n_est(self) -> np.ndarray:
        """:math:`L_i`: non-missing estimation-window residuals per event."""
        return self.est_ok.sum(axis=1)

    @cached_property
    def n_day(self) -> np.ndarray:
        """:math:`N_t`: events with an abnormal return on each event day."""
        return self.ev_ok.sum(axis=0)

    def day_sum(self, x: np.ndarray, ok: np.ndarray) -> np.ndarray:
        """Cross-sectional sum per column under the convention.

        ``paper``: the sum over the observed events. ``estudy2``: the mean over the
        observed events times the number of all events (estudy2's ``rowMeans * ncol``).
        """
        s = masked_sum(x, ok, axis=0)
        if not self.estudy2:
            return np.where(ok.any(axis=0), s, np.nan)
        return safe_div(s, ok.sum(axis=0)) * ok.shape[0]

    # ------------------------------------------------------------ sigma
    @cached_property
    def sigma(self) -> np.ndarray:
        r""":math:`\hat\sigma_i`, NaN where undefined or zero.

        .. math:: \hat\sigma_i^2 = \frac{1}{L_i - d}\sum_{t \in est}(e_{it} - \bar e_i)^2,
                  \quad d = \max(k, 1) \text{ (paper)}, \; d = 1 \text{ (estudy2)}
        """
        ddof = 1 if self.estudy2 else max(self.k, 1)
        _, _, ss = self.est_moments
        var = safe_div(ss, self.n_est - ddof)
        var = np.where((self.n_est - ddof > 0) & (var > 0), var, np.nan)
        return np.sqrt(var)

    @cached_property
    def est_moments(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Count, mean and sum of squared deviations of each event's estimation residuals."""
        return row_mean_ss(self.est, self.est_ok)

    @cached_property
    def dof(self) -> np.ndarray:
        """Residual degrees of freedom :math:`L_i - k`."""
        return (self.n_est - self.k).astype(float)

    # -------------------------------------------------- prediction error
    @cached_property
    def market_moments_all(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Mean and sum of squares of each event's benchmark over the whole estimation window."""
        if self.est_market is None or self.event_market is None:
            return None
        m = np.asarray(self.est_market, dtype=float)
        _, mean, ss = row_mean_ss(m, ~np.isnan(m))
        return mean, np.where(ss > 0, ss, np.nan)

    @cached_property
    def _market_moments(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Benchmark mean and sum of squares for the prediction error (convention's sample)."""
        if self.estudy2 or self.est_market is None or self.event_market is None or self.est_ok.all():
            return self.market_moments_all
        m = np.asarray(self.est_market, dtype=float)
        _, mean, ss = row_mean_ss(m, ~np.isnan(m) & self.est_ok)
        return mean, np.where(ss > 0, ss, np.nan)

    @cached_property
    def pred_factor(self) -> np.ndarray:
        r"""Prediction-error factor :math:`C_{it}` of each event day.

        The panel's ``pred_factor`` when given; otherwise, for the market model
        (``n_params == 2``) with benchmark returns,

        .. math:: C_{it} = 1 + \frac{1}{L_i} + \frac{(R_{mt} - \bar R_m)^2}{\sum_{s}(R_{ms} - \bar R_m)^2}

        (Patell 1976) with :math:`\bar R_m` and the sum of squares over the security's
        estimation sample (paper) or the whole estimation period of the benchmark
        (estudy2); :math:`1 + 1/L_i` for a constant-mean model; 1 for a market-adjusted
        model; :math:`1 + k/L_i` (its average) for other models without ``pred_factor``.
        """
        if self.given_pred_factor is not None:
            return np.asarray(self.given_pred_factor, dtype=float)
        inv_l = safe_div(1.0, self.n_est)[:, None]
        shape = self.ev.shape
        if self.k == 0:
            return np.ones(shape)
        if self.k == 1:
            return np.broadcast_to(1.0 + inv_l, shape).copy()
        mm = self._market_moments
        if self.k == 2 and mm is not None:
            mean, ss = mm
            em = np.asarray(self.event_market, dtype=float)
            return 1.0 + inv_l + (em - mean[:, None]) ** 2 / ss[:, None]
        return np.broadcast_to(1.0 + self.k * inv_l, shape).copy()

    @cached_property
    def sar(self) -> np.ndarray:
        r"""Standardized abnormal returns :math:`SAR_{it} = AR_{it} / (\hat\sigma_i\sqrt{C_{it}})`."""
        return safe_div(self.ev, self.sigma[:, None] * np.sqrt(self.pred_factor))

    def car_variance_factor(self, cols: np.ndarray) -> np.ndarray:
        r"""Factor :math:`V_i` with :math:`\operatorname{Var}(CAR_i) = \sigma_i^2 V_i` over ``cols``.

        Market model with benchmark returns (Mikkelson & Partch 1988):
        :math:`V_i = T + T^2/L_i + (\sum_{t}(R_{mt} - \bar R_m))^2 / SS_{m,i}`;
        constant mean :math:`T + T^2/L_i`; market-adjusted :math:`T`; other models
        :math:`\sum_t C_{it} + (T^2 - T)/L_i` (diagonal plus the intercept covariances).
        """
        t = float(cols.sum())
        inv_l = safe_div(1.0, self.n_est)
        if self.k == 0:
            return np.full(self.n, t)
        if self.k == 1:
            return t + t * t * inv_l
        mm = self._market_moments
        if self.k == 2 and mm is not None:
            mean, ss = mm
            em = np.asarray(self.event_market, dtype=float)[:, cols]
            dev = (em - mean[:, None]).sum(axis=1)
            return t + t * t * inv_l + dev**2 / ss
        return self.pred_factor[:, cols].sum(axis=1) + (t * t - t) * inv_l

    # --------------------------------------------- estimation portfolio
    @cached_property
    def portfolio(self) -> tuple[float, int]:
        r"""Standard deviation (n-1) of the estimation-window mean residual and its day count.

        .. math:: \bar A_t = \frac{1}{N_t}\sum_i e_{it},\qquad
                  S(\bar A) = \sqrt{\frac{1}{M-1}\sum_{t}(\bar A_t - \bar{\bar A})^2}
        """
        cnt = self.est_ok.sum(axis=0)
        have = cnt > 0
        a = safe_div(masked_sum(self.est, self.est_ok, 0), cnt)[have]
        m = int(have.sum())
        if m < 2:
            return float("nan"), m
        sd = float(np.std(a, ddof=1))
        return (sd if sd > 0 else float("nan")), m

    # ------------------------------------------------------------ ranks
    @cached_property
    def _combined(self) -> dict[str, np.ndarray | None]:
        r"""Rank and sign sums over the combined estimation and event windows.

        Ranks :math:`K_{it}` among each event's :math:`M_i` non-missing days of the two
        windows side by side. Only per-day sums, medians and the estimation-day ranks
        are kept, so the big intermediate arrays are freed at once.
        """
        full = np.hstack([self.est, self.ev])
        ok = ~np.isnan(full)
        n_full = ok.sum(axis=1)
        n_day = ok.sum(axis=0)
        ranked = rank_rows(full, head=self.est.shape[1], fill=0.0)
        med = ranked.median[:, None]
        with np.errstate(invalid="ignore"):
            sign_sums = (full > med).sum(axis=0) - (full < med).sum(axis=0).astype(float)
        del full
        k0 = ranked.ranks  # 0 where missing
        return {
            "n_full": n_full,
            "n_day": n_day,
            "median": ranked.median,
            "sign_sums": sign_sums,
            "rank_sums": k0.sum(axis=0) - np.einsum("i,ij->j", (n_full + 1.0) / 2.0, ok),
            "uniform_rank_sums": safe_div(1.0, n_full + 1.0) @ k0 - 0.5 * n_day,
            "est_ranks": ranked.head_ranks,
        }

    @property
    def est_ranks(self) -> np.ndarray | None:
        """Ranks of each event's estimation residuals among themselves, 0 where missing (None if ties).

        Read off the combined-window sort (the running count of estimation days along
        the sorted row), so no second sort is needed.
        """
        return self._combined["est_ranks"]

    @property
    def n_full(self) -> np.ndarray:
        """:math:`M_i`: non-missing observations per event over the combined window."""
        return self._combined["n_full"]

    @property
    def n_full_day(self) -> np.ndarray:
        """Events observed on each day of the combined window."""
        return self._combined["n_day"]

    @property
    def median_full(self) -> np.ndarray:
        """Median abnormal return per event over the combined window."""
        return self._combined["median"]

    @property
    def rank_sums(self) -> np.ndarray:
        r""":math:`\sum_i (K_{it} - (M_i+1)/2)` per day of the combined window (observed events)."""
        return self._combined["rank_sums"]

    @property
    def uniform_rank_sums(self) -> np.ndarray:
        r""":math:`\sum_i (K_{it}/(M_i+1) - 1/2)` per day of the combined window (observed events)."""
        return self._combined["uniform_rank_sums"]

    @property
    def median_sign_sums(self) -> np.ndarray:
        r""":math:`\sum_i \operatorname{sign}(AR_{it} - \operatorname{med}_i)` per day of the combined window."""
        return self._combined["sign_sums"]

    def rank_style(self, sums: np.ndarray, scale: Literal["sqrt", "n"]) -> tuple[np.ndarray, float]:
        r"""Day statistics :math:`Q_t = S_t / c_t` and their time-series spread.

        ``sums`` are the per-day sums over the observed events of the combined window;
        :math:`S_t` is that sum (paper) or the mean times all events (estudy2, see
        :meth:`day_sum`); :math:`c_t = \sqrt{N_t}` or :math:`N_t`. Returns the event-day
        values :math:`Q_t` and :math:`S_Q = \sqrt{\frac{1}{D}\sum_t Q_t^2}` with the sum
        over the days that have data and :math:`D` their number (paper) or the mean
        number of observations per event (estudy2).
        """
        cnt = self.n_full_day
        have = cnt > 0
        s = safe_div(sums, cnt) * self.n if self.estudy2 else np.where(have, sums, np.nan)
        c = np.sqrt(cnt) if scale == "sqrt" else cnt.astype(float)
        q = safe_div(s, c)
        d = (float(self.n_full.mean()) if self.n else np.nan) if self.estudy2 else float(have.sum())
        spread = np.sqrt(safe_div(np.nansum(q[have] ** 2), d)) if have.any() else np.nan
        return q[self.est.shape[1] :], float(spread)

    # ------------------------------------------- cross-correlation (KP)
    @cached_property
    def mean_cross_correlation(self) -> float:
        r"""Average correlation :math:`\bar r` of estimation residuals of events sharing a date.

        Each event's estimation residuals are demeaned and scaled to unit length,
        :math:`u_i`; within a group of events with the same day-0 date (all events
        when ``event_dates`` is None)

        .. math:: \bar r = \frac{\sum_g \lVert\sum_{i \in g} u_i\rVert^2 - n}{n(n-1)},

        i.e. the average of :math:`r_{ij} = u_i'u_j` over all ordered pairs, pairs with
        different dates counting zero (their residuals are taken as uncorrelated).
        Missing days count zero in the inner products, an approximation of the
        pairwise-complete correlation.
        """
        cnt, mean, ss = self.est_moments
        valid = (ss > 0) & (cnt >= 3)
        n = int(valid.sum())
        if n < 2:
            return float("nan")
        dates = self.event_dates
        if dates is None:
            idx = np.flatnonzero(valid)
            starts = np.zeros(1, dtype=np.intp)
        else:  # only groups of two or more events add cross products
            idx = np.flatnonzero(valid)
            _, group, size = np.unique(np.asarray(dates)[idx], return_inverse=True, return_counts=True)
            keep = size[group] > 1
            idx, group = idx[keep], group[keep]
            order = np.argsort(group, kind="stable")
            idx, group = idx[order], group[order]
            starts = (
                np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
                if idx.size
                else np.zeros(0, dtype=np.intp)
            )
        if idx.size == 0:
            return 0.0
        e = self.est[idx]
        e -= mean[idx, None]
        e[np.isnan(e)] = 0.0
        e *= (1.0 / np.sqrt(ss[idx]))[:, None]
        sums = np.add.reduceat(e, starts, axis=0)
        cross = float(np.einsum("ij,ij->", sums, sums)) - idx.size
        return cross / (n * (n - 1.0))

    # ------------------------------------------------------------- signs
    @cached_property
    def p_hat(self) -> float:
        r"""Expected fraction of positive abnormal returns from the estimation window.

        paper (Cowan 1992): :math:`\hat p = \frac{1}{N}\sum_i \frac{1}{L_i^{\ne 0}}\sum_t
        \mathbb 1[e_{it} > 0]` over non-zero residuals; estudy2: the pooled fraction of all
        estimation-window residuals that are positive.
        """
        pos = (self.est > 0) & self.est_ok
        if self.estudy2:
            return float(safe_div(pos.sum(), self.est_ok.sum()))
        nonzero = self.est_ok & (self.est != 0)
        frac = safe_div(pos.sum(axis=1), nonzero.sum(axis=1))
        return float(np.nanmean(frac)) if np.isfinite(frac).any() else float("nan")


_CACHE: dict[tuple[int, str], tuple[weakref.ref, PanelStats]] = {}


def panel_stats(panel: AbnormalReturnPanel, convention: Convention = "paper") -> PanelStats:
    """The :class:`PanelStats` of ``panel``, shared between calls while the panel lives."""
    validate(convention, Convention, "convention")
    key = (id(panel), convention)
    hit = _CACHE.get(key)
    if hit is not None and hit[0]() is panel:
        return hit[1]
    stats = PanelStats(panel, convention)

    def _drop(_ref: weakref.ref, key: tuple[int, str] = key) -> None:
        _CACHE.pop(key, None)

    try:
        _CACHE[key] = (weakref.ref(panel, _drop), stats)
    except TypeError:  # an object without weak references: no caching
        pass
    return stats
