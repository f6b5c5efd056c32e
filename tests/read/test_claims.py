"""Claims: numbers, signs, hedges, exclusions, kinds and consistency (our own sentences)."""

from __future__ import annotations

import pytest

from eventstudy.read import read_article

PUB = "2022-03-09"  # a Wednesday


def _one(text: str, published: str = PUB):
    claims = read_article(text, published=published).claims
    assert len(claims) == 1, [c.to_dict() for c in claims]
    return claims[0]


@pytest.mark.parametrize(
    ("text", "direction", "pct", "points", "level"),
    [
        ("The FTSE 100 rose 38.12 points, or 0.52 per cent, to 7,410.66.", "up", 0.52, 38.12, 7410.66),
        ("The FTSE 100 fell 0.52 percent to 7410.66.", "down", 0.52, None, 7410.66),
        ("The FTSE 100 closed 0.52pc lower at 7,410.66.", "down", 0.52, None, 7410.66),
        ("The FTSE 100 lost 38 pts, or 0.5 pct.", "down", 0.5, 38.0, None),
        ("The FTSE 100 ended 1.1% down.", "down", 1.1, None, None),
        ("The FTSE 100 finished 2.3 per cent in the red.", "down", 2.3, None, None),
        ("The FTSE 100 closed 0.4 per cent, or 29.1 points, higher at 7,181.2.", "up", 0.4, 29.1, 7181.2),
        ("The FTSE 100 dropped -61.4 points or -0.83% at 7,330.", "down", 0.83, 61.4, 7330.0),
        ("The FTSE 100 fell by a redundant -1.2% today.", "down", 1.2, None, None),
        ("The FTSE 100 closed at 7,224.9, a gain of 0.7%.", "up", 0.7, None, 7224.9),
        ("The FTSE 100 was unchanged at 7,100.", "flat", 0.0, None, 7100.0),
        ("The FTSE 100 ended flat.", "flat", 0.0, None, None),
    ],
)
def test_numbers_and_direction(text, direction, pct, points, level):
    c = _one(text)
    assert (c.ticker, c.direction, c.pct, c.points, c.level) == ("^FTSE", direction, pct, points, level)


def test_printed_number_strings_are_kept_normalised():
    c = _one("The S&P 500 added 12.30 points, or 0.30%, to 4,102.50.")
    assert (c.pct_text, c.points_text, c.level_text) == ("0.30", "12.30", "4102.50")


@pytest.mark.parametrize(
    ("text", "hedge", "pct", "points"),
    [
        ("The Dow fell nearly 2%.", "nearly", 2.0, None),
        ("The Dow fell more than 600 points.", "more than", None, 600.0),
        ("The Dow was down about 1.5%.", "about", 1.5, None),
        ("The Dow sank almost 3 per cent.", "almost", 3.0, None),
        ("The Dow climbed around 1%.", "around", 1.0, None),
        ("The Dow jumped over 500 points.", "over", None, 500.0),
        ("The Dow slipped just under 1%.", "just under", 1.0, None),
    ],
)
def test_hedges_are_kept(text, hedge, pct, points):
    c = _one(text)
    assert (c.hedge, c.pct, c.points) == (hedge, pct, points)


def test_as_much_as_is_an_intraday_extreme():
    c = _one("At one stage the Dow was down as much as 700 points.")
    assert (c.hedge, c.points, c.kind) == ("as much as", 700.0, "intraday")


def test_range_of_percentages():
    c = _one("The Nikkei 225 gained between 1% and 2% in morning trade.")
    assert c.hedge == "between 1 and 2"
    assert c.pct == pytest.approx(1.5)
    assert c.kind == "intraday"


@pytest.mark.parametrize(
    "text",
    [
        "The FTSE 250 rose 1.2%.",
        "The S&P 500 rose 1.2%.",
        "The Euro Stoxx 50 rose 1.2%.",
        "The Nikkei 225 rose 1.2%.",
        "The DAX 40 rose 1.2%.",
    ],
)
def test_digits_in_index_names_are_never_values(text):
    c = _one(text)
    assert (c.pct, c.points, c.level) == (1.2, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Brent crude climbed 4.1% to $103 a barrel.",
        "The pound rose 0.6% against the dollar.",
        "Ten-year gilt yields rose 14 basis points.",
        "The central bank raised rates by a quarter of a percentage point to 0.75%.",
        "Economists expect a 50-point hike in interest rates next month.",
        "Annual inflation rose to 7.9% in February.",
        "Shares of the miner dropped 8.2% after the profit warning.",
        "Banks were the worst-performing sector, down 2.4%.",
        "Bitcoin slumped 6% to $38,000.",
    ],
)
def test_moves_of_other_things_are_not_index_claims(text):
    assert read_article(text, published=PUB).claims == ()


def test_other_asset_in_the_same_sentence_is_left_out():
    claims = read_article(
        "The FTSE 100 rose 0.8% to 7,300, while oil fell 3% and sterling gained 0.4%.", published=PUB
    ).claims
    assert [(c.ticker, c.pct) for c in claims] == [("^FTSE", 0.8)]


def test_statistic_on_average_is_not_a_claim():
    assert read_article("In March the S&P 500 is up 1.1% on average, data show.", published=PUB).claims == ()


def test_history_is_not_news():
    text = "Back in 2008 the FTSE 100 lost 31% over the year."
    assert read_article(text, published=PUB).claims == ()


