"""Tickers without an exchange calendar (stocks): holidays at the edges of a range are no gap.

Weekdays stand in for the sessions of a ticker that is not in ``eventstudy.indices``. The
fake yfinance here answers with New York sessions only, as Yahoo does for a US stock, so a
range that starts or ends on an NYSE holiday lacks a weekday at its edge.
"""

from __future__ import annotations

import argparse
from datetime import date

import exchange_calendars as xcals
import pandas as pd
import pytest

from eventstudy.exceptions import PartialPriceDataError, PriceUnavailableError
from eventstudy.faces import fetch_command
from eventstudy.prices import PriceLoader
from eventstudy.prices.coverage import weekday_coverage
from eventstudy.prices.store import PriceStore
from eventstudy.prices.yahoo import YahooSource

D = date


@pytest.fixture
def nyse_yahoo(fake_yahoo):
    """The yfinance fake answering with NYSE sessions (no row on US holidays)."""
    fake_yahoo.calendar = xcals.get_calendar("XNYS", start="2015-01-01")
    return fake_yahoo


@pytest.fixture
def online(tmp_path, nyse_yahoo) -> PriceLoader:
    return PriceLoader(store_path=tmp_path / "prices.sqlite", offline=False)


def _nyse(start: str, end: str) -> list[date]:
    cal = xcals.get_calendar("XNYS", start="2015-01-01")
    return list(cal.sessions_in_range(start, end).date)


def test_range_ending_on_a_holiday_is_complete_and_fetched_once(online, nyse_yahoo, fake_close):
    # 4 July 2023 (Tuesday) is an NYSE holiday: Yahoo's answer has no row for the last weekday
    df = online.history("AAPL", D(2023, 6, 1), D(2023, 7, 4))
    assert list(df.index.date) == _nyse("2023-06-01", "2023-07-04")
    assert df["close"].tolist() == [fake_close(d) for d in df.index.date]
    assert online.store.coverage("AAPL") == [(D(2023, 6, 1), D(2023, 7, 4))]
    again = online.history("AAPL", D(2023, 6, 1), D(2023, 7, 4))
    assert len(nyse_yahoo.calls) == 1  # a second run fetches nothing
    pd.testing.assert_frame_equal(again, df)


def test_range_starting_on_a_holiday(online, nyse_yahoo):
    # 2 January 2023 (Monday): New Year's Day observed, no NYSE session
    df = online.history("MSFT", D(2023, 1, 2), D(2023, 1, 31))
    assert df.index[0].date() == D(2023, 1, 3)
    assert online.missing("MSFT", D(2023, 1, 2), D(2023, 1, 31)) == []
    online.history("MSFT", D(2023, 1, 2), D(2023, 1, 31))
    assert len(nyse_yahoo.calls) == 1


def test_gap_made_only_of_a_holiday_between_stored_ranges(online, nyse_yahoo):
    online.history("AAPL", D(2023, 6, 1), D(2023, 6, 16))
    online.history("AAPL", D(2023, 6, 20), D(2023, 6, 30))
    # left between them: Saturday 17, Sunday 18 and Juneteenth (Monday 19, NYSE closed)
    assert online.missing("AAPL", D(2023, 6, 1), D(2023, 6, 30)) == [(D(2023, 6, 17), D(2023, 6, 19))]
    df = online.history("AAPL", D(2023, 6, 1), D(2023, 6, 30))
    assert list(df.index.date) == _nyse("2023-06-01", "2023-06-30")
    assert online.store.coverage("AAPL") == [(D(2023, 6, 1), D(2023, 6, 30))]
    calls = len(nyse_yahoo.calls)
    online.history("AAPL", D(2023, 6, 1), D(2023, 6, 30))
    assert len(nyse_yahoo.calls) == calls


def test_a_range_of_one_holiday_has_no_session_and_is_asked_once(online, nyse_yahoo):
    for _ in range(2):
        with pytest.raises(
            PriceUnavailableError, match="no trading session for AAPL in 2023-07-04..2023-07-04"
        ):
            online.history("AAPL", D(2023, 7, 4), D(2023, 7, 4))
    assert len(nyse_yahoo.calls) == 1


def test_empty_answer_is_never_coverage(online, nyse_yahoo):
    nyse_yahoo.mode = "empty"  # what yfinance returns offline or rate-limited, without raising
    for _ in range(2):
        with pytest.raises(PriceUnavailableError, match="not to be had"):
            online.history("AAPL", D(2023, 6, 1), D(2023, 7, 4))
    assert len(nyse_yahoo.calls) == 2
    assert online.store.coverage("AAPL") == []


