"""The anchor index of a sentence (extract._Cues) changes the speed of the cue scans, never
their answers: on random texts built from each pattern's own words, the matches found from
the anchors are those of ``finditer``, and a window said to hold no match holds none."""

from __future__ import annotations

import random
import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]

import pytest
from pattern_samples import sample

from eventstudy.read import extract

#: \d and \s as in sentences of printable ASCII; any other category as a word
_ASCII_CATEGORIES = {_c.CATEGORY_DIGIT: "0179", _c.CATEGORY_SPACE: "  "}


def _sample(items, rng: random.Random) -> str:
    """A random ASCII-ish string that the parsed pattern ``items`` may match."""
    return sample(items, rng, categories=_ASCII_CATEGORIES, other="ab1_", range_cap=40)


_SEPARATORS = ["", " ", "  ", ",", ", ", ". ", "-", ";", "%", "'", ":", "(", "_"]
#: A few texts get a character outside printable ASCII: those are scanned as before.
_ODD = ["\n", "\u00a0", "–", "é", "Σ", "\t"]


def _texts(rx: re.Pattern, seed: int, n: int):
    """Random sentences of the pattern's words, its sample phrases, cut words and numbers."""
    rng = random.Random(seed)
    parsed = _p.parse(rx.pattern, rx.flags).data
    words = sorted(set(re.findall(r"[^\W\d_]+", re.sub(r"\\[a-zA-Z]", " ", rx.pattern))))
    words += ["12", "2008", "3.5", "xxxxx", "The", "And", "Shares"]
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 16)):
            word = _sample(parsed, rng) if rng.random() < 0.3 else rng.choice(words)
            if rng.random() < 0.1:
                word = word[: rng.randint(1, max(1, len(word)))]  # a cut word
            parts.append(word)
            parts.append(rng.choice(_SEPARATORS) if rng.random() < 0.4 else " ")
        if rng.random() < 0.05:
            parts.insert(rng.randint(0, len(parts)), rng.choice(_ODD))
        yield "".join(parts)


@pytest.mark.parametrize("rx", extract._INDEXED, ids=lambda rx: rx.pattern[:40])
def test_anchor_index_finds_what_a_scan_finds(rx):
    assert rx.pattern in extract._ANCHORED  # every listed pattern has anchors
    rng = random.Random(7)
    matched = indexed = proven = 0
    for text in _texts(rx, 11, 2_500):
        cues = extract._Cues(text)
        found = [(m.start(), m.end(), m.lastgroup) for m in rx.finditer(text)]
        assert cues.matches(rx) == found, (rx.pattern[:60], text)
        matched += len(found)
        indexed += cues._index() is not None
        for _ in range(4):
            lo = rng.randint(0, len(text))
            hi = rng.randint(lo, len(text) + 20)
            if cues.absent(rx, lo, hi):
                proven += 1
                assert rx.search(text[lo:hi]) is None, (rx.pattern[:60], text, lo, hi)
                assert rx.search(text, lo, hi) is None, (rx.pattern[:60], text, lo, hi)
    # the texts do exercise the pattern, the index and the proofs of absence
    assert matched > 50 and indexed > 500 and proven > 500


def test_texts_beyond_printable_ascii_are_scanned_as_before():
    for text in [
        "the index rose 2%\nin early trading",
        "le cac a fini en hausse – 2 %",
        "down 3%\tfor the week",
    ]:
        cues = extract._Cues(text)
        assert cues._index() is None
        assert not cues.absent(extract.L.DIRECTION, 0, len(text))
        assert cues.matches(extract.L.DIRECTION) == extract._scan(extract.L.DIRECTION, text)


def test_anchors_of_a_small_pattern():
    # \s is a space in printable ASCII; a class of a few characters gives one anchor each;
    # a Greek word cannot begin in such text
    rx = re.compile(r"\b(?:rose|fell)\s[ab]|\bσήμερα|;\d")
    # a run of classes stops before it gives too many anchors (here at two digits)
    assert set(extract._anchors(re.compile(r"\d\d\d\d-x"))) == {f"{i:02d}" for i in range(100)}
    assert set(extract._anchors(rx)) == {"rose", "fell"} | {f";{d}" for d in "0123456789"}


@pytest.mark.parametrize(
    "pattern,flags",
    [(r"\bon\saverage\b", re.IGNORECASE), (r"[\w-]+\sshares", 0), (r".b", 0)],
    ids=["ignorecase", "broad-first-class", "any-first"],
)
def test_patterns_without_anchors(pattern, flags):
    assert extract._anchors(re.compile(pattern, flags)) is None


