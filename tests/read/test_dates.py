"""Publication dates and the trading day of each claim (our own sentences)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from eventstudy.exceptions import NoDateError
from eventstudy.read import read_article
from eventstudy.read.dates import find_day_cue, find_published, resolve_cue


def test_dateline_gives_publication_date():
    a = read_article("PARIS, March 8, 2022 (Wire) - The CAC 40 closed 1.1% higher.")
    assert (a.published, a.date_basis) == (date(2022, 3, 8), "dateline")
    assert a.claims[0].trading_date == date(2022, 3, 8)


def test_byline_with_time_zone():
    p = find_published("By A Reporter, Tuesday 08 March 2022 16:45 GMT\nShares fell.")
    assert p.day == date(2022, 3, 8)
    assert p.at.hour == 16 and p.zone == "GMT"


def test_reference_dates_are_not_publication_dates():
    text = (
        "Some filler first so that nothing is a dateline. " * 8
        + "The index hit its highest level since January 3, 2020, a report dated 9 March 2022 said."
    )
    assert find_published(text).day == date(2022, 3, 9)


def test_given_date_overrides_the_text():
    a = read_article("LONDON, March 8, 2022 - The FTSE 100 closed 1.1% higher.", published="2022-03-10")
    assert (a.published, a.date_basis) == (date(2022, 3, 10), "given")


def test_no_date_raises_with_the_fix():
    with pytest.raises(
        NoDateError, match=r"give published='YYYY-MM-DD' \(on the command line: --published YYYY-MM-DD\)"
    ):
        read_article("The FTSE 100 closed 1.1% higher.")


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("The FTSE 100 rose 1% today.", "2022-03-09", date(2022, 3, 9)),
        ("The FTSE 100 rose 1% this morning.", "2022-03-09", date(2022, 3, 9)),
        ("The FTSE 100 rose 1% yesterday.", "2022-03-09", date(2022, 3, 8)),
        # a Monday paper: "yesterday" (Sunday) is no session, Friday's close is meant
        ("The FTSE 100 closed 1% higher yesterday.", "2022-03-07", date(2022, 3, 4)),
        # a Saturday paper
        ("The FTSE 100 closed 1% higher yesterday.", "2022-03-05", date(2022, 3, 4)),
        ("The FTSE 100 closed 1% higher on Monday.", "2022-03-09", date(2022, 3, 7)),
        ("The FTSE 100 closed 1% higher on Wednesday.", "2022-03-09", date(2022, 3, 9)),
        ("The FTSE 100 closed 1% higher on March 3.", "2022-03-09", date(2022, 3, 3)),
        ("The FTSE 100 closed 1% higher last Friday.", "2022-03-09", date(2022, 3, 4)),
        ("The FTSE 100 fell 3% last week.", "2022-03-09", date(2022, 3, 4)),
        # no session on the UK late-May bank holiday: the day after it trades again
        ("The FTSE 100 rose 0.5% after the bank holiday.", "2022-05-31", date(2022, 5, 31)),
    ],
)
def test_relative_days(text, published, day):
    a = read_article(text, published=published)
    assert a.claims[0].trading_date == day


def test_last_night_on_wall_street_in_a_london_morning_piece():
    text = (
        "Wall Street closed lower last night, with the S&P 500 down 1.2%. "
        "This morning the FTSE 100 is up 0.3%."
    )
    us, uk = read_article(text, published="2022-03-09").claims
    assert (us.ticker, us.trading_date) == ("^GSPC", date(2022, 3, 8))
    assert (uk.ticker, uk.kind, uk.trading_date) == ("^FTSE", "intraday", date(2022, 3, 9))


def test_asian_report_covers_the_previous_new_york_session():
    text = "TOKYO, March 9, 2022 - The Nikkei closed 1.1% higher. On Wall Street the Dow fell 0.6%."
    nikkei, dow = read_article(text).claims
    assert nikkei.trading_date == date(2022, 3, 9)
    assert dow.trading_date == date(2022, 3, 8)
    assert dow.notes


def test_exchange_holiday_uses_that_exchange_calendar():
    # 2022-03-09 was an election holiday in South Korea
    c = read_article("The Kospi closed 1% lower today.", published="2022-03-09").claims[0]
    assert c.trading_date == date(2022, 3, 8)


def test_ambiguous_day_is_reported_not_guessed():
    c = read_article("The FTSE 100 closed 1% lower.", published="2022-03-09").claims[0]
    assert c.trading_date == date(2022, 3, 9)
    assert c.alt_trading_date == date(2022, 3, 8)
    assert any("no day stated" in n for n in c.notes)


def test_close_before_the_close_is_the_previous_session():
    text = "LONDON, March 9, 2022 08:15 GMT - The FTSE 100 closed 1% lower."
    c = read_article(text).claims[0]
    assert c.trading_date == date(2022, 3, 8)


def test_us_snapshot_in_a_european_close_report():
    text = "The FTSE 100 closed 1% lower. In New York the Dow was 0.4% higher."
    ftse, dow = read_article(text, published="2022-03-09").claims
    assert ftse.kind == "close"
    assert dow.kind == "intraday"


def test_day_of_another_claim_is_not_borrowed():
    text = "The Nikkei fell 2% on Tuesday, extending a 3% slide on March 7."
    a, b = read_article(text, published="2022-03-09").claims
    assert a.trading_date == date(2022, 3, 8)
    assert b.trading_date == date(2022, 3, 7)


def test_reference_level_with_its_own_date():
    text = "The Dow is 9% below its record close of 36,799.65 hit on Jan. 4, 2022."
    claims = read_article(text, published="2022-03-09").claims
    level = [c for c in claims if c.level is not None]
    assert [(c.direction, c.level, c.trading_date) for c in level] == [(None, 36799.65, date(2022, 1, 4))]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("since Monday", None), ("from the previous close on Friday", None), ("on Friday", "weekday")],
)
def test_reference_day_phrases_are_ignored(text, kind):
    cue = find_day_cue(text)
    assert (cue.kind if cue else None) == kind


def test_resolve_weekday_on_its_own_day():
    cue = find_day_cue("on Wednesday")
    assert resolve_cue(cue, date(2022, 3, 9), "XLON") == date(2022, 3, 9)


@pytest.mark.parametrize(
    ("head", "expected_at"),
    [
        ("Published: 2022-03-09", None),
        ("2022-03-09T08:15:00Z", datetime(2022, 3, 9, 8, 15, tzinfo=UTC)),
        ("Updated 2022-03-09 08:15 GMT", datetime(2022, 3, 9, 8, 15, tzinfo=UTC)),
        ("2022-03-09T09:15+01:00", datetime(2022, 3, 9, 8, 15, tzinfo=UTC)),
        ("Frankfurt, 09.03.2022 -", None),
        ("Frankfurt, 9. März 2022 -", None),
        ("PARIS, 9 mars 2022 -", None),
    ],
)
def test_numeric_and_foreign_publication_dates_are_read(head, expected_at):
    found = find_published(head + "\nThe Dax rose 2.1% as traders bought back into banks.")
    assert found is not None and found.day == date(2022, 3, 9)
    assert found.at == expected_at


def test_a_number_with_dots_is_not_a_date():
    assert find_published("The Dax closed at 13.847,93 points, up 7,92 percent.") is None


def test_french_first_of_the_month():
    assert find_published("PARIS, 1er mars 2022 - Le CAC 40 a chuté de 3,9 %.").day == date(2022, 3, 1)


def test_a_year_in_the_headline_above_does_not_make_the_dateline_a_reference():
    text = "Markets: the best day since 2009\n\n14 March 2022\n\nThe FTSE 100 rose 1.1 per cent."
    assert find_published(text).day == date(2022, 3, 14)
    # on one line the phrase still marks a reference date
    assert find_published("The Dow has gained 40% since 12 March 2020 and rose 1%.") is None
