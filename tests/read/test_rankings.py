"""Ranking and record statements read from our own sentences (``Article.rankings``)."""

from __future__ import annotations

import json
import time
from datetime import date

import pytest

from eventstudy.read import read_article
from eventstudy.read.rankings import MOST_PER_ARTICLE


def _one(text: str, published: str = "2022-03-16"):
    art = read_article(text, published=published)
    assert len(art.rankings) == 1, art.rankings
    return art, art.rankings[0]


def test_a_days_fall_ranked_since_a_named_day_goes_with_its_claim():
    art, r = _one("The FTSE 250 slid 2.4 per cent on Tuesday, its heaviest one-day loss since 9 March.")
    assert (r.index, r.ticker, r.what, r.extreme, r.period) == ("FTSE 250", "^FTMC", "move", "low", "day")
    assert r.anchor == r.anchor_end == date(2022, 3, 9)
    assert r.claim == 0 and art.claims[0].ticker == "^FTMC"
    assert r.trading_date == art.claims[0].trading_date == date(2022, 3, 15)
    assert r.phrase == "heaviest one-day loss since 9 March"


def test_a_close_ranked_since_a_month_and_year_spans_that_month():
    _, r = _one(
        "Shares in London sank: the FTSE 100 shed 1.1% to 6,987.1, its weakest close since February 2021."
    )
    assert (r.what, r.extreme) == ("close", "low")
    assert (r.anchor, r.anchor_end) == (date(2021, 2, 1), date(2021, 2, 28))


def test_a_month_without_a_year_is_the_latest_one_before_the_session():
    _, r = _one("The Dax added 0.8% on Wednesday, its highest close since November.", "2022-02-02")
    assert (r.anchor, r.anchor_end) == (date(2021, 11, 1), date(2021, 11, 30))
    _, r = _one("The Dax added 0.8% on Wednesday, its highest close since January.", "2022-03-02")
    assert (r.anchor, r.anchor_end) == (date(2022, 1, 1), date(2022, 1, 31))


def test_a_span_after_in_is_a_lookback():
    _, r = _one(
        "The Nasdaq Composite climbed 2% to its highest close in three months on Friday.", "2022-03-21"
    )
    assert (r.what, r.extreme, r.lookback, r.anchor) == ("close", "high", (3, "month"), None)
    _, r = _one(
        "Wall Street's S&P 500 ended at its lowest level in more than a year, down 1.7%.", "2022-05-10"
    )
    assert r.lookback == (1, "year")


def test_a_numbered_low_and_a_level_reached_during_the_session():
    _, r = _one("In early trading the Dax hit a five-week low before it recovered.", "2022-03-16")
    assert (r.what, r.extreme, r.lookback, r.index) == ("intraday", "low", (5, "week"), "DAX")
    assert r.trading_date == date(2022, 3, 16)


def test_a_record_close_with_its_level_after_the_phrase():
    art, r = _one("The Dow finished at a record 36,799.65 on Tuesday, up 0.6 per cent.", "2022-01-05")
    assert r.record and (r.what, r.extreme) == ("close", "high")
    assert r.claim == 0 and r.trading_date == date(2022, 1, 4)


def test_a_standalone_record_is_dated_by_its_own_day_phrase():
    art, r = _one("Equities kept climbing. The S&P 500 closed at an all-time high on Monday.", "2022-01-04")
    assert art.claims == ()
    assert (r.index, r.record, r.trading_date, r.claim) == ("S&P 500", True, date(2022, 1, 3), None)


def test_a_back_reference_takes_the_previous_sentences_move():
    art, r = _one(
        "The Nikkei 225 rose 3.9% to 26,827.43 on Wednesday. It was the index's best day since March 2020."
    )
    assert r.claim == 0 and r.index == "Nikkei 225"
    assert (r.what, r.extreme, r.anchor, r.anchor_end) == (
        "move",
        "high",
        date(2020, 3, 1),
        date(2020, 3, 31),
    )


