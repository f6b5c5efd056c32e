"""Which numbers are index claims in tables, lists and sentences about companies.

Every sentence is written for this file (none from the development or held-out sets).
"""

from __future__ import annotations

import pytest

from eventstudy.check.tolerance import magnitude_interval
from eventstudy.read import read_article


def _claims(text: str, published: str, ticker: str | None = None):
    found = read_article(text, published=published).claims
    return [c for c in found if ticker is None or c.ticker == ticker]


def test_table_rows_give_the_level_and_the_change():
    text = (
        "Closing prices, Tuesday 8 March\n"
        "FTSE 100: 6,964.11 (+0.1%)\n"
        "Dax .... 12,831.51 / -0.02%\n"
        "Nikkei 225 24,790.95 -1.71%"
    )
    found = read_article(text, published="2022-03-08").claims
    assert [(c.ticker, c.level) for c in found] == [
        ("^FTSE", 6964.11),
        ("^GDAXI", 12831.51),
        ("^N225", 24790.95),
    ]
    assert [c.direction for c in found] == ["up", "down", "down"]


def test_dot_leaders_do_not_end_a_sentence():
    (c,) = _claims("S&P 500 .... 4,170.70 / -1.5%", "2022-03-08", "^GSPC")
    assert (c.level, c.pct) == (4170.7, 1.5)


def test_companies_named_after_the_index_are_not_its_moves():
    found = _claims(
        "The Nikkei 225 was down 0.6% at 25,100.3 by midday, with Sony Group off 3.2% and Fast Retailing 1.1% lower.",
        "2022-03-08",
    )
    assert [(c.ticker, c.pct) for c in found] == [("^N225", 0.6)]


def test_a_move_in_a_company_is_not_the_index_move():
    found = _claims(
        "The Nasdaq Composite fell 1.2%, dragged down by a 9% slump in Nvidia after its results.",
        "2022-03-08",
    )
    assert [(c.ticker, c.pct) for c in found] == [("^IXIC", 1.2)]


def test_a_fall_in_a_month_is_still_the_index_move():
    (c,) = _claims("The FTSE 250 was left nursing a 3.1% loss in March.", "2022-03-31", "^FTMC")
    assert c.pct == 3.1


def test_the_definition_of_a_bear_market_is_not_a_claim():
    found = _claims(
        "The S&P 500 dropped 2.3% to 3,900.8, close to the 20% fall that defines a bear market.",
        "2022-06-10",
    )
    assert [c.pct for c in found] == [2.3]


def test_a_hyphenated_adjective_before_growth_is_still_growth():
    found = _claims("European shares rose 0.9% after China reported 4.8% first-quarter growth.", "2022-04-18")
    assert 4.8 not in [c.pct for c in found]


def test_setting_a_closing_high_gives_the_days_level():
    (c,) = _claims(
        "The Dax set an all-time closing high of 15,890.1, up 0.6% on the day.", "2021-08-13", "^GDAXI"
    )
    assert (c.level, c.direction, c.pct) == (15890.1, "up", 0.6)


def test_a_high_it_fell_from_is_a_reference_level():
    found = _claims(
        "The Dax closed 1.1% lower, 8% below its all-time closing high of 16,271.75.", "2022-03-02", "^GDAXI"
    )
    assert [(c.pct, c.period, c.level) for c in found] == [(1.1, None, None), (8.0, "from-record", None)]


def test_flat_after_an_aside_or_with_a_period():
    (dow,) = [
        c
        for c in read_article(
            "The Nasdaq fell 1.9% on Monday. The Dow, by contrast, ended virtually flat.",
            published="2022-03-14",
        ).claims
        if c.ticker == "^DJI"
    ]
    assert (dow.direction, dow.kind) == ("flat", "close")
    (spx,) = read_article(
        "The S&P 500 finished the month virtually unchanged after a volatile May.", published="2022-05-31"
    ).claims
    assert (spx.direction, spx.kind, spx.period) == ("flat", "other", "month")


def test_a_hedge_before_a_level_is_the_levels():
    (c,) = read_article(
        "The FTSE 100 rose almost 4 per cent to just below 7,500.", published="2022-02-25"
    ).claims
    assert (c.pct_hedge, c.level_hedge) == ("almost", "just below")


def test_a_move_in_a_company_named_by_its_index_is_not_the_index_move():
    for sentence in (
        "The FTSE 250 edged up 0.2%, held back by a 6% slide in FTSE 250-listed grocer Ocado.",
        "The FTSE 250 edged up 0.2%, held back by a 6% slide in shares of the grocer Ocado.",
    ):
        found = _claims(sentence, "2022-03-08")
        assert [(c.ticker, c.pct) for c in found] == [("^FTMC", 0.2)], sentence


