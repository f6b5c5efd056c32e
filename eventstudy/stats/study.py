r"""The event study model: data and settings in, an immutable results object out.

>>> import numpy as np, pandas as pd
>>> from eventstudy.stats import EventStudy, Event
>>> days = pd.bdate_range("2023-01-02", periods=300)
>>> rng = np.random.default_rng(0)
>>> market = pd.Series(rng.normal(0, 0.01, 300), index=days)
>>> returns = pd.DataFrame({"AAA": 0.5 * market + rng.normal(0, 0.01, 300)}, index=days)
>>> res = EventStudy(returns, market, [Event("AAA", "2024-02-01")]).run()
>>> res.event_frame(0).columns.tolist()[:4]
['date', 'return', 'expected', 'ar']

All events are computed together: the estimation and event windows of every event are
gathered by index arrays into ``(N, L)`` and ``(N, T)`` matrices (in chunks that bound
the memory used) and fitted by batched closed-form OLS (:mod:`eventstudy.stats.ols`).

References
----------
MacKinlay, A. C. (1997). Event studies in economics and finance. *Journal of Economic
Literature* 35(1), 13-39.
Campbell, J. Y., Lo, A. W., MacKinlay, A. C. (1997). *The Econometrics of Financial
Markets*, chapter 4. Princeton University Press.
"""

from __future__ import annotations

import math
import warnings
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view

from ..exceptions import EventStudyWarning, InsufficientDataError, StudyError
from ..policies import DEFAULT_DATE_POLICY, DatePolicy, ModelName, ReturnKind, validate
from .models import ExpectedReturnModel, get_model
from .parallel import MIN_CELLS, n_threads, run_parts
from .results import EventStudyResults
from .significance_shared import Convention
from .windows import (
    DateWindow,
    Event,
    RelativeWindow,
    align_event_dates,
    parse_events,
    parse_window,
    window_positions,
)

__all__ = ["EventStudy"]

#: Target number of ``(event, day)`` cells per chunk (bounds temporary memory to ~ tens of MB).
_CHUNK_CELLS = 400_000


