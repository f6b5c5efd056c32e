"""The first-character guard changes the speed of a pattern, never its matches."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventstudy.read import dates, lexicon, numbers, sentences
from eventstudy.read.fastre import first_char_guard

_PATTERNS = [
    (r"\b(?:rose|fell|up|down)\b", 0),
    (r"(?P<up>\b(?:rose|gain)\b)|(?P<down>\b(?:fell|lost)\b)", 0),
    (r"(?<![\w.,])\d(?:[\d,.]*\d)?", 0),
    (r"(?:^|\W)(nearly|about)\s+$", re.IGNORECASE),
    (r"\bsince\b|;|\s[–—]\s", 0),
    (r"(?:\bto|\bat)\s(?:(?:just\s)?(?:above|below)\s)?(?:a\s)?$", 0),
    (r"(?<!since\s)\b(?:in|by)\s((?:19|20)\d\d)\b", 0),
    (r"\b(?:monday|σήμερα|χθες|stuck)\b", re.IGNORECASE),  # case folding: ς/σ, ſ/s, K/k
    (r"[.!?][\"”’)\]]?\s+|\n+|\s(?:\.\.\.|…)\s|\u2022", 0),
    (r"x{2,}y|z", 0),
]

_ALPHABET = list('rosefllupdwngaitmyσςΣχθεſKkSs0123456789.,;%–— \n"…•') + [
    "rose",
    "fell",
    "since ",
    "nearly ",
    "about ",
    " to ",
    "at ",
    "just above ",
    "in 2008",
    "by 1999",
    "monday",
    "MONDAY",
    "σήμερα",
    "ΧΘΕΣ",
    "χθεσ",
    "ſtuck",
    "xxy",
]


@pytest.mark.parametrize("pattern,flags", _PATTERNS, ids=[p for p, _ in _PATTERNS])
@settings(max_examples=150, deadline=None)
@given(parts=st.lists(st.sampled_from(_ALPHABET), max_size=40))
def test_guarded_pattern_finds_the_same_matches(pattern, flags, parts):
    text = "".join(parts)
    rx = re.compile(pattern, flags)
    g = first_char_guard(rx)
    assert [(m.span(), m.groups(), m.lastgroup) for m in g.finditer(text)] == [
        (m.span(), m.groups(), m.lastgroup) for m in rx.finditer(text)
    ]
    for pos in range(0, len(text) + 1, 3):
        a, b = rx.search(text, pos), g.search(text, pos)
        assert (a.span() if a else None) == (b.span() if b else None)


def test_guard_is_a_lookahead_of_first_characters():
    g = first_char_guard(re.compile(r"\b(?:rose|fell)\b"))
    assert g.pattern == r"(?=[fr])(?:\b(?:rose|fell)\b)"
    assert g.groupindex == {}


@pytest.mark.parametrize(
    "pattern",
    [r"a?", r"(?:x|)", r"(a)?\1c", r".b", r"[^a]b", r"\w*"],
    ids=["optional", "empty-branch", "backref", "any", "negated-class", "nullable-class"],
)
def test_patterns_without_a_known_first_character_are_left_alone(pattern):
    rx = re.compile(pattern)
    assert first_char_guard(rx) is rx


def _guarded_in_package():
    out = []
    for mod in (lexicon, dates, numbers, sentences):
        for name, value in vars(mod).items():
            if isinstance(value, re.Pattern) and value.pattern.startswith("(?=["):
                out.append(pytest.param(value, id=f"{mod.__name__.rsplit('.', 1)[1]}.{name}"))
    return out


def _unguarded(g: re.Pattern) -> re.Pattern:
    inner = re.match(r"\(\?=\[(?:\\.|[^\]\\])*\]\)\(\?:(.*)\)\Z", g.pattern, re.S)
    assert inner is not None, g.pattern
    return re.compile(inner.group(1), g.flags)


def test_the_reader_guards_its_big_word_lists():
    names = {p.id for p in _guarded_in_package()}
    for expected in ("lexicon.DIRECTION", "lexicon.PERIODS", "lexicon.INTRADAY", "dates._DAY_CUE"):
        assert expected in names


@pytest.mark.parametrize("g", _guarded_in_package())
def test_package_patterns_match_as_before_on_the_devset(g, devset_path):
    rx = _unguarded(g)
    with open(devset_path, encoding="utf-8") as f:
        texts = [json.loads(line)["passage"] for line in f if line.strip()]
    for text in texts + [t.lower() for t in texts]:
        assert [(m.span(), m.lastgroup) for m in g.finditer(text)] == [
            (m.span(), m.lastgroup) for m in rx.finditer(text)
        ]