def _ascii_texts(rx: re.Pattern, seed: int, n: int):
    """Printable ASCII texts for ``rx``, some words capitalised or in capitals."""
    rng = random.Random(seed)
    for text in _texts(rx, seed, n):
        if not (text.isascii() and text.isprintable()):
            continue
        words = text.split(" ")
        for i in range(len(words)):
            r = rng.random()
            if r < 0.15:
                words[i] = words[i].capitalize()
            elif r < 0.2:
                words[i] = words[i].upper()
        yield " ".join(words)


def test_no_direction_word_after_a_number_means_no_post_direction():
    # _direction skips POST_DIRECTION when the 30 characters after a number hold no anchor
    # of POST_DIRECTION_WORDS (the pattern's own direction words)
    rx, words = extract.L.POST_DIRECTION, extract.L.POST_DIRECTION_WORDS
    rng = random.Random(3)
    matched = proven = 0
    for text in _texts(rx, 5, 3_000):
        low = text.lower()
        cues = extract._Cues(low)
        for lo in {0, *(rng.randint(0, len(low)) for _ in range(3))}:
            m = rx.match(low[lo : lo + 30])
            matched += m is not None
            if cues.absent(words, lo, lo + 30):
                proven += 1
                assert m is None, (low, lo)
    assert matched > 300 and proven > 1_000


def test_company_subject_is_proven_absent_from_the_lowered_sentence():
    # _sentence_moves searches _COMPANY_SUBJECT in the masked sentence (with its capitals)
    # after testing the anchors of its lower-case copy: the anchors are lower-case words and
    # spaces, which lowering leaves in place
    rx = extract._COMPANY_SUBJECT
    rng = random.Random(4)
    matched = proven = 0
    for text in _ascii_texts(rx, 6, 6_000):
        cues = extract._Cues(text.lower())
        for _ in range(4):
            lo = rng.randint(0, len(text))
            hi = rng.choice([len(text), rng.randint(lo, len(text))])
            m = rx.search(text[lo:hi])
            matched += m is not None
            if cues.absent(rx, lo, hi):
                proven += 1
                assert m is None, (text, lo, hi)
    assert matched > 100 and proven > 1_000


def test_no_lower_case_number_word_means_no_case_blind_one():
    # _classify_numbers skips WORD_NUMBER_RE (which ignores case) when the anchors of the
    # lowered sentence rule out its lower-case copy _WORD_NUMBER_LOW
    rx, low_rx = extract._WORD_NUMBER_RE, extract._WORD_NUMBER_LOW
    rng = random.Random(8)
    words = [w for w in extract.WORD_NUMBERS if w.isascii()] + ["ünf", "often", "xten", "12", "3.5"]
    pct = ["per cent", "percent", "per  cent", "prozent", "pour cent", "por ciento", "pc", "points"]
    matched = proven = 0
    for _ in range(6_000):
        parts = [rng.choice(words if rng.random() < 0.6 else pct) for _ in range(rng.randint(0, 8))]
        text = "".join(p + rng.choice([" ", " ", ", ", "-", ""]) for p in parts)
        text = "".join(c.upper() if rng.random() < 0.2 else c for c in text)
        found = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in low_rx.finditer(text.lower())] == found, text
        matched += bool(found)
        if extract._Cues(text.lower()).absent(low_rx, 0, len(text)):
            proven += 1
            assert not found, text
    assert matched > 300 and proven > 1_000


def test_other_assets_are_proven_absent_from_the_lowered_sentence():
    # _sentence_moves skips OTHER_ASSET (case-sensitive, searched in the masked sentence) in a
    # gap where the lowered sentence holds no anchor of OTHER_ASSET_WORDS: every match of it,
    # lowered, holds one of those words
    rx, words = extract.L.OTHER_ASSET, extract.L.OTHER_ASSET_WORDS
    rng = random.Random(9)
    matched = proven = 0
    for text in _ascii_texts(rx, 10, 4_000):
        for m in rx.finditer(text):
            assert words.search(m.group(0).lower()), m.group(0)
            matched += 1
        cues = extract._Cues(text.lower())
        for _ in range(4):
            lo = rng.randint(0, len(text))
            hi = rng.randint(lo, len(text))
            if cues.absent(words, lo, hi):
                proven += 1
                assert rx.search(text[lo:hi]) is None, (text, lo, hi)
    assert matched > 1_000 and proven > 1_000
