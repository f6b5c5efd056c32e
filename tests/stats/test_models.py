"""Every expected-return model, vectorised over events, equals a plain per-event loop."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from eventstudy.stats import EventStudy

EST, WIN = (-60, -6), (-2, 3)


@pytest.fixture(scope="module")
def universe():
    rng = np.random.default_rng(2024)
    n_days, n_sec = 400, 12
    days = pd.bdate_range("2020-01-01", periods=n_days)
    factors = pd.DataFrame(rng.normal(0, 0.01, (n_days, 3)), index=days, columns=["mkt", "smb", "hml"])
    loadings = rng.normal(1, 0.4, (3, n_sec))
    r = 0.0003 + factors.to_numpy() @ loadings + rng.normal(0, 0.02, (n_days, n_sec))
    r[rng.random(r.shape) < 0.08] = np.nan
    returns = pd.DataFrame(r, index=days, columns=[f"S{i}" for i in range(n_sec)])
    market = factors["mkt"].copy()
    market.iloc[rng.choice(n_days, 10, replace=False)] = np.nan
    events = pd.DataFrame(
        {
            "security": rng.choice(returns.columns, 40),
            "date": days[rng.integers(70, n_days - 5, 40)],
        }
    )
    events["id"] = [f"e{i}" for i in range(40)]
    return returns, market, factors, events


def _reference(returns, market, factors, events, model):
    """Per-event loop with explicit matrices (np.linalg.lstsq), MacKinlay (1997) eq. 7-12."""
    days = returns.index
    rows = []
    for _, ev in events.iterrows():
        p = days.get_loc(ev["date"])
        y_all = returns[ev["security"]].to_numpy()
        est = np.arange(p + EST[0], p + EST[1] + 1)
        win = np.arange(p + WIN[0], p + WIN[1] + 1)
        if model == "constant-mean":
            Z = np.ones((len(days), 1))
        elif model == "market":
            Z = np.column_stack([np.ones(len(days)), market.to_numpy()])
        elif model == "factor":
            Z = np.column_stack([np.ones(len(days)), factors.to_numpy()])
        else:
            Z = np.empty((len(days), 0))
        y = y_all - market.to_numpy() if model == "market-adjusted" else y_all
        ok = np.isfinite(y[est]) & np.isfinite(Z[est]).all(axis=1)
        X, yy = Z[est][ok], y[est][ok]
        k = X.shape[1]
        if k:
            theta = np.linalg.lstsq(X, yy, rcond=None)[0]
            xtx_inv = np.linalg.inv(X.T @ X)
        else:
            theta, xtx_inv = np.empty(0), np.empty((0, 0))
        resid = yy - X @ theta
        sigma2 = resid @ resid / (len(yy) - k)
        est_ar = np.full(len(est), np.nan)
        est_ar[ok] = resid
        ok_w = np.isfinite(y[win]) & np.isfinite(Z[win]).all(axis=1)
        ar = np.where(ok_w, y[win] - Z[win] @ theta, np.nan)
        Xs = Z[win]
        V = sigma2 * (np.eye(len(win)) + Xs @ xtx_inv @ Xs.T) if k else sigma2 * np.eye(len(win))
        Vo = V[np.ix_(ok_w, ok_w)]  # g'Vg with g the indicator of non-missing event days
        expected = y_all[win] - ar
        bh = np.prod(np.where(ok_w, 1 + y_all[win], 1)) - np.prod(np.where(ok_w, 1 + expected, 1))
        q = [np.mean(resid <= a) if np.isfinite(a) else np.nan for a in ar]
        rows.append(
            {
                "theta": theta,
                "sigma2": sigma2,
                "est_ar": est_ar,
                "ar": ar,
                "pred": np.diag(V) / sigma2,
                "car": np.nansum(ar),
                "var": Vo.sum(),
                "bhar": bh,
                "q": np.array(q),
                "n": len(yy),
            }
        )
    return rows


@pytest.mark.parametrize("model", ["market", "constant-mean", "market-adjusted", "factor"])
def test_vectorised_equals_reference_loop(universe, model):
    returns, market, factors, events = universe
    res = EventStudy(
        returns,
        market,
        events,
        factors=factors if model == "factor" else None,
        model=model,
        estimation=EST,
        event=WIN,
        min_estimation=20,
    ).run()
    assert res.dropped.empty
    ref = _reference(returns, market, factors, events, model)
    car = res.car()
    stats = res.event_stats
    for i, r in enumerate(ref):
        np.testing.assert_allclose(res.params[i], r["theta"], rtol=0, atol=1e-10)
        assert res.sigma2[i] == pytest.approx(r["sigma2"], abs=1e-12)
        np.testing.assert_allclose(res.est_ar[i], r["est_ar"], rtol=0, atol=1e-10, equal_nan=True)
        np.testing.assert_allclose(res.event_ar[i], r["ar"], rtol=0, atol=1e-10, equal_nan=True)
        np.testing.assert_allclose(res.pred_factor[i], r["pred"], rtol=0, atol=1e-10)
        assert car["car"].iloc[i] == pytest.approx(r["car"], abs=1e-10)
        assert car["var"].iloc[i] == pytest.approx(r["var"], abs=1e-10)
        assert stats["bhar"].iloc[i] == pytest.approx(r["bhar"], abs=1e-10)
        assert stats["n_est"].iloc[i] == r["n"]
        np.testing.assert_allclose(res.ar_quantile.iloc[:, i], r["q"], atol=1e-12, equal_nan=True)


def test_market_benchmark_on_all_estimation_days(universe):
    """est_market holds the benchmark wherever the benchmark exists, even where the security is missing."""
    returns, market, _, events = universe
    res = EventStudy(returns, market, events, estimation=EST, event=WIN, min_estimation=20).run()
    p = returns.index.get_loc(events["date"].iloc[0])
    expected = market.to_numpy()[p + EST[0] : p + EST[1] + 1]
    np.testing.assert_array_equal(res.panel.est_market[0], expected)
    assert np.isnan(res.panel.est_ar[0]).sum() > np.isnan(res.panel.est_market[0]).sum()
    assert res.panel.n_params == 2
    assert res.panel.event_days.tolist() == list(range(WIN[0], WIN[1] + 1))


def test_factor_names_become_parameter_columns(universe):
    returns, market, factors, events = universe
    res = EventStudy(returns, None, events, factors=factors, model="factor", estimation=EST, event=WIN).run()
    assert {"alpha", "beta_mkt", "beta_smb", "beta_hml"} <= set(res.event_stats.columns)
    assert res.n_params == 4
