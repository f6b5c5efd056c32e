"""Ranking and record statements: "its biggest fall since 24 February", "a record close".

Market reports rank the session they describe: "the FTSE 100 fell 3.9%, its biggest one-day
fall since March 2020", "the S&P 500 closed at its lowest level since 7 March", "the Dax hit
a six-week low", "the Dow finished at a record high". A fact-checker is asked about these as
often as about the move itself, and they say how unusual the move was. This module finds them
and turns each into a :class:`~eventstudy.read.model.Ranking`:

- what is ranked: the session's move (``"move"``: "biggest fall", "best day", "worst week";
  in points when the text says "points drop"), its close (``"close"``: "lowest close", "highest
  level", "a record close") or a level reached during it (``"intraday"``: "hit its highest
  level since", "touched a record");
- which end: ``"high"`` or ``"low"``;
- against what: a day, month or year after "since" (``anchor``), a span ("in two months",
  "a six-week low": ``lookback``), or all history (``record``).

The session is the one of the claimed move the statement goes with ("fell 2%, its biggest
fall since ...", or "It was the index's worst day since ..." after it); a statement with no
move is dated from its own day phrase ("The Dow closed at a record high on Monday"), else
from the last move of the same index before it, else the article's event day (said in a note).

Only statements about an index are kept: "the pound's biggest fall since", "Shell's worst
day since" and "oil hit a record high" are not the market's.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Sequence
from datetime import date, timedelta

from ..indices import Index
from .dates import FOREIGN_MONTHS, MONTHS, DayCue, resolve_cue, session_before
from .extract import RANK_WORDS, _has_any, _session_cues, lower
from .lexicon import MONTH_ABBR
from .mentions import find_mentions
from .model import Ranking
from .numbers import WORD_NUMBERS
from .since import find_base_day, resolve_base_day

__all__ = ["find_rankings", "MOST_PER_ARTICLE"]

_FALL = r"falls?|drops?|declines?|loss(?:es)?|slides?|slumps?|sell-?offs?|retreats?|tumbles?|plunges?|decreases?|routs?|setbacks?"
_RISE = r"gains?|rises?|rall(?:y|ies)|jumps?|advances?|surges?|climbs?|increases?|rebounds?|bounces?|runs?|performances?"
_SPAN = r"days?|sessions?|weeks?|months?"
_LEVEL = r"closes?|closing(?:\s(?:level|high|low|price|mark))?|levels?|finish|point|mark|reading"
#: A superlative that ranks a move or a level, with the words up to "since" / "in".
_SUPERLATIVE = re.compile(
    r"\b(?P<sup>biggest|largest|steepest|sharpest|heaviest|deepest|worst|best|strongest|greatest|"
    r"lowest|highest|weakest)\s"
    r"(?P<mods>(?:(?:one|single|1|two|three|five)[-\s](?:day|session|week)|daily|weekly|monthly|intraday|"
    r"percentage|per\scent(?:age)?|points?|closing|trading|day['’]s|week['’]s)\s){0,3}"
    r"(?:(?P<noun>" + _FALL + "|" + _RISE + "|" + _SPAN + "|" + _LEVEL + r")\s)?"
    r"(?:(?:for|of)\s(?P<owner>(?:the\s)?[\w&'’.-]+(?:\s[\w&'’.-]+){0,3}?)\s)?"
    r"(?P<rel>since|in|for|of|so\sfar\sthis|this)\s",
    re.IGNORECASE,
)
#: "a six-week low", "a 52-week high", "its highest close in two years" (the span form).
_SPAN_EXTREME = re.compile(
    r"\b(?:a|an|its|the|fresh|new|another)\s(?:(?:fresh|new)\s)?(?P<n>\d{1,3}|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|eighteen|fifteen|twenty)[-\s](?P<unit>day|week|month|year|session)\s"
    r"(?P<cl>closing\s|intraday\s)?(?P<x>high|low|peak|trough)s?\b",
    re.IGNORECASE,
)
#: "a record high", "an all-time high", "a record close", "closed at a record", "a fresh record".
_RECORD = re.compile(
    r"\b(?:record|all[-\s]time)\s(?P<cl>closing\s|intraday\s)?(?P<x>highs?|close|closes|lows?|peaks?|finish|level)\b"
    r"|\bintra-?day\s(?:record|all[-\s]time)(?:\s(?:high|peak))?\b"
    r"|\b(?P<verb>closed|finished|ended|settled|hit|hits|touched|reached|set|notched|rose|climbed|jumped|"
    r"rallied|surged|advanced)\s(?:at|to|another|on|in)?\s?(?:a\s|another\s|fresh\s|new\s)*record\b"
    # "jumped a record 1,293 points", "a record 7.4%": a record move, not a record close
    r"(?!\s?[$£€¥]|\s?[\d.,]+\s?(?:%|per\s?cent|percent|points?|pts)(?!\w))"
    # "a record ninth straight gain", "set a record for consecutive gains": a streak, not a close
    r"(?!\s(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|\w+teenth|for|of|number|streak|run|straight|consecutive)\b)"
    r"(?:\s(?:closing\s|intraday\s)?(?:highs?|close|lows?|peaks?|level|finish)\b)?"
    r"(?!\s(?:profits?|inflation|sales|earnings|numbers?|amounts?|volumes?|turnover|demand|levels?\sof|"
    r"lows?\s(?:of|in)|highs?\s(?:of|in)\s(?:inflation|oil|the\s(?:dollar|pound|euro|yen))|\d+\stimes)\b)"
    # "..., also a record.": a record as an apposition at the end of the clause
    r"|(?<=,\s)(?:also\s)?(?:a|another)\s(?:new\s|fresh\s)?record(?=\s?[.,;])",
    re.IGNORECASE,
)
#: "its first close above 15,000 since March", "closed below 7,000 for the first time since ...",
#: "hit 4,000 ... for the first time in a year": a round level crossed.
_FIRST_CROSS = re.compile(
    r"\bfirst\s(?:close|finish|closing\s(?:level|price))\s(?P<d1>above|below|over|under|beyond)\s"
    r"(?:the\s)?(?P<n1>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{3,6}(?:\.\d+)?)(?:[-\s](?:points?|mark|level|barrier))?"
    r"(?:\s(?:so\sfar\s)?this\s(?P<per1>week|month|year)\b|\s(?P<rel>since|in)\s|(?=[\s,.;]))"
    r"|\b(?P<v2>closed|finished|ended|settled|close|finish|end|settle|rose|fell|climbed|dropped|slipped|sank|hit|touched|traded|broke|"
    r"jumped|surged|tumbled)\s(?P<d2>above|below|over|under|through|beyond)\s(?:the\s)?"
    r"(?P<n2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{3,6}(?:\.\d+)?)(?:[-\s](?:points?|mark|level|barrier))?"
    r"\s(?:for\s)?the\sfirst\stime(?:\s(?:so\sfar\s)?this\s(?P<per2>week|month|year)\b|\s(?P<rel2>since|in)\s"
    r"|(?=[\s,.;]))",
    re.IGNORECASE,
)
#: German and French month names: the reader's, and spellings without accents or in Austrian.
_FOREIGN_MONTHS = {**FOREIGN_MONTHS, "jänner": 1, "fevrier": 2, "aout": 8, "decembre": 12}
#: After "seit" / "depuis": "dem 24. Februar", "le 24 février 2022", "März 2020", "2020".
_FOREIGN_DATE = re.compile(
    r"(?:(?:dem|le)\s)?(?:(?P<d>\d{1,2})(?:\.|er)?\s)?(?P<m>" + "|".join(_FOREIGN_MONTHS) + r")?\b\s?"
    r"(?P<y>(?:19|20)\d\d)?\b"
)
#: German and French ranking statements (the reader also reads claims in these languages):
#: "auf einem Rekordhoch", "ein Allzeithoch", "record historique"; "höchster Stand seit", "tiefsten
#: Schlussstand seit", "stärksten Tagesverlust seit", "schlechteste Woche seit"; "plus bas niveau
#: en clôture depuis", "pire semaine depuis", "plus forte baisse depuis".
_FOREIGN = re.compile(
    r"\b(?P<rec>rekordhoch|rekordhöchststand|rekordstand|allzeithoch|rekordniveau|rekordschluss|"
    r"record\s(?:historique|absolu)|plus\shaut\shistorique|sommet\shistorique)\b"
    r"|\b(?P<lvl>höchste[nm]?|tiefste[nm]?|niedrigste[nm]?)\s(?:stand|schlussstand|niveau|schluss|wert)\s(?P<seit>seit)\s"
    r"|\b(?P<mvde>stärkste[nm]?|größte[nm]?|heftigste[nm]?|kräftigste[nm]?|deutlichste[nm]?)\s"
    r"(?P<mvn>(?:tages|wochen|monats)?(?:verlust|minus|rückgang|einbruch|abschlag|gewinn|plus|anstieg|zuwachs|kurssturz))e?s?\s(?P<seit2>seit)\s"
    r"|\b(?P<bw>schlechteste[nm]?|beste[nm]?)\s(?P<bwn>woche|tag|handelstag|börsentag|monat|monatsbilanz)\s(?P<seit3>seit)\s"
    r"|\bplus\s(?P<flvl>bas|haut)\s(?:niveau\s)?(?P<fcl>(?:en|de)\sclôture\s)?(?P<dep>depuis)\s"
    r"|\b(?P<fbw>pire|meilleure?)\s(?P<fbwn>semaine|séance|journée|mois|performance)\s(?:\w+\s)?(?P<dep2>depuis)\s"
    r"|\bplus\sfort(?:e)?\s(?P<fmv>baisse|chute|hausse|progression|repli|recul)\s(?P<fmvp>quotidienne|hebdomadaire|"
    r"journalière|mensuelle)?\s?(?P<dep3>depuis)\s",
    re.IGNORECASE,
)
#: After "of" / "in" / "so far this": the period a statement ranks the session in ("its worst day
#: of the year", "its best week so far this year", "its biggest fall in 2022").
_PERIOD_SO_FAR = re.compile(
    r"(?:(?:the|this)\s)?(?P<per>year|month)\b(?:\s(?:so\sfar|to\sdate))?|(?P<y>(?:19|20)\d\d)\b(?![.,]?\d)",
    re.IGNORECASE,
)
#: "levels not seen since", "an intraday low last seen in": the since form without a superlative.
_NOT_SEEN = re.compile(
    r"\b(?:a|an|its|the)\s(?:(?:fresh|new)\s)?(?P<cl>intraday\s|closing\s)?(?P<x>low|high)\s"
    r"(?:not\sseen|last\sseen|unseen)\ssince\s",
    re.IGNORECASE,
)
#: Before "record": a past record that a move is measured from ("below its November record
#: close", "off the record high of 3 January", "within 2% of its record").
_PAST_RECORD = re.compile(
    r"\b(?:below|above|from|off|under|beneath|short\sof|within|near|since|than|of)\s"
    r"(?:(?:its|the|their|a|last|previous|prior|[A-Z][a-z]+\.?|\d{1,2}(?:st|nd|rd|th)?,?)\s){0,3}$",
)
#: After an index's name: a company listed in it or a sector of it ("FTSE 100-listed Shell",
#: "the S&P 500's consumer staples group", "the STOXX 600 personal and household goods index").
_NOT_THE_INDEX = re.compile(
    r"-(?:listed|quoted|based|constituent)\b|(?:['’]s)?\s(?:(?!(?:mid-?cap|blue-?chip|benchmark|broad(?:er)?|main|"
    r"share|stock|composite|tech-heavy|leading|wider|price|equity|headline|all-share)\s)[a-z&-]+\s){1,4}"
    r"(?:index|sector|group|sub-?index)\b"
)
#: Before a statement: what the session may yet become, not what it was ("on track for its
#: best day in more than a year", "on course for its worst month since March 2020").
_HYPOTHETICAL = re.compile(
    r"\b(?:on\s(?:track|course|pace)\s(?:for|to)|set\s(?:for|to)|head(?:ed|ing)\sfor|poised\s(?:for|to)|"
    r"would\sbe|could\sbe|risk(?:s|ed|ing)?)\s(?:post(?:ing)?\s|record(?:ing)?\s|log(?:ging)?\s)?\S*\s?$",
    re.IGNORECASE,
)
#: Where a clause with its own subject begins: a day phrase before it is not the statement's.
_CLAUSE_START = re.compile(r",\s(?:and|while|but|whereas)\s|;\s|\s(?:while|whereas)\s")
#: "Wednesday's jump in the Dax", "yesterday's fall": the day of the move a statement ranks.
_POSSESSIVE_DAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|yesterday)['’]s\s", re.IGNORECASE)
_WEEKDAY_NUMBER = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4}
#: "... rallied on Thursday after Wall Street's best day since 2020": the statement's session
#: came before the day named.
_AFTER_IT = re.compile(r"\bafter\s(?:[\w&'’.-]+\s){0,4}$", re.IGNORECASE)
#: Another subject between an index and the statement: "Dow said its net debt had fallen to its
#: lowest level since ..." (the debt's, not the index's).
_OTHER_SUBJECT = re.compile(
    r"\bits\s(?:[a-z-]+\s){1,2}(?:had|has|have|was|were|is|are|fell|rose|dropped|climbed|hit|reached|sank|jumped)\b"
)
#: Numbers in words: the reader's, and "a"/"an" for one ("in a month") and "eighteen".
_WORDS = {**WORD_NUMBERS, "a": 1, "an": 1, "eighteen": 18}
#: "in two months", "in more than a year", "for almost three weeks", "in 18 months".
_LOOKBACK = re.compile(
    r"(?P<hedge>(?:more|over|almost|nearly|about|around|roughly|just\s(?:over|under)|less)\s(?:than\s)?)?"
    r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|\d{1,3})"
    r"\s(?P<unit>(?:trading\s)?(?:day|session|week|month|year|fortnight))s?\b(?P<half>\sand\sa\shalf)?",
    re.IGNORECASE,
)
_YEAR_IN = re.compile(r"(?<![\d.,])(?P<y>(?:19|20)\d\d)\b(?![.,]?\d)")
_MONTH_YEAR = re.compile(
    r"(?P<pre>(?:early|mid|late|last|the\s(?:start|beginning|end)\sof)[-\s])?(?P<m>" + MONTH_ABBR + r")\b\.?"
    r"(?:,?\s(?P<y>(?:19|20)\d\d)\b|(?P<last>\slast\syear)\b)?(?!\s?\d)",
    re.IGNORECASE,
)
_YEAR = re.compile(
    r"(?P<pre>(?:early|mid|late|the\s(?:start|beginning|end)\sof)[-\s])?(?P<y>(?:19|20)\d\d)\b(?![.,]?\d)",
    re.IGNORECASE,
)
#: Where the words after "since" stop naming the anchor.
_ANCHOR_END = re.compile(
    r",(?!\s?(?:19|20)\d\d\b)|[;:()!?]|(?<!\b(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec))(?<!\bsept)\.(?!\d)|\s(?:(?:and|but|while|when|as|after|amid|with|before|in|at)\s|on\s(?!\d)"
    r"|(?:today|yesterday|tonight|overnight|this\s(?:morning|afternoon|week))\b)",
    re.IGNORECASE,
)
#: Between a claimed move and a ranking of it ("fell 2%, its biggest ...", "rose 1% to a record
#: close"): a new clause with its own subject ("as Apple hit a record high") is not.
_PARTICIPLE = (
    r"(?:touching|hitting|falling|rising|climbing|dropping|sliding|posting|recording|marking|reaching|"
    r"setting|notching|gaining|losing|shedding|ending|closing|finishing|paring|erasing|trimming|jumping|"
    r"surging|tumbling|sinking|plunging|rallying|slipping|dipping|extending|snapping|recovering|"
    r"rebounding|adding|booking|suffering|logging|chalking)"
)
_NEW_SUBJECT = re.compile(
    # ("after touching its lowest level since ...": a participle keeps the subject; "while
    # sterling rallied" does not)
    r"\b(?:(?:while|after|when|before)\b(?!\s"
    + _PARTICIPLE
    + r"\b)|(?:as|because|whereas|although|though|but|with|amid)\b"
    # ("..., which was its lowest close since ...", "which traders noted was its ...": the move's)
    r"|which\b(?!\s(?:[\w'’-]+\s){0,3}(?:was|is|marked|made|represented)\b))|;"
    # "..., sending the dollar to its highest level", "pushing the yen to a 20-year low": the
    # index moved something else there
    r"|\b(?:send(?:ing|s)?|sent|push(?:ing|ed|es)?|driv(?:ing|es|en)|drove|lift(?:ing|ed|s)?|leav(?:ing|es)|"
    r"left|tak(?:ing|es)|took|knock(?:ing|ed|s)?|drag(?:ging|ged|s)?|help(?:ing|ed|s)?)\s"
    r"(?!(?:it|the\s(?:index|benchmark|gauge|market))\b)(?:the\s)?[\w$£€'’-]+(?:\s[\w'’-]+){0,2}\s(?:to|at|into)\b"
    # German and French: "während der Euro", "und die Rendite", "tandis que l'euro", "et le pétrole"
    r"|\b(?:während|wobei|tandis\sque|alors\sque|(?:und|et)\s(?:der|die|das|den|dem|le|la|les|l['’]))\b"
    # ", Ocado closing at its highest level": another subject, then its own verb
    r"|,\s[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*)*\s\w+(?:ing|ed)\b"
    # "... and the pound hit its lowest level", "and oil jumped 3%, its biggest gain": "and" with a
    # subject of its own (not a verb of the index: "and closed at a record", "and hit a record")
    r"|\band\s(?!(?:then\s|also\s|so\s)?(?:\w+ed|hit|set|rose|fell|sank|shed|lost|won|its|it|to|at|a|was|is|ran|"
    r"broke|held|left|saw|took|put|made|swung|ended|slid|sold|rebounded|bounced)\b)\w"
    r"|\b(?:led|helped|driven|dragged|pushed|lifted|weighed\sdown|thanks)\s(?:by|to)\b"
)
_CLOSE_WORD = re.compile(r"\bclos(?:e|ed|es|ing)\b|\b(?:finished|ended|settled|finish)\b", re.IGNORECASE)
_INTRADAY_WORD = re.compile(
    r"\b(?:hit|hits|touched|touch|intraday|at\sone\spoint|briefly|earlier|during\sthe\s(?:day|session)|"
    r"in\searly\strade|in\searly\strading)\b",
    re.IGNORECASE,
)
#: A sentence about the move just read: "It was the index's worst day since ...".
_BACK_REFERENCE = re.compile(
    r"^\W*(?:it|that|this|the\s(?:fall|drop|decline|loss|slide|gain|rise|rally|jump|move|advance|sell-?off))\s"
    r"(?:was|is|marked|represented|made|became|has\sbeen|had\sbeen|means|meant|left\s(?:the\s)?(?:index|benchmark|it)\b)",
    re.IGNORECASE,
)
_PRONOUN_OWNER = re.compile(r"(?:\bits|\bthe\s(?:index|benchmark|gauge|market)['’]s?)\s*$", re.IGNORECASE)
#: After a statement's anchor, its owner: "... since 2020 for the tech-heavy index".
_FOR_OWNER = re.compile(r"\bfor\s(?:the\s)?(?=\S)")
#: An index named inside an apposition about something else: ", the top gainer on the FTSE 100,".
_APPOSITION_OPEN = re.compile(r",\s(?:the|a|an)\s[^,]{0,60}$")
_APPOSITION_CLOSE = re.compile(r"(?:['’]s)?[^,]{0,30},")
_JOINED = re.compile(r"\s(?:and|&)\s(?:the\s)?")
#: A move's noun before "was its" / "was the": "The index's slide was its steepest since ...".
_NOUN_WAS = re.compile(
    r"\b(?P<n>" + _FALL + "|" + _RISE + r")\s(?:[\w'’-]+\s){0,2}?(?:was|is|marked)\s(?:its|the)\s$",
    re.IGNORECASE,
)
#: "their best day since ...": shares, investors, several indices; not one index's.
_THEIR = re.compile(r"\btheir\s*$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?\s*$")
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their)\s*$", re.IGNORECASE)

#: How far before and after a statement its index and day phrase are looked for.
_REACH = 150
#: Statements read per sentence at most (prose has one or two; more is not prose).
_MOST_PER_SENTENCE = 8
#: Statements read per article at most (the reader notes when it stops there).
MOST_PER_ARTICLE = 64
#: Phrases tried per article at most (most of them owned by nothing: text that is not prose).
_MOST_TRIED = 4 * MOST_PER_ARTICLE

_FALL_RX = re.compile(r"^(?:" + _FALL + r")$", re.IGNORECASE)
_RISE_RX = re.compile(r"^(?:" + _RISE + r")$", re.IGNORECASE)


def _month_end(first: date) -> date:
    """The last day of ``first``'s month."""
    return first.replace(day=monthrange(first.year, first.month)[1])


