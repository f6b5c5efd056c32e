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

import functools
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Literal, TypeVar, cast

import numpy as np
from scipy import special

from ..exceptions import StudyError
from ..policies import validate
from .panel import AbnormalReturnPanel
from .parallel import MIN_CELLS, n_threads, run_parts, split

__all__ = ["Convention", "PanelStats", "panel_stats", "rank_rows", "Ranked", "DayResult"]

R = TypeVar("R")

#: Which published convention the tests follow (see the module docstring).
Convention = Literal["paper", "estudy2"]

#: Target number of ``(event, day)`` cells per chunk of the per-event passes: every
#: ``(N, days)`` computation runs over blocks of events, so its temporaries are a few
#: arrays of about this many values (1 MB each), reused from block to block, whatever N.
CHUNK_CELLS = 1 << 17


@dataclass(frozen=True)
class DayResult:
    """Per-event-day statistic and two-sided p-value of one test."""

    stat: np.ndarray
    pvalue: np.ndarray


# ----------------------------------------------------------------- helpers
def two_sided_normal(z: np.ndarray | float) -> np.ndarray:
    r"""Two-sided p-value of a standard normal statistic (NaN stays NaN).

    :math:`p = 2\,\Phi(-|z|)`, with :math:`\Phi` from ``scipy.special.ndtr`` (the function
    ``scipy.stats.norm`` uses, without the import cost of ``scipy.stats``).
    """
    return 2.0 * special.ndtr(-np.abs(z))


def two_sided_t(t: np.ndarray | float, df: np.ndarray | float) -> np.ndarray:
    """Two-sided p-value of a Student-t statistic; NaN where ``df <= 0``."""
    df = np.where(np.asarray(df, dtype=float) > 0, df, np.nan)
    return 2.0 * special.stdtr(df, -np.abs(t))


