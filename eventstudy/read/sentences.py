"""Splitting text into sentences (and list items), keeping character offsets.

One linear pass over candidate boundaries; a full stop after a month abbreviation, an
initial or a known abbreviation ("Jan. 4", "U.S.", "St.") is not a boundary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .fastre import first_char_guard

__all__ = ["split_sentences"]

_BOUNDARY = first_char_guard(re.compile(r"[.!?][\"”’)\]]?\s+|\n+|\s(?:\.\.\.|…)\s|\s--|\s[•|▪]\s|\u2022"))
#: Characters at or just after the start of every boundary: ``[.!?\n•]`` start one, and the
#: boundaries that start with a space have one of ``.…-•|▪`` next. A plain character class is
#: scanned by ``re`` without trying a match at every position (every space, for
#: :data:`_BOUNDARY`), so boundaries are matched only at these candidates.
_BOUNDARY_HINT = re.compile(r"[.!?\n\u2022…\-|▪]")
_STARTS_HERE = frozenset(".!?\n\u2022")
_AFTER_SPACE = frozenset(".…-\u2022|▪")
_ABBREV = {
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "no",
    "inc",
    "corp",
    "ltd",
    "co",
    "vs",
    "approx",
    "e.g",
    "i.e",
    "u.s",
    "u.k",
    "gov",
    "sen",
    "rep",
    "jr",
    "sr",
    "prof",
    "mt",
    "ft",
    "etc",
    "est",
    "a.m",
    "p.m",
}
_WORDY = re.compile(r"\w")
_LAST_WORD = re.compile(r"([\w.]+)$")


#: Longest span handed on as one sentence; longer runs (no real sentence is this long) are
#: cut at a space, which keeps the work per sentence bounded on pathological input.
MAX_SENTENCE = 1200


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text`` (whitespace trimmed).

    Runs longer than :data:`MAX_SENTENCE` characters are cut at the last space before
    the limit (or at the limit).
    """
    fast = _split_dots(text)
    if fast is not None:
        return fast
    out: list[tuple[int, int]] = []
    for s, e in _split(text):
        if e - s <= MAX_SENTENCE:
            out.append((s, e))  # already trimmed and holding a word: nothing to cut
        else:
            out.extend(_cut(text, s, e))
    return out


def _cut(text: str, s: int, e: int):
    while e - s > MAX_SENTENCE:
        cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
        if cut <= s:
            cut = s + MAX_SENTENCE
        if _WORDY.search(text, s, cut):
            yield _trim(text, s, cut)
        s = cut
    if _WORDY.search(text, s, e):
        yield _trim(text, s, e)


#: A day of the month written as a German ordinal ("24." before a month name is not a sentence end).
_ORDINAL_DAY = re.compile(r"(?:^|\s)\d{1,2}$")
_GERMAN_MONTH = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b"
)


def _ordinal_date(tail: str, text: str, after: int) -> bool:
    """Whether a full stop after ``tail`` (the characters before it) and before ``text[after:]``
    ends the day of a German date ("am 24. Februar")."""
    return _ORDINAL_DAY.search(tail) is not None and _GERMAN_MONTH.match(text, after) is not None


def _split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    wordy = _WORDY.search
    for ms, me in _boundaries(text):
        c = text[ms]  # the first character of the boundary
        if c == ".":
            # not after an abbreviation, an initial or before a lower-case word / digit of a date
            w = _LAST_WORD.search(text[max(start, ms - 12) : ms])
            word = w.group(1).lower() if w else ""
            nxt = text[me : me + 1]
            if word in _ABBREV or (len(word) == 1 and word.isalpha()) or (nxt and nxt.islower()):
                continue
            if nxt.isdigit() and text[ms - 1 : ms] == ".":
                continue  # dot leaders of a table row: "FTSE 100 .... 7,169.28"
            if text[ms - 1 : ms].isdigit() and _ordinal_date(text[max(start, ms - 4) : ms], text, me):
                continue  # a German date: "seit dem 24. Februar"
        elif c == "\n" and me - ms == 1 and _wrapped(text, start, ms, me):
            continue  # a hard-wrapped line goes on: not a sentence end
        end = ms + 1 if c in ".!?" else ms
        if wordy(text, start, end):
            spans.append(_trim(text, start, end))
        start = me
    if _WORDY.search(text, start):
        spans.append(_trim(text, start, len(text)))
    return spans


#: The only boundary a text can hold when it has none of ``!?•…|▪`` nor ``--`` nor a newline,
#: but for a `` ... `` (whose last dot this finds too): a full stop. It begins with a plain
#: character, which ``re`` finds at C speed; the group makes ``split`` return the boundaries.
_DOT_END = re.compile(r"(\.[\"”’)\]]?\s+)")
_DOUBLE_DASH = re.compile("--")


