"""Which session a claim is about when a sentence holds several day phrases.

Every sentence is written for this file (none from the development or held-out sets).
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstudy.read import read_article


def _claims(text: str, published: str, ticker: str | None = None):
    found = read_article(text, published=published).claims
    return [c for c in found if ticker is None or c.ticker == ticker]


def test_day_right_after_the_number_dates_that_move_and_makes_it_a_close():
    # a Wednesday morning piece: the Nikkei snapshot is today, its 1.8% gain Tuesday's close
    snap, gain = _claims(
        "In Tokyo the Nikkei 225 was flat at 27,950 in early trade, after climbing 1.8% on Tuesday.",
        "2022-03-09",
        "^N225",
    )
    assert (snap.kind, snap.trading_date) == ("intraday", date(2022, 3, 9))
    assert (gain.kind, gain.trading_date) == ("close", date(2022, 3, 8))


def test_possessive_day_dates_only_the_number_it_introduces():
    fall, gain = _claims(
        "The Dax recovered some of Monday's 2.4% fall on Tuesday, closing up 1.1% at 13,900.5.",
        "2022-03-15",
        "^GDAXI",
    )
    assert (fall.direction, fall.trading_date) == ("down", date(2022, 3, 14))
    assert (gain.direction, gain.trading_date) == ("up", date(2022, 3, 15))


def test_possessive_day_of_another_number_does_not_date_the_main_move():
    # a Saturday paper: "yesterday" is Friday; "Thursday's 2.2% drop" is its own number's
    found = _claims(
        "Shares rallied yesterday. The FTSE 100 gained 1.9% to 7,260.4, undoing Thursday's 2.2% drop.",
        "2022-03-05",
        "^FTSE",
    )
    main = next(c for c in found if c.direction == "up")
    assert main.trading_date == date(2022, 3, 4)


def test_day_in_a_relative_clause_does_not_carry_on():
    # Monday piece: "on Friday" belongs to the clause about the Dax trading while London was shut
    found = _claims(
        "The Dax, which traded on Friday while London was closed, rose 0.9%. The Dow was up 0.4% at 3pm.",
        "2022-06-06",
    )
    assert [(c.ticker, c.trading_date) for c in found] == [
        ("^GDAXI", date(2022, 6, 6)),
        ("^DJI", date(2022, 6, 6)),
    ]


def test_overnight_news_after_a_snapshot_is_not_its_session():
    found = _claims(
        "The CAC 40 has opened 1.7% lower after rebels shelled the capital overnight. "
        "The Euro Stoxx 50 is down 2.1%.",
        "2022-02-24",
    )
    assert {c.trading_date for c in found} == {date(2022, 2, 24)}


def test_live_blog_entry_stamp_after_the_close_dates_a_close_that_day():
    text = (
        "Markets live, Thursday 10 March 2022\n"
        "08:05 GMT The FTSE 100 has opened 0.3% higher at 7,213.\n"
        "16:40 GMT The FTSE 100 has closed down 95.3 points, or 1.3%, at 7,099.09."
    )
    snap, close = _claims(text, "2022-03-10", "^FTSE")
    assert (snap.kind, snap.trading_date) == ("intraday", date(2022, 3, 10))
    assert (close.kind, close.trading_date) == ("close", date(2022, 3, 10))


def test_morning_stamp_still_makes_a_close_the_previous_sessions():
    text = "Markets live, Thursday 10 March 2022\n08:05 GMT The Dow closed 2% higher at 33,286.25."
    (c,) = _claims(text, "2022-03-10", "^DJI")
    assert c.trading_date == date(2022, 3, 9)


def test_present_perfect_crash_is_a_snapshot():
    (c,) = _claims("The Hang Seng has crashed 5% as tech stocks sold off.", "2022-03-14", "^HSI")
    assert c.kind == "intraday"


def test_a_weeks_move_in_a_monday_piece_is_the_week_to_friday():
    (c,) = _claims("Week ahead: the FTSE 250 posted a weekly loss of 3.1%.", "2022-03-14", "^FTMC")
    assert (c.kind, c.trading_date) == ("weekly", date(2022, 3, 11))


def test_previous_day_counts_back_from_the_sentences_own_day():
    # a Thursday paper: the Dax's 1.3% rise is Wednesday's, its 2% slide the session before
    rise, slide = _claims(
        "Frankfurt's Dax rose 1.3% on Wednesday, clawing back part of a 2% slide the previous session.",
        "2022-03-10",
        "^GDAXI",
    )
    assert (rise.direction, rise.trading_date) == ("up", date(2022, 3, 9))
    assert (slide.direction, slide.trading_date) == ("down", date(2022, 3, 8))


def test_previous_day_counts_back_from_a_day_carried_from_earlier():
    # a Saturday paper: "yesterday" is Friday, "the day before" Thursday; the later sentence
    # without a day is still Friday's
    text = (
        "Shares in New York tumbled yesterday as bond yields jumped. "
        "The Nasdaq Composite sank 2.4%, having added 110 points the day before. "
        "The Dow Jones Industrial Average lost 1.2%."
    )
    nasdaq = _claims(text, "2022-03-12", "^IXIC")
    dow = _claims(text, "2022-03-12", "^DJI")
    assert [(c.pct, c.trading_date) for c in nasdaq] == [(2.4, date(2022, 3, 11)), (None, date(2022, 3, 10))]
    assert [c.trading_date for c in dow] == [date(2022, 3, 11)]


def test_previous_day_in_a_later_clause_or_as_a_reference_does_not_date_the_move():
    (a,) = _claims(
        "The FTSE 100 closed 0.8% higher on Tuesday, a day after it had slipped the previous session.",
        "2022-03-16",
        "^FTSE",
    )
    assert a.trading_date == date(2022, 3, 15)
    (b,) = _claims("The FTSE 250 rose 1.1% on Monday from the previous day's close.", "2022-03-16", "^FTMC")
    assert b.trading_date == date(2022, 3, 14)


def test_overnight_in_asia_is_the_asian_session_of_a_london_or_new_york_piece():
    london = read_article(
        "LONDON, 15 March 2022 - Tokyo stocks rose overnight, with the Nikkei 225 up 0.2 per cent.",
        published="2022-03-15",
    ).claims
    new_york = read_article(
        "NEW YORK, March 16, 2022 - Overseas, the Nikkei 225 gained 1.6% overnight and the Dax 3.8%.",
        published="2022-03-16",
    ).claims
    assert [(c.ticker, c.trading_date) for c in london] == [("^N225", date(2022, 3, 15))]
    assert [(c.ticker, c.trading_date) for c in new_york] == [
        ("^N225", date(2022, 3, 16)),
        ("^GDAXI", date(2022, 3, 16)),
    ]


def test_last_night_on_wall_street_in_a_london_piece_is_still_the_previous_session():
    (c,) = _claims(
        "LONDON, 15 March 2022 - Last night on Wall Street the S&P 500 fell 0.7 per cent.", "2022-03-15"
    )
    assert c.trading_date == date(2022, 3, 14)


def test_christmas_eve_dates_the_claim():
    (c,) = _claims(
        "The FTSE 250 last traded on Christmas Eve, when it closed 0.2% higher at 23,100.5.", "2021-12-29"
    )
    assert c.trading_date == date(2021, 12, 24)


def test_today_on_a_holiday_is_moved_with_a_note():
    (c,) = _claims("Friday 15 April 2022\nThe FTSE 100 was flat today.", "2022-04-15")
    assert c.trading_date == date(2022, 4, 14)
    assert any("2022-04-15 is not a XLON session" in n for n in c.notes)


def test_overnight_right_after_a_wall_street_number_beats_the_asian_day_named_before():
    text = "Asia markets\nFriday, June 17, 2022\nAsian stocks fell on Friday after the S&P 500 slumped 3.3% on Wall Street overnight."
    (c,) = read_article(text).claims
    assert (c.ticker, c.trading_date) == ("^GSPC", date(2022, 6, 16))


def test_a_day_in_a_relative_clause_before_the_subject_is_not_its_day():
    (c,) = _claims(
        "The FTSE 100 rose 0.4% on Tuesday after the bank holiday. In Frankfurt, which traded as normal "
        "on Monday, the Dax fell 1.1%.",
        "2022-05-03",
        "^GDAXI",
    )
    assert c.trading_date == date(2022, 5, 3)


def test_before_the_weekend_is_the_friday():
    (c,) = _claims("Monday 14 March 2022. Before the weekend, the FTSE 100 closed up 0.9%.", "2022-03-14")
    assert c.trading_date == date(2022, 3, 11)


def test_a_move_after_it_had_another_is_two_claims():
    found = _claims(
        "The Dow slipped 0.1% to 29,900.5 on Friday, a day after it had shed 740 points.", "2022-06-17"
    )
    assert [(c.pct, c.points) for c in found] == [(0.1, None), (None, 740.0)]


def test_yesterdays_laggard_dates_the_claim():
    (c,) = _claims(
        "Good morning. The FTSE 250 was yesterday's laggard (down 1.2% at 20,900.4).", "2022-04-01", "^FTMC"
    )
    assert c.trading_date == date(2022, 3, 31)


def test_a_named_day_that_is_not_a_session_is_moved_with_a_note():
    (c,) = _claims("NEW YORK, 27 December 2021 - On Christmas Eve the Dow rose 0.5%.", "2021-12-27")
    assert c.trading_date == date(2021, 12, 23)
    assert any("2021-12-24 is not a XNYS session" in n for n in c.notes)


def test_overnight_in_tokyo_with_no_dateline_keeps_both_sessions():
    (c,) = _claims("Published: 2022-02-25. Overnight, the Nikkei 225 rose 1.9 per cent.", "2022-02-25")
    assert {c.trading_date, c.alt_trading_date} == {date(2022, 2, 24), date(2022, 2, 25)}


def test_background_of_an_earlier_day_does_not_move_the_claims_after_it():
    # a Thursday evening wrap: the Monday shock is background, told inside a sentence with no
    # index figure; the Dow's 1.2% fall is Thursday's
    (dow,) = _claims(
        "Shares on Wall Street ended weaker on Thursday. Traders were still digesting the sell-off "
        "markets suffered on Monday, when the jobs data surprised. The Dow Jones Industrial Average "
        "lost 1.2% to 33,100.",
        "2022-03-10",
        "^DJI",
    )
    assert dow.trading_date == date(2022, 3, 10)
    # the same in a company's clause: "after sliding 9% on Tuesday"
    (ftse,) = _claims(
        "London's blue chips fell on Wednesday. Ocado shares dropped another 3% after sliding 9% on "
        "Tuesday. The FTSE 100 closed 0.4% lower at 7,190.",
        "2022-03-09",
        "^FTSE",
    )
    assert ftse.trading_date == date(2022, 3, 9)


def test_an_earlier_day_that_opens_the_sentence_still_moves_the_claims_after_it():
    (dax,) = _claims(
        "European shares were calm on Friday. On Wednesday, markets had been rattled by the "
        "inflation report. The Dax lost 2.1% that day.",
        "2022-03-11",
        "^GDAXI",
    )
    assert dax.trading_date == date(2022, 3, 9)


def test_a_weeks_move_after_a_named_day_ends_on_the_weeks_last_session():
    # a Saturday column: Wednesday is the day of the rate decision, the week ends on Friday
    moves = _claims(
        "The central bank raised rates on Wednesday, and shares rallied. Over the week the S&P 500 "
        "gained 3.1%, and the Nasdaq Composite 4.0%.",
        "2022-03-19",
    )
    assert [(c.ticker, c.kind, c.trading_date) for c in moves] == [
        ("^GSPC", "weekly", date(2022, 3, 18)),
        ("^IXIC", "weekly", date(2022, 3, 18)),
    ]


def test_moves_of_one_index_in_sentences_naming_different_days_stay_apart():
    found = _claims(
        "The FTSE 100 climbed 120 points to 7,300.4 on Thursday. On Wednesday the FTSE 100 "
        "added 0.3 per cent.",
        "2022-03-10",
        "^FTSE",
    )
    assert [(c.points, c.pct, c.level, c.trading_date) for c in found] == [
        (120.0, None, 7300.4, date(2022, 3, 10)),
        (None, 0.3, None, date(2022, 3, 9)),
    ]
    # the same day named twice still completes one claim
    (one,) = _claims(
        "The FTSE 100 climbed 1.7% on Thursday. It closed at 7,300.4 on Thursday.", "2022-03-10", "^FTSE"
    )
    assert (one.pct, one.level) == (1.7, 7300.4)


def test_earlier_in_the_day_and_a_shortened_session_are_the_claims_own_days():
    # a Monday piece: Friday carried from the sentence before, but "earlier in the day" is today
    (nikkei,) = _claims(
        "On Friday the S&P 500 had risen 0.4 per cent. In Asia, the Nikkei 225 lost 1.1 per cent "
        "earlier in the day.",
        "2022-06-13",
        "^N225",
    )
    assert nikkei.trading_date == date(2022, 6, 13)
    (ftse,) = _claims(
        "The FTSE 100 edged up 0.2 per cent in Thursday's shortened session.", "2021-12-27", "^FTSE"
    )
    assert ftse.trading_date == date(2021, 12, 23)


def test_a_move_on_a_named_days_close_is_measured_from_it_not_made_on_it():
    # a Monday piece: the DAX traded on Friday and Monday, London was shut
    (dax,) = _claims("The DAX, open on Monday, gained 1.1% on Friday's close.", "2022-06-06", "^GDAXI")
    assert dax.trading_date == date(2022, 6, 6)
    (at,) = _claims("At Friday's close the DAX was up 1.1%.", "2022-06-06", "^GDAXI")
    assert at.trading_date == date(2022, 6, 3)


def test_a_joint_dateline_is_written_after_its_last_market_closed():
    text = (
        "LONDON/NEW YORK, July 19 (Reuters) - Shares slid on Monday. The FTSE 100 fell 1.2% to "
        "6,900.5, and on Wall Street the Dow Jones Industrial Average shed 1.1% to 34,000.4."
    )
    found = {c.ticker: c.kind for c in read_article(text, published="2021-07-19").claims}
    assert found == {"^FTSE": "close", "^DJI": "close"}
    # from London alone, Wall Street figures without a close word are a snapshot
    (dow,) = _claims(
        "LONDON, July 19 (Reuters) - On Wall Street the Dow Jones Industrial Average was 1.1% lower.",
        "2021-07-19",
        "^DJI",
    )
    assert dow.kind == "intraday"


def test_a_past_perfect_sentence_about_yesterday_does_not_date_the_claims_after_it():
    found = _claims(
        "LONDON, Thursday 12 May 2022 - The FTSE 100 closed down 1.6% at 7,233. Yesterday the index "
        "had risen 1.4%. The FTSE 250 fell 0.8% to 19,481.",
        None,
    )
    assert [(c.ticker, c.pct, c.trading_date) for c in found] == [
        ("^FTSE", 1.6, date(2022, 5, 12)),
        ("^FTSE", 1.4, date(2022, 5, 11)),
        ("^FTMC", 0.8, date(2022, 5, 12)),
    ]


def test_a_new_live_blog_entry_starts_without_the_day_of_the_one_before():
    text = (
        "Business live\nThursday 12 May 2022\n\nPosted at 16:45\nThe FTSE 100 closed 1.6% lower. On "
        "Wednesday it rose 1.4%.\n\nPosted at 12:10\nThe FTSE 250 fell 0.8% to 19,481."
    )
    last = read_article(text).claims[-1]
    assert (last.ticker, last.trading_date) == ("^FTMC", date(2022, 5, 12))


@pytest.mark.parametrize(
    ("text", "period", "day"),
    [
        # a review of 1 April: the month and the quarter that just ended
        (
            "LONDON, 1 April 2022 - Over the month, the FTSE 100 rose 0.8 per cent.",
            "month",
            date(2022, 3, 31),
        ),
        (
            "LONDON, 1 April 2022 - For the first quarter, the FTSE 100 was up 1.8 per cent.",
            "quarter",
            date(2022, 3, 31),
        ),
        (
            "NEW YORK, May 2, 2022 - Last month the Nasdaq Composite slumped 13.3 per cent.",
            "month",
            date(2022, 4, 29),
        ),
        (
            "LONDON, 1 July 2022 - In the first half the S&P 500 lost 20.6 per cent.",
            "year-to-date",
            date(2022, 6, 30),
        ),
        # published on the last day of the half: that half
        (
            "NEW YORK, June 30, 2022 - In the first half the S&P 500 lost 20.6 per cent.",
            "year-to-date",
            date(2022, 6, 30),
        ),
        # a period under way stays the one under way
        (
            "LONDON, 1 April 2022 - So far this month the FTSE 100 is up 0.3 per cent.",
            "month",
            date(2022, 4, 1),
        ),
    ],
)
def test_a_review_just_after_a_period_ended_is_about_that_period(text, period, day):
    (c,) = read_article(text).claims
    assert (c.kind, c.period, c.trading_date) == ("other", period, day)


def test_an_asian_evening_report_of_european_afternoon_trade_is_that_days_session():
    (c,) = _claims(
        "SINGAPORE, 16 June 2022 - European shares were weaker in afternoon deals, with the DAX "
        "down 2.1 per cent.",
        None,
        "^GDAXI",
    )
    assert (c.kind, c.trading_date) == ("intraday", date(2022, 6, 16))
    # without a snapshot phrase the European figures are the previous session's
    (c,) = _claims("SINGAPORE, 16 June 2022 - The DAX fell 1.1 per cent.", None, "^GDAXI")
    assert c.trading_date == date(2022, 6, 15)


def test_a_month_ended_flat_shares_its_period_with_a_while_clause():
    found = _claims(
        "LONDON, 31 May 2022 - On Wall Street the S&P 500 ended May flat, while the Nasdaq Composite lost 2 per cent.",
        None,
    )
    assert [(c.ticker, c.period) for c in found] == [("^GSPC", "month"), ("^IXIC", "month")]


def test_the_alternative_session_is_never_the_session_itself():
    text = (
        "SYDNEY, Saturday 14 May 2022 - On Wall Street overnight the S&P 500 rose 2.4 per cent. "
        "The Dow gained 1.5 per cent and the Nasdaq Composite added 3.8 per cent."
    )
    found = read_article(text).claims
    assert len(found) == 3
    for c in found:
        assert c.alt_trading_date != c.trading_date


def test_an_asian_report_of_wall_street_trading_is_the_previous_new_york_session():
    # New York has not opened during the Tokyo day: unlike Europe's afternoon
    (c,) = _claims(
        "TOKYO, 16 June 2022 - U.S. stocks were weaker in late trading, with the Dow down 2.1 per cent.",
        None,
        "^DJI",
    )
    assert c.trading_date == date(2022, 6, 15)


@pytest.mark.parametrize(
    ("text", "published", "period", "day"),
    [
        # a period under way runs to the publication day
        (
            "The Nasdaq Composite is down 5% in the first quarter so far.",
            "2022-03-15",
            "quarter",
            date(2022, 3, 15),
        ),
        (
            "The S&P 500 has lost 18% so far this year, its worst first half since 1970.",
            "2022-06-29",
            "year-to-date",
            date(2022, 6, 29),
        ),
        # a year printed with the quarter
        ("The FTSE 100 fell 2% in the fourth quarter of 2020.", "2022-06-15", "quarter", date(2020, 12, 31)),
        # "the last month" is the past 30 days or so, not the calendar month
        ("The FTSE 100 has fallen 5% over the last month.", "2022-03-16", "multi-day", date(2022, 3, 16)),
    ],
)
def test_periods_under_way_printed_years_and_the_last_month(text, published, period, day):
    (c,) = read_article(text, published=published).claims
    assert (c.period, c.trading_date) == (period, day)


def test_a_had_clause_after_a_simple_past_keeps_the_sentences_day():
    found = _claims(
        "On Tuesday the FTSE 100 fell 2%, after it had risen 1% on Monday. The FTSE 250 lost 1.5%.",
        "2022-03-16",
    )
    assert [(c.ticker, c.pct, c.trading_date) for c in found] == [
        ("^FTSE", 2.0, date(2022, 3, 15)),
        ("^FTSE", 1.0, date(2022, 3, 14)),
        ("^FTMC", 1.5, date(2022, 3, 15)),
    ]


def test_a_us_live_blog_with_am_pm_stamps_dates_each_entry():
    text = (
        "New York, Monday 13 June 2022\n\n10:05 a.m. ET The S&P 500 is down 2.8 per cent in early trade.\n"
        "4:10 p.m. ET The S&P 500 closed down 3.9 per cent."
    )
    snap, close = read_article(text).claims
    assert (snap.kind, snap.trading_date) == ("intraday", date(2022, 6, 13))
    assert (close.kind, close.trading_date) == ("close", date(2022, 6, 13))


def test_that_day_is_the_day_named_in_the_sentence_before():
    (c,) = _claims(
        "LONDON, Monday 14 March 2022 - The turning point came on Wednesday. The FTSE 100 jumped 3.3 "
        "per cent that day.",
        None,
    )
    assert c.trading_date == date(2022, 3, 9)


def test_a_sentence_opening_with_a_day_is_not_merged_into_an_undated_claim_before_it():
    found = _claims(
        "TOKYO, 23 March 2022 - The Nikkei 225 ended up 816 points at 28,040.16. On Tuesday, the "
        "Nikkei gained 1.5 per cent.",
        None,
        "^N225",
    )
    assert [(c.points, c.level, c.pct, c.trading_date) for c in found] == [
        (816.0, 28040.16, None, date(2022, 3, 23)),
        (None, None, 1.5, date(2022, 3, 22)),
    ]


def test_overnight_about_wall_street_does_not_move_the_datelines_own_close():
    text = (
        "TOKYO, June 14, 2022 - Japanese equities slid for a third day on Tuesday, with the Nikkei 225 "
        "closing 1.3 per cent lower at 26,629.86 after a rout on Wall Street overnight."
    )
    (c,) = [c for c in read_article(text).claims if c.ticker == "^N225"]
    assert c.trading_date == date(2022, 6, 14)


def test_a_move_without_a_close_in_a_piece_stamped_mid_session_is_the_day_so_far_or_the_last_close():
    text = "LONDON, 18 May 2022, 13:15 BST - The FTSE 100 slipped 0.4 per cent."
    (c,) = read_article(text).claims
    assert (c.kind, c.trading_date, c.alt_trading_date) == ("intraday", date(2022, 5, 18), date(2022, 5, 17))
    assert c.alt_kind == "close"  # the session before is its close, not a moment of it
    closed = "LONDON, 18 May 2022, 13:15 BST - The FTSE 100 closed 0.4 per cent lower."
    (c,) = read_article(closed).claims
    assert (c.kind, c.trading_date) == ("close", date(2022, 5, 17))


def test_gave_up_is_a_past_move_not_a_participle_of_the_session():
    text = (
        "LONDON, January 28, 2021 - It was a grim evening in New York. The Dow Jones Industrial "
        "Average gave up 634 points. In Tokyo this morning the Nikkei 225 is trading lower."
    )
    (c,) = [c for c in read_article(text).claims if c.ticker == "^DJI"]
    assert date(2021, 1, 27) in (c.trading_date, c.alt_trading_date)


def test_a_stamp_before_the_open_is_not_mid_session():
    # 08:00 in London is before New York opens: the S&P 500's move is the last close's
    (c,) = read_article("LONDON, 9 February 2022, 08:00 GMT - The S&P 500 rose 0.8 per cent.").claims
    assert (c.kind, c.trading_date, c.alt_kind) == ("close", date(2022, 2, 8), None)


def test_a_counted_span_in_a_piece_written_before_the_close_ends_at_the_last_close():
    text = (
        "LONDON, 22 April 2022, 07:30 BST - The FTSE 250 has gained 0.9 per cent over the past four sessions."
    )
    (c,) = read_article(text).claims
    assert (c.period, c.sessions, c.trading_date) == ("multi-day", 4, date(2022, 4, 21))


def test_a_piece_that_names_an_asian_index_first_is_not_an_asian_report_without_a_dateline():
    text = "Published 7 March 2022\n\nTokyo's Nikkei 225 sank nearly 3%. The Dow shed 2.4% and the FTSE 250 lost 0.5%."
    found = {c.ticker: c for c in read_article(text).claims}
    for t in ("^DJI", "^FTMC"):
        # the publication day's session first, the previous one kept beside it
        assert (found[t].trading_date, found[t].alt_trading_date) == (date(2022, 3, 7), date(2022, 3, 4)), t


def test_wall_street_said_to_have_closed_makes_the_next_sentence_a_close():
    text = (
        "Markets live blog - Monday 20 September 2021\n\n"
        "21:15 New York stocks close deep in the red. The S&P 500 dropped 1.7%."
    )
    (c,) = [c for c in read_article(text).claims if c.ticker == "^GSPC"]
    assert c.kind == "close"


def test_a_weeks_move_written_during_the_session_keeps_both_ends():
    text = "9 March 2022 14:30 GMT\n\nThe FTSE 250 jumped 3.6%, taking its gain for the week to 2.5%."
    week = [c for c in read_article(text).claims if c.kind == "weekly"]
    assert [(c.trading_date, c.alt_trading_date) for c in week] == [(date(2022, 3, 9), date(2022, 3, 8))]
