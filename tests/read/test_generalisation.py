"""Reading rules that careful readers of market reports use, each checked on new sentences.

Every sentence here is written for this file (not taken from the development or held-out
sets). Each test states the rule it checks.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstudy.read import read_article
from eventstudy.read.numbers import parse_number


def _claims(text: str, published: str):
    return read_article(text, published=published).claims


def _one(text: str, published: str, ticker: str):
    found = [c for c in _claims(text, published) if c.ticker == ticker]
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- 1. day words of other events


def test_possessive_weekday_names_another_event():
    # "Tuesday's losses" is what was recovered; "yesterday" is the session (Thu piece)
    c = _one(
        "The Dax clawed back Tuesday's losses yesterday, rising 1.3% to 15,210.4.",
        "2022-03-17",
        "^GDAXI",
    )
    assert c.trading_date == date(2022, 3, 16)


def test_possessive_yesterday_does_not_move_a_snapshot_back():
    c = _one(
        "The FTSE 100 was up 0.5% at 7,310 by midday, extending yesterday's rally.",
        "2022-03-17",
        "^FTSE",
    )
    assert (c.kind, c.trading_date) == ("intraday", date(2022, 3, 17))


def test_overnight_as_an_adjective_does_not_date_the_home_market():
    c = _one(
        "Tokyo's Nikkei closed 0.8% higher on Thursday, shrugging off overnight losses on Wall Street.",
        "2022-03-17",
        "^N225",
    )
    assert c.trading_date == date(2022, 3, 17)


def test_date_of_a_record_close_is_not_the_session():
    claims = _claims(
        "The Nasdaq rose 1.2% on Friday but is still 14% below its record close of November 19. "
        "Over the week, the Nasdaq gained 3.1%.",
        "2022-03-25",
    )
    assert claims and all(c.trading_date == date(2022, 3, 25) for c in claims)
    assert {c.kind for c in claims} == {"close", "other", "weekly"}


# ---------------------------------------------------------------- 2./3. the previous New York session


def test_in_the_previous_session_is_the_session_before_publication():
    c = _one(
        "SEOUL, April 7 - The Kospi fell 1.1% on Thursday. On Wall Street, the S&P 500 had "
        "dropped 1% in the previous session.",
        "2022-04-07",
        "^GSPC",
    )
    assert (c.kind, c.trading_date) == ("close", date(2022, 4, 6))


def test_previous_session_does_not_carry_to_another_market():
    c = _one(
        "SEOUL, April 7 - On Wall Street, the S&P 500 had dropped 1% in the previous session. "
        "The Kospi fell 1.1%.",
        "2022-04-07",
        "^KS11",
    )
    assert c.trading_date == date(2022, 4, 7)


def test_asian_report_new_york_cannot_have_traded_on_the_publication_day():
    c = _one(
        "SINGAPORE, May 11 - Asian stocks fell on Wednesday after a Wall Street slide in which "
        "the Dow lost 1.9%.",
        "2022-05-11",
        "^DJI",
    )
    assert c.trading_date == date(2022, 5, 10)
    assert c.alt_trading_date == date(2022, 5, 11)


def test_nearest_day_before_a_when_clause_dates_it():
    c = _one(
        "Hong Kong shares opened lower on Monday after a sell-off in New York on Friday, when "
        "the Nasdaq sank 2.5%.",
        "2022-05-09",
        "^IXIC",
    )
    assert c.trading_date == date(2022, 5, 6)


def test_last_night_carries_to_the_same_market_until_another_cue():
    claims = _claims(
        "Good morning. Last night on Wall Street the Dow added 1.2 per cent. The S&P 500 rose "
        "1.5 per cent and the Nasdaq gained 2 per cent. In London this morning the FTSE 100 is "
        "up 0.4 per cent.",
        "2022-03-16",
    )
    by = {c.ticker: c for c in claims}
    for t in ("^DJI", "^GSPC", "^IXIC"):
        assert (by[t].kind, by[t].trading_date) == ("close", date(2022, 3, 15)), t
    assert (by["^FTSE"].kind, by["^FTSE"].trading_date) == ("intraday", date(2022, 3, 16))


def test_overnight_on_wall_street_in_an_asian_morning_piece_is_a_close():
    claims = _claims(
        "TOKYO, March 16 - The Nikkei rose 1.5% in morning trade. Overnight on Wall Street, the "
        "Dow climbed 1.8% and the S&P 500 advanced 2.1%.",
        "2022-03-16",
    )
    by = {c.ticker: c for c in claims}
    assert by["^N225"].kind == "intraday"
    for t in ("^DJI", "^GSPC"):
        assert (by[t].kind, by[t].trading_date) == ("close", date(2022, 3, 15)), t


def test_last_night_in_a_london_morning_piece_is_the_new_york_close():
    c = _one(
        "Shares in London rose yesterday, with the FTSE 100 gaining 0.4%. On Wall Street last "
        "night the S&P 500 fell 1.2%.",
        "2022-05-06",
        "^GSPC",
    )
    assert (c.kind, c.trading_date) == ("close", date(2022, 5, 5))


# ---------------------------------------------------------------- 4. snapshot wording


def test_shortly_after_the_open_sets_the_scene_for_the_next_sentence():
    claims = _claims(
        "10.05 GMT: Shortly after the open, the FTSE 250 was 0.6% lower at 20,110. "
        "The FTSE 100 slipped 0.3%.",
        "2022-05-12",
    )
    assert [c.kind for c in claims] == ["intraday", "intraday"]


def test_by_the_lunch_break_is_a_snapshot():
    c = _one("Shanghai stocks were 0.7% higher by the lunch break.", "2022-05-12", "000001.SS")
    assert c.kind == "intraday"


def test_by_the_time_london_closed_is_a_snapshot_of_new_york():
    c = _one(
        "LONDON, May 12 - In New York the Dow had gained 0.9% by the time London closed.",
        "2022-05-12",
        "^DJI",
    )
    assert c.kind == "intraday"


# ---------------------------------------------------------------- 5. periods


def test_leading_month_scopes_the_whole_sentence():
    claims = _claims("For March, the FTSE 250 rose 1.9%, while the FTSE 100 gained 0.8%.", "2022-03-31")
    assert [(c.ticker, c.kind, c.period) for c in claims] == [
        ("^FTMC", "other", "month"),
        ("^FTSE", "other", "month"),
    ]


def test_ended_a_month_with_a_gain():
    claims = _claims("The Dax fell 0.6% on Friday and ended April with a loss of 2.2%.", "2022-04-29")
    assert [(c.pct, c.kind) for c in claims] == [(0.6, "close"), (2.2, "other")]


def test_reference_to_the_index_over_the_week():
    claims = _claims(
        "The Dax dropped 1.1% on Friday to 14,050, leaving the index 0.8% lower over the week.",
        "2022-05-13",
    )
    assert [(c.pct, c.kind) for c in claims] == [(1.1, "close"), (0.8, "weekly")]


def test_second_verb_of_one_subject_is_a_second_claim():
    claims = _claims("The Dow dropped 300 points on the day and lost 5% over the three months.", "2022-06-30")
    assert [(c.points, c.pct, c.kind) for c in claims] == [(300.0, None, "close"), (None, 5.0, "other")]


@pytest.mark.parametrize(
    "text",
    [
        "The Nasdaq slumped 7.3% in the quarter.",
        "The Nasdaq had a miserable May, sinking 5.4%.",
        "The Nasdaq is now down 12% from its Jan. 3 record close.",
    ],
)
def test_period_wordings(text):
    c = _one(text, "2022-06-30", "^IXIC")
    assert c.kind == "other"


def test_trailing_period_ends_at_the_clause():
    claims = _claims(
        "The CAC 40 fell 1.4% on the day and 5% for the month, while the Dax dropped 0.9%.", "2022-05-31"
    )
    assert [c.kind for c in claims] == ["close", "other", "close"]


def test_a_record_is_each_index_own():
    claims = _claims("The Nasdaq rose 2% and is 10% off its record high, the Dow gained 1%.", "2022-05-31")
    assert [(c.ticker, c.kind) for c in claims] == [("^IXIC", "close"), ("^IXIC", "other"), ("^DJI", "close")]


def test_leading_period_continues_into_a_running_total():
    claims = _claims("For the year, the Dax is down 9.5%. The CAC 40 is down 7%.", "2022-05-31")
    assert [c.kind for c in claims] == ["other", "other"]


def test_leading_period_does_not_reach_a_past_tense_session_move():
    claims = _claims("For the year, the Dax is down 9.5%. The CAC 40 fell 1% on Tuesday.", "2022-05-31")
    assert [c.kind for c in claims] == ["other", "close"]


# ---------------------------------------------------------------- 6. same size, two claims


def test_day_and_week_of_the_same_size_stay_two_claims():
    claims = _claims("The Dax fell 2.1% on Friday. It fell 2.1% for the week too.", "2022-05-13")
    assert sorted(c.kind for c in claims) == ["close", "weekly"]


def test_extreme_and_move_of_the_same_size_stay_two_claims():
    claims = _claims("At one point the Dax was down 3%. The Dax lost 3%.", "2022-05-13")
    assert sorted(c.kind for c in claims) == ["close", "intraday"]


def test_a_true_repeat_is_one_claim():
    claims = _claims("The Dax closed down 2.1%. The Dax closed down 2.1% at 13,900.", "2022-05-13")
    assert len(claims) == 1 and claims[0].level == 13900.0


# ---------------------------------------------------------------- 7. participial continuation


def test_closing_participle_continues_the_claim():
    claims = _claims(
        "The FTSE 100 rose 0.9% on Tuesday as investors returned from the three-day weekend, "
        "closing 64.5 points higher at 7,200.3.",
        "2022-05-03",
    )
    assert len(claims) == 1
    c = claims[0]
    assert (c.pct, c.points, c.level, c.kind) == (0.9, 64.5, 7200.3, "close")


# ---------------------------------------------------------------- 8. levels


def test_level_after_a_record():
    c = _one("The Dow gained 0.3% to a record 36,799.65.", "2022-01-04", "^DJI")
    assert c.level == 36799.65


def test_space_thousands_separator():
    assert parse_number("15 412.8") == (15412.8, "15412.8")
    c = _one("The Dax ended 0.4% higher at 15 412.8.", "2022-01-04", "^GDAXI")
    assert c.level == 15412.8


def test_levels_listed_with_respectively():
    claims = _claims(
        "The Dax and the CAC 40 finished at 14,100.5 and 6,450.2 respectively, the former down "
        "0.5% and the latter up 0.2%.",
        "2022-05-20",
    )
    by = {c.ticker: c for c in claims}
    assert (by["^GDAXI"].level, by["^GDAXI"].pct, by["^GDAXI"].direction) == (14100.5, 0.5, "down")
    assert (by["^FCHI"].level, by["^FCHI"].pct, by["^FCHI"].direction) == (6450.2, 0.2, "up")


def test_level_at_the_end_of_a_past_year():
    claims = _claims(
        "The Dax closed at 14,300.1 on Friday. The index had stood at 15,880.3 at the end of 2021. "
        "The CAC 40 fell 1%.",
        "2022-05-20",
    )
    by_level = {c.level: c for c in claims if c.level}
    assert by_level[15880.3].trading_date == date(2021, 12, 30)
    assert by_level[14300.1].trading_date == date(2022, 5, 20)
    assert next(c for c in claims if c.ticker == "^FCHI").trading_date == date(2022, 5, 20)


# ---------------------------------------------------------------- 9. distractors


def test_sector_and_stock_after_an_index_claim_are_not_the_index():
    claims = _claims(
        "The FTSE 100 rose 1%, and the mining sector gained 3.5%, with Glencore up 4.1%.", "2022-05-20"
    )
    assert [(c.ticker, c.pct) for c in claims] == [("^FTSE", 1.0)]


@pytest.mark.parametrize(
    "text",
    [
        "Ocado, a FTSE 100 constituent, dropped 6%.",
        "FTSE 100-listed Rolls-Royce rose 5%.",
        "Futures suggest the Dow opening 0.5% higher.",
    ],
)
def test_index_named_only_as_a_description_or_a_forecast(text):
    assert _claims(text, "2022-05-20") == ()


def test_annualised_growth_is_not_the_index_move():
    c = _one(
        "The ASX 200 rose 0.5% to 7,150 after data showed the economy grew at an annualised 3.6%.",
        "2022-06-01",
        "^AXJO",
    )
    assert c.pct == 0.5


# ---------------------------------------------------------------- the publication date


def test_session_after_publication_is_refused_with_a_note():
    a = read_article("The Dax closed 1% higher on June 9.", published="2022-06-06")
    c = a.claims[0]
    assert (c.trading_date, c.alt_trading_date) == (date(2022, 6, 6), date(2022, 6, 9))
    assert any("after the publication date" in n for n in a.notes)


# ---------------------------------------------------------------- more wordings of the same rules


def test_by_the_time_a_named_market_closed_is_a_snapshot_for_new_york_only():
    claims = _claims(
        "The Dax rose 0.8% on Tuesday. On Wall Street, the Dow was down 0.4% by the time European "
        "markets closed.",
        "2022-03-08",
    )
    by = {c.ticker: c for c in claims}
    assert by["^DJI"].kind == "intraday"
    assert by["^GDAXI"].kind == "close"


def test_for_a_named_quarter_and_closing_out_the_week():
    claims = _claims(
        "For the first quarter, the FTSE 100 rose 1.8%. The FTSE 250 rose 1.2% to 19 035.42 on "
        "Friday, closing out the week 2.3% higher.",
        "2022-04-01",
    )
    assert [(c.pct, c.kind) for c in claims] == [(1.8, "other"), (1.2, "close"), (2.3, "weekly")]


def test_possessive_before_a_session_noun_still_dates_the_claim():
    c = _one("Yesterday's session saw the Dow gain 0.6% to a record 36,799.65.", "2022-01-05", "^DJI")
    assert c.trading_date == date(2022, 1, 4)


def test_week_beside_a_day_move_ends_on_that_day():
    claims = _claims("The Nasdaq fell 1.7% on Friday, March 4, and lost 2.8% for the week.", "2022-03-07")
    assert [(c.kind, c.trading_date) for c in claims] == [
        ("close", date(2022, 3, 4)),
        ("weekly", date(2022, 3, 4)),
    ]


def test_capping_a_week_is_a_weekly_move():
    claims = _claims(
        "The Dow jumped 2.5% on Friday, capping a volatile week with a gain of 0.1%, while the "
        "Nasdaq rose 1.6%.",
        "2022-02-25",
    )
    assert [(c.ticker, c.pct, c.kind) for c in claims] == [
        ("^DJI", 2.5, "close"),
        ("^DJI", 0.1, "weekly"),
        ("^IXIC", 1.6, "close"),
    ]


def test_asian_overnight_without_wall_street_named_first():
    claims = _claims(
        "SYDNEY, March 2 - Australian shares eased 0.3% on Wednesday. Overnight, the S&P 500 slid "
        "1.6% and the Nasdaq fell 1.6% as oil surged.",
        "2022-03-02",
    )
    by = {c.ticker: c for c in claims}
    for t in ("^GSPC", "^IXIC"):
        assert (by[t].kind, by[t].trading_date) == ("close", date(2022, 3, 1)), t


def test_clock_time_sets_the_scene_for_the_next_sentence():
    claims = _claims(
        "LONDON, Jan 28 - The FTSE 100 was 1.2% lower at 7,466 at 10.30 GMT. The FTSE 250 was down 1.5%.",
        "2022-01-28",
    )
    assert [c.kind for c in claims] == ["intraday", "intraday"]


def test_over_two_days_is_a_multi_day_move():
    claims = _claims("The Hang Seng Tech index dropped 11% on Monday, and 20% over two days.", "2022-03-15")
    assert [(c.pct, c.kind, c.period) for c in claims] == [
        (11.0, "close", None),
        (20.0, "other", "multi-day"),
    ]


def test_them_with_respectively_spreads_a_period_over_the_list():
    claims = _claims(
        "The S&P 500 dropped 1.9% and the Nasdaq slid 2.8%, leaving them down 1.8% and 2.2% for "
        "the week respectively.",
        "2022-02-11",
    )
    assert [(c.ticker, c.pct, c.kind) for c in claims] == [
        ("^GSPC", 1.9, "close"),
        ("^IXIC", 2.8, "close"),
        ("^GSPC", 1.8, "weekly"),
        ("^IXIC", 2.2, "weekly"),
    ]


@pytest.mark.parametrize(
    "text",
    ["BP, a FTSE 100 heavyweight, gained 2%.", "Shares in FTSE 250-quoted Wizz Air sank 5%."],
)
def test_more_company_descriptions(text):
    assert _claims(text, "2022-04-12") == ()


def test_yesterday_after_since_a_month_still_dates_the_claim():
    claims = _claims(
        "Wall Street suffered its worst day since May yesterday, with the Nasdaq tumbling 2.8% and "
        "the S&P 500 shedding 2%. This morning in Tokyo the Nikkei is down 2%.",
        "2021-09-29",
    )
    by = {c.ticker: c for c in claims}
    for t in ("^IXIC", "^GSPC"):
        assert (by[t].kind, by[t].trading_date) == ("close", date(2021, 9, 28)), t
    assert (by["^N225"].kind, by["^N225"].trading_date) == ("intraday", date(2021, 9, 29))


def test_named_month_ends_on_its_last_session():
    c = _one("For the month of November, the FTSE 100 fell 2.5%.", "2021-12-01", "^FTSE")
    assert (c.kind, c.period, c.trading_date) == ("other", "month", date(2021, 11, 30))


def test_previous_session_after_an_early_trade_sentence_is_a_close():
    c = _one(
        "HONG KONG, Dec 1 - Hong Kong stocks rose in early trade on Wednesday. In the previous "
        "session, the Hang Seng fell 1.6%.",
        "2021-12-01",
        "^HSI",
    )
    assert (c.kind, c.trading_date) == ("close", date(2021, 11, 30))


def test_but_with_a_verb_keeps_the_subject():
    claims = _claims(
        "The Dow rose 1.4% on Friday but lost 1.4% in the week, its worst since June.", "2021-10-04"
    )
    assert [(c.direction, c.kind, c.trading_date) for c in claims] == [
        ("up", "close", date(2021, 10, 1)),
        ("down", "weekly", date(2021, 10, 1)),
    ]


def test_ending_the_quarter_is_a_quarter_move():
    claims = _claims("The Dax closed lower on Thursday, ending the quarter down 3.1%.", "2022-03-31")
    assert [(c.kind, c.period) for c in claims] == [("other", "quarter")]


def test_possessive_day_before_a_number_dates_that_number():
    claims = _claims(
        "London stocks fell on Tuesday, extending Monday's 0.4% drop. The FTSE 100 closed down 0.1% at 7,484.33.",
        "2022-02-22",
    )
    assert [(c.pct, c.trading_date) for c in claims] == [(0.4, date(2022, 2, 21)), (0.1, date(2022, 2, 22))]


def test_last_week_as_the_time_of_a_move_is_a_weekly_move():
    c = _one("Last week the Dax lost 1.9%, its worst start to a year since 2016.", "2022-01-10", "^GDAXI")
    assert (c.kind, c.trading_date) == ("weekly", date(2022, 1, 7))


def test_morning_newsletter_closes_without_a_day_are_the_previous_session():
    claims = _claims(
        "Good morning. US markets had a dreadful session: the Nasdaq fell 4% and the Dow lost 2.4%. "
        "Asian markets are mixed this morning, with the Nikkei down 1.2%.",
        "2022-04-27",
    )
    by = {c.ticker: c for c in claims}
    for t in ("^IXIC", "^DJI"):
        assert (by[t].kind, by[t].trading_date) == ("close", date(2022, 4, 26)), t
    assert (by["^N225"].kind, by["^N225"].trading_date) == ("intraday", date(2022, 4, 27))


def test_day_of_an_earlier_clause_carries_to_a_later_claim_without_one():
    claims = _claims(
        "Asian shares sank on Thursday. The S&P 500 had tumbled 4% on Wednesday, its steepest drop "
        "since June 2020, and the Nasdaq lost 4.7%.",
        "2022-05-19",
    )
    assert [(c.ticker, c.trading_date) for c in claims] == [
        ("^GSPC", date(2022, 5, 18)),
        ("^IXIC", date(2022, 5, 18)),
    ]


def test_index_component_is_a_company():
    claims = _claims(
        "Shares of Cisco, a Dow component, plunged 13.7%. The Dow itself shed 1.1%.", "2022-05-19"
    )
    assert [(c.ticker, c.pct) for c in claims] == [("^DJI", 1.1)]