@pytest.mark.parametrize(
    ("text", "kind", "period"),
    [
        ("The FTSE 100 closed 0.9% lower.", "close", None),
        ("The FTSE 100 ended the session 0.9% lower.", "close", None),
        ("The FTSE 100 opened 0.9% lower.", "intraday", None),
        ("In early deals the FTSE 100 was 0.9% lower.", "intraday", None),
        ("By midday the FTSE 100 was 0.9% lower.", "intraday", None),
        ("The FTSE 100 was trading 0.9% lower.", "intraday", None),
        ("The FTSE 100 is down 0.9%.", "intraday", None),
        ("At one point the FTSE 100 was 0.9% lower.", "intraday", None),
        ("The FTSE 100 fell 2.9% for the week.", "weekly", None),
        ("Over the week the FTSE 100 gave up 2.9%.", "weekly", None),
        ("The FTSE 100 fell 4.1% for the month.", "other", "month"),
        ("The FTSE 100 fell 6.3% in the second quarter.", "other", "quarter"),
        ("The FTSE 100 is up 3.2% year-to-date.", "other", "year-to-date"),
        ("The FTSE 100 has gained 3.2% since the start of the year.", "other", "year-to-date"),
        ("The FTSE 100 is now 11% below its February record.", "other", "from-record"),
        ("The FTSE 100 rose 2% from the open to the close.", "other", "open-to-close"),
        ("The FTSE 100 lost 5% over the past three sessions.", "other", "multi-day"),
    ],
)
def test_kinds(text, kind, period):
    c = _one(text)
    assert (c.kind, c.period) == (kind, period)


def test_closing_the_week_at_a_level_is_a_daily_move():
    c = _one("The FTSE 100 slipped 12.5 points, or 0.2%, closing the week at 7,020.4.")
    assert c.kind == "close"


def test_one_list_with_several_periods():
    text = "The Dow lost 1.2% for the day, 4.4% for the month and 9.8% for the quarter."
    claims = read_article(text, published=PUB).claims
    assert [(c.pct, c.kind, c.period) for c in claims] == [
        (1.2, "close", None),
        (4.4, "other", "month"),
        (9.8, "other", "quarter"),
    ]
    assert all(c.direction == "down" for c in claims)


def test_split_across_sentences_is_merged():
    text = "At the close the FTSE 250 stood at 20,412.8. That was a 1.3% fall as the index lost 268.9 points."
    c = _one(text)
    assert (c.ticker, c.direction, c.pct, c.points, c.level) == ("^FTMC", "down", 1.3, 268.9, 20412.8)


def test_consistent_claim_has_no_note():
    c = _one("The FTSE 100 rose 70.0 points, or 1.0%, to 7,070.0.")
    assert not [n for n in c.notes if "inconsistent" in n]


def test_inconsistent_claim_gets_a_note():
    c = _one("The FTSE 100 rose 170.0 points, or 1.0%, to 7,070.0.")
    assert any("inconsistent" in n for n in c.notes)


def test_decimal_comma_in_german_text():
    c = _one("Der Dax schloss 1,25 Prozent im Minus bei 14.210,5 Punkten.")
    assert (c.ticker, c.direction, c.pct, c.level, c.kind) == ("^GDAXI", "down", 1.25, 14210.5, "close")


def test_thousands_typo_with_decimal_comma():
    c = _one("In early trading the FTSE 100 gave up 0.8 percent to 7,212,44 points.")
    assert (c.level, c.level_text, c.kind) == (7212.44, "7212.44", "intraday")


def test_period_phrase_belongs_to_the_number_it_describes():
    text = "The Stoxx 600 slid 1.2%, capping its worst week since May with a 3.9% weekly loss."
    daily, weekly = read_article(text, published="2022-06-17").claims
    assert (daily.pct, daily.kind) == (1.2, "close")
    assert (weekly.pct, weekly.kind) == (3.9, "weekly")


def test_period_heading_after_a_semicolon():
    text = "On the day the Footsie added 0.3 per cent to 7,050.2; over the week it lost 2.2 per cent."
    day, week = read_article(text, published="2022-06-17").claims
    assert (day.kind, week.kind, week.direction) == ("close", "weekly", "down")


def test_wire_timestamp_is_intraday():
    text = "The FTSE 100 eased 0.3%, while the FTSE 250 gained 0.2% by 0815 GMT."
    assert [c.kind for c in read_article(text, published="2022-06-20").claims] == ["intraday", "intraday"]


def test_forecasts_are_not_claims():
    text = "The Dow is set to open 250 points higher, after the index rose 0.9% on Monday."
    (c,) = read_article(text, published="2022-06-14").claims
    assert (c.pct, c.points, str(c.trading_date)) == (0.9, None, "2022-06-13")


def test_day_before_the_first_index_applies_to_all():
    text = "US stocks closed lower on Monday, with the Dow off 1.1%, the S&P 500 down 1.4% and the Nasdaq 2% weaker."
    claims = read_article(text, published="2022-06-15").claims
    assert [str(c.trading_date) for c in claims] == ["2022-06-13"] * 3
    assert [c.direction for c in claims] == ["down"] * 3


def test_compared_with_the_start_of_the_year():
    c = _one("The FTSE 250 is 14% lower than at the start of the year.")
    assert (c.kind, c.period, c.direction) == ("other", "year-to-date", "down")


def test_compact_market_summary_line():
    text = "Markets: FTSE 100 -0.4% at 7,480; FTSE 250 +0.6% at 20,150; Dax -0.2%."
    claims = read_article(text, published=PUB).claims
    assert [(c.ticker, c.direction, c.pct, c.level) for c in claims] == [
        ("^FTSE", "down", 0.4, 7480.0),
        ("^FTMC", "up", 0.6, 20150.0),
        ("^GDAXI", "down", 0.2, None),
    ]
