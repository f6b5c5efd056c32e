"""A store locked by another process or read-only: the right advice, and nothing lost.

Another process's lock is an exclusive (or immediate) transaction held on a second SQLite
connection: SQLite answers both with SQLITE_BUSY. A read-only store is opened with
``mode=ro``, which gives SQLite's own error for a read-only file (SQLITE_READONLY) whoever
runs the tests (root may write to a file whatever its mode says).
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from eventstudy.exceptions import EventStudyWarning, StoreError
from eventstudy.faces import fetch_command
from eventstudy.prices import PriceLoader
from eventstudy.prices import store as store_module
from eventstudy.prices.store import PriceStore

D = date
QUICK = 0.05  # seconds to wait for a lock in these tests (the default is 30)

JAN = pd.DataFrame(
    {"open": [1.0, 2.0], "high": [3.0, 4.0], "low": [0.5, 1.5], "close": [2.0, 3.0]},
    index=pd.DatetimeIndex(["2019-01-02", "2019-01-03"], name="date"),
)


@pytest.fixture
def path(tmp_path) -> Path:
    p = tmp_path / "prices.sqlite"
    PriceStore(p).write("^FTMC", JAN, coverage=[(D(2019, 1, 2), D(2019, 1, 3))])
    return p


@contextmanager
def held(path: Path, how: str = "EXCLUSIVE") -> Iterator[None]:
    """Another connection holding the store in a transaction (``EXCLUSIVE``: no reads either;
    ``IMMEDIATE``: reads go on, writes wait)."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute(f"BEGIN {how}")
    try:
        yield
    finally:
        con.execute("ROLLBACK")
        con.close()


class _ReadOnlySqlite:
    """``sqlite3`` as the store sees it when its file is read-only."""

    Error = sqlite3.Error

    def __getattr__(self, name: str):
        return getattr(sqlite3, name)

    @staticmethod
    def connect(database, *args, uri: bool = False, **kwargs):
        if not uri:
            database, uri = f"{Path(database).resolve().as_uri()}?mode=ro", True
        return sqlite3.connect(database, *args, uri=uri, **kwargs)


@pytest.fixture
def read_only(monkeypatch):
    monkeypatch.setattr(store_module, "sqlite3", _ReadOnlySqlite())


def test_locked_store_says_in_use_and_retry_not_move_it_aside(path):
    before = path.read_bytes()
    store = PriceStore(path, timeout=QUICK)
    with held(path):
        t0 = time.monotonic()
        with pytest.raises(StoreError, match=r"is in use by another process .*retry") as e:
            store.coverage("^FTMC")
        assert time.monotonic() - t0 < 5
        assert "move it aside" not in str(e.value)
        assert (e.value.reason, e.value.path) == ("in use", str(path))
        with pytest.raises(StoreError, match="in use by another process") as e:
            store.write("^FTMC", JAN, coverage=[(D(2019, 1, 2), D(2019, 1, 3))])
        assert "move it aside" not in str(e.value)
    assert path.read_bytes() == before
    assert store.coverage("^FTMC") == [(D(2019, 1, 2), D(2019, 1, 3))]


def test_timeout_default_and_argument(monkeypatch, tmp_path):
    assert PriceStore(tmp_path / "a.sqlite").timeout == 30.0
    assert PriceStore(tmp_path / "a.sqlite", timeout=2).timeout == 2.0
    monkeypatch.setattr(store_module, "DEFAULT_TIMEOUT", 0.5)
    assert PriceStore(tmp_path / "a.sqlite").timeout == 0.5


def test_read_only_store_says_read_only_and_keeps_its_data(path, read_only):
    before = path.read_bytes()
    store = PriceStore(path, timeout=QUICK)
    assert store.coverage("^FTMC") == [(D(2019, 1, 2), D(2019, 1, 3))]  # reading still works
    with pytest.raises(StoreError, match=r"is read-only .*writable") as e:
        store.write("^FTMC", JAN, coverage=[(D(2019, 1, 2), D(2019, 1, 3))])
    assert "move it aside" not in str(e.value)
    assert (e.value.reason, e.value.path) == ("read-only", str(path))
    assert path.read_bytes() == before


def test_loader_keeps_prices_fetched_into_a_read_only_store_for_the_run(path, read_only, fake_yahoo):
    before = path.read_bytes()
    loader = PriceLoader(store_path=path, offline=False)
    with pytest.warns(EventStudyWarning, match=r"read-only.*kept for this run only"):
        df = loader.history("^FTSE", D(2019, 3, 4), D(2019, 3, 8))
    assert list(df.index.date) == [D(2019, 3, d) for d in (4, 5, 6, 7, 8)]
    again = loader.history("^FTSE", D(2019, 3, 5), D(2019, 3, 7))  # from memory: no new download
    assert len(fake_yahoo.calls) == 1
    pd.testing.assert_frame_equal(again, df.loc["2019-03-05":"2019-03-07"])
    assert loader.missing("^FTSE", D(2019, 3, 4), D(2019, 3, 8)) == []
    assert path.read_bytes() == before
    assert PriceStore(path).coverage("^FTSE") == []


def test_loader_that_requires_the_store_names_what_was_not_saved(path, read_only, fake_yahoo):
    loader = PriceLoader(store_path=path, offline=False, require_store=True)
    with pytest.raises(
        StoreError, match=r"read-only .*fetched for \^FTSE 2019-03-04..2019-03-08 were not saved"
    ):
        loader.history("^FTSE", D(2019, 3, 4), D(2019, 3, 8))


def test_loader_with_a_store_being_written_by_another_process(path, fake_yahoo):
    loader = PriceLoader(store_path=path, offline=False)
    loader.store.timeout = QUICK
    with held(path, "IMMEDIATE"):  # another writer: reads go on, this write waits, then gives up
        with pytest.warns(EventStudyWarning, match="in use by another process"):
            df = loader.history("^FTSE", D(2019, 3, 4), D(2019, 3, 8))
    assert len(df) == 5
    assert PriceStore(path).coverage("^FTSE") == []


def _fetch(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="eventstudy")
    fetch_command.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["fetch", *argv])
    return args.run(args)


def test_fetch_command_into_a_locked_store(path, fake_yahoo, monkeypatch, capsys):
    monkeypatch.setattr(store_module, "DEFAULT_TIMEOUT", QUICK)
    with held(path):
        code = _fetch(
            ["^FTSE", "^GSPC", "--start", "2019-03-04", "--end", "2019-03-08", "--store", str(path)]
        )
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1  # one line, not one per ticker
    assert "in use by another process" in err[0] and "retry" in err[0]
    assert "move it aside" not in err[0]


def test_fetch_command_into_a_read_only_store(path, read_only, fake_yahoo, capsys, monkeypatch):
    monkeypatch.delenv("EVENTSTUDY_OFFLINE")  # fetch downloads only when the network is allowed
    code = _fetch(["^FTSE", "--start", "2019-03-04", "--end", "2019-03-08", "--store", str(path)])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "is read-only" in err[0] and "were not saved" in err[0]
    assert "move it aside" not in err[0]
