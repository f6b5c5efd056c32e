"""The significance tests give the same answers whatever the blocks of events they work on.

:class:`~eventstudy.stats.significance_shared.PanelStats` runs its per-event passes
(moments, ranks over the combined windows, signs, cross-correlation, GRANK) over blocks
of ``chunk_rows`` events; here blocks of 7 events are compared with one block holding
every event, and the per-day rank and sign sums with a direct computation.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from scipy import stats as sps

from eventstudy.exceptions import StudyError
from eventstudy.stats.hypotheses import TestStatistic
from eventstudy.stats.panel import AbnormalReturnPanel
from eventstudy.stats.significance import _DAY
from eventstudy.stats.significance_car import all_car_tests
from eventstudy.stats.significance_shared import PanelStats

ALL = 10**9  # one block


def random_panel(seed: int, *, n: int = 150, est_days: int = 60, ties: bool = False) -> AbnormalReturnPanel:
    rng = np.random.default_rng(seed)
    est = rng.normal(0, 0.01, (n, est_days)) * rng.uniform(0.5, 2.0, (n, 1))
    ev = rng.normal(0.001, 0.012, (n, 7))
    if ties:
        est, ev = np.round(est, 3), np.round(ev, 3)
    est[rng.random(est.shape) < 0.06] = np.nan
    ev[rng.random(ev.shape) < 0.06] = np.nan
    est[5] = np.nan  # an event without estimation data
    est[9, : est_days - 2] = np.nan  # and one with two residuals
    ev[11, 0] = ev[12, 3] = 0.0  # zero abnormal returns (no ties within a row)
    mkt = rng.normal(0, 0.01, (n, est_days))
    mkt_ev = rng.normal(0, 0.01, (n, 7))
    dates = np.datetime64("2024-01-01") + rng.integers(0, 12, n).astype("timedelta64[D]")
    return AbnormalReturnPanel(
        est_ar=est,
        event_ar=ev,
        event_days=np.arange(-3, 4),
        n_params=2,
        est_market=mkt,
        event_market=mkt_ev,
        event_dates=dates,
    )


def day_table(s: PanelStats) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    with np.errstate(invalid="ignore", divide="ignore"):
        return {key: (np.asarray(fn(s).stat, float), np.asarray(fn(s).pvalue, float)) for key, fn in _DAY}


@pytest.mark.parametrize("convention", ["paper", "estudy2"])
@pytest.mark.parametrize("ties", [False, True])
def test_blocks_of_seven_events_equal_one_block(convention, ties):
    panel = random_panel(1 + ties, ties=ties)
    small = PanelStats(panel, convention, chunk_rows=7)
    whole = PanelStats(panel, convention, chunk_rows=ALL)
    a, b = day_table(small), day_table(whole)
    assert np.isfinite(b["rank"][0]).all() and np.isfinite(b["kolari_pynnonen"][0]).all()
    for key in a:
        for got, want in zip(a[key], b[key], strict=True):
            np.testing.assert_allclose(got, want, rtol=1e-12, atol=0, err_msg=key)
    # the rank and sign sums are exact, so they do not depend on the blocks at all
    for name in ("rank_sums", "uniform_rank_sums", "median_sign_sums", "median_full", "n_full"):
        np.testing.assert_array_equal(getattr(small, name), getattr(whole, name), err_msg=name)
    assert (small.est_ranks is None) == ties == (whole.est_ranks is None)
    if not ties:
        np.testing.assert_array_equal(small.est_ranks, whole.est_ranks)
    for start, end in ((0, 0), (-1, 2), (-3, 3)):
        ca, cb = all_car_tests(small, start, end), all_car_tests(whole, start, end)
        for key, res in cb.items():
            assert isinstance(res, TestStatistic), (key, res)
            assert ca[key].stat == pytest.approx(res.stat, rel=1e-12, abs=0), key
            assert ca[key].pvalue == pytest.approx(res.pvalue, rel=1e-12, abs=1e-300), key


def test_rank_and_sign_sums_equal_a_direct_computation():
    panel = random_panel(3, n=60, ties=True)
    s = PanelStats(panel, chunk_rows=4)
    full = np.hstack([panel.est_ar, panel.event_ar])
    ok = ~np.isnan(full)
    ranks = np.nan_to_num(sps.rankdata(full, axis=1, nan_policy="omit"), nan=0.0)
    m = ok.sum(axis=1)
    with np.errstate(invalid="ignore"):
        med = np.nanmedian(full, axis=1)
        signs = np.nan_to_num(np.sign(full - med[:, None]), nan=0.0)
    np.testing.assert_array_equal(s.median_sign_sums, signs.sum(axis=0))
    np.testing.assert_array_equal(s.rank_sums, ranks.sum(axis=0) - ((m + 1) / 2) @ ok)
    # sum_i (K_ij / (M_i + 1) - 1/2) in exact rational arithmetic, then rounded once
    exact = [
        float(
            sum(
                Fraction(float(ranks[i, j])) / (int(m[i]) + 1) - Fraction(1, 2)
                for i in np.flatnonzero(ok[:, j])
            )
        )
        for j in range(full.shape[1])
    ]
    np.testing.assert_allclose(s.uniform_rank_sums, exact, rtol=0, atol=1e-13)


def test_median_signs_when_the_two_middle_values_are_adjacent_doubles():
    # the mean of two adjacent doubles rounds onto one of them: that value is "at" the median
    est = np.array([[0.5, 1.0, np.nextafter(1.0, 2.0), 3.0], [4.0, 1.0, 2.0, 3.0]])
    ev = np.array([[-1.0, 5.0], [0.0, 9.0]])
    panel = AbnormalReturnPanel(est_ar=est, event_ar=ev, event_days=np.array([0, 1]), n_params=0)
    full = np.hstack([est, ev])
    med = np.median(full, axis=1)
    want = np.sign(full - med[:, None]).sum(axis=0)
    for rows in (1, 2):
        np.testing.assert_array_equal(PanelStats(panel, chunk_rows=rows).median_sign_sums, want)


def test_grank_fresh_ranking_does_not_depend_on_blocks():
    from eventstudy.stats.significance_car import _Car, _grank_sums

    panel = random_panel(4)
    sums = []
    for rows in (7, ALL):
        s = PanelStats(panel, chunk_rows=rows)
        star = _Car(s, -1, 1).scar / 1.3
        fast, fast_n = _grank_sums(s, star)
        slow, slow_n = _grank_sums(s, star, fresh=True)
        np.testing.assert_array_equal(fast_n, slow_n)
        np.testing.assert_allclose(fast, slow, rtol=0, atol=1e-12)
        sums.append(fast)
    np.testing.assert_array_equal(sums[0], sums[1])


@pytest.mark.parametrize("bad", [0, -3, 2.5, True])
def test_chunk_rows_must_be_a_positive_integer(bad):
    with pytest.raises(StudyError, match="chunk_rows"):
        PanelStats(random_panel(5, n=20), chunk_rows=bad)


@pytest.mark.parametrize(("rows", "keys"), [(40, 1), (40, 6), (2000, 300)])  # one key, one-hot, sorted rows
def test_group_sums_equal_a_scatter_add(rows, keys):
    from eventstudy.stats.significance_shared import group_sums

    rng = np.random.default_rng(rows)
    key = rng.integers(0, keys, rows) + 2
    x = rng.integers(0, 600, (rows, 5)) / 2.0
    want = np.zeros((keys + 3, 5))
    np.add.at(want, key, x)
    np.testing.assert_array_equal(group_sums(key, x, keys + 3), want)
