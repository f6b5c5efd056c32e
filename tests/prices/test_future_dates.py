"""Dates after the last settled day, or outside an exchange calendar: say so, suggest no fetch.

The last settled day is moved back to January 2019 so that the tests need no real future.
"""

from __future__ import annotations

import argparse
from datetime import date

import pytest

from eventstudy import calendar as cal
from eventstudy.exceptions import (
    EventStudyError,
    InvalidDateError,
    PartialPriceDataError,
    PriceUnavailableError,
)
from eventstudy.faces import fetch_command
from eventstudy.prices import PriceLoader
from eventstudy.prices import loader as loader_module
from eventstudy.prices import yahoo as yahoo_module

D = date
SETTLED = D(2019, 1, 4)  # a Friday


@pytest.fixture
def settled(monkeypatch):
    for module in (loader_module, yahoo_module, fetch_command):
        monkeypatch.setattr(module, "last_settled_day", lambda: SETTLED)
    return SETTLED


def test_offline_range_reaching_the_future_says_so_and_suggests_no_fetch(tmp_path, settled):
    loader = PriceLoader(store_path=tmp_path / "p.sqlite", offline=True)
    with pytest.raises(PriceUnavailableError) as e:
        loader.history("^FTSE", D(2018, 12, 3), D(2019, 1, 10))
    msg = str(e.value)
    assert "2019-01-05..2019-01-10 is after 2019-01-04, the last settled day" in msg
    assert "no prices exist yet for dates in the future; ask for dates up to 2019-01-04" in msg
    assert "eventstudy fetch" not in msg and "run online" not in msg


def test_offline_range_before_the_settled_day_still_suggests_the_fetch(tmp_path, settled):
    loader = PriceLoader(store_path=tmp_path / "p.sqlite", offline=True)
    with pytest.raises(
        PriceUnavailableError, match=r"`eventstudy fetch \^FTSE --start 2018-12-03 --end 2019-01-04`"
    ):
        loader.history("^FTSE", D(2018, 12, 3), D(2019, 1, 4))


def test_a_weekend_after_the_settled_day_is_no_future_gap(tmp_path, settled, fake_yahoo):
    loader = PriceLoader(store_path=tmp_path / "p.sqlite", offline=False)
    df = loader.history("^FTSE", D(2019, 1, 2), D(2019, 1, 6))  # Saturday 5, Sunday 6
    assert df.index[-1].date() == D(2019, 1, 4)


def test_online_range_reaching_the_future(tmp_path, settled, fake_yahoo):
    loader = PriceLoader(store_path=tmp_path / "p.sqlite", offline=False)
    with pytest.raises(PartialPriceDataError) as e:
        loader.history("^FTSE", D(2019, 1, 2), D(2019, 1, 10))
    msg = str(e.value)
    assert "incomplete: 2019-01-07..2019-01-10 is after 2019-01-04, the last settled day" in msg
    assert "retry later" not in msg
    assert fake_yahoo.fetched_ranges() == [(D(2019, 1, 2), D(2019, 1, 4))]  # the future is not asked for


def test_fetch_command_start_in_the_future(tmp_path, settled, capsys):
    parser = argparse.ArgumentParser(prog="eventstudy")
    fetch_command.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(
        ["fetch", "^FTSE", "--start", "2019-01-07", "--store", str(tmp_path / "p.sqlite")]
    )
    assert args.run(args) == 2
    err = capsys.readouterr().err
    assert "--start 2019-01-07 is after 2019-01-04, the last settled day" in err
    assert "in the future" in err


def test_date_after_the_calendar_names_its_range_and_the_future():
    last = cal.get_calendar("XLON").last_session.date()
    later = D(last.year + 3, 6, 2)
    with pytest.raises(
        InvalidDateError, match=rf"{later} is after {last}, the last session the XLON calendar"
    ) as e:
        cal.is_session("XLON", later)
    assert "in the future" in str(e.value)
    assert isinstance(e.value, EventStudyError)
    with pytest.raises(InvalidDateError, match=r"no prices exist for it yet; give a past date"):
        cal.align(later, "XLON", "next")


def test_past_date_after_an_old_calendar_names_its_range(monkeypatch):
    last = cal.get_calendar("XLON").last_session.date()
    monkeypatch.setattr(cal, "_today", lambda: D(last.year + 5, 1, 1))  # a clock past the calendar
    with pytest.raises(
        InvalidDateError, match=rf"give a date from 1990-01-02 to {last}, or upgrade exchange_calendars"
    ):
        cal.is_session("XLON", D(last.year + 1, 6, 2))


def test_date_before_the_calendar():
    with pytest.raises(
        InvalidDateError, match=r"1985-03-01 is before 1990-01-02, the first session of the XLON"
    ):
        cal.next_session("XLON", D(1985, 3, 1))
