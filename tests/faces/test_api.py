"""The Python API: eventstudy.check / study_claim on the bundled real prices."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

import eventstudy
from eventstudy.exceptions import EventStudyError, StudyError, UnknownIndexError
from eventstudy.prices import PriceLoader


def test_check_text_with_published():
    text = "Shares rallied in London, and the FTSE 100 closed up 1.03 per cent at 7,608.92 points."
    report = eventstudy.check(text, published="2022-02-15", offline=True)
    (v,) = report.verdicts
    assert v.claim.ticker == "^FTSE" and v.claim.kind == "close"
    assert v.status == "confirmed"
    frame = report.to_frame()
    assert list(frame["verdict"]) == ["confirmed"]
    assert frame.loc[0, "close"] == pytest.approx(7608.92)
    assert "FTSE 100" in report.summary()
    assert report.to_dict()["claims"][0]["actual"]["prev_close"] == pytest.approx(7531.59)


def test_wrong_close_is_contradicted():
    text = "The FTSE 100 closed up 2.5 per cent at 7,608.92 points."
    report = eventstudy.check(text, published="2022-02-15", offline=True, study=False)
    assert report.verdicts[0].status == "contradicted"


def test_unbundled_index_offline_is_unverifiable_not_an_error():
    text = "In Paris the CAC 40 closed down 1.2 per cent on Tuesday."
    report = eventstudy.check(text, published="2022-02-15", offline=True)
    (v,) = report.verdicts
    assert v.claim.ticker == "^FCHI"
    assert v.status == "unverifiable" and v.reason
    assert ("^FCHI", v.claim.trading_date) in report.study_errors
    assert report.main_study is None


def test_study_claim_market_model_matches_independent_ols():
    src = PriceLoader(offline=True)
    s = eventstudy.study_claim("FTSE 250", "2022-02-15", source=src, benchmark="^FTSE")
    assert (s.model, s.benchmark, s.event_date) == ("market", "^FTSE", date(2022, 2, 15))
    # independent oracle: least squares on the same 240 estimation returns
    y = src.history("^FTMC", date(2021, 1, 4), date(2022, 2, 16))["close"].pct_change()
    x = src.history("^FTSE", date(2021, 1, 4), date(2022, 2, 16))["close"].pct_change().reindex(y.index)
    days = y.index
    i0 = days.get_loc(pd.Timestamp("2022-02-15"))
    est = slice(i0 - 250, i0 - 10)
    yy, xx = y.iloc[est].to_numpy(), x.iloc[est].to_numpy()
    ok = np.isfinite(yy) & np.isfinite(xx)
    beta, alpha = np.polyfit(xx[ok], yy[ok], 1)
    ar0 = y.iloc[i0] - (alpha + beta * x.iloc[i0])
    assert s.frame.loc[0, "ar"] == pytest.approx(ar0, abs=1e-12)
    assert s.estimation_dates[2] == ok.sum()


def test_non_trading_event_date_moves_to_next_session():
    s = eventstudy.study_claim("^FTMC", "2022-02-12", source=PriceLoader(offline=True))  # a Saturday
    assert s.event_date == date(2022, 2, 14)


def test_study_claim_errors():
    src = PriceLoader(offline=True)
    with pytest.raises(StudyError, match="needs a benchmark"):
        eventstudy.study_claim("^FTMC", "2022-02-15", source=src, model="market")
    with pytest.raises(StudyError, match="is the index studied"):
        eventstudy.study_claim("^FTMC", "2022-02-15", source=src, benchmark="FTSE 250")
    with pytest.raises(UnknownIndexError, match="NOPE"):
        eventstudy.study_claim("NOPE", "2022-02-15", source=src)
    with pytest.raises(StudyError, match="must end before"):
        eventstudy.study_claim("^FTMC", "2022-02-15", source=src, estimation=(-10, 0))


def test_plot_returns_figure():
    report = eventstudy.check(
        "The FTSE 250 closed up 1.09 per cent at 21,852.51.", published="2022-02-15", offline=True
    )
    fig = report.plot()
    ax = fig.axes[0]
    assert "FTSE 250" in ax.get_title()
    assert "relative to the event" in ax.get_xlabel()
    with pytest.raises(StudyError):
        eventstudy.check("Nothing about markets here.", published="2022-02-15", offline=True).plot()


@pytest.mark.parametrize("value", ["03/02/2022", "", "NaT", "today", "2022-13-45"])
def test_dates_are_iso_or_refused(value):
    from eventstudy.calendar import to_date
    from eventstudy.exceptions import InvalidDateError

    with pytest.raises(InvalidDateError, match="published=.*YYYY-MM-DD"):
        to_date(value, "published")


def test_same_file_named_twice_is_checked_once(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("LONDON, Feb 15, 2022 - The FTSE 100 closed up 1.03 per cent at 7,608.92 points.\n")
    result = eventstudy.check_many([f, tmp_path, str(f)], offline=True)
    assert len(result.frame) == 1


def test_missing_datetimes_are_refused():
    from eventstudy.calendar import to_date
    from eventstudy.exceptions import ArticleError, InvalidDateError
    from eventstudy.faces.api import parse_date

    with pytest.raises(InvalidDateError, match="missing"):
        to_date(pd.NaT, "published")
    with pytest.raises(ArticleError, match="^published=.* is not a date"):
        parse_date(pd.NaT)
    with pytest.raises(ArticleError, match="^--published .* is not a date"):
        parse_date(pd.NaT, command_line=True)
    assert parse_date(pd.Timestamp("2022-02-15 17:30")) == date(2022, 2, 15)


def test_study_claim_across_calendars_uses_the_dates_both_traded():
    # FTSE 100 against the S&P 500: UK and US holidays differ; returns span the same days
    src = PriceLoader(offline=True)
    s = eventstudy.study_claim("^FTSE", "2022-03-09", source=src, benchmark="^GSPC")
    y = src.history("^FTSE", date(2021, 1, 4), date(2022, 3, 10))["close"]
    x = src.history("^GSPC", date(2021, 1, 4), date(2022, 3, 10))["close"]
    both = y.index.intersection(x.index)
    ry, rx = y.loc[both].pct_change(), x.loc[both].pct_change()
    i0 = both.get_loc(pd.Timestamp("2022-03-09"))
    est = slice(i0 - 250, i0 - 10)
    beta, alpha = np.polyfit(rx.iloc[est].to_numpy(), ry.iloc[est].to_numpy(), 1)
    assert s.frame.loc[0, "ar"] == pytest.approx(ry.iloc[i0] - (alpha + beta * rx.iloc[i0]), abs=1e-12)
    assert s.estimation_dates == (both[i0 - 250].date(), both[i0 - 11].date(), 240)
    assert any("dates both price tables have" in n for n in s.results.notes)


def test_study_claim_offline_before_the_bundled_year_estimates_on_the_days_there_are():
    # 26 Nov 2021: days -250..-11 start in November 2020, before the bundled data (Jan 2021)
    s = eventstudy.study_claim("^FTSE", "2021-11-26", source=PriceLoader(offline=True))
    first, last, n = s.estimation_dates
    assert first == date(2021, 1, 5) and 120 <= n < 240
    assert any("cannot be had here" in note for note in s.results.notes)
    # February 2021 leaves too few days: still an error, with the reason
    with pytest.raises(EventStudyError):
        eventstudy.study_claim("^FTSE", "2021-02-15", source=PriceLoader(offline=True))


def test_a_price_file_lacking_sessions_still_gives_the_whole_estimation_window():
    # the bundled Euro Stoxx 50 file lacks a few Xetra sessions: the study reads a few more
    # days, so it still estimates on 240 returns, with no note about a cut window
    s = eventstudy.study_claim("^STOXX50E", "2022-06-15", source=PriceLoader(offline=True))
    assert s.estimation_dates[2] == 240 and s.results.notes == ()


def test_study_claim_when_the_benchmark_is_shut_on_day_0_or_the_source_starts_late():
    from eventstudy.exceptions import InsufficientDataError
    from eventstudy.prices import BundledSource

    # Juneteenth (observed) 2022-06-20: New York shut, London open
    with pytest.raises(InsufficientDataError, match="did not trade on 2022-06-20"):
        eventstudy.study_claim("^FTSE", "2022-06-20", source=PriceLoader(offline=True), benchmark="^GSPC")
    # a plain source (no `missing`) whose data start just before the estimation window
    s = eventstudy.study_claim("^FTSE", "2022-01-10", source=BundledSource())
    assert s.estimation_dates[2] == 240


def test_check_with_a_benchmark_keeps_the_verdicts_when_one_study_cannot_run(tmp_path):
    art = tmp_path / "jt.txt"
    art.write_text("LONDON, 20 June 2022 - The FTSE 100 rose 1.5 per cent to 7,121.81 on Monday.\n")
    report = eventstudy.check(art, benchmark="^GSPC", offline=True)
    assert report.verdicts[0].status == "confirmed" and not report.studies
    assert "did not trade" in next(iter(report.study_errors.values()))
