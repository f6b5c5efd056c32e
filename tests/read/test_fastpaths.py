"""Fast paths of the reader give the same answers as the plain scans they replace."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventstudy.read import dates, numbers
from eventstudy.read.sentences import _BOUNDARY, _boundaries, split_sentences

_BOUNDARY_ALPHABET = list('ab .!?\n\t\x1c•…-|▪"”’)]A') + ["...", " -- ", " • ", "U.S. ", "Jan. 4"]


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(st.sampled_from(_BOUNDARY_ALPHABET), max_size=40))
def test_candidate_boundaries_equal_a_full_scan(parts):
    text = "".join(parts)
    assert _boundaries(text) == [m.span() for m in _BOUNDARY.finditer(text)]


def test_boundaries_after_a_space_and_a_newline_run():
    text = "Shares rose . Then … more -- and\n\n- a list • item ▪ end"
    assert _boundaries(text) == [m.span() for m in _BOUNDARY.finditer(text)]
    assert len(split_sentences(text)) >= 4


def test_day_phrases_found_once_date_the_claims_as_before():
    from eventstudy.read import read_article

    art = read_article(
        "The Nikkei 225 fell 1.2% on Tuesday. On Wednesday the FTSE 100 rose 0.4% to 7,400.1.",
        published="2022-03-04",
    )
    dates = [str(c.trading_date) for c in art.claims]
    assert dates == ["2022-03-01", "2022-03-02"]


#: Patterns rewritten to begin with what they consume (look-behinds moved after it), with
#: the plain form they replace: the matches must be the same.
_REWRITTEN = [
    (
        "numbers.NUMBER_RE",
        r"(?<![\w.,])(?:(?<!\d[ \u00a0\u202f])\d{1,3}(?:[ \u00a0\u202f]\d{3})+[.,]\d{1,2}(?!\d)"
        r"|\d(?:[\d,.]*\d)?)",
    ),
    ("numbers._DECIMAL_COMMA_TOKEN", r"(?<![\w.,])\d{1,3},\d{1,2}(?![\d,.])"),
    ("numbers._DOT_DECIMAL_TOKEN", r"(?<![\w.,])\d+\.\d{1,2}(?![\d,.])"),
    ("dates._YEAR", r"(?<!\d)(?:19|20)\d\d(?!\d)"),
]
_DIGIT_ALPHABET = list("0123456789,. a_\n\u00a0\u202f١x") + [
    "12 783.77",
    "1 234 567,8",
    "2022",
    "19",
    "20",
    "4,41",
]


def _rewritten(name: str) -> re.Pattern:
    mod, attr = name.split(".")
    return getattr({"numbers": numbers, "dates": dates}[mod], attr)


@pytest.mark.parametrize("name,plain", _REWRITTEN, ids=[n for n, _ in _REWRITTEN])
@settings(max_examples=400, deadline=None)
@given(parts=st.lists(st.sampled_from(_DIGIT_ALPHABET), max_size=30))
def test_rewritten_patterns_match_as_the_plain_ones(name, plain, parts):
    text = "".join(parts)
    rx, ref = _rewritten(name), re.compile(plain)
    assert [m.span() for m in rx.finditer(text)] == [m.span() for m in ref.finditer(text)]


@pytest.mark.parametrize("name,plain", _REWRITTEN, ids=[n for n, _ in _REWRITTEN])
def test_rewritten_patterns_match_as_the_plain_ones_on_the_devset(name, plain, devset_path):
    rx, ref = _rewritten(name), re.compile(plain)
    with open(devset_path, encoding="utf-8") as f:
        texts = [json.loads(line)["passage"] for line in f if line.strip()]
    for text in texts:
        assert [m.span() for m in rx.finditer(text)] == [m.span() for m in ref.finditer(text)]


@pytest.mark.parametrize("name", [n for n, _ in _REWRITTEN])
def test_rewritten_patterns_stay_linear(name):
    import time

    rx = _rewritten(name)
    for text in ("1" * 200_000, "1 " * 100_000, "1,2." * 50_000, "19" * 100_000, "123 456 " * 25_000):
        t0 = time.perf_counter()
        rx.findall(text)
        assert time.perf_counter() - t0 < 2.0
