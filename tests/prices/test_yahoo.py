"""The Yahoo source against frames shaped like yfinance 1.x answers (no network)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from eventstudy.exceptions import PartialPriceDataError, PriceDataError, PriceUnavailableError
from eventstudy.prices import yahoo as yahoo_module
from eventstudy.prices.yahoo import YahooSource

D = date


def test_call_converts_inclusive_end_and_asks_for_raw_prices(fake_yahoo):
    YahooSource().history("^FTMC", D(2019, 1, 2), D(2019, 1, 4))
    assert fake_yahoo.calls == [("^FTMC", "2019-01-02", "2019-01-05")]
    kw = fake_yahoo.kwargs[0]
    assert kw["auto_adjust"] is False
    assert kw["progress"] is False


def test_multiindex_answer_becomes_the_package_frame(fake_yahoo, fake_close):
    df = YahooSource().history("^FTMC", D(2019, 1, 2), D(2019, 1, 8))
    assert list(df.columns) == ["open", "high", "low", "close"]
    assert df.index.name == "date"
    assert df.index.tz is None
    days = [D(2019, 1, 2), D(2019, 1, 3), D(2019, 1, 4), D(2019, 1, 7), D(2019, 1, 8)]
    assert list(df.index.date) == days
    assert df["close"].tolist() == [fake_close(d) for d in days]  # Close, not Adj Close
    assert df["open"].tolist() == [fake_close(d) - 1.0 for d in days]
    assert (df.dtypes == "float64").all()


def test_empty_answer_is_unavailable_naming_ticker_and_dates(fake_yahoo):
    fake_yahoo.mode = "empty"
    with pytest.raises(PriceUnavailableError, match=r"no prices for \^FTMC 2019-01-02..2019-01-08") as e:
        YahooSource().history("^FTMC", D(2019, 1, 2), D(2019, 1, 8))
    assert (e.value.ticker, e.value.start, e.value.end) == ("^FTMC", D(2019, 1, 2), D(2019, 1, 8))
    got = YahooSource().fetch("^FTMC", D(2019, 1, 2), D(2019, 1, 8))
    assert got.frame.empty
    assert got.coverage == ()


def test_partial_answer_reports_its_true_coverage(fake_yahoo):
    fake_yahoo.last_day = D(2019, 1, 4)  # Friday; nothing from Monday 7th
    got = YahooSource().fetch("^FTMC", D(2019, 1, 1), D(2019, 1, 10))
    # 1 January is a holiday, so the covered part starts on the day asked for;
    # it ends the day before the first missing session (Monday 7th).
    assert got.coverage == ((D(2019, 1, 1), D(2019, 1, 6)),)
    assert got.missing == (D(2019, 1, 7), D(2019, 1, 8), D(2019, 1, 9), D(2019, 1, 10))
    assert not got.complete
    with pytest.raises(
        PartialPriceDataError,
        match=r"only part of \^FTMC 2019-01-01..2019-01-10: it covers 2019-01-01..2019-01-06; 4 session",
    ):
        YahooSource().history("^FTMC", D(2019, 1, 1), D(2019, 1, 10))


def test_nan_rows_are_dropped_and_split_the_coverage(fake_yahoo):
    fake_yahoo.nan_days = {D(2019, 1, 3)}
    got = YahooSource().fetch("^FTMC", D(2019, 1, 2), D(2019, 1, 8))
    assert D(2019, 1, 3) not in set(got.frame.index.date)
    assert not got.frame["close"].isna().any()
    assert got.coverage == ((D(2019, 1, 2), D(2019, 1, 2)), (D(2019, 1, 4), D(2019, 1, 8)))
    assert got.missing == (D(2019, 1, 3),)


def test_download_exception_becomes_unavailable(fake_yahoo):
    fake_yahoo.mode = "raise"
    with pytest.raises(
        PriceUnavailableError,
        match=r"download of \^FTMC 2019-01-02..2019-01-04 failed .*Could not resolve host",
    ):
        YahooSource().history("^FTMC", D(2019, 1, 2), D(2019, 1, 4))


def test_tz_aware_and_flat_answers_are_accepted(monkeypatch, make_yahoo_frame, fake_close):
    import yfinance

    days = pd.DatetimeIndex(["2019-01-02", "2019-01-03", "2019-01-04"])
    flat = make_yahoo_frame("^FTMC", days).droplevel("Ticker", axis=1)
    flat.index = flat.index.tz_localize("Europe/London")
    monkeypatch.setattr(yfinance, "download", lambda *a, **k: flat)
    df = YahooSource().history("^FTMC", D(2019, 1, 2), D(2019, 1, 4))
    assert list(df.index.date) == list(days.date)
    assert df.index.tz is None
    assert df["close"].tolist() == [fake_close(d) for d in days.date]


def test_answer_for_another_ticker_is_refused(monkeypatch, make_yahoo_frame):
    import yfinance

    two = pd.concat(
        [
            make_yahoo_frame("^FTSE", pd.DatetimeIndex(["2019-01-02"])),
            make_yahoo_frame("^GSPC", pd.DatetimeIndex(["2019-01-02"])),
        ],
        axis=1,
    )
    monkeypatch.setattr(yfinance, "download", lambda *a, **k: two)
    with pytest.raises(PriceDataError, match=r"answered for .* not \^FTMC"):
        YahooSource().history("^FTMC", D(2019, 1, 2), D(2019, 1, 2))


def test_rows_not_settled_are_dropped(fake_yahoo, monkeypatch):
    monkeypatch.setattr(yahoo_module, "last_settled_day", lambda: D(2019, 1, 3))
    got = YahooSource().fetch("^FTMC", D(2019, 1, 2), D(2019, 1, 8))
    assert fake_yahoo.calls[0][2] == "2019-01-04"  # asked only up to the settled day
    assert list(got.frame.index.date) == [D(2019, 1, 2), D(2019, 1, 3)]
    assert got.coverage == ((D(2019, 1, 2), D(2019, 1, 3)),)
    with pytest.raises(PartialPriceDataError, match="not settled yet"):
        YahooSource().history("^FTMC", D(2019, 1, 2), D(2019, 1, 8))


def test_range_wholly_in_the_future_asks_nothing(fake_yahoo, monkeypatch):
    monkeypatch.setattr(yahoo_module, "last_settled_day", lambda: D(2019, 1, 1))
    got = YahooSource().fetch("^FTMC", D(2019, 1, 2), D(2019, 1, 8))
    assert fake_yahoo.calls == []
    assert got.frame.empty and got.coverage == ()


def test_unknown_ticker_weekday_fallback(fake_yahoo):
    got = YahooSource().fetch("SOME.STOCK", D(2019, 1, 2), D(2019, 1, 8))
    assert got.complete
    assert len(got.frame) == 5
    assert np.isfinite(got.frame["close"]).all()
