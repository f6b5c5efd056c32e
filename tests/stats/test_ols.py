"""Batched OLS: a hand-computed example and agreement with statsmodels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from eventstudy.exceptions import EventStudyWarning
from eventstudy.stats import Event, EventStudy
from eventstudy.stats.ols import ols_batched, ols_constant, ols_market

# Hand example (worked on paper): X = [[1,5],[1,5],[1,7]], y = [6,8,10]
# beta = (X'X)^-1 X'y = (-0.5, 1.5); residuals (-1, 1, 0); sigma^2 = 2 / (3 - 2) = 2;
# event rows X* = [[1,3],[1,5]]: X*(X'X)^-1 X*' = [[3,1],[1,0.5]], so
# V = sigma^2 (I + X*(X'X)^-1 X*') = [[8,2],[2,3]] and Var(CAR) = 1'V1 = 15
# (11 = 8 + 3 if the covariance of the two prediction errors were left out).
X_EST = np.array([5.0, 5.0, 7.0])
Y_EST = np.array([6.0, 8.0, 10.0])
X_EVENT = np.array([3.0, 5.0])


def test_hand_example_market_model_closed_form():
    fit = ols_market(Y_EST[None, :], X_EST[None, :], np.ones((1, 3), dtype=bool))
    np.testing.assert_allclose(fit.params[0], [-0.5, 1.5], atol=1e-12)
    np.testing.assert_allclose(fit.sigma2, [2.0], atol=1e-12)
    np.testing.assert_allclose(fit.resid[0], [-1.0, 1.0, 0.0], atol=1e-12)
    xs = np.column_stack([np.ones(2), X_EVENT])
    V = fit.sigma2[0] * (np.eye(2) + xs @ fit.xtx_inv[0] @ xs.T)
    np.testing.assert_allclose(V, [[8.0, 2.0], [2.0, 3.0]], atol=1e-12)
    assert np.ones(2) @ V @ np.ones(2) == pytest.approx(15.0, abs=1e-12)


def test_hand_example_general_normal_equations_agree():
    X = np.column_stack([np.ones(3), X_EST])[None]
    fit = ols_batched(Y_EST[None, :], X, np.ones((1, 3), dtype=bool))
    np.testing.assert_allclose(fit.params[0], [-0.5, 1.5], atol=1e-12)
    np.testing.assert_allclose(fit.sigma2, [2.0], atol=1e-12)
    # X'X = [[3, 17], [17, 99]], det 8: (X'X)^-1 = [[99, -17], [-17, 3]] / 8
    np.testing.assert_allclose(fit.xtx_inv[0], np.array([[99.0, -17.0], [-17.0, 3.0]]) / 8, atol=1e-12)


def test_hand_example_through_the_event_study():
    """Var(CAR) = 15 and the diagonal of V through the public API."""
    days = pd.bdate_range("2024-01-01", periods=5)
    returns = pd.DataFrame({"A": np.r_[Y_EST, 1.0, 2.0]}, index=days)
    market = pd.Series(np.r_[X_EST, X_EVENT], index=days)
    with pytest.warns(EventStudyWarning, match="look like prices"):  # hand-sized numbers, not returns
        res = EventStudy(
            returns, market, [Event("A", days[3])], estimation=(-3, -1), event=(0, 1), min_estimation=3
        ).run()
    car = res.car()
    assert car.loc["A", "var"] == pytest.approx(15.0, abs=1e-10)
    np.testing.assert_allclose(res.sigma2 * res.pred_factor[0], [8.0, 3.0], atol=1e-10)
    # AR = r - (-0.5 + 1.5 x): 1 - 4 = -3 and 2 - 7 = -5
    np.testing.assert_allclose(res.event_ar[0], [-3.0, -5.0], atol=1e-12)
    frame = res.event_frame("A")
    assert frame["car_se"].iloc[-1] == pytest.approx(np.sqrt(15.0), abs=1e-10)
    assert frame["ar_se"].iloc[0] == pytest.approx(np.sqrt(8.0), abs=1e-10)
    assert frame["car_t"].iloc[-1] == pytest.approx(-8.0 / np.sqrt(15.0), abs=1e-10)


def _random_panel(rng, n, L, frac_missing):
    x = rng.normal(0.0005, 0.01, (n, L))
    y = 0.001 + rng.uniform(0.3, 1.7, (n, 1)) * x + rng.normal(0, 0.02, (n, L))
    y[rng.random((n, L)) < frac_missing] = np.nan
    x[rng.random((n, L)) < frac_missing / 2] = np.nan
    return y, x


@pytest.mark.parametrize("frac_missing", [0.0, 0.15], ids=["complete", "missing"])
def test_market_model_agrees_with_statsmodels(frac_missing):
    rng = np.random.default_rng(42)
    y, x = _random_panel(rng, 25, 60, frac_missing)
    mask = np.isfinite(y) & np.isfinite(x)
    fit = ols_market(y, x, mask)
    for i in range(y.shape[0]):
        sm_fit = sm.OLS(y[i], sm.add_constant(x[i]), missing="drop").fit()
        np.testing.assert_allclose(fit.params[i], sm_fit.params, rtol=0, atol=1e-10)
        assert fit.sigma2[i] == pytest.approx(sm_fit.scale, abs=1e-10)
        np.testing.assert_allclose(fit.resid[i][mask[i]], sm_fit.resid, rtol=0, atol=1e-10)
        assert np.isnan(fit.resid[i][~mask[i]]).all()
        np.testing.assert_allclose(fit.xtx_inv[i], sm_fit.normalized_cov_params, rtol=1e-9, atol=1e-10)


@pytest.mark.parametrize("frac_missing", [0.0, 0.1], ids=["complete", "missing"])
def test_factor_model_agrees_with_statsmodels(frac_missing):
    rng = np.random.default_rng(7)
    n, L, k = 20, 80, 3
    F = rng.normal(0, 0.01, (n, L, k))
    y = 0.0005 + np.einsum("nlk,nk->nl", F, rng.normal(1, 0.3, (n, k))) + rng.normal(0, 0.015, (n, L))
    y[rng.random((n, L)) < frac_missing] = np.nan
    F[rng.random((n, L, k)) < frac_missing / 3] = np.nan
    mask = np.isfinite(y) & np.isfinite(F).all(axis=2)
    X = np.concatenate([np.ones((n, L, 1)), F], axis=2)
    fit = ols_batched(y, X, mask)
    for i in range(n):
        sm_fit = sm.OLS(y[i], X[i], missing="drop").fit()
        np.testing.assert_allclose(fit.params[i], sm_fit.params, rtol=0, atol=1e-10)
        assert fit.sigma2[i] == pytest.approx(sm_fit.scale, abs=1e-10)
        np.testing.assert_allclose(fit.resid[i][mask[i]], sm_fit.resid, rtol=0, atol=1e-10)


def test_constant_mean_agrees_with_statsmodels():
    rng = np.random.default_rng(3)
    y, _ = _random_panel(rng, 10, 50, 0.2)
    fit = ols_constant(y, np.isfinite(y))
    for i in range(10):
        sm_fit = sm.OLS(y[i], np.ones(50), missing="drop").fit()
        np.testing.assert_allclose(fit.params[i], sm_fit.params, atol=1e-12)
        assert fit.sigma2[i] == pytest.approx(sm_fit.scale, abs=1e-12)


def test_singular_design_is_flagged_not_raised():
    y = np.array([[1.0, 2.0, 3.0, 4.0], [1.0, 3.0, 2.0, 5.0]])
    x = np.array([[0.01, 0.01, 0.01, 0.01], [0.01, 0.02, 0.0, 0.03]])
    mask = np.ones_like(y, dtype=bool)
    assert ols_market(y, x, mask).singular.tolist() == [True, False]
    X = np.stack([np.ones_like(x), x, 2 * x], axis=2)
    assert ols_batched(y, X, mask).singular.tolist() == [True, True]