def _latest_year(month: int, session: date) -> int:
    """The year of the latest such month before the session's own ("since March")."""
    return session.year if month < session.month else session.year - 1


def _before(first: date, last: date, session: date) -> tuple[date | None, date | None]:
    """``(first, last)`` cut to the days before ``session``; ``(None, None)`` when it starts on
    or after it (an anchor after the session is none)."""
    if first >= session:
        return None, None
    return first, min(last, session - timedelta(days=1))


def _narrow(first: date, last: date, pre: str, thirds: tuple[timedelta, timedelta]) -> tuple[date, date]:
    """The part of ``[first, last]`` an "early" / "mid" / "late" (or "the start / beginning /
    end of") names: the first, middle or last third, its ends ``first + thirds[0]`` and
    ``first + thirds[1]``."""
    if pre.startswith(("early", "the start", "the beginning")):
        return first, first + thirds[0]
    if pre.startswith("mid"):
        return first + thirds[0] + timedelta(days=1), first + thirds[1]
    if pre.startswith(("late", "the end")):
        return first + thirds[1] + timedelta(days=1), last
    return first, last


def _foreign_anchor(f: re.Match, session: date) -> tuple[date | None, date | None]:
    """A German or French anchor: "seit dem 24. Februar", "depuis mars 2020", "seit 2020"."""
    year = int(f.group("y")) if f.group("y") else None
    if f.group("m") is None:
        assert year is not None
        if year > session.year:
            return None, None
        return date(year, 1, 1), min(date(year, 12, 31), session - timedelta(days=1))
    mon = _FOREIGN_MONTHS[f.group("m")]
    if f.group("d"):
        for y in (year,) if year else (session.year, session.year - 1):
            try:
                d = date(y, mon, int(f.group("d")))
            except ValueError:
                return None, None
            if d < session:
                return d, d
        return None, None
    first = date(year if year is not None else _latest_year(mon, session), mon, 1)
    return _before(first, _month_end(first), session)


