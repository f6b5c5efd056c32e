"""``eventstudy fetch`` fills the store (yfinance replaced by a fake)."""

from __future__ import annotations

import argparse
from datetime import date

import pytest

from eventstudy.faces import fetch_command
from eventstudy.prices import yahoo as yahoo_module
from eventstudy.prices.store import PriceStore

D = date


@pytest.fixture(autouse=True)
def _network_allowed(monkeypatch):
    """These tests fetch (from the fake): the network is allowed unless a test says otherwise."""
    monkeypatch.delenv("EVENTSTUDY_OFFLINE", raising=False)


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="eventstudy")
    sub = parser.add_subparsers(dest="command")
    fetch_command.add_parser(sub)
    args = parser.parse_args(["fetch", *argv])
    return args.run(args)


def test_fetch_fills_the_store_then_has_nothing_to_fetch(tmp_path, fake_yahoo, capsys):
    store = tmp_path / "s.sqlite"
    argv = ["^FTMC", "^GSPC", "--start", "2019-01-02", "--end", "2019-01-31", "--store", str(store)]
    assert _run(argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("^FTMC 2019-01-02..2019-01-31: 22 sessions; fetched 2019-01-02..2019-01-31")
    assert out[1].startswith("^GSPC 2019-01-02..2019-01-31:")
    assert sorted(t for t, *_ in fake_yahoo.calls) == ["^FTMC", "^GSPC"]
    assert PriceStore(store).coverage("^FTMC") == [(D(2019, 1, 2), D(2019, 1, 31))]

    assert _run(argv) == 0
    assert len(fake_yahoo.calls) == 2
    assert "nothing to fetch" in capsys.readouterr().out


def test_fetch_uses_the_environment_store(tmp_path, fake_yahoo, monkeypatch):
    monkeypatch.setenv("EVENTSTUDY_STORE", str(tmp_path / "env.sqlite"))
    assert _run(["^FTSE", "--start", "2019-01-02", "--end", "2019-01-04"]) == 0
    assert PriceStore(tmp_path / "env.sqlite").coverage("^FTSE") == [(D(2019, 1, 2), D(2019, 1, 4))]


def test_fetch_failure_is_one_line_per_ticker_and_status_2(tmp_path, fake_yahoo, capsys):
    fake_yahoo.mode = "empty"
    assert (
        _run(["^FTMC", "--start", "2019-01-02", "--end", "2019-01-04", "--store", str(tmp_path / "s.sqlite")])
        == 2
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("eventstudy fetch: error: prices for ^FTMC 2019-01-02..2019-01-04")
    assert PriceStore(tmp_path / "s.sqlite").coverage("^FTMC") == []


def test_end_after_the_settled_day_is_clamped(tmp_path, fake_yahoo, monkeypatch, capsys):
    monkeypatch.setattr(fetch_command, "last_settled_day", lambda: D(2019, 1, 4))
    monkeypatch.setattr(yahoo_module, "last_settled_day", lambda: D(2019, 1, 4))
    assert (
        _run(["^FTMC", "--start", "2019-01-02", "--end", "2019-02-01", "--store", str(tmp_path / "s.sqlite")])
        == 0
    )
    assert "using 2019-01-04" in capsys.readouterr().err
    assert fake_yahoo.fetched_ranges() == [(D(2019, 1, 2), D(2019, 1, 4))]


def test_bad_date_is_an_argparse_error(capsys):
    with pytest.raises(SystemExit) as e:
        _run(["^FTMC", "--start", "someday"])
    assert e.value.code == 2
    assert "'someday' is not a date; use YYYY-MM-DD" in capsys.readouterr().err


def test_start_after_end(tmp_path, capsys):
    assert (
        _run(["^FTMC", "--start", "2019-02-01", "--end", "2019-01-01", "--store", str(tmp_path / "s.sqlite")])
        == 2
    )
    assert "is after --end" in capsys.readouterr().err
