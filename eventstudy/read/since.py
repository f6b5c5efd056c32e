"""The day a move over several sessions is counted from, when the text names it.

Fact-checkers are asked about moves measured from a named day: "the FTSE 100 has lost 8 per
cent since 24 February", "the Dow is up 18% since Jan. 19, 2021", "the S&P 500 has gained 3%
since Monday's close", "down 12% from its January 3 record", "has risen 6% since the Fed's
decision on 16 March". :func:`find_base_day` reads that day from the period phrase of the move
(and the words right after it); :func:`resolve_base_day` turns it into a date once the
session the move ends on is known.

Only a day is read (a month, "since March", or a year, "since 2020", names no close to
measure from). The checker measures the move from the close of the named day, or from the
close before it when the move counts that day's own (see :mod:`eventstudy.check.claims`).

Examples
--------
>>> from datetime import date
>>> spec = find_base_day("has fallen 8% since february 24, when russia invaded", 11)
>>> spec
BaseDay(month=2, day=24, year=None, weekday=None, text='february 24', record=False)
>>> resolve_base_day(spec, date(2022, 3, 8))
datetime.date(2022, 2, 24)
>>> resolve_base_day(find_base_day("is up 3% since monday's close", 9), date(2022, 3, 10))
datetime.date(2022, 3, 7)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import MONTHS
from .lexicon import MONTH_ABBR as _MON

__all__ = ["BaseDay", "find_base_day", "resolve_base_day"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
#: A day as printed: "February 24", "Feb. 24th, 2022", "24 February 2022", "the 3rd of
#: January", "Monday" (a weekday). Not "March 2020" (a month) nor "2.4%" (a number).
_DAY = re.compile(
    r"\b(?:(?P<wd>" + "|".join(_WEEKDAYS) + r")\b(?:['’]s\b)?,?\s?)?"
    r"(?:(?P<m1>" + _MON + r")\.?\s(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?![\d.,]\d)(?!\s?%)"
    r"(?:,?\s(?P<y1>(?:19|20)\d\d)(?!\d))?"
    r"|(?:the\s)?(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?(?P<m2>" + _MON + r")\b\.?"
    r"(?:,?\s(?P<y2>(?:19|20)\d\d)(?!\d))?)?",
    re.IGNORECASE,
)
#: Where the phrase that names the base ends: the next clause ("since Monday, and on Friday
#: ...") is not part of it.
_CLAUSE_END = re.compile(
    r"[;:()]|\b(?:and|but|while|whereas|although|though|after|before)\b|,\s(?:its|the|a|an|which|when|as|with)\b",
    re.I,
)
#: The base named as a close: "from its close on 7 March", "since Monday's close".
_CLOSE = re.compile(r"\bclos(?:e|ing)\b", re.IGNORECASE)
#: How far after the start of the period phrase its day may be printed ("since the central
#: bank's surprise decision on 16 March").
_REACH = 70
#: The record, high or peak a move is counted from: the close of that day, not the one before.
_RECORD = re.compile(r"\b(?:record|high|peak|top)s?\b", re.IGNORECASE)


@dataclass(frozen=True)
class BaseDay:
    """A named day a move is counted from, as printed (its year may be left out).

    Attributes
    ----------
    month, day, year
        The calendar date printed (``year`` ``None`` when not printed); ``None`` for a weekday.
    weekday
        0 (Monday) .. 4 (Friday) for a weekday named without a date ("since Monday").
    text
        The words of the day as printed.
    record
        The day of a record, high or peak ("from its January 3 record"): measured from that
        day's close only.
    close
        The text names that day's close as the base ("from its close on 7 March", "since
        Monday's close"): measured from that close only.
    """

    month: int | None
    day: int | None
    year: int | None
    weekday: int | None
    text: str
    record: bool = False
    close: bool = False


def find_base_day(text: str, start: int, end: int | None = None) -> BaseDay | None:
    """The day named by the period phrase that begins at ``start`` ("since February 24").

    Parameters
    ----------
    text
        The sentence (any case).
    start
        Where the period phrase begins ("since ...", "from its close on ...").
    end
        Where the phrase's clause may end at the latest (default: :data:`_REACH` characters on).

    Returns
    -------
    BaseDay or None
        ``None`` when no day (a date or a weekday) is named before the clause ends.
    """
    stop = min(len(text), start + _REACH if end is None else end)
    cut = _CLAUSE_END.search(text, start + 1, stop)
    if cut is not None:
        stop = cut.start()
    for m in _DAY.finditer(text, start, stop):
        if m.group("m1") or m.group("m2"):
            mon = MONTHS[(m.group("m1") or m.group("m2"))[:3].lower()]
            day = int(m.group("d1") or m.group("d2"))
            year = m.group("y1") or m.group("y2")
            if not 1 <= day <= 31:
                continue
            return BaseDay(
                mon,
                day,
                int(year) if year else None,
                None,
                m.group(0).strip(" ,").removeprefix("the "),
                bool(_RECORD.search(text, start, stop)),
                bool(_CLOSE.search(text, start, min(stop, m.end() + 10))),
            )
        if m.group("wd"):
            wd = m.group("wd").lower()
            return BaseDay(
                None,
                None,
                None,
                _WEEKDAYS.index(wd),
                wd,
                bool(_RECORD.search(text, start, stop)),
                bool(_CLOSE.search(text, start, min(stop, m.end() + 10))),
            )
    return None


def resolve_base_day(spec: BaseDay, session: date) -> date | None:
    """The date of ``spec`` for a move that ends on ``session``.

    A date printed without its year is the latest such date on or before ``session``; a
    weekday is the latest such weekday before ``session``. ``None`` when the date does not
    exist or falls after ``session`` (a base after the move's end is not a base).
    """
    if spec.weekday is not None:
        back = (session.weekday() - spec.weekday) % 7 or 7
        return session - timedelta(days=back)
    assert spec.month is not None and spec.day is not None
    years = (spec.year,) if spec.year is not None else (session.year, session.year - 1)
    for y in years:
        try:
            d = date(y, spec.month, spec.day)
        except ValueError:
            continue
        if d <= session:
            return d
    return None
