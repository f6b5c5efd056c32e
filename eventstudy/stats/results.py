r"""Results of an event study: abnormal returns, CARs with MacKinlay variances, tests, notes.

Everything is held as numpy arrays (events x event days) and turned into pandas objects
on demand, so building the results of 100,000 events costs nothing until asked for.

Vocabulary (used everywhere in this module)
-------------------------------------------
``ar``, ``car``, ``bhar``
    abnormal return, cumulative abnormal return, buy-and-hold abnormal return.
``var``, ``se``, ``t``, ``p``
    variance, standard error, t statistic, two-sided p-value (Student t with
    :math:`L_i - k` degrees of freedom).
``ar_quantile``, ``car_quantile``
    share of the estimation-window values (ARs, or CARs over as many consecutive days)
    at or below the event value: an empirical, distribution-free rank in [0, 1].

References
----------
MacKinlay, A. C. (1997). Event studies in economics and finance. *Journal of Economic
Literature* 35(1), 13-39.
Barber, B. M., Lyon, J. D. (1997). Detecting long-run abnormal stock returns.
*Journal of Financial Economics* 43(3), 341-372.
"""

from __future__ import annotations

import html
import textwrap
import warnings
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from scipy import special

from ..exceptions import EventStudyWarning, StudyError
from .models import ExpectedReturnModel
from .panel import AbnormalReturnPanel
from .returns import to_simple
from .significance_shared import two_sided_t

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from .hypotheses import InvalidTestStatistic, TestStatistic

__all__ = ["EventStudyResults", "Summary"]


@dataclass(frozen=True)
class Summary:
    """A printable summary: ``str(summary)`` or :meth:`as_text`, and :meth:`as_html`."""

    text: str

    def as_text(self) -> str:
        return self.text

    def as_html(self) -> str:
        return f"<pre>{html.escape(self.text)}</pre>"

    def _repr_html_(self) -> str:
        return self.as_html()

    def __str__(self) -> str:
        return self.text