def _anchor_stop(sent: str, at: int) -> int:
    """Where the words after "since" at ``at`` stop naming the anchor."""
    stop_m = _ANCHOR_END.search(sent, at)
    stop = stop_m.start() if stop_m is not None else len(sent)
    return min(stop, at + 45)


def _anchor(sent: str, at: int, session: date, foreign: bool = False) -> tuple[date | None, date | None, str]:
    """The day, month or year named after "since" at ``at`` (after "seit" / "depuis" when
    ``foreign``): ``(first, last, words)``."""
    stop = _anchor_stop(sent, at)
    words = sent[at:stop].strip()
    low = lower(sent)  # (the same length as the sentence: offsets hold)
    if foreign:
        f = _FOREIGN_DATE.match(low, at)
        if f is not None and (f.group("m") or f.group("y")):
            return _foreign_anchor(f, session) + (words,)
    m = _MONTH_YEAR.match(low, at)
    spec = None if m is not None and m.group("y") else find_base_day(low, at, stop)
    if spec is not None:
        before = session - timedelta(days=1)
        if spec.year is None and spec.month is not None and "last year" in low[at:stop]:
            d = resolve_base_day(spec, date(session.year - 1, 12, 31))
        else:
            d = resolve_base_day(spec, before)
        return d, d, words
    if m is not None and m.end() <= stop + 1:
        mon = MONTHS[m.group("m")[:3].lower()]
        pre = (m.group("pre") or "").lower()
        if m.group("y"):
            year = int(m.group("y"))
        elif m.group("last"):
            year = session.year - 1
        elif pre.startswith(("early", "the start", "the beginning")) and mon == session.month:
            year = session.year  # "since early March" on 14 March: this March's first days
        elif pre.startswith("last"):
            year = session.year - 1 if mon >= session.month else session.year  # "since last March"
        else:
            year = _latest_year(mon, session)
        first = date(year, mon, 1)
        # "since early March": its first ten days; mid: the next ten; late: the rest
        first, last = _narrow(first, _month_end(first), pre, (timedelta(days=9), timedelta(days=19)))
        return _before(first, last, session) + (words,)
    if low.startswith("last year", at):
        year = session.year - 1
        return date(year, 1, 1), date(year, 12, 31), words
    y = _YEAR.match(low, at)
    if y is None:
        # "since the market crash of March 2020", "since the depths of the 2008 crisis": the one
        # month and year, or the one year, the words name
        inner = [k for k in _MONTH_YEAR.finditer(low, at, stop) if k.group("y")]
        if len(inner) == 1:
            k = inner[0]
            first = date(int(k.group("y")), MONTHS[k.group("m")[:3].lower()], 1)
            return _before(first, _month_end(first), session) + (words,)
        years = list(_YEAR_IN.finditer(low, at, stop))
        y = years[0] if len(years) == 1 else None
    if y is not None and y.end() <= stop + 1:
        year = int(y.group("y"))
        if year >= session.year + 1 or year < 1900:
            return None, None, words
        # "since early 2020": January to April; mid: May to August; late: September on
        first = date(year, 1, 1)
        thirds = (date(year, 4, 30) - first, date(year, 8, 31) - first)
        first, last = _narrow(first, date(year, 12, 31), (y.groupdict().get("pre") or "").lower(), thirds)
        return _before(first, last, session) + (words,)
    return None, None, words