def test_the_economys_growth_or_contraction_is_not_the_index_move():
    found = _claims(
        "The FTSE 100 rose 0.6% on Tuesday even as figures showed the UK economy contracted 0.8% "
        "in the quarter.",
        "2022-03-08",
    )
    assert [(c.ticker, c.pct) for c in found] == [("^FTSE", 0.6)]
    # the word alone, in an aside about the index, does not stop the index's own number
    (c,) = _claims("The FTSE 100, a gauge of the global economy, rose 0.6%.", "2022-03-08")
    assert (c.ticker, c.pct) == ("^FTSE", 0.6)


def test_companies_named_after_such_as_keep_their_numbers():
    found = _claims(
        "The Nikkei 225 fell 1.1% on Friday. In Tokyo, carmakers such as Nissan Motor, which lost 3.4%, "
        "were sold.",
        "2021-11-12",
    )
    assert [(c.ticker, c.pct) for c in found] == [("^N225", 1.1)]


def test_although_it_keeps_the_subject():
    found = _claims(
        "The Dow shed 0.6% yesterday, leaving it down 3.1% for September, although it still squeezed "
        "out a 1.4% gain for the quarter.",
        "2021-10-01",
        "^DJI",
    )
    assert [(c.pct, c.period) for c in found] == [(0.6, None), (3.1, "month"), (1.4, "quarter")]


def test_euro_zone_is_not_the_currency_and_bunds_are_bonds():
    found = _claims(
        "The Euro Stoxx 50 index of the euro zone's biggest companies slipped 1.3%. The yield on "
        "Germany's 10-year Bund rose to 0.2%.",
        "2022-02-14",
    )
    assert [(c.ticker, c.pct) for c in found] == [("^STOXX50E", 1.3)]


def test_flat_consumer_prices_are_not_a_flat_index():
    assert _claims("Tokyo's core consumer prices were flat in October.", "2021-11-19") == []
    (c,) = _claims("Tokyo stocks were flat on Friday.", "2021-11-19")
    assert (c.ticker, c.direction) == ("^N225", "flat")


def test_a_later_number_of_a_list_takes_the_verb_not_a_direction_word_before_the_subject():
    found = _claims(
        "Stocks sank a day after the central bank's biggest rate rise in decades: the S&P 500 and the "
        "Dow Jones Industrial Average fell 3.3% and 2.4% respectively.",
        "2022-06-16",
    )
    assert [(c.ticker, c.direction, c.pct) for c in found] == [("^GSPC", "down", 3.3), ("^DJI", "down", 2.4)]


def test_a_sector_as_a_group_is_not_the_index():
    found = _claims(
        "The S&P 500 fell 2.2% on Wednesday; one trader in New York noted that utilities, usually "
        "a refuge, lost 3.1% as a group.",
        "2022-05-18",
    )
    assert [(c.ticker, c.pct) for c in found] == [("^GSPC", 2.2)]


def test_a_move_to_a_record_high_of_a_level_ends_at_that_level():
    (c,) = _claims("The Dax added 0.9% to a record closing high of 15,300.5.", "2021-04-06", "^GDAXI")
    assert (c.pct, c.level) == (0.9, 15300.5)
    # a record the index is below is a reference, not the day's level
    (c,) = _claims("The Dax is 3% below its record high of 16,290.19.", "2022-03-01", "^GDAXI")
    assert (c.pct, c.level, c.kind) == (3.0, None, "other")


def test_an_aside_about_the_index_does_not_hide_its_number_nor_give_it_a_period():
    (c,) = _claims(
        "The Nasdaq Composite, which has trailed all year as bond yields climbed, posted a weekly "
        "gain of 1.3%.",
        "2021-04-17",
    )
    assert (c.ticker, c.direction, c.pct, c.kind) == ("^IXIC", "up", 1.3, "weekly")


def test_fractions_of_a_per_cent_in_words_are_read_with_their_precision():
    text = (
        "Tokyo, May 10, 2022 - The Nikkei 225 shed half a per cent on Tuesday. The Dax gained one "
        "and a half per cent, while the Euro Stoxx 50 edged up a quarter of a percent."
    )
    found = {c.ticker: c for c in read_article(text).claims}
    assert (found["^N225"].direction, found["^N225"].pct, found["^N225"].pct_text) == ("down", 0.5, "0.5")
    assert found["^N225"].hedge is None
    assert (found["^GDAXI"].pct, found["^GDAXI"].pct_text) == (1.5, "1.5")
    # a quarter is a round word for a move near it: kept as the fraction, read to a tenth
    assert (found["^STOXX50E"].pct, found["^STOXX50E"].pct_text) == (0.25, "1/4")
    assert magnitude_interval(0.25, "1/4", None).as_tuple() == pytest.approx((0.2, 0.3))
    assert magnitude_interval(0.5, "0.5", None).as_tuple() == pytest.approx((0.45, 0.55))


