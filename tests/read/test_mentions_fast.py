"""find_mentions finds starter words without tokenising the whole text (our own sentences).

Each case pins the mentions the word-by-word search gave, on the paths of the fast search:
"the" looked for by the word after it (possessive, punctuation, capitals between), starters
next to non-ASCII letters or inside longer words, texts whose lower-casing changes length
("İ"), words read before a candidate (an unknown "... Index" with long words, places at the
start of the text), long runs sharing their first 8 letters with a starter, and candidates
found among the words read for the one before.
"""

from __future__ import annotations

import random

import pytest

from eventstudy.read import mentions
from eventstudy.read.mentions import _candidates, find_mentions


def _flat(text: str) -> list[tuple]:
    return [
        (m.start, m.end, m.text, m.kind, m.target if isinstance(m.target, str) else m.target.name, m.weak)
        for m in find_mentions(text)
    ]


CASES = [
    (
        "The index rose 0.5% while the benchmark index fell.",
        [(0, 9, "The index", "ref", "index", False), (26, 45, "the benchmark index", "ref", "index", False)],
    ),
    ("the's index rose", [(0, 11, "the's index", "ref", "index", False)]),
    (
        "The (index) rose; the -- benchmark fell and THE   GAUGE was flat.",
        [
            (0, 10, "The (index", "ref", "index", False),
            (18, 34, "the -- benchmark", "ref", "index", False),
            (44, 55, "THE   GAUGE", "ref", "index", False),
        ],
    ),
    ("x.the index rose, but the.index fell", []),
    ("théindex and the índex and the Index", [(27, 36, "the Index", "ref", "index", False)]),
    (
        "In New York stocks rose; new yorkers cheered; New\nYork's Dow fell.",
        [
            (3, 11, "New York", "place", "S&P 500", False),
            (46, 56, "New\nYork's", "place", "S&P 500", True),
            (57, 60, "Dow", "name", "Dow Jones Industrial Average", False),
        ],
    ),
    (
        "Der Leitindex Dax stieg, der Index fiel.",
        [
            (0, 13, "Der Leitindex", "ref", "index", False),
            (14, 17, "Dax", "name", "DAX", False),
            (25, 34, "der Index", "ref", "index", False),
        ],
    ),
    (
        "İstanbul traders watched the FTSE 100 and the Dax.",
        [(29, 37, "FTSE 100", "name", "FTSE 100", False), (46, 49, "Dax", "name", "DAX", False)],
    ),
    ("The FTSE 100 in London rose; İ is dotted.", [(4, 12, "FTSE 100", "name", "FTSE 100", False)]),
    (
        "Footsie-listed firms and FTSE 250-listed Wizz Air rose, as did the FTSE 100 constituents.",
        [
            (25, 40, "FTSE 250-listed", "skip", "FTSE 100", False),
            (67, 88, "FTSE 100 constituents", "skip", "FTSE 100", False),
        ],
    ),
    (
        "The Nikkei share average and Japan's Nikkei share average rose.",
        [
            (4, 24, "Nikkei share average", "name", "Nikkei 225", False),
            (29, 57, "Japan's Nikkei share average", "name", "Nikkei 225", False),
        ],
    ),
    (
        "Tokyo stocks fell; in Paris, shares slipped; London's benchmark rose.",
        [
            (0, 5, "Tokyo", "place", "Nikkei 225", False),
            (22, 27, "Paris", "place", "CAC 40", False),
            (45, 63, "London's benchmark", "name", "FTSE 100", False),
        ],
    ),
    (
        "Shares in Paris fell while Frankfurt and Milan were flat.",
        [(10, 15, "Paris", "place", "CAC 40", False)],
    ),
    (
        "In Germany and France, stock markets rose.",
        [(3, 10, "Germany", "place", "DAX", False), (15, 21, "France", "place", "CAC 40", False)],
    ),
    (
        "It fell 2%. When it rose, it still ended lower. It is up.",
        [
            (0, 2, "It", "ref", "it", False),
            (26, 28, "it", "ref", "it", False),
            (48, 50, "It", "ref", "it", False),
        ],
    ),
    (
        "The Extraordinarilylongword Verylongwordindeed Superlongnameofsomething Index rose 2%.",
        [
            (
                4,
                77,
                "Extraordinarilylongword Verylongwordindeed Superlongnameofsomething Index",
                "other",
                "Extraordinarilylongword Verylongwordindeed Superlongnameofsomething Index",
                False,
            )
        ],
    ),
    (
        "Foo Bar Index rose, the Composite Index fell, a Baz Index was flat.",
        [
            (0, 13, "Foo Bar Index", "other", "Foo Bar Index", False),
            (48, 57, "Baz Index", "other", "Baz Index", False),
        ],
    ),
    (
        "S&P 500, s&p, S & P, S&P/ASX 200 and the S&P/TSX composite all moved.",
        [
            (0, 7, "S&P 500", "name", "S&P 500", False),
            (9, 12, "s&p", "name", "S&P 500", False),
            (21, 32, "S&P/ASX 200", "name", "S&P/ASX 200", False),
            (41, 58, "S&P/TSX composite", "name", "S&P/TSX Composite", False),
        ],
    ),
    (
        "The US and the U.S. markets; us investors; the UK-focused FTSE 250; Russell and the Dow.",
        [
            (4, 6, "US", "place", "S&P 500", False),
            (47, 66, "UK-focused FTSE 250", "name", "FTSE 250", False),
            (68, 75, "Russell", "name", "Russell 2000", False),
            (84, 87, "Dow", "name", "Dow Jones Industrial Average", False),
        ],
    ),
    (
        "l’indice CAC 40 a baissé, à Paris la Bourse a reculé.",
        [
            (0, 8, "l’indice", "ref", "index", False),
            (9, 15, "CAC 40", "name", "CAC 40", False),
            (28, 33, "Paris", "place", "CAC 40", True),
        ],
    ),
    (
        "Fráncfort y Milán: el Dax y el FTSE MIB; en París el Cac.",
        [
            (22, 25, "Dax", "name", "DAX", False),
            (31, 39, "FTSE MIB", "name", "FTSE MIB", False),
            (44, 49, "París", "place", "CAC 40", True),
            (53, 56, "Cac", "name", "CAC 40", False),
        ],
    ),
    (
        "the barometers and the measures; the main index; all share prices; the All Share",
        [(33, 47, "the main index", "ref", "index", False)],
    ),
    (
        "Wall Street's Nasdaq-100 and the Nasdaq Composite; Hong Kong's Hang Seng; South Korea's Kospi",
        [
            (0, 13, "Wall Street's", "place", "S&P 500", True),
            (14, 24, "Nasdaq-100", "other", "Nasdaq-100", False),
            (33, 49, "Nasdaq Composite", "name", "Nasdaq Composite", False),
            (51, 62, "Hong Kong's", "place", "Hang Seng", True),
            (63, 72, "Hang Seng", "name", "Hang Seng", False),
            (74, 87, "South Korea's", "place", "Kospi", True),
            (88, 93, "Kospi", "name", "Kospi", False),
        ],
    ),
    (
        "—the index— “Footsie” «Dax» ‘the benchmark’",
        [
            (1, 10, "the index", "ref", "index", False),
            (13, 20, "Footsie", "name", "FTSE 100", False),
            (23, 26, "Dax", "name", "DAX", False),
            (29, 42, "the benchmark", "ref", "index", False),
        ],
    ),
    ("index", []),
    ("Index", []),
    ("  the index", [(2, 11, "the index", "ref", "index", False)]),
    (
        "The Stoxx Europe 600 and the Euro Stoxx 50; the pan-European Stoxx 600 index",
        [
            (4, 20, "Stoxx Europe 600", "name", "STOXX Europe 600", False),
            (29, 42, "Euro Stoxx 50", "name", "Euro Stoxx 50", False),
            (48, 76, "pan-European Stoxx 600 index", "name", "STOXX Europe 600", False),
        ],
    ),
    ("ΣΤΟ Χρηματιστήριο, στη Φρανκφούρτη ο Dax", [(37, 40, "Dax", "name", "DAX", False)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_mentions_as_before(text, expected):
    assert _flat(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_mentions_as_before_on_the_long_text_path(text, expected, monkeypatch):
    monkeypatch.setattr(mentions, "_SHORT", 0)  # the whole-text candidate search, as for a whole article
    assert _flat(text) == expected


def test_both_searches_find_the_same_candidates():
    rng = random.Random(5)
    words = [
        "the",
        "index",
        "The",
        "Index",
        "ftse",
        "new",
        "york",
        "s",
        "p",
        "the's",
        "main",
        "london",
        "x",
        "é",
        "ΣΤΟ",
    ]
    for _ in range(300):
        low = "".join(
            rng.choice(words) + rng.choice([" ", "  ", ", ", "-", "'", "’", "&"])
            for _ in range(rng.randint(1, 40))
        )
        low = low.lower()
        short = mentions._candidates_short(low)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(mentions, "_SHORT", 0)
            assert _candidates(low) == short


def test_candidates_are_word_starts_in_order():
    text = "the index; London's FTSE 100 and the Footsie; new york, New York"
    found = _candidates(text.lower())
    assert found == sorted(set(found))
    assert {text[p : p + 5].lower() for p in found} >= {"the i", "londo", "ftse ", "foots", "new y"}


def test_offsets_and_text_agree_on_word_soup():
    rng = random.Random(3)
    words = [
        "the",
        "The",
        "index",
        "Index",
        "FTSE",
        "100",
        "London's",
        "in",
        "Paris",
        "stocks",
        "it",
        "fell",
        "Dow",
        "S&P",
        "500",
        "-",
        "’s",
        "é",
        "İ",
        ",",
        "(",
        "New",
        "York",
        "blue-chip",
        "der",
        "Leitindex",
    ]
    for _ in range(300):
        text = "".join(
            rng.choice(words) + rng.choice([" ", "", ", ", "-", "'", "\n"]) for _ in range(rng.randint(1, 30))
        )
        out = find_mentions(text)
        for m in out:
            assert text[m.start : m.end] == m.text
        assert all(a.end <= b.start for a, b in zip(out, out[1:], strict=False))
