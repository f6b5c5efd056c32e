"""The prefix guard changes the speed of a pattern, never its matches (random texts built from
the patterns' own words, with ``pos`` and ``endpos`` as the reader passes them); the day and
market word tests answer as the plain substring tests do."""

from __future__ import annotations

import random
import re
from re import _parser as _p  # type: ignore[attr-defined]

import pytest
from pattern_samples import sample as _sample

from eventstudy.read import extract, lexicon
from eventstudy.read.fastre import first_char_guard, literal_prefixes, prefix_guard

_PATTERNS = [
    (r"\b(?:rose|fell|up|down)\b", 0),
    (r"(?P<up>\b(?:rose|gain)\b)|(?P<down>\b(?:fell|lost)\b)", 0),
    (r"\b(?:two|\d{1,2})-(?:day|week)\b|\bover\s\d{1,2}\sdays\b", 0),
    (r"x{2,}y|z|q{5,}r|(?:ab){0,5}c", 0),
    (r"\Bing\b|\bin\s|;|\s[–—]\s", 0),
    (r"(?<!since\s)\b(?:in|by)\s((?:19|20)\d\d)\b", 0),
    (r"\b(?:monday|σήμερα|χθες|stuck|kelvin)\b", re.IGNORECASE),  # case folding: ς/σ, ſ/s, K/k
    (r"(?:rates?|yield|on\saverage|defin(?:ed|es)\sas)\b[^.%]{0,25}$", 0),
    (r"\bon\saverage\b", re.IGNORECASE),
    (r"(?i:ab)c|abd", 0),
    (r"(?:(?:the|a)\s)?(?:big\s)?(?:rise|fall)\b", 0),
    (r"(?:\w+\s){0,2}?ended|\bend(?:ed|s)?\b", 0),
]

_SEPARATORS = ["", " ", "  ", "\n", ",", ", ", ". ", "-", "–", " – ", ";", "%", "'", "\u00a0", "_"]


def _tokens(pattern: str) -> list[str]:
    words = re.findall(r"[^\W\d_]+", re.sub(r"\\[a-zA-Z]", " ", pattern))
    extra = ["12", "2008", "3", "xxy", "ſtuck", "KELVIN", "Kelvin", "MONDAY", "ΧΘΕΣ", "ab", "aB"]
    return sorted(set(words)) + extra


def _texts(tokens: list[str], seed: int, n: int, pattern: str | None = None):
    rng = random.Random(seed)
    parsed = _p.parse(pattern).data if pattern is not None else None
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 14)):
            word = rng.choice(tokens)
            if parsed is not None and rng.random() < 0.3:
                word = _sample(parsed, rng) or word  # a phrase the pattern may match
            r = rng.random()
            if r < 0.1:
                word = word[: rng.randint(1, len(word))]  # a cut word
            elif r < 0.15:
                word = word.upper()
            parts.append(word)
            parts.append(rng.choice(_SEPARATORS) if rng.random() < 0.4 else " ")
        yield "".join(parts)


def _same(rx: re.Pattern, g: re.Pattern, text: str, rng: random.Random) -> int:
    """Assert that ``g`` finds what ``rx`` finds in ``text``; the number of matches."""
    found = [(m.span(), m.groups(), m.lastgroup) for m in rx.finditer(text)]
    assert [(m.span(), m.groups(), m.lastgroup) for m in g.finditer(text)] == found, (rx.pattern, text)
    for _ in range(3):
        pos = rng.randint(0, len(text))
        end = rng.randint(pos, len(text))
        a, b = rx.search(text, pos, end), g.search(text, pos, end)
        assert (a.span() if a else None) == (b.span() if b else None), (rx.pattern, text, pos, end)
        a, b = rx.match(text, pos), g.match(text, pos)
        assert (a.span() if a else None) == (b.span() if b else None), (rx.pattern, text, pos)
    return len(found)


@pytest.mark.parametrize("pattern,flags", _PATTERNS, ids=[p for p, _ in _PATTERNS])
@pytest.mark.parametrize("k", [1, 2, 3, 6])
def test_prefix_guard_finds_the_same_matches(pattern, flags, k):
    rx = re.compile(pattern, flags)
    g = prefix_guard(rx, k)
    rng = random.Random(k)
    hits = sum(_same(rx, g, text, rng) for text in _texts(_tokens(pattern), k, 3_000, pattern))
    assert hits > 300  # the texts do exercise the pattern


