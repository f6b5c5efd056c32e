"""Faster scanning with the same matches: guards for word-list patterns.

Python's ``re`` tries every alternative of a big alternation (``\\b(?:rose|rise|...)``) at
every position of the text. Most positions cannot start a match at all: their character is
not one that any alternative begins with. :func:`first_char_guard` works out, from the parsed
pattern, the set of characters a match can begin with and puts a one-character lookahead in
front, ``(?=[...])(?:pattern)``, so that those positions fail after one class test.

The guarded pattern matches exactly the same spans (and groups) as the original: the guard
only rejects positions where the original cannot match. When the first character cannot be
worked out (a pattern that may match the empty string, a back-reference, ``.``), the original
pattern is returned unchanged.

:func:`prefix_guard` goes further: it works out the first few characters (and the ``\\b``
before them) that every match begins with, and adds a second lookahead that tests them as a
trie, ``(?=[fo])(?:(?=\\b(?:f(?:el|or)|o(?:n\\s|ff)))(?:pattern))``. Most positions whose first
character passes the class still fail on the second or third character, before the big
alternation is tried.
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]

__all__ = ["first_char_guard", "first_digit", "prefix_guard"]

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
    cls = _first_class(rx)
    if cls is None:
        return rx
    return re.compile("(?=[" + cls + "])(?:" + rx.pattern + ")", rx.flags)


def _first_class(rx: re.Pattern[str]) -> str | None:
    """The inside of a class of the characters a match of ``rx`` begins with (``None``: unknown)."""
    if rx.flags & re.VERBOSE or not isinstance(rx.pattern, str):
        return None
    r = _first_of_sequence(_p.parse(rx.pattern, rx.flags).data)
    if r is None or r[1] or not r[0]:
        return None
    return "".join(sorted(r[0]))


#: Repeats with at most this many repetitions are unrolled when prefixes are worked out.
_UNROLL = 3
#: A prefix is cut after this many prefixes of one pattern (a safety valve: no guard then).
_MAX_PREFIXES = 400

# A prefix is a tuple of regex atoms: one character each (an escaped literal or a class such
# as ``[\\d]``), or a zero-width ``\\b`` / ``\\B``. A state is ``(prefix, open)``: an open
# prefix is exact so far and may grow; a closed one is only a prefix of what follows.
_State = tuple[tuple[str, ...], bool]


def _class_atom(av) -> str | None:
    """A character class as a regex atom, or ``None`` (negated classes and the like)."""
    out = []
    for o, a in av:
        if o is _c.LITERAL:
            out.append(re.escape(chr(a)))
        elif o is _c.RANGE:
            out.append(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
        elif o is _c.CATEGORY and a in _CATEGORIES:
            out.append(_CATEGORIES[a])
        else:
            return None
    return "[" + "".join(out) + "]"


def _close(states: set[_State]) -> set[_State]:
    return {(t, False) for t, _ in states}


def _width(t: tuple[str, ...]) -> int:
    return sum(a not in (r"\b", r"\B") for a in t)


def _grow(states: set[_State], atom: str, k: int) -> set[_State]:
    out: set[_State] = set()
    for t, o in states:
        if o:
            t2 = (*t, atom)
            out.add((t2, _width(t2) < k))
        else:
            out.add((t, o))
    return out


def _prefix_seq(items, states: set[_State], k: int) -> set[_State]:
    for op, av in items:
        if not any(o for _, o in states):
            break
        states = _prefix_item(op, av, states, k)
        if len(states) > _MAX_PREFIXES:
            return {((), False)}
    return states


def _prefix_item(op, av, states: set[_State], k: int) -> set[_State]:
    if op is _c.LITERAL:
        return _grow(states, re.escape(chr(av)), k)
    if op is _c.IN:
        atom = _class_atom(av)
        return _close(states) if atom is None else _grow(states, atom, k)
    if op is _c.AT:
        if av is _c.AT_BOUNDARY:
            return _grow(states, r"\b", k)
        if av is _c.AT_NON_BOUNDARY:
            return _grow(states, r"\B", k)
        return states  # other anchors: zero width, left out (a weaker prefix)
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return states  # zero width, left out
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if add_flags or del_flags:
            return _close(states)  # inline flags change what the literals match
        return _prefix_seq(body, states, k)
    if op is _c.BRANCH:
        out: set[_State] = set()
        for alt in av[1]:
            out |= _prefix_seq(alt, states, k)
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        # n repetitions for n = lo .. hi, each followed by what comes after the repeat; past
        # _UNROLL repetitions, more may follow, so the prefix is closed there
        lo, hi, body = av
        out = set()
        cur = states
        top = min(hi, _UNROLL)
        for n in range(top + 1):
            if n == top and hi > top:
                out |= _close(cur)
            elif n >= lo:
                out |= cur
            if n < top:
                cur = _prefix_seq(body, cur, k)
        return out
    return _close(states)


def _trie(prefixes: list[tuple[str, ...]]) -> str:
    """``a(?:b|c)|d`` for the atom tuples ``(a, b), (a, c), (d,)``."""
    groups: dict[str, list[tuple[str, ...]]] = {}
    for t in prefixes:
        groups.setdefault(t[0], []).append(t[1:])
    parts = []
    for atom, rests in groups.items():
        if any(not r for r in rests):
            parts.append(atom)
        else:
            inner = _trie(rests)
            parts.append(atom + (inner if len(rests) == 1 and "|" not in inner else "(?:" + inner + ")"))
    return "|".join(parts)


def literal_prefixes(rx: re.Pattern[str], k: int = 3) -> list[tuple[str, ...]] | None:
    """Atom tuples one of which every match of ``rx`` begins with (``None``: not known).

    Each tuple holds up to ``k`` one-character atoms (escaped literals or classes), with the
    ``\\b`` or ``\\B`` that precede them; a tuple whose prefix is also listed is dropped.
    """
    if rx.flags & re.VERBOSE or not isinstance(rx.pattern, str):
        return None
    states = _prefix_seq(_p.parse(rx.pattern, rx.flags).data, {((), True)}, k)
    found = sorted({t for t, _ in states}, key=lambda t: (len(t), t))
    if not found or any(_width(t) == 0 for t in found):
        return None  # a match may begin with anything (or be empty)
    keep: list[tuple[str, ...]] = []
    for t in found:
        if not any(t[: len(u)] == u for u in keep):
            keep.append(t)
    return keep


def prefix_guard(rx: re.Pattern[str], k: int = 6) -> re.Pattern[str]:
    """``rx`` with lookaheads for the first character and the first ``k`` (same matches).

    Falls back to :func:`first_char_guard` when the prefixes cannot be worked out.

    Examples
    --------
    >>> g = prefix_guard(re.compile(r"\\b(?:rose|rise|fell)\\b"), k=3)
    >>> g.pattern
    '(?=[fr])(?:(?=\\\\b(?:fel|r(?:is|os)))(?:\\\\b(?:rose|rise|fell)\\\\b))'
    >>> [m.span() for m in g.finditer("it rose, then fell")]
    [(3, 7), (14, 18)]
    """
    prefixes = literal_prefixes(rx, k)
    if prefixes is None or all(_width(t) <= 1 for t in prefixes):
        return first_char_guard(rx)
    inner = "(?=" + _trie(prefixes) + ")(?:" + rx.pattern + ")"
    cls = _first_class(rx)
    if cls is None:
        return re.compile(inner, rx.flags)
    return re.compile("(?=[" + cls + "])(?:" + inner + ")", rx.flags)


_DIGIT = re.compile(r"\d")


def first_digit(text: str, pos: int = 0) -> int:
    """The offset of the first digit (``\\d``) at or after ``pos`` in ``text``, ``-1`` if none.

    The same answer as ``re.compile(r"\\d").search(text, pos)``. In ASCII text (a test that
    costs nothing: ``str`` knows its widest character) ``\\d`` is ``[0-9]``, and ten
    ``str.find`` calls, each stopping where the best one so far was found, scan the text
    much faster than ``re`` tests a class at every position.
    """
    if not text.isascii():
        m = _DIGIT.search(text, pos)
        return -1 if m is None else m.start()
    end = len(text)
    best = -1
    for d in "0123456789":
        i = text.find(d, pos, end)
        if i >= 0:
            best = end = i
    return best
