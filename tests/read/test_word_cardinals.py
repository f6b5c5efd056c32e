"""Numbers written out in words, as broadcast scripts, transcripts and quotes print them."""

from __future__ import annotations

import time

import pytest

from eventstudy.read import read_article
from eventstudy.read.numbers import cardinal_spans, cardinal_value

PUB = "2022-05-05"


def _claims(text: str) -> list[tuple]:
    return [
        (c.index, c.direction, c.pct, c.points, c.level) for c in read_article(text, published=PUB).claims
    ]


@pytest.mark.parametrize(
    ("phrase", "value", "text"),
    [
        ("seven", 7.0, "7"),
        ("forty-two", 42.0, "42"),
        ("six hundred and five", 605.0, "605"),
        ("a hundred", 100.0, "100"),
        ("two thousand", 2000.0, "2000"),
        ("eighteen thousand, three hundred and nine", 18309.0, "18309"),
        ("one point two five", 1.25, "1.25"),
        ("zero point four", 0.4, "0.4"),
    ],
)
def test_cardinal_values(phrase, value, text):
    assert cardinal_value(phrase) == (value, text)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # points in words (they used to be dropped, so a wrong figure went unchecked)
        (
            "The Nasdaq shed six hundred and five points on Thursday.",
            ("Nasdaq Composite", "down", None, 605.0, None),
        ),
        ("The FTSE 100 gave back eighty points today.", ("FTSE 100", "down", None, 80.0, None)),
        (
            "The Dow climbed a thousand points in the session.",
            ("Dow Jones Industrial Average", "up", None, 1000.0, None),
        ),
        # a decimal said digit by digit: 4.7, not the "seven" before the percent word
        ("The S&P 500 slid four point seven percent today.", ("S&P 500", "down", 4.7, None, None)),
        # a compound: 35, not 5
        ("The Nikkei 225 has jumped thirty-five per cent this year.", ("Nikkei 225", "up", 35.0, None, None)),
        # a level in thousands after "at"
        (
            "The Dow finished at thirty-one thousand.",
            ("Dow Jones Industrial Average", None, None, None, 31000.0),
        ),
    ],
)
def test_numbers_in_words_are_read(sentence, expected):
    got = _claims(sentence)
    assert len(got) == 1
    index, direction, pct, points, level = expected
    assert got[0][0] == index and got[0][2:] == (pct, points, level)
    if direction is not None:
        assert got[0][1] == direction


def test_points_and_percent_in_words_make_one_claim():
    got = _claims("The FTSE 100 closed down seventy points today, a fall of about one percent.")
    assert got == [("FTSE 100", "down", 1.0, 70.0, None)]


def test_fractions_stay_fractions_and_at_one_point_is_no_number():
    got = _claims("The Dow lost three hundred points, or about two-thirds of one percent.")
    assert got == [("Dow Jones Industrial Average", "down", 0.67, 300.0, None)]
    # "at one point" is an intraday cue, not "one point" (no unit follows)
    assert [c[2:] for c in _claims("At one point the Dax fell 3%.")] == [(3.0, None, None)]


def test_words_that_are_not_moves_stay_unread():
    assert _claims("Two thousand jobs went at the plant, a company spokesman said.") == []
    # thousands after "to" that run on into a noun are not a level
    assert _claims("The FTSE 100 rose as the firm cut costs to two thousand staff.") == []


def test_the_s_and_p_spelt_out():
    assert _claims("The S and P five hundred dropped two per cent.") == [("S&P 500", "down", 2.0, None, None)]


def test_cardinal_spans_walk_back_from_units_only():
    assert cardinal_spans("up nine points and then twelve per cent") == [
        (3, 7, 9.0, "9"),
        (24, 30, 12.0, "12"),
    ]
    assert cardinal_spans("nine hundred reasons, none of them points") == []


@pytest.mark.parametrize(
    "junk", ["and two points ", "one point ", "a hundred points ", "twenty-five thousand, "]
)
def test_word_numbers_stay_linear_on_a_megabyte(junk):
    text = junk * (1_000_000 // len(junk))
    t0 = time.perf_counter()
    read_article(text, published=PUB)
    assert time.perf_counter() - t0 < 3.0  # (about 0.4 s here; the bound only catches a blow-up)


# --- from the code review of the first version ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("fell one hundred and twelve point two points", 112.2),  # not "twelve point two"
        ("added twelve hundred and fifty points", 1250.0),  # not "fifty"
        ("shed one thousand and five point five points", 1005.5),
        ("lost three point\nfive per cent", 3.5),  # a line break inside the number
        ("lost three point  five per cent", 3.5),
        ("lost three point\u00a0five per cent", 3.5),
        ("rose twenty\u2011five per cent", 25.0),  # a non-breaking hyphen
        ("rose twenty-\nfive per cent", 25.0),
        ("slipped point four per cent", 0.4),  # not 4
        ("slipped oh point five per cent", 0.5),
    ],
)
def test_a_run_of_number_words_is_read_whole(text, value):
    spans = cardinal_spans(text)
    assert len(spans) == 1 and spans[0][2] == value


def test_a_run_that_is_no_one_number_gives_its_last_number():
    assert [s[2] for s in cardinal_spans("the top ten, two per cent")] == [2.0]


@pytest.mark.parametrize(
    "history",
    [
        "Back in nineteen eighty-seven, the Dow lost five hundred and eight points in a day.",
        "In two thousand and eight, the Dow shed seven hundred and seventy-seven points.",
        "In March twenty twenty, the Dow gave up three thousand points in a session.",
    ],
)
def test_a_year_in_words_is_history_as_a_year_in_digits_is(history):
    text = f"New York, 8 March 2022. The Dow slipped 0.6% on Tuesday. {history}"
    claims = read_article(text).claims
    assert [(c.pct, c.points) for c in claims] == [(0.6, None)]


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("The FTSE two-fifty fell forty points.", "FTSE 250"),
        ("The FTSE two hundred and fifty fell forty points.", "FTSE 250"),
        ("The FTSE one hundred rose ten points.", "FTSE 100"),
        ("The Nasdaq one hundred fell two per cent.", "Nasdaq-100"),
    ],
)
def test_index_names_spelt_out(text, index):
    assert [c.index for c in read_article(text, published=PUB).claims] == [index]