@pytest.mark.parametrize(
    "text",
    [
        "The pound suffered its biggest fall since September as the FTSE 100 rose 0.2%.",
        "Brent crude hit a record high while the FTSE 100 slipped 0.4%.",
        "The Nasdaq climbed 1% as Tesla hit a record high.",
        "The FTSE 100 rose 0.5% after Unilever posted its worst quarter since 2019.",
        "UK inflation hit a record 9.1% while the FTSE 100 gained 0.3%.",
    ],
)
def test_rankings_of_other_things_are_not_the_index(text):
    art = read_article(text, published="2022-03-16")
    assert art.rankings == ()


def test_a_week_ranking_and_a_points_ranking():
    _, r = _one("The FTSE 100 dropped 6.7% over the week, its worst week since March 2020.", "2022-03-05")
    assert (r.what, r.extreme, r.period) == ("move", "low", "week")
    _, r = _one("The Dow shed 1,164 points on Wednesday, its biggest points drop since 2020.", "2022-05-19")
    assert r.points and r.period == "day"


def test_since_an_event_with_no_date_is_kept_and_says_it_cannot_be_checked():
    _, r = _one("The Dax lost 4.4% on Thursday, its steepest fall since the pandemic began.", "2022-02-25")
    assert r.anchor is None and r.anchor_text == "the pandemic began"
    assert any("names no date" in n for n in r.notes)


def test_a_day_of_last_year_and_a_day_later_than_the_session_in_the_calendar():
    _, r = _one(
        "The FTSE 100 fell 1.7% on Monday, its lowest close since 20 September last year.", "2022-03-07"
    )
    assert r.anchor == date(2021, 9, 20)
    _, r = _one("The FTSE 100 rose 1% on Monday, its best day since 24 December.", "2022-03-07")
    assert r.anchor == date(2021, 12, 24)


def test_rankings_are_in_the_json_with_iso_dates():
    art, _ = _one("The FTSE 250 gained 1.9% today, its highest close in two months.", "2022-03-09")
    d = json.loads(json.dumps(art.to_dict()))
    (r,) = d["rankings"]
    assert r["lookback"] == "2 months" and r["trading_date"] == "2022-03-09" and r["claim"] == 0


def test_many_statements_stop_at_the_cap_with_a_note_and_in_time():
    text = "LONDON, 7 March 2022 - " + "The FTSE 100's worst day since March 2020, " * 25_000
    t0 = time.perf_counter()
    art = read_article(text)
    assert time.perf_counter() - t0 < 3.0  # (the reader's own 1 MB test holds it to 1 s)
    assert len(art.rankings) == MOST_PER_ARTICLE
    assert any("ranking statements" in n for n in art.notes)


def test_a_month_and_year_anchor_is_not_taken_for_a_later_weekday():
    _, r = _one(
        "Tokyo's Nikkei 225 gained 0.7% to its highest close since August 1990 on Tuesday.", "2021-09-15"
    )
    assert (r.anchor, r.anchor_end) == (date(1990, 8, 1), date(1990, 8, 31))
    assert r.anchor_text == "August 1990"


def test_an_intraday_level_named_as_such():
    _, r = _one("The Dax sank 3.9% after touching its lowest intraday level since May 2021.", "2022-02-24")
    assert (r.what, r.extreme, r.anchor) == ("intraday", "low", date(2021, 5, 1))


def test_the_index_named_after_the_move_owns_the_ranking():
    art, r = _one(
        "The S&P 500 dropped 1.5% on Thursday, and the Nasdaq Composite had its worst day since May.",
        "2022-06-17",
    )
    assert r.index == "Nasdaq Composite" and r.claim is None
    assert r.trading_date == art.claims[0].trading_date == date(2022, 6, 16)


@pytest.mark.parametrize(
    "text",
    [
        "London's FTSE 100 slipped 0.3% after UK wage growth hit a 20-year high.",
        "Britain's 10-year gilt yield rose to its highest in a year.",
        "The Nasdaq Composite is now 15% below its November record close.",
        "The S&P 500 ended 4% off its record high of 3 January.",
    ],
)
def test_rankings_of_yields_data_and_past_records_are_not_the_sessions(text):
    assert read_article(text, published="2022-03-16").rankings == ()


