"""The backwards-written exclusion patterns of :mod:`eventstudy.read.dates` match exactly
where their forward versions do (random texts built from their own words)."""

from __future__ import annotations

import random

import pytest

from eventstudy.read import dates as D

_TOKENS = (
    "since from until till between through than before ahead of record high low peak last year "
    "set in next on track expected due previous prior close session day on of the a x it reached "
    "hit touched struck recorded SINCE Since FROM Ahead Of Record stocks rose 12 1.5 _ é"
).split() + [" ", "  ", "\n", "\t", ",", ", ", ". ", "-", "—", "'", "’", "(", " (", "", "\u00a0"]


def _texts(seed: int, n: int):
    rng = random.Random(seed)
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 12)):
            parts.append(rng.choice(_TOKENS))
            if rng.random() < 0.7:
                parts.append(rng.choice(["", " ", "  ", ",", "\n", ". "]))
        yield "".join(parts)[-40:]


@pytest.mark.parametrize("seed", [1, 2])
def test_reversed_patterns_agree_with_the_forward_ones(seed):
    hits = 0
    for s in _texts(seed, 20_000):
        r = s[::-1]
        forward = D._CUE_EXCLUDE_BEFORE.search(s) is not None
        assert forward == (D._CUE_EXCLUDE_REVERSED.match(r) is not None), repr(s)
        assert (D._RELATIVE_EXCLUDE_BEFORE.search(s) is not None) == (
            D._RELATIVE_EXCLUDE_REVERSED.match(r) is not None
        ), repr(s)
        hits += forward
    assert hits > 1_000  # the texts do exercise the patterns
