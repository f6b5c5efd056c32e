"""Moves counted from a named day ("since 14 March", "since Monday's close", "from its
January 4 record"): sentences written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from eventstudy.read import read_article
from eventstudy.read.since import BaseDay, find_base_day, resolve_base_day


def _one(text: str, published: str):
    (c,) = read_article(text, published=published).claims
    return c


@pytest.mark.parametrize(
    "text, published, since",
    [
        (
            "The FTSE 100 has lost 5% since 14 March, when the sell-off began.",
            "2022-04-05",
            date(2022, 3, 14),
        ),
        (
            "Shares in London are up: the FTSE 250 has gained 3.2 per cent since Dec. 20.",
            "2022-01-10",
            date(2021, 12, 20),
        ),
        (
            "The Dow has climbed 11% since Jan. 19, 2021, according to the senator.",
            "2021-12-30",
            date(2021, 1, 19),
        ),
        ("The Nasdaq is 4% higher since the 3rd of May.", "2022-05-20", date(2022, 5, 3)),
        (
            "The S&P 500 has risen 6% since the central bank's decision on 16 March.",
            "2022-04-01",
            date(2022, 3, 16),
        ),
        (
            "The Dax has dropped 900 points since Russian troops invaded on Thursday, 24 February.",
            "2022-03-04",
            date(2022, 2, 24),
        ),
        ("The FTSE 100 has risen 1.5% since the close on 1 June.", "2022-06-10", date(2022, 6, 1)),
    ],
    ids=[
        "day-month",
        "last-year",
        "full-date",
        "ordinal-of",
        "event-on-date",
        "weekday-and-date",
        "close-on",
    ],
)
def test_a_move_since_a_named_date_is_multi_day_from_that_date(text, published, since):
    c = _one(text, published)
    assert (c.kind, c.period, c.since) == ("other", "multi-day", since)


def test_since_a_weekdays_close_is_that_weekday_of_the_week():
    # a Thursday piece: "since Monday" is this week's Monday
    c = _one("The S&P 500 is up 2.6% since Monday's close.", "2022-03-17")
    assert (c.period, c.since) == ("multi-day", date(2022, 3, 14))


def test_a_record_on_a_named_day_is_the_base_of_a_from_record_move():
    c = _one("The Nasdaq Composite now sits 14% below its Nov. 19 record close.", "2022-02-02")
    assert (c.period, c.since, c.direction) == ("from-record", date(2021, 11, 19), "down")
    c = _one("The S&P 500 is down 12% since its January 3 record.", "2022-03-07")
    assert (c.period, c.since) == ("from-record", date(2022, 1, 3))


@pytest.mark.parametrize(
    "text",
    [
        "The FTSE 100 closed 1.2% lower on Tuesday at its lowest close since 7 March.",
        "The Dow fell 2.1% on Tuesday, its biggest fall since Monday last week.",
        "The Dax ended 0.8% higher on Tuesday, above 14,000 for the first time since 9 February.",
    ],
    ids=["lowest-close-since", "biggest-fall-since", "first-time-since"],
)
def test_since_after_a_comparison_is_not_the_start_of_the_move(text):
    c = _one(text, "2022-03-22")
    assert c.kind == "close"
    assert c.since is None and c.period is None


def test_a_month_or_year_alone_names_no_base_day():
    c = _one("The FTSE 250 has fallen 9% since March.", "2022-05-03")
    assert c.since is None
    c = _one("The FTSE 250 has fallen 9% since the invasion.", "2022-05-03")
    assert (c.period, c.since) == ("multi-day", None)


def test_the_claim_json_carries_the_base_day():
    d = _one("The FTSE 100 has lost 5% since 14 March.", "2022-04-05").to_dict()
    assert d["since"] == "2022-03-14"


def test_find_base_day_stops_at_the_next_clause():
    spec = find_base_day("since monday, and on friday 4 march it fell", 0)
    assert spec == BaseDay(None, None, None, 0, "monday")
    assert find_base_day("since the vote; on 4 march it fell", 0) is None


def test_resolve_base_day_takes_the_latest_such_date_on_or_before_the_session():
    spec = find_base_day("since 30 december", 0)
    assert resolve_base_day(spec, date(2022, 1, 5)) == date(2021, 12, 30)
    assert resolve_base_day(spec, date(2022, 12, 30)) == date(2022, 12, 30)
    # a date that does not exist, or a year after the session, gives no base
    assert resolve_base_day(BaseDay(2, 30, None, None, "30 february"), date(2022, 3, 1)) is None
    assert resolve_base_day(BaseDay(3, 1, 2023, None, "1 march 2023"), date(2022, 3, 1)) is None
    # a weekday is the latest one strictly before the session
    assert resolve_base_day(BaseDay(None, None, None, 0, "monday"), date(2022, 3, 14)) == date(2022, 3, 7)


@pytest.mark.parametrize(
    "text",
    [
        "The S&P 500 ended flat, having briefly sunk more than 20% below its Jan. 3 record close.",
        "The Dow slid 1.1% at the opening bell to 33,000, dropping more than 10% from its Jan. 4 record.",
    ],
    ids=["briefly", "intraday-move-before"],
)
def test_a_move_from_a_named_day_at_a_moment_of_the_session_is_a_snapshot(text):
    c = next(c for c in read_article(text, published="2022-05-20").claims if c.since is not None)
    assert c.snapshot is True


def test_a_move_from_a_named_day_at_the_close_is_not_a_snapshot():
    claims = read_article(
        "The S&P 500 closed 0.4% lower on Friday, 18% below its Jan. 3 record close.", published="2022-05-20"
    ).claims
    (rec,) = [c for c in claims if c.since is not None]
    assert rec.period == "from-record" and rec.snapshot is False


@pytest.mark.parametrize(
    "text, sessions",
    [
        # a comparison after a counted span does not name its base
        ("The S&P 500 has gained 5.7% over the past three sessions, its best run since 24 February.", 3),
        # the day a span ends on is not where it starts
        ("The FTSE 100 has gained 3.2% over the past four sessions to Thursday, 17 March.", None),
    ],
    ids=["comparison-after-span", "span-end-day"],
)
def test_only_a_since_or_from_phrase_names_the_base_day(text, sessions):
    c = _one(text, "2022-03-17")
    assert (c.period, c.sessions, c.since) == ("multi-day", sessions, None)


def test_a_superlative_before_since_is_a_comparison_not_a_base():
    text = "The FTSE 100 rose 1.6% on Wednesday, the biggest one-day gain for the index since 9 March, when it jumped 3.3%."
    claims = read_article(text, published="2022-03-16").claims
    assert all(c.since is None for c in claims)


@pytest.mark.parametrize(
    "text, since",
    [
        ("The FTSE 100 has climbed 5.7% from its close on 7 March.", date(2022, 3, 7)),
        ("The FTSE 100 has climbed 5.7% since the close of 7 March.", date(2022, 3, 7)),
        ("The S&P 500 has gained 3.7% since Monday's close.", date(2022, 3, 14)),
        ("The S&P 500 has now gained 4.4% since the close on Monday.", date(2022, 3, 14)),
    ],
    ids=["from-its-close-on", "since-the-close-of", "weekday-close", "close-on-weekday"],
)
def test_a_base_named_as_a_close_is_that_close_only(text, since):
    c = _one(text, "2022-03-16")
    assert (c.since, c.base_close) == (since, True)
    assert _one("The FTSE 100 has climbed 5.7% since 7 March.", "2022-03-16").base_close is False
