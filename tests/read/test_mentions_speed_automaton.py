"""The shortcuts of find_mentions give what the plain searches they replace give (own sentences).

- the candidate words come from one Aho-Corasick pass over the spaced text; with candidates
  from a plain tokenisation of the whole text (every word whose key can start a mention) the
  mentions are the same, and so they are without the automaton (``bytes.find`` per run);
- a name's "inner" flag (precomputed) is the test it replaces: a later word of the name is
  the first word of a name;
- a capitalised first word takes the longest name (of the tests on capitals, only those of
  "us" can reject it); a word in lower case goes through the tests.
"""

from __future__ import annotations

import random

import pytest

from eventstudy.read import mentions
from eventstudy.read.mentions import TOKEN_RE, find_mentions

WORDS = [
    "the",
    "The",
    "THE",
    "index",
    "Index",
    "benchmark",
    "gauge",
    "FTSE",
    "100",
    "250",
    "Footsie",
    "London's",
    "london",
    "in",
    "Paris",
    "Tokyo",
    "stocks",
    "shares",
    "it",
    "It",
    "still",
    "fell",
    "rose",
    "Dow",
    "dow",
    "Jones",
    "S&P",
    "500",
    "US",
    "Us",
    "us",
    "U.S",
    "UK",
    "New",
    "new",
    "York",
    "Wall",
    "Street's",
    "Hong",
    "Kong",
    "Hang",
    "Seng",
    "South",
    "Korea's",
    "Germany",
    "and",
    "France",
    "der",
    "Leitindex",
    "Dax",
    "Nikkei",
    "share",
    "average",
    "Japan's",
    "blue-chip",
    "constituents",
    "250-listed",
    "all",
    "All",
    "Share",
    "former",
    "latter",
    "Foo",
    "Bar",
    "Nasdaq-100",
    "l’indice",
    "the's",
    "é",
    "İ",
    "ΣΤΟ",
    "fear",
    "-",
    "30-stock",
]
SEPARATORS = [" ", "  ", "", ", ", "-", "'", "’", "&", ". ", "\n", "(", "—", "/", "."]


def _soups(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(WORDS) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 50)))
        for _ in range(n)
    ]


def _flat(text: str) -> list[tuple]:
    return [(m.start, m.end, m.text, m.kind, m.target, m.weak) for m in find_mentions(text)]


def _plain_candidates(low: str) -> list[int]:
    """Every word of ``low`` whose key can start a mention: one regex match per word."""
    return [m.start() for m in TOKEN_RE.finditer(low) if mentions._key(m.group(0)) in mentions._STARTERS]


def test_automaton_candidates_give_the_mentions_of_a_plain_tokenisation(monkeypatch):
    texts = _soups(11, 400)
    fast = [_flat(t) for t in texts]
    monkeypatch.setattr(mentions, "_candidates", _plain_candidates)
    assert [_flat(t) for t in texts] == fast
    assert any(fast)  # the soups hold mentions


def test_automaton_candidates_cover_the_starters():
    # every word that can start a mention is a candidate, but a _VIA_NEXT word ("the")
    # that no word of the trie follows (it can start nothing)
    for low in (t.lower() for t in _soups(12, 300)):
        if len(low) != len(low.upper().lower()):
            continue
        found = mentions._candidates(low)
        assert found == sorted(set(found))
        missing = set(_plain_candidates(low)) - set(found)
        for p in missing:
            word = TOKEN_RE.match(low, p).group(0)
            nxt = TOKEN_RE.search(low, p + len(word))
            assert mentions._key(word) in mentions._VIA_NEXT
            assert nxt is None or mentions._key(nxt.group(0)) not in mentions._TRIE[mentions._key(word)]


def test_without_the_automaton_the_mentions_are_the_same(monkeypatch):
    texts = _soups(13, 300)
    fast = [_flat(t) for t in texts]
    monkeypatch.setattr(mentions, "_RUN_AUTOMATON", None)
    assert [_flat(t) for t in texts] == fast


@pytest.mark.parametrize("short", [0, 10**9])
def test_both_candidate_searches_agree(short, monkeypatch):
    monkeypatch.setattr(mentions, "_SHORT", short)
    for low in (t.lower() for t in _soups(14, 200)):
        assert mentions._candidates(low) == mentions._candidates_short(low)


def test_pattern_numbers_split_the_runs():
    runs = mentions._AUTOMATON_RUNS
    assert set(runs) == mentions._FIRST_RUNS | mentions._AFTER_RUNS
    assert all(r in mentions._FIRST_RUNS for r in runs[: mentions._N_FIRST])
    assert not any(r in mentions._FIRST_RUNS for r in runs[mentions._N_FIRST :])
    assert all(r in mentions._AFTER_RUNS for r in runs[mentions._N_FIRST_ONLY :])
    assert not any(r in mentions._AFTER_RUNS for r in runs[: mentions._N_FIRST_ONLY])


def test_inner_flag_is_a_later_word_that_starts_a_name():
    def walk(node: dict, path: tuple[str, ...]):
        for k, v in node.items():
            if k == "\0":
                yield path, v
            else:
                yield from walk(v, (*path, k))

    terms = list(walk(mentions._TRIE, ()))
    assert len(terms) > 100
    for path, (_kind, _target, inner) in terms:
        assert inner == (not mentions._ROOTS.isdisjoint(path[1:])), path
    assert any(inner for _, (_, _, inner) in terms)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US stocks rose", [("US", "place")]),
        ("Us stocks rose", []),
        ("U.S stocks rose", []),
        ("us stocks rose", []),
        ("The UK market fell", [("UK", "place")]),
        ("the uk market fell", []),
        ("Dow rose, dow fell", [("Dow", "name")]),
        ("Tokyo stocks and tokyo stocks", [("Tokyo", "place")]),
        ("Russell rose; russell fell; The Russell 2000", [("Russell", "name"), ("Russell 2000", "name")]),
    ],
)
def test_capitals_choose_the_name(text, expected):
    assert [(m.text, m.kind) for m in find_mentions(text)] == expected
