"""A price source of the user's (``history()`` only) behind the loader: what its answers prove.

A plain source says nothing about what it covers, so the loader reads its rows against the
exchange calendar: sessions without a row are not covered, are asked for again, and make
the answer partial now. Its answer may come in the forms price tables usually take
(capitalised columns, a tz-aware index); anything that is not a table of prices is a
typed error that says what the source must return.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from eventstudy.calendar import sessions
from eventstudy.exceptions import EventStudyError, PartialPriceDataError, PriceDataError
from eventstudy.prices import PriceLoader
from eventstudy.prices.store import PriceStore

D = date


def _sessions(code: str, start: object, end: object) -> pd.DatetimeIndex:
    return pd.DatetimeIndex(sessions(code, start, end)).rename("date")


def _table(days: pd.DatetimeIndex) -> pd.DataFrame:
    close = 500.0 + np.arange(len(days), dtype="float64") * 3.5
    return pd.DataFrame({"open": close - 1, "high": close + 2, "low": close - 2, "close": close}, index=days)


class Recording:
    """A plain source answering ``answer(start, end)``; records each range asked for."""

    def __init__(self, answer) -> None:
        self.answer = answer
        self.asked: list[tuple[date, date]] = []

    def history(self, ticker, start, end):
        self.asked.append((start, end))
        return self.answer(start, end)


def _loader(tmp_path, source, name: str = "p.sqlite") -> PriceLoader:
    return PriceLoader(store_path=tmp_path / name, offline=False, source=source)


# --- 1. coverage is what the rows prove ---------------------------------------------------


def test_a_short_answer_is_stored_as_covering_only_its_own_sessions(tmp_path):
    # CAC 40 (Paris calendar) has 22 sessions in January 2019; the source gives the first 5
    jan = _sessions("XPAR", "2019-01-01", "2019-01-31")
    assert len(jan) == 22
    source = Recording(lambda s, e: _table(jan[:5]))
    with pytest.raises(PartialPriceDataError, match=r"2019-01-09\.\.2019-01-31"):
        _loader(tmp_path, source).history("^FCHI", D(2019, 1, 2), D(2019, 1, 31))
    store = PriceStore(tmp_path / "p.sqlite")
    assert store.coverage("^FCHI") == [(D(2019, 1, 2), D(2019, 1, 8))]
    assert list(store.read("^FCHI", D(2019, 1, 1), D(2019, 1, 31)).index) == list(jan[:5])

    # offline later, the month is not served from the 5 rows; the days they prove are
    offline = PriceLoader(store_path=tmp_path / "p.sqlite", offline=True)
    with pytest.raises(PartialPriceDataError, match="incomplete"):
        offline.history("^FCHI", D(2019, 1, 2), D(2019, 1, 31))
    assert len(offline.history("^FCHI", D(2019, 1, 2), D(2019, 1, 8))) == 5


def test_a_session_missing_inside_the_answer_is_asked_for_again_alone(tmp_path):
    feb = _sessions("XLON", "2019-02-01", "2019-02-28")
    hole = feb[9]  # a Thursday in mid-February
    source = Recording(lambda s, e: _table(feb[(feb >= pd.Timestamp(s)) & (feb <= pd.Timestamp(e))]))
    first = Recording(lambda s, e: _table(feb[feb != hole]))
    with pytest.raises(PartialPriceDataError):
        _loader(tmp_path, first).history("^FTSE", D(2019, 2, 1), D(2019, 2, 28))
    day = hole.date()
    assert PriceStore(tmp_path / "p.sqlite").coverage("^FTSE") == [
        (D(2019, 2, 1), day - timedelta(days=1)),
        (day + timedelta(days=1), D(2019, 2, 28)),
    ]
    got = _loader(tmp_path, source).history("^FTSE", D(2019, 2, 1), D(2019, 2, 28))
    assert source.asked == [(day, day)]
    assert list(got.index) == list(feb)


def test_a_short_answer_keeps_what_the_store_already_held(tmp_path):
    days = _sessions("XNYS", "2019-03-01", "2019-03-29")
    _loader(tmp_path, Recording(lambda s, e: _table(days[:5]))).history("^GSPC", D(2019, 3, 1), D(2019, 3, 7))
    before = PriceStore(tmp_path / "p.sqlite").read("^GSPC", D(2019, 3, 1), D(2019, 3, 7))
    short = Recording(lambda s, e: _table(days[days >= pd.Timestamp(s)][:2]))
    with pytest.raises(PartialPriceDataError):
        _loader(tmp_path, short).history("^GSPC", D(2019, 3, 1), D(2019, 3, 29))
    store = PriceStore(tmp_path / "p.sqlite")
    pd.testing.assert_frame_equal(store.read("^GSPC", D(2019, 3, 1), D(2019, 3, 7)), before)
    assert store.coverage("^GSPC")[0] == (D(2019, 3, 1), D(2019, 3, 11))  # 5 + 2 sessions proven


def test_a_ticker_without_a_calendar_is_covered_up_to_its_last_row_only(tmp_path):
    weekdays = pd.bdate_range("2019-01-02", "2019-01-31", name="date")
    source = Recording(lambda s, e: _table(weekdays[:5]))
    with pytest.raises(PartialPriceDataError):
        _loader(tmp_path, source).history("ACME", D(2019, 1, 2), D(2019, 1, 31))
    assert PriceStore(tmp_path / "p.sqlite").coverage("ACME") == [(D(2019, 1, 2), weekdays[4].date())]


# --- 2. answers in other shapes -----------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        (lambda s, e: _table(_sessions("XNYS", s, e))["close"], "Series"),
        (lambda s, e: None, "None"),
        (lambda s, e: [1.0, 2.0], "list"),
    ],
    ids=["series", "none", "list"],
)
def test_an_answer_that_is_not_a_table_is_a_typed_error(tmp_path, answer, kind):
    with pytest.raises(PriceDataError, match=rf"answered {kind} for \^GSPC, not a DataFrame; .*must return"):
        _loader(tmp_path, Recording(answer)).history("^GSPC", D(2019, 1, 2), D(2019, 1, 10))
    assert PriceStore(tmp_path / "p.sqlite").coverage("^GSPC") == []


def test_capitalised_columns_as_yfinance_gives_them_are_taken(tmp_path):
    days = _sessions("XNYS", "2019-01-02", "2019-01-10")

    def answer(s, e):
        t = _table(days).rename(columns=str.title)
        t["Adj Close"] = t["Close"] - 50.0  # never to be taken for the close
        t["Volume"] = 0.0
        return t

    got = _loader(tmp_path, Recording(answer)).history("^GSPC", D(2019, 1, 2), D(2019, 1, 10))
    assert list(got.columns) == ["open", "high", "low", "close"]
    assert got["close"].tolist() == _table(days)["close"].tolist()


def test_an_answer_without_a_close_names_its_columns(tmp_path):
    answer = Recording(lambda s, e: _table(_sessions("XNYS", s, e)).drop(columns="close"))
    with pytest.raises(PriceDataError, match=r"has no close column \(columns: \['open', 'high', 'low'\]\)"):
        _loader(tmp_path, answer).history("^GSPC", D(2019, 1, 2), D(2019, 1, 10))


def test_an_index_of_numbers_is_a_typed_error(tmp_path):
    answer = Recording(lambda s, e: _table(_sessions("XNYS", s, e)).reset_index(drop=True))
    with pytest.raises(PriceDataError, match="indexed by numbers"):
        _loader(tmp_path, answer).history("^GSPC", D(2019, 1, 2), D(2019, 1, 10))


@pytest.mark.parametrize(
    ("ticker", "code", "stamp"),
    [
        # Tokyo sessions stamped at midnight Tokyo time, written in UTC (the evening before)
        ("^N225", "XTKS", lambda d: (d.tz_localize("Asia/Tokyo")).tz_convert("UTC")),
        # London closes at 16:30 local, written in New York time
        (
            "^FTSE",
            "XLON",
            lambda d: (
                (d + pd.Timedelta(hours=16, minutes=30))
                .tz_localize("Europe/London")
                .tz_convert("America/New_York")
            ),
        ),
        # New York dates stamped at midnight UTC: dates, kept as they are
        ("^GSPC", "XNYS", lambda d: d.tz_localize("UTC")),
    ],
    ids=["tokyo-in-utc", "london-close-in-new-york", "dates-at-utc-midnight"],
)
def test_a_tz_aware_index_is_read_as_the_exchanges_local_dates(tmp_path, ticker, code, stamp):
    days = _sessions(code, "2019-01-07", "2019-01-18")
    source = Recording(lambda s, e: _table(days).set_axis(stamp(days), axis=0))
    got = _loader(tmp_path, source).history(ticker, D(2019, 1, 7), D(2019, 1, 18))
    assert list(got.index) == list(days)
    assert got["close"].tolist() == _table(days)["close"].tolist()
    assert PriceStore(tmp_path / "p.sqlite").coverage(ticker) == [(D(2019, 1, 7), D(2019, 1, 18))]


def test_a_source_failing_in_its_own_way_is_a_typed_error(tmp_path):
    def answer(s, e):
        raise KeyError("^GSPC")

    with pytest.raises(PriceDataError, match=r"failed for \^GSPC .* with KeyError") as e:
        _loader(tmp_path, Recording(answer)).history("^GSPC", D(2019, 1, 2), D(2019, 1, 10))
    assert isinstance(e.value, EventStudyError) and isinstance(e.value.__cause__, KeyError)


# --- 5. the advice for returns across markets ---------------------------------------------


def test_closes_recommends_common_date_returns_not_returns_across_gaps():
    doc = PriceLoader.closes.__doc__
    assert "common_date_returns" in doc
    assert "across_gaps=True)``, which" not in doc


def test_an_index_of_words_is_a_one_line_typed_error(tmp_path):
    answer = Recording(lambda s, e: pd.DataFrame({"Close": [1.0, 2.0]}, index=["Mon", "Tue"]))
    with pytest.raises(PriceDataError, match=r"index that is not dates \(it begins 'Mon'\)") as e:
        _loader(tmp_path, answer).history("^GSPC", D(2019, 1, 2), D(2019, 1, 10))
    assert "\n" not in str(e.value)