def _two_sided_p(t: np.ndarray, df: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return two_sided_t(t, np.maximum(df, 1))


@dataclass(frozen=True, eq=False)
class EventStudyResults:
    r"""Immutable results of :meth:`eventstudy.stats.EventStudy.run`.

    Arrays are indexed by event (``N`` rows, in input order, dropped events left out)
    and event day (``T`` columns, :attr:`event_days`). Pandas views: :attr:`ar`,
    :meth:`car`, :attr:`event_stats`, :meth:`event_frame`, :attr:`tests`,
    :meth:`to_frame`; :attr:`dropped` and :attr:`notes` say what was left out or adjusted.

    Notes
    -----
    For event :math:`i`, event days :math:`\tau_1..\tau_2` with non-missing abnormal
    returns (indicator vector :math:`g`), design rows :math:`X_i^*` and estimation design
    :math:`X_i` (MacKinlay 1997, eq. 7-12):

    .. math::

        CAR_i = g' AR_i, \qquad
        \operatorname{Var}(CAR_i) = \hat\sigma_i^2\left(g'g + (X_i^{*\prime}g)'(X_i'X_i)^{-1}(X_i^{*\prime}g)\right),
        \qquad t_i = CAR_i / \sqrt{\operatorname{Var}(CAR_i)},

    and :math:`BHAR_i = \prod_t (1 + R_{it}) - \prod_t (1 + E[R_{it}])` over the event window.
    """

    model: ExpectedReturnModel
    event_ids: np.ndarray
    securities: np.ndarray
    event_dates: np.ndarray
    requested_dates: np.ndarray
    event_days: np.ndarray
    event_day_dates: np.ndarray
    est_ar: np.ndarray
    est_market: np.ndarray | None
    event_ar: np.ndarray
    event_market: np.ndarray | None
    event_returns: np.ndarray
    expected: np.ndarray
    pred_factor: np.ndarray
    x_event: np.ndarray
    params: np.ndarray
    param_names: tuple[str, ...]
    xtx_inv: np.ndarray
    nobs: np.ndarray
    sigma2: np.ndarray
    n_params: int
    dropped: pd.DataFrame
    notes: tuple[str, ...]
    estimation_label: str = ""
    event_label: str = ""
    date_policy: str = "next"
    min_estimation: int = 0
    return_kind: str = "simple"
    convention: str = "paper"

    # ------------------------------------------------------------- basics
    @property
    def n_events(self) -> int:
        return int(self.event_ar.shape[0])

    @property
    def df_resid(self) -> pd.Series:
        """Residual degrees of freedom :math:`L_i - k` per event (index: event id)."""
        return pd.Series(self._df_resid, index=self._id_index, name="df")

    @property
    def sigma(self) -> pd.Series:
        r"""Estimation-window residual standard deviation :math:`\hat\sigma_i` per event (index: event id)."""
        return pd.Series(np.sqrt(self.sigma2), index=self._id_index, name="sigma")

    @property
    def _df_resid(self) -> np.ndarray:
        return self.nobs - self.n_params

    @property
    def _id_index(self) -> pd.Index:
        return pd.Index(self.event_ids, name="id")

    @cached_property
    def panel(self) -> AbnormalReturnPanel:
        """The :class:`~eventstudy.stats.panel.AbnormalReturnPanel` handed to the significance tests.

        ``pred_factor`` is MacKinlay's per-event prediction-error factor, and ``x_event``
        with ``xtx_inv`` give the CAR tests the exact variance of a sum of prediction errors
        (the one :meth:`car` reports), except under the ``"estudy2"`` convention for the
        market model, where all three are left ``None`` so that the tests derive them from
        the whole estimation period of the benchmark, as estudy2 does.
        """
        estudy2_market = self.convention == "estudy2" and self.model.name == "market"
        return AbnormalReturnPanel(
            est_ar=self.est_ar,
            event_ar=self.event_ar,
            event_days=self.event_days,
            n_params=self.n_params,
            est_market=self.est_market,
            event_market=self.event_market,
            pred_factor=None if estudy2_market else self.pred_factor,
            event_dates=self.event_dates,
            x_event=None if estudy2_market else self.x_event,
            xtx_inv=None if estudy2_market else self.xtx_inv,
        )

    @property
    def ar(self) -> pd.DataFrame:
        """Abnormal returns: event days (rows) x events (columns)."""
        return pd.DataFrame(
            self.event_ar.T,
            index=pd.Index(self.event_days, name="day"),
            columns=pd.Index(self.event_ids, name="id"),
        )

    @property
    def aar(self) -> pd.Series:
        r"""Average abnormal return per event day, :math:`AAR_t = \frac{1}{N_t}\sum_i AR_{it}`."""
        v = _mean_observed(self.event_ar)
        return pd.Series(v, index=pd.Index(self.event_days, name="day"), name="aar")

    @property
    def caar(self) -> pd.Series:
        r"""Cumulative average abnormal return from the first event day, :math:`CAAR_t = \sum_{s \le t} AAR_s`.

        It equals the mean of the events' CARs when no abnormal return is missing; when some
        are (an event without a return on some event day), :math:`AAR_s` averages the events
        with a return on day :math:`s` and the two differ. :meth:`plot` draws the mean CAR
        (with its band), the summary's footer gives the mean CAR over the window.
        """
        return self.aar.cumsum().rename("caar")

    def _days(self, start: int | None, end: int | None) -> np.ndarray:
        """Mask of the event days ``start .. end``; both must lie inside the event window."""
        d = self.event_days
        a = int(d[0]) if start is None else _event_day(start, "start")
        b = int(d[-1]) if end is None else _event_day(end, "end")
        lo, hi = int(d[0]), int(d[-1])
        sel = (d >= a) & (d <= b)
        if not sel.any():
            raise StudyError(f"no event day in [{a}, {b}]; the event window holds days {lo} .. {hi}")
        if a < lo or b > hi:
            raise StudyError(
                f"the sub-window [{a}, {b}] runs outside the event window [{lo:+d}, {hi:+d}]; give start and end "
                f"within {lo} .. {hi}, or run the study with a wider event window"
            )
        return sel

    def _car_arrays(self, sel: np.ndarray) -> dict[str, np.ndarray]:
        ar = self.event_ar[:, sel]
        m = np.isfinite(ar)
        car = np.where(m, ar, 0.0).sum(axis=1)
        nv = m.sum(axis=1)
        xs = np.where(m[:, :, None], self.x_event[:, sel], 0.0).sum(axis=1)
        var = self.sigma2 * (nv + np.einsum("nk,nkj,nj->n", xs, self.xtx_inv, xs))
        with np.errstate(invalid="ignore", divide="ignore"):
            se = np.sqrt(var)
            t = np.where(nv > 0, car / se, np.nan)
        car = np.where(nv > 0, car, np.nan)
        return {"car": car, "var": var, "se": se, "t": t, "p": _two_sided_p(t, self._df_resid), "n_days": nv}

    def car(self, start: int | None = None, end: int | None = None) -> pd.DataFrame:
        r"""CAR of each event over event days ``start .. end`` (inclusive; default the whole window).

        Raises
        ------
        StudyError
            If ``start .. end`` is empty or runs outside the event window (it is never cut
            silently to the days the window holds).

        Returns
        -------
        DataFrame
            Indexed by event id, columns ``car``, ``var``, ``se``, ``t``, ``p`` and
            ``n_days`` (non-missing days summed); ``var`` is MacKinlay's full formula.
        """
        c = self._car_arrays(self._days(start, end))
        return pd.DataFrame(c, index=pd.Index(self.event_ids, name="id"))

    def _cumulative(self) -> tuple[np.ndarray, np.ndarray]:
        """CAR and Var(CAR) from the first event day to each day ``(N, T)``."""
        m = np.isfinite(self.event_ar)
        car = np.cumsum(np.where(m, self.event_ar, 0.0), axis=1)
        nv = np.cumsum(m, axis=1)
        xs = np.cumsum(np.where(m[:, :, None], self.x_event, 0.0), axis=1)
        var = self.sigma2[:, None] * (nv + np.einsum("ntk,nkj,ntj->nt", xs, self.xtx_inv, xs))
        car = np.where(nv > 0, car, np.nan)
        return car, var

    # -------------------------------------------------------- quantiles
    @property
    def ar_quantile(self) -> pd.DataFrame:
        """Share of each event's estimation-window ARs at or below its AR on each event day.

        Event days (rows) x events (columns), like :attr:`ar`: an empirical quantile of the
        event-day AR against the estimation window, NaN where the AR is missing.
        """
        return pd.DataFrame(
            self._ar_quantile.T,
            index=pd.Index(self.event_days, name="day"),
            columns=self._id_index,
        )

    @cached_property
    def _ar_quantile(self) -> np.ndarray:
        """``(N, T)`` share of each event's estimation ARs at or below the event-day AR."""
        n, T = self.event_ar.shape
        out = np.empty((n, T))
        valid = np.isfinite(self.est_ar)
        cnt = valid.sum(axis=1)
        step = max(1, 4_000_000 // max(1, T * self.est_ar.shape[1]))
        for lo in range(0, n, step):
            hi = min(n, lo + step)
            le = self.est_ar[lo:hi, None, :] <= self.event_ar[lo:hi, :, None]  # NaN compares False
            with np.errstate(invalid="ignore", divide="ignore"):
                out[lo:hi] = le.sum(axis=2) / cnt[lo:hi, None]
        out[~np.isfinite(self.event_ar)] = np.nan
        return out

    def _car_quantile(self, car: np.ndarray, width: int) -> np.ndarray:
        n, n_est = self.est_ar.shape
        out = np.empty(n)
        step = max(1, 250_000 // max(1, n_est))  # blocks of events: temporaries of ~2 MB each
        for lo in range(0, n, step):
            e, cb = self.est_ar[lo : lo + step], car[lo : lo + step]
            valid = np.isfinite(e)
            z = np.zeros((e.shape[0], 1))
            cs = np.concatenate([z, np.cumsum(np.where(valid, e, 0.0), axis=1)], axis=1)
            cv = np.concatenate([z, np.cumsum(valid, axis=1)], axis=1)
            roll = cs[:, width:] - cs[:, :-width]
            ok = (cv[:, width:] - cv[:, :-width]) == width
            with np.errstate(invalid="ignore", divide="ignore"):
                q = ((roll <= cb[:, None]) & ok).sum(axis=1) / ok.sum(axis=1)
            out[lo : lo + step] = np.where(np.isfinite(cb), q, np.nan)
        return out

    # ------------------------------------------------------ per event
    @property
    def bhar(self) -> pd.Series:
        r"""Buy-and-hold abnormal return over the event window per event (index: event id).

        :math:`BHAR_i = \prod_t (1 + R_{it}) - \prod_t (1 + E[R_{it}])` over the event days
        with a return (Barber and Lyon 1997), on simple returns whatever the input kind.
        """
        return pd.Series(self._bhar, index=self._id_index, name="bhar")

    @cached_property
    def _bhar(self) -> np.ndarray:
        r"""``(N,)`` buy-and-hold abnormal return over the event window (missing days skipped)."""
        m = np.isfinite(self.event_ar)
        r = to_simple(self.event_returns, self.return_kind)  # type: ignore[arg-type]
        e = to_simple(self.expected, self.return_kind)  # type: ignore[arg-type]
        return np.prod(np.where(m, 1.0 + r, 1.0), axis=1) - np.prod(np.where(m, 1.0 + e, 1.0), axis=1)

    @cached_property
    def event_stats(self) -> pd.DataFrame:
        """One row per event: CAR over the whole event window with its MacKinlay variance, t and p,
        its empirical quantile, the day-0 AR quantile, BHAR, the estimation sample and parameters.

        Columns: ``security, date, car, var, se, t, p, car_quantile, ar0_quantile, bhar, n_est,
        df, sigma`` and the parameters (``alpha, beta`` for the market model, ``mu`` for the
        constant mean, ``alpha, beta_<factor>...`` for a factor model). ``ar0_quantile`` is
        the :attr:`ar_quantile` of day 0, NaN for every event when the event window does not
        hold day 0 (e.g. ``event=(2, 6)``; no other day stands in for it).
        """
        sel = np.ones(len(self.event_days), dtype=bool)
        c = self._car_arrays(sel)
        width = int(len(self.event_days))
        day0 = np.flatnonzero(self.event_days == 0)
        ar0 = self._ar_quantile[:, day0[0]] if day0.size else np.full(self.n_events, np.nan)
        frame = pd.DataFrame(
            {
                "security": self.securities,
                "date": pd.DatetimeIndex(self.event_dates.astype("datetime64[ns]")),
                "car": c["car"],
                "var": c["var"],
                "se": c["se"],
                "t": c["t"],
                "p": c["p"],
                "car_quantile": self._car_quantile(c["car"], width)
                if width <= self.est_ar.shape[1]
                else np.nan,
                "ar0_quantile": ar0,
                "bhar": self._bhar,
                "n_est": self.nobs,
                "df": self._df_resid,
                "sigma": np.sqrt(self.sigma2),
            },
            index=self._id_index,
        )
        for j, name in enumerate(self.param_names):
            frame[name] = self.params[:, j]
        return frame

    def _position(self, event: int | str) -> int:
        if isinstance(event, int | np.integer) and not isinstance(event, bool):
            if not -self.n_events <= int(event) < self.n_events:
                raise StudyError(f"event {event} is out of range; there are {self.n_events} events")
            return int(event) % self.n_events
        hits = np.flatnonzero(self.event_ids == str(event))
        if len(hits) == 0:
            raise StudyError(
                f"no event with id {event!r}; ids are {', '.join(map(str, self.event_ids[:5]))}"
                + (", ..." if self.n_events > 5 else "")
                + (" (dropped: see results.dropped)" if str(event) in set(self.dropped.index) else "")
            )
        return int(hits[0])

    def event_frame(self, event: int | str = 0) -> pd.DataFrame:
        """Day-by-day table of one event (by position or id), indexed by event day.

        Columns: ``date, return, expected, ar, ar_se, ar_t, ar_p, ar_quantile, car, car_se,
        car_t, car_p``. ``ar_se`` is :math:`\\hat\\sigma\\sqrt{1 + x_t'(X'X)^{-1}x_t}`; ``car``
        cumulates from the first event day to the row's day, with MacKinlay's variance.
        """
        i = self._position(event)
        sub = slice(i, i + 1)
        m = np.isfinite(self.event_ar[i])
        m_all = np.isfinite(self.event_ar)[sub]
        car = np.cumsum(np.where(m, self.event_ar[i], 0.0))
        nv = np.cumsum(m)
        xs = np.cumsum(np.where(m_all[0][:, None], self.x_event[i], 0.0), axis=0)
        car_var = self.sigma2[i] * (nv + np.einsum("tk,kj,tj->t", xs, self.xtx_inv[i], xs))
        ar_se = np.sqrt(self.sigma2[i] * self.pred_factor[i])
        df = np.full(len(m), self._df_resid[i])
        with np.errstate(invalid="ignore", divide="ignore"):
            ar_t = self.event_ar[i] / ar_se
            car_se = np.sqrt(car_var)
            car_t = np.where(nv > 0, car / car_se, np.nan)
        return pd.DataFrame(
            {
                "date": pd.DatetimeIndex(self.event_day_dates[i].astype("datetime64[ns]")),
                "return": self.event_returns[i],
                "expected": self.expected[i],
                "ar": self.event_ar[i],
                "ar_se": ar_se,
                "ar_t": ar_t,
                "ar_p": _two_sided_p(ar_t, df),
                "ar_quantile": self._ar_quantile[i],
                "car": np.where(nv > 0, car, np.nan),
                "car_se": car_se,
                "car_t": car_t,
                "car_p": _two_sided_p(car_t, df),
            },
            index=pd.Index(self.event_days, name="day"),
        )

    # ------------------------------------------------------ across events
    @cached_property
    def tests(self) -> pd.DataFrame:
        """Cross-sectional tests per event day (:func:`eventstudy.stats.significance.cross_sectional_tests`).

        Index: event days; columns ``mean_aar, bw_1980, bw_1985, t_test, patell, boehmer_bmp,
        kolari_pynnonen, lamb, sign, generalized_sign, corrado_sign, rank, modified_rank,
        wilcoxon_v`` and their p-values ``<name>_p``, under :attr:`convention`.
        """
        from . import significance

        return significance.cross_sectional_tests(self.panel, convention=self.convention)  # type: ignore[arg-type]

    def car_tests(
        self, start: int | None = None, end: int | None = None
    ) -> dict[str, TestStatistic | InvalidTestStatistic]:
        """Tests of the CAAR over event days ``start .. end`` (:func:`~eventstudy.stats.significance.car_tests`).

        The tests built on each event's CAR (``t_test, patell, boehmer_bmp,
        kolari_pynnonen, sign, generalized_sign, wilcoxon_v, grank_t``) use the events with
        an abnormal return on every day of the window (their standardisations need the
        whole window), while :meth:`car` sums the days each event has; ``bw_1985`` and
        ``rank`` sum day averages, each over the events with an abnormal return that day,
        so they keep every event. When some events miss a day of the window, an
        :class:`~eventstudy.exceptions.EventStudyWarning` says how many the CAR-based
        tests leave out and which tests keep them.
        """
        from . import significance

        sel = self._days(start, end)
        days = self.event_days[sel]
        has = np.isfinite(self.event_ar[:, sel])
        some, full = has.any(axis=1), has.all(axis=1)
        left_out = int(some.sum() - full.sum())
        if left_out:
            warnings.warn(
                f"{left_out} of the {int(some.sum())} events of car({int(days[0])}, {int(days[-1])}) miss a day of "
                f"the window: the CAR-based tests of car_tests ({', '.join(_CAR_BASED_TESTS)}) leave them out and "
                f"use the {int(full.sum())} events with an abnormal return on every day, while bw_1985 and rank "
                "average each day over the events with an abnormal return that day and keep them",
                EventStudyWarning,
                stacklevel=2,
            )
        return significance.car_tests(
            self.panel,
            int(days[0]),
            int(days[-1]),
            convention=self.convention,  # type: ignore[arg-type]
        )

    # ------------------------------------------------------------ output
    def to_frame(self) -> pd.DataFrame:
        """Tidy table: one row per event and event day.

        Columns: ``id, security, event_date, day, date, return, expected, ar, car``
        (``car`` cumulated from the first event day).
        """
        n, T = self.event_ar.shape
        car, _ = self._cumulative()
        return pd.DataFrame(
            {
                "id": np.repeat(self.event_ids, T),
                "security": np.repeat(self.securities, T),
                "event_date": pd.DatetimeIndex(np.repeat(self.event_dates, T).astype("datetime64[ns]")),
                "day": np.tile(self.event_days, n),
                "date": pd.DatetimeIndex(self.event_day_dates.reshape(-1).astype("datetime64[ns]")),
                "return": self.event_returns.reshape(-1),
                "expected": self.expected.reshape(-1),
                "ar": self.event_ar.reshape(-1),
                "car": car.reshape(-1),
            }
        )

    def _band(self, alpha: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        r"""AAR and mean CAR with the half-widths of their ``1 - alpha`` bands.

        Each half-width divides by the number of events in its own mean: :math:`N_t` events
        with an AR on day :math:`t` for the AAR, :math:`N^{CAR}_t` events with a CAR up to
        day :math:`t` (at least one AR from the first event day on) for the mean CAR,

        .. math::

            h^{AAR}_t = z_{1-\alpha/2}\frac{\sqrt{\sum_{i:\,AR_{it}} \hat\sigma_i^2 C_{it}}}{N_t},
            \qquad
            h^{CAR}_t = z_{1-\alpha/2}\frac{\sqrt{\sum_{i:\,CAR_{it}} \operatorname{Var}(CAR_{it})}}{N^{CAR}_t},

        the variance of a mean of independent terms (MacKinlay 1997, eq. 15-16); NaN where
        no event has the value.
        """
        z = special.ndtri(1 - alpha / 2)
        m = np.isfinite(self.event_ar)
        ar_var = np.where(m, self.sigma2[:, None] * self.pred_factor, 0.0).sum(axis=0)
        car, var = self._cumulative()
        has_car = np.isfinite(car)
        caar = _mean_observed(car)
        car_var = np.where(has_car, var, 0.0).sum(axis=0)
        n_ar, n_car = m.sum(axis=0), has_car.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            ar_hw = np.where(n_ar > 0, z * np.sqrt(ar_var) / np.maximum(n_ar, 1), np.nan)
            car_hw = np.where(n_car > 0, z * np.sqrt(car_var) / np.maximum(n_car, 1), np.nan)
        return self.aar.to_numpy(), ar_hw, caar, car_hw

    def plot(self, *, alpha: float = 0.05, title: str | None = None) -> Figure:
        """AAR (bars) and CAAR (line) with a ``1 - alpha`` confidence band; AR and CAR for one event.

        The band assumes independent events: :math:`\\pm z\\sqrt{\\sum_i \\operatorname{Var}(CAR_i)}/N`,
        with :math:`N` the events in the plotted mean on that day (those with a CAR there; see
        :meth:`_band`).
        Returns a :class:`matplotlib.figure.Figure` (no pyplot state; works headless).
        """
        from matplotlib.figure import Figure
        from matplotlib.ticker import MaxNLocator, PercentFormatter

        alpha = check_alpha(alpha)
        aar, aar_hw, caar, caar_hw = self._band(alpha)
        days = self.event_days
        one = self.n_events == 1
        level = f"{100 * (1 - alpha):.0f}%"
        fig = Figure(figsize=(7.5, 5.8), layout="constrained")
        ax1, ax2 = fig.subplots(2, 1, sharex=True)
        ax1.bar(days, 100 * aar, color="tab:blue", alpha=0.8, label="AR" if one else "AAR")
        ax1.errorbar(
            days,
            100 * aar,
            yerr=100 * aar_hw,
            fmt="none",
            ecolor="black",
            capsize=3,
            lw=1,
            label=f"{level} interval",
        )
        ax1.axhline(0, color="grey", lw=0.8)
        ax1.set_ylabel(
            ("Abnormal return" if one else "Average abnormal return") + " (AR)" * one + " (AAR)" * (not one)
        )
        ax1.legend(loc="best", fontsize="small")
        ax2.plot(days, 100 * caar, marker="o", color="tab:red", label="CAR" if one else "mean CAR")
        ax2.fill_between(
            days,
            100 * (caar - caar_hw),
            100 * (caar + caar_hw),
            color="tab:red",
            alpha=0.2,
            label=f"{level} confidence interval",
        )
        ax2.axhline(0, color="grey", lw=0.8)
        ax2.set_ylabel("Cumulative (CAR)" if one else "Mean CAR across events")
        ax2.set_xlabel("Trading day relative to the event (0 = event day)")
        ax2.legend(loc="best", fontsize="small")
        for ax in (ax1, ax2):
            # decimals=None: as many decimals as the axis range needs, so that no two tick
            # labels read alike (a fixed 1 decimal shows 0.0%, -0.0%, -0.1%, -0.1% for tiny AARs)
            ax.yaxis.set_major_formatter(PercentFormatter(decimals=None))
            ax.grid(axis="y", alpha=0.3)
        ax2.xaxis.set_major_locator(MaxNLocator(integer=True))
        who = f"{self.event_ids[0]}" if one else f"{self.n_events} events"
        fig.suptitle(title or f"Event study: {who}, {self.model.label}, estimation {self.estimation_label}")
        return fig

    def summary(self) -> Summary:
        """Text summary: set-up, per-day AAR/CAAR with the main tests (or one event's table), notes."""
        w = 86
        lines = ["Event Study Results".center(w), "=" * w]
        left = [
            ("Model:", self.model.label),
            ("Estimation window:", self.estimation_label),
            ("Event window:", self.event_label),
            ("Date policy:", self.date_policy),
            ("Test convention:", self.convention),
        ]
        right = [
            ("No. events:", str(self.n_events)),
            ("Dropped:", str(len(self.dropped))),
            ("Est. obs. (min):", f"{int(self.nobs.min())} ({self.min_estimation})"),
            ("Parameters:", str(self.n_params)),
            ("Return kind:", self.return_kind),
        ]
        for (a, b), (c, d) in zip(left, right, strict=True):
            lines.append(f"{a:<19}{b:<31}{c:<18}{d:>18}")
        lines.append("=" * w)
        notes = list(self.notes)
        if self.n_events == 1:
            f = self.event_frame(0)
            lines.append(f"Event {self.event_ids[0]} ({self.securities[0]}), day 0 = {self.event_dates[0]}")
            lines.append("-" * w)
            lines.append(
                f"{'day':>4} {'date':>10} {'return':>9} {'AR':>9} {'t':>7} {'P>|t|':>6} "
                f"{'CAR':>9} {'t':>7} {'P>|t|':>6} {'q(AR)':>5}"
            )
            for d, r in f.iterrows():
                lines.append(
                    f"{d:>4} {r['date']:%Y-%m-%d} {r['return']:>9.5f} {r['ar']:>9.5f} {r['ar_t']:>7.3f} "
                    f"{r['ar_p']:>6.3f} {r['car']:>9.5f} {r['car_t']:>7.3f} {r['car_p']:>6.3f} "
                    f"{r['ar_quantile']:>5.2f}"
                )
        else:
            try:
                tests = self.tests
            except ImportError:
                tests = None
                notes.append("Cross-sectional tests unavailable (eventstudy.stats.significance is missing).")
            cols = [("t_test", "t-test"), ("patell", "Patell"), ("boehmer_bmp", "BMP"), ("rank", "Rank")]
            head = f"{'day':>4} {'AAR':>9} {'CAAR':>9}"
            if tests is not None:
                cols = [c for c in cols if c[0] in tests.columns]
                head += "".join(f" {lab:>7} {'p':>6}" for _, lab in cols)
            lines.append(head)
            lines.append("-" * w)
            caar = self.caar
            for j, d in enumerate(self.event_days):
                row = f"{d:>4} {self.aar.iloc[j]:>9.5f} {caar.iloc[j]:>9.5f}"
                if tests is not None:
                    for key, _ in cols:
                        row += f" {tests[key].iloc[j]:>7.3f} {tests.get(key + '_p', pd.Series(np.nan, index=tests.index)).iloc[j]:>6.3f}"
                lines.append(row)
            c = self.car()
            lines.append("-" * w)
            cars = c["car"].to_numpy(dtype=float)
            cars = cars[np.isfinite(cars)]
            mean_car = float(cars.mean()) if cars.size else np.nan
            median_car = float(np.median(cars)) if cars.size else np.nan
            with np.errstate(invalid="ignore"):
                lines.append(
                    f"CAR over the window: mean {mean_car:.5f}, median {median_car:.5f}; "
                    f"{int(np.sum(c['p'] < 0.05))} of {self.n_events} events significant at 5% (MacKinlay t)."
                )
        lines.append("=" * w)
        if notes:
            lines.append("Notes:")
            for j, text in enumerate(notes, start=1):
                lines.extend(textwrap.wrap(f"[{j}] {text}", width=w, subsequent_indent="    "))
        return Summary("\n".join(lines))

    def __str__(self) -> str:
        return self.summary().as_text()

    def __repr__(self) -> str:
        return f"<EventStudyResults: {self.n_events} events, {self.model.label}, days {self.event_days[0]}..{self.event_days[-1]}>"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: set-up, per-day AAR/CAAR and tests, per-event CARs, dropped events, notes."""
        days = []
        try:
            tests = self.tests
        except ImportError:
            tests = None
        for j, d in enumerate(self.event_days):
            row: dict[str, Any] = {
                "day": int(d),
                "aar": _num(self.aar.iloc[j]),
                "caar": _num(self.caar.iloc[j]),
            }
            if tests is not None:
                row.update({str(k): _num(v) for k, v in tests.iloc[j].items()})
            days.append(row)
        es = self.event_stats
        events = [
            {
                "id": str(i),
                **{
                    k: (_num(v) if not isinstance(v, str | pd.Timestamp) else str(v)[:10])
                    for k, v in r.items()
                },
            }
            for i, r in es.iterrows()
        ]
        return {
            "model": self.model.name,
            "estimation": self.estimation_label,
            "event": self.event_label,
            "n_events": self.n_events,
            "days": days,
            "events": events,
            "dropped": [
                {"id": str(i), "security": str(r["security"]), "date": str(r["date"]), "reason": r["reason"]}
                for i, r in self.dropped.iterrows()
            ],
            "notes": list(self.notes),
        }


#: The CAR tests that use only the events with an abnormal return on every day of the window.
_CAR_BASED_TESTS = (
    "t_test",
    "patell",
    "boehmer_bmp",
    "kolari_pynnonen",
    "sign",
    "generalized_sign",
    "wilcoxon_v",
    "grank_t",
)


def _mean_observed(x: np.ndarray) -> np.ndarray:
    r"""Column means over the finite values, :math:`\frac{1}{N_t}\sum_{i: x_{it}\,\text{finite}} x_{it}`.

    NaN for a column without a value, and no "Mean of empty slice" warning (``np.nanmean``
    warns there, and a blank day is a normal outcome here, not a fault of the caller).
    """
    ok = np.isfinite(x)
    cnt = ok.sum(axis=0)
    total = np.sum(x, axis=0, where=ok)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(cnt > 0, total / np.maximum(cnt, 1), np.nan)


def _event_day(value: Any, name: str) -> int:
    """An event day given as ``start`` or ``end``: a whole number, else a typed error."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer | float | np.floating):
        raise StudyError(
            f"{name}={value!r} is not an event day; give a whole number of trading days, e.g. -1 or 1"
        )
    if not float(value).is_integer():
        raise StudyError(f"{name}={value!r} is not a whole number of trading days; give e.g. -1 or 1")
    return int(value)


def check_alpha(alpha: Any) -> float:
    """A significance level strictly between 0 and 1, else :class:`~eventstudy.exceptions.StudyError`."""
    try:
        a = float(alpha)
    except (TypeError, ValueError):
        a = float("nan")
    if isinstance(alpha, bool) or not 0.0 < a < 1.0:
        raise StudyError(
            f"alpha={alpha!r} is not a significance level; give a number between 0 and 1, e.g. 0.05"
        )
    return a


def _num(v: Any) -> Any:
    if isinstance(v, np.integer | int) and not isinstance(v, bool):
        return int(v)
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    return f if np.isfinite(f) else None
