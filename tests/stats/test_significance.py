"""Unit tests of the significance tests on small panels computed by hand.

Hand calculations are written out in the comments; p-values and signed-rank statistics
are checked against scipy's independent implementations.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from eventstudy.exceptions import PolicyError, StudyError
from eventstudy.stats.hypotheses import InvalidTestStatistic, TestStatistic
from eventstudy.stats.panel import AbnormalReturnPanel
from eventstudy.stats.significance import (
    DAY_TESTS,
    boehmer_bmp,
    brown_warner_1980,
    brown_warner_1985,
    car_boehmer_bmp,
    car_brown_warner,
    car_generalized_sign,
    car_grank,
    car_kolari_pynnonen,
    car_patell,
    car_rank,
    car_sign,
    car_t_test,
    car_tests,
    car_wilcoxon,
    corrado_sign,
    cross_sectional_tests,
    generalized_sign,
    kolari_pynnonen,
    lamb,
    modified_rank,
    patell,
    rank,
    sign,
    t_test,
    wilcoxon,
)
from eventstudy.stats.significance_nonparametric import signed_rank
from eventstudy.stats.significance_shared import panel_stats, rank_rows, row_mean_ss


def make(est, ev, *, k=0, days=None, **kw) -> AbnormalReturnPanel:
    est = np.atleast_2d(np.asarray(est, dtype=float))
    ev = np.asarray(ev, dtype=float)
    if ev.ndim == 1:
        ev = ev[:, None]
    days = np.arange(ev.shape[1]) if days is None else np.asarray(days)
    return AbnormalReturnPanel(est_ar=est, event_ar=ev, event_days=days, n_params=k, **kw)


# Two events, market-adjusted (k = 0, sigma with L - 1 = 3 degrees of freedom):
#   e1 = [1, -1, 1, -1]: sigma^2 = 4/3;  e2 = [2, -2, 2, -2]: sigma^2 = 16/3
#   event day 0: AR = [1, 3], AAR = 2
TWO = dict(est=[[1, -1, 1, -1], [2, -2, 2, -2]], ev=[1, 3])


# ----------------------------------------------------------------- parametric
def test_brown_warner_1980_by_hand():
    # 2 / (sqrt(4/3 + 16/3) / 2)
    got = brown_warner_1980(make(**TWO))
    assert got.loc[0, "stat"] == pytest.approx(2 / (np.sqrt(20 / 3) / 2))
    assert got.loc[0, "pvalue"] == pytest.approx(2 * sps.t.sf(got.loc[0, "stat"], 3))


def test_brown_warner_1985_by_hand():
    # portfolio residuals [1.5, -1.5, 1.5, -1.5]: sd (n-1) = sqrt(9/3) = sqrt(3)
    got = brown_warner_1985(make(**TWO))
    assert got.loc[0, "stat"] == pytest.approx(2 / np.sqrt(3))
    assert got.loc[0, "pvalue"] == pytest.approx(2 * sps.t.sf(2 / np.sqrt(3), 3))


def test_lamb_without_benchmark_is_brown_warner_1985():
    panel = make(**TWO)
    np.testing.assert_allclose(lamb(panel)["stat"], brown_warner_1985(panel)["stat"])


def test_patell_by_hand():
    # SAR = [1/sqrt(4/3), 3/sqrt(16/3)] = [0.8660, 1.2990]; var of each (L-k)/(L-k-2) = 4/2
    got = patell(make(**TWO))
    z = (np.sqrt(3) / 2 + 3 * np.sqrt(3) / 4) / np.sqrt(2 + 2)
    assert got.loc[0, "stat"] == pytest.approx(z)
    assert got.loc[0, "pvalue"] == pytest.approx(2 * sps.norm.sf(z))


def test_boehmer_bmp_by_hand_and_against_scipy():
    # SAR mean 5 sqrt(3)/8, sd sqrt(3)/(4 sqrt 2): t = 5 exactly
    got = boehmer_bmp(make(**TWO))
    assert got.loc[0, "stat"] == pytest.approx(5.0)
    ref = sps.ttest_1samp([np.sqrt(3) / 2, 3 * np.sqrt(3) / 4], 0.0)
    assert got.loc[0, "pvalue"] == pytest.approx(ref.pvalue)


def test_kolari_pynnonen_uses_correlation_of_events_sharing_dates():
    # the two residual series are perfectly correlated: r = 1 kills the statistic when
    # the events share a date; with different dates r counts as 0 and KP equals BMP
    same = make(**TWO, event_dates=np.array(["2020-03-16", "2020-03-16"], dtype="datetime64[D]"))
    other = make(**TWO, event_dates=np.array(["2020-03-16", "2021-05-03"], dtype="datetime64[D]"))
    assert panel_stats(same).mean_cross_correlation == pytest.approx(1.0)
    assert kolari_pynnonen(same).loc[0, "stat"] == pytest.approx(0.0, abs=1e-12)
    assert kolari_pynnonen(other).loc[0, "stat"] == pytest.approx(boehmer_bmp(other).loc[0, "stat"])


def test_mean_cross_correlation_matches_pairwise_correlations():
    rng = np.random.default_rng(3)
    common = rng.normal(size=(2, 60))
    est = np.vstack([common[0] + rng.normal(size=(3, 60)), common[1] + rng.normal(size=(2, 60))])
    dates = np.array(["2020-01-02"] * 3 + ["2020-06-01"] * 2, dtype="datetime64[D]")
    panel = make(est, np.zeros(5), event_dates=dates)
    r = np.corrcoef(est)
    pairs = [r[i, j] for i in range(5) for j in range(5) if i != j and dates[i] == dates[j]]
    assert panel_stats(panel).mean_cross_correlation == pytest.approx(sum(pairs) / (5 * 4))


def test_t_test_against_scipy():
    rng = np.random.default_rng(0)
    ev = rng.normal(0.001, 0.02, (25, 3))
    got = t_test(make(rng.normal(size=(25, 50)), ev))
    ref = sps.ttest_1samp(ev, 0.0, axis=0)
    np.testing.assert_allclose(got["stat"], ref.statistic)
    np.testing.assert_allclose(got["pvalue"], ref.pvalue)
    assert t_test(make(np.ones((3, 5)), [1, 2, 3])).loc[0, "stat"] == pytest.approx(2 / (1 / np.sqrt(3)))


def test_market_model_prediction_factor_by_hand():
    # market over estimation [1, 2, 3, 4, 5], event-day market 5, last estimation AR missing
    est_m = np.array([[1.0, 2, 3, 4, 5]])
    est = np.array([[0.1, -0.2, 0.1, 0.05, np.nan]])
    panel = make(est, [0.3], k=2, est_market=est_m, event_market=np.array([[5.0]]))
    # paper: the security's own sample [1..4]: mean 2.5, SS 5, L 4 -> 1 + 1/4 + 2.5^2/5
    assert panel_stats(panel).pred_factor[0, 0] == pytest.approx(2.5)
    # estudy2: the whole market period: mean 3, SS 10 -> 1 + 1/4 + 4/10
    assert panel_stats(panel, "estudy2").pred_factor[0, 0] == pytest.approx(1.65)
    given = make(
        est, [0.3], k=2, est_market=est_m, event_market=np.array([[5.0]]), pred_factor=np.array([[7.0]])
    )
    assert panel_stats(given).pred_factor[0, 0] == 7.0


def test_sigma_degrees_of_freedom_follow_the_convention():
    est = np.array([[1.0, -1, 2, -2, 0]])  # SS = 10
    assert panel_stats(make(est, [0], k=2)).sigma[0] == pytest.approx(np.sqrt(10 / 3))
    assert panel_stats(make(est, [0], k=2), "estudy2").sigma[0] == pytest.approx(np.sqrt(10 / 4))
    assert panel_stats(make(est, [0], k=0)).sigma[0] == pytest.approx(np.sqrt(10 / 4))


# -------------------------------------------------------------- non-parametric
def test_sign_counts():
    # 3 of 4 positive: (3 - 2) / sqrt(4/4) = 1
    got = sign(make(np.ones((4, 3)), [0.01, 0.02, -0.01, 0.03]))
    assert got.loc[0, "stat"] == pytest.approx(1.0)
    assert got.loc[0, "pvalue"] == pytest.approx(2 * sps.norm.sf(1.0))


def test_sign_zeros_dropped_by_paper_counted_by_estudy2():
    panel = make(np.ones((4, 3)), [0.01, 0.0, -0.01, 0.03])
    # paper: 2 of 3 non-zero: (2 - 1.5) / sqrt(0.75); estudy2: 2 of 4: 0
    assert sign(panel).loc[0, "stat"] == pytest.approx(0.5 / np.sqrt(0.75))
    assert sign(panel, convention="estudy2").loc[0, "stat"] == pytest.approx(0.0)


def test_generalized_sign_by_hand():
    # event 1: 3 of 4 estimation residuals positive; event 2: 0 of 2 (two missing)
    est = [[1, 1, 1, -1], [-1, -1, np.nan, np.nan]]
    panel = make(est, [0.5, 0.3])
    # paper (Cowan): p = (3/4 + 0/2) / 2 = 0.375; both event returns positive
    assert generalized_sign(panel).loc[0, "stat"] == pytest.approx((2 - 0.75) / np.sqrt(2 * 0.375 * 0.625))
    # estudy2: pooled p = 3/6
    assert generalized_sign(panel, convention="estudy2").loc[0, "stat"] == pytest.approx(1 / np.sqrt(0.5))


# one event, estimation [0.1, 0.3, 0.2], event day 0.5: combined ranks [1, 3, 2, 4]
ONE = dict(est=[[0.1, 0.3, 0.2]], ev=[0.5])


def test_rank_test_by_hand():
    # deviations from 2.5: [-1.5, .5, -.5, 1.5]; S_K = sqrt(5/4); Z = 1.5 / S_K
    assert rank(make(**ONE)).loc[0, "stat"] == pytest.approx(1.5 / np.sqrt(1.25))


def test_modified_rank_by_hand():
    # U - 1/2 = K/5 - 1/2 = [-.3, .1, -.1, .3]; S_U = sqrt(.05); Z = .3 / S_U
    assert modified_rank(make(**ONE)).loc[0, "stat"] == pytest.approx(0.3 / np.sqrt(0.05))


def test_corrado_sign_by_hand():
    # median 0.25: signs [-1, 1, -1, 1]; S_G = 1; Z = 1
    assert corrado_sign(make(**ONE)).loc[0, "stat"] == pytest.approx(1.0)


def test_rank_tests_with_a_missing_day_skip_it():
    est = [[0.1, np.nan, 0.3, 0.2], [0.4, 0.1, 0.2, 0.3]]
    got = cross_sectional_tests(make(est, [0.5, 0.0]))
    assert np.isfinite(got[["rank", "modified_rank", "corrado_sign"]].to_numpy()).all()


@pytest.mark.parametrize("n", [12, 30, 80])
def test_wilcoxon_against_scipy(n):
    rng = np.random.default_rng(n)
    x = rng.normal(0.3, 1.0, n)
    if n == 80:
        x = np.round(x, 1)  # ties and zeros: normal approximation
    got = wilcoxon(make(np.ones((n, 3)), x))
    nz = x[x != 0]
    ranks = sps.rankdata(np.abs(nz))
    v = ranks[nz > 0].sum()
    assert got.loc[0, "stat"] == pytest.approx(v)
    method = "exact" if n < 50 else "approx"
    ref = sps.wilcoxon(x, zero_method="wilcox", correction=True, method=method)
    assert got.loc[0, "pvalue"] == pytest.approx(ref.pvalue, rel=1e-9)


@pytest.mark.parametrize("tied", [False, True], ids=["distinct", "tied-no-zero"])
def test_signed_rank_of_many_days_against_scipy(tied):
    # no zero and no NaN: V is read off one sort per day; with ties that shortcut gives way
    # to the average ranks
    rng = np.random.default_rng(17)
    x = rng.normal(0.2, 1.0, (60, 9))
    if tied:
        x = np.round(x, 1) + 0.05  # ties, never zero
    v, p = signed_rank(x)
    for j in range(x.shape[1]):
        ranks = sps.rankdata(np.abs(x[:, j]))
        assert v[j] == ranks[x[:, j] > 0].sum()
        ref = sps.wilcoxon(x[:, j], zero_method="wilcox", correction=True, method="approx")
        assert p[j] == pytest.approx(ref.pvalue, rel=1e-9)


def test_row_mean_ss_with_and_without_missing_values():
    # rows without NaN take the unmasked shortcut; a NaN (or an infinite sum) anywhere sends
    # the block to the masked sums, which skip only the NaN
    rng = np.random.default_rng(8)
    x = rng.normal(size=(6, 40))
    cnt, mean, ss = row_mean_ss(x)
    np.testing.assert_array_equal(cnt, 40)
    np.testing.assert_allclose(mean, x.mean(axis=1), rtol=1e-14)
    np.testing.assert_allclose(ss, ((x - x.mean(axis=1, keepdims=True)) ** 2).sum(axis=1), rtol=1e-12)
    np.testing.assert_array_equal(np.stack(row_mean_ss(x)), np.stack(row_mean_ss(x, np.ones(x.shape, bool))))
    y = x.copy()
    y[2, 5] = np.nan
    y[4, 0] = np.inf
    with np.errstate(invalid="ignore"):  # inf - inf in the deviations of row 4
        cnt, mean, ss = row_mean_ss(y)
    assert cnt.tolist() == [40, 40, 39, 40, 40, 40]
    np.testing.assert_allclose(mean[2], np.nanmean(y[2]), rtol=1e-14)
    assert mean[4] == np.inf and np.isnan(ss[4])  # an infinite value is data, not missing
    np.testing.assert_array_equal(mean[[0, 1, 3, 5]], row_mean_ss(x)[1][[0, 1, 3, 5]])


def test_rank_rows_against_scipy():
    rng = np.random.default_rng(5)
    x = np.round(rng.normal(size=(7, 9)), 1)
    x[rng.random(x.shape) < 0.2] = np.nan
    x[3] = np.nan
    r = rank_rows(x, head=5, block=3)
    np.testing.assert_array_equal(r.ranks, sps.rankdata(x, axis=1, nan_policy="omit"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        np.testing.assert_array_equal(r.median, np.nanmedian(x, axis=1))
    assert r.ties and r.head_ranks is None
    t = x[0][~np.isnan(x[0])]
    _, counts = np.unique(t, return_counts=True)
    assert r.tie_sum[0] == pytest.approx((counts**3 - counts).sum())
    y = rng.normal(size=(5, 8))
    y[1, 2] = np.nan
    ry = rank_rows(y, head=5, block=2)
    np.testing.assert_array_equal(ry.head_ranks, sps.rankdata(y[:, :5], axis=1, nan_policy="omit"))
    # blocks without NaN skip the mask; an infinite value is ranked, not dropped
    z = rng.normal(size=(6, 8))
    z[4, 3], z[5, 0] = np.inf, -np.inf
    rz = rank_rows(z, head=5, block=2)
    np.testing.assert_array_equal(rz.ranks, sps.rankdata(z, axis=1))
    np.testing.assert_array_equal(rz.head_ranks, sps.rankdata(z[:, :5], axis=1))
    np.testing.assert_array_equal(rz.median, np.median(z, axis=1))


# --------------------------------------------------------------------- CAR tests
def test_car_t_and_sign_by_hand():
    ev = np.array([[0.5, 0.5], [1.0, 1.0], [1.0, 2.0]])  # CARs 1, 2, 3
    panel = make(np.ones((3, 4)) * [1, -1, 1, -1], ev)
    assert car_t_test(panel, 0, 1).stat == pytest.approx(2 / (1 / np.sqrt(3)))
    assert car_t_test(panel, 0, 1).distribution == "t(2)"
    neg = make(np.ones((3, 4)) * [1, -1, 1, -1], ev * [[1], [1], [-1]])  # CARs 1, 2, -3
    assert car_sign(neg, 0, 1).stat == pytest.approx(0.5 / np.sqrt(0.75))


def test_car_patell_bmp_and_bw_by_hand():
    # both events: sigma^2 = 4/3 (k = 0), event days [1, 1]: CAR 2, CSAR 2/sqrt(4/3)
    est = np.ones((2, 4)) * [1, -1, 1, -1]
    ev = np.array([[1.0, 1.0], [1.0, 1.0]])
    panel = make(est, ev)
    zi = (2 / np.sqrt(4 / 3)) / np.sqrt(2 * 4 / 2)
    assert car_patell(panel, 0, 1).stat == pytest.approx(np.sqrt(2) * zi)
    # identical SCARs: no dispersion, so BMP does not apply
    assert not car_boehmer_bmp(panel, 0, 1).valid
    # portfolio sd sqrt(4/3); CAAR 2 over sqrt(2) days
    assert car_brown_warner(panel, 0, 1).stat == pytest.approx(2 / (np.sqrt(4 / 3) * np.sqrt(2)))


def test_car_grank_by_hand():
    # e1 = [1, -1, 0] (sigma 1), e2 = [2, 0, -2] (sigma 2); one-day CARs 3 and -1
    # SCAR = [3, -0.5] / sd 2.4749 -> [1.2122, -0.2020]
    # ranks: event 1 [3, 1, 2, 4], event 2 [4, 3, 1, 2]; U = rank/5 - 1/2
    # mean U by day: [.2, -.1, -.2, .1]; S = sqrt(.1 / 4); Z = .1 / S
    panel = make([[1, -1, 0], [2, 0, -2]], [3, -1])
    z = 0.1 / np.sqrt(0.1 / 4)
    res = car_grank(panel, 0, 0)
    assert res.stat == pytest.approx(z * np.sqrt(2 / (3 - z * z)))
    assert res.distribution == "t(2)"
    assert res.pvalue == pytest.approx(2 * sps.t.sf(res.stat, 2))


def test_car_grank_fast_path_equals_a_fresh_ranking():
    from eventstudy.stats.significance_car import _Car, _grank_sums

    rng = np.random.default_rng(11)
    est = rng.normal(size=(40, 60))
    est[rng.random(est.shape) < 0.05] = np.nan
    est[3] = np.nan  # an event without estimation data
    s = panel_stats(make(est, rng.normal(size=(40, 3))))
    star = _Car(s, 0, 2).scar / 1.7
    assert s.est_ranks is not None
    fast, fast_n = _grank_sums(s, star)
    slow, slow_n = _grank_sums(s, star, fresh=True)
    np.testing.assert_array_equal(fast_n, slow_n)
    np.testing.assert_allclose(fast, slow, atol=1e-12)


def test_car_tests_scale_invariance_of_rank_tests():
    rng = np.random.default_rng(2)
    est, ev = rng.normal(size=(30, 80)), rng.normal(size=(30, 5))
    scale = rng.uniform(0.5, 3, (30, 1))
    a = car_tests(make(est, ev), 0, 4)
    b = car_tests(make(est * scale, ev * scale), 0, 4)
    for key in ("grank_t", "rank", "boehmer_bmp", "sign", "generalized_sign"):
        assert a[key].stat == pytest.approx(b[key].stat), key


def test_car_tests_keys_and_types():
    rng = np.random.default_rng(4)
    panel = make(rng.normal(size=(20, 50)), rng.normal(size=(20, 5)), k=0, days=[-2, -1, 0, 1, 2])
    res = car_tests(panel, -1, 1)
    assert list(res) == [
        "t_test",
        "bw_1985",
        "patell",
        "boehmer_bmp",
        "kolari_pynnonen",
        "sign",
        "generalized_sign",
        "wilcoxon_v",
        "rank",
        "grank_t",
    ]
    assert all(isinstance(r, TestStatistic) and 0 <= r.pvalue <= 1 for r in res.values())
    for fn in (car_kolari_pynnonen, car_generalized_sign, car_wilcoxon, car_rank):
        assert fn(panel, -1, 1) == res[fn(panel, -1, 1).name]


def test_car_excludes_events_missing_a_window_day():
    rng = np.random.default_rng(6)
    ev = rng.normal(size=(6, 3))
    ev[2, 1] = np.nan
    res = car_t_test(make(rng.normal(size=(6, 40)), ev), 0, 2)
    assert res.distribution == "t(4)"


@pytest.mark.parametrize(
    ("start", "end", "match"),
    [(1, 0, "after end"), (-3, 0, "outside the event window"), (0, 9, "outside the event window")],
)
def test_car_window_errors(start, end, match):
    with pytest.raises(StudyError, match=match):
        car_tests(make(np.ones((2, 4)), np.ones((2, 3)), days=[-1, 0, 1]), start, end)


# ------------------------------------------------------------------ edge cases
def test_one_event_gives_nan_or_invalid_never_an_error():
    panel = make([[0.01, -0.02, 0.015, -0.005, 0.0]], [[0.02, -0.01]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = cross_sectional_tests(panel)
        res = car_tests(panel, 0, 1)
    # tests across events need two; a count or ranks of one event (+-1, V = 1) are not evidence
    cross = ["t_test", "boehmer_bmp", "kolari_pynnonen", "sign", "generalized_sign", "wilcoxon_v"]
    assert table[cross].isna().all().all()
    assert np.isfinite(table[["patell", "bw_1980", "corrado_sign", "rank"]].to_numpy()).all()
    assert sign(panel)["stat"].isna().all()  # the test on its own, too
    for key in (
        "t_test",
        "boehmer_bmp",
        "kolari_pynnonen",
        "grank_t",
        "sign",
        "generalized_sign",
        "wilcoxon_v",
    ):
        assert isinstance(res[key], InvalidTestStatistic)
        assert "at least 2 events" in res[key].reason
    assert res["patell"].valid


def test_all_zero_abnormal_returns_are_nan_or_invalid():
    panel = make(np.zeros((5, 30)), np.zeros((5, 3)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = cross_sectional_tests(panel)
        res = car_tests(panel, 0, 2)
    stats = table.drop(columns="mean_aar")
    assert stats.isna().all().all(), stats.loc[:, stats.notna().any()]
    assert (table["mean_aar"] == 0).all()
    assert not any(r.valid for r in res.values())
    assert all(isinstance(r.reason, str) and r.reason for r in res.values())


def test_nan_event_day_and_missing_events():
    rng = np.random.default_rng(8)
    ev = rng.normal(size=(10, 3))
    ev[:, 1] = np.nan
    ev[3, 0] = np.nan
    est = rng.normal(size=(10, 60))
    est[0, :] = np.nan  # an event without estimation data
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = cross_sectional_tests(make(est, ev, k=2))
    assert table.loc[1].isna().all()
    assert np.isfinite(table.loc[[0, 2]].to_numpy()).all()
    assert table.loc[0, "t_test"] == pytest.approx(sps.ttest_1samp(ev[~np.isnan(ev[:, 0]), 0], 0).statistic)


def test_table_layout():
    rng = np.random.default_rng(9)
    table = cross_sectional_tests(make(rng.normal(size=(8, 40)), rng.normal(size=(8, 4)), days=[-1, 0, 1, 2]))
    assert table.index.name == "day" and table.index.tolist() == [-1, 0, 1, 2]
    assert table.columns.tolist() == ["mean_aar", *DAY_TESTS, *[f"{k}_p" for k in DAY_TESTS]]
    assert DAY_TESTS == (
        "bw_1980",
        "bw_1985",
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
        "wilcoxon_v",
    )
    p = table[[f"{k}_p" for k in DAY_TESTS]].to_numpy()
    assert ((p >= 0) & (p <= 1)).all()
    assert isinstance(t_test(make(np.ones((2, 3)), [1, 2])), pd.DataFrame)


def test_bad_convention_and_bad_panel():
    panel = make(**TWO)
    with pytest.raises(PolicyError, match="convention='R'"):
        cross_sectional_tests(panel, convention="R")
    bad = AbnormalReturnPanel(
        est_ar=np.ones((3, 4)), event_ar=np.ones((2, 2)), event_days=np.arange(2), n_params=0
    )
    with pytest.raises(StudyError, match="2 events in event_ar but 3 in est_ar"):
        cross_sectional_tests(bad)
    bad_days = AbnormalReturnPanel(
        est_ar=np.ones((2, 4)), event_ar=np.ones((2, 2)), event_days=np.arange(3), n_params=0
    )
    with pytest.raises(StudyError, match="event_days has shape"):
        car_tests(bad_days, 0, 1)
    bad_market = make(**TWO, k=2, est_market=np.ones((2, 3)), event_market=np.ones((2, 1)))
    with pytest.raises(StudyError, match="est_market has shape"):
        patell(bad_market)


def test_panel_stats_are_shared_per_panel_and_convention():
    panel = make(**TWO)
    assert panel_stats(panel) is panel_stats(panel)
    assert panel_stats(panel) is not panel_stats(panel, "estudy2")
    assert panel_stats(make(**TWO)) is not panel_stats(panel)
