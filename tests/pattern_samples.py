"""Random strings that a parsed regular expression may match, for the tests that check a fast
path against the plain pattern (test_fastre_scan.py, test_extract_speed_anchors.py)."""

from __future__ import annotations

import random
from re import _constants as _c  # type: ignore[attr-defined]

#: Characters drawn for a character category (\d, \s, \w and their negations).
CATEGORY_SAMPLES = {
    _c.CATEGORY_DIGIT: "0179",
    _c.CATEGORY_NOT_DIGIT: "a ,",
    _c.CATEGORY_SPACE: " \n\u00a0",
    _c.CATEGORY_NOT_SPACE: "a1,",
    _c.CATEGORY_WORD: "ab1_é",
    _c.CATEGORY_NOT_WORD: " ,-",
}


def sample(
    items, rng: random.Random, *, categories=CATEGORY_SAMPLES, other: str = "x", range_cap: int | None = None
) -> str:
    """A random string that the parsed pattern ``items`` may match (lookarounds are ignored).

    ``categories`` gives the characters drawn for ``\\d``, ``\\s``, ``\\w`` ... (``other`` for
    a category it does not list); ``range_cap``
    keeps a character range ``[a-z]`` to its first ``range_cap + 1`` characters.
    """
    out = []
    for op, av in items:
        if op is _c.LITERAL:
            out.append(chr(av))
        elif op is _c.IN:
            o, a = rng.choice([x for x in av if x[0] is not _c.NEGATE] or [(_c.LITERAL, ord("x"))])
            if o is _c.LITERAL:
                out.append(chr(a))
            elif o is _c.RANGE:
                hi = a[1] if range_cap is None else min(a[1], a[0] + range_cap)
                out.append(chr(rng.randint(a[0], hi)))
            else:
                out.append(rng.choice(categories.get(a, other)))
        elif op is _c.SUBPATTERN:
            out.append(sample(av[-1], rng, categories=categories, other=other, range_cap=range_cap))
        elif op is _c.BRANCH:
            out.append(
                sample(rng.choice(av[1]), rng, categories=categories, other=other, range_cap=range_cap)
            )
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            lo, hi, body = av
            out.extend(
                sample(body, rng, categories=categories, other=other, range_cap=range_cap)
                for _ in range(rng.randint(lo, min(hi, lo + 3)))
            )
        elif op in (_c.ANY, _c.NOT_LITERAL):
            out.append(rng.choice("a ,1"))
    return "".join(out)
