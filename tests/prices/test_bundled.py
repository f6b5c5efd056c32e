"""Bundled prices: exact rows, ranges reaching outside, unknown tickers."""

from __future__ import annotations

import csv
from datetime import date
from importlib import resources

import pytest

from eventstudy.exceptions import InvalidDateRangeError, PartialPriceDataError, PriceUnavailableError
from eventstudy.prices.base import COLUMNS
from eventstudy.prices.bundled import BundledSource, bundled_tickers, load_bundled


def _csv_closes(ticker: str) -> dict[str, float]:
    """Closes read straight from the CSV with the csv module (independent of pandas)."""
    text = resources.files("eventstudy.data").joinpath(f"{ticker}.csv").read_text()
    return {row["date"]: float(row["close"]) for row in csv.DictReader(text.splitlines())}


def test_bundled_tickers_are_the_eight_indices():
    assert set(bundled_tickers()) == {
        "^FTMC",
        "^FTSE",
        "^GSPC",
        "^DJI",
        "^IXIC",
        "^N225",
        "^GDAXI",
        "^STOXX50E",
    }


@pytest.mark.parametrize("ticker", ["^FTMC", "^GSPC", "^N225"])
def test_range_matches_the_csv_rows(ticker):
    df = BundledSource().history(ticker, date(2021, 3, 1), date(2021, 3, 31))
    expected = {d: c for d, c in _csv_closes(ticker).items() if "2021-03-01" <= d <= "2021-03-31"}
    assert list(df.index.strftime("%Y-%m-%d")) == sorted(expected)
    assert df["close"].tolist() == [expected[d] for d in sorted(expected)]
    assert list(df.columns) == list(COLUMNS)
    assert df.index.name == "date"


def test_bounds_are_inclusive_and_strings_accepted():
    df = BundledSource().history("^FTMC", "2021-03-01", "2021-03-05")
    assert df.index[0].date() == date(2021, 3, 1)
    assert df.index[-1].date() == date(2021, 3, 5)
    assert len(df) == 5


def test_range_reaching_outside_is_partial():
    with pytest.raises(PartialPriceDataError, match=r"2021-01-04 .. 2022-06-30; .* reaches outside") as e:
        BundledSource().history("^FTMC", date(2022, 6, 1), date(2022, 7, 15))
    assert e.value.ticker == "^FTMC"
    assert e.value.end == date(2022, 7, 15)


def test_range_wholly_outside_is_unavailable():
    with pytest.raises(PriceUnavailableError, match=r"cover 2021-01-04 .. 2022-06-30, not 2019-01-01"):
        BundledSource().history("^FTMC", date(2019, 1, 1), date(2019, 2, 1))


def test_unknown_ticker():
    with pytest.raises(PriceUnavailableError, match=r"no bundled prices for \^NOPE; bundled: "):
        BundledSource().history("^NOPE", date(2021, 3, 1), date(2021, 3, 5))
    assert BundledSource().coverage("^NOPE") is None


def test_start_after_end():
    with pytest.raises(InvalidDateRangeError, match=r"start=2021-03-05 is after end=2021-03-01"):
        BundledSource().history("^FTMC", date(2021, 3, 5), date(2021, 3, 1))


def test_coverage_is_first_and_last_row():
    rows = sorted(_csv_closes("^STOXX50E"))
    assert BundledSource().coverage("^STOXX50E") == (
        date.fromisoformat(rows[0]),
        date.fromisoformat(rows[-1]),
    )


def test_load_bundled_returns_a_copy():
    a = load_bundled("^FTSE")
    a.iloc[0, 0] = -1.0
    assert load_bundled("^FTSE").iloc[0, 0] != -1.0