def _lookback(sent: str, at: int) -> tuple[int, str] | None:
    m = _LOOKBACK.match(sent, at)
    if m is None:
        return None
    n = _WORDS.get(m.group("n").lower())
    if n is None:
        n = int(m.group("n"))
    unit = m.group("unit").lower().removeprefix("trading ")
    if unit == "session":
        unit = "day"
    if unit == "fortnight":
        n, unit = 2 * n, "week"
    hedge = (m.group("hedge") or "").lower()
    if m.group("half"):
        if unit == "year":
            n, unit = n * 12 + 6, "month"
        elif unit == "month":
            n, unit = n * 4 + 2, "week"
    if hedge.startswith(("almost", "nearly", "just under", "less")):
        # "in almost two years": the last time was a little less than that ago
        if unit == "year":
            n, unit = n * 12 - 2, "month"
        elif unit == "month":
            n, unit = n * 4 - 1, "week"
        elif unit == "week":
            n, unit = n * 5 - 2, "day"
    return (n, unit) if n > 0 else None


def _owner_before(sent: str, start: int) -> tuple[str, Index | None]:
    """Who the superlative at ``start`` belongs to: ``("pronoun", None)`` for "its", "the
    index's"; ``("index", ix)`` for "the FTSE 250's"; ``("other", None)`` for "the pound's";
    ``("none", None)`` for "the biggest fall", "a record close"."""
    head = sent[max(0, start - 60) : start]
    if _THEIR.search(head):
        return "other", None
    if _PRONOUN_OWNER.search(head):
        return "pronoun", None
    if _POSSESSIVE.search(head):
        ms = find_mentions(head)
        if ms and ms[-1].end >= len(head.rstrip()) - 3 and isinstance(ms[-1].target, Index):
            return "index", ms[-1].target
        return "other", None
    return "none", None


