"""Size of every test under the null: simulated market-model returns without events.

1,000 simulated studies of 30 events each (30,000 events), estimation window 120 days,
event window 11 days (-5..5), market-model residuals from a per-event OLS fit done
here. Each test's rejection rate at the 5 % level must lie in [3 %, 7 %]: day-level tests
pool the 11 event days of every study, CAR tests use the full window once per study.
"""

from __future__ import annotations

import numpy as np
import pytest

from eventstudy.stats.panel import AbnormalReturnPanel
from eventstudy.stats.significance import DAY_TESTS, car_tests, cross_sectional_tests

N_STUDIES, N_EVENTS, L, T = 1000, 30, 120, 11
DAYS = np.arange(-5, 6)


def _market_model_residuals(rng: np.random.Generator, n: int):
    """Returns r = a + b m + e (e normal, event-specific volatility); OLS on the first L days."""
    m = rng.normal(0.0, 0.01, (n, L + T))
    a = rng.normal(0.0, 0.0005, (n, 1))
    b = rng.uniform(0.5, 1.5, (n, 1))
    vol = rng.uniform(0.01, 0.03, (n, 1))
    r = a + b * m + vol * rng.standard_normal((n, L + T))
    me, re = m[:, :L], r[:, :L]
    mbar, rbar = me.mean(axis=1, keepdims=True), re.mean(axis=1, keepdims=True)
    beta = ((me - mbar) * (re - rbar)).sum(axis=1, keepdims=True) / ((me - mbar) ** 2).sum(
        axis=1, keepdims=True
    )
    alpha = rbar - beta * mbar
    resid = r - alpha - beta * m
    return resid, m


@pytest.fixture(scope="module")
def pvalues() -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    rng = np.random.default_rng(20240611)
    resid, m = _market_model_residuals(rng, N_STUDIES * N_EVENTS)
    day_p: dict[str, list[np.ndarray]] = {k: [] for k in DAY_TESTS}
    car_p: dict[str, list[float]] = {}
    for s in range(N_STUDIES):
        rows = slice(s * N_EVENTS, (s + 1) * N_EVENTS)
        panel = AbnormalReturnPanel(
            est_ar=resid[rows, :L],
            event_ar=resid[rows, L:],
            event_days=DAYS,
            n_params=2,
            est_market=m[rows, :L],
            event_market=m[rows, L:],
        )
        table = cross_sectional_tests(panel)
        for k in DAY_TESTS:
            day_p[k].append(table[f"{k}_p"].to_numpy())
        for k, res in car_tests(panel, -5, 5).items():
            car_p.setdefault(k, []).append(res.pvalue)
    return {k: np.concatenate(v) for k, v in day_p.items()}, {k: np.array(v) for k, v in car_p.items()}


@pytest.mark.parametrize("key", DAY_TESTS)
def test_day_level_size(pvalues, key):
    p = pvalues[0][key]
    assert np.isfinite(p).all(), f"{key}: {np.isnan(p).sum()} NaN p-values"
    rate = float(np.mean(p < 0.05))
    assert 0.03 <= rate <= 0.07, f"{key} rejects {rate:.3%} of true nulls"


@pytest.mark.parametrize(
    "key",
    [
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
    ],
)
def test_car_size(pvalues, key):
    p = pvalues[1][key]
    assert p.size == N_STUDIES
    assert np.isfinite(p).all(), f"{key}: {np.isnan(p).sum()} NaN p-values"
    rate = float(np.mean(p < 0.05))
    assert 0.03 <= rate <= 0.07, f"{key} rejects {rate:.3%} of true nulls"


def test_pvalues_roughly_uniform(pvalues):
    """Beyond the 5 % point: the p-values of the continuous tests are close to U(0, 1)."""
    for key in ("t_test", "patell", "boehmer_bmp", "modified_rank"):
        p = pvalues[0][key]
        for q in (0.1, 0.25, 0.5):
            assert abs(np.mean(p < q) - q) < 0.03, (key, q, np.mean(p < q))