def test_a_fraction_of_a_rate_rise_is_not_an_index_move():
    found = _claims(
        "Markets priced in a quarter of a per cent rate rise, and the Dow added 0.4%.", "2022-05-10"
    )
    assert [(c.ticker, c.pct) for c in found] == [("^DJI", 0.4)]


def test_a_correction_notice_gives_the_wrong_figure_not_a_claim():
    text = (
        "London, 9 March 2022. An earlier version of this report wrongly said the FTSE 100 lost 3% "
        "on Tuesday. It lost 0.1%."
    )
    found = read_article(text).claims
    assert [(c.ticker, c.direction, c.pct) for c in found] == [("^FTSE", "down", 0.1)]
    semi = _claims(
        "A previous version of this article got the Dax's gain wrong; it rose 0.7%, not 1.7%.",
        "2022-03-09",
    )
    assert [(c.ticker, c.pct) for c in semi] == [("^GDAXI", 0.7)]


def test_a_denied_figure_is_not_a_claim():
    for text in (
        "The Nasdaq Composite closed 2.1% lower, not 3.1% as one broker's note had it.",
        "The Nasdaq Composite closed 2.1% lower rather than the 3.1% drop some traders feared.",
        "The Nasdaq Composite closed 2.1% lower, instead of 3.1%.",
    ):
        found = _claims(text, "2022-05-10")
        assert [(c.ticker, c.direction, c.pct) for c in found] == [("^IXIC", "down", 2.1)], text


@pytest.mark.parametrize(
    "text",
    [
        "Housebuilders lost 3.4 per cent, while the FTSE 250 shed 1.8 per cent.",
        "Barclays lost 3.4%, while the FTSE 250 shed 1.8%.",
        "EDINBURGH, May 5, 2022 - Housebuilders lost 3.4 per cent, while the FTSE 250 shed 1.8 per cent.",
    ],
)
def test_a_subject_that_opens_the_sentence_keeps_its_own_number(text):
    found = _claims(text, "2022-05-05")
    assert [(c.ticker, c.pct) for c in found] == [("^FTMC", 1.8)]


def test_a_sector_after_a_dateline_is_not_the_datelines_market():
    text = "LONDON, May 5, 2022 - Bank stocks tumbled 3.3 per cent and the FTSE 250 gave back 1.8 per cent."
    assert [(c.ticker, c.pct) for c in read_article(text).claims] == [("^FTMC", 1.8)]
    us = "NEW YORK, May 5, 2022 - Chip stocks sank 5.1% while the Dow lost 3.1%."
    assert [(c.ticker, c.pct) for c in read_article(us).claims] == [("^DJI", 3.1)]
    # the dateline's market itself still counts: "LONDON - Stocks fell ..."
    plain = "LONDON, May 5, 2022 - Stocks fell 1.1 per cent."
    assert [(c.ticker, c.pct) for c in read_article(plain).claims] == [("^FTSE", 1.1)]


def test_invisible_characters_inside_numbers_do_not_split_them():
    text = "LONDON, March 9, 2022 - The FTSE 250 closed up 2.6\u200b4 per cent at 20,4\u00ad95.31."
    a = read_article(text)
    (c,) = a.claims
    assert (c.pct, c.level) == (2.64, 20495.31)
    assert any("invisible" in n for n in a.notes)
    (w,) = read_article("LONDON, March 9, 2022 - The FTSE 250 closed up 2.64\uff05.").claims
    assert w.pct == 2.64


def test_a_percentage_above_100_is_left_out_with_a_note():
    a = read_article("LONDON, March 9, 2022 - The FTSE 250 closed up 264% at 20,495.31.")
    assert [(c.pct, c.level) for c in a.claims] == [(None, 20495.31)]
    assert any("'264%'" in n for n in a.notes)


def test_a_number_past_a_floats_range_is_no_figure():
    huge = ",".join(["1"] + ["000"] * 120)
    a = read_article(f"LONDON, March 9, 2022 - The FTSE 250 closed up 1.5 per cent at {huge}.")
    assert [(c.pct, c.level) for c in a.claims] == [(1.5, None)]


def test_a_swing_is_not_the_move_and_a_level_odd_is_a_round_figure():
    (c,) = _claims(
        "NEW YORK, May 5, 2022 - The Nasdaq ended essentially unchanged after a 6% swing.", "2022-05-05"
    )
    assert (c.direction, c.pct) == ("flat", 0.0)  # the flat band, not +-6 %
    (d,) = _claims("LONDON, 9 May 2022 - The FTSE 250 closed at 19,800-odd.", "2022-05-09")
    assert (d.level, d.hedge) == (19800.0, "about")
