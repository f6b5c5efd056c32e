"""Returns from prices."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from eventstudy.exceptions import PolicyError, StudyError
from eventstudy.stats import returns_from_prices


def test_simple_and_log_returns_from_prices():
    days = pd.bdate_range("2024-01-01", periods=4)
    prices = pd.DataFrame({"A": [100.0, 110.0, 99.0, 99.0], "B": [50.0, np.nan, 55.0, 44.0]}, index=days)
    simple = returns_from_prices(prices)
    assert simple.index[0] == days[1]
    np.testing.assert_allclose(simple["A"], [0.1, -0.1, 0.0], atol=1e-15)
    # no filling across a missing price: both returns around it are missing
    assert simple["B"].isna().tolist() == [True, True, False]
    log = returns_from_prices(prices, kind="log")
    np.testing.assert_allclose(log["A"], np.log([1.1, 0.9, 1.0]), atol=1e-15)


def test_estudy2_log_returns_match_the_published_rates(validation_dir):
    base = validation_dir / "estudy2"
    prices = pd.read_csv(base / "prices.csv", index_col="date", parse_dates=True)
    rates = pd.read_csv(base / "rates.csv", index_col="date", parse_dates=True)
    mine = returns_from_prices(prices, kind="log").reindex(rates.index)
    np.testing.assert_allclose(mine.to_numpy(), rates.to_numpy(), rtol=0, atol=1e-9, equal_nan=True)


def test_bad_prices_raise_typed_errors():
    days = pd.bdate_range("2024-01-01", periods=3)
    with pytest.raises(StudyError, match="prices must be positive"):
        returns_from_prices(pd.Series([1.0, 0.0, 2.0], index=days))
    with pytest.raises(StudyError, match="sorted DatetimeIndex"):
        returns_from_prices(pd.Series([1.0, 2.0, 3.0]))
    with pytest.raises(PolicyError, match="kind='pct' is not valid"):
        returns_from_prices(pd.Series([1.0, 2.0, 3.0], index=days), kind="pct")  # type: ignore[arg-type]
