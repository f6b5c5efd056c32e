"""``eventstudy fetch`` as users typed it: index names, and the promise to stay offline.

``yfinance.download`` is replaced by the recorder of ``tests/prices/conftest.py`` (London
sessions), so no test here touches the network; a test that must not download checks the
recorder is untouched.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstudy.faces.cli import main
from eventstudy.prices.store import PriceStore

D = date


@pytest.fixture
def online(monkeypatch):
    monkeypatch.delenv("EVENTSTUDY_OFFLINE", raising=False)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- index names are fetched under their ticker --------------------------------------------


@pytest.mark.parametrize("name", ["FTSE 100", "footsie", "ftse 100 index"])
def test_an_index_name_is_fetched_under_its_ticker(tmp_path, capsys, fake_yahoo, online, name):
    store = tmp_path / "s.sqlite"
    code, out, err = _run(
        capsys, "fetch", name, "--start", "2019-01-02", "--end", "2019-01-31", "--store", str(store)
    )
    assert code == 0, err
    assert [c[0] for c in fake_yahoo.calls] == ["^FTSE"]
    assert out.startswith(f"^FTSE ({name}) 2019-01-02..2019-01-31: 22 sessions; fetched")
    assert PriceStore(store).coverage("^FTSE") == [(D(2019, 1, 2), D(2019, 1, 31))]


def test_a_name_and_its_ticker_are_fetched_once(tmp_path, capsys, fake_yahoo, online):
    store = tmp_path / "s.sqlite"
    code, out, _ = _run(
        capsys,
        "fetch",
        "^FTSE",
        "FTSE 100",
        "--start",
        "2019-02-01",
        "--end",
        "2019-02-08",
        "--store",
        str(store),
    )
    assert code == 0
    assert [c[0] for c in fake_yahoo.calls] == ["^FTSE"]
    assert len(out.strip().splitlines()) == 1


def test_a_name_that_is_neither_index_nor_ticker_is_one_line(tmp_path, capsys, fake_yahoo, online):
    code, out, err = _run(
        capsys,
        "fetch",
        "Gold Coast 12",
        "--start",
        "2019-01-02",
        "--end",
        "2019-01-31",
        "--store",
        str(tmp_path / "s"),
    )
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        "eventstudy fetch: error: 'Gold Coast 12' is neither an index of eventstudy.indices nor a Yahoo "
        "ticker; give a ticker such as ^FTSE or a name such as 'FTSE 100'"
    ]
    assert [c[0] for c in fake_yahoo.calls] == []


# --- offline means off the network ----------------------------------------------------------


def test_the_offline_variable_keeps_fetch_off_the_network(tmp_path, capsys, fake_yahoo, monkeypatch):
    monkeypatch.setenv("EVENTSTUDY_OFFLINE", "1")
    store = tmp_path / "s.sqlite"
    code, out, err = _run(
        capsys, "fetch", "^FTSE", "--start", "2019-01-02", "--end", "2019-01-31", "--store", str(store)
    )
    assert code == 2 and out == ""
    assert [c[0] for c in fake_yahoo.calls] == []
    (line,) = err.strip().splitlines()
    assert line.startswith("eventstudy fetch: error: ^FTSE 2019-01-02..2019-01-31 not fetched: ")
    assert "EVENTSTUDY_OFFLINE is set" in line
    assert line.endswith(
        f"run `EVENTSTUDY_OFFLINE= eventstudy fetch ^FTSE --start 2019-01-02 --end 2019-01-31 --store {store}`"
    )
    assert PriceStore(store).coverage("^FTSE") == []


def test_the_offline_option_keeps_fetch_off_the_network(tmp_path, capsys, fake_yahoo, online):
    code, _, err = _run(
        capsys,
        "fetch",
        "FTSE 250",
        "--start",
        "2019-01-02",
        "--end",
        "2019-01-31",
        "--offline",
        "--store",
        str(tmp_path / "s.sqlite"),
    )
    assert code == 2
    assert [c[0] for c in fake_yahoo.calls] == []
    assert "--offline is given" in err and "run `eventstudy fetch ^FTMC --start 2019-01-02" in err


def test_offline_a_range_already_held_needs_nothing(tmp_path, capsys, fake_yahoo, monkeypatch):
    monkeypatch.setenv("EVENTSTUDY_OFFLINE", "1")
    code, out, err = _run(
        capsys,
        "fetch",
        "^FTMC",
        "--start",
        "2022-03-01",
        "--end",
        "2022-03-31",
        "--store",
        str(tmp_path / "s"),
    )
    assert (code, err) == (0, "")
    assert [c[0] for c in fake_yahoo.calls] == []
    assert "nothing to fetch" in out and ": 23 sessions;" in out


def test_an_index_the_registry_knows_of_but_has_no_ticker_for_says_so(tmp_path, capsys, fake_yahoo, online):
    code, _, err = _run(
        capsys, "fetch", "Nasdaq 100", "--start", "2019-01-02", "--store", str(tmp_path / "s")
    )
    assert code == 2 and [c[0] for c in fake_yahoo.calls] == []
    assert "Nasdaq-100 is not in eventstudy.indices" in err and "give its Yahoo ticker" in err