def _inner(g: re.Pattern) -> re.Pattern:
    """The pattern a guard was put on: ``(?=[...])(?:(?=...)(?:P))`` or ``(?=[...])(?:P)``."""
    p = g.pattern
    while p.startswith("(?="):
        i, depth, cls = 3, 1, False
        while depth:  # to the end of the lookahead
            c = p[i]
            if c == "\\":
                i += 1
            elif cls:
                cls = c != "]"
            elif c == "[":
                cls = True
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            i += 1
        assert p[i : i + 3] == "(?:" and p.endswith(")"), g.pattern
        p = p[i + 3 : -1]
    return re.compile(p, g.flags)


def _guarded(mod, names) -> list:
    return [pytest.param(getattr(mod, n), id=f"{mod.__name__.rsplit('.', 1)[1]}.{n}") for n in names]


_PACKAGE = _guarded(
    lexicon,
    ["DIRECTION", "NEUTRALISE", "PERIODS", "INTRADAY", "CLOSE", "CLOSE_STRONG", "CLOSE_WEEK"]
    + ["EXTREME", "PRESENT", "STOPPER", "PCT_EXCLUDE_BEFORE", "LEVEL_CUE", "REF_LEVEL_BEFORE", "HISTORY"],
) + _guarded(
    extract,
    ["_ON_AVERAGE", "_NEXT_CLAUSE", "_SAME_SUBJECT", "_CLAUSE_VERB", "_SECOND_VERB", "_COMPANY_SUBJECT"]
    + ["_HAVING_BEFORE", "_SETS_LEVEL", "_PLURAL_PRONOUN", "_CURRENCY_BEFORE", "_WORD_NUMBER_RE"],
)


@pytest.mark.parametrize("g", _PACKAGE)
def test_package_patterns_match_as_before(g):
    rx = _inner(g)
    assert rx.pattern != g.pattern or literal_prefixes(rx) is None
    rng = random.Random(7)
    hits = 0
    for text in _texts(_tokens(rx.pattern), 11, 1_500, rx.pattern):
        hits += _same(rx, g, text, rng) + _same(rx, g, text.lower(), rng)
    assert hits > 20, hits  # the texts do exercise the pattern


def test_the_cue_patterns_get_a_prefix_guard():
    for g in (lexicon.PERIODS, lexicon.DIRECTION, lexicon.INTRADAY, lexicon.CLOSE):
        assert g.pattern.count("(?=") >= 2


def test_prefixes_are_those_every_match_begins_with():
    assert literal_prefixes(re.compile(r"\b(?:rose|fell)\b"), 3) == [
        ("\\b", "f", "e", "l"),
        ("\\b", "r", "o", "s"),
    ]
    assert literal_prefixes(re.compile(r"\d{1,2}-day"), 2) == [("[\\d]", "[\\d]"), ("[\\d]", "\\-")]


@pytest.mark.parametrize(
    "pattern",
    [r"a?", r"(?:x|)", r"(a)?\1c", r".b", r"[^a]b", r"\w*", r"\b"],
    ids=["optional", "empty-branch", "backref", "any", "negated-class", "nullable-class", "zero-width"],
)
def test_patterns_without_known_prefixes_get_at_most_the_first_character_guard(pattern):
    rx = re.compile(pattern)
    assert literal_prefixes(rx) is None
    assert prefix_guard(rx).pattern == first_char_guard(rx).pattern


@pytest.mark.parametrize("key", sorted(extract._NEEDS), ids=lambda k: k[:30])
def test_every_match_of_a_cue_pattern_holds_one_of_its_needed_words(key):
    # _Cues skips a pattern in a sentence holding none of these words: they must be in every
    # match, also after a pattern in lexicon.py gains an alternative
    rx = re.compile(key)
    needs = extract._NEEDS[key]
    n = 0
    for text in _texts(_tokens(key), 11, 4_000, key):
        for m in rx.finditer(text):
            assert any(w in m.group(0) for w in needs), (key[:40], m.group(0))
            n += 1
    assert n > 100  # the texts do exercise the pattern