@lru_cache(maxsize=8192)
def _ends_abbrev(tail: str) -> bool:
    """Whether a full stop after ``tail`` follows an abbreviation or an initial.

    ``tail`` is the last seven characters before the full stop, or all of them since the
    last boundary (which ends in whitespace) when there are fewer: the word before the full
    stop (its run of ``[\\w.]``) lies in it, or is longer than any abbreviation.
    """
    w = _LAST_WORD.search(tail)
    if w is None:
        return False
    if len(w.group(1)) == 7:
        return False  # seven characters or more: no abbreviation
    word = w.group(1).lower()
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def _split_dots(text: str) -> list[tuple[int, int]] | None:
    """:func:`split_sentences` for a text whose only boundaries are full stops, else ``None``.

    The same spans as :func:`_split` followed by the :data:`MAX_SENTENCE` cut, from one
    ``split`` of the text: each piece between two boundaries starts after whitespace, so the
    word before a full stop lies in its piece.
    """
    if (
        "\n" in text
        or "!" in text
        or "?" in text
        or "\u2022" in text
        or "…" in text
        or "|" in text
        or "▪" in text
        or ("-" in text and _DOUBLE_DASH.search(text) is not None)
    ):
        return None
    parts = _DOT_END.split(text)
    out: list[tuple[int, int]] = []
    append = out.append
    ends_abbrev = _ends_abbrev
    wordy = _WORDY.search
    start = pos = 0
    it = iter(parts)
    for piece, sep in zip(it, it, strict=False):  # the last piece has no boundary after it
        ms = pos + len(piece)  # the full stop
        pos = me = ms + len(sep)
        if piece[-2:] == ".." and len(piece) > 2 and piece[-3].isspace() and sep[1].isspace():
            # " ... ": a "\s...\s" boundary starts at the space (one inside the piece, not
            # taken by the last boundary)
            return None
        if text[me : me + 1].islower() or ends_abbrev(piece[-7:]):
            continue  # before a lower-case word, or after an abbreviation: no sentence end
        if piece[-1:].isdigit() and _ordinal_date(piece[-4:], text, me):
            continue  # a German date: "seit dem 24. Februar"
        if piece[-1:] == "." and text[me : me + 1].isdigit():
            continue  # dot leaders of a table row: "FTSE 100 .... 7,169.28"
        end = ms + 1
        if text[start].isalnum():  # start < end: text[ms] is "."
            # a word character first and "." last: nothing to trim
            if end - start <= MAX_SENTENCE:
                append((start, end))
            else:
                out.extend(_cut(text, start, end))
        elif wordy(text, start, end):
            s, e = _trim(text, start, end)
            if e - s <= MAX_SENTENCE:
                append((s, e))
            else:
                out.extend(_cut(text, s, e))
        start = me
    if wordy(text, start):
        s, e = _trim(text, start, len(text))
        if e - s <= MAX_SENTENCE:
            append((s, e))
        else:
            out.extend(_cut(text, s, e))
    return out


def _boundaries(text: str) -> list[tuple[int, int]]:
    """The spans of ``_BOUNDARY.finditer(text)``, matched only at candidate positions.

    Every match of :data:`_BOUNDARY` starts at a character of ``[.!?\\n•]`` or at a
    whitespace character followed by one of ``.…-•|▪``; trying those positions in order
    (from the end of the last match on) finds the same leftmost, non-overlapping matches.
    """
    out: list[tuple[int, int]] = []
    match = _BOUNDARY.match
    pos = 0
    for h in _BOUNDARY_HINT.finditer(text):
        q = h.start()
        c = text[q]
        if q - 1 >= pos and c in _AFTER_SPACE and text[q - 1].isspace():
            m = match(text, q - 1)
            if m is not None:
                out.append(m.span())
                pos = m.end()
                continue
        if q >= pos and c in _STARTS_HERE:
            m = match(text, q)
            if m is not None:
                out.append(m.span())
                pos = m.end()
    return out


#: Words a line cannot end a headline or a table row with: the line was wrapped mid-sentence.
_WRAP_LAST_WORD = frozenset(
    "the a an of to in on at by for with from and or but as while its their than per after before "
    "into over under whose which that was were is has had have been be".split()
)


def _wrapped(text: str, start: int, nl: int, nxt: int) -> bool:
    """Whether the single line break at ``nl`` wraps a sentence (text pasted from an e-mail or
    a fixed-width wire): the next line starts with a lower-case letter, or this line ends with
    a comma or with a word no headline or table row ends with ("the", "of", "to")."""
    c = text[nxt : nxt + 1]
    if not c or c.isspace():
        return False
    if c.islower():
        return True
    line = text[max(start, nl - 40) : nl].rstrip()  # (the line's end only: linear on any input)
    if line.endswith(","):
        return True
    w = _LAST_WORD.search(line)
    return w is not None and w.group(1).lower() in _WRAP_LAST_WORD


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