def _owner_named(words: str | None) -> tuple[str, Index | None]:
    """An owner after the noun ("the biggest fall for the FTSE 100 since ...")."""
    if not words:
        return "none", None
    ms = find_mentions(words)
    if ms and isinstance(ms[0].target, Index):
        return "index", ms[0].target
    if ms and ms[0].kind == "ref":
        return "pronoun", None
    return "other", None


def _what_of(
    sup: str, mods: str, noun: str | None, sent: str, start: int
) -> tuple[str, str, str | None] | None:
    """``(what, extreme, period)`` of a superlative, or ``None`` when it ranks nothing we check."""
    sup = sup.lower()
    n = (noun or "").lower()
    mods = mods.lower()
    period = (
        "week"
        if ("week" in mods or n.startswith("week"))
        else "month"
        if ("month" in mods or n.startswith("month"))
        else "day"
    )
    if _FALL_RX.match(n):
        if sup in ("best", "strongest", "lowest", "highest"):
            return None
        return "move", "low", period
    if _RISE_RX.match(n):
        if sup in ("worst", "weakest", "lowest", "highest"):
            return None
        return "move", "high", period
    if n and re.match(_SPAN, n) and not n.startswith("level"):
        if sup in ("worst", "weakest"):
            return "move", "low", period
        if sup in ("best", "strongest"):
            return "move", "high", period
        return None  # "the biggest day since": a move either way
    if sup in ("lowest", "highest", "weakest", "strongest") and (not n or re.match(_LEVEL, n)):
        if sup in ("strongest", "weakest") and not n:
            return None
        extreme = "low" if sup in ("lowest", "weakest") else "high"
        if "intraday" in mods:
            cl = "intraday"
        elif "closing" in mods or n.startswith(("close", "closing", "finish")):
            cl = "closing"
        else:
            cl = None
        return _close_or_intraday(sent, start, start, cl), extreme, None
    return None


#: How a note names the span of a claimed move whose ranking is not checked.
_SPAN_NAMES = {
    "quarter": "the quarter",
    "year-to-date": "the year so far",
    "year": "the year",
    "from-record": "the fall from a record",
    "open-to-close": "the session from its open",
    "multi-day": "several sessions counted from a named day",
}


def _sessions_of(mods: str) -> int | None:
    """The sessions of a move ranked over several ("its biggest two-day gain"), else ``None``."""
    m = re.search(r"\b(two|three|four|five|2|3|4|5)[-\s](?:day|session)\b", mods, re.IGNORECASE)
    if m is None:
        return None
    g = m.group(1).lower()
    return int(g) if g.isdigit() else _WORDS[g]


def _close_or_intraday(sent: str, lo: int, hi: int, cl: str | None) -> str:
    """``"close"`` or ``"intraday"`` for a statement at ``sent[lo:hi]``: as its own word says
    (``cl``: "closing", "intraday"), else by a close or intraday word in it or up to 45
    characters before it ("closed at its highest", "hit its highest"), else a close."""
    if cl and cl.lower().startswith("intraday"):
        return "intraday"
    if cl or _CLOSE_WORD.search(sent, max(0, lo - 45), hi):
        return "close"
    if _INTRADAY_WORD.search(sent, max(0, lo - 45), hi):
        return "intraday"
    return "close"


def find_rankings(
    text: str,
    spans: Sequence[tuple[int, int]],
    moves: Sequence,
    published: date,
    event_date: date | None,
    candidates: Sequence[int] | None = None,
    *,
    morning: bool = False,
) -> tuple[tuple[Ranking, ...], bool]:
    """Every ranking or record statement about an index session in ``text``.

    Parameters
    ----------
    text
        The article text (as read: markup removed).
    spans
        Its sentences' ``(start, end)`` offsets.
    moves
        The claimed moves read from it (:class:`~eventstudy.read.extract.Move`, in the order
        of the article's claims), to which a statement is attached when it goes with one.
    published
        The publication date (to date a statement that stands alone).
    event_date
        The article's event session (the last resort for a statement with no day of its own).
    morning
        The piece is a morning note (written before the sessions of its day): a statement
        with no day and no move of its own is about the session before publication.
    candidates
        The sentences that hold a word of :data:`~.extract.RANK_WORDS` (the reader finds them
        in its one pass over the text); default: each sentence is tested.

    Returns
    -------
    rankings : tuple of Ranking
        In text order; at most :data:`MOST_PER_ARTICLE`.
    complete : bool
        ``False`` when reading stopped early (more statements, or more phrases tried, than
        prose holds).
    """
    if candidates is None:
        candidates = [i for i, (s, e) in enumerate(spans) if _has_any(lower(text[s:e]), RANK_WORDS)]
    if not candidates:
        return (), True
    by_sentence: dict[int, list[int]] = {}
    for i, mv in enumerate(moves):
        by_sentence.setdefault(mv.sentence, []).append(i)
    out: list[Ranking] = []
    tried = 0
    for si in candidates:
        s, e = spans[si]
        sent = text[s:e]
        for found in _statements(sent)[:_MOST_PER_SENTENCE]:
            tried += 1
            r = _attach(found, sent, s, si, spans, text, moves, by_sentence, published, event_date, morning)
            if r is None and _THEIR.search(sent, max(0, found["lo"] - 60), found["lo"]):
                # "The Dow and the S&P 500 both suffered their worst day since ...": each one's
                for ix in _joint_owners(sent, found["lo"]):
                    got = _attach(
                        dict(found),
                        sent,
                        s,
                        si,
                        spans,
                        text,
                        moves,
                        by_sentence,
                        published,
                        event_date,
                        morning,
                        ix,
                    )
                    if got is not None:
                        out.append(got)
            elif r is not None:
                out.append(r)
            if len(out) >= MOST_PER_ARTICLE or tried >= _MOST_TRIED:
                return tuple(out), False
    return tuple(out), True


