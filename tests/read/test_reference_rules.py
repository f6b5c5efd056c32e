"""Names, pronouns and day phrases that refer back or to another event, on new sentences.

Every sentence is written for this file (none from the development or held-out sets).
"""

from __future__ import annotations

from datetime import date

from eventstudy.read import read_article


def _claims(text: str, published: str, ticker: str | None = None):
    found = read_article(text, published=published).claims
    return [c for c in found if ticker is None or c.ticker == ticker]


def test_it_as_the_subject_of_posted_or_managed_is_the_index():
    found = _claims(
        "The Dax shed 40.2 points to 14,410.6 on Friday, though it still managed a weekly gain of 1.6%.",
        "2022-03-12",
        "^GDAXI",
    )
    assert sorted(c.kind for c in found) == ["close", "weekly"]


def test_an_adjective_before_gauge_still_refers_to_the_last_index():
    (c,) = _claims(
        "The Nasdaq Composite slid on Tuesday. The tech-heavy gauge fell 2.4% to 12,795.5.",
        "2022-03-16",
        "^IXIC",
    )
    assert (c.pct, c.level) == (2.4, 12795.5)


def test_key_gauge_refers_to_the_index_just_named():
    (c,) = _claims(
        "Tokyo shares hit a three-decade high, and the Nikkei 225 led the region. The key gauge "
        "rose 1.3% to 29,880.1.",
        "2021-02-16",
        "^N225",
    )
    assert c.pct == 1.3


def test_possessive_day_with_a_gain_of_dates_that_number():
    snap, prev = _claims(
        "The Hang Seng was down 2.2% at midday, wiping out Monday's gain of 1.4%.",
        "2022-03-16",
        "^HSI",
    )
    assert (snap.kind, snap.trading_date) == ("intraday", date(2022, 3, 16))
    assert (prev.kind, prev.trading_date) == ("close", date(2022, 3, 14))


def test_a_month_followed_by_a_decimal_is_not_a_date():
    (c,) = _claims("The Dow ended May 0.4% higher at 32,990.12 yesterday.", "2022-06-01", "^DJI")
    assert (c.period, c.trading_date) == ("month", date(2022, 5, 31))


def test_good_friday_is_not_a_session_of_the_claim():
    # Tuesday after Easter: London's first session since Thursday
    (c,) = _claims(
        "Investors cheered US jobs data released on Good Friday, and the FTSE 100 rose 0.8% to 6,790.2.",
        "2021-04-06",
        "^FTSE",
    )
    assert c.trading_date == date(2021, 4, 6)


def test_the_date_of_a_record_is_not_the_claims_session():
    found = _claims(
        "The Nasdaq Composite fell 1.9% last night, leaving it 9.5% below the record it set on February 12.",
        "2021-03-05",
        "^IXIC",
    )
    assert [(c.pct, c.trading_date) for c in found] == [(1.9, date(2021, 3, 4)), (9.5, date(2021, 3, 4))]


def test_german_report_the_german_leading_index_and_hoeher():
    claims = read_article(
        "Frankfurt, 10. März 2022 - Der Dax gab am Donnerstag nach. Der deutsche Leitindex schloss "
        "2,93 Prozent tiefer bei 13.442,10 Punkten. Am Vortag hatte er noch 7,9 Prozent höher geschlossen.",
    ).claims
    assert [(c.ticker, c.direction, c.pct, c.level) for c in claims][:1] == [
        ("^GDAXI", "down", 2.93, 13442.1)
    ]


def test_two_indices_and_two_numbers_pair_up_in_order():
    claims = read_article(
        "Wall Street fell yesterday: the Dow and the Nasdaq slid 0.9pc and 2.1pc.", published="2022-03-08"
    ).claims
    assert [(c.ticker, c.pct) for c in claims] == [("^DJI", 0.9), ("^IXIC", 2.1)]


def test_two_indices_with_a_days_and_a_weeks_move_both_have_both():
    claims = read_article(
        "The Dow and the S&P 500 fell 1.1% on Friday and 2.5% for the week.", published="2022-03-12"
    ).claims
    assert sorted((c.ticker, c.pct, c.kind) for c in claims) == [
        ("^DJI", 1.1, "close"),
        ("^DJI", 2.5, "weekly"),
        ("^GSPC", 1.1, "close"),
        ("^GSPC", 2.5, "weekly"),
    ]


def test_the_tech_heavy_index_is_the_nasdaq_named_before_not_the_last_index():
    claims = read_article(
        "The Nasdaq Composite rose 0.2% on Thursday, while the S&P 500 fell 0.4%. The tech-heavy index is "
        "down 25% this year.",
        published="2022-05-12",
    ).claims
    assert [(c.ticker, c.pct) for c in claims] == [("^IXIC", 0.2), ("^GSPC", 0.4), ("^IXIC", 25.0)]


def test_it_as_the_object_of_left_carries_a_move():
    claims = read_article(
        "The Dax fell 2.1% on Thursday. The drop left it 14.2% lower for the year. Analysts left it to the ECB.",
        published="2022-03-10",
    ).claims
    assert [(c.ticker, c.pct, c.period) for c in claims] == [
        ("^GDAXI", 2.1, None),
        ("^GDAXI", 14.2, "year-to-date"),
    ]


def test_a_countrys_blue_chip_index_is_its_own_not_londons():
    from eventstudy.read import read_article

    for text, ticker in (
        ("FRANKFURT, May 9, 2022 - Germany's blue-chip index shed 2.2 per cent.", "^GDAXI"),
        ("PARIS, May 9, 2022 - The French blue-chip index shed 2.8 per cent.", "^FCHI"),
        ("LONDON, May 9, 2022 - London's blue-chip index shed 2.3 per cent.", "^FTSE"),
    ):
        assert [c.ticker for c in read_article(text).claims] == [ticker], text


def test_a_reference_and_another_name_are_two_indices():
    from eventstudy.read import read_article

    text = (
        "The FTSE 100 rose 1% on Monday. On Tuesday the index and the FTSE 250 fell 2% and 3% respectively."
    )
    found = read_article(text, published="2022-03-09").claims
    assert [(c.ticker, c.pct) for c in found] == [("^FTSE", 1.0), ("^FTSE", 2.0), ("^FTMC", 3.0)]
