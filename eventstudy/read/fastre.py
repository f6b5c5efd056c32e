"""Faster scanning with the same matches: a first-character guard for word-list patterns.

Python's ``re`` tries every alternative of a big alternation (``\\b(?:rose|rise|...)``) at
every position of the text. Most positions cannot start a match at all: their character is
not one that any alternative begins with. :func:`first_char_guard` works out, from the parsed
pattern, the set of characters a match can begin with and puts a one-character lookahead in
front, ``(?=[...])(?:pattern)``, so that those positions fail after one class test.

The guarded pattern matches exactly the same spans (and groups) as the original: the guard
only rejects positions where the original cannot match. When the first character cannot be
worked out (a pattern that may match the empty string, a back-reference, ``.``), the original
pattern is returned unchanged.
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]

__all__ = ["first_char_guard"]

_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


def _first_of_sequence(items) -> tuple[set[str], bool] | None:
    """Class items a match of ``items`` can begin with, and whether it can be empty."""
    out: set[str] = set()
    for op, av in items:
        r = _first_of_item(op, av)
        if r is None:
            return None
        first, nullable = r
        out |= first
        if not nullable:
            return out, False
    return out, True


def _first_of_item(op, av) -> tuple[set[str], bool] | None:
    if op is _c.LITERAL:
        return {re.escape(chr(av))}, False
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True  # zero width: the next item gives the first character
    if op is _c.SUBPATTERN:
        return _first_of_sequence(av[-1])
    if op is _c.BRANCH:
        out: set[str] = set()
        any_nullable = False
        for alt in av[1]:
            r = _first_of_sequence(alt)
            if r is None:
                return None
            out |= r[0]
            any_nullable = any_nullable or r[1]
        return out, any_nullable
    if op is _c.IN:
        out = set()
        for o, a in av:
            if o is _c.LITERAL:
                out.add(re.escape(chr(a)))
            elif o is _c.RANGE:
                out.add(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
            elif o is _c.CATEGORY and a in _CATEGORIES:
                out.add(_CATEGORIES[a])
            else:
                return None  # negated classes and the like: give up
        return out, False
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        lo, _hi, body = av
        r = _first_of_sequence(body)
        if r is None:
            return None
        return r[0], r[1] or lo == 0
    return None


def first_char_guard(rx: re.Pattern[str]) -> re.Pattern[str]:
    """``rx`` with a lookahead for the characters its matches can begin with (same matches).

    Examples
    --------
    >>> g = first_char_guard(re.compile(r"\\b(?:rose|fell)\\b"))
    >>> g.pattern
    '(?=[fr])(?:\\\\b(?:rose|fell)\\\\b)'
    >>> [m.span() for m in g.finditer("it rose, then fell")]
    [(3, 7), (14, 18)]
    """
    if rx.flags & re.VERBOSE or not isinstance(rx.pattern, str):
        return rx
    r = _first_of_sequence(_p.parse(rx.pattern, rx.flags).data)
    if r is None or r[1] or not r[0]:
        return rx
    cls = "".join(sorted(r[0]))
    return re.compile("(?=[" + cls + "])(?:" + rx.pattern + ")", rx.flags)
