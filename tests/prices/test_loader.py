"""The chain bundled -> store -> Yahoo: nothing fetched twice, partial answers, offline errors."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest

from eventstudy.exceptions import (
    EventStudyError,
    InvalidDateRangeError,
    PartialPriceDataError,
    PriceDataError,
    PriceUnavailableError,
    StoreError,
)
from eventstudy.prices import PriceLoader, default_loader, load_bundled
from eventstudy.prices.store import PriceStore

D = date


@pytest.fixture
def online(tmp_path, fake_yahoo) -> PriceLoader:
    return PriceLoader(store_path=tmp_path / "prices.sqlite", offline=False)


def test_bundled_range_needs_neither_store_nor_network(tmp_path, fake_yahoo):
    loader = PriceLoader(store_path=tmp_path / "prices.sqlite", offline=False)
    df = loader.history("^FTMC", D(2021, 3, 1), D(2021, 3, 31))
    expected = load_bundled("^FTMC").loc["2021-03-01":"2021-03-31"]
    assert df["close"].tolist() == expected["close"].tolist()
    assert fake_yahoo.calls == []
    assert not (tmp_path / "prices.sqlite").exists()


def test_only_the_missing_sub_range_is_fetched_and_never_twice(online, fake_yahoo, fake_close):
    df = online.history("^FTMC", D(2022, 6, 27), D(2022, 7, 8))
    assert fake_yahoo.fetched_ranges() == [(D(2022, 7, 1), D(2022, 7, 8))]
    bundled = load_bundled("^FTMC")
    assert df.loc["2022-06-27":"2022-06-30", "close"].tolist() == bundled.loc["2022-06-27":, "close"].tolist()
    assert df.loc["2022-07-01":, "close"].tolist() == [
        fake_close(d) for d in df.loc["2022-07-01":].index.date
    ]
    assert len(df) == 10  # 4 bundled + 6 fetched sessions (4 July is not a UK holiday)

    again = online.history("^FTMC", D(2022, 6, 27), D(2022, 7, 8))
    assert len(fake_yahoo.calls) == 1
    pd.testing.assert_frame_equal(again, df)

    online.history("^FTMC", D(2022, 7, 4), D(2022, 7, 15))
    assert fake_yahoo.fetched_ranges()[1:] == [(D(2022, 7, 9), D(2022, 7, 15))]
    assert online.store.coverage("^FTMC") == [(D(2022, 7, 1), D(2022, 7, 15))]


def test_a_new_loader_on_the_same_store_fetches_nothing(online, fake_yahoo):
    online.history("^GSPC", D(2019, 3, 4), D(2019, 3, 8))
    other = PriceLoader(store_path=online.store.path, offline=True)
    df = other.history("^GSPC", D(2019, 3, 5), D(2019, 3, 7))
    assert len(df) == 3
    assert len(fake_yahoo.calls) == 1


def test_gaps_on_both_sides_of_the_bundled_data(online, fake_yahoo):
    online.history("^FTSE", D(2020, 12, 28), D(2022, 7, 5))
    assert fake_yahoo.fetched_ranges() == [(D(2020, 12, 28), D(2021, 1, 3)), (D(2022, 7, 1), D(2022, 7, 5))]


def test_range_of_weekend_days_beside_the_bundled_data_fetches_nothing(online, fake_yahoo):
    df = online.history("^FTMC", D(2022, 6, 29), D(2022, 7, 3))  # 1 July is a Friday session...
    assert fake_yahoo.fetched_ranges() == [(D(2022, 7, 1), D(2022, 7, 3))]
    online.history("^FTMC", D(2022, 6, 29), D(2022, 7, 3))
    assert len(fake_yahoo.calls) == 1
    assert df.index[-1].date() == D(2022, 7, 1)


def test_empty_answer_is_not_stored_and_is_asked_again(online, fake_yahoo):
    fake_yahoo.mode = "empty"
    for _ in range(2):
        with pytest.raises(
            PriceUnavailableError, match=r"prices for \^FTMC 2019-01-02..2019-01-08 are not to be had"
        ):
            online.history("^FTMC", D(2019, 1, 2), D(2019, 1, 8))
    assert len(fake_yahoo.calls) == 2
    assert online.store.coverage("^FTMC") == []


def test_partial_answer_is_stored_with_its_true_coverage_only(online, fake_yahoo):
    fake_yahoo.last_day = D(2019, 1, 4)
    with pytest.raises(PartialPriceDataError, match=r"incomplete: 2019-01-07..2019-01-10 is not to be had"):
        online.history("^FTMC", D(2019, 1, 2), D(2019, 1, 10))
    assert online.store.coverage("^FTMC") == [(D(2019, 1, 2), D(2019, 1, 6))]

    offline = PriceLoader(store_path=online.store.path, offline=True)
    assert list(offline.history("^FTMC", D(2019, 1, 2), D(2019, 1, 4)).index.date) == [
        D(2019, 1, 2),
        D(2019, 1, 3),
        D(2019, 1, 4),
    ]
    with pytest.raises(PartialPriceDataError, match="2019-01-07..2019-01-10 is not bundled"):
        offline.history("^FTMC", D(2019, 1, 2), D(2019, 1, 10))

    fake_yahoo.last_day = None  # Yahoo has caught up: only the gap is asked for
    online.history("^FTMC", D(2019, 1, 2), D(2019, 1, 10))
    assert fake_yahoo.fetched_ranges()[-1] == (D(2019, 1, 7), D(2019, 1, 10))


def test_offline_outside_bundled_data_says_where_prices_could_come_from(tmp_path):
    loader = PriceLoader(store_path=tmp_path / "prices.sqlite")  # offline from EVENTSTUDY_OFFLINE=1
    assert loader.offline
    path = re.escape(str(tmp_path / "prices.sqlite"))
    with pytest.raises(
        PriceUnavailableError,
        match=rf"^prices for \^FTMC 2019-01-01..2019-02-01 are not bundled \(2021-01-04..2022-06-30\) "
        rf"and not in the store at {path}; run online .*`eventstudy fetch \^FTMC --start 2019-01-01 --end 2019-02-01`$",
    ):
        loader.history("^FTMC", "2019-01-01", "2019-02-01")


def test_offline_range_reaching_past_bundled_data_is_partial():
    with pytest.raises(PartialPriceDataError, match=r"incomplete: 2022-07-01..2022-07-15 is not bundled"):
        PriceLoader().history("^FTSE", D(2022, 6, 1), D(2022, 7, 15))


def test_offline_unknown_ticker_is_a_typed_error():
    with pytest.raises(
        PriceUnavailableError,
        match=r"NOPE \(not in eventstudy.indices\) 2021-03-01..2021-03-05 are not bundled",
    ):
        PriceLoader().history("NOPE", D(2021, 3, 1), D(2021, 3, 5))


@pytest.mark.parametrize("ticker", ["", "   ", None, 3])
def test_bad_ticker(ticker):
    with pytest.raises(PriceUnavailableError, match="is not a ticker"):
        PriceLoader().history(ticker, D(2021, 3, 1), D(2021, 3, 5))


def test_bad_dates():
    with pytest.raises(InvalidDateRangeError, match="start='yesterday' is not a date"):
        PriceLoader().history("^FTMC", "yesterday", D(2021, 3, 5))
    with pytest.raises(InvalidDateRangeError, match="after end"):
        PriceLoader().history("^FTMC", D(2021, 3, 5), D(2021, 3, 1))


def test_weekend_only_range_has_no_session():
    with pytest.raises(PriceUnavailableError, match="no trading session"):
        PriceLoader().history("^FTMC", D(2021, 3, 6), D(2021, 3, 7))


def test_environment_configures_the_default_loader(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTSTUDY_STORE", str(tmp_path / "env.sqlite"))
    loader = default_loader()
    assert loader.store.path == tmp_path / "env.sqlite"
    assert loader.offline is True
    monkeypatch.setenv("EVENTSTUDY_OFFLINE", "0")
    assert default_loader().offline is False
    assert PriceLoader(offline=True).offline is True
    assert PriceLoader(store_path=tmp_path / "arg.sqlite").store.path == tmp_path / "arg.sqlite"


def test_corrupt_store_is_reported_when_needed_and_left_alone(tmp_path, fake_yahoo):
    path = tmp_path / "prices.sqlite"
    path.write_bytes(b"\x00garbage" * 100)
    loader = PriceLoader(store_path=path, offline=False)
    assert len(loader.history("^FTMC", D(2021, 3, 1), D(2021, 3, 5))) == 5  # bundled: store not needed
    with pytest.raises(StoreError, match=re.escape(str(path))):
        loader.history("^FTMC", D(2019, 3, 1), D(2019, 3, 5))
    assert path.read_bytes() == b"\x00garbage" * 100


def test_unwritable_store_is_a_store_error(tmp_path, fake_yahoo):
    (tmp_path / "file").write_text("x")
    loader = PriceLoader(store_path=tmp_path / "file" / "prices.sqlite", offline=False)
    with pytest.raises(StoreError, match="cannot open the price store"):
        loader.history("^FTMC", D(2019, 3, 1), D(2019, 3, 5))


def test_closes_is_wide_with_one_column_per_ticker():
    df = PriceLoader().closes(["^FTMC", "^GSPC"], D(2021, 3, 29), D(2021, 4, 6))
    assert list(df.columns) == ["^FTMC", "^GSPC"]
    for t in df.columns:
        bundled = load_bundled(t).loc["2021-03-29":"2021-04-06", "close"]
        assert df[t].dropna().tolist() == bundled.tolist()
    # Good Friday and Easter Monday: London closed both days, New York only on Friday
    assert df.loc["2021-04-05", "^FTMC"] != df.loc["2021-04-05", "^FTMC"]  # NaN
    assert df.loc["2021-04-05", "^GSPC"] == load_bundled("^GSPC").loc["2021-04-05", "close"]
    assert df.index.name == "date"


def test_closes_failures_are_named_per_ticker():
    with pytest.raises(PriceUnavailableError, match=r"^prices for NOPE"):
        PriceLoader().closes(["^FTMC", "NOPE"], D(2021, 3, 1), D(2021, 3, 5))
    with pytest.raises(PriceDataError, match=r"prices missing for 2 of 3 tickers: NOPE: .*; ALSO: "):
        PriceLoader().closes(["^FTMC", "NOPE", "ALSO"], D(2021, 3, 1), D(2021, 3, 5))


def test_a_plain_price_source_is_used_and_its_complete_answers_stored(tmp_path):
    class Constant:
        calls = 0

        def history(self, ticker, start, end):
            Constant.calls += 1
            idx = pd.bdate_range(start, end, name="date")
            return pd.DataFrame({"open": 1.0, "high": 2.0, "low": 0.5, "close": 1.5}, index=idx)

    loader = PriceLoader(store_path=tmp_path / "p.sqlite", offline=False, source=Constant())
    loader.history("^GSPC", D(2019, 3, 4), D(2019, 3, 8))
    loader.history("^GSPC", D(2019, 3, 4), D(2019, 3, 8))
    assert Constant.calls == 1
    assert PriceStore(tmp_path / "p.sqlite").coverage("^GSPC") == [(D(2019, 3, 4), D(2019, 3, 8))]


@pytest.mark.parametrize("source", [object(), "yahoo", 3])
def test_a_source_that_is_not_one_is_a_typed_error(source, tmp_path):
    with pytest.raises(EventStudyError, match=r"is not a price source; give an object with fetch"):
        PriceLoader(store_path=tmp_path / "p.sqlite", source=source)


def test_a_failed_download_says_retry_later_once(online, fake_yahoo):
    fake_yahoo.mode = "raise"
    with pytest.raises(PriceUnavailableError, match="Could not resolve host") as e:
        online.history("^FTMC", D(2019, 1, 2), D(2019, 1, 8))
    assert str(e.value).count("retry later") == 1


def test_an_empty_download_says_retry_later_once(online, fake_yahoo):
    fake_yahoo.mode = "empty"
    with pytest.raises(PriceUnavailableError, match="not to be had") as e:
        online.history("^FTMC", D(2019, 1, 2), D(2019, 1, 8))
    assert str(e.value).count("retry later") == 1