def _foreign(m: re.Match, sent: str) -> dict | None:
    """A German or French statement of :data:`_FOREIGN` as the dict of :func:`_statements`."""
    g = {k: (v.lower() if isinstance(v, str) else v) for k, v in m.groupdict().items()}
    item: dict = {"lo": m.start(), "hi": m.end(), "period": None, "points": False, "owner_words": None}
    since = m.end()
    if g["rec"]:
        item.update(what=_close_or_intraday(sent, m.start(), m.end(), None), extreme="high", record=True)
        before = sent[max(0, m.start() - 60) : m.start()].lower()
        if any(w in before for w in ("schloss", "schluss", "geschlossen", "clôtur", "termin", "fini")):
            item["what"] = "close"
        return item
    if g["lvl"] or g["flvl"]:
        low_word = (g["lvl"] or "").startswith(("tief", "niedrig")) or g["flvl"] == "bas"
        item.update(what="close", extreme="low" if low_word else "high")
    elif g["mvde"]:
        n = g["mvn"]
        up = any(w in n for w in ("gewinn", "plus", "anstieg", "zuwachs"))
        period = "week" if n.startswith("wochen") else "month" if n.startswith("monats") else "day"
        item.update(what="move", extreme="high" if up else "low", period=period)
    elif g["bw"]:
        n = g["bwn"]
        period = "week" if n == "woche" else "month" if n.startswith("monat") else "day"
        item.update(what="move", extreme="low" if g["bw"].startswith("schlecht") else "high", period=period)
    elif g["fbw"]:
        n = g["fbwn"]
        period = "week" if n == "semaine" else "month" if n == "mois" else "day"
        item.update(what="move", extreme="low" if g["fbw"] == "pire" else "high", period=period)
    elif g["fmv"]:
        up = g["fmv"] in ("hausse", "progression")
        p = g["fmvp"] or ""
        period = "week" if p.startswith("hebdo") else "month" if p.startswith("mensu") else "day"
        item.update(what="move", extreme="high" if up else "low", period=period)
    else:
        return None
    item["since_at"] = since
    item["foreign"] = True
    return item


def _crossing(m: re.Match, sent: str) -> dict | None:
    """A first close above or below a round number ("its first close above 15,000 since
    March", "fell below 7,000 for the first time in a year")."""
    num = m.group("n1") or m.group("n2")
    try:
        level = float(num.replace(",", ""))
    except ValueError:
        return None
    if level < 100:
        return None  # a percentage or a price, not an index level
    way = (m.group("d1") or m.group("d2")).lower()
    item: dict = {
        "lo": m.start(),
        "hi": m.end(),
        "what": "intraday"
        if (m.group("v2") or "").lower() in ("hit", "touched", "traded", "broke")
        else "close",
        "extreme": "high" if way in ("above", "over", "beyond", "through") else "low",
        "period": None,
        "points": False,
        "owner_words": None,
        "threshold": level,
    }
    rel = (m.group("rel") or m.group("rel2") or "").lower()
    per = m.group("per1") or m.group("per2")
    if per:
        # "closed above 7,000 for the first time this week": the first close above it this week
        item["window"] = (per.lower(), None)
    elif rel == "since":
        item["since_at"] = m.end()
    elif rel == "in":
        lb = _lookback(sent, m.end())
        if lb is None:
            return None
        item["lookback"] = lb
    else:
        item["record"] = True  # the first ever
    return item


_SUPERLATIVE_WORDS = (
    *("biggest", "largest", "steepest", "sharpest", "heaviest", "deepest", "worst", "best"),
    *("strongest", "greatest", "lowest", "highest", "weakest"),
)
_SPAN_WORDS = (
    "-day",
    "-week",
    "-month",
    "-year",
    "-session",
    " day ",
    " week ",
    " month ",
    " year ",
    " session ",
)
_FOREIGN_WORDS = (
    *("rekord", "allzeithoch", "historique", "höchste", "tiefste", "niedrigste", "stärkste", "größte"),
    *("heftigste", "kräftigste", "deutlichste", "schlechteste", "beste", "plus ", "pire", "meilleur"),
)


def _statements(sent: str) -> list[dict]:
    """The ranking phrases of one sentence, each as a dict of what was read (no index yet)."""
    found: list[dict] = []
    taken: list[tuple[int, int]] = []
    low = lower(sent)  # (each pattern is tried only where one of its words is)
    for m in _SUPERLATIVE.finditer(sent) if _has_any(low, _SUPERLATIVE_WORDS) else ():
        if len(found) >= 2 * _MOST_PER_SENTENCE:
            break  # (more is not prose: reading on would only cost time)
        noun = m.group("noun")
        if noun is None:
            # "The index's slide was its steepest since ...", "The drop was the biggest for ..."
            before = _NOUN_WAS.search(sent, max(0, m.start() - 60), m.start())
            noun = before.group("n") if before is not None else None
        got = _what_of(m.group("sup"), m.group("mods") or "", noun, sent, m.start())
        if got is None:
            continue
        what, extreme, period = got
        item = {
            "lo": m.start(),
            "hi": m.end(),
            "what": what,
            "extreme": extreme,
            "period": period if what == "move" else None,
            "points": what == "move" and "point" in (m.group("mods") or "").lower(),
            "sessions": _sessions_of(m.group("mods") or "") if what == "move" else None,
            "owner_words": m.group("owner"),
        }
        rel = m.group("rel").lower()
        w = _PERIOD_SO_FAR.match(sent, m.end()) if rel != "since" else None
        if rel == "since":
            item["since_at"] = m.end()
        elif w is not None and (rel in ("of", "in", "for") or w.group("per")):
            # "its worst day of the year", "its best week so far this year", "... in 2022"
            item["window"] = (w.group("per") or "year").lower(), int(w.group("y")) if w.group("y") else None
            item["hi"] = w.end()
        elif rel in ("in", "for"):
            lb = _lookback(sent, m.end())
            if lb is None:
                continue
            item["lookback"] = lb
            item["hi"] = _LOOKBACK.match(sent, m.end()).end()  # type: ignore[union-attr]
        else:
            continue
        found.append(item)
        taken.append((m.start(), item["hi"]))
    for m in _SPAN_EXTREME.finditer(sent) if _has_any(low, _SPAN_WORDS) else ():
        if len(found) >= 2 * _MOST_PER_SENTENCE:
            break  # (more is not prose: reading on would only cost time)
        if any(a <= m.start() < b for a, b in taken):
            continue
        g = m.group("n")
        n = int(g) if g.isdigit() else _WORDS.get(g.lower())
        if not n:
            continue
        unit = m.group("unit").lower()
        found.append(
            {
                "lo": m.start(),
                "hi": m.end(),
                "what": _close_or_intraday(sent, m.start(), m.end(), m.group("cl")),
                "extreme": "low" if m.group("x").lower() in ("low", "trough") else "high",
                "period": None,
                "points": False,
                "owner_words": None,
                "lookback": (n, "day" if unit == "session" else unit),
            }
        )
        taken.append((m.start(), m.end()))
    for m in _FOREIGN.finditer(sent) if _has_any(low, _FOREIGN_WORDS) else ():
        if len(found) >= 2 * _MOST_PER_SENTENCE:
            break  # (more is not prose: reading on would only cost time)
        item = _foreign(m, sent)
        if item is not None:
            found.append(item)
            taken.append((m.start(), m.end()))
    for m in _FIRST_CROSS.finditer(sent) if "first" in low else ():
        if len(found) >= 2 * _MOST_PER_SENTENCE:
            break  # (more is not prose: reading on would only cost time)
        item = _crossing(m, sent)
        if item is not None:
            found.append(item)
            taken.append((m.start(), item["hi"]))
    for m in _NOT_SEEN.finditer(sent) if "seen" in low else ():
        if len(found) >= 2 * _MOST_PER_SENTENCE:
            break  # (more is not prose: reading on would only cost time)
        if any(a <= m.start() < b for a, b in taken):
            continue
        found.append(
            {
                "lo": m.start(),
                "hi": m.end(),
                "what": _close_or_intraday(sent, m.start(), m.end(), m.group("cl")),
                "extreme": "low" if m.group("x").lower() == "low" else "high",
                "period": None,
                "points": False,
                "owner_words": None,
                "since_at": m.end(),
            }
        )
        taken.append((m.start(), m.end()))
    for m in _RECORD.finditer(sent) if ("record" in low or "all" in low) else ():
        if len(found) >= 2 * _MOST_PER_SENTENCE:
            break  # (more is not prose: reading on would only cost time)
        if any(a <= m.start() < b for a, b in taken):
            continue
        if _PAST_RECORD.search(sent, max(0, m.start() - 40), m.start()):
            continue  # "20% below its November record close": a past record, the base of a move
        x = (m.group("x") or "high").lower()
        found.append(
            {
                "lo": m.start(),
                "hi": m.end(),
                "what": _close_or_intraday(sent, m.start(), m.end(), m.group("cl")),
                "extreme": "low" if x.startswith("low") else "high",
                "period": None,
                "points": False,
                "owner_words": None,
                "record": True,
            }
        )
        taken.append((m.start(), m.end()))
    found = [d for d in found if not _HYPOTHETICAL.search(sent, max(0, d["lo"] - 40), d["lo"])]
    found.sort(key=lambda d: d["lo"])
    return found


