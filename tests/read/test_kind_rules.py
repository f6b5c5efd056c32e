"""Kinds of move that depend on a phrase right next to the number, on new sentences.

Every sentence is written for this file (none from the development or held-out sets).
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstudy.read import read_article


def _claims(text: str, published: str, ticker: str):
    return [c for c in read_article(text, published=published).claims if c.ticker == ticker]


def test_year_of_publication_after_a_number_is_year_to_date():
    (c,) = _claims("The Nikkei 225 has shed 8.4% in 2022 as exporters lagged.", "2022-05-20", "^N225")
    assert (c.kind, c.period, c.pct) == ("other", "year-to-date", 8.4)


def test_other_year_after_a_number_is_not_year_to_date():
    (c,) = _claims("The Dax gained 15.8% in 2021, official data showed on Monday.", "2022-01-10", "^GDAXI")
    assert c.period != "year-to-date"


def test_year_after_a_superlative_is_not_the_moves_period():
    (c,) = _claims("The Dow rose 2.1% on Friday, its best day in 2022.", "2022-03-12", "^DJI")
    assert c.kind == "close"


def test_on_the_day_beats_the_month_the_sentence_names():
    (c,) = _claims(
        "The FTSE 100 finished March at 7,515.68 after adding 0.4% on the day.", "2022-03-31", "^FTSE"
    )
    assert (c.kind, c.pct, c.level) == ("close", 0.4, 7515.68)


def test_on_the_day_in_present_tense_stays_a_snapshot():
    (c,) = _claims("At noon the Cac 40 is down 0.7% on the day.", "2022-03-08", "^FCHI")
    assert c.kind != "close" or c.trading_date == date(2022, 3, 8)


def test_session_low_is_an_intraday_extreme():
    (low, close) = _claims(
        "The Nasdaq Composite was off 3.2% at its session low before it ended 0.5% higher.",
        "2022-02-24",
        "^IXIC",
    )
    assert (low.kind, low.pct, low.direction) == ("intraday", 3.2, "down")
    assert (close.kind, close.pct, close.direction) == ("close", 0.5, "up")


def test_opening_in_a_having_clause_is_not_the_moves_moment():
    found = read_article(
        "The Dow finished up 0.9% and the S&P 500 added 1.1%, having both opened in the red.",
        published="2022-03-01",
    ).claims
    assert [c.kind for c in found] == ["close", "close"]


def test_opening_in_the_main_clause_is_still_intraday():
    (c,) = _claims("The S&P 500 opened 0.8% higher on Tuesday.", "2022-03-01", "^GSPC")
    assert c.kind == "intraday"


def test_a_week_with_an_adjective_is_weekly():
    (c,) = _claims(
        "The FTSE 250 lost 1.9% over the holiday-shortened week to 20,105.3.", "2022-04-15", "^FTMC"
    )
    assert c.kind == "weekly"


def test_a_drawdown_phrase_before_a_close_verb_is_not_the_close():
    (c,) = _claims(
        "The Nasdaq, which slid into bear-market territory last week, closed 1.4% higher on Monday.",
        "2022-03-15",
        "^IXIC",
    )
    assert (c.kind, c.trading_date) == ("close", date(2022, 3, 14))


def test_a_drawdown_phrase_with_its_own_verb_keeps_its_period():
    (c,) = _claims("Over the last three sessions the Dax has lost 6.2%.", "2022-03-08", "^GDAXI")
    assert c.kind == "other"


def test_overnight_oil_does_not_date_a_morning_snapshot():
    (c,) = _claims(
        "09:05 GMT: The FTSE 100 has slipped 0.4% to 7,410.2 in early deals after Brent jumped 3% overnight.",
        "2022-03-09",
        "^FTSE",
    )
    assert (c.kind, c.trading_date) == ("intraday", date(2022, 3, 9))


def test_a_period_heading_on_its_own_line_sets_the_period_of_the_lines_after_it():
    text = (
        "How the main indices fared on Friday:\n"
        "The Nasdaq Composite rose 0.9% to 13,895.12.\n"
        "For the week:\n"
        "The Nasdaq Composite fell 2.3%."
    )
    day, week = read_article(text, published="2022-03-04").claims
    assert (day.kind, week.kind) == ("close", "weekly")


def test_the_low_point_of_the_session_is_intraday_for_every_index_named():
    found = read_article(
        "At the low point of the morning the Dax was down 3.2% and the Cac 40 had lost 3.5%.",
        published="2022-03-07",
    ).claims
    assert [c.kind for c in found] == ["intraday", "intraday"]


def test_end_of_the_morning_session_is_a_snapshot():
    (c,) = _claims(
        "The Nikkei 225 stood at 26,100.2 at the end of the morning session, down 1.4%.",
        "2022-03-08",
        "^N225",
    )
    assert c.kind == "intraday"


def test_since_the_end_of_last_year_is_year_to_date():
    (c,) = _claims("The FTSE 250 has dropped 14.2% since the end of December.", "2022-03-08", "^FTMC")
    assert c.period == "year-to-date"


def test_a_run_of_weeks_is_a_weekly_move():
    (c,) = _claims("The Dow fell for a fifth week in a row, down 1.9%.", "2022-05-06", "^DJI")
    assert c.kind == "weekly"


def test_below_a_dated_record_is_a_drawdown():
    (c,) = _claims("The S&P 500 is 18.1% below its Jan. 3 record close.", "2022-05-12", "^GSPC")
    assert c.period == "from-record"


def test_the_half_is_year_to_date():
    (c,) = _claims("The Dax fell 11.3% in the half.", "2022-06-30", "^GDAXI")
    assert c.period == "year-to-date"


def test_wall_street_figures_in_a_saturday_paper_are_fridays_closes():
    # a UK Saturday paper: the New York session it reports is over, not a snapshot
    (c,) = _claims(
        "London's blue chips edged up 0.3% yesterday. On Wall Street the S&P 500 added 1.2% to 4,380.3.",
        "2022-03-19",
        "^GSPC",
    )
    assert (c.kind, c.trading_date) == ("close", date(2022, 3, 18))


def test_morning_and_late_morning_figures_are_snapshots():
    (a,) = _claims("In Tokyo the Nikkei 225 was 0.9% lower at 26,100 in the morning.", "2022-03-22", "^N225")
    (b,) = _claims("The Nikkei 225 had gained 1.4% to 26,500 by late morning.", "2022-03-23", "^N225")
    assert a.kind == "intraday" and b.kind == "intraday"


def test_at_one_stage_marks_the_sessions_extreme():
    found = _claims(
        "The Dow Jones Industrial Average ended 1.1% lower, after sinking 600 points at one stage.",
        "2022-03-24",
        "^DJI",
    )
    assert sorted((c.kind, c.pct, c.points) for c in found) == [
        ("close", 1.1, None),
        ("intraday", None, 600.0),
    ]


def test_a_month_named_after_over_or_closed_out_is_the_moves_period():
    (a,) = _claims("The Dax closed 0.3% lower but still added 2.2% over March.", "2022-03-31", "^GDAXI")[1:]
    (b,) = _claims("The Nasdaq Composite closed out April with a loss of 13%.", "2022-04-29", "^IXIC")
    (c,) = _claims("The FTSE 250 finished the month 3.1% higher.", "2022-03-31", "^FTMC")
    assert [x.period for x in (a, b, c)] == ["month", "month", "month"]


def test_closing_out_a_month_on_a_day_leaves_that_days_move_a_close():
    day, month = _claims(
        "Wall Street closed out May on Tuesday with a wobble: the S&P 500 slipped 0.6% to 4,132.2, "
        "leaving it up 0.2% for the month.",
        "2022-05-31",
        "^GSPC",
    )
    assert (day.kind, day.pct) == ("close", 0.6)
    assert month.period == "month"


def test_over_the_second_quarter_is_a_quarter():
    (c,) = _claims("Over the second quarter the FTSE 100 shed 4.6 per cent.", "2022-06-30", "^FTSE")
    assert c.period == "quarter"


def test_the_midday_break_sets_the_scene_for_the_next_sentence():
    text = (
        "TOKYO -- Tokyo shares rose in Wednesday morning trading. At the midday break, the Nikkei "
        "225 stood at 26,100.5, up 120.3 points. The Topix was up 8.1 points at 1,890.2."
    )
    (topix,) = _claims(text, "2022-03-23", "^TOPX")
    assert topix.kind == "intraday"


def test_a_time_phrase_of_another_moves_extreme_does_not_make_a_move_intraday():
    text = (
        "In Madrid the Ibex 35 dropped 2.1% to 8,100.4, while the Dax lost 2.4% to 13,900.2, "
        "having shed as much as 3.9% in the morning."
    )
    ibex = _claims(text, "2022-03-07", "^IBEX")
    dax = _claims(text, "2022-03-07", "^GDAXI")
    assert [c.kind for c in ibex] == ["close"]
    assert sorted((c.kind, c.pct) for c in dax) == [("close", 2.4), ("intraday", 3.9)]


def test_a_time_phrase_after_one_move_still_sets_the_scene_for_a_parallel_one():
    text = "The FTSE 100 fell 1.4% at 0810 GMT, while the FTSE 250 lost 1.9%."
    assert [c.kind for c in _claims(text, "2022-03-07", "^FTMC")] == ["intraday"]


def test_over_the_same_period_takes_the_period_of_the_move_before():
    text = "The Nikkei 225 ended the first half down 8.3%, while the Dax was down 19.5% over the same period."
    (dax,) = _claims(text, "2022-06-30", "^GDAXI")
    assert (dax.kind, dax.period) == ("other", "year-to-date")
    (after_close,) = _claims(
        "The Dow fell 1% on Monday. The Dax rose 2% over the same period.", "2022-03-08", "^GDAXI"
    )
    assert after_close.kind == "close"


def test_a_period_after_respectively_is_the_whole_lists():
    claims = read_article(
        "The Dow and the Nasdaq fell 1.1% and 2.3%, respectively, over the month.", published="2022-04-29"
    ).claims
    assert [(c.ticker, c.pct, c.period) for c in claims] == [("^DJI", 1.1, "month"), ("^IXIC", 2.3, "month")]


def test_a_first_half_phrase_a_few_words_after_the_number():
    (c,) = _claims(
        "That leaves the FTSE 250 almost 20 percent lower over the first half of the year.",
        "2022-06-30",
        "^FTMC",
    )
    assert (c.kind, c.period) == ("other", "year-to-date")


def test_a_high_of_x_earlier_in_the_session_is_the_extreme_not_the_close():
    close, high = _claims(
        "The FTSE 250 closed at 22,300.4, up 120 points, after hitting a high of 22,410.7 earlier in the session.",
        "2022-03-29",
        "^FTMC",
    )
    assert (close.kind, close.level) == ("close", 22300.4)
    assert (high.kind, high.level) == ("intraday", 22410.7)


def test_a_headline_month_or_quarter_without_the_article():
    (m,) = read_article("Dow ends month flat", published="2022-05-31").claims
    (q,) = read_article("The Dax closes quarter 3% lower", published="2022-03-31").claims
    assert (m.kind, m.period, m.direction) == ("other", "month", "flat")
    assert (q.kind, q.period) == ("other", "quarter")


@pytest.mark.parametrize(
    ("text", "published", "ticker", "period"),
    [
        (
            "Over 2021 the FTSE 250 gained 14.6%, its best year since 2019.",
            "2021-12-31",
            "^FTMC",
            "year-to-date",
        ),
        ("The Dax ended the three months down 9.3%.", "2022-03-31", "^GDAXI", "quarter"),
        ("For the Dow, the second quarter brought an 11.3% decline.", "2022-06-30", "^DJI", "quarter"),
        ("The Nasdaq Composite ended the six months down 29.5%.", "2022-06-30", "^IXIC", "year-to-date"),
        (
            "Three sessions into the new year, the FTSE 100 is already up 5.9%.",
            "2021-01-07",
            "^FTSE",
            "year-to-date",
        ),
        ("The Dax has shed 12.3% since Russia invaded Ukraine.", "2022-03-08", "^GDAXI", "multi-day"),
    ],
)
def test_more_ways_to_name_a_period(text, published, ticker, period):
    (c,) = _claims(text, published, ticker)
    assert (c.kind, c.period) == ("other", period)


def test_over_the_same_five_sessions_is_the_week_before():
    text = "The FTSE 100 lost 4.1% over the week, and the FTSE 250 fell 3.8% over the same five sessions."
    (c,) = _claims(text, "2022-06-18", "^FTMC")
    assert c.kind == "weekly"


def test_a_level_touched_in_a_relative_clause_is_the_sessions_extreme():
    extreme, close = _claims(
        "The FTSE 250, which had touched 21,400 in the morning, closed 120.5 points, or 0.6%, lower at 21,050.3.",
        "2022-02-03",
        "^FTMC",
    )
    assert (extreme.kind, extreme.level) == ("intraday", 21400.0)
    assert (close.kind, close.pct, close.points, close.level) == ("close", 0.6, 120.5, 21050.3)


def test_having_been_up_x_is_the_sessions_extreme():
    close, extreme = _claims(
        "The Dow closed down 129.6 points at 34,168.1, having been up more than 500 points before the Fed spoke.",
        "2022-01-26",
        "^DJI",
    )
    assert (close.kind, close.direction) == ("close", "down")
    assert (extreme.kind, extreme.direction, extreme.points, extreme.points_hedge) == (
        "intraday",
        "up",
        500.0,
        "more than",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The Dow Jones Industrial Average gained 1.6% over the five sessions to 35,100.2.",
        "The Dow Jones Industrial Average added 1.6% this week to 35,100.2.",
        "The Dow Jones Industrial Average put on 1.6% over the week to close on Friday at 35,100.2.",
    ],
)
def test_a_level_after_the_weeks_move_is_where_the_week_ended(sentence):
    (c,) = _claims(sentence, "2021-11-12", "^DJI")
    assert (c.kind, c.direction, c.pct, c.level) == ("weekly", "up", 1.6, 35100.2)


def test_a_level_after_a_days_move_with_the_week_named_later_stays_two_claims():
    day, week = _claims(
        "The Dow Jones Industrial Average gained 0.3% on Friday to 35,100.2 and 1.6% over the week.",
        "2021-11-12",
        "^DJI",
    )
    assert (day.kind, day.pct, day.level) == ("close", 0.3, 35100.2)
    assert (week.kind, week.pct, week.level) == ("weekly", 1.6, None)


@pytest.mark.parametrize(
    ("sentence", "direction", "kind"),
    [
        ("The Nasdaq Composite recovered 1.2% on Friday.", "up", "close"),
        ("The Nasdaq Composite suffered a 4.4% weekly slide.", "down", "weekly"),
        ("The Nasdaq Composite posted a 3% weekly gain.", "up", "weekly"),
        ("The Nasdaq Composite recovered some of its losses to end 0.8% lower.", "down", "close"),
    ],
)
def test_direction_words_recovered_and_a_weekly_noun(sentence, direction, kind):
    (c,) = _claims(sentence, "2022-01-21", "^IXIC")
    assert (c.direction, c.kind) == (direction, kind)


def test_over_the_half_is_the_half_year():
    moves = [
        c
        for c in read_article(
            "The Nasdaq Composite lost 21.4% over the half and the Dow Jones Industrial Average 11.2%.",
            published="2022-06-30",
        ).claims
    ]
    assert [(c.ticker, c.kind, c.period) for c in moves] == [
        ("^IXIC", "other", "year-to-date"),
        ("^DJI", "other", "year-to-date"),
    ]


def test_a_direction_word_before_in_the_publication_year_is_year_to_date():
    day, ytd = _claims(
        "The FTSE 100 slipped 0.4% on Tuesday to 7,250.1, leaving it 1.8% higher in 2022.",
        "2022-05-10",
        "^FTSE",
    )
    assert (day.kind, day.pct) == ("close", 0.4)
    assert (ytd.kind, ytd.period, ytd.pct) == ("other", "year-to-date", 1.8)


def test_a_long_since_clause_with_a_day_is_the_start_of_a_multi_day_move():
    (c,) = _claims(
        "The FTSE 250 has dropped 4.2% since the European Central Bank's chief economist said on "
        "Monday that rates would climb.",
        "2022-03-10",
        "^FTMC",
    )
    assert (c.kind, c.period, c.trading_date) == ("other", "multi-day", date(2022, 3, 10))


def test_over_the_twelve_months_is_a_year():
    _, year = _claims(
        "The FTSE 100 fell 0.3% to 7,100.5, leaving it up 12.1% over the twelve months.",
        "2021-12-31",
        "^FTSE",
    )
    assert (year.kind, year.period, year.pct) == ("other", "year", 12.1)


def test_from_a_record_close_is_the_days_move_but_from_its_record_close_is_a_drawdown():
    (day,) = _claims("The S&P 500 fell 1.1% from a record close on Tuesday.", "2022-01-05", "^GSPC")
    assert (day.kind, day.period) == ("close", None)
    (dd,) = _claims("The S&P 500 is down 4% from its Jan. 3 record close.", "2022-01-20", "^GSPC")
    assert (dd.kind, dd.period) == ("other", "from-record")


def test_a_parallel_while_clause_shares_the_weeks_period():
    first, second = read_article(
        "The Dax shed 2.2 per cent on the week, while the Euro Stoxx 50 fell 2.6 per cent.",
        published="2022-05-14",
    ).claims
    assert [(c.ticker, c.kind) for c in (first, second)] == [("^GDAXI", "weekly"), ("^STOXX50E", "weekly")]
    # not when the index before had a day's and a period's move, nor with its own day
    moves = read_article(
        "The Dax fell 1.1% on the day and 2.2% for the week, while the Euro Stoxx 50 lost 1.4%. "
        "The CAC 40 shed 3% over the week, whereas the Euro Stoxx 50 dropped 0.9% on Friday.",
        published="2022-05-14",
    ).claims
    stoxx = [(c.pct, c.kind) for c in moves if c.ticker == "^STOXX50E"]
    assert stoxx == [(1.4, "close"), (0.9, "close")]


def test_over_the_five_days_is_the_week():
    (c,) = _claims("The Nasdaq Composite gained 2.4 per cent over the five days.", "2022-05-28", "^IXIC")
    assert c.kind == "weekly"


def test_in_a_single_week_is_some_week_not_the_claims_week():
    _, bg = _claims(
        "The FTSE 100 rose 1.2% to 7,100.5 on Wednesday. The rebound came after a run in which the "
        "FTSE 100 had shed more than 5% in a single week.",
        "2022-03-09",
        "^FTSE",
    )
    assert (bg.kind, bg.period) == ("other", "multi-day")


@pytest.mark.parametrize(
    "sentence",
    [
        "The FTSE 100 has started the session 0.5% lower at 7,012.",
        "The FTSE 100 began the day 0.5% lower at 7,012.",
    ],
)
def test_starting_the_session_is_the_opening(sentence):
    (c,) = _claims(sentence, "2021-05-19", "^FTSE")
    assert c.kind == "intraday"


def test_closed_then_an_earlier_moment_at_the_open_is_a_close():
    (c,) = _claims(
        "The Nasdaq Composite closed 2.1% higher after a sharp fall at the open.", "2022-02-24", "^IXIC"
    )
    assert c.kind == "close"
    (c,) = _claims("The Nasdaq Composite ended 2.1% higher, having opened lower.", "2022-02-24", "^IXIC")
    assert c.kind == "close"
    (c,) = _claims("The Nasdaq Composite was 2.1% higher after the open.", "2022-02-24", "^IXIC")
    assert c.kind == "intraday"


def test_as_of_a_morning_clock_time_is_intraday():
    (c,) = _claims("Germany's DAX fell 2.5% as of 11:40 a.m. in London.", "2022-01-24", "^GDAXI")
    assert c.kind == "intraday"


def test_a_move_since_a_named_decision_is_a_multi_day_move_from_that_day():
    text = (
        "New York, May 6, 2022 - The Nasdaq Composite has lost 6.4% since the Fed's rate decision "
        "on Wednesday. Across the two sessions after the announcement, the Dow shed 3.9%."
    )
    found = {c.ticker: c for c in read_article(text).claims}
    ixic, dji = found["^IXIC"], found["^DJI"]
    # the day phrase is where the period starts, not the session the claim is about
    assert (ixic.kind, ixic.period) == ("other", "multi-day")
    assert ixic.trading_date != date(2022, 5, 4)
    assert (dji.kind, dji.period) == ("other", "multi-day")


def test_the_five_sessions_to_a_friday_close_stay_the_week():
    (c,) = _claims(
        "London's blue-chip index added 2.2% over the five sessions to close on Friday at 7,388.12.",
        "2022-05-14",
        "^FTSE",
    )
    assert c.kind == "weekly"


def test_ending_the_half_and_its_month_gain_are_periods():
    text = (
        "LONDON, June 30, 2022 - The FTSE 250 lost 1.1 per cent on Thursday, ending the half "
        "down 21 per cent. Earlier in the month the Dax had taken its May loss to 2 per cent."
    )
    found = read_article(text).claims
    half = [c for c in found if c.ticker == "^FTMC" and c.pct == 21.0]
    assert [(c.kind, c.period) for c in half] == [("other", "year-to-date")]
    (c,) = _claims(
        "NEW YORK, April 29, 2022 - The Nasdaq sank 4.2% on Friday, taking its April loss to 13.3%.",
        "2022-04-29",
        "^IXIC",
    )[1:]
    assert (c.kind, c.period, c.pct) == ("other", "month", 13.3)


@pytest.mark.parametrize(
    "sentence",
    [
        "The S&P 500 recovered from a deficit of 4.0% to finish 0.3% higher.",
        "The S&P 500 swung from a loss of 4.0% to close 0.3% higher.",
        "The S&P 500 pared a 4.0% slide to end 0.3% higher.",
        "The S&P 500, which had been down 4.0% at the low, closed 0.3% higher.",
    ],
)
def test_a_reversal_days_low_is_the_sessions_extreme_not_a_close(sentence):
    found = _claims("NEW YORK, January 24, 2022 - " + sentence, "2022-01-24", "^GSPC")
    low = [c for c in found if c.pct == 4.0]
    assert [(c.direction, c.kind) for c in low] == [("down", "intraday")]
    close = [c for c in found if c.pct == 0.3]
    assert [(c.direction, c.kind) for c in close] == [("up", "close")]


def test_a_move_over_a_counted_number_of_sessions_keeps_the_count():
    text = (
        "New York, March 18, 2022 - The Russell 2000 has climbed 5.5% over the past four sessions. "
        "The Dow has added 3% in three trading days, a 2-session gain. "
        "In the two days after the vote, the Nasdaq sank 4%."
    )
    found = {c.ticker or c.index: c for c in read_article(text).claims}
    assert [(c.period, c.sessions) for c in found.values()] == [
        ("multi-day", 4),
        ("multi-day", 3),
        ("multi-day", None),  # two days after an event the text does not date: no count
    ]


def test_a_counted_span_ending_on_a_named_day_keeps_no_count():
    # "... in three trading days to Wednesday" ends before the piece's day: the count would be
    # measured to the wrong session, so the move stays uncounted (unverifiable)
    (c,) = _claims(
        "LONDON, March 10, 2022 - The FTSE 250 put on 3.1% in three trading days to Wednesday.",
        "2022-03-10",
        "^FTMC",
    )
    assert (c.period, c.sessions) == ("multi-day", None)


@pytest.mark.parametrize(
    "text, kind",
    [
        # a half-day session is a day's close, not the first half of the year
        ("NEW YORK, November 26, 2021 - The Dow ended the half-day session down 905 points.", "close"),
        # another subject's month ("extending its April gains") does not give the index a period
        (
            "LONDON, April 29, 2022 - Shell rose 2 per cent, extending its April gains, and the FTSE 100 added 0.5 per cent.",
            "close",
        ),
        # a fall on a day of its own is that day's close, not a low of the day after
        (
            "LONDON, January 25, 2022 - The FTSE 100 recovered from a fall of 2 per cent on Monday to close 1 per cent higher.",
            "close",
        ),
    ],
)
def test_edges_of_the_half_month_gain_and_reversal_rules(text, kind):
    found = read_article(text).claims
    assert found and all(c.kind == kind for c in found), [(c.kind, c.pct, c.points) for c in found]


def test_us_stocks_after_a_new_york_dateline_are_the_markets_own_move():
    text = "NEW YORK, May 18, 2022 - U.S. stocks tumbled 4 per cent, with the S&P 500 closing at 3,923.68."
    (c,) = read_article(text).claims
    assert (c.ticker, c.pct, c.level) == ("^GSPC", 4.0, 3923.68)


def test_a_bare_level_after_a_spans_move_takes_no_direction_from_it():
    text = (
        "LONDON, April 21, 2022 - The FTSE 250 has put on 1.1 per cent over the past four sessions, "
        "and closed Thursday at 21,085.18."
    )
    found = read_article(text).claims
    level = [c for c in found if c.level is not None and c.pct is None]
    assert [(c.kind, c.direction) for c in level] == [("close", None)]


def test_a_fall_earlier_in_the_day_after_a_close_is_that_sessions_extreme():
    found = _claims(
        "NEW YORK, January 24, 2022 - The S&P 500 finished 0.3% higher after sliding 4% earlier in the session.",
        "2022-01-24",
        "^GSPC",
    )
    assert sorted((c.pct, c.kind) for c in found) == [(0.3, "close"), (4.0, "intraday")]
    # another market's earlier session in a later sentence stays that market's close
    (n,) = _claims(
        "LONDON, April 21, 2021 - The FTSE 100 closed up 0.5%. Tokyo's Nikkei had shed 2% earlier in the day.",
        "2021-04-21",
        "^N225",
    )
    assert n.kind == "close"


def test_a_close_at_its_highest_level_in_a_span_is_a_close_not_an_intraday_extreme():
    from eventstudy.read import read_article

    for text in (
        "The Dax finished at its highest level in three months on Friday, up 0.7%.",
        "The Dax ended up 0.7% at its lowest level since October on Friday.",
        "The Dax closed 0.7% higher, at its best level in a year.",
    ):
        (c,) = read_article(text, published="2022-01-14").claims
        assert c.kind == "close", text
    (c,) = read_article("The Dax was up 0.7% at its high of the morning.", published="2022-01-14").claims
    assert c.kind == "intraday"
