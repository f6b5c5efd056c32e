"""Dates in articles: the publication date, and the session each claim is about.

The publication date comes from ``published=``, else a dateline or byline stamp near the
top ("TOKYO, Feb 22, 2022", "Thursday 06 January 2022 17:32 GMT"), else the latest full
date printed in the text that is not a reference date ("since January 20, 2020").

Day phrases ("today", "yesterday", "last night", "on Monday", "on March 14", "last week")
are resolved against the publication date with each exchange's own calendar
(:mod:`eventstudy.calendar`): "yesterday" in a Saturday paper is Friday's session, and
"last night" on Wall Street in a London morning piece is the previous New York session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from .. import calendar as cal
from ..exceptions import EventStudyError
from .fastre import first_char_guard

__all__ = [
    "MONTHS",
    "PubDate",
    "find_published",
    "DayCue",
    "find_day_cue",
    "day_cues",
    "best_cue",
    "session_on_or_before",
    "session_before",
    "resolve_cue",
    "TZ_OFFSETS",
]

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MON = (
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MON_NC = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: Hours east of UTC of the zones that bylines print.
TZ_OFFSETS = {
    "GMT": 0.0,
    "UTC": 0.0,
    "BST": 1.0,
    "CET": 1.0,
    "CEST": 2.0,
    "EST": -5.0,
    "EDT": -4.0,
    "ET": -5.0,
    "IST": 5.5,
    "JST": 9.0,
    "HKT": 8.0,
    "SGT": 8.0,
    "KST": 9.0,
    "AEST": 10.0,
    "AEDT": 11.0,
    "CST": -6.0,
    "PST": -8.0,
    "PDT": -7.0,
}
_TZ = r"(GMT|UTC|BST|CEST|CET|EST|EDT|ET|IST|JST|HKT|SGT|KST|AEST|AEDT|PST|PDT)"
_TIME = r"(\d{1,2})[:.](\d{2})\s?([AaPp]\.?[Mm]\.?)?\s?" + _TZ

#: German and French month names (as printed, lower-cased) and their numbers.
FOREIGN_MONTHS = {
    "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
}  # fmt: skip
_FULL_DATES = [
    # March 15, 2022 | Feb. 24 2022
    (re.compile(r"\b" + _MON + r"\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})\b"), "mdy"),
    # 15 March 2022 | 06 January, 2022
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s" + _MON + r",?\s(\d{4})\b"), "dmy"),
    # 2022-03-15, 2022-03-15T08:15:00Z
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?![\d-])"), "iso"),
    # 15.03.2022 (the European order; an American date is written with slashes or a name)
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), "dmy_num"),
    # 15. März 2022, 15 mars 2022, 1er mars 2022
    (
        re.compile(r"\b(\d{1,2})(?:er)?\.?\s(" + "|".join(FOREIGN_MONTHS) + r"),?\s(\d{4})\b", re.IGNORECASE),
        "dmy_foreign",
    ),
]
_ORDINAL_UNITS = "first second third fourth fifth sixth seventh eighth ninth".split()
_ORDINAL_TEENS = (
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
#: Days of the month as ordinal words: "fifth", "twenty-first", "thirty first".
_ORDINAL_DAYS = {
    **{w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)},
    **{w: i + 10 for i, w in enumerate(_ORDINAL_TEENS.split())},
    "twentieth": 20,
    "thirtieth": 30,
    **{f"twenty{sep}{w}": 21 + i for i, w in enumerate(_ORDINAL_UNITS) for sep in ("-", " ")},
    **{f"thirty{sep}first": 31 for sep in ("-", " ")},
}
_ORDINAL_DAY = "(" + "|".join(sorted(_ORDINAL_DAYS, key=len, reverse=True)) + ")"
_MONTH_NAME = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
#: A full date with its day in words, as a script or a broadcast prints it: "THURSDAY MAY FIFTH,
#: 2022", "May the fifth, 2022", "the fifth of May 2022" (any case).
_WORD_DATES = [
    (
        re.compile(r"\b" + _MONTH_NAME + r"\s(?:the\s)?" + _ORDINAL_DAY + r",?\s(\d{4})\b", re.IGNORECASE),
        "mdy_words",
    ),
    (
        re.compile(r"\b" + _ORDINAL_DAY + r"\s(?:of\s)?" + _MONTH_NAME + r",?\s(\d{4})\b", re.IGNORECASE),
        "dmy_words",
    ),
]
#: How far before its year a date in words may start ("September the twenty-seventh, 2022").
_WORD_DATE_REACH = 40
#: Before a year, the end of an ordinal day word or of a month name: a date in words may end there.
_WORD_DATE_HINT = re.compile(r"(?:st|nd|rd|th|[a-z]ber|ary|ch|il|may|une|uly|ust),?\s$", re.IGNORECASE)
#: How far a full date may run past the year it holds ("2022-03-15" after "2022").
_AFTER_YEAR = 6
#: An ISO time after an ISO date: "T08:15:00Z", " 08:15+01:00".
_ISO_TIME = re.compile(r"[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})")
#: The patterns of :data:`_FULL_DATES` with a month name (not the numeric ones).
_FULL_DATES_NAMED = [(rx, how) for rx, how in _FULL_DATES if how not in ("iso", "dmy_num")]
#: ``(?<!\d)(?:19|20)\d\d(?!\d)`` written to begin with its literal digits (the look-behind
#: is checked after them), so that ``re`` skips to a "1" or "2" at C speed. Same matches.
_YEAR = re.compile(r"(?:19|20)(?<!\d..)\d\d(?!\d)")
#: :data:`_YEAR` split in two, each beginning with a two-character literal that ``re`` finds
#: at C speed (a class such as ``[12]`` is tested at every position). Years never overlap,
#: so the merged matches of the two, in order, are those of :data:`_YEAR`.
_YEAR_19 = re.compile(r"19(?<!\d..)\d\d(?!\d)")
_YEAR_20 = re.compile(r"20(?<!\d..)\d\d(?!\d)")
_TIME_AFTER = re.compile(r"^[,\s/|at-]{0,6}" + _TIME, re.IGNORECASE)
_REFERENCE_BEFORE = first_char_guard(
    re.compile(
        # (on one line: a headline's "best day since 2008" does not make the dateline below it
        # a reference date)
        r"(?:since|from|until|till|before|after|between|record|high|low|peak|through|hit|set|reached)"
        r"[^\w\n]{0,3}(?:\w+[^\w\n]{1,3})?$",
        re.IGNORECASE,
    )
)
_DATELINE_ZONE = 260


@dataclass(frozen=True)
class PubDate:
    """A publication date found in a text."""

    day: date
    basis: str  # "dateline" or "text"
    at: datetime | None = None  # with a time zone, when a time was printed next to it
    zone: str | None = None
    span: tuple[int, int] = (0, 0)  # where the date (and time) is printed


def _mk(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _match_date(m: re.Match, how: str) -> date | None:
    g = m.groups()
    if how == "mdy":
        return _mk(int(g[2]), MONTHS[g[0][:3].lower()], int(g[1]))
    if how == "dmy":
        return _mk(int(g[2]), MONTHS[g[1][:3].lower()], int(g[0]))
    if how == "dmy_num":
        return _mk(int(g[2]), int(g[1]), int(g[0]))
    if how == "dmy_foreign":
        return _mk(int(g[2]), FOREIGN_MONTHS[g[1].lower()], int(g[0]))
    if how == "mdy_words":
        return _mk(int(g[2]), MONTHS[g[0][:3].lower()], _ORDINAL_DAYS[g[1].lower()])
    if how == "dmy_words":
        return _mk(int(g[2]), MONTHS[g[1][:3].lower()], _ORDINAL_DAYS[g[0].lower()])
    return _mk(int(g[0]), int(g[1]), int(g[2]))


def _time_at(text: str, pos: int, day: date) -> tuple[datetime | None, str | None, int]:
    iso = _ISO_TIME.match(text, pos)
    if iso is not None and int(iso.group(1)) <= 23 and int(iso.group(2)) <= 59:
        z = iso.group(3)
        hours = 0.0 if z == "Z" else (1 if z[0] == "+" else -1) * (int(z[1:3]) + int(z[-2:]) / 60)
        tzinfo = timezone(timedelta(hours=hours))
        at = datetime(day.year, day.month, day.day, int(iso.group(1)), int(iso.group(2)), tzinfo=tzinfo)
        return at, None, iso.end()  # (a UTC offset names no market)
    m = _TIME_AFTER.match(text[pos : pos + 30])
    if not m:
        return None, None, pos
    h, mi, ampm, tz = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4).upper()
    if ampm:
        if ampm[0] in "pP" and h < 12:
            h += 12
        if ampm[0] in "aA" and h == 12:
            h = 0
    if h > 23 or mi > 59:
        return None, None, pos
    tzinfo = timezone(timedelta(hours=TZ_OFFSETS[tz]))
    return datetime(day.year, day.month, day.day, h, mi, tzinfo=tzinfo), tz, pos + m.end()


def find_published(text: str) -> PubDate | None:
    """The publication date printed in ``text``, or ``None``.

    A full date in the first few hundred characters is a dateline; otherwise the latest
    full date in the text that is not introduced as a reference ("since", "from", "record",
    "high") is taken, as an article is written after the dates it reports.
    """
    seen: dict[int, tuple[int, date, int]] = {}
    years = [m.span() for m in _YEAR_19.finditer(text)]
    years.extend(m.span() for m in _YEAR_20.finditer(text))
    if len(years) > 1:
        years.sort()
    for ys, hi in years:  # a full date holds a year: look only around years
        lo = max(0, ys - 24)
        # an ISO date ("2022-03-15") holds a "-" after its year, a numeric one ("15.03.2022")
        # a "." before it: without them only the dates with a month name are tried
        numeric = text.startswith("-", hi) or text.startswith(".", ys - 1)
        for rx, how in _FULL_DATES if numeric else _FULL_DATES_NAMED:
            for m in rx.finditer(text, lo, hi + _AFTER_YEAR if how == "iso" else hi):
                d = _match_date(m, how)
                if d is None or not (1990 <= d.year <= 2100):
                    continue
                seen.setdefault(m.start(), (m.start(), d, m.end()))
        if _WORD_DATE_HINT.search(text, max(0, ys - 12), ys):
            for rx, how in _WORD_DATES:
                for m in rx.finditer(text, max(0, ys - _WORD_DATE_REACH), hi):
                    d = _match_date(m, how)
                    if d is not None and 1990 <= d.year <= 2100:
                        seen.setdefault(m.start(), (m.start(), d, m.end()))
    found = list(seen.values())
    if not found:
        return None
    found.sort()
    for start, d, end in found:
        if start < _DATELINE_ZONE and not _REFERENCE_BEFORE.search(text[max(0, start - 30) : start]):
            at, zone, tend = _time_at(text, end, d)
            return PubDate(d, "dateline", at, zone, (start, tend))
    cands = [
        (d, start, end)
        for start, d, end in found
        if not _REFERENCE_BEFORE.search(text[max(0, start - 30) : start])
    ]
    if not cands:
        return None
    d, start, end = max(cands)
    at, zone, tend = _time_at(text, end, d)
    return PubDate(d, "text", at, zone, (start, tend))


# ---------------------------------------------------------------- day phrases in claims

_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "δευτέρα": 0,
    "τρίτη": 1,
    "τετάρτη": 2,
    "πέμπτη": 3,
    "παρασκευή": 4,
}
_DAY_CUE = first_char_guard(
    re.compile(
        r"(?P<today>\b(?:today|this\s(?:morning|afternoon|evening)|tonight|so\sfar\stoday|earlier\stoday|"
        r"earlier\sin\sthe\s(?:day|session)|"
        r"heute|aujourd'hui|σήμερα)\b)"
        r"|(?P<yesterday>\b(?:yesterday|gestern|hier|χθες)\b)"
        r"|(?P<lastnight>\b(?:last\snight|overnight)\b)"
        r"|(?P<lastweek>\blast\sweek\b)"
        r"|(?P<afterhol>\bafter\sthe\s(?:bank\sholiday|long\sweekend|holiday|break)\b)"
        r"|(?P<lastwd>\blast\s(?P<lwd>monday|tuesday|wednesday|thursday|friday)\b)"
        r"|(?P<md>\b" + _MON_NC + r"\s(?P<mdd>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s\d{4})(?!\s?%)(?![.,]\d))"
        r"|(?P<dm>\b(?P<dmd>\d{1,2})(?:st|nd|rd|th)?\s(?P<dmm>January|February|March|April|May|June|July|"
        r"August|September|October|November|December)\b(?!,?\s\d{4}))"
        r"|(?P<full>\b(?:" + _MON_NC + r")\s\d{1,2}(?:st|nd|rd|th)?,?\s\d{4})"
        r"|(?P<wd>\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
        r"donnerstag|freitag|lundi|mardi|mercredi|jeudi|vendredi|δευτέρα|τρίτη|τετάρτη|πέμπτη|παρασκευή)\b)",
        re.IGNORECASE,
    )
)
#: Rarer day phrases, searched only when a cheap substring test finds their key word.
_DAY_CUE_RARE = first_char_guard(
    re.compile(
        r"(?P<prevsession>\b(?:in|during|on)\sthe\sp(?:revious|rior|receding)\s(?:session|trading\sday)\b)"
        # the session before the one the sentence is about: "having gained 2% the previous day"
        # (not "the previous day's close", a reference; not "the day before the vote")
        # (but "the previous day's 1.2% rebound" names the day of that move)
        r"|(?P<daybefore>\bthe\sp(?:revious|rior|receding)\s(?:day|session|trading\s(?:day|session))\b"
        r"(?!['’](?!s?\s(?:(?:about|around|nearly|almost|some|roughly)\s)?[+\-−]?\d))"
        r"|\ba\s(?:day|session|trading\sday)\searlier\b|\bthe\s(?:day|session)\sbefore(?=\s*(?:[,.;:)!?]|$)))"
        r"|(?P<preweekend>\b(?:before|ahead\sof)\sthe\sweekend\b)"
        r"|(?P<eve>\b(?:christmas|new\syear['’]?s)\seve\b)"
        r"|(?P<endyear>\b(?:at|by)\sthe\s(?:end|close)\sof\s(?P<eyy>(?:19|20)\d\d)\b"
        # "ended 2021 at 23,480.81": the year's last session
        r"|\b(?:ended|finished|closed)\s(?P<eyy2>(?:19|20)\d\d)(?=\s(?:at|on)\b))",
        re.IGNORECASE,
    )
)
_RARE_KEYS = (
    "previous",
    "prior",
    "preceding",
    "end of",
    "close of",
    "ended 19",
    "ended 20",
    "finished 20",
    "closed 20",
    "day earlier",
    "session earlier",
    "day before",
    "session before",
    "christmas eve",
    "s eve",
    "the weekend",
)
_CUE_EXCLUDE_BEFORE = first_char_guard(
    re.compile(
        r"(?:(?:since|from|until|till|between|through|than)\W{1,3}(?:\w+\W{1,3}){0,3}"
        r"|(?:before|record|high|low|peak|last\s+year|set\s+in|ahead\s+of|next|on\s+track|expected|due|"
        r"(?:previous|prior)\s+(?:close|session|day))\W{1,3}(?:\w+\W{1,3})?"
        r"|(?:record|high|peak|low)(?:\W{1,3}\w+){0,3}\W{1,3}(?:set|reached|hit|touched|struck|recorded)\W{1,3})"
        r"(?:(?:on|of)\W{1,3})?$",
        re.IGNORECASE,
    )
)


_RELATIVE_EXCLUDE_BEFORE = re.compile(
    r"(?:since|from|until|till|between|through|than|before|ahead\s+of)\W{1,3}$", re.IGNORECASE
)
# The two patterns above end at "$" (the end, or before a final newline) and are searched
# in the 40 characters before a day phrase, trying every start. Written backwards (words
# reversed, the parts in reverse order, "$" as "\n?") they are matched once at the start of
# the reversed text instead: a match there is a match of the original at the end.
_CUE_EXCLUDE_REVERSED = re.compile(
    r"\n?(?:\W{1,3}(?:no|fo))?"
    r"(?:(?:\W{1,3}\w+){0,3}\W{1,3}(?:ecnis|morf|litnu|llit|neewteb|hguorht|naht)"
    r"|(?:\W{1,3}\w+)?\W{1,3}(?:erofeb|drocer|hgih|wol|kaep|raey\s+tsal|ni\s+tes|fo\s+daeha|txen|kcart\s+no|"
    r"detcepxe|eud|(?:esolc|noisses|yad)\s+(?:suoiverp|roirp))"
    r"|\W{1,3}(?:tes|dehcaer|tih|dehcuot|kcurts|dedrocer)(?:\W{1,3}\w+){0,3}\W{1,3}(?:drocer|hgih|kaep|wol))",
    re.IGNORECASE,
)
#: A holiday named after its weekday is not that weekday's session ("data out on Good Friday").
_HOLIDAY_BEFORE_REVERSED = re.compile(r"\s+(?:doog|retsae|kcalb|rebyc|yloh)\b", re.IGNORECASE)
_RELATIVE_EXCLUDE_REVERSED = re.compile(
    r"\n?\W{1,3}(?:ecnis|morf|litnu|llit|neewteb|hguorht|naht|erofeb|fo\s+daeha)", re.IGNORECASE
)


@dataclass(frozen=True)
class DayCue:
    """A day phrase found near a claim."""

    # today, yesterday, lastnight, prevsession, daybefore (the session before the one the
    # sentence is about), lastweek, afterhol, lastwd, weekday, date
    kind: str
    text: str
    weekday: int | None = None
    day: date | None = None  # for explicit dates (year filled in from the publication date)
    month_day: tuple[int, int] | None = None
    region: str | None = None  # set when carried on: the market region the phrase was about
    year_end: bool = False  # "at (by) the end of 2021": a year's end named by its number


#: A day word used as a possessive or an adjective names another event, not the claim's
#: session ("Thursday's losses", "yesterday's gains", "overnight losses on Wall Street");
#: only a possessive before a session noun ("yesterday's session"), a ranking of the session
#: ("yesterday's laggard", "Friday's biggest faller") or a number ("Monday's 0.4% drop",
#: "Tuesday's gain of 1.1%") still dates a claim.
_POSSESSIVE_AFTER = re.compile(
    r"^['’]s?\s(?!(?:(?:shortened|holiday-shortened|half-day|truncated|abbreviated|short|early|late)\s"
    # "Thursday's choppy, low-volume session"
    r"|(?:[a-z-]+,?\s){1,2}(?=session\b))?"
    r"(?:sessions?|trading|closes|close|closing|dealings|business)\b|(?:(?:biggest\s|top\s|worst\s|best\s)?"
    r"(?:laggards?|winners?|losers?|leaders?|performers?|fallers?|risers?|gainers?))\b)"
    r"(?!(?:[\w-]+\s)?(?:of\s)?(?:(?:about|around|nearly|almost|some|roughly|more\sthan)\s)?[+\-−]?\d)"
)
#: "on / from / over / against / versus / above / below <day>'s close": the close a move is
#: measured from (written backwards: matched at the start of the reversed text before the day).
_BASE_BEFORE_REVERSED = re.compile(r"\s+(?:no|morf|revo|tsniaga|susrev|evoba|woleb)\b", re.IGNORECASE)
_CLOSE_AFTER = re.compile(r"^['’]s?\s(?:close|closing\slevel|closing\sprice|finish|settlement)\b")
_ATTRIBUTIVE_AFTER = re.compile(
    r"^\s(?:losses|loss|gains|gain|rally|rallies|rout|sell-?off|slide|slump|falls?|rises?|declines?|"
    r"moves?|surge|drop|plunge|advance|lead|cues?|weakness|strength|news|trading\sin)\b"
)


def find_day_cue(text: str) -> DayCue | None:
    """The day phrase of ``text`` that is not a reference date ("since Monday").

    A full date ("Jan. 5, 2022") beats a month and day, which beats any other phrase;
    otherwise the first phrase wins.
    """
    return best_cue(c for _, c in day_cues(text))


_CUE_RANK = {"date_full": 0, "date": 1}


def best_cue(cues) -> DayCue | None:
    """The most precise of several day phrases (full date > month and day > the first other)."""
    best: DayCue | None = None
    best_rank = 3  # above any rank: the first cue is taken
    rank = _CUE_RANK
    for cue in cues:
        r = rank.get("date_full" if cue.day is not None else cue.kind, 2)
        if r < best_rank:
            best, best_rank = cue, r
    return best


#: A necessary condition for a match of :data:`_DAY_CUE` at a position, tested on the
#: lower-cased text with no ``IGNORECASE``: each alternative is a prefix of one of
#: :data:`_DAY_CUE`'s (a sigma as both ``σ`` and ``ς``: ``str.lower`` writes a final sigma),
#: grouped by first character so that a word start is rejected in a few steps. It is
#: scanned in ``" " + low``: a non-word character and then an alternative, which begins with
#: a word character, is ``\b`` at the start of the alternative, whose offset in ``low`` is the
#: start of the match (one character is consumed, so no candidate is skipped).
_MONTH_DAY = r"\w*\.?\s\d"
_CUE_PREFIXES = [
    *("today", "tonight", r"this\s(?:morning|afternoon|evening)", r"so\sfar\stoday", r"earlier\stoday"),
    r"earlier\sin\sthe\s(?:day|session)",
    *("heute", "aujourd", "σήμερα", "ςήμερα", "yesterday", "gestern", r"hier\b", "χθεσ", "χθες"),
    *(r"last\s", "overnight", r"after\sthe\s"),
    *(
        m + _MONTH_DAY
        for m in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    ),
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag"),
    *("mittwoch", "donnerstag", "freitag", "lundi", "mardi", "mercredi", "jeudi", "vendredi"),
    *("δευτέρα", "τρίτη", "τετάρτη", "πέμπτη", "παρασκευή", "παραςκευή"),
]


def _by_first_char(alternatives: list[str]) -> str:
    """``a(?:x|y)|b(?:z)`` for ``["ax", "ay", "bz"]`` (each alternative begins with a plain letter)."""
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        groups.setdefault(alt[0], []).append(alt[1:])
    return "|".join(c + "(?:" + "|".join(rest) + ")" for c, rest in groups.items())


_CUE_START = re.compile(
    r"\W(?="
    + _by_first_char(_CUE_PREFIXES)
    + r"|\d\d?(?:st|nd|rd|th)?\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
)
#: The characters that ``IGNORECASE`` matches to a letter (a to z, or a Greek letter of
#: :data:`_CUE_START`) but whose ``str.lower`` is not that letter (İ also lower-cases to two
#: characters); a text holding one is scanned with :data:`_DAY_CUE` and
#: :data:`_DAY_CUE_RARE` themselves, as the word tests on the lower-cased text may miss it.
_CASE_TROUBLE = re.compile("[İıſϑϖϱϵµ]")


#: For the words that every match of :data:`_DAY_CUE_RARE` holds, where a match starts
#: before them: "in the previous", "during the prior", "at the end", "by the close".
_RARE_WORDS = (
    ("previous", (11, 7, 4)),
    ("prior", (11, 7, 4)),
    ("preceding", (11, 7, 4)),
    ("day earlier", (2,)),
    ("session earlier", (2,)),
    ("trading day earlier", (2,)),
    ("day before", (4,)),
    ("session before", (4,)),
    ("the weekend", (7, 9)),
    ("ended 19", (0,)),
    ("ended 20", (0,)),
    ("finished 20", (0,)),
    ("closed 20", (0,)),
    ("christmas eve", (0,)),
    ("new year's eve", (0,)),
    ("new years eve", (0,)),
    ("new year’s eve", (0,)),
    ("end", (7,)),
    ("close", (7,)),
)


#: For an ASCII text: every match of :data:`_DAY_CUE` or :data:`_DAY_CUE_RARE` there holds
#: a digit or one of these words, whole (a run of ``\w`` between two non-word characters).
_CUE_WORDS = frozenset(
    w.encode()
    for w in (
        *("today", "tonight", "morning", "afternoon", "evening", "heute", "aujourd", "yesterday"),
        *("gestern", "hier", "last", "overnight", "after", "previous", "prior", "preceding"),
        *("earlier", "before", "eve", "weekend"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag"),
        *("dienstag", "mittwoch", "donnerstag", "freitag", "lundi", "mardi", "mercredi", "jeudi"),
        "vendredi",
    )
)
#: ``bytes.translate`` table for ASCII text: a digit becomes "0" and any other byte that is
#: not a word character (``[a-zA-Z0-9_]``) a space, so that ``split`` gives the words.
_WORDS_TABLE = bytes(
    48 if 48 <= c <= 57 else c if (65 <= c <= 90 or 97 <= c <= 122 or c == 95) else 32 for c in range(256)
)


def _cue_matches(text: str) -> list[re.Match]:
    """The matches of :data:`_DAY_CUE` in ``text`` and, when a key word of the rarer phrases
    is there, of :data:`_DAY_CUE_RARE`, in order of their start (the first before the second
    at the same start)."""
    low = text.lower()
    if text.isascii():
        words = low.encode("ascii").translate(_WORDS_TABLE)
        if b"0" not in words and _CUE_WORDS.isdisjoint(words.split()):
            return []  # no digit and none of the words that every phrase holds (tested first)
    rare = any(map(low.__contains__, _RARE_KEYS))
    if not text.isascii() and (len(low) != len(text) or _CASE_TROUBLE.search(text) is not None):
        found = list(_DAY_CUE.finditer(text))
        if rare:
            found.extend(_DAY_CUE_RARE.finditer(text))
            found.sort(key=re.Match.start)
        return found
    # the matches of _DAY_CUE.finditer(text), tried only where a match can start
    found = []
    end = 0
    match = _DAY_CUE.match
    for c in _CUE_START.finditer(" " + low):
        p = c.start()
        if p >= end:
            m = match(text, p)
            if m is not None:
                found.append(m)
                end = m.end()
    if rare:
        # _DAY_CUE_RARE.finditer(text), tried where its words put a start
        starts = set()
        find = low.find
        for word, backs in _RARE_WORDS:
            i = find(word)
            while i >= 0:
                starts.update(i - b for b in backs if i >= b)
                i = find(word, i + 1)
        end = 0
        match = _DAY_CUE_RARE.match
        n = len(found)
        for p in sorted(starts):
            if p >= end:
                m = match(text, p)
                if m is not None:
                    found.append(m)
                    end = m.end()
        if len(found) > n and n:
            found.sort(key=re.Match.start)
    return found


def day_cues(text: str):
    """``(start, DayCue)`` for every day phrase in ``text`` that is not a reference date."""
    for m in _cue_matches(text):
        s = m.group(0)
        at = m.start()
        if m.re is _DAY_CUE_RARE:
            if m.group("endyear"):
                # "had stood at 15,884.86 at the end of 2021": the year's last session
                yield (
                    at,
                    DayCue(
                        "date", s, day=date(int(m.group("eyy") or m.group("eyy2")), 12, 31), year_end=True
                    ),
                )
            elif m.group("preweekend"):
                # "Before the weekend, the FTSE 100 closed up 1%": the Friday before the piece
                # (the piece's own day when it is a Friday)
                yield at, DayCue("weekday", s, weekday=4)
            elif m.group("eve"):
                # the last sessions before Christmas and the new year (often half days)
                yield at, DayCue("date", s, month_day=(12, 24 if s[0] in "cC" else 31))
            elif m.group("daybefore"):
                # "than the previous day", "from the previous session": a reference, not a day
                if not _RELATIVE_EXCLUDE_REVERSED.match(text[max(0, at - 40) : at][::-1]):
                    yield at, DayCue("daybefore", s)
            else:
                yield at, DayCue("prevsession", s)
            continue
        kind = m.lastgroup  # the outer group: it closes after any group inside it
        back = text[max(0, at - 40) : at][::-1]  # the 40 characters before, reversed
        if kind == "today" or kind == "yesterday" or kind == "lastnight":
            # "its worst day since May yesterday": only "since yesterday" makes it a reference
            if _RELATIVE_EXCLUDE_REVERSED.match(back):
                continue
        elif _CUE_EXCLUDE_REVERSED.match(back):
            continue
        after = text[m.end() : m.end() + 40].lower()
        if _POSSESSIVE_AFTER.match(after):
            continue
        if _BASE_BEFORE_REVERSED.match(back) and _CLOSE_AFTER.match(after):
            continue  # "gained 1.3% on Friday's close": the base of the move, not its day
        if kind == "lastnight" and s.lower() == "overnight" and _ATTRIBUTIVE_AFTER.match(after):
            continue
        if kind == "today" or kind == "yesterday" or kind == "lastnight" or kind == "lastweek":
            yield at, DayCue(kind, s)
        elif kind == "afterhol":
            yield at, DayCue("today", s)
        elif kind == "lastwd":
            yield at, DayCue("lastwd", s, weekday=_WEEKDAYS[m.group("lwd").lower()])
        elif kind == "md":
            mon = MONTHS[s[:3].lower()]
            yield at, DayCue("date", s, month_day=(mon, int(m.group("mdd"))))
        elif kind == "dm":
            yield at, DayCue("date", s, month_day=(MONTHS[m.group("dmm")[:3].lower()], int(m.group("dmd"))))
        elif kind == "full":
            mm = _FULL_DATES[0][0].search(s)
            d = _match_date(mm, "mdy") if mm else None
            if d:
                yield at, DayCue("date", s, day=d)
        elif kind == "wd":
            if _HOLIDAY_BEFORE_REVERSED.match(back):
                continue  # Good Friday, Easter Monday, Black Friday
            yield at, DayCue("weekday", s, weekday=_WEEKDAYS[s.lower()])


# ---------------------------------------------------------------- sessions

_FALLBACK_NOTE = "exchange calendar {code} unavailable; weekdays used as sessions"


@lru_cache(maxsize=4096)
def _is_session(code: str | None, d: date) -> bool:
    if code and _calendar_ok(code):
        try:
            return cal.is_session(code, d)
        except EventStudyError:
            pass
    return d.weekday() < 5


def calendar_ok(code: str | None) -> bool:
    """Whether the exchange calendar ``code`` can be used (else weekdays stand in)."""
    if not code:
        return False
    return _calendar_ok(code)


@lru_cache(maxsize=64)
def _calendar_ok(code: str) -> bool:
    try:
        cal.is_session(code, date(2022, 1, 4))
        return True
    except EventStudyError:
        return False


@lru_cache(maxsize=4096)
def session_on_or_before(code: str | None, d: date) -> date:
    """``d`` if it is a session of ``code``, else the last session before it."""
    for _ in range(15):
        if _is_session(code, d):
            return d
        d -= timedelta(days=1)
    return d


@lru_cache(maxsize=4096)
def session_before(code: str | None, d: date) -> date:
    """The last session of ``code`` strictly before ``d``."""
    return session_on_or_before(code, d - timedelta(days=1))


def resolve_cue(cue: DayCue, published: date, code: str | None) -> date:
    """The session of exchange ``code`` that a day phrase means, for an article of ``published``.

    "The previous day" (``daybefore``) is read here as the session before the publication day;
    the reader dates it from the session its sentence is about when the sentence or the text
    before it names one.
    """
    if cue.kind == "today":
        return session_on_or_before(code, published)
    if cue.kind in ("yesterday", "lastnight", "prevsession", "daybefore"):
        return session_before(code, published)
    if cue.kind == "lastweek":
        monday = published - timedelta(days=published.weekday())
        return session_before(code, monday)
    if cue.kind == "lastwd":
        back = (published.weekday() - (cue.weekday or 0)) % 7 or 7
        return session_on_or_before(code, published - timedelta(days=back))
    if cue.kind == "weekday":
        back = (published.weekday() - (cue.weekday or 0)) % 7
        return session_on_or_before(code, published - timedelta(days=back))
    if cue.kind == "date":
        return session_on_or_before(code, cue_day(cue, published) or published)
    return session_on_or_before(code, published)


def cue_day(cue: DayCue, published: date) -> date | None:
    """The calendar day an explicit date phrase names (``None`` for other phrases or an
    impossible date); a month and day more than a week after ``published`` is last year's."""
    if cue.kind != "date":
        return None
    if cue.day is not None:
        return cue.day
    mon, dd = cue.month_day or (published.month, published.day)
    d = _mk(published.year, mon, dd)
    if d is not None and d > published + timedelta(days=7):
        d = _mk(published.year - 1, mon, dd) or d
    return d
