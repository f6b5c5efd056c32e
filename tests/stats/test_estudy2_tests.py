"""The estudy2 vignette (COVID-19 lockdown, March 2020) reproduced to its printed digits.

Reference: R package estudy2 0.10.0, introductory vignette; inputs and published
outputs in ``validation_dir / "estudy2"`` (see its README for the set-up). The panel is
built here with plain per-security OLS in numpy, independently of the model stage; the
statistics under test come from :mod:`eventstudy.stats.significance` with
``convention="estudy2"``. Tolerance: half a unit in the last printed digit of each
published number.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from eventstudy.stats.panel import AbnormalReturnPanel
from eventstudy.stats.significance import car_tests, cross_sectional_tests

EST = ("2019-04-01", "2020-03-13")
EVENT = ("2020-03-16", "2020-03-20")


def _market_model_panel(folder: Path, keep: list[str] | None = None) -> AbnormalReturnPanel:
    """Per-security OLS of log returns on ^GSPC over the estimation period (missing skipped)."""
    rates = pd.read_csv(folder / "rates.csv", index_col="date", parse_dates=True)
    market = pd.read_csv(folder / "rates_indx.csv", index_col="date", parse_dates=True)["^GSPC"]
    if keep is not None:
        rates = rates[keep]
    est = (rates.index >= EST[0]) & (rates.index <= EST[1])
    ev = (rates.index >= EVENT[0]) & (rates.index <= EVENT[1])
    x = market.reindex(rates.index).to_numpy()
    est_ar, ev_ar = [], []
    for name in rates.columns:
        y = rates[name].to_numpy()
        use = est & ~np.isnan(y) & ~np.isnan(x)
        design = np.column_stack([np.ones(use.sum()), x[use]])
        (a, b), *_ = np.linalg.lstsq(design, y[use], rcond=None)
        resid = y - a - b * x
        est_ar.append(np.where(np.isnan(y), np.nan, resid)[est])
        ev_ar.append(resid[ev])
    n = rates.shape[1]
    return AbnormalReturnPanel(
        est_ar=np.array(est_ar),
        event_ar=np.array(ev_ar),
        event_days=np.arange(ev.sum()),
        n_params=2,
        est_market=np.tile(x[est], (n, 1)),
        event_market=np.tile(x[ev], (n, 1)),
    )


def _published(folder: Path) -> list[dict[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    for name in ("expected_parametric.csv", "expected_nonparametric.csv"):
        with open(folder / name, newline="") as fh:
            for row in csv.DictReader(fh):
                rows.setdefault(row["date"], {}).update(row)
    return [rows[d] for d in sorted(rows)]


def _half_ulp(text: str) -> float:
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10.0**-decimals + 1e-12


@pytest.fixture(scope="module")
def estudy2(validation_dir: Path):
    folder = validation_dir / "estudy2"
    panel = _market_model_panel(folder)
    return panel, _published(folder), cross_sectional_tests(panel, convention="estudy2")


STATISTICS = [
    "mean_aar",
    "bw_1980",
    "bw_1985",
    "t_test",
    "patell",
    "boehmer_bmp",
    "lamb",
    "sign",
    "generalized_sign",
    "corrado_sign",
    "rank",
    "modified_rank",
    "wilcoxon_v",
]


def test_panel_matches_the_vignette_setup(estudy2):
    panel, published, _ = estudy2
    assert panel.event_ar.shape == (7, 5) and len(published) == 5
    # ZM and UBER listed during the estimation period: shorter samples
    assert (~np.isnan(panel.est_ar)).sum(axis=1).tolist() == [240, 227, 212, 240, 240, 240, 240]


@pytest.mark.parametrize("column", STATISTICS)
def test_statistic_matches_published(estudy2, column):
    _, published, table = estudy2
    for day, row in enumerate(published):
        got = float(table[column].iloc[day])
        want = float(row[column])
        assert abs(got - want) <= _half_ulp(row[column]), f"{column} on {row['date']}: {got!r} vs {want}"


def test_paper_convention_agrees_when_nothing_is_missing(validation_dir: Path):
    """Without missing data or zero returns the conventions differ only through sigma's dof."""
    panel = _market_model_panel(validation_dir / "estudy2", keep=["AMZN", "NFLX", "SHOP", "FB", "UPWK"])
    paper = cross_sectional_tests(panel)
    est2 = cross_sectional_tests(panel, convention="estudy2")
    same = [
        "bw_1985",
        "t_test",
        "lamb",
        "sign",
        "generalized_sign",
        "corrado_sign",
        "rank",
        "modified_rank",
        "wilcoxon_v",
    ]
    np.testing.assert_allclose(paper[same].to_numpy(), est2[same].to_numpy(), rtol=1e-12)
    # sigma with L - 2 instead of L - 1 degrees of freedom: BW1980 shrinks by sqrt((L-2)/(L-1))
    ratio = paper["bw_1980"] / est2["bw_1980"]
    np.testing.assert_allclose(ratio, np.sqrt(238 / 239), rtol=1e-12)


def test_paper_convention_differs_with_missing_data(estudy2):
    panel, _, table = estudy2
    paper = cross_sectional_tests(panel)
    for column in ("corrado_sign", "rank", "modified_rank", "generalized_sign"):
        assert not np.allclose(paper[column], table[column], rtol=1e-6), column


def test_car_tests_run_on_the_vignette(estudy2):
    panel, _, table = estudy2
    res = car_tests(panel, 0, 4, convention="estudy2")
    assert all(r.valid for r in res.values()), {k: r for k, r in res.items() if not r.valid}
    positive = int((panel.event_ar.sum(axis=1) > 0).sum())
    assert res["sign"].stat == pytest.approx((positive - 3.5) / np.sqrt(7 * 0.25))
    assert res["t_test"].distribution == "t(6)"
    np.testing.assert_allclose(panel.event_ar.sum(axis=1).mean(), table["mean_aar"].sum(), rtol=1e-12)
