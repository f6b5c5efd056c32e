r"""Significance tests of abnormal returns: the battery of the event-study literature.

Two entry points take the :class:`~eventstudy.stats.panel.AbnormalReturnPanel` built by
the model stage:

* :func:`cross_sectional_tests` -- every test on every event day, one table;
* :func:`car_tests` -- tests of the cumulative abnormal return over a window.

One public function per test sits beside them (re-exported here from
:mod:`~eventstudy.stats.significance_parametric`,
:mod:`~eventstudy.stats.significance_nonparametric` and
:mod:`~eventstudy.stats.significance_car`), each with its formula and paper. All are
vectorised over events with numpy; quantities shared by several tests (residual
standard deviations, ranks, ...) are computed once per panel
(:mod:`~eventstudy.stats.significance_shared`). On a large panel the rank pass runs in
parts beside the other tests in a few threads (:mod:`~eventstudy.stats.parallel`,
``$EVENTSTUDY_THREADS``); the results are the same, to the last bit, with one thread.

Conventions
-----------
``convention="paper"`` (default) follows the original papers;
``convention="estudy2"`` follows the R package estudy2 and reproduces its published
vignette to the printed digits. They differ only with missing data, zero abnormal
returns, and in the degrees of freedom of :math:`\hat\sigma_i` (:math:`L_i - k` against
:math:`L_i - 1`); see :mod:`eventstudy.stats.significance_shared`.

Examples
--------
>>> import numpy as np
>>> from eventstudy.stats.panel import AbnormalReturnPanel
>>> from eventstudy.stats.significance import cross_sectional_tests, car_tests
>>> rng = np.random.default_rng(0)
>>> panel = AbnormalReturnPanel(est_ar=rng.normal(0, 0.01, (30, 120)),
...                             event_ar=rng.normal(0, 0.01, (30, 3)),
...                             event_days=np.array([-1, 0, 1]), n_params=2)
>>> table = cross_sectional_tests(panel)
>>> list(table.index)
[-1, 0, 1]
>>> res = car_tests(panel, -1, 1)
>>> res["grank_t"].valid
True
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from .hypotheses import InvalidTestStatistic, TestStatistic
from .panel import AbnormalReturnPanel
from .significance_car import (
    all_car_tests,
    car_boehmer_bmp,
    car_brown_warner,
    car_generalized_sign,
    car_grank,
    car_kolari_pynnonen,
    car_patell,
    car_rank,
    car_sign,
    car_t_test,
    car_wilcoxon,
)
from .significance_nonparametric import (
    _corrado_sign,
    _gsign,
    _modified_rank,
    _rank,
    _sign,
    _wilcoxon,
    corrado_sign,
    generalized_sign,
    modified_rank,
    rank,
    sign,
    wilcoxon,
)
from .significance_parametric import (
    _bmp,
    _bw1980,
    _bw1985,
    _kp,
    _lamb,
    _patell,
    _t_test,
    boehmer_bmp,
    brown_warner_1980,
    brown_warner_1985,
    kolari_pynnonen,
    lamb,
    patell,
    t_test,
)
from .significance_shared import Convention, DayResult, PanelStats, masked_sum, panel_stats, safe_div

__all__ = [
    "Convention",
    "DAY_TESTS",
    "cross_sectional_tests",
    "car_tests",
    "brown_warner_1980",
    "brown_warner_1985",
    "t_test",
    "patell",
    "boehmer_bmp",
    "kolari_pynnonen",
    "lamb",
    "sign",
    "generalized_sign",
    "corrado_sign",
    "rank",
    "modified_rank",
    "wilcoxon",
    "car_t_test",
    "car_brown_warner",
    "car_patell",
    "car_boehmer_bmp",
    "car_kolari_pynnonen",
    "car_sign",
    "car_generalized_sign",
    "car_wilcoxon",
    "car_rank",
    "car_grank",
]

DayTest = Callable[[PanelStats], DayResult]

#: Column keys of the day-level tests, in table order, with their implementation.
_DAY: tuple[tuple[str, DayTest], ...] = (
    ("bw_1980", _bw1980),
    ("bw_1985", _bw1985),
    ("t_test", _t_test),
    ("patell", _patell),
    ("boehmer_bmp", _bmp),
    ("kolari_pynnonen", _kp),
    ("lamb", _lamb),
    ("sign", _sign),
    ("generalized_sign", _gsign),
    ("corrado_sign", _corrado_sign),
    ("rank", _rank),
    ("modified_rank", _modified_rank),
    ("wilcoxon_v", _wilcoxon),
)
DAY_TESTS: tuple[str, ...] = tuple(k for k, _ in _DAY)
#: The tests built on the ranks and median signs over the combined windows, and the others.
_RANK_DAY = tuple((k, fn) for k, fn in _DAY if k in ("corrado_sign", "rank", "modified_rank"))
_OTHER_DAY = tuple((k, fn) for k, fn in _DAY if k not in ("corrado_sign", "rank", "modified_rank"))


def cross_sectional_tests(panel: AbnormalReturnPanel, *, convention: Convention = "paper") -> pd.DataFrame:
    r"""Every day-level test on every event day.

    Parameters
    ----------
    panel
        Abnormal returns of the events, aligned in event time.
    convention
        ``"paper"`` (default) or ``"estudy2"`` (module docstring).

    Returns
    -------
    DataFrame
        Index ``panel.event_days`` (name ``"day"``). Columns ``mean_aar`` (the average
        abnormal return :math:`AAR_t`), then the statistics ``bw_1980, bw_1985, t_test,
        patell, boehmer_bmp, kolari_pynnonen, lamb, sign, generalized_sign,
        corrado_sign, rank, modified_rank, wilcoxon_v`` (V of the signed-rank test), then
        their two-sided p-values ``<key>_p``. NaN where a test cannot be computed on a
        day (e.g. one event for the t-test and for the sign, generalized sign and Wilcoxon
        tests, which count or rank across events; no variation).

    Raises
    ------
    StudyError
        If the panel's arrays do not fit together.
    PolicyError
        If ``convention`` is not one of the valid values.
    """
    s = panel_stats(panel, convention)
    index = pd.Index(s.days, name="day")

    def run(tests: tuple[tuple[str, DayTest], ...]) -> list[DayResult]:
        with np.errstate(invalid="ignore", divide="ignore"):
            return [fn(s) for _, fn in tests]

    # the rank tests need one sort of the combined windows, the others their own passes over
    # the panel: on a large panel that sort runs in parts beside the other tests, in threads
    others = s.beside_ranks(lambda: run(_OTHER_DAY))
    results = dict(zip((k for k, _ in _OTHER_DAY + _RANK_DAY), others + run(_RANK_DAY), strict=True))
    with np.errstate(invalid="ignore", divide="ignore"):
        cols: dict[str, np.ndarray] = {"mean_aar": safe_div(masked_sum(s.ev, s.ev_ok, 0), s.n_day)}
    pvals: dict[str, np.ndarray] = {}
    for key, _ in _DAY:
        cols[key] = np.asarray(results[key].stat, dtype=float)
        pvals[f"{key}_p"] = np.asarray(results[key].pvalue, dtype=float)
    return pd.DataFrame({**cols, **pvals}, index=index)


def car_tests(
    panel: AbnormalReturnPanel, start: int, end: int, *, convention: Convention = "paper"
) -> dict[str, TestStatistic | InvalidTestStatistic]:
    r"""Tests of the cumulative abnormal return over event days ``start .. end`` (inclusive).

    Parameters
    ----------
    panel
        Abnormal returns of the events, aligned in event time.
    start, end
        First and last relative event day of the window (inside ``panel.event_days``).
    convention
        ``"paper"`` (default) or ``"estudy2"``.

    Returns
    -------
    dict
        Keyed ``t_test, bw_1985, patell, boehmer_bmp, kolari_pynnonen, sign,
        generalized_sign, wilcoxon_v, rank, grank_t`` (see :func:`car_t_test`,
        :func:`car_brown_warner`, :func:`car_patell`, :func:`car_boehmer_bmp`,
        :func:`car_kolari_pynnonen`, :func:`car_sign`, :func:`car_generalized_sign`,
        :func:`car_wilcoxon`, :func:`car_rank`, :func:`car_grank`); a test that does not
        apply is an :class:`~eventstudy.stats.hypotheses.InvalidTestStatistic` with
        its reason.

    Raises
    ------
    StudyError
        If the window is empty, reversed or outside the event window.
    """
    return all_car_tests(panel_stats(panel, convention), int(start), int(end))
