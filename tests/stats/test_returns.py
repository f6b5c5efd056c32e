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


def test_across_gaps_keeps_the_first_return_after_a_markets_own_holiday():
    # a union calendar: London shut on 2022-01-03 (a UK holiday) while New York traded
    days = pd.to_datetime(["2021-12-31", "2022-01-03", "2022-01-04"])
    prices = pd.DataFrame(
        {"^FTSE": [7384.54, np.nan, 7505.15], "^GSPC": [4766.18, 4796.56, 4793.54]}, index=days
    )
    plain = returns_from_prices(prices)
    bridged = returns_from_prices(prices, across_gaps=True)
    assert np.isnan(plain.loc["2022-01-04", "^FTSE"])
    assert bridged.loc["2022-01-04", "^FTSE"] == pytest.approx(7505.15 / 7384.54 - 1)
    assert np.isnan(bridged.loc["2022-01-03", "^FTSE"])  # no price that day: still no return
    pd.testing.assert_series_equal(bridged["^GSPC"], plain["^GSPC"])


def test_infinite_prices_and_repeated_dates_are_refused():
    days = pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"])
    with pytest.raises(StudyError, match="infinite price"):
        returns_from_prices(pd.Series([1.0, np.inf, 2.0], index=days), across_gaps=True)
    twice = pd.to_datetime(["2024-01-01", "2024-01-01"])
    with pytest.raises(StudyError, match="a date twice"):
        returns_from_prices(pd.Series([1.0, 2.0], index=twice))
