"""The period a review piece covers: a fund letter, a monthly commentary, a half-year review.

Such a piece opens by naming its period ("Monthly commentary - January 2022", "Quarterly
letter - third quarter 2021", "Half-year review, January to June 2022"); its index moves are
over that period unless a sentence gives one its own day. :func:`review_period` reads the
period from the first sentences; the reader dates to its end the moves that name no day.

Examples
--------
>>> from datetime import date
>>> review_period(["Monthly commentary - March 2022.", "Markets fell."], date(2022, 4, 6))
ReviewPeriod(end=datetime.date(2022, 3, 31), period='month', text='March 2022')
>>> review_period(["Stocks fell on Monday."], date(2022, 4, 6)) is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import MONTHS

__all__ = ["ReviewPeriod", "review_period"]

_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"

#: A word that makes an opening line the heading of a review piece.
_REVIEW_WORDS = ("review", "letter", "commentary", "update", "report", "recap", "round", "factsheet")
_REVIEW_NOUN = re.compile(
    r"(?<!\ba\s)(?<!\bthe\s)(?<!\bnew\s)"  # not "a report showed", "the new update"
    r"\b(?:review|letter|commentary|update|report|newsletter|recap|round-?up|factsheet)\b"
)  # (searched in the lowered line)
#: The period a heading names, longest forms first.
_HEAD_PERIOD = re.compile(
    # "January to June 2022", "July-September 2021"
    r"\b(?P<m1>" + _MONTH + r")\s?(?:to|[-–])\s?(?P<m2>" + _MONTH + r")\s(?P<y1>(?:19|20)\d\d)\b"
    # "third quarter 2021", "Q3 2021", "the second quarter of 2022"
    r"|\b(?P<q>first|second|third|fourth)\squarter\s(?:of\s)?(?P<y2>(?:19|20)\d\d)\b"
    r"|\bq(?P<qn>[1-4])\s?(?P<y3>(?:19|20)\d\d)\b"
    # "first half 2022", "half-year 2022" (the first half)
    r"|\b(?P<h>first\shalf|half[\s-]year)\s(?:of\s)?(?P<y4>(?:19|20)\d\d)\b"
    # "January 2022" (not "9 March 2022", a day; nor "since January 2022")
    r"|(?<!\d\s)(?<!since\s)(?<!from\s)(?<!until\s)\b(?P<m>" + _MONTH + r")\s(?P<y5>(?:19|20)\d\d)\b"
    # "2021 in numbers", "2021 in review": the year
    r"|\b(?P<y6>(?:19|20)\d\d)\sin\s(?:numbers|review|charts)\b"
    # "financial year 2021-22": its end is read from a "year to 30 June" nearby
    r"|\b(?P<fy>financial\syear|fiscal\syear)\s(?:(?:19|20)\d\d)[-–/](?:\d\d){1,2}\b",
    re.IGNORECASE,
)
#: A period that ends on a date: "in the year to 30 June", "over the three months to 30 September".
_PERIOD_TO_DATE = re.compile(
    r"\b(?:year|quarter|half|months)\s(?:to|ended|ending)\s(?:(?P<d1>\d{1,2})\s(?P<m1>" + _MONTH + r")"
    r"|(?P<m2>" + _MONTH + r")\s(?P<d2>\d{1,2})\b)",
    re.IGNORECASE,
)
#: A review is read only when it was published within this many days of its period's end.
MAX_LAG_DAYS = 92


@dataclass(frozen=True)
class ReviewPeriod:
    """The period a review piece covers.

    Attributes
    ----------
    end
        Its last calendar day.
    period
        The claim period it is (``"month"``, ``"quarter"``, ``"year-to-date"`` for a first
        half, ``"year"``), or ``None`` for one the checker does not measure (a financial year).
    text
        The words that named it.
    """

    end: date
    period: str | None
    text: str


def _month_end(year: int, month: int) -> date:
    return date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)


def _last_before(published: date, month: int, day: int) -> date | None:
    for year in (published.year, published.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if d < published:
            return d
    return None


def review_period(sents: list[str], published: date) -> ReviewPeriod | None:
    """The period the piece reviews, from its opening line, or ``None`` for any other piece.

    The opening line must hold a review word ("letter", "commentary", "review", "update")
    and a period ("January 2022", "third quarter 2021", "January to June 2022", "financial
    year 2021-22"; in the line after it, "2021 in numbers"); a financial year ends on the date a later sentence of the first three
    gives ("in the year to 30 June"). The period must have ended before the publication date,
    at most :data:`MAX_LAG_DAYS` days before it.
    """
    if not sents:
        return None
    head = sents[0]
    if len(head) > 200:
        return None
    low = head.lower()
    if not any(w in low for w in _REVIEW_WORDS) or _REVIEW_NOUN.search(low) is None:
        return None
    m = _HEAD_PERIOD.search(head)
    if m is None and len(sents) > 1:
        # "... the investor newsletter. Before we look ahead, 2021 in numbers.": the year only
        m = _HEAD_PERIOD.search(sents[1])
        if m is not None and not m.group("y6"):
            m = None
    if m is None:
        return None
    g = m.groupdict()
    end: date | None
    if g["m2"]:
        end, period = _month_end(int(g["y1"]), MONTHS[g["m2"][:3].lower()]), None
        if g["m1"].lower().startswith("jan"):
            period = "year-to-date"  # "January to June": the year so far
    elif g["q"] or g["qn"]:
        n = int(g["qn"]) if g["qn"] else ("first", "second", "third", "fourth").index(g["q"].lower()) + 1
        end, period = _month_end(int(g["y2"] or g["y3"]), 3 * n), "quarter"
    elif g["h"]:
        end, period = _month_end(int(g["y4"]), 6), "year-to-date"
    elif g["m"]:
        end, period = _month_end(int(g["y5"]), MONTHS[g["m"][:3].lower()]), "month"
    elif g["y6"]:
        end, period = date(int(g["y6"]), 12, 31), "year"
    else:  # a financial year: its end is printed nearby
        end, period = None, None
        for s in sents[:3]:
            t = _PERIOD_TO_DATE.search(s)
            if t is not None:
                month = MONTHS[(t["m1"] or t["m2"])[:3].lower()]
                end = _last_before(published, month, int(t["d1"] or t["d2"]))
                break
    if end is None or not (0 < (published - end).days <= MAX_LAG_DAYS):
        return None
    return ReviewPeriod(end, period, m.group(0))