def test_a_level_not_seen_since_and_a_record_in_apposition():
    _, r = _one("The S&P 500 slid 3.9%, touching an intraday low not seen since March 2021.", "2022-06-14")
    assert (r.what, r.extreme, r.anchor) == ("intraday", "low", date(2021, 3, 1))
    _, r = _one("The Dow rose 0.5% to 35,100 on Monday, also a record.", "2021-08-17")
    assert r.record and r.index == "Dow Jones Industrial Average" and r.claim == 0


@pytest.mark.parametrize(
    "text",
    [
        "The Vix, Wall Street's fear gauge, jumped 30% to 35.1, its highest close since October.",
        "The S&P 500's utilities group had its worst week since 2008 as yields rose.",
        "The STOXX 600 travel and leisure index hit a record as bookings surged.",
        "The S&P 500 gained 1% while FTSE 100-listed Unilever is near a five-year high.",
        "The Nasdaq Composite was on track for its best day in more than a year at midday.",
        "The S&P 500 remains on course for its worst month since March 2020.",
        "The Dow closed at a record 40 times this year, a strategist said.",
        "The chemicals maker Dow said its net debt had fallen to its lowest level since 2019.",
    ],
)
def test_statements_about_a_vix_a_sector_a_share_or_what_may_yet_happen_are_not_read(text):
    assert read_article(text, published="2022-04-28").rankings == ()


def test_a_crash_named_with_its_month_and_year_is_the_anchor():
    _, r = _one(
        "The Dax plunged 4% on Thursday, its steepest fall since the sell-off of March 2020.", "2022-02-25"
    )
    assert (r.anchor, r.anchor_end) == (date(2020, 3, 1), date(2020, 3, 31))
    _, r = _one(
        "The Nasdaq lost 13% in April, its worst month since the depths of the 2008 crisis.", "2022-04-30"
    )
    assert (r.anchor, r.anchor_end, r.period) == (date(2008, 1, 1), date(2008, 12, 31), "month")


def test_a_possessive_day_and_a_statement_after_after():
    art, r = _one(
        "Tuesday's surge in the Nikkei 225 had been its biggest daily gain since March 2020.", "2022-03-10"
    )
    assert r.trading_date == date(2022, 3, 8)
    art, r = _one(
        "European shares opened higher on Thursday after Wall Street's best day since 2020.", "2022-05-05"
    )
    assert r.index == "S&P 500" and r.trading_date == date(2022, 5, 4)


def test_the_anchor_words_stop_at_a_day_word():
    _, r = _one("The Footsie suffered its heaviest one-day loss since October today.", "2021-07-19")
    assert r.anchor_text == "October" and r.anchor == date(2020, 10, 1)