def test_a_long_run_without_rows_at_the_end_stays_a_gap(online, nyse_yahoo):
    # Yahoo stops on 9 June: two weeks of weekdays without a row is no holiday
    nyse_yahoo.last_day = D(2023, 6, 9)
    with pytest.raises(PartialPriceDataError, match=r"incomplete: 2023-06-12..2023-06-30 is not to be had"):
        online.history("AAPL", D(2023, 6, 1), D(2023, 6, 30))
    assert online.store.coverage("AAPL") == [(D(2023, 6, 1), D(2023, 6, 11))]


def test_yahoo_fetch_asks_around_the_range_for_weekday_tickers(nyse_yahoo):
    got = YahooSource().fetch("AAPL", D(2023, 7, 4), D(2023, 7, 4))
    lo, hi = nyse_yahoo.fetched_ranges()[0]
    assert lo < D(2023, 7, 4) < hi  # rows on both sides show the day is a holiday
    assert got.frame.empty
    assert got.coverage == ((D(2023, 7, 4), D(2023, 7, 4)),)
    assert len(got.context) > 0  # the rows around it, kept so that the coverage can be stored


def test_registry_tickers_are_asked_for_the_range_only(fake_yahoo):
    YahooSource().fetch("^FTMC", D(2019, 1, 2), D(2019, 1, 4))
    assert fake_yahoo.fetched_ranges() == [(D(2019, 1, 2), D(2019, 1, 4))]


def _idx(*days: date) -> pd.DatetimeIndex:
    return pd.DatetimeIndex([pd.Timestamp(d) for d in days])


@pytest.mark.parametrize(
    ("have", "start", "end", "expected"),
    [
        ((), D(2023, 6, 26), D(2023, 7, 5), []),  # nothing received: never coverage
        # 5 weekdays before the only row, 2 after: short runs, taken for holidays
        ((D(2023, 7, 3),), D(2023, 6, 26), D(2023, 7, 5), [(D(2023, 6, 26), D(2023, 7, 5))]),
        # rows on both sides: every weekday between them is a holiday
        ((D(2023, 6, 23), D(2023, 7, 10)), D(2023, 6, 26), D(2023, 7, 5), [(D(2023, 6, 26), D(2023, 7, 5))]),
        # a row before the range only, and one holiday in it
        ((D(2023, 6, 30),), D(2023, 7, 4), D(2023, 7, 4), [(D(2023, 7, 4), D(2023, 7, 4))]),
        # a row before the range only, and 8 weekdays in it: no holiday is that long
        ((D(2023, 6, 23),), D(2023, 6, 26), D(2023, 7, 5), []),
    ],
)
def test_weekday_coverage_short_edge_runs_are_holidays(have, start, end, expected):
    assert weekday_coverage(_idx(*have), start, end) == expected


def test_weekday_coverage_long_edge_runs_are_gaps():
    # 2..13 January (10 weekdays) before the first row, 23..31 (7 weekdays) after the last
    have = _idx(D(2023, 1, 16), D(2023, 1, 20))
    assert weekday_coverage(have, D(2023, 1, 1), D(2023, 1, 31)) == [(D(2023, 1, 14), D(2023, 1, 22))]
    assert weekday_coverage(have, D(2023, 1, 1), D(2023, 1, 31), max_run=7) == [
        (D(2023, 1, 14), D(2023, 1, 31))
    ]


def _fetch(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="eventstudy")
    fetch_command.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["fetch", *argv])
    return args.run(args)


def test_fetch_command_stock_range_ending_on_a_holiday(tmp_path, nyse_yahoo, capsys, monkeypatch):
    monkeypatch.delenv("EVENTSTUDY_OFFLINE")  # fetch downloads only when the network is allowed
    store = tmp_path / "s.sqlite"
    argv = ["AAPL", "--start", "2023-06-01", "--end", "2023-07-04", "--store", str(store)]
    assert _fetch(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"AAPL 2023-06-01..2023-07-04: {len(_nyse('2023-06-01', '2023-07-04'))} sessions")
    assert _fetch(argv) == 0
    assert "nothing to fetch" in capsys.readouterr().out
    assert len(nyse_yahoo.calls) == 1
    assert PriceStore(store).coverage("AAPL") == [(D(2023, 6, 1), D(2023, 7, 4))]


def test_days_after_the_last_row_near_the_last_settled_day_are_not_taken_for_holidays():
    rows = pd.DatetimeIndex(["2023-06-26", "2023-06-27", "2023-06-28"])
    # the source may not have published 29 and 30 June yet: they stay uncovered
    assert weekday_coverage(rows, date(2023, 6, 26), date(2023, 6, 30), rows_after=False) == [
        (date(2023, 6, 26), date(2023, 6, 28))
    ]
    # with rows after the range asked for and none there, a short run is a holiday
    assert weekday_coverage(rows, date(2023, 6, 26), date(2023, 6, 30)) == [
        (date(2023, 6, 26), date(2023, 6, 30))
    ]
