"""Patterns behind the misses of the fact-checker's seventh review, on sentences written for this file.

No sentence here comes from a benchmark, a development passage or the reviewer's articles.
"""

from __future__ import annotations

from eventstudy.read import read_article


def _claims(text: str, published: str | None = None, ticker: str | None = None):
    return [c for c in read_article(text, published=published).claims if ticker is None or c.ticker == ticker]


def test_period_after_a_sentence_opener_scopes_both_indices_past_an_aside():
    text = (
        "All in all, over the quarter the Dax gained 2.4%, lifted by its carmakers and chemical "
        "groups, while the Cac 40 shed 1.3%."
    )
    dax, cac = _claims(text, "2022-07-04")
    assert (dax.period, cac.period) == ("quarter", "quarter")


def test_period_after_the_first_number_survives_an_agent_clause_before_while():
    text = (
        "The Nikkei 225 added 3.2% in the month, boosted by exporters and a weaker yen, "
        "whereas the Topix lost 0.7%."
    )
    nikkei, topix = _claims(text, "2022-09-01")
    assert (nikkei.period, topix.period) == ("month", "month")


def test_an_agent_clause_does_not_carry_a_period_to_a_day_move():
    text = (
        "The Nikkei 225 added 3.2% in the month, boosted by exporters and a weaker yen, "
        "whereas the Topix lost 0.7% on Wednesday."
    )
    (topix,) = _claims(text, "2022-09-01", "^TOPX")
    assert (topix.kind, topix.period) == ("close", None)


def test_an_aside_naming_growth_between_the_index_and_its_verb_keeps_the_number():
    (claim,) = _claims("The Nasdaq Composite, stuffed with growth names, sank 2.2% on Tuesday.", "2022-03-09")
    assert (claim.ticker, claim.direction, claim.pct) == ("^IXIC", "down", 2.2)


def test_an_aside_naming_other_businesses_does_not_change_the_subject():
    (claim,) = _claims("The Dax, home to carmakers and retailers alike, fell 1.1% on Friday.", "2022-03-12")
    assert (claim.ticker, claim.direction, claim.pct) == ("^GDAXI", "down", 1.1)


def test_a_leading_period_before_the_index_and_its_aside_keeps_its_period():
    text = "Over the month the Nikkei 225, heavy with exporters and banks, rose 3.1%."
    (claim,) = _claims(text, "2022-09-01")
    assert (claim.pct, claim.period) == (3.1, "month")


def test_a_growth_figure_in_a_clause_of_its_own_is_still_not_an_index_move():
    text = "The FTSE 100 fell 0.4% as wage growth slowed to 4.2%."
    assert [c.pct for c in _claims(text, "2022-03-12")] == [0.4]


def test_the_end_of_a_later_year_is_a_forecast_not_the_day_of_the_claims():
    text = (
        "NEW YORK, March 4, 2022 - Stocks slid on Thursday after central bankers pencilled in "
        "rates near 2% by the end of 2024. The Dow dropped 1.2%."
    )
    (dow,) = _claims(text)
    assert (str(dow.trading_date), dow.alt_trading_date) == ("2022-03-03", None)


def test_the_end_of_an_earlier_year_still_dates_a_level():
    text = "The Nikkei 225 closed at 26,100.5 on Friday. It had ended at 28,790.3 at the end of 2021."
    levels = {c.level: c.trading_date for c in _claims(text, "2022-05-20") if c.level}
    assert (str(levels[26100.5]), str(levels[28790.3])) == ("2022-05-20", "2021-12-30")


def test_a_mixed_case_asian_dateline_below_a_heading_makes_us_figures_the_previous_session():
    text = "ASX EARLY CALL\nSydney, Friday 14 January 2022\n\nThe S&P 500 lost 1.4 per cent to 4,659."
    (spx,) = _claims(text)
    assert str(spx.trading_date) == "2022-01-13"


def test_overnight_in_a_sentence_naming_only_wall_street_dates_the_next_us_claim():
    text = (
        "Friday 14 January 2022\n\nWall Street sold off hard overnight as bond yields climbed. "
        "The Nasdaq Composite shed 2.5 per cent."
    )
    (ixic,) = _claims(text)
    assert (str(ixic.trading_date), ixic.alt_trading_date) == ("2022-01-13", None)


def test_a_european_dateline_in_mixed_case_is_still_european():
    text = "Frankfurt, 14 January 2022 - The Dax closed 0.9% lower at 15,883.2."
    (dax,) = _claims(text)
    assert (str(dax.trading_date), dax.kind) == ("2022-01-14", "close")


def test_a_morning_note_named_after_a_heading_word_dates_closes_to_the_previous_session():
    text = "EQUITIES MORNING NOTE\n14 January 2022\n\nThe Dow ended 0.5% lower at 35,900.1."
    (dji,) = _claims(text)
    assert (str(dji.trading_date), str(dji.alt_trading_date)) == ("2022-01-13", "2022-01-14")


def test_a_dateline_with_its_day_in_ordinal_words_gives_the_publication_date():
    text = "EVENING BULLETIN - TUESDAY MARCH TWENTY-SECOND, 2022\n\nThe Nasdaq Composite jumped 2% today."
    a = read_article(text)
    assert (str(a.published), str(a.claims[0].trading_date)) == ("2022-03-22", "2022-03-22")


def test_a_day_in_words_before_its_month_is_read_too():
    a = read_article("Recorded on the thirty-first of January, 2022. The Dax rose 1.2% today.")
    assert str(a.published) == "2022-01-31"


def test_german_separable_verbs_give_the_direction_from_their_particle():
    text = (
        "Frankfurt, 9. März 2022. In Paris gab der Cac 40 um 1,7 Prozent nach. "
        "Der Dax legte am Nachmittag um 0,9 Prozent zu, der MDax nahm 0,2 Prozent ab. "
        "In Mailand ging der FTSE MIB um 0,4 Prozent zurück."
    )
    assert [(c.ticker, c.direction) for c in _claims(text)] == [
        ("^FCHI", "down"),
        ("^GDAXI", "up"),
        (None, "down"),
        ("FTSEMIB.MI", "down"),
    ]


def test_a_particle_without_its_verb_gives_no_direction():
    (dax,) = _claims("Frankfurt, 9. März 2022. Der Dax kam auf 1,2 Prozent zu.")
    assert dax.direction is None


def test_a_new_zealand_dateline_is_asia_pacific():
    (dji,) = _claims("Wellington, 14 January 2022 - The Dow slipped 0.5 per cent to 35,900.")
    assert str(dji.trading_date) == "2022-01-13"
