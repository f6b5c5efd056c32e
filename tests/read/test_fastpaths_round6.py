"""Shortcuts of the sixth speed round give the same answers as the plain patterns they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from eventstudy.read.fastre import first_digit

_DIGIT = re.compile(r"\d")
_TEXT = st.text(alphabet=st.sampled_from(list("ab 09.,5\n") + ["٣", "７", "é", "x"]), max_size=60)


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, pos=st.integers(min_value=0, max_value=70))
def test_first_digit_equals_the_digit_pattern(text, pos):
    m = _DIGIT.search(text, pos)
    assert first_digit(text, pos) == (-1 if m is None else m.start())


def test_first_digit_in_ascii_and_wider_text():
    assert first_digit("rose 4.2% and 1.1%", 8) == 14
    assert first_digit("no figure here") == -1
    assert first_digit("fell \uff17 per cent") == 5  # a full-width digit is a digit for \d


_WORDY = st.lists(
    st.sampled_from(
        ["two", "half", "a", "one", " ", "per", "cent", "PER", "Cent", "percent", "prozent", "\n", "x"]
    ),
    max_size=14,
)


@settings(max_examples=400, deadline=None)
@given(parts=_WORDY)
def test_number_word_implies_a_percent_word(parts):
    from eventstudy.read.extract import _PERCENT_WORD
    from eventstudy.read.numbers import WORD_NUMBER_RE

    text = " ".join(parts)
    if WORD_NUMBER_RE.search(text) is not None:
        assert _PERCENT_WORD.search(text) is not None


def test_percent_word_test_keeps_number_words():
    from eventstudy.read import read_article

    art = read_article("The FTSE 100 fell half a per cent on Tuesday.", published="2022-03-04")
    assert [c.pct for c in art.claims] == [0.5]


_TIME_PARTS = st.lists(
    st.sampled_from(
        [
            "by",
            "at",
            "the",
            "in",
            "early",
            "trading",
            "deals",
            "open",
            "opening",
            "bell",
            "lunch",
            "midday",
            "noon",
        ]
        + ["break", "morning", "as", "of", "10:30", "9", "am", "gmt", "after", "x", "mid-morning", "trade"]
    ),
    max_size=10,
)


@settings(max_examples=400, deadline=None)
@given(parts=_TIME_PARTS)
def test_time_of_day_needs_a_digit_or_a_listed_word(parts):
    from eventstudy.read import lexicon as L
    from eventstudy.read.extract import _TIME_OF_DAY_WORDS, _has_any

    text = " ".join(parts)
    if L.TIME_OF_DAY.search(text) is not None:
        assert _has_any(text, _TIME_OF_DAY_WORDS) or any(c.isdigit() for c in text)


_WORD_BITS_ALPHABET = ["stock", "day", "market", ".", "!", " ", "FTSE", "dow", "trading", "session", "close"]
_WORD_BITS_ALPHABET += ["am ", "gmt", "est", "Jan", "mar", "end of", "s eve", "\n", "x", "week", "holiday"]


@settings(max_examples=500, deadline=None)
@given(
    parts=st.lists(st.sampled_from(_WORD_BITS_ALPHABET), max_size=30),
    cuts=st.lists(st.integers(0, 200), max_size=8),
)
def test_word_bits_of_one_pass_equal_the_sentence_tests(parts, cuts):
    from eventstudy.read.extract import _sentence_bits, _word_bits
    from eventstudy.read.sentences import split_sentences

    text = "".join(parts)
    low = text.lower()
    for spans in (split_sentences(text), _spans_from_cuts(cuts, len(text))):
        bits = _word_bits(low, spans)
        assert bits is not None
        assert bits == [_sentence_bits(low[s:e]) for s, e in spans]


def _spans_from_cuts(cuts: list[int], n: int) -> list[tuple[int, int]]:
    """Ordered spans without overlaps (gaps between them, some empty) from cut points."""
    points = sorted(min(c, n) for c in cuts)
    return [(points[i], points[i + 1]) for i in range(0, len(points) - 1, 2)]