def _host_in_sentence(
    found: dict, sent: str, idx: list[int], moves: Sequence, ix: Index | None, mentions: list
) -> int | None:
    """The claimed move of this sentence that the statement at ``found`` ranks: the nearest one
    before it (of ``ix`` when the statement names its index), with no new subject between.
    ``mentions``: the index mentions in the :data:`_REACH` characters before the statement."""
    best = None
    if not idx:
        return None
    named = {getattr(m.target, "ticker", None) for m in mentions if m.kind != "ref"}
    for i in idx:
        mv = moves[i]
        end = mv.nums[-1].end if mv.nums else mv.hi
        if mv.lo > found["lo"] or (
            mv.nums and mv.nums[0].start > found["lo"] and getattr(mv.target, "ticker", None) not in named
        ):
            continue
        if ix is not None and getattr(mv.target, "ticker", None) != ix.ticker:
            continue
        if end > found["lo"]:
            # "closed at a record high of 4,796.56": the phrase inside the move's own words
            if mv.nums and mv.nums[0].start > found["lo"] and _NEW_SUBJECT.search(sent, mv.lo, found["lo"]):
                continue
        else:
            gap = sent[end : found["lo"]]
            if ix is None and (len(gap) > 70 or _NEW_SUBJECT.search(gap) or _OTHER_SUBJECT.search(gap)):
                continue
        best = i
    return best


def _joint_owners(sent: str, lo: int) -> list[Index]:
    """The indices of "The Dow and the S&P 500 both suffered their worst day ...": two or more
    named and joined by "and" before the statement, with no other subject between."""
    window = sent[max(0, lo - _REACH) : lo]
    ms = [m for m in find_mentions(window) if m.kind == "name" and isinstance(m.target, Index)]
    if len(ms) < 2 or not _JOINED.fullmatch(window, ms[-2].end, ms[-1].start):
        return []
    if _NEW_SUBJECT.search(window, ms[-1].end):
        return []
    return [ms[-2].target, ms[-1].target]