def safe_div(num: np.ndarray | float, den: np.ndarray | float) -> np.ndarray:
    """``num / den`` with NaN (not inf, no warning) where ``den`` is 0 or NaN."""
    den = np.asarray(den, dtype=float)
    den = np.where(np.isfinite(den) & (den != 0), den, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(num, dtype=float) / den


def masked_sum(x: np.ndarray, ok: np.ndarray, axis: int) -> np.ndarray:
    """Sum of ``x`` where ``ok``, treating the rest as absent."""
    if ok.all():  # the same sums without the masked loop (about twice as fast)
        return np.sum(np.broadcast_to(x, np.broadcast_shapes(np.shape(x), np.shape(ok))), axis=axis)
    return np.sum(x, axis=axis, where=ok)


def cross_t(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cross-sectional t of the columns of ``x`` (NaN skipped) and its ``n - 1``."""
    ok = ~np.isnan(x)
    n = ok.sum(axis=0)
    mean = safe_div(masked_sum(x, ok, 0), n)
    var = safe_div(masked_sum((x - mean) ** 2, ok, 0), n - 1)
    t = safe_div(mean, np.sqrt(np.where(var > 0, var, np.nan) / n))
    return t, (n - 1).astype(float)


def row_mean_ss(x: np.ndarray, ok: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Count, mean and sum of squared deviations of each row of ``x`` where ``ok`` (default: not NaN)."""
    if ok is None:
        total = np.sum(x, axis=1)
        if np.isfinite(total).all():  # no NaN in any row: nothing to mask, no mask to build
            cnt = np.full(x.shape[0], x.shape[1], dtype=np.int64)
            mean = safe_div(total, cnt)
            dev = x - mean[:, None]
            np.square(dev, out=dev)
            return cnt, mean, np.sum(dev, axis=1)
        ok = ~np.isnan(x)
    cnt = ok.sum(axis=1)
    full = cnt.size == 0 or int(cnt.min()) == x.shape[1]  # nothing to mask: plain sums, same values
    mean = safe_div(np.sum(x, axis=1) if full else np.sum(x, axis=1, where=ok), cnt)
    dev = x - mean[:, None]
    np.square(dev, out=dev)
    return cnt, mean, np.sum(dev, axis=1) if full else np.sum(dev, axis=1, where=ok)


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
    block = max(1, int(block))
    for lo in range(0, n_rows, block):
        b = _rank_block(x[lo : lo + block], fill=fill, head=None if ties else head)
        hi = lo + b.ranks.shape[0]
        ranks[lo:hi] = b.ranks
        median[lo:hi] = b.median
        tie_sum[lo:hi] = b.tie_sum
        ties = ties or b.ties
        if head_ranks is not None and b.head_ranks is not None:
            head_ranks[lo:hi] = b.head_ranks
    return Ranked(ranks, median, tie_sum, ties, None if ties else head_ranks)


@lru_cache(maxsize=8)
def _ordinal(n_cols: int, n_rows: int) -> np.ndarray:
    """``1, 2, .., n_cols`` repeated ``n_rows`` times, flat and read-only (shared between blocks)."""
    out = np.tile(np.arange(1.0, n_cols + 1.0), n_rows)
    out.flags.writeable = False
    return out


@dataclass(frozen=True)
class _Block(Ranked):
    """:class:`Ranked` of one block of rows, with what the block's sort gave on the way.

    ``missing`` is the block's NaN mask, None when the block has no NaN (not built).
    """

    missing: np.ndarray | None = None
    n_ok: np.ndarray | None = None
    sorted_rows: np.ndarray | None = None
    order: np.ndarray | None = None


def _rank_block(xb: np.ndarray, *, fill: float, head: int | None) -> _Block:
    """Rank one block of rows with a single ``argsort`` (see :func:`rank_rows`).

    ``head_ranks`` are integers (``fill`` where missing), None when the block has ties
    or ``head`` is None.
    """
    nb, n_cols = xb.shape
    size = nb * n_cols
    with np.errstate(invalid="ignore", over="ignore"):  # inf - inf, huge values: then look
        any_missing = not np.isfinite(np.sum(xb))  # a NaN anywhere makes the sum NaN
    missing = np.isnan(xb) if any_missing else None
    n_ok = n_cols - np.count_nonzero(missing, axis=1) if missing is not None else np.full(nb, n_cols)
    any_missing = bool((n_ok < n_cols).any())  # NaN is slow to sort: put inf in its place
    order = np.argsort(np.where(missing, np.inf, xb) if missing is not None and any_missing else xb, axis=1)
    # head columns along the sorted rows, transposed: sorted position x row (see head_ranks)
    is_head = np.less(order.T, head, order="C") if head is not None else None
    order += (np.arange(nb) * n_cols)[:, None]  # sorted position -> flat index in the block (kept)
    flat = order.reshape(-1)
    xs = np.ravel(xb)[flat].reshape(xb.shape)
    ties = bool(np.any(xs[:, 1:] == xs[:, :-1]))  # NaN == NaN is False: missing values never tie
    tie_sum = np.zeros(nb)
    if not ties:
        values = (
            _ordinal(n_cols, nb) if size <= 2 * CHUNK_CELLS else np.tile(np.arange(1.0, n_cols + 1.0), nb)
        )
    else:
        new = np.empty(xs.shape, dtype=bool)
        new[:, 0] = True
        np.not_equal(xs[:, 1:], xs[:, :-1], out=new[:, 1:])  # NaN != NaN: own group
        fnew = new.reshape(-1)
        group = np.cumsum(fnew) - 1
        starts = np.flatnonzero(fnew)
        counts = np.diff(np.append(starts, fnew.size)).astype(float)
        values = ((starts % n_cols) + (counts - 1.0) / 2.0 + 1.0)[group]
        tie_sum = np.bincount(starts // n_cols, weights=counts**3 - counts, minlength=nb)
        del new
    rb = np.empty(size)
    rb[flat] = values
    ranks = rb.reshape(xb.shape)
    if missing is not None and any_missing:
        np.putmask(ranks, missing, fill)
    median = row_median(xs, n_ok)
    head_ranks = None
    if is_head is not None and not ties:
        assert head is not None
        # running count of head columns along each sorted row = rank among the head columns,
        # in the smallest integers that hold it; summed down the transposed array, which adds
        # whole rows at a time (vectorised) instead of one element after the other
        itype = np.min_scalar_type(head)
        run = np.cumsum(is_head, axis=0, dtype=itype)
        hb = np.empty(size, dtype=itype)
        hb[flat] = run.T.reshape(-1)
        head_ranks = hb.reshape(xb.shape)[:, :head]
        if missing is not None and any_missing:
            head_ranks = np.where(missing[:, :head], fill, head_ranks)
    return _Block(ranks, median, tie_sum, ties, head_ranks, missing, n_ok, xs, order)


def _median_signs(x: np.ndarray, b: _Block) -> np.ndarray:
    r"""Column sums of :math:`\operatorname{sign}(x_{ij} - \operatorname{med}_i)` of a ranked block (NaN: 0).

    Without ties a value lies above its row's median exactly when its rank exceeds
    :math:`(M_i+1)/2`, and only the middle value of an odd row equals the median, so one
    comparison of the ranks does; with ties, or when the mean of the two middle values
    rounds onto one of them, the values are compared with the medians.
    """
    assert b.n_ok is not None and b.sorted_rows is not None
    n_ok, med = b.n_ok, b.median
    even = (n_ok % 2 == 0) & (n_ok > 0)
    rows = np.flatnonzero(even)
    xs = b.sorted_rows
    mid_lo = xs[rows, n_ok[rows] // 2 - 1]
    mid_hi = xs[rows, n_ok[rows] // 2]
    if b.ties or bool(((med[rows] == mid_lo) | (med[rows] == mid_hi)).any()):
        with np.errstate(invalid="ignore"):
            return np.count_nonzero(x > med[:, None], axis=0) - np.count_nonzero(x < med[:, None], axis=0)
    assert b.order is not None
    nb, n_cols = x.shape
    half = (n_ok + 1.0) / 2.0
    above = np.count_nonzero(b.ranks > half[:, None], axis=0)  # missing ranks are 0
    odd = np.flatnonzero(n_ok % 2 == 1)
    # the column of each odd row's middle value (sorted position (M_i-1)/2): sign 0
    mid = b.order[odd, (n_ok[odd] - 1) // 2] - odd * n_cols
    at_median = np.bincount(mid, minlength=n_cols)
    n_obs = (
        nb - np.count_nonzero(b.missing, axis=0) if b.missing is not None and (n_ok < n_cols).any() else nb
    )
    return 2 * above - n_obs + at_median


def group_sums(key: np.ndarray, x: np.ndarray, n_keys: int) -> np.ndarray:
    """Sums of the rows of ``x`` by integer ``key`` (``0 <= key < n_keys``): an ``(n_keys, cols)`` array.

    A one-hot matrix product over the distinct keys: exact, whatever the order of the
    additions, when ``x`` holds multiples of 1/2 (ranks, counts) below :math:`2^{52}`.
    """
    out = np.zeros((n_keys, x.shape[1]))
    if x.shape[0] == 0:
        return out
    keys, inv = np.unique(key, return_inverse=True)
    if keys.size == 1:
        out[keys[0]] = x.sum(axis=0)
    elif keys.size * x.shape[0] > 4 * CHUNK_CELLS:  # a big one-hot matrix: sort the rows instead
        order = np.argsort(inv, kind="stable")
        starts = np.flatnonzero(np.r_[True, np.diff(inv[order]) != 0])
        out[keys] = np.add.reduceat(x[order], starts, axis=0)
    else:
        onehot = (inv[None, :] == np.arange(keys.size)[:, None]).astype(float)
        out[keys] = onehot @ x
    return out


def per_group_mean_sum(sums: np.ndarray, counts: np.ndarray, size: np.ndarray) -> np.ndarray:
    r"""Column sums of :math:`K_{ij}/(m_i+1) - \tfrac12` from per-:math:`m` sums of ranks and counts.

    ``sums[m]`` and ``counts[m]`` are the column sums of the ranks :math:`K_{ij}` and of
    the observed cells of the rows with :math:`m_i + 1` = ``size[m]``. Each group's
    :math:`\sum K - \frac12 (m+1) n` is exact (multiples of 1/2), so each group is
    rounded once; no large sum cancels against :math:`\frac12 N_j`.
    """
    num = sums - (0.5 * size)[:, None] * counts
    with np.errstate(invalid="ignore", divide="ignore"):
        terms = np.where(
            (counts > 0) & (size > 0)[:, None], num / np.where(size > 0, size, 1.0)[:, None], 0.0
        )
    return terms.sum(axis=0)


def row_median(sorted_rows: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Median of each row from its sorted values (NaN last) and its count ``n``."""
    n = np.asarray(n, dtype=np.int64)
    last = max(sorted_rows.shape[1] - 1, 0)
    rows = np.arange(n.size)
    lo_v = sorted_rows[rows, np.minimum(np.maximum((n - 1) // 2, 0), last)]
    hi_v = sorted_rows[rows, np.minimum(np.maximum(n // 2, 0), last)]
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
    1/2, as R's ``wilcox.test``. NaN when ``v`` lies outside :math:`0 .. n(n+1)/2`.
    """
    if n <= 0 or not np.isfinite(v):
        return float("nan")
    if exact:
        cdf = _signrank_cdf(n)
        k = int(round(v))
        if not 0 <= k < cdf.size:  # V of n values lies in 0 .. n(n+1)/2
            return float("nan")
        lower = cdf[k]
        upper = 1.0 - (cdf[k - 1] if k > 0 else 0.0)
        return float(min(1.0, 2.0 * min(lower, upper)))
    mean = n * (n + 1) / 4.0
    var = n * (n + 1) * (2 * n + 1) / 24.0 - tie_term / 48.0
    if var <= 0:
        return float("nan")
    d = v - mean
    z = (d - 0.5 * np.sign(d)) / np.sqrt(var)
    return float(two_sided_normal(z))


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
    if (panel.x_event is None) != (panel.xtx_inv is None):
        raise StudyError(
            "AbnormalReturnPanel.x_event and xtx_inv go together; give both (the event-day design rows "
            "and the inverse estimation X'X) or neither"
        )
    if panel.x_event is not None and panel.xtx_inv is not None:
        xe, xi = np.asarray(panel.x_event), np.asarray(panel.xtx_inv)
        k = xe.shape[2] if xe.ndim == 3 else -1
        if xe.shape[:2] != (n, t) or xi.shape != (n, k, k):
            raise StudyError(
                f"AbnormalReturnPanel.x_event has shape {xe.shape} and xtx_inv {xi.shape}, expected "
                f"({n}, {t}, k) and ({n}, k, k)"
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
    chunk_rows
        Events per block of the per-event passes; default about :data:`CHUNK_CELLS`
        cells per block. Results do not depend on it, except the last bits of the
        average cross-correlation of :attr:`mean_cross_correlation` (summed block by block).
    threads
        Most threads for the rank pass (:mod:`~eventstudy.stats.parallel`); ``None``:
        ``$EVENTSTUDY_THREADS`` or the CPUs; ``1``: no threads. Results do not depend on it.

    Notes
    -----
    Memory: besides the panel, a pass holds a few ``(block, L + T)`` arrays and keeps
    ``(N,)`` vectors, ``(L + T,)`` day sums, the missing-value mask of the estimation
    window (1 byte per cell) and the estimation ranks for GRANK (1 byte per cell up to
    255 estimation days), never an ``(N, L + T)`` float array.
    """

    def __init__(
        self,
        panel: AbnormalReturnPanel,
        convention: Convention = "paper",
        *,
        chunk_rows: int | None = None,
        threads: int | None = None,
    ) -> None:
        validate(convention, Convention, "convention")
        check_panel(panel)
        if chunk_rows is not None and (
            isinstance(chunk_rows, bool) or not isinstance(chunk_rows, int | np.integer) or chunk_rows < 1
        ):
            raise StudyError(
                f"chunk_rows={chunk_rows!r} must be a positive integer (events per block) or None"
            )
        self.chunk_rows = None if chunk_rows is None else int(chunk_rows)
        self.threads = n_threads(threads)
        # the arrays only, not the panel: the cache in panel_stats must not keep it alive
        self.est_market = panel.est_market
        self.event_market = panel.event_market
        self.given_pred_factor = panel.pred_factor
        self.event_dates = panel.event_dates
        self.x_event = None if panel.x_event is None else np.asarray(panel.x_event, dtype=float)
        self.xtx_inv = None if panel.xtx_inv is None else np.asarray(panel.xtx_inv, dtype=float)
        self.convention: Convention = convention
        self.est = np.asarray(panel.est_ar, dtype=float)
        self.ev = np.asarray(panel.event_ar, dtype=float)
        self.days = np.asarray(panel.event_days)
        self.k = int(panel.n_params)
        self.n = self.ev.shape[0]

    @property
    def estudy2(self) -> bool:
        return self.convention == "estudy2"

    def row_chunks(self, width: int) -> Iterator[slice]:
        """Slices of consecutive events, about :data:`CHUNK_CELLS` cells of ``width`` days each.

        ``chunk_rows`` (constructor) fixes the number of events per slice instead.
        Per-event results do not depend on the slicing; sums over events may differ in
        the last bits (the order of the additions changes).
        """
        step = self.chunk_rows or max(1, CHUNK_CELLS // max(int(width), 1))
        for lo in range(0, self.n, step):
            yield slice(lo, min(lo + step, self.n))

    def threads_for(self, cells: int) -> int:
        """Threads worth using on a pass over ``cells`` values: :attr:`threads`, fewer for small panels."""
        return max(1, min(self.threads, cells // MIN_CELLS))

    def rows_mean_ss(
        self, x: np.ndarray, ok: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:func:`row_mean_ss` of an ``(N, days)`` array, block by block; ``ok`` defaults to not NaN."""
        n = x.shape[0]
        cnt, mean, ss = np.empty(n, dtype=np.int64), np.empty(n), np.empty(n)
        for sl in self.row_chunks(x.shape[1]):
            cnt[sl], mean[sl], ss[sl] = row_mean_ss(x[sl], None if ok is None else ok[sl])
        return cnt, mean, ss

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
        return self.rows_mean_ss(self.est)  # est_ok is where est is not NaN

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
        _, mean, ss = self.rows_mean_ss(np.asarray(self.est_market, dtype=float))
        return mean, np.where(ss > 0, ss, np.nan)

    @cached_property
    def _market_moments(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Benchmark mean and sum of squares for the prediction error (convention's sample)."""
        if self.estudy2 or self.est_market is None or self.event_market is None or self.est_ok.all():
            return self.market_moments_all
        m = np.asarray(self.est_market, dtype=float)
        n = m.shape[0]
        mean, ss = np.empty(n), np.empty(n)
        for sl in self.row_chunks(m.shape[1]):
            mb = m[sl]
            _, mean[sl], ss[sl] = row_mean_ss(mb, ~np.isnan(mb) & self.est_ok[sl])
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

    @cached_property
    def sar_cross_t(self) -> tuple[np.ndarray, np.ndarray]:
        """:func:`cross_t` of :attr:`sar`: the BMP statistic, which Kolari-Pynnonen adjusts."""
        return cross_t(self.sar)

    def car_variance_factor(self, cols: np.ndarray) -> np.ndarray:
        r"""Factor :math:`V_i` with :math:`\operatorname{Var}(CAR_i) = \sigma_i^2 V_i` over ``cols``.

        With the panel's design (``x_event`` and ``xtx_inv``), MacKinlay's (1997, eq. 8-12)
        exact forecast-error variance of a sum of :math:`T` prediction errors, for any
        linear model,

        .. math:: V_i = T + s_i'(X_i'X_i)^{-1}s_i,\qquad s_i = \sum_{t \in cols} x_{it},

        the variance :meth:`~eventstudy.stats.results.EventStudyResults.car` reports. For
        the market model it equals Mikkelson & Partch's (1988)
        :math:`V_i = T + T^2/L_i + (\sum_{t}(R_{mt} - \bar R_m))^2 / SS_{m,i}`, used when
        the panel has benchmark returns but no design (with the estudy2 convention, the
        benchmark mean and sum of squares over the whole estimation window); without
        either, constant mean :math:`T + T^2/L_i`, market-adjusted :math:`T`, other models
        :math:`\sum_t C_{it} + (T^2 - T)/L_i` (diagonal plus the intercept covariances).
        """
        t = float(cols.sum())
        inv_l = safe_div(1.0, self.n_est)
        if self.x_event is not None and self.xtx_inv is not None:
            s = self.x_event[:, cols].sum(axis=1)  # (N, k)
            return t + np.einsum("nk,nkj,nj->n", s, self.xtx_inv, s)
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
        windows side by side, one ``argsort`` per block of events (:meth:`row_chunks`).
        Only per-day sums, medians and the estimation-day ranks (as small integers) are
        kept; the ``(events, days)`` arrays of a block are dropped before the next. On a
        large panel the blocks are shared between :attr:`threads` threads.
        """
        threads = self.threads_for(self.est.size + self.ev.size)
        jobs, finish = self._rank_jobs(4 * threads if threads > 1 else 1)
        return finish(run_parts(_call, jobs, threads=threads))

    def beside_ranks(self, fn: Callable[[], R]) -> R:
        """``fn()``, run beside the rank pass (:attr:`rank_sums` and the rest) on a large panel.

        The rank pass is cut into a few parts; ``fn`` and the parts are shared between
        :attr:`threads` threads, each taking the next job left (``fn`` first), so ``fn`` should
        compute what does not need the ranks. With one thread, or the ranks already computed,
        just ``fn()``.
        """
        threads = self.threads_for(self.est.size + self.ev.size)
        if threads < 2 or "_combined" in self.__dict__:
            return fn()
        jobs, finish = self._rank_jobs(4 * threads)
        done: list[Any] = run_parts(_call, [fn, *jobs], threads=threads)
        self.__dict__["_combined"] = finish(done[1:])  # what the cached property would compute
        return cast(R, done[0])

    def _rank_jobs(
        self, n_parts: int
    ) -> tuple[list[Callable[[], tuple]], Callable[[list[tuple]], dict[str, np.ndarray | None]]]:
        """The rank pass as ``n_parts`` jobs over consecutive blocks of events, and the function
        that adds up their results (see :attr:`_combined`).

        Each job writes its own rows of the per-event arrays and returns its day sums
        (integers and multiples of 1/2: exact, whatever the order they are added in).
        """
        est, ev = self.est, self.ev
        n, n_est_cols = est.shape
        width = n_est_cols + ev.shape[1]
        n_full = np.zeros(n, dtype=np.int64)
        median = np.full(n, np.nan)
        est_ranks = np.zeros((n, n_est_cols), dtype=np.min_scalar_type(n_est_cols))

        def ranks_of(part: Sequence[slice]) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
            """Rank the blocks of ``part``; per-event results go to their rows, day sums are returned."""
            sign_sums = np.zeros(width, dtype=np.int64)
            # column sums of the ranks and of the observed cells, by M_i (exact: multiples of 1/2)
            k_by_m, n_by_m = np.zeros((width + 1, width)), np.zeros((width + 1, width))
            ties = False
            buf = np.empty((max(sl.stop - sl.start for sl in part), width))
            for sl in part:
                full = buf[: sl.stop - sl.start]  # reused: no fresh pages per block
                full[:, :n_est_cols] = est[sl]
                full[:, n_est_cols:] = ev[sl]
                b = _rank_block(full, fill=0.0, head=None if ties else n_est_cols)
                assert b.n_ok is not None
                n_full[sl] = b.n_ok
                median[sl] = b.median
                k0 = b.ranks  # 0 where missing
                if b.n_ok.min() == width:  # nothing missing in the block: one group, M = width
                    k_by_m[width] += k0.sum(axis=0)
                    n_by_m[width] += k0.shape[0]
                else:  # something missing: the block built its mask
                    assert b.missing is not None
                    k_by_m += group_sums(b.n_ok, k0, width + 1)
                    n_by_m += group_sums(b.n_ok, (~b.missing).astype(float), width + 1)
                sign_sums += _median_signs(full, b)
                ties = ties or b.ties
                if b.head_ranks is not None:
                    est_ranks[sl] = b.head_ranks
            return k_by_m, n_by_m, sign_sums, ties

        def finish(parts: list[tuple]) -> dict[str, np.ndarray | None]:
            k_by_m, n_by_m = np.zeros((width + 1, width)), np.zeros((width + 1, width))
            sign_sums = np.zeros(width, dtype=np.int64)
            any_ties = False
            for k_part, n_part, s_part, t_part in parts:
                k_by_m += k_part
                n_by_m += n_part
                sign_sums += s_part
                any_ties = any_ties or t_part
            m1 = np.arange(1.0, width + 2.0)  # M + 1
            n_day = n_by_m.sum(axis=0).astype(np.int64)
            rank_sums = k_by_m.sum(axis=0) - (0.5 * m1) @ n_by_m  # exact: multiples of 1/2
            return {
                "n_full": n_full,
                "n_day": n_day,
                "median": median,
                "sign_sums": sign_sums.astype(float),
                "rank_sums": rank_sums,
                "uniform_rank_sums": per_group_mean_sum(k_by_m, n_by_m, m1),
                "est_ranks": None if any_ties else est_ranks,
            }

        parts = split(list(self.row_chunks(width)), n_parts) if n else []
        return [functools.partial(ranks_of, part) for part in parts], finish

    @property
    def est_ranks(self) -> np.ndarray | None:
        """Ranks of each event's estimation residuals among themselves, 0 where missing (None if ties).

        Read off the combined-window sort (the running count of estimation days along
        the sorted row), so no second sort is needed. Unsigned integers of the smallest
        type that holds the estimation window's length (``uint8`` up to 255 days).
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
        idx = np.flatnonzero(valid)
        if dates is None:
            group = np.zeros(idx.size, dtype=np.intp)
        else:  # only groups of two or more events add cross products
            _, group, size = np.unique(np.asarray(dates)[idx], return_inverse=True, return_counts=True)
            keep = size[group] > 1
            idx, group = idx[keep], group[keep]
            order = np.argsort(group, kind="stable")
            idx, group = idx[order], group[order]
        if idx.size == 0:
            return 0.0
        scale = 1.0 / np.sqrt(ss)
        cross = 0.0
        carry: np.ndarray | None = None  # sum of the group that the last block left open
        step = self.chunk_rows or max(1, CHUNK_CELLS // max(self.est.shape[1], 1))
        for lo in range(0, idx.size, step):
            ib, gb = idx[lo : lo + step], group[lo : lo + step]
            e = self.est[ib]
            e -= mean[ib, None]
            e[np.isnan(e)] = 0.0
            e *= scale[ib, None]
            starts = np.flatnonzero(np.r_[True, gb[1:] != gb[:-1]])
            sums = np.add.reduceat(e, starts, axis=0)
            if carry is not None:
                if gb[0] == group[lo - 1]:
                    sums[0] += carry
                else:
                    cross += float(carry @ carry)
            carry = sums[-1].copy()
            cross += float(np.einsum("ij,ij->", sums[:-1], sums[:-1]))
        assert carry is not None
        cross += float(carry @ carry) - idx.size
        return cross / (n * (n - 1.0))

    # ------------------------------------------------------------- signs
    @cached_property
    def p_hat(self) -> float:
        r"""Expected fraction of positive abnormal returns from the estimation window.

        paper (Cowan 1992): :math:`\hat p = \frac{1}{N}\sum_i \frac{1}{L_i^{\ne 0}}\sum_t
        \mathbb 1[e_{it} > 0]` over non-zero residuals; estudy2: the pooled fraction of all
        estimation-window residuals that are positive.
        """
        pos = np.zeros(self.n, dtype=np.int64)  # positive residuals per event
        nonzero = np.zeros(self.n, dtype=np.int64)
        complete = bool((self.n_est == self.est.shape[1]).all())
        for sl in self.row_chunks(self.est.shape[1]):
            e = self.est[sl]
            pos[sl] = np.count_nonzero(e > 0, axis=1)  # NaN > 0 is False
            if not self.estudy2:
                nonzero[sl] = np.count_nonzero((e != 0) if complete else self.est_ok[sl] & (e != 0), axis=1)
        if self.estudy2:
            return float(safe_div(pos.sum(), self.n_est.sum()))
        frac = safe_div(pos, nonzero)
        return float(np.nanmean(frac)) if np.isfinite(frac).any() else float("nan")


def _call(job: Callable[[], R]) -> R:
    return job()


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
