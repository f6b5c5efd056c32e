"""The SQLite store: round trip, coverage merging, refusals, and files it must leave alone."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date

import numpy as np
import pandas as pd
import platformdirs
import pytest

from eventstudy.exceptions import PartialPriceDataError, PriceUnavailableError, StoreError
from eventstudy.prices.store import PriceStore, default_store_path

D = date


def _frame(days: list[str], closes: list[float], opens: list[float] | None = None) -> pd.DataFrame:
    closes_ = np.asarray(closes, dtype=float)
    opens_ = np.asarray(opens if opens is not None else closes_ - 1.0, dtype=float)
    return pd.DataFrame(
        {"open": opens_, "high": closes_ + 2.0, "low": closes_ - 2.0, "close": closes_},
        index=pd.DatetimeIndex(pd.to_datetime(days), name="date"),
    )


JAN = _frame(
    ["2019-01-02", "2019-01-03", "2019-01-04"], [100.5, 101.25, 99.75], opens=[np.nan, 100.5, 101.25]
)


@pytest.fixture
def store(tmp_path) -> PriceStore:
    return PriceStore(tmp_path / "sub" / "prices.sqlite")


def test_round_trip_keeps_values_and_missing_opens(store):
    store.write("^FTMC", JAN, coverage=[(D(2019, 1, 1), D(2019, 1, 4))])
    back = store.history("^FTMC", D(2019, 1, 1), D(2019, 1, 4))
    assert back.index.equals(JAN.index.as_unit(back.index.unit))
    assert back["close"].tolist() == [100.5, 101.25, 99.75]
    assert np.isnan(back["open"].iloc[0])
    assert back["open"].iloc[1:].tolist() == [100.5, 101.25]
    assert back.index.name == "date"


def test_reading_a_store_that_does_not_exist_creates_nothing(store):
    assert store.coverage("^FTMC") == []
    assert store.tickers() == []
    assert store.read("^FTMC", D(2019, 1, 1), D(2019, 1, 4)).empty
    assert not store.path.exists()


def test_coverage_merges_adjacent_and_overlapping(store):
    store.write("^FTMC", JAN.iloc[:1], coverage=[(D(2019, 1, 1), D(2019, 1, 2))])
    store.write("^FTMC", JAN.iloc[1:], coverage=[(D(2019, 1, 3), D(2019, 1, 4))])
    assert store.coverage("^FTMC") == [(D(2019, 1, 1), D(2019, 1, 4))]
    later = _frame(["2019-01-10"], [90.0])
    store.write("^FTMC", later, coverage=[(D(2019, 1, 10), D(2019, 1, 10))])
    assert store.coverage("^FTMC") == [(D(2019, 1, 1), D(2019, 1, 4)), (D(2019, 1, 10), D(2019, 1, 10))]
    assert store.missing("^FTMC", D(2019, 1, 1), D(2019, 1, 12)) == [
        (D(2019, 1, 5), D(2019, 1, 9)),
        (D(2019, 1, 11), D(2019, 1, 12)),
    ]
    assert store.coverage("^FTSE") == []
    assert store.tickers() == ["^FTMC"]


def test_history_outside_coverage_raises(store):
    store.write("^FTMC", JAN, coverage=[(D(2019, 1, 1), D(2019, 1, 4))])
    with pytest.raises(
        PartialPriceDataError, match=r"lacks \^FTMC 2019-01-05..2019-01-08; run `eventstudy fetch`"
    ):
        store.history("^FTMC", D(2019, 1, 2), D(2019, 1, 8))
    with pytest.raises(PriceUnavailableError, match=r"has no prices for \^FTMC 2019-02-01..2019-02-05"):
        store.history("^FTMC", D(2019, 2, 1), D(2019, 2, 5))


def test_rows_outside_the_coverage_are_not_served(store):
    # a partial answer: three rows, but only the first day known complete
    store.write("^FTMC", JAN, coverage=[(D(2019, 1, 1), D(2019, 1, 2))])
    assert store.read("^FTMC", D(2019, 1, 1), D(2019, 1, 4)).index.strftime("%Y-%m-%d").tolist() == [
        "2019-01-02"
    ]


def test_empty_answer_is_never_stored_as_complete(store):
    with pytest.raises(PriceUnavailableError, match="refusing to store an empty answer"):
        store.write("^FTMC", JAN.iloc[:0], coverage=[(D(2019, 1, 1), D(2019, 1, 4))])
    assert store.coverage("^FTMC") == []


def test_rows_without_close_are_refused(store):
    bad = JAN.copy()
    bad.iloc[1, 3] = np.nan
    with pytest.raises(PriceUnavailableError, match="without a close"):
        store.write("^FTMC", bad, coverage=[(D(2019, 1, 1), D(2019, 1, 4))])
    assert store.coverage("^FTMC") == []


def test_rewriting_a_day_replaces_it(store):
    store.write("^FTMC", JAN, coverage=[(D(2019, 1, 2), D(2019, 1, 4))])
    store.write("^FTMC", _frame(["2019-01-03"], [555.0]), coverage=[(D(2019, 1, 3), D(2019, 1, 3))])
    assert store.read("^FTMC", D(2019, 1, 3), D(2019, 1, 3))["close"].tolist() == [555.0]


def test_failed_write_changes_nothing(store):
    store.write("^FTMC", JAN.iloc[:1], coverage=[(D(2019, 1, 2), D(2019, 1, 2))])
    with sqlite3.connect(store.path) as con:  # make the coverage step fail inside the transaction
        con.execute(
            "CREATE TRIGGER no_cov BEFORE INSERT ON coverage BEGIN SELECT RAISE(ABORT, 'blocked'); END"
        )
    with pytest.raises(StoreError, match="blocked"):
        store.write("^FTMC", JAN.iloc[1:], coverage=[(D(2019, 1, 3), D(2019, 1, 4))])
    with sqlite3.connect(store.path) as con:
        assert con.execute("SELECT count(*) FROM prices").fetchone()[0] == 1
        assert con.execute("SELECT first, last FROM coverage").fetchall() == [("2019-01-02", "2019-01-02")]


def test_corrupt_file_raises_and_is_left_untouched(tmp_path):
    path = tmp_path / "prices.sqlite"
    garbage = b"this is not a database\x00\xff" * 200
    path.write_bytes(garbage)
    store = PriceStore(path)
    with pytest.raises(
        StoreError, match=r"cannot be read .*prices\.sqlite|prices\.sqlite.*cannot be read"
    ) as e:
        store.coverage("^FTMC")
    assert e.value.path == str(path)
    with pytest.raises(StoreError, match="left as it is"):
        store.write("^FTMC", JAN, coverage=[(D(2019, 1, 1), D(2019, 1, 4))])
    assert path.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["prices.sqlite"]


def test_another_applications_database_is_refused_and_kept(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE notes (body TEXT)")
        con.execute("INSERT INTO notes VALUES ('keep me')")
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another application"):
        PriceStore(path).write("^FTMC", JAN, coverage=[(D(2019, 1, 1), D(2019, 1, 4))])
    assert path.read_bytes() == before


def test_newer_schema_is_refused(store):
    store.write("^FTMC", JAN, coverage=[(D(2019, 1, 1), D(2019, 1, 4))])
    with sqlite3.connect(store.path) as con:
        con.execute("PRAGMA user_version = 99")
    con.close()
    with pytest.raises(StoreError, match="newer eventstudy"):
        store.coverage("^FTMC")


def test_unwritable_location_raises_store_error(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a directory should be")
    store = PriceStore(blocker / "prices.sqlite")
    with pytest.raises(StoreError, match=r"cannot open the price store .*not-a-dir.*EVENTSTUDY_STORE") as e:
        store.write("^FTMC", JAN, coverage=[(D(2019, 1, 1), D(2019, 1, 4))])
    assert e.value.path == str(blocker / "prices.sqlite")
    assert blocker.read_text() == "a file where a directory should be"


def test_directory_as_store_path(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        PriceStore(tmp_path).coverage("^FTMC")


def test_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "prices.sqlite"
    errors: list[BaseException] = []

    def writer(ticker: str) -> None:
        try:
            s = PriceStore(path)
            for i, day in enumerate(JAN.index):
                d = day.date()
                s.write(ticker, JAN.iloc[i : i + 1], coverage=[(d, d)])
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(t,)) for t in ("^FTMC", "^FTSE", "^GSPC")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    s = PriceStore(path)
    for t in ("^FTMC", "^FTSE", "^GSPC"):
        assert s.coverage(t) == [(D(2019, 1, 2), D(2019, 1, 4))]
        assert len(s.read(t, D(2019, 1, 1), D(2019, 1, 31))) == 3


def test_default_path_env_and_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTSTUDY_STORE", str(tmp_path / "x.sqlite"))
    assert default_store_path() == tmp_path / "x.sqlite"
    assert PriceStore().path == tmp_path / "x.sqlite"
    assert PriceStore(tmp_path / "y.sqlite").path == tmp_path / "y.sqlite"
    monkeypatch.delenv("EVENTSTUDY_STORE")
    assert str(default_store_path()) == str(
        __import__("pathlib").Path(platformdirs.user_cache_dir("eventstudy")) / "prices.sqlite"
    )