def test_the_extract_command_lists_rankings_in_text_and_json(tmp_path, capsys):
    from eventstudy.faces.cli import main

    f = tmp_path / "a.txt"
    f.write_text("LONDON, 9 March 2022 - The FTSE 250 gained 1.9% today, its highest close in two months.\n")
    assert main(["extract", str(f), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert [r["lookback"] for r in d["rankings"]] == ["2 months"]
    assert main(["extract", str(f)]) == 0
    out = capsys.readouterr().out
    assert "Rankings:   1" in out and '"highest close in two months"' in out


def test_a_first_close_beyond_a_round_level():
    _, r = _one("The Nasdaq Composite rose 0.5% to 15,019.80, its first close above 15,000.", "2021-08-24")
    assert (r.threshold, r.extreme, r.what, r.record) == (15000.0, "high", "close", True)
    _, r = _one(
        "The FTSE 100 ended above 7,600 for the first time since January 2020 on Monday.", "2022-01-18"
    )
    assert (r.threshold, r.anchor, r.trading_date) == (7600.0, date(2020, 1, 1), date(2022, 1, 17))
    _, r = _one(
        "The S&P 500 sank below 4,000 for the first time in more than a year, down 3.2%.", "2022-05-09"
    )
    assert (r.threshold, r.extreme, r.lookback) == (4000.0, "low", (1, "year"))


def test_german_and_french_statements():
    _, r = _one(
        "Frankfurt (dpa-AFX) - Der Dax schloss am Montag 1,2 Prozent höher bei 15.212,38 Punkten auf einem Allzeithoch.",
        "2021-04-06",
    )
    assert (r.index, r.record, r.what, r.extreme, r.claim) == ("DAX", True, "close", "high", 0)
    _, r = _one(
        "Der Dax verlor am Freitag 2,5 Prozent und fiel damit auf den tiefsten Stand seit März 2021.",
        "2022-03-07",
    )
    assert (r.what, r.extreme, r.anchor, r.anchor_end) == (
        "close",
        "low",
        date(2021, 3, 1),
        date(2021, 3, 31),
    )
    _, r = _one(
        "Der Dax büßte 3,1 Prozent ein, der stärkste Tagesverlust seit dem 24. Februar.", "2022-03-07"
    )
    assert (r.what, r.extreme, r.period, r.anchor) == ("move", "low", "day", date(2022, 2, 24))
    _, r = _one(
        "Le CAC 40 a reculé de 3,2% vendredi, signant sa pire semaine depuis mars 2020.", "2022-03-05"
    )
    assert (r.index, r.what, r.extreme, r.period, r.anchor) == (
        "CAC 40",
        "move",
        "low",
        "week",
        date(2020, 3, 1),
    )
    _, r = _one(
        "Le CAC 40 a perdu 1,1% à 6 100 points, son plus bas niveau en clôture depuis février 2021.",
        "2022-03-08",
    )
    assert (r.what, r.extreme, r.anchor_end) == ("close", "low", date(2021, 2, 28))


@pytest.mark.parametrize("lead", ["", "Frankfurt\n"])
def test_a_german_ordinal_date_does_not_end_a_sentence(lead):
    from eventstudy.read.sentences import split_sentences

    text = lead + "Der Dax fiel am 24. Februar um 4 Prozent. Danach erholte er sich."
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans][-2:] == [
        "Der Dax fiel am 24. Februar um 4 Prozent.",
        "Danach erholte er sich.",
    ]


def test_a_ranking_within_the_year_or_the_month():
    _, r = _one("On Wall Street the Dow shed 2.5% on Friday, its worst day of the year.", "2021-11-27")
    assert (r.window_start, r.anchor, r.lookback) == (date(2021, 1, 1), None, None)
    _, r = _one("The FTSE 250 rose 1.2%, its best day so far this month.", "2022-03-09")
    assert r.window_start == date(2022, 3, 1)
    _, r = _one("The Nikkei 225 fell 2.9%, its biggest drop in 2022.", "2022-03-07")
    assert r.window_start == date(2022, 1, 1)
    art = read_article("The Nikkei 225 fell 2.9%, its biggest drop of the session.", published="2022-03-07")
    assert art.rankings == ()


@pytest.mark.parametrize(
    "text",
    [
        "The Dax added 0.3% on Tuesday and the euro sank to its weakest level since 2017.",
        "The Nasdaq Composite lost 1.1% on Monday, and gold rallied 2%, its best day since March.",
        "The FTSE 100 gained 0.9%, helped by a 5% rise in Shell to its highest level since 2018.",
        "The FTSE 100 gained 0.9% on Tuesday. It pushed sterling to its lowest level since 2020.",
        "The Dow soared a record 1,294 points on Tuesday.",
        "The Dax rose a record 7.9% in a single session.",
    ],
)
def test_statements_joined_to_a_move_but_about_other_things_are_not_read(text):
    assert read_article(text, published="2022-03-09").rankings == ()


def test_us_dates_and_abbreviated_months_are_days_not_months():
    _, r = _one("On Monday the Dow finished at its highest level since November 26.", "2021-12-28")
    assert r.anchor == r.anchor_end == date(2021, 11, 26)
    _, r = _one("The S&P 500 closed at its highest since Feb. 16 on Tuesday.", "2022-03-30")
    assert r.anchor == r.anchor_end == date(2022, 2, 16)


def test_a_record_high_on_a_named_day_and_a_morning_note():
    _, r = _one("The Nasdaq Composite closed at a record high on Monday.", "2021-11-23")
    assert r.trading_date == date(2021, 11, 22)
    _, r = _one("Good morning. The Dax closed at a three-month high.", "2022-01-06")
    assert r.trading_date == date(2022, 1, 5) and "morning" in r.notes[0]


def test_the_move_ranked_is_the_claims_month_or_sessions():
    _, r = _one("The Dax fell 2.6% in January, its biggest fall since November.", "2022-02-01")
    assert (r.period, r.sessions) == ("month", None)
    _, r = _one("The FTSE 100 rose 1.5% on Tuesday, its biggest two-day gain since February.", "2022-01-05")
    assert r.sessions == 2
    _, r = _one(
        "The FTSE 100 lost 2.9% over the past five sessions, its biggest fall since November.", "2022-01-28"
    )
    assert r.sessions == 5


def test_a_quoted_intraday_level_is_ranked_and_a_first_time_this_week():
    _, r = _one(
        "The FTSE 100 was down 2.5% at 6,814 at lunchtime on Monday, its lowest level since July.",
        "2022-03-07",
    )
    assert (r.what, r.threshold) == ("intraday", 6814.0)
    _, r = _one("On Wednesday the FTSE 100 closed above 7,000 for the first time this week.", "2022-03-10")
    assert (r.window_start, r.record, r.trading_date) == (date(2022, 3, 7), False, date(2022, 3, 9))


def test_a_dotted_capital_i_does_not_shift_the_anchor():
    text = "According to analysts at İş Yatırım, the S&P 500 fell 3.6% on Friday, closing at its lowest level since May 2021."
    _, r = _one(text, "2022-05-16")
    assert (r.anchor, r.anchor_end) == (date(2021, 5, 1), date(2021, 5, 31))


def test_hedged_spans_are_a_little_shorter():
    _, r = _one(
        "The FTSE 100 rose 0.2% on Friday and closed at its highest level in almost a month.", "2022-03-25"
    )
    assert r.lookback == (3, "week")
    _, r = _one("The FTSE 100 rose 0.2% on Friday to its highest close in nearly four weeks.", "2022-03-25")
    assert r.lookback == (18, "day")


def test_the_statements_own_day_beats_a_dateline_date():
    _, r = _one(
        "NEW YORK, March 17 (Reuters) - The Nasdaq Composite on Wednesday closed at its highest level since March 9.",
        "2022-03-17",
    )
    assert r.trading_date == date(2022, 3, 16)


@pytest.mark.parametrize(
    "text",
    [
        "The FTSE 250 rose 1.1% while sterling slid to its weakest close since November.",
        "The Hang Seng fell 2% while Beijing's CSI 300 had its worst day since 2020.",
        "The Dow fell 1.9% on Monday, sending the dollar index to its highest level since 2020.",
        "The Nikkei 225 slid 1%, pushing the yen to a 20-year low.",
        "Der Dax fiel am Mittwoch um 1,2 Prozent, während der Euro auf den tiefsten Stand seit Mai fiel.",
        "Le CAC 40 a cédé 0,8%, tandis que le pétrole a atteint son plus haut niveau depuis 2014.",
        "Nvidia, the biggest riser in the Nasdaq, closed at a record high.",
        "Rolls-Royce, the FTSE 100's worst performer, had its worst day since 2020.",
        "Shares in BT, the top faller on the FTSE 100, had their worst day since 2020.",
        "The FTSE 100 rose 0.4% on Monday, Tesco closing at its highest level since 2020.",
        "The S&P 500 rose 0.3% on Tuesday and posted a record sixth straight gain.",
        "The Dow added 0.2% and set a record for consecutive weekly gains.",
    ],
)
def test_statements_about_something_else_beside_the_index_are_not_read(text):
    assert read_article(text, published="2022-03-16").rankings == ()


def test_early_in_the_sessions_month_and_last_year():
    _, r = _one("The FTSE 250 closed at its highest level since early March on Tuesday.", "2022-03-16")
    assert r.anchor == date(2022, 3, 1)
    _, r = _one("The FTSE 250 closed at its highest level since last year.", "2022-03-16")
    assert (r.anchor, r.anchor_end) == (date(2021, 1, 1), date(2021, 12, 31))


def test_a_week_of_counted_sessions_and_an_owner_after_the_anchor():
    _, r = _one(
        "The Nasdaq Composite has lost 6% over the past five sessions, its worst week since March.",
        "2022-05-24",
    )
    assert (r.sessions, r.period) == (5, "day")
    art = read_article(
        "The Nasdaq Composite gained 3.6% and the S&P 500 rose 2.6% on Wednesday. "
        "It was the biggest gain since 2020 for the tech-heavy index.",
        published="2022-03-10",
    )
    (r,) = art.rankings
    assert r.index == "Nasdaq Composite" and r.claim == 0


def test_many_owned_by_nothing_stop_early_with_a_note():
    text = "LONDON, 9 March 2022 - The FTSE 100 fell 1%. " + "Its best day since 2020 was long ago. " * 2000
    art = read_article(text)
    assert any("ranking statements read only up to" in n for n in art.notes)


def test_early_mid_and_late_narrow_the_anchor():
    _, r = _one("The Nikkei 225 lost 1.9% on Tuesday, its worst day since early February.", "2022-04-20")
    assert (r.anchor, r.anchor_end) == (date(2022, 2, 1), date(2022, 2, 10))
    _, r = _one("The Nikkei 225 lost 1.9% on Tuesday, its worst day since late February.", "2022-04-20")
    assert (r.anchor, r.anchor_end) == (date(2022, 2, 21), date(2022, 2, 28))
    _, r = _one("The Nikkei 225 lost 1.9% on Tuesday, its worst day since mid-2020.", "2022-04-20")
    assert (r.anchor, r.anchor_end) == (date(2020, 5, 1), date(2020, 8, 31))


def test_an_intraday_record_and_a_span_number_are_not_levels():
    art, r = _one("The Nasdaq Composite touched an intraday record of 16,212.23 on Monday.", "2021-11-23")
    assert (r.record, r.what) == (True, "intraday")
    art, r = _one("The Dax climbed 0.5% to a 52-week high on Tuesday.", "2022-01-05")
    assert [c.level for c in art.claims] == [None] and r.lookback == (52, "week")
    _, r = _one("The Dax suffered its biggest fall in a fortnight on Tuesday, down 1.1%.", "2022-01-05")
    assert r.lookback == (2, "week")


def test_two_indices_sharing_one_statement_each_get_it():
    art = read_article(
        "The Nasdaq Composite and the S&P 500 both had their best day since 9 March on Friday, rising 2% each.",
        published="2022-03-26",
    )
    assert sorted(r.index for r in art.rankings) == ["Nasdaq Composite", "S&P 500"]


def test_which_was_its_and_the_noun_before_was_its():
    _, r = _one("The Dax sank 2.1% to 14,000, which was its weakest close since 8 March.", "2022-03-16")
    assert (r.what, r.extreme, r.claim) == ("close", "low", 0)
    art, r = _one(
        "The Dax shed 2.9% to 13,442.10. The fall was the biggest for the Dax since March 7.", "2022-03-10"
    )
    assert (r.what, r.extreme, r.index) == ("move", "low", "DAX")
    art, r = _one(
        "The Nasdaq Composite tumbled 4% to 12,490.74. The tech-heavy index's slide was its steepest since March 7.",
        "2022-04-26",
    )
    assert (r.what, r.extreme, r.index, r.claim) == ("move", "low", "Nasdaq Composite", 0)


def test_a_standalone_statement_takes_the_day_of_its_sentences_first_move():
    art = read_article(
        "The FTSE 100 fell 2.4% to 7,200, erasing the previous day's 1.1% gain, and the FTSE 250 had its worst day since May.",
        published="2022-06-17",
    )
    assert [r.trading_date for r in art.rankings] == [art.claims[0].trading_date]