class EventStudy:
    r"""An event study: abnormal returns of securities around their event dates.

    Parameters
    ----------
    returns
        Wide table of daily returns (sorted ``DatetimeIndex`` x securities); NaN where
        missing. Its rows are the trading days that windows count. Use
        :func:`~eventstudy.stats.returns_from_prices` to make it from prices.
    benchmark
        Benchmark (market index) returns, a Series (or one-column frame) on the same
        dates; needed by the ``"market"`` and ``"market-adjusted"`` models. Make both
        from prices with :func:`~eventstudy.stats.common_date_returns`: returns computed
        on each table's own dates pair a one-day move with a two-day one wherever one
        table lacks a date.
    events
        The events: a DataFrame with columns ``security`` and ``date`` (optionally
        ``id``), a sequence of :class:`~eventstudy.stats.Event`, or (with calendar-date
        windows) a sequence of security names or ``None`` for every column. An event
        whose security is not a column is dropped (listed in ``results.dropped`` with
        its reason), unless every event is: then
        :class:`~eventstudy.exceptions.UnknownSecurityError` is raised. Dates given as
        text must be ISO (``YYYY-MM-DD``, optionally with a time). An event that repeats
        an earlier event's security and day 0 (after the dates are moved to trading days)
        is dropped with its reason and a note, the first being kept: the two share every
        return, so counting both would treat one observation as two independent ones and
        overstate the significance of every test.
    factors
        Factor returns (dates x factors) for ``model="factor"``.
    model
        ``"market"`` (default), ``"market-adjusted"``, ``"constant-mean"``, ``"factor"``
        or an :class:`~eventstudy.stats.models.ExpectedReturnModel` object.
    estimation, event
        Windows: ``(start, end)`` trading days relative to day 0 (defaults
        ``(-250, -11)`` and ``(-1, 1)``), or ``(start_date, end_date)`` calendar dates
        (inclusive; then every event shares them and day 0 is the event date, or the
        first day of the event window when the events have no date). The estimation
        window lies before the event window, or wholly after it (a post-event estimation
        window, e.g. ``estimation=(11, 250)``, when the event may have changed the pre-event
        parameters); the two must not overlap.
    min_estimation
        Fewest non-missing estimation returns an event needs; default half the
        estimation window (and never fewer than the parameters + 2). An estimation
        window that starts before the first row of ``returns`` uses the rows there are
        (like missing returns; a note says so) when they are at least ``min_estimation``.
    date_policy
        An event date that is not a row of ``returns``: ``"next"`` (default) trading
        day, ``"previous"`` one, ``"skip"`` (drop the event, listed in ``dropped``) or
        ``"error"`` (raise :class:`~eventstudy.exceptions.NotATradingDayError`).
    calendar
        Exchange code (e.g. ``"XLON"``). When given, event timestamps with a time of
        day are mapped by :func:`eventstudy.calendar.session_of_timestamp`: news at or
        after the close belongs to the next session. Without it the time is ignored
        (and a note says so).
    return_kind
        Whether ``returns`` are ``"simple"`` or ``"log"`` returns; used only to
        compound buy-and-hold abnormal returns (BHAR).
    convention
        Conventions of the cross-sectional tests: ``"paper"`` (the original papers,
        default) or ``"estudy2"`` (the R package estudy2, reproducing its vignette); see
        :mod:`eventstudy.stats.significance`.

    Raises
    ------
    StudyError
        If a simple return (``return_kind="simple"``) of ``returns`` or the benchmark
        is below -1, a loss of more than 100% (most often returns in per cent).

    Warns
    -----
    EventStudyWarning
        If a column of ``returns``, the benchmark or the factors looks like prices
        rather than returns (median absolute value above 1) or like returns in per cent
        (median absolute value above 0.1); the caveat is also kept in the notes of the
        results. Factors given to a model without factors leave a note.

    Notes
    -----
    With parameters :math:`\hat\theta_i` estimated on :math:`L_i` non-missing estimation
    days, the abnormal return on event day :math:`t` is
    :math:`AR_{it} = R_{it} - x_t'\hat\theta_i` and, by MacKinlay (1997, eq. 7-8), the
    cumulative abnormal return over event days :math:`\tau_1..\tau_2` has

    .. math::

        \operatorname{Var}(CAR_i) = \hat\sigma_i^2\, g'\left(I + X_i^*(X_i'X_i)^{-1}X_i^{*\prime}\right) g,
        \qquad \hat\sigma_i^2 = \frac{RSS_i}{L_i - k},

    with :math:`g` a vector of ones over the non-missing event days.

    Examples
    --------
    See the module docstring.
    """

    def __init__(
        self,
        returns: pd.DataFrame | pd.Series,
        benchmark: pd.Series | pd.DataFrame | None = None,
        events: pd.DataFrame | Sequence[Event] | Sequence[str] | None = None,
        *,
        factors: pd.DataFrame | None = None,
        model: ModelName | ExpectedReturnModel = "market",
        estimation: tuple[Any, Any] = (-250, -11),
        event: tuple[Any, Any] = (-1, 1),
        min_estimation: int | None = None,
        date_policy: DatePolicy = DEFAULT_DATE_POLICY,
        calendar: str | None = None,
        return_kind: ReturnKind = "simple",
        convention: Convention = "paper",
    ) -> None:
        self._model = get_model(model)
        self._convention = validate(convention, Convention, "convention")
        self._date_policy = validate(date_policy, DatePolicy, "date_policy")
        self._return_kind = validate(return_kind, ReturnKind, "return_kind")
        self._returns = _parse_returns(returns)
        index = self._returns.index
        self._benchmark = _parse_benchmark(benchmark, index) if benchmark is not None else None
        self._factors = _parse_factors(factors, index) if factors is not None else None
        self._factor_names = (
            [str(c) for c in factors.columns] if isinstance(factors, pd.DataFrame) else ["factor"]
        )
        self._input_notes = self._check_units(benchmark)
        if self._factors is not None and not self._model.uses_factors:
            self._input_notes += (
                f"The factors were not used: the {self._model.label} has no factors (use model='factor').",
            )
        if self._benchmark is not None and not self._model.uses_benchmark:
            # the tests must use the model's own regressors: a benchmark kept here would enter
            # the prediction errors of the CAR tests (BMP, KP, GRANK) and of Lamb's test
            self._benchmark = None
            self._input_notes += (
                f"The benchmark was not used: the {self._model.label} "
                + (
                    "takes its regressors from the factors"
                    if self._model.uses_factors
                    else "has no regressor"
                )
                + "; its abnormal returns and tests use the model's own regressors only"
                + (" (add the benchmark as a factor to include it)." if self._model.uses_factors else "."),
            )
        if self._model.uses_benchmark and self._benchmark is None:
            raise StudyError(f"model={self._model.name!r} needs benchmark returns; pass benchmark=")
        if self._model.uses_factors and (self._factors is None or self._factors.shape[1] == 0):
            raise StudyError("model='factor' needs factor returns; pass factors= (dates x factors)")
        self._estimation = parse_window(estimation, "estimation")
        self._event = parse_window(event, "event")
        if type(self._estimation) is not type(self._event):
            raise StudyError(
                "estimation and event windows must both be trading days relative to the event "
                "or both be calendar dates"
            )
        est_w, ev_w = self._estimation, self._event
        if not (est_w.end < ev_w.start or est_w.start > ev_w.end):  # type: ignore[operator]
            raise StudyError(
                f"estimation window {est_w.label()} overlaps the event window {ev_w.label()}; end the "
                "estimation window before the event window starts (or start it after the event window ends)"
            )
        self._events = parse_events(events, list(map(str, self._returns.columns)), allow_unknown=True)
        if self._events["date"].isna().any() and isinstance(self._event, RelativeWindow):
            raise StudyError("with windows relative to the event give every event a date")
        if min_estimation is not None and (
            not isinstance(min_estimation, int | np.integer) or min_estimation < 1
        ):
            raise StudyError(f"min_estimation={min_estimation!r} must be a positive integer")
        self._min_estimation = min_estimation
        self._calendar = calendar
        if isinstance(self._estimation, RelativeWindow) and isinstance(self._event, RelativeWindow):
            # an estimation window that starts before the table is cut to the table's rows,
            # so the table needs min_estimation days, the gap and the event window; one after
            # the event window (post-event estimation) needs every day up to its end
            est, evw = self._estimation, self._event
            if est.end < evw.start:
                need = evw.end - (est.end - self._min_est(est.length) + 1) + 1
                span = f"{self._min_est(est.length)} estimation days up to day {est.end:+d}, then to day {evw.end:+d}"
            else:
                need = est.end - evw.start + 1
                span = f"from day {evw.start:+d} of the event window to day {est.end:+d} of the estimation window"
            if need > len(index):
                raise InsufficientDataError(
                    f"the windows need at least {need} trading days ({span}) but the returns table has only "
                    f"{len(index)} rows; shorten the windows, lower min_estimation or give a longer returns table"
                )

    # ------------------------------------------------------------------ run
    def run(self) -> EventStudyResults:
        """Estimate the model for every event and return the results (the model is not changed)."""
        returns, model = self._returns, self._model
        index = returns.index
        n_days = len(index)
        ev = self._events
        notes: list[str] = list(self._input_notes)
        sec_pos = pd.Index(list(map(str, returns.columns))).get_indexer(ev["security"])
        n = len(ev)
        reason = np.full(n, None, dtype=object)
        unknown = sec_pos < 0  # dropped with a reason, like events outside the returns table
        unknown_reason = np.full(n, None, dtype=object)  # written only for the unknown ones
        for i in np.flatnonzero(unknown):
            unknown_reason[i] = f"security {ev['security'].iloc[i]!r} not in the returns table"

        if isinstance(self._estimation, DateWindow) and isinstance(self._event, DateWindow):
            est_pos = window_positions(self._estimation, index, "estimation")
            ev_pos = window_positions(self._event, index, "event")
            if self._estimation.start < index[0]:
                notes.append(
                    f"The estimation window {self._estimation.label()} starts before the first row of the "
                    f"returns table; it uses {index[est_pos[0]]:%Y-%m-%d} .. {index[est_pos[-1]]:%Y-%m-%d}."
                )
            if self._event.end > index[-1] or self._event.start < index[0]:
                notes.append(self._cut_event_window_note(index, ev_pos))
            if ev["date"].notna().any():
                aligned, days, ignored = align_event_dates(
                    ev["date"].fillna(index[ev_pos[0]]),
                    index,
                    policy=self._date_policy,
                    calendar=self._calendar,
                )
                reason = aligned.reason.copy()
                reason[unknown] = unknown_reason[unknown]
                ok = aligned.position[(aligned.position >= 0) & ~unknown]
                if len(np.unique(ok)) > 1:
                    raise StudyError(
                        "with calendar-date windows every event shares one event date; give relative "
                        "windows (e.g. estimation=(-250, -11), event=(-1, 1)) for events on different dates"
                    )
                day0 = int(ok[0]) if len(ok) else int(ev_pos[0])
                self._date_notes(aligned.moved, ignored, ev, notes, unknown)
            else:
                day0 = int(ev_pos[0])
                days = np.full(n, index[day0].to_datetime64())
                reason[unknown] = unknown_reason[unknown]
            event_days = ev_pos - day0
            est_rel, ev_rel = est_pos - day0, event_days
            position = np.where(pd.isnull(reason), day0, -1)
            est_label, ev_label = self._estimation.label(), self._event.label()
        else:
            assert isinstance(self._estimation, RelativeWindow) and isinstance(self._event, RelativeWindow)
            aligned, days, ignored = align_event_dates(
                ev["date"], index, policy=self._date_policy, calendar=self._calendar
            )
            reason = aligned.reason.copy()
            position = aligned.position.copy()
            reason[unknown] = unknown_reason[unknown]
            position[unknown] = -1
            self._date_notes(aligned.moved, ignored, ev, notes, unknown)
            est_rel = np.arange(self._estimation.start, self._estimation.end + 1)
            ev_rel = np.arange(self._event.start, self._event.end + 1)
            event_days = ev_rel
            lo = min(self._estimation.start, self._event.start)
            hi = max(self._estimation.end, self._event.end)
            ok = position >= 0
            # an estimation window that starts before the table keeps the days the table
            # has (min_estimation decides); one with no day in the table cannot be used
            early = ok & (position + min(self._estimation.end, self._event.start) < 0)
            late = ok & (position + hi >= n_days)
            reason[early] = f"the returns table starts fewer than {-lo} trading days before the event"
            reason[late] = f"the returns table ends fewer than {hi} trading days after the event"
            position[early | late] = -1
            est_label, ev_label = self._estimation.label(), self._event.label()

        L, T = len(est_rel), len(ev_rel)
        k = model.n_params(self._n_regressors())
        min_est = self._min_est(L)
        if min_est > L:
            if self._min_estimation is None:
                raise StudyError(
                    f"the estimation window has {L} days but the {model.name} model needs at least {min_est} "
                    "returns to estimate its parameters and their variance; widen the estimation window"
                )
            raise StudyError(
                f"min_estimation={min_est} exceeds the {L} days of the estimation window; lower it or widen the window"
            )
        self._drop_repeats(sec_pos, position, reason, ev, n_days, notes)
        cand = np.flatnonzero(position >= 0)
        if len(cand) == 0:
            raise _all_dropped(n, reason)
        out = self._compute(sec_pos[cand], position[cand], est_rel, ev_rel)

        keep = np.ones(len(cand), dtype=bool)
        short = out["nobs"] < min_est
        cut = position[cand] + est_rel[0] < 0  # estimation window starts before the table
        singular = out["singular"] & ~short
        no_event = (out["n_event"] == 0) & ~short & ~singular
        # a model that fits the estimation window exactly (the security is its own benchmark)
        # leaves no residual variance: its standardised tests would divide noise by ~0
        exact = (np.asarray(out["sigma2"]) <= _EXACT_FIT_VARIANCE) & ~short & ~singular & ~no_event
        for mask, text in (
            (
                short,
                lambda j: (
                    f"only {out['nobs'][j]} estimation returns (min_estimation={min_est}"
                    + (
                        f"; the returns table starts fewer than {-est_rel[0]} trading days before the event)"
                        if cut[j]
                        else ")"
                    )
                ),
            ),
            (singular, lambda j: "the regressors do not vary in the estimation window (singular X'X)"),
            (no_event, lambda j: "no returns in the event window"),
            (
                exact,
                lambda j: (
                    "the model fits the estimation window exactly (residual variance 0: is the "
                    "security its own benchmark?)"
                ),
            ),
        ):
            for j in np.flatnonzero(mask):
                reason[cand[j]] = text(j)
            keep &= ~mask
        kept = cand[keep]
        if len(kept) == 0:
            raise _all_dropped(n, reason)
        if not keep.all():
            out = {
                key: (v[keep] if isinstance(v, np.ndarray) and v.ndim and v.shape[0] == len(cand) else v)
                for key, v in out.items()
            }

        dropped_idx = np.flatnonzero(~pd.isnull(reason))
        dropped = pd.DataFrame(
            {
                "security": ev["security"].to_numpy()[dropped_idx],
                "date": [ev["date"].iloc[i] for i in dropped_idx],
                "reason": reason[dropped_idx].astype(str),
            },
            index=pd.Index(ev["id"].to_numpy()[dropped_idx], name="id"),
        )
        if len(dropped):
            counts = Counter(dropped["reason"])
            notes.append(
                f"{len(dropped)} of {n} events were dropped (listed in results.dropped): "
                + "; ".join(f"{c} x {r}" for r, c in counts.most_common(3))
                + ("; ..." if len(counts) > 3 else "")
                + "."
            )
        n_cut = int(np.sum(cut[keep]))
        if n_cut:
            notes.append(
                f"{n_cut} of {len(kept)} events have an estimation window that starts before the first row of "
                f"the returns table; they use the days the table has (the fewest {int(out['nobs'][cut[keep]].min())} "
                f"estimation returns, min_estimation={min_est})."
            )
        short_inside = (out["nobs"] < L) & ~cut[keep]  # missing returns inside the table
        n_short = int(np.sum(short_inside))
        if n_short:
            notes.append(
                f"{n_short} of {len(kept)} events have fewer than {L} estimation returns (missing returns are "
                f"skipped; the fewest used is {int(out['nobs'][short_inside].min())}, min_estimation={min_est})."
            )
        n_ev_missing = int(np.sum(out["n_event"] < T))
        if n_ev_missing:
            notes.append(
                f"{n_ev_missing} events miss returns on some event-window days (their ARs are NaN): the "
                + ("security's or the benchmark's return " if model.uses_benchmark else "security's return ")
                + "is missing there (a day one of them did not trade, or a gap in the data). car() sums "
                "the days there are; car_tests() leaves these events out of a window holding such a day."
            )

        if isinstance(self._event, DateWindow):
            ev_positions = np.broadcast_to(ev_rel + position[kept][:, None], (len(kept), T))
        else:
            ev_positions = position[kept][:, None] + ev_rel[None, :]
        param_names = self._param_names()
        return EventStudyResults(
            model=model,
            event_ids=ev["id"].to_numpy()[kept],
            securities=ev["security"].to_numpy()[kept],
            event_dates=index.to_numpy()[position[kept]].astype("datetime64[D]"),
            requested_dates=np.asarray(days)[kept].astype("datetime64[D]"),
            event_days=np.asarray(event_days, dtype=int),
            event_day_dates=index.to_numpy()[ev_positions].astype("datetime64[D]"),
            est_ar=out["est_ar"],
            est_market=out["est_market"],
            event_ar=out["event_ar"],
            event_market=out["event_market"],
            event_returns=out["event_returns"],
            expected=out["expected"],
            pred_factor=out["pred_factor"],
            x_event=out["x_event"],
            params=out["params"],
            param_names=tuple(param_names),
            xtx_inv=out["xtx_inv"],
            nobs=out["nobs"],
            sigma2=out["sigma2"],
            n_params=k,
            dropped=dropped,
            notes=tuple(notes),
            estimation_label=est_label,
            event_label=ev_label,
            date_policy=self._date_policy,
            min_estimation=min_est,
            return_kind=self._return_kind,
            convention=self._convention,
        )

    fit = run

    # ------------------------------------------------------------ helpers
    def _check_units(self, benchmark: pd.Series | pd.DataFrame | None) -> tuple[str, ...]:
        """Check the units of the returns, benchmark and factors.

        Raises on an impossible simple return (below -100%); warns (and keeps a note for
        the results) if values look like prices or like returns in per cent.
        """
        dates = self._returns.index
        kind = self._return_kind
        found = [
            _units_note(
                self._returns.to_numpy(), list(map(str, self._returns.columns)), "returns", dates, kind
            )
        ]
        if self._benchmark is not None:
            name = getattr(benchmark, "name", None) if isinstance(benchmark, pd.Series) else None
            if isinstance(benchmark, pd.DataFrame):
                name = benchmark.columns[0]
            found.append(_units_note(self._benchmark, [str(name or "benchmark")], "benchmark", dates, kind))
        if self._factors is not None:
            found.append(_units_note(self._factors, self._factor_names, "factors", dates, None))
        notes = tuple(n for n in found if n is not None)
        for text in notes:
            warnings.warn(text, EventStudyWarning, stacklevel=3)
        return notes

    def _cut_event_window_note(self, index: pd.DatetimeIndex, ev_pos: np.ndarray) -> str:
        """The note for a calendar-date event window that runs past an end of the returns table."""
        window = self._event
        assert isinstance(window, DateWindow)
        first, last = index[ev_pos[0]], index[ev_pos[-1]]
        parts = []
        if window.start < index[0]:
            gap_end = index[0] - pd.Timedelta(days=1)
            parts.append(
                f"before its first row ({window.start:%Y-%m-%d} .. {gap_end:%Y-%m-%d} have no returns)"
            )
        if window.end > index[-1]:
            gap_start = index[-1] + pd.Timedelta(days=1)
            parts.append(
                f"after its last row ({gap_start:%Y-%m-%d} .. {window.end:%Y-%m-%d} have no returns)"
            )
        return (
            f"The event window {window.label()} runs past the returns table, "
            + " and ".join(parts)
            + f"; it holds only the {len(ev_pos)} trading day(s) {first:%Y-%m-%d} .. {last:%Y-%m-%d}, so the CARs "
            "and tests leave out the missing days: give returns that cover the whole event window."
        )

    def _min_est(self, L: int) -> int:
        """Fewest estimation returns an event needs: ``min_estimation``, or half the window (at least k + 2)."""
        if self._min_estimation is not None:
            return int(self._min_estimation)
        return max(math.ceil(L / 2), self._model.n_params(self._n_regressors()) + 2)

    @staticmethod
    def _drop_repeats(
        sec_pos: np.ndarray,
        position: np.ndarray,
        reason: np.ndarray,
        ev: pd.DataFrame,
        n_days: int,
        notes: list[str],
    ) -> None:
        r"""Drop events that repeat an earlier event's security and day 0 (in place; the first is kept).

        Two events of one security on one day (a row given twice, or a weekend date moved
        onto another event's day) share every return: they are one observation, and
        counting them twice would shrink every test's standard error by :math:`\sqrt{2}`.
        """
        valid = np.flatnonzero(position >= 0)
        if len(valid) < 2:
            return
        key = sec_pos[valid].astype(np.int64) * (n_days + 1) + position[valid]
        dup = pd.Index(key).duplicated(keep="first")
        if not dup.any():
            return
        rep = valid[dup]
        first = valid[int(np.flatnonzero(key == key[dup][0])[0])]
        reason[rep] = "repeats an earlier event's security and day 0 (the first is kept)"
        position[rep] = -1
        ids = ev["id"].to_numpy()
        notes.append(
            f"{len(rep)} event(s) repeat the security and day 0 of an earlier event and were dropped, keeping "
            f"the first (e.g. {ids[rep[0]]!r} repeats {ids[first]!r}): a repeated event is one observation, "
            "and counting it twice would overstate the significance of every test."
        )

    def _n_regressors(self) -> int:
        if self._model.uses_factors:
            assert self._factors is not None
            return int(self._factors.shape[1])
        return 1 if self._model.uses_benchmark else 0

    def _param_names(self) -> list[str]:
        m = self._model
        if m.n_params(self._n_regressors()) == 0:
            return []
        if m.uses_factors:
            assert self._factors is not None
            return ["alpha"] + [f"beta_{c}" for c in self._factor_names]
        return ["alpha", "beta"] if m.uses_benchmark else ["mu"]

    def _date_notes(
        self, moved: list, ignored: list[int], ev: pd.DataFrame, notes: list[str], unknown: np.ndarray
    ) -> None:
        """Notes on moved event dates and ignored times of day (events of unknown securities left out)."""
        moved = [m for m in moved if not unknown[m[0]]]
        ignored = [i for i in ignored if not unknown[i]]
        if moved:
            shown = ", ".join(f"{ev['id'].iloc[i]} {a} -> {b}" for i, a, b, _ in moved[:5])
            whys = sorted({w for *_, w in moved})
            notes.append(
                f"{len(moved)} event date(s) moved to a trading day of the returns table "
                f"({'; '.join(whys)}): {shown}{', ...' if len(moved) > 5 else ''}."
            )
        if ignored:
            notes.append(
                f"The time of day of {len(ignored)} event date(s) was ignored (no calendar given); pass "
                "calendar='XLON' (the exchange code) to move news published after the close to the next session."
            )

    def _compute(
        self, sec: np.ndarray, pos: np.ndarray, est_rel: np.ndarray, ev_rel: np.ndarray
    ) -> dict[str, np.ndarray]:
        """Fit every event (chunked, vectorised) and return the stacked arrays."""
        model = self._model
        # estimation windows that start before the table read NaN rows put in front of it
        pad = max(0, -int(pos.min()) - int(est_rel[0])) if len(pos) else 0
        values = self._returns.to_numpy(dtype=float)
        # (and a table shorter than the windows is padded to their length: the sliding
        # windows below need at least that many rows)
        pad = max(pad, len(est_rel) + len(ev_rel) - values.shape[0])
        if pad:
            rt = np.full((values.shape[1], pad + values.shape[0]), np.nan)
            rt[:, pad:] = values.T
            pos = pos + pad
        else:
            rt = np.ascontiguousarray(values.T)  # (S, D)
        mkt = self._benchmark
        if mkt is not None and pad:
            mkt = np.concatenate([np.full(pad, np.nan), mkt])
        zsrc = None
        if model.uses_factors:
            assert self._factors is not None
            zsrc = self._factors
            if pad:
                zsrc = np.concatenate([np.full((pad, zsrc.shape[1]), np.nan), zsrc])
        elif model.uses_benchmark:
            assert mkt is not None
            zsrc = mkt[:, None]
        p = self._n_regressors()
        k = model.n_params(p)
        n, L, T = len(sec), len(est_rel), len(ev_rel)
        out = {
            "est_ar": np.empty((n, L)),
            "est_market": np.empty((n, L)) if mkt is not None else None,
            "event_ar": np.empty((n, T)),
            "event_market": np.empty((n, T)) if mkt is not None else None,
            "event_returns": np.empty((n, T)),
            "expected": np.empty((n, T)),
            "pred_factor": np.empty((n, T)),
            "x_event": np.empty((n, T, k)),
            "params": np.empty((n, k)),
            "xtx_inv": np.empty((n, k, k)),
            "nobs": np.empty(n, dtype=np.int64),
            "n_event": np.empty(n, dtype=np.int64),
            "sigma2": np.empty(n),
            "singular": np.empty(n, dtype=bool),
        }
        # Both windows are runs of consecutive rows: gather them as rows of sliding-window
        # views (one contiguous copy per event and window, no element-wise fancy indexing).
        assert np.array_equal(est_rel, np.arange(est_rel[0], est_rel[0] + L))
        assert np.array_equal(ev_rel, np.arange(ev_rel[0], ev_rel[0] + T))
        r_est_w = sliding_window_view(rt, L, axis=1)  # (S, D - L + 1, L)
        r_ev_w = sliding_window_view(rt, T, axis=1)
        m_est_w = sliding_window_view(mkt, L) if mkt is not None else None
        m_ev_w = sliding_window_view(mkt, T) if mkt is not None else None
        f_est_w = sliding_window_view(zsrc, L, axis=0) if model.uses_factors else None  # (D-L+1, K, L)
        f_ev_w = sliding_window_view(zsrc, T, axis=0) if model.uses_factors else None
        one = zsrc is not None and not model.uses_factors  # the benchmark is the only regressor
        # chunks of events (bounded temporaries), fitted side by side in threads on a large
        # study: each chunk writes its own rows of ``out``, and an event's numbers do not
        # depend on the chunk it falls in
        threads = max(1, min(n_threads(), n * (L + T) // MIN_CELLS))
        step = max(1, _CHUNK_CELLS // max(L + T, 1))
        if threads > 1:  # a few chunks per thread, so that a thread that starts late delays little
            step = min(step, -(-n // (4 * threads)))
        chunks = [(lo, min(n, lo + step)) for lo in range(0, n, step)]

        def fit_chunk(rows: tuple[int, int]) -> None:
            lo, hi = rows
            s = sec[lo:hi]
            e0 = pos[lo:hi] + est_rel[0]
            v0 = pos[lo:hi] + ev_rel[0]
            y = r_est_w[s, e0]
            r = r_ev_w[s, v0]
            if m_est_w is not None and m_ev_w is not None:
                out["est_market"][lo:hi] = m_est_w[e0]
                out["event_market"][lo:hi] = m_ev_w[v0]
            if one:
                x_est, x_ev = out["est_market"][lo:hi], out["event_market"][lo:hi]
                z_est, z_ev = x_est[:, :, None], x_ev[:, :, None]
                m_est = np.isfinite(y) & np.isfinite(x_est)
                m_ev = np.isfinite(r) & np.isfinite(x_ev)
            elif f_est_w is not None and f_ev_w is not None:
                z_est = f_est_w[e0].transpose(0, 2, 1)
                z_ev = f_ev_w[v0].transpose(0, 2, 1)
                m_est = np.isfinite(y) & np.isfinite(z_est).all(axis=2)
                m_ev = np.isfinite(r) & np.isfinite(z_ev).all(axis=2)
            else:
                z_est = np.empty(y.shape + (0,))
                z_ev = np.empty(r.shape + (0,))
                m_est, m_ev = np.isfinite(y), np.isfinite(r)
            fit = model.fit(y, z_est, m_est)
            expected = model.expected(fit.params, z_ev)
            design = model.design(z_ev)
            a = fit.xtx_inv
            out["est_ar"][lo:hi] = fit.resid
            out["event_ar"][lo:hi] = np.where(m_ev, r - expected, np.nan)
            out["event_returns"][lo:hi] = r
            out["expected"][lo:hi] = expected
            # 1 + x_t' (X'X)^-1 x_t for every event day; two steps (a batched matmul, then a
            # row-wise dot) are ~4x faster than one three-operand einsum
            out["pred_factor"][lo:hi] = 1.0 + np.einsum("ntk,ntk->nt", design @ a, design)
            out["x_event"][lo:hi] = design
            out["params"][lo:hi] = fit.params
            out["xtx_inv"][lo:hi] = a
            out["nobs"][lo:hi] = fit.nobs
            out["n_event"][lo:hi] = m_ev.sum(axis=1)
            out["sigma2"][lo:hi] = fit.sigma2
            out["singular"][lo:hi] = fit.singular

        run_parts(fit_chunk, chunks, threads=threads)
        return out


def _parse_returns(returns: pd.DataFrame | pd.Series) -> pd.DataFrame:
    if isinstance(returns, pd.Series):
        returns = returns.to_frame(name=str(returns.name) if returns.name is not None else "security")
    if not isinstance(returns, pd.DataFrame):
        raise StudyError(f"returns must be a DataFrame (dates x securities); got {type(returns).__name__}")
    if not isinstance(returns.index, pd.DatetimeIndex):
        raise StudyError(
            "returns must be indexed by a DatetimeIndex; parse the date column (index_col, parse_dates)"
        )
    if returns.index.tz is not None:
        returns = returns.set_axis(_local_dates(returns.index, "returns"), axis=0)
    # a row is a trading day: times of day (closes stamped 16:30) are dropped first, so that
    # two rows of one day are caught as a repeated date rather than counted as two days
    day_index = returns.index.normalize()
    if not day_index.is_monotonic_increasing or day_index.has_duplicates:
        raise StudyError(
            "the returns index must be sorted dates without duplicates (one row per day, whatever its time "
            "of day); sort it and drop repeats"
        )
    if len(returns) == 0 or returns.shape[1] == 0:
        raise InsufficientDataError("the returns table is empty")
    names = returns.columns.map(str)
    if names.has_duplicates:
        raise StudyError(
            f"the returns table has two columns named {names[names.duplicated()][0]!r}; give each security one column"
        )
    returns = _as_numbers(returns, "returns")
    if np.isinf(returns.to_numpy()).any():
        col = returns.columns[np.isinf(returns.to_numpy()).any(axis=0)][0]
        raise StudyError(
            f"the returns of {col!r} hold an infinite value (a return from a price of 0?); "
            "fix the prices or set that return to NaN"
        )
    returns.index = day_index
    return returns


def _local_dates(index: pd.DatetimeIndex, what: str) -> pd.DatetimeIndex:
    """The dates of a time-zone-aware index whose stamps are midnights of its own zone.

    yfinance stamps each session at midnight in the exchange's zone: dropping the zone keeps
    the session's date. Stamps at other times (the same sessions in UTC: Tokyo's midnight is
    15:00 UTC the day before) would shift every day, so they are refused: a returns table
    names no exchange whose zone could be used. (:func:`eventstudy.prices.answer.local_dates`
    converts such stamps instead, since a price source answers for a known ticker.)
    """
    if not (index.hour == 0).all() or not (index.minute == 0).all():
        first = index[(index.hour != 0) | (index.minute != 0)][0]
        raise StudyError(
            f"the {what} are stamped in the time zone {index.tz} at times other than midnight "
            f"(first {first}), so their dates depend on the zone: convert them to the exchange's "
            "own zone first (e.g. .tz_convert('Asia/Tokyo')) or give plain dates"
        )
    return index.tz_localize(None)


def _as_numbers(table: pd.DataFrame | pd.Series, what: str) -> Any:
    """``table`` as floats, or the typed error naming the input that holds text."""
    try:
        return table.astype(float)
    except (TypeError, ValueError) as e:
        raise StudyError(f"{what} must be numbers; a column holds text (use NaN for a missing value)") from e


#: Largest median absolute daily return a column may have; above it the values look like prices.
_MAX_MEDIAN_ABS_RETURN = 1.0

#: Largest median absolute daily return of a column of returns given as fractions; above it
#: (a move of more than 10% on half of the days) the values look like returns in per cent.
_MAX_MEDIAN_ABS_FRACTION = 0.1


#: Residual variance at or below this (a residual s.d. of 1e-10, i.e. 1e-8 %) is an exact fit.
_EXACT_FIT_VARIANCE = 1e-20


def _units_note(
    values: np.ndarray, names: list[str], what: str, dates: pd.DatetimeIndex, kind: str | None
) -> str | None:
    r"""Check the units of the columns of ``values``: a caveat, an error or ``None``.

    * A simple return below :math:`-1` (a loss of more than 100%) cannot happen: with
      ``kind="simple"`` it raises (:math:`-1`, a total loss, is allowed; log returns and
      factors are not checked).
    * :math:`\operatorname{median}_t |r_t| > 1`: half of the days would move by more than
      100%, which no daily return series does while any price or index level above 1
      does: the values look like prices.
    * :math:`0.1 < \operatorname{median}_t |r_t| \le 1`: a median daily move above 10% is
      implausible as a fraction, while returns written in per cent (1.2 for 1.2%) have a
      median of 0.3-2: the values look like per cent.

    Raises
    ------
    StudyError
        Naming the column, date and value of a simple return below -1.

    Returns
    -------
    str or None
        The note (naming the first such column, its median and the fix), or ``None``.
    """
    raw = values.reshape(len(values), -1)
    # one pass each for the largest and the smallest value (NaN ignored: ~1 ms for 3,000 x 500);
    # only a column with a value beyond +-limit can have a median |value| above it
    hi, lo = np.fmax.reduce(raw, axis=0), np.fmin.reduce(raw, axis=0)
    if kind == "simple" and np.any(lo < -1):
        j = int(np.flatnonzero(lo < -1)[0])
        i = int(np.flatnonzero(raw[:, j] < -1)[0])
        raise StudyError(
            f"the {what} column {names[j]!r} has the simple return {raw[i, j]:.4g} on {dates[i]:%Y-%m-%d}, a loss "
            "of more than 100%, which cannot happen; give returns as fractions (divide per cent by 100), or "
            "pass return_kind='log' (CLI: --log-returns) if they are log returns"
        )
    lim = _MAX_MEDIAN_ABS_FRACTION
    cand = np.flatnonzero((hi > lim) | (lo < -lim))
    if len(cand) == 0:
        return None
    v = np.abs(raw[:, cand])
    finite = np.isfinite(v)
    # a median above the limit needs at least half of the values above it: a cheap count
    # leaves few columns (a volatile stock has a few days beyond 10%, not half of them)
    half = 2 * np.count_nonzero(finite & (v > lim), axis=0) >= np.count_nonzero(finite, axis=0)
    cand, v, finite = cand[half], v[:, half], finite[:, half]
    if len(cand) == 0:
        return None
    sub = np.where(finite, v, np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a column of infinities only
        med = np.nanmedian(sub, axis=0)
    prices = np.flatnonzero(med > _MAX_MEDIAN_ABS_RETURN)
    per_cent = np.flatnonzero(med > lim)
    bad = prices if len(prices) else per_cent
    if len(bad) == 0:
        return None
    j = int(bad[0])
    more = f" (and {len(bad) - 1} more columns)" if len(bad) > 1 else ""
    head = f"The {what} column {names[cand[j]]!r}{more} has median |value| {med[j]:.4g}"
    if len(prices):
        return (
            f"{head} > {_MAX_MEDIAN_ABS_RETURN:g}: these look like prices or index levels, not returns, and the "
            "abnormal returns are then meaningless; convert prices with eventstudy.stats.returns_from_prices "
            "(CLI: --prices) and give returns as fractions (0.01 = 1%)."
        )
    return (
        f"{head} > {lim:g}: these look like returns in per cent (a median daily move above {lim:.0%} is "
        "implausible); divide them by 100 and give returns as fractions (0.01 = 1%)."
    )


def _parse_benchmark(benchmark: pd.Series | pd.DataFrame, index: pd.DatetimeIndex) -> np.ndarray:
    if isinstance(benchmark, pd.DataFrame):
        if benchmark.shape[1] != 1:
            raise StudyError(f"benchmark must be one series of returns; got {benchmark.shape[1]} columns")
        benchmark = benchmark.iloc[:, 0]
    if not isinstance(benchmark, pd.Series) or not isinstance(benchmark.index, pd.DatetimeIndex):
        raise StudyError("benchmark must be a Series of returns indexed by dates")
    b = _as_numbers(benchmark, "the benchmark returns")
    if b.index.tz is not None:
        b = b.set_axis(_local_dates(b.index, "benchmark returns"), axis=0)
    b.index = b.index.normalize()
    if b.index.has_duplicates:
        raise StudyError("the benchmark has repeated dates; drop the repeats")
    aligned = b.reindex(index)
    if not np.isfinite(aligned.to_numpy()).any():
        raise StudyError(
            "the benchmark shares no date with the returns table; give returns on the same dates"
        )
    return aligned.to_numpy(dtype=float)


def _parse_factors(factors: pd.DataFrame, index: pd.DatetimeIndex) -> np.ndarray:
    if isinstance(factors, pd.Series):
        factors = factors.to_frame()
    if not isinstance(factors, pd.DataFrame) or not isinstance(factors.index, pd.DatetimeIndex):
        raise StudyError("factors must be a DataFrame of factor returns indexed by dates")
    f = _as_numbers(factors, "the factor returns")
    if f.index.tz is not None:
        f = f.set_axis(_local_dates(f.index, "factor returns"), axis=0)
    f.index = f.index.normalize()
    if f.index.has_duplicates:
        raise StudyError(
            f"the factors have repeated dates (first {f.index[f.index.duplicated()][0]:%Y-%m-%d}); keep one row per date"
        )
    return np.ascontiguousarray(f.reindex(index).to_numpy(dtype=float))


def _all_dropped(n: int, reason: np.ndarray) -> InsufficientDataError:
    """The error when no event is left: the three most common reasons, with their counts."""
    counts = Counter(r for r in reason if r is not None)
    return InsufficientDataError(
        f"all {n} events were dropped: "
        + "; ".join(f"{c} x {r}" for r, c in counts.most_common(3))
        + "; check the windows and min_estimation"
    )
