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


# ---------------------------------------------------------------- hand-written shortcuts
# dates._cue_matches and numbers.hedge_before skip their patterns with word lists, prefix
# scans and backwards-written copies; these tests tie them to the plain patterns they stand
# for, so that a phrase added to one and not the other fails here.
_CUE_VOCAB = (
    "today tonight this morning afternoon evening so far earlier heute aujourd'hui σήμερα "
    "yesterday gestern hier χθες last night overnight week after the bank holiday long weekend "
    "break monday tuesday wednesday thursday friday saturday sunday montag freitag lundi jeudi "
    "Jan. Feb March April May June Sept Oct 5 12 3rd 21st 2022 1.4% in during on previous prior "
    "preceding session trading day at by end close of 2021 since from record high Good Easter "
    "FTSE rose fell İ ſ ΣΑΣ a day earlier before Christmas Eve New Year's Years’ ahead weekend"
).split()
_HEDGE_VOCAB = (
    "just under over below above shy of more less than as much little close to nearly almost "
    "about around roughly approximately some up at least upwards in excess mehr als knapp rund "
    "fast etwa über plus de près environ by the index rose NEARLY Almost - + − –"
).split()


def _soups(vocab: list[str], seed: int, n: int):
    import random

    rng = random.Random(seed)
    seps = [" ", " ", "  ", ", ", ". ", "\n", "'s ", "-"]
    for _ in range(n):
        yield "".join(rng.choice(vocab) + rng.choice(seps) for _ in range(rng.randint(0, 12)))


def test_day_phrase_search_equals_the_plain_patterns():
    hits = 0
    for text in _soups(_CUE_VOCAB, 21, 20_000):
        plain = list(dates._DAY_CUE.finditer(text))
        if any(k in text.lower() for k in dates._RARE_KEYS):
            plain += list(dates._DAY_CUE_RARE.finditer(text))
            plain.sort(key=re.Match.start)
        fast = dates._cue_matches(text)
        assert [(m.re.pattern, m.span()) for m in fast] == [(m.re.pattern, m.span()) for m in plain], text
        hits += len(plain)
    assert hits > 5_000


def test_hedge_before_equals_the_forward_pattern():
    hits = 0
    for text in _soups(_HEDGE_VOCAB, 22, 30_000):
        m = numbers._HEDGE.search(text[-30:])
        expected = re.sub(r"\s+", " ", m.group(1).lower()) if m else None
        assert numbers.hedge_before(text) == expected, text
        hits += expected is not None
    assert hits > 3_000


def test_year_search_equals_the_plain_pattern():
    for text in _soups(["1999", "2022", "19", "20", "120", "2019x", "a2020", "x", "12022"], 23, 5_000):
        plain = [m.span() for m in dates._YEAR.finditer(text)]
        fast = sorted(
            [m.span() for m in dates._YEAR_19.finditer(text)]
            + [m.span() for m in dates._YEAR_20.finditer(text)]
        )
        assert fast == plain, text


def test_live_test_equals_the_plain_pattern():
    from eventstudy.read import lexicon
    from eventstudy.read.reader import _is_live

    vocab = "this morning afternoon so far today currently live updates as it happened in early trading at the open x".split()
    hits = 0
    for text in _soups(vocab, 24, 10_000):
        low = text.lower()
        expected = lexicon.LIVE.search(low) is not None
        assert _is_live(low) == expected, text
        hits += expected
    assert hits > 1_000


def test_full_stop_split_equals_the_general_split():
    from eventstudy.read import sentences as S

    vocab = "The FTSE rose 1.2% . Jan. U.S. St. Mr. a. B. e.g. 7,100.5 .... 4 said x  Inc. ... word".split()
    vocab += ["a" * 700, "Dot.", "end.\u00a0", "(Reuters).", '"quote."', "it)."]
    tried = 0
    for text in _soups(vocab, 25, 8_000):
        fast = S._split_dots(text)
        if fast is None:
            continue
        slow = []
        for s, e in S._split(text):
            slow.extend([(s, e)] if e - s <= S.MAX_SENTENCE else S._cut(text, s, e))
        assert fast == slow, text
        tried += 1
    assert tried > 3_000
