"""Splitting text into sentences (and list items), keeping character offsets.

One linear pass over candidate boundaries; a full stop after a month abbreviation, an
initial or a known abbreviation ("Jan. 4", "U.S.", "St.") is not a boundary.
"""

from __future__ import annotations

import re

from .fastre import first_char_guard

__all__ = ["split_sentences"]

_BOUNDARY = first_char_guard(re.compile(r"[.!?][\"”’)\]]?\s+|\n+|\s(?:\.\.\.|…)\s|\s--|\s[•|▪]\s|\u2022"))
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


def _split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    wordy = _WORDY.search
    for m in _BOUNDARY.finditer(text):
        ms, me = m.span()
        c = text[ms]  # the first character of the boundary
        if c == ".":
            # not after an abbreviation, an initial or before a lower-case word / digit of a date
            w = _LAST_WORD.search(text[max(start, ms - 12) : ms])
            word = w.group(1).lower() if w else ""
            nxt = text[me : me + 1]
            if word in _ABBREV or (len(word) == 1 and word.isalpha()) or (nxt and nxt.islower()):
                continue
        end = ms + 1 if c in ".!?" else ms
        if wordy(text, start, end):
            spans.append(_trim(text, start, end))
        start = me
    if _WORDY.search(text, start):
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