def _attach(
    found: dict,
    sent: str,
    s_off: int,
    si: int,
    spans: Sequence[tuple[int, int]],
    text: str,
    moves: Sequence,
    by_sentence: dict[int, list[int]],
    published: date,
    event_date: date | None,
    morning: bool = False,
    owner: Index | None = None,
) -> Ranking | None:
    """Give a ranking phrase its index and session, or ``None`` when it is not an index's
    (``owner``: the index it is known to be about)."""
    how, ix = ("index", owner) if owner is not None else _owner_before(sent, found["lo"])
    if how == "none" and found.get("owner_words"):
        how, ix = _owner_named(found["owner_words"])
    if how in ("pronoun", "none"):
        # "It was the biggest gain since 2020 for the tech-heavy index": named after the anchor
        tail_at = found.get("since_at", found["hi"])
        after = _FOR_OWNER.search(sent, tail_at, tail_at + 60)
        if after is not None:
            ms = find_mentions(sent[after.end() : after.end() + 40])
            if ms and ms[0].start == 0 and isinstance(ms[0].target, Index):
                how, ix = "index", ms[0].target
    if how == "other":
        return None
    here = by_sentence.get(si, [])
    lo = max(0, found["lo"] - _REACH)
    window = sent[lo : found["lo"]]
    every = find_mentions(window)
    if every and every[-1].kind == "skip" and how != "index":
        return None  # "the Vix jumped 30% to 37.2, its highest close since October"
    named = [
        m
        for m in every
        if m.kind == "name"
        and isinstance(m.target, Index)
        and not _NOT_THE_INDEX.match(window, m.end)
        # "Tesla, the biggest weight in the Nasdaq, closed at a record high": an apposition
        and not (_APPOSITION_OPEN.search(window, 0, m.start) and _APPOSITION_CLOSE.match(window, m.end))
    ]
    if how in ("pronoun", "none") and named and _NOT_THE_INDEX.match(window, named[-1].end):
        return None
    host = _host_in_sentence(found, sent, here, moves, ix, every)
    if how in ("pronoun", "none") and named:
        # "the FTSE 100 fell 3%, ... and the FTSE 250 had its worst day since January": the
        # index named last before the phrase, when it is named after the move's numbers
        near = named[-1]
        end = None if host is None else (moves[host].nums[-1].end if moves[host].nums else moves[host].hi)
        if _NEW_SUBJECT.search(sent, lo + near.end, found["lo"]) or _OTHER_SUBJECT.search(
            sent, lo + near.end, found["lo"]
        ):
            pass  # "London's FTSE 100 lost 0.5% after UK inflation hit a 10-year high": not its
        elif host is None or (
            getattr(moves[host].target, "ticker", None) != near.target.ticker and lo + near.start > end
        ):
            ix = near.target
            host = _host_in_sentence(found, sent, here, moves, ix, every)
    notes: list[str] = []
    refers = not named and any(m.kind == "ref" for m in every)  # "The tech-heavy index's slide was ..."
    if host is None and how in ("pronoun", "none", "index") and (_BACK_REFERENCE.match(sent) or refers):
        prev = [
            i
            for i in by_sentence.get(si - 1, [])
            if ix is None or getattr(moves[i].target, "ticker", None) == ix.ticker
        ]
        if prev:
            host = prev[-1]
    if host is not None:
        mv = moves[host]
        if not isinstance(mv.target, Index):
            return None
        ix = mv.target
        day, alt = mv.trading_date, mv.alt_date if mv.alt_date != mv.trading_date else None
        if (
            mv.kind == "intraday"
            and found["what"] == "close"
            and not _CLOSE_WORD.search(sent, max(0, found["lo"] - 45), found["hi"])
        ):
            # "down 2.5% at 6,814 at lunchtime, its lowest level since July": the level quoted
            # during the session is ranked, not the close
            found["what"] = "intraday"
            lvl = mv.get("level")
            if lvl is not None and found.get("threshold") is None:
                found["threshold"] = lvl.value
        if found["what"] == "move" and mv.kind == "other" and mv.period == "multi-day" and mv.sessions:
            # "fell 6% over the past five sessions, its worst week since March": those sessions
            found["sessions"], found["period"] = mv.sessions, "day"
        elif found["what"] == "move" and not found.get("sessions") and found.get("period") != "week":
            # the move ranked is the claim's: a week, a month
            if mv.kind == "weekly":
                found["period"] = "week"
            elif mv.kind == "other" and mv.period == "month":
                found["period"] = "month"
            elif mv.kind == "other":
                found["period"] = "other"
                span = _SPAN_NAMES.get(mv.period or "", "a span")
                notes.append(f"ranks the move over {span}, which is not checked")
    else:
        if ix is None:
            # "The S&P 500 closed at a record high": the index named (by its name, not a place
            # such as "Britain's", which may own a yield) before the phrase
            if (
                not named
                or _NEW_SUBJECT.search(sent, lo + named[-1].end, found["lo"])
                or _OTHER_SUBJECT.search(sent, lo + named[-1].end, found["lo"])
            ):
                return None
            ix = named[-1].target
        hi = found["hi"] if "since_at" not in found else _anchor_stop(sent, found["since_at"])
        masked = sent[lo : found["lo"]] + " " * (hi - found["lo"]) + sent[hi : hi + _REACH]
        day, alt = _own_day(masked, found["lo"] - lo, ix, published), None
        if day is None and here:
            # the sentence's first move ("The FTSE 100 fell 3.1%, wiping out the previous day's
            # 1.2% rebound, and the FTSE 250 had its worst day since January": the 3.1% day)
            first = min(here, key=lambda i: moves[i].nums[0].start if moves[i].nums else moves[i].lo)
            day = moves[first].trading_date
            notes.append("session taken from the move read in the same sentence")
        if day is None:
            same = [
                i
                for i, mv in enumerate(moves)
                if mv.sentence < si and getattr(mv.target, "ticker", None) == ix.ticker
            ]
            if same:
                day = moves[same[-1]].trading_date
                notes.append("session taken from the last move of the index read before the statement")
            elif morning:
                day = session_before(ix.calendar, published)
                notes.append("no day named in a morning note: the session before publication")
            else:
                day = event_date
                notes.append("no day named: the session is the article's event day")
    if day is None:
        return None
    anchor = anchor_end = window_start = None
    anchor_text = None
    if "window" in found:
        per, year = found["window"]
        if year is not None and year != day.year:
            return None  # "its worst day of 2020" about another year: not this session's rank
        if per == "week":
            window_start = day - timedelta(days=day.weekday())
        else:
            window_start = date(day.year, day.month if per == "month" else 1, 1)
    if "since_at" in found:
        anchor, anchor_end, anchor_text = _anchor(sent, found["since_at"], day, found.get("foreign", False))
        found["hi"] = found["since_at"] + len(anchor_text)
        if anchor is None:
            notes.append(f"'since {anchor_text}' names no date: the statement cannot be checked")
    return Ranking(
        index=ix.name,
        ticker=ix.ticker,
        what=found["what"],
        extreme=found["extreme"],
        trading_date=day,
        period=found.get("period"),
        points=found.get("points", False),
        anchor=anchor,
        anchor_end=anchor_end,
        lookback=found.get("lookback"),
        record=found.get("record", False),
        threshold=found.get("threshold"),
        sessions=found.get("sessions"),
        window_start=window_start,
        anchor_text=anchor_text,
        alt_trading_date=alt,
        claim=host,
        phrase=sent[found["lo"] : found["hi"]].strip(),
        text=sent,
        span=(s_off, s_off + len(sent)),
        notes=tuple(notes),
    )


def _own_day(sent: str, at: int, ix: Index, published: date) -> date | None:
    """The session a statement standing alone names ("closed at a record high on Monday",
    "Wednesday's jump in the Dax had been its biggest ..."); ``at`` is where the statement
    starts in ``sent``. A statement after "after" ("Asian shares rallied on Thursday after Wall
    Street's best day since 2020") is about the session before the day named."""
    own = _POSSESSIVE_DAY.search(sent, 0, at)
    if own is not None:
        word = own.group(1).lower()
        cue = (
            DayCue("yesterday", word)
            if word == "yesterday"
            else DayCue("weekday", word, weekday=_WEEKDAY_NUMBER[word])
        )
    else:
        # the day phrase nearest the statement ("NEW YORK, March 10 (Reuters) - The S&P 500 on
        # Wednesday closed at ...": Wednesday, not the dateline's date)
        found = _session_cues(sent, published)
        # (not a day phrase in an earlier clause: "..., wiping out the previous day's rebound, and
        # the FTSE 250 had its worst day since January")
        clause = max((c.end() for c in _CLAUSE_START.finditer(sent, 0, at)), default=0)
        found = [pc for pc in found if pc[0] >= clause]
        cue = min(found, key=lambda pc: abs(pc[0] - at))[1] if found else None
    if cue is None:
        return None
    day = resolve_cue(cue, published, ix.calendar)
    if own is None and _AFTER_IT.search(sent, max(0, at - 60), at):
        day = session_before(ix.calendar, day)
    return day
