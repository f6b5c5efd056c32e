"""Claims from sentences: which numbers belong to which index, and what kind of move they are.

For each sentence that holds both a digit and an index mention:

1. mentions are found (:mod:`.mentions`) and references resolved to indices already named;
2. numbers are classified as a percentage, a points change or a level (:mod:`.numbers`),
   and numbers about other things (oil, currencies, rates, single stocks, times, money)
   are dropped;
3. each mention owns the numbers up to the next mention (numbers before the first mention
   of a sentence go to it; a clause word such as "while" or an asset noun ends the run);
4. the numbers of a mention are grouped into moves (a new move starts when a kind of
   number repeats or a period phrase intervenes), and each move gets a direction, a hedge,
   a kind/period and a trading day from the words nearest to it.

Claims about one index in adjacent sentences that complete each other ("stood at 6,980.12 by
noon. That left it 1.1% lower ...") are merged afterwards.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from functools import cache, lru_cache
from itertools import chain

from ..calendar import period_first_day
from ..indices import Index, OtherIndex, blue_chip
from . import lexicon as L
from .dates import (
    MONTHS,
    TZ_OFFSETS,
    DayCue,
    best_cue,
    cue_day,
    day_cues,
    find_day_cue,
    resolve_cue,
    session_before,
    session_on_or_before,
)
from .fastre import first_digit, literal_prefixes, prefix_guard
from .mentions import Mention, find_mentions, unslash_names
from .numbers import (
    NUMBER_RE,
    WORD_LEVEL_RE,
    WORD_NUMBER_RE,
    WORD_NUMBERS,
    YEAR_IN_WORDS,
    cardinal_spans,
    cardinal_value,
    has_cardinal,
    hedge_before,
    parse_number,
    unit_after,
    word_number,
    year_value,
)
from .review import ReviewPeriod, review_period
from .since import BaseDay, find_base_day

try:  # one pass over a text for many words (optional: else each sentence is tested)
    import ahocorasick_rs
except ImportError:  # pragma: no cover - depends on the environment
    ahocorasick_rs = None

__all__ = ["Context", "Move", "extract_claims"]

AMERICAS = {"XNYS", "XTSE", "BVMF", "XNAS"}
EUROPE = {"XLON", "XETR", "XPAR", "XMIL", "XMAD", "XMOS", "XAMS", "XSWX", "XSTO"}
ASIA = {"XTKS", "XHKG", "XSHG", "XKRX", "XASX", "XBOM", "XSES", "XTAI", "XSHE"}
#: A cheap test for sentences that may hold a day phrase or a time of day.
_DAY_WORDS = (
    "day",
    "end of",
    "ended 20",  # "ended 2021 at 23,480.81"
    "finished 20",
    "closed 20",
    "previous",
    "prior",
    "preceding",
    "night",
    "week",
    "morning",
    "noon",
    "afternoon",
    "evening",
    "holiday",
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "heute",
    "gestern",
    "tag",
    "woch",
    "hier",
    "jeudi",
    "lundi",
    "mardi",
    "mercredi",
    "vendredi",
    "σήμερα",
    "χθες",
    "τρίτη",
    "τετάρτη",
    "πέμπτη",
    "παρασκευή",
    "δευτέρα",
    "early",
    "lunch",
    "midday",
    "trading",
    "am ",
    "pm ",
    "a.m",
    "p.m",
    "session earlier",  # (not "session": prose says "during the session" without a day)
    "session before",
    "christmas",  # "Christmas Eve"
    "s eve",  # "New Year's Eve"
)
_MARKET_WORDS = (
    "stock",
    "share",
    "index",
    "indices",
    "indexes",
    "market",
    "bourse",
    "equit",
    "trading",
    "session",
    "close",
    "wall street",
    "ftse",
    "dow",
    "nasdaq",
    "s&p",
    "nikkei",
    "dax",
    "cac",
    "hang seng",
)


#: Every match of :data:`~.lexicon.TIME_OF_DAY` holds a digit or one of these (a cheap test
#: before it): "by noon", "in early trading", "at the open", "at the lunch break", "by midday".
_TIME_OF_DAY_WORDS = ("by", "trad", "deal", "open", "lunch", "midday")
#: Time zones a clock time is printed with ("at 10.30 GMT"): a cheap test before TIME_OF_DAY.
_CLOCK_WORDS = ("gmt", "bst", "cet", " et", "edt", "est", "jst", "hkt", "sgt")


def _has_any(low: str, words: tuple[str, ...]) -> bool:
    """Whether any of ``words`` occurs in ``low`` (plain substring tests: a cheap pre-filter)."""
    return any(map(low.__contains__, words))


#: A word that every ranking or record statement holds (:mod:`eventstudy.read.rankings`):
#: a superlative, a numbered span before "high"/"low", "record", "all-time", "first close".
RANK_WORDS = (
    *("biggest", "largest", "steepest", "sharpest", "heaviest", "deepest", "worst", "best"),
    *("strongest", "greatest", "lowest", "highest", "weakest", "record", "all-time", "all time"),
    *("-week", "-month", "-year", "-day", "-session", "week high", "week low", "month high"),
    *("month low", "year high", "year low", "day high", "day low", "week closing", "month closing"),
    *("year closing", "first close", "first time", "first finish", "first closing"),
    # German and French
    *("rekord", "allzeithoch", "höchste", "tiefste", "niedrigste", "stärkste", "größte", "heftigste"),
    *("kräftigste", "deutlichste", "schlechteste", "historique", "plus bas", "plus haut", "pire"),
    *("meilleur", "plus fort", "not seen", "last seen", "unseen"),
)

#: Bits of :func:`_word_bits`: a sentence holds a market word, a day word, a clock word, a
#: ranking word.
_MARKET_BIT, _DAY_BIT, _CLOCK_BIT, RANK_BIT = 1, 2, 4, 8


def _sentence_bits(low: str) -> int:
    """Which of the three word lists the lower-cased sentence ``low`` holds a word of."""
    return (
        (_MARKET_BIT if _has_any(low, _MARKET_WORDS) else 0)
        | (_DAY_BIT if _has_any(low, _DAY_WORDS) else 0)
        | (_CLOCK_BIT if _has_any(low, _CLOCK_WORDS) else 0)
        | (RANK_BIT if _has_any(low, RANK_WORDS) else 0)
    )


_WORD_LIST_BITS: dict[str, int] = {}
for _words, _bit in (
    (_MARKET_WORDS, _MARKET_BIT),
    (_DAY_WORDS, _DAY_BIT),
    (_CLOCK_WORDS, _CLOCK_BIT),
    (RANK_WORDS, RANK_BIT),
):
    for _w in _words:
        _WORD_LIST_BITS[_w] = _WORD_LIST_BITS.get(_w, 0) | _bit
del _words, _bit, _w
#: The bits of the words of :data:`_WORDS_AUTOMATON`, by pattern index.
_PATTERN_BITS = tuple(_WORD_LIST_BITS.values())
#: One Aho-Corasick automaton for the three word lists (``None`` without ahocorasick_rs).
_WORDS_AUTOMATON = (
    ahocorasick_rs.AhoCorasick(list(_WORD_LIST_BITS), matchkind=ahocorasick_rs.MatchKind.Standard)
    if ahocorasick_rs is not None
    else None
)
#: The same words as UTF-8 bytes, for ASCII text (where byte offsets are str offsets): the
#: bytes automaton reads a text faster than the str one, which maps its offsets back.
_WORDS_BYTES_AUTOMATON = (
    ahocorasick_rs.BytesAhoCorasick(
        [w.encode() for w in _WORD_LIST_BITS], matchkind=ahocorasick_rs.MatchKind.Standard
    )
    if ahocorasick_rs is not None
    else None
)


def _word_bits(low: str, spans: list[tuple[int, int]]) -> list[int] | None:
    """For each sentence, which of the word lists it holds a word of (:data:`_MARKET_BIT` ...).

    The same answers as :func:`_sentence_bits` on ``low[s:e]``, found in one pass over the whole text: an
    occurrence counts for the sentence it lies wholly in. ``None`` (the caller tests each
    sentence) without ahocorasick_rs, when the spans are not in order without overlaps or
    when the text holds a lone surrogate.
    """
    auto = _WORDS_AUTOMATON
    if auto is None:
        return None
    # in order without overlaps: start, end, next start, ... never decrease
    flat = list(chain.from_iterable(spans))
    if flat != sorted(flat) or (flat and flat[0] < 0):
        return None
    starts = flat[0::2]
    try:
        # every occurrence (overlapping ones too); offsets are str offsets
        if low.isascii():
            found = _WORDS_BYTES_AUTOMATON.find_matches_as_indexes(low.encode("ascii"), overlapping=True)  # type: ignore[union-attr]
        else:
            found = auto.find_matches_as_indexes(low, overlapping=True)
    except UnicodeEncodeError:  # a lone surrogate (the text is passed on as UTF-8)
        return None
    n = len(spans)
    bits = [0] * n
    pbits = _PATTERN_BITS
    # The automaton reports occurrences in order of their ends, so most lie in the sentence of
    # the occurrence before: tested first. One that ends later lies in the first sentence that
    # ends at or after its end if any (those before it end before it does; those after it start
    # after its end): a pointer moves forward to it. Any other (across a boundary, or out of
    # order) is located by its start.
    si, s_lo, s_hi = 0, 0, -1
    for pi, start, end in found:
        if s_lo <= start and end <= s_hi:
            bits[si] |= pbits[pi]
        elif end > s_hi:
            while si < n and spans[si][1] < end:
                si += 1
            if si == n:  # past the last sentence: no sentence holds it
                s_lo = s_hi = len(low) + 1  # (only the test by start below is left)
                continue
            s_lo, s_hi = spans[si]
            if s_lo <= start:
                bits[si] |= pbits[pi]
        else:
            k = bisect_right(starts, start) - 1
            if k >= 0 and end <= spans[k][1]:
                bits[k] |= pbits[pi]
    return bits


_CURRENCY_BEFORE = re.compile(r"(?:[$£€¥₹₩]|US\$|Rs\.?|RM)\s?$")
#: One of these is in every match of :data:`_CURRENCY_BEFORE` (a cheap test before it).
_CURRENCY_CHARS = frozenset("$£€¥₹₩R")
# small patterns of the hot path, compiled once (same patterns as written inline before)
_TICKER_PAREN = re.compile(r"\(\s?\^?[a-z]{2,6}\s?[-–:]?\s?$")
_RANGE_GAP = re.compile(r"\s?(?:-|–|to|and)\s?")
_DASH_GAP = re.compile(r"\s?(?:-|–)\s?")
#: "ended at 7,554.31 and 21,854.57 respectively": a number listed after a level is a level.
_LIST_GAP = re.compile(r"\s?(?:,|and|&)\s?(?:and\s)?")
#: Between two numbers of one list: "1.5% and 2.6%", "-0.75%/-0.86%".
_NUMBER_LIST_GAP = re.compile(r"\s?(?:,|and|&|/)\s?(?:and\s)?[+\-−]?")
_AND_TO_GAP = re.compile(r"\s(?:and|to)\s")
_DIGIT_OR_STOP = re.compile(r"[\d,;]")
_NUMBER_AHEAD = re.compile(r"\d|\b(?:" + "|".join(WORD_NUMBERS) + r")\b")
_HEADING = re.compile(r"^\W{0,3}[\w ]{1,30}:")
#: A heading that makes a whole line about futures: "Futures:", "Index futures at 7am:".
_FUTURES_HEADING = re.compile(r"^\W{0,3}(?:[\w-]+\s){0,3}futures\b[\w ]{0,16}:")
_COORDINATION = re.compile(
    r"\s*(?:,|and|&|und|et|y|e|και|as\swell\sas|or|/)?\s*(?:the\s|its\s)?(?:[\w-]+\s)?", re.I
)
#: "rose 1.2% but is still 14% below its record": a clause word followed by a verb keeps
#: the subject.
_SAME_SUBJECT = re.compile(
    r"\b(?:but|though|although|yet)\s(?:it\s)?(?:still\s|also\s)?(?:is|was|has|had|remains?|remained|"
    r"stays?|stayed|ends|closes|finishes|" + L.VERBS_PAST + r")\b"
    # "..., although it still squeezed out a 0.2% gain": "it" names the same subject
    r"|\b(?:but|though|although|yet)\sit\s(?:still\s|also\s)?[a-z]+ed\b"
)
_INF = float("inf")
_ON_AVERAGE = re.compile(r"\bon\saverage\b", re.I)
#: A correction notice up to its first semicolon (lower-cased text): the figures in it are the
#: ones that were wrong ("An earlier version of this article said the Dow fell 2%").
_RETRACTED = re.compile(
    r"\b(?:earlier|previous|original|first)\sversion\sof\s(?:this|the)\s"
    r"(?:story|article|report|piece|item|blog|post|column)\b[^;]*"
)
#: A figure that is denied, not claimed: "fell 1.2%, not 2%", "rather than the 2% first
#: reported", "instead of 2%" (lower-cased text ending just before the number).
_NEGATED_BEFORE = re.compile(r"(?:(?:^|[\s,;(])not|\brather\sthan|\binstead\sof)\s(?:the\s|a\s)?$")
#: Every match of :data:`_NEGATED_BEFORE` ends with one of these (a cheap test before it).
_NEGATED_ENDS = ("not ", "than ", "of ", "the ", "a ")
#: :data:`~.numbers.WORD_NUMBER_RE` with a guard for its first characters (the same matches).
_WORD_NUMBER_RE = prefix_guard(WORD_NUMBER_RE)
#: The percent words of :data:`~.numbers.WORD_NUMBER_RE`'s lookahead, with its flags: every match
#: of it is followed by one, so a text without any has no number word (a cheap test first:
#: ``re`` skips to the letter "p" of a literal-led alternation).
_PERCENT_WORD = re.compile(r"per\s?cent|percent|prozent|pour\s?cent|por\s?ciento", WORD_NUMBER_RE.flags)
#: The same pattern without IGNORECASE, for lower-cased text (its words are lower case). A
#: case-blind match in a text is a match of this one at the same place in the text lowered
#: character by character, so when the anchors of the lowered sentence rule this one out
#: (``_Cues.absent``), the sentence holds no number word before a percent word.
_WORD_NUMBER_LOW = re.compile(WORD_NUMBER_RE.pattern, WORD_NUMBER_RE.flags & ~re.IGNORECASE)


#: :data:`~.lexicon.HISTORY` with the year in words ("in nineteen eighty-seven").
_HISTORY_IN_WORDS = re.compile(
    r"(?<!since\s)\b(?:in|during|back\sin|by)\s(?:(?:early|late|mid)[\s-])?(?:(?:" + L.MONTH_NAMES + r")\s)?"
    r"((?:" + YEAR_IN_WORDS + r"))",
    re.IGNORECASE,
)


def _word_number_in(low: str, sent: str) -> bool:
    """Whether a sentence without digits holds a number in words the reader takes.

    ``low`` is ``sent`` lower-cased. Fractions and small numbers before a percent word
    (:data:`~.numbers.WORD_NUMBER_RE`), cardinals before a percent word or "points"
    (:func:`~.numbers.cardinal_spans`), a level in thousands (:data:`~.numbers.WORD_LEVEL_RE`);
    each test runs only if its unit word is in the text.
    """
    if (
        ("cent" in low or "prozent" in low)
        and _PERCENT_WORD.search(sent) is not None
        and _WORD_NUMBER_RE.search(sent) is not None
    ):
        return True
    if ("cent" in low or "point" in low or "pts" in low) and has_cardinal(sent):
        return True
    return "thousand" in low and WORD_LEVEL_RE.search(sent) is not None


@dataclass
class Context:
    """What the reader knows about the article while reading it."""

    published: date
    decimal_comma: bool = False
    live: bool = False
    home: str | None = None  # "americas", "europe", "asia"
    home_guessed: bool = False  # home taken from the first index named, not a dateline or zone
    published_at: object = None  # datetime with zone, if printed
    recent: list = field(default_factory=list)  # resolved targets, most recent last
    carried: DayCue | None = None
    night: DayCue | None = None  # "last night on Wall Street": carried on for that market only
    last_period: str | None = None
    move_period: str | None = None  # the period key of the move read last ("over the same period")
    heading: str | None = None  # period set by a heading such as "For the year:"
    lead_period: str | None = None  # period of a sentence that opens with it ("For the year, ...")
    lead_si: int = -10
    time_si: int = -10  # sentence index of the last time-of-day phrase ("by noon")
    notes: list = field(default_factory=list)  # remarks for the article as a whole
    morning: bool = False  # a morning newsletter ("Good morning.", "Morning briefing")
    entry_at: datetime | None = None  # time stamp of the live-blog entry being read
    # the sentences that hold a ranking word (RANK_WORDS), found in the one pass of _word_bits
    # (None: not found that way)
    rank_sentences: list | None = None


@dataclass(slots=True)
class _Num:
    start: int
    end: int  # end of the unit
    value: float
    text: str
    unit: str  # pct, points, level
    sign: int
    hedge: str | None
    ref_level: bool = False


@dataclass(slots=True)
class Move:
    """One claimed move before it becomes a :class:`~eventstudy.read.model.Claim`."""

    target: Index | OtherIndex
    name: str
    nums: list[_Num]
    lo: int
    hi: int
    hi_full: int = 0
    plo: int = 0
    phi: int = 0
    direction: str | None = None
    kind: str = "close"
    kind_strength: int = 0  # 0 default, 1 weak cue, 2 explicit
    period: str | None = None
    trading_date: date | None = None
    alt_date: date | None = None
    date_explicit: bool = False
    carried: DayCue | None = None
    night: DayCue | None = None
    drop: bool = False
    period_key: str | None = None
    sessions: int | None = None  # a multi-day move's number of sessions, when the text says
    base: BaseDay | None = None  # the day a multi-day move is counted from, when the text names it
    snapshot: bool = False  # such a move at a moment of the session ("briefly ... below its record")
    alt_kind: str | None = None  # the kind on alt_date, when it differs
    period_lead: bool = False  # the period phrase comes before the numbers ("For May, ...")
    extreme: bool = False  # the extreme of a session ("at one point", "as much as")
    # where the sentence-wide intraday phrase that made this move intraday starts, if one did
    sentence_cue: int | None = None
    # a later group of one mention's numbers, split off on purpose ("..., after it had shed
    # 741 points"): not merged back into the group before it
    split_off: bool = False
    merged: bool = False
    last_sentence: int = -1
    # the day its own sentence names (resolved on the weekdays, before the exchange calendar
    # is known): moves of sentences naming two different days are not merged
    own_day: date | None = None
    opens_with_day: bool = False  # its sentence opens with a day phrase ("On Tuesday, ...")
    entry_at: datetime | None = None  # the time stamp of a live-blog entry the move is in
    named_year: int | None = None  # a past year printed right after the numbers ("9.1% in 2021")
    notes: list[str] = field(default_factory=list)
    sentence: int = 0
    span: tuple[int, int] = (0, 0)
    text: str = ""

    def get(self, unit: str) -> _Num | None:
        for n in self.nums:
            if n.unit == unit:
                return n
        return None


def _calendar_of(target: Index | OtherIndex) -> str | None:
    return target.calendar


def _region(code: str | None) -> str | None:
    if code in AMERICAS:
        return "americas"
    if code in EUROPE:
        return "europe"
    if code in ASIA:
        return "asia"
    return None


# ------------------------------------------------------------------ numbers


def lower(text: str) -> str:
    """Lower-cased text with the same offsets (unchanged if lowering would change its length)."""
    low = text.lower()
    return low if len(low) == len(text) else text


_MONTH_OR_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b"
#: "set an all-time closing high of 15,212.68": the day's own level, not a reference.
_SETS_LEVEL = re.compile(
    r"\b(?:set|sets|setting|hit|hits|hitting|reach(?:ed|es|ing)|notch(?:ed|es|ing)|post(?:ed|s|ing)|"
    # "having touched an intraday peak of 16,283.52"
    r"touch(?:ed|es|ing)|struck|strikes|striking|"
    r"mark(?:ed|s|ing)|clinch(?:ed|es|ing)|(?:clos|end|finish)(?:ed|es|ing|s)?\sat|"
    # "added 0.7% to a record closing high of 15,212.68": the move's own level
    r"\d%\sto|per\scent\sto|percent\sto|points\sto)\s"
    r"(?:a|an|its|their|the)\s(?:new\s|fresh\s)?(?:[\w-]+\s){0,2}(?:high|peak|record)\sof\s$"
)
#: Between an index name and its level in a table row: a colon, dots, a bar or a slash.
_TABLE_GAP = re.compile(r"\s?[:.…|/]*\s*|\s")
#: After a table row's change in points: whitespace, then a signed percentage ("  -0.80%").
_SIGNED_PCT_AHEAD = re.compile(r"\s{1,8}[-−–+]\d[\d.,]*\s?%")
#: A percentage about a company: "a 26% collapse in Meta's shares", "a 20% plunge in Netflix".
_COMPANY_MOVE_AFTER = re.compile(
    r"\s(?:[\w-]+\s)?(?:plunge|drop|fall|rise|jump|gain|slide|decline|surge|rally|increase|collapse|"
    r"slump|tumble|advance|loss)s?\sin\s(?:shares\s(?:in|of)\s|(?!" + _MONTH_OR_DAY + r")[A-Z])"
)
#: The same of a company named after its trade or of a sector: "helped by a 3% rise in
#: building-materials group CRH", "led by a 4.5% slide in property developers".
_TRADE_MOVE_AFTER = re.compile(
    r"\s(?:[\w-]+\s)?(?:plunge|drop|fall|rise|jump|gain|slide|decline|surge|rally|increase|collapse|"
    r"slump|tumble|advance|loss)s?\sin\s(?:"
    r"(?:[a-z][\w-]*\s){0,2}(?:group|developer|maker|producer|company|firm|lender|bank|miner|retailer|"
    r"insurer|airline|carrier|giant|operator|supplier|conglomerate|manufacturer|housebuilder)\s[A-Z]"
    r"|(?:[a-z][\w-]*\s)?(?:" + "|".join(sorted(L.SECTOR_WORDS, key=len, reverse=True)) + r")?\s?"
    r"(?:stocks|shares|developers|names|groups|companies|makers|producers|lenders|banks|miners)\b)"
)


#: From an index name to its number: an aside between commas, then the verb ("The FTSE 250, more
#: exposed to growth stocks, lost 4.6%"): a word of the aside ("growth") does not own the number.
_AFTER_ASIDE_VERB = r"(?:\w+ly\s)?(?:" + L.VERBS_PAST + r"|returned|was|were|is|has|had)\b"
_APPOSITIVE_THEN_VERB = re.compile(r",\s[^,;:()\d]{1,90},\s" + _AFTER_ASIDE_VERB + r"[^,;:()\d]{0,20}")
#: The aside alone ("The FTSE 250, more exposed to retailers, lost ..."): it does not change the subject.
_APPOSITIVE_ASIDE = re.compile(r",\s[^,;:()\d]{1,90},(?=\s" + _AFTER_ASIDE_VERB + r")")


@lru_cache(maxsize=4096)
def _number_value(token: str, decimal_comma: bool) -> tuple[float, str]:
    """:func:`~.numbers.parse_number` of a number token, cached (a pure function of a short key)."""
    return parse_number(token, decimal_comma=decimal_comma)


def _longest_of_overlapping(
    cands: list[tuple[int, int, float, str]], more: list[tuple[int, int, float, str]]
) -> list[tuple[int, int, float, str]]:
    """``cands`` and ``more`` together, the longer of two that overlap kept (the first if equal).

    "two-thirds of one per cent" is a fraction, not "one"; "three point six per cent" is
    3.6, not "six".
    """
    out = list(cands)
    for c in more:
        clash = [o for o in out if o[0] < c[1] and c[0] < o[1]]
        if all(c[1] - c[0] > o[1] - o[0] for o in clash):
            out = [o for o in out if o not in clash] + [c]
    return out


def _classify_numbers(
    sent: str, blocked: list[tuple[int, int]], ctx: Context, low: str | None = None, cues: _Cues | None = None
) -> list[_Num]:
    """The numbers of a (masked) sentence that may be index moves, classified.

    ``low`` is ``lower(sent)`` (worked out if not given); ``cues`` (optional) are the cue
    words of ``low``, whose anchors can prove that a pattern has no match in a window.
    """
    low = low if low is not None else lower(sent)
    out: list[_Num] = []
    cands: list[tuple[int, int, float, str]] = []
    dc = ctx.decimal_comma
    for m in NUMBER_RE.finditer(sent):
        cands.append((*m.span(), *_number_value(m[0], dc)))
    ls = sent.lower()
    # a number word counts only before a percent word, and every one holds "cent", "zent" or
    # "ento"; (ls == low: the text the anchors were found in is sent lowered char by char)
    if (
        ("cent" in ls or "zent" in ls or "ento" in ls)
        and not (cues is not None and ls == low and cues.absent(_WORD_NUMBER_LOW, 0, len(low)))
        and _PERCENT_WORD.search(sent) is not None
    ):
        for m in _WORD_NUMBER_RE.finditer(sent):
            cands.append((m.start(), m.end(1), *word_number(m.group(1))))
    cards = cardinal_spans(sent) if ("cent" in ls or "point" in ls or "pts" in ls) else []
    if cards:  # "three point six per cent" is 3.6, not the "six" read above; "twenty-five", not 5
        cands = _longest_of_overlapping(cands, cards)
    if "thousand" in ls:  # a level in words: "closed at thirty-four thousand."
        for m in WORD_LEVEL_RE.finditer(sent):
            cands.append((m.start(), m.end(1), *cardinal_value(m.group(1))))
    cands.sort()
    # a correction notice: "An earlier version of this story said the FTSE 100 fell 2%" gives
    # the figure that was wrong; the right one follows (after a semicolon or in the next sentence)
    retracted = _RETRACTED.search(low) if "version" in low else None
    prev_plain: tuple[int, int, float, str] | None = None
    bi = 0
    nb = len(blocked)
    for s, e, value, text in cands:
        if value == _INF:
            continue  # digits past a float's range ("1,000,000,...,000"): no index figure
        while bi < nb and blocked[bi][1] <= s:
            bi += 1
        if bi < nb and blocked[bi][0] <= s:
            continue  # inside an index name ("FTSE 250")
        if retracted is not None and retracted.start() <= s < retracted.end():
            continue
        after_orig = sent[e : e + 40]
        after = low[e : e + 40]
        before = low[max(0, s - 45) : s]
        if before.endswith(_NEGATED_ENDS) and _NEGATED_BEFORE.search(before):
            continue  # "fell 1.2%, not 2%", "rather than the 2% first reported"
        if sent[e : e + 1] == ":" or sent[s - 1 : s] == ":" or L.TIME_AFTER.match(after_orig):
            continue
        tail = before[-5:]
        if not _CURRENCY_CHARS.isdisjoint(tail) and _CURRENCY_BEFORE.search(tail):
            continue
        unit, ulen = unit_after(after)
        if unit == "basis":
            continue
        sign = 0
        c1 = sent[s - 1 : s]
        if c1 in "-−–" and c1:
            c2 = sent[s - 2 : s - 1]
            if c2.isdigit():
                sign = 0  # a range "1-2%"
            else:
                sign = -1
        elif c1 == "+":
            sign = 1
        uend = e + ulen
        if unit is None:
            if NUM_EXCLUDED(after):
                continue
            if "," not in text and "." not in text and 1800 <= value <= 2100 and "," not in sent[s:e]:
                continue  # a year
            bclean = before.rstrip("-−– ")
            paren = _TICKER_PAREN.search(before)
            listed = (
                out
                and out[-1].unit == "level"
                and not out[-1].ref_level
                and _LIST_GAP.fullmatch(low[out[-1].end : s]) is not None
            )
            # a table row: "FTSE 100: 7,037.47 (-0.7%)", "Dax .... 13,919.75 / -1.8%"
            table = (
                bi > 0
                and s - blocked[bi - 1][1] <= 12
                and _TABLE_GAP.fullmatch(sent, blocked[bi - 1][1], s) is not None
                and ("," in sent[s:e] or "." in sent[s:e])
            )
            if (
                sign
                and out
                and out[-1].unit == "level"
                and not out[-1].ref_level
                and value < out[-1].value
                and ("." in text or "," in text)
                and sent[out[-1].end : s - 1].isspace()
                and _SIGNED_PCT_AHEAD.match(sent, e)
            ):
                # a table row "INDU 34,641.18 -380.70 -0.80%": a signed change between the
                # level and the signed percentage is the move in points
                out.append(_Num(s, e, value, text, "points", sign, None))
                continue
            if paren or listed or table or L.LEVEL_CUE.search(bclean + " "):
                if value < 50:
                    continue
                ref = bool(
                    (L.REF_LEVEL_BEFORE.search(bclean + " ") and not _SETS_LEVEL.search(bclean + " "))
                    or L.REF_LEVEL_AFTER.match(after)
                )
                hedge = hedge_before(bclean + " ")
                if hedge is None and after.startswith(("-odd", " odd", "-plus", " plus", "-something")):
                    hedge = "about"  # "closed at 7,200-odd": a round figure, not 7,200.00
                out.append(_Num(s, e, value, text, "level", 0, hedge, ref))
            else:
                prev_plain = (s, e, value, text)
            continue
        if unit == "points":
            if L.RATE_POINTS.match(after[ulen:]):
                continue
            bclean = before.rstrip("-−– ")
            if L.LEVEL_CUE_POINTS.search(bclean + " ") and value >= 50:
                ref = bool(L.REF_LEVEL_BEFORE.search(bclean + " "))
                out.append(_Num(s, uend, value, text, "level", 0, hedge_before(bclean + " "), ref))
                continue
        if unit == "pct":
            if value > 100:
                ctx.notes.append(f"{sent[s:uend].strip()!r} not read as an index move (more than 100%)")
                continue
            rest = after[ulen:]
            if (
                L.PCT_EXCLUDE_AFTER.match(rest)
                or _COMPANY_MOVE_AFTER.match(after_orig, ulen)
                or (" in " in after and _TRADE_MOVE_AFTER.match(sent, e + ulen, e + ulen + 70))
            ):
                continue
            if cues is not None and cues.absent(L.PCT_EXCLUDE_BEFORE, s - len(before), s):
                ex = None  # (no anchor of the pattern in the window: no match)
            else:
                ex = L.PCT_EXCLUDE_BEFORE.search(before)
            if (
                ex is not None
                and "xxx" not in ex.group(0)
                and not (bi > 0 and _APPOSITIVE_THEN_VERB.fullmatch(low, blocked[bi - 1][1], s))
            ):
                # (an index named in between makes the number the index's own; so does an
                # aside about the index before its verb: "the FTSE 250, home to growth stocks, lost 4.6%")
                continue
        hedge = hedge_before(before.rstrip("-−– ") if sign else before)
        # a range: "between 1 and 2 per cent", "1-2%", "1 to 2 per cent"
        if prev_plain is not None and prev_plain[1] <= s:
            gap = sent[prev_plain[1] : s]
            if _RANGE_GAP.fullmatch(gap) and prev_plain[2] < value:
                lo = prev_plain[2]
                hedge = f"between {prev_plain[3]} and {text}"
                value = round((lo + value) / 2, 6)
                text = f"{value:g}"
        prev_plain = None
        if out and unit == "pct" and out[-1].unit == "pct" and out[-1].hedge is None:
            p = out[-1]
            gap = low[p.end : s]
            lead = low[max(0, p.start - 12) : p.start]
            if (
                _DASH_GAP.fullmatch(gap) or (_AND_TO_GAP.fullmatch(gap) and "between" in lead)
            ) and p.value < value:
                out[-1] = _Num(
                    p.start,
                    uend,
                    round((p.value + value) / 2, 6),
                    f"{(p.value + value) / 2:g}",
                    "pct",
                    p.sign,
                    f"between {p.text} and {text}",
                )
                continue
        out.append(_Num(s, uend, value, text, unit, sign, hedge))
    return out


def NUM_EXCLUDED(after: str) -> bool:  # noqa: N802 - a predicate on the lexicon
    return bool(L.NUM_EXCLUDE_AFTER.match(after))


# ------------------------------------------------------------------ mentions


def _resolve(mentions: list[Mention], ctx: Context) -> list[tuple[Mention, Index | OtherIndex | None]]:
    """Targets of the mentions (references resolved, duplicates merged); ``None`` = blocker."""
    out: list[tuple[Mention, Index | OtherIndex | None]] = []
    pair: tuple | None = None
    consumed: set[int] = set()  # places taken by a "blue-chip index" before them
    for mi, m in enumerate(mentions):
        if mi in consumed:
            continue
        target: Index | OtherIndex | None
        if m.kind in ("name", "other", "place"):
            target = m.target  # type: ignore[assignment]
        elif m.kind == "skip":
            target = None
        else:  # a reference
            nxt = mentions[mi + 1] if mi + 1 < len(mentions) else None
            if nxt is not None and nxt.kind in ("name", "other") and nxt.start - m.end <= 1:
                continue  # "the benchmark Nikkei 225"
            if m.target in ("former", "latter"):
                if pair is None:
                    distinct: list = []
                    for t in reversed(ctx.recent):
                        if t not in distinct:
                            distinct.append(t)
                        if len(distinct) == 2:
                            break
                    pair = (distinct[1], distinct[0]) if len(distinct) == 2 else ()
                if not pair:
                    continue
                target = pair[0] if m.target == "former" else pair[1]
            elif m.target == "blue-chip":
                prev = mentions[mi - 1] if mi else None
                if prev is not None and m.start - prev.end <= 2 and out and out[-1][0] is prev:
                    pt = out[-1][1]
                    if prev.kind != "place" or not isinstance(pt, Index):
                        target = pt  # "the FTSE 100 blue-chip index": merged below
                    else:
                        # "Japan's blue-chip index", "In Japan, the blue-chip index": that
                        # country's blue chips, in place of the place's headline index
                        target = _blue_chip_of(pt, f"{prev.text} {m.text}")
                        del out[-1]
                        if ctx.recent and ctx.recent[-1] is pt:
                            ctx.recent.pop()
                        m = Mention(prev.start, m.end, f"{prev.text} {m.text}", "name", target)
                elif (
                    nxt is not None
                    and nxt.kind == "place"
                    and isinstance(nxt.target, Index)
                    and (
                        nxt.start - m.end <= 4
                        # "fell 1.2% in Tokyo": a place right after the move, unless a UK
                        # index is in play ("... as miners slumped in Hong Kong" is not it)
                        or (nxt.weak and nxt.start - m.end <= _BLUE_CHIP_PLACE_GAP and not _uk_in_play(ctx))
                    )
                ):
                    # "the blue-chip index in London", "the blue-chip index fell 1% in London":
                    # the place after it, which stands for no index of its own
                    target = _blue_chip_of(nxt.target, f"{m.text} {nxt.text}")
                    consumed.add(mi + 1)
                else:
                    target = _blue_chip_in_play(ctx, m.text)
                    if target is None:
                        continue
            else:
                if not ctx.recent:
                    continue
                target = ctx.recent[-1]
                low = m.text.lower()
                if "tech" in low:
                    # "the tech-heavy index" is the Nasdaq named last, not whichever index was
                    target = next((t for t in reversed(ctx.recent) if "nasdaq" in t.name.lower()), target)
                elif "blue-chip" in low or "broader" in low:
                    # "the blue-chip average" (the Dow), "the broader index" (the S&P 500, the
                    # Topix): the index named last that the adjective describes ("blue-chip dow")
                    adj = "blue-chip " if "blue-chip" in low else "broader "
                    target = next(
                        (
                            t
                            for t in reversed(ctx.recent)
                            if isinstance(t, Index)
                            and any(a.startswith(adj) for a in t.aliases)
                            and ("average" not in low or "average" in t.name.lower())
                        ),
                        target,
                    )
                elif "benchmark" in low and isinstance(target, Index) and not target.places:
                    # "The Nikkei rose ..., while the broader Topix added ... The benchmark has
                    # gained ...": the market's headline index named last, not its broader one
                    target = next(
                        (
                            t
                            for t in reversed(ctx.recent)
                            if isinstance(t, Index) and t.places and t.country == target.country
                        ),
                        target,
                    )
        if target is not None:
            ctx.recent.append(target)
            if len(ctx.recent) > 12:
                del ctx.recent[:-12]
        out.append((m, target))
    return out


def _blue_chip_of(ix: Index, words: str) -> Index | OtherIndex:
    """The blue-chip index of ``ix``'s market, or an unknown index called ``words``."""
    found = blue_chip(ix.country)
    return found if found is not None else OtherIndex(words, ix.calendar, ())


#: Most characters between "the blue-chip index" and a place after its move ("fell 1.2% in").
_BLUE_CHIP_PLACE_GAP = 24


def _uk_in_play(ctx: Context) -> bool:
    """Whether a UK index is among the indices the article has named recently."""
    return any(isinstance(t, Index) and t.country == "UK" for t in ctx.recent)


def _blue_chip_in_play(ctx: Context, words: str) -> Index | OtherIndex | None:
    """What "the blue-chip index" alone means: the FTSE 100 when a UK index is in play (or
    none is, in a piece not homed in the Americas or Asia), else the blue-chip index of the
    market named last (unknown if we know none); ``None``: no market to refer to.
    """
    if _uk_in_play(ctx):
        return blue_chip("UK")
    last = next((t for t in reversed(ctx.recent) if isinstance(t, Index)), None)
    if last is not None:
        return _blue_chip_of(last, words)
    return blue_chip("UK") if ctx.home not in ("americas", "asia") else None


def _merge_same(sent: str, res: list[tuple[Mention, object]]) -> list[tuple[Mention, object]]:
    """Drop a mention of the index just named when no number came in between."""
    out: list[tuple[Mention, object]] = []
    for m, t in res:
        if out:
            pm, pt = out[-1]
            gap = sent[pm.end : m.start]
            if pt is t and t is not None and len(gap) < 45 and not _DIGIT.search(gap):
                if pm.kind in ("place", "ref") and m.kind in ("name", "other"):
                    out[-1] = (m, t)  # keep the more specific mention: "In New York the S&P 500"
                continue
            if (
                pm.kind == "place"
                and m.kind in ("name", "other")
                and len(gap) < 25
                and not _DIGIT_OR_STOP.search(gap)
            ):
                # "London's FTSE 100" where London is only a possessive
                out[-1] = (m, t)
                continue
            if (
                pm.kind == "ref"
                and m.kind in ("name", "other")
                and len(gap) < 25
                and not _DIGIT_OR_STOP.search(gap)
                and _REF_THEN_NAME.fullmatch(gap)
            ):
                # "l'indice paneuropéen Euro Stoxx 50", "the pan-European Stoxx 600": the name
                # says which index the reference is
                out[-1] = (m, t)
                continue
        out.append((m, t))
    return out


#: Between a reference and a name it introduces: at most two adjectives ("européen", "pan-European").
_REF_THEN_NAME = re.compile(
    r"\s(?:(?!(?:and|or|und|et|y|e|versus|vs|with|while|but|the|than|as)\s)[\w'’-]+\s){0,2}", re.IGNORECASE
)  # (not "the index and the FTSE 250": two indices)


# ------------------------------------------------------------------ sentence


def _scan(rx: re.Pattern, text: str) -> list[tuple[int, int, str | None]]:
    """``(start, end, lastgroup)`` of every match of ``rx.finditer(text)``.

    Most cue lists have no match in a sentence: one ``search`` answers that, and the
    iterator (and its list) is made only after a first match, from where it ended.
    """
    m = rx.search(text)
    if m is None:
        return []
    s, e = m.span()
    if e == s:  # an empty match: finditer's rules for the next one, from the start
        return [(m.start(), m.end(), m.lastgroup) for m in rx.finditer(text)]
    return [(s, e, m.lastgroup), *[(m.start(), m.end(), m.lastgroup) for m in rx.finditer(text, e)]]


#: For some cue lists, words one of which every match holds (the patterns are case-sensitive):
#: a sentence without any of them is not scanned.
_NEEDS: dict[str, tuple[str, ...]] = {
    L.CLOSE_WEEK.pattern: ("week",),
    L.EXTREME.pattern: (
        "point",
        "stage",
        "much",
        "intra",
        "its",
        "session",
        "high",
        "low",
        "peak",
        "trough",
        "after",
        "touch",
        "hitting",
        "been",
        "jusqu",
        "bis",  # ("bis zu", any space between)
        "from",  # "recovered from a deficit of"
        "par",  # "pared a 4.9% drop"
        "worst",
        "best",
        "zeitweise",
        "zwischenzeitlich",
    ),
    L.CLOSE_STRONG.pattern: ("end", "close", "final", "day", "session", "handelsschluss", "clôture"),
    L.NEUTRALISE.pattern: ("losses", "gains", "declines", "falls", "rally"),
    L.PRESENT.pattern: ("is", "are", "has"),
}


#: Printable ASCII, the only text the anchor index reads (there the only white space is " ").
_PRINTABLE_ASCII = "".join(map(chr, range(0x20, 0x7F)))
#: A class atom matching more characters than this ends an anchor (``\w``, ``[a-z]``).
_ANCHOR_CLASS_MAX = 12
#: At most this many anchors from one prefix ("\d\d\d" would give a thousand).
_ANCHOR_HEADS_MAX = 256


@cache
def _atom_chars(atom: str) -> list[str]:
    """The printable ASCII characters a one-character regex atom (``a``, ``\\-``, ``[\\d]``) matches."""
    one = re.compile(atom)
    return [c for c in _PRINTABLE_ASCII if one.fullmatch(c)]


def _anchors(rx: re.Pattern) -> tuple[str, ...] | None:
    """Literal strings one of which every match of ``rx`` in printable ASCII text begins with.

    Worked out from :func:`~.fastre.literal_prefixes` (up to four characters after any
    ``\\b``): each atom stands for the printable ASCII characters it matches, a class of a
    few characters gives one anchor per character, a broader class ends the anchor, and a
    prefix no printable ASCII character can begin (a Greek word) is left out. ``None`` when
    the pattern ignores case or a match may begin with almost any character.
    """
    if rx.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    prefixes = literal_prefixes(rx, 4)
    if prefixes is None:
        return None
    found: set[str] = set()
    for atoms in prefixes:
        heads = [""]
        for atom in atoms:
            if atom in (r"\b", r"\B"):
                continue  # zero width: the match's rx.match checks it
            chars = _atom_chars(atom)
            if len(chars) > _ANCHOR_CLASS_MAX or len(heads) * len(chars) > _ANCHOR_HEADS_MAX:
                break  # (a shorter anchor is still one that every such match begins with)
            heads = [h + c for h in heads for c in chars]
        if heads == [""]:
            return None  # the first character may be almost anything
        found.update(heads)  # (empty when no printable ASCII text holds the prefix)
    # an anchor that begins with another one adds no occurrence
    keep: list[str] = []
    for a in sorted(found, key=len):
        if not any(a.startswith(b) for b in keep):
            keep.append(a)
    return tuple(keep)


class _Cues:
    """The cue words of one sentence, found once (one pass per word list) and reused.

    In a printable ASCII sentence (most of them) the patterns of :data:`_INDEXED` are not
    scanned position by position: one Aho-Corasick pass finds their anchors (the literal
    strings every match begins with, :func:`_anchors`), and a pattern is tried with
    ``rx.match`` only where one of its anchors begins. A match at a position does not
    depend on where the search began, so trying the anchor positions in order, each at or
    after the end of the previous match, gives exactly the matches of ``rx.finditer``.
    """

    __slots__ = ("text", "_found", "_dirs", "_hits")

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, list[tuple[int, int, str | None]]] = {}
        self._dirs: list[tuple[int, int, str]] | None = None
        #: for each indexed pattern (by its text) with an anchor in the text, the anchors'
        #: (start, end) as the automaton lists them; ``None`` when the text is not indexed;
        #: found on the first question (a sentence without numbers may ask none)
        self._hits: dict[str, list[tuple[int, int]]] | None | bool = False

    def _index(self) -> dict[str, list[tuple[int, int]]] | None:
        """The anchors of the indexed patterns in the text (one Aho-Corasick pass), found once."""
        if self._hits is not False:
            return self._hits  # type: ignore[return-value]
        text = self.text
        hits: dict[str, list[tuple[int, int]]] | None = None
        if _ANCHOR_AUTOMATON is not None and text.isascii() and text.isprintable():
            hits = {}
            keys = _ANCHOR_KEYS
            add = hits.setdefault
            for ai, s, e in _ANCHOR_AUTOMATON.find_matches_as_indexes(text, overlapping=True):
                for key in keys[ai]:
                    add(key, []).append((s, e))
        self._hits = hits
        return hits

    def matches(self, rx: re.Pattern) -> list[tuple[int, int, str | None]]:
        key = rx.pattern
        r = self._found.get(key)
        if r is not None:
            return r
        hits = self._hits
        if hits is False:  # (not found yet)
            hits = self._index()
        if hits is not None and key in _ANCHORED:
            found = hits.get(key)
            r = self._from_anchors(rx, found) if found else []
        else:
            needs = _NEEDS.get(key)
            if needs is not None and not any(map(self.text.__contains__, needs)):
                r = []
            else:
                r = _scan(rx, self.text)
        self._found[key] = r
        return r

    def _from_anchors(self, rx: re.Pattern, hits: list[tuple[int, int]]) -> list[tuple[int, int, str | None]]:
        """``rx.finditer(self.text)`` as :func:`_scan` gives it, trying only the anchor starts."""
        text = self.text
        out = []
        last = 0
        # (the automaton lists anchors by where they end: sort their starts, once each)
        for s in sorted({s for s, _e in hits}) if len(hits) > 1 else (hits[0][0],):
            if s >= last:
                m = rx.match(text, s)
                if m is not None:
                    last = m.end()
                    out.append((s, last, m.lastgroup))
        return out

    def absent(self, rx: re.Pattern, lo: int, hi: int) -> bool:
        """Whether no match of ``rx`` can lie within ``text[lo:hi]`` (``False``: not known).

        A match inside the span begins with one of the pattern's anchors, inside it too. So
        ``True`` proves that ``rx.search(text[lo:hi])`` and ``rx.search(text, lo, hi)`` find
        nothing; ``False`` (no anchor index for the text or the pattern, or an anchor in the
        span) leaves it to the search.
        """
        hits = self._hits
        if hits is False:  # (not found yet)
            hits = self._index()
        if hits is None:
            return False
        found = hits.get(rx.pattern)
        if found is None:
            return rx.pattern in _ANCHORED  # (indexed: no anchor anywhere in the text)
        for s, e in found:
            if s >= lo and e <= hi:
                return False
        return True

    def first(self, rx: re.Pattern, lo: int, hi: int) -> tuple[int, int, str | None] | None:
        """The first match of ``rx`` that starts in ``[lo, hi)`` (for a move: one it owns)."""
        found = self._found.get(rx.pattern)  # (the matches when already found)
        for m in found if found is not None else self.matches(rx):
            if lo <= m[0] < hi:
                return m
        return None

    def directions(self) -> list[tuple[int, int, str]]:
        if self._dirs is None:
            dirs = self.matches(L.DIRECTION)
            dead = self.matches(L.NEUTRALISE) if dirs else None
            if dead:
                self._dirs = [(s, e, g or "") for s, e, g in dirs if not any(a <= s < b for a, b, _ in dead)]
            else:
                self._dirs = [(s, e, g or "") for s, e, g in dirs]
        return self._dirs

    def last_direction(self, lo: int, hi: int) -> str | None:
        found = None
        for s, e, g in self.directions():
            if s >= lo and e <= hi:
                found = g
            elif s >= hi:
                break
        return found


def _last_direction(text: str) -> str | None:
    return _Cues(text).last_direction(0, len(text))


def _direction(cues: _Cues, mv: Move, dir_lo: int, prefix: str | None, prev_dir: str | None) -> str | None:
    sent = cues.text
    # after a number: "3.6 per cent lower", "ended 0.1% down", "a 3.5% drop"
    for n in mv.nums:
        if cues.absent(L.POST_DIRECTION_WORDS, n.end, n.end + 30):
            continue  # (no direction word of POST_DIRECTION in the window: no match)
        pm = L.POST_DIRECTION.match(sent[n.end : n.end + 30])
        if pm:
            return "up" if pm.group("up") else "down"
    d = cues.last_direction(dir_lo, mv.nums[0].start)
    if d:
        return d
    for a, b in zip(mv.nums, mv.nums[1:], strict=False):
        d = cues.last_direction(a.end, b.start)
        if d:
            return d
    for n in mv.nums:
        if n.sign < 0:
            return "down"
        if n.sign > 0:
            return "up"
    if prefix:
        d = _last_direction(lower(prefix))
        if d:
            return d
    if "wärts" in sent or "bergab" in sent or "bergauf" in sent:
        # German verb-final: "ging es um 2 Prozent auf 30.000 Punkte abwärts"
        fm = _FINAL_DIRECTION.match(sent, mv.nums[-1].end)
        if fm is not None:
            return "up" if fm.group(1) else "down"
    particle = _FINAL_PARTICLE.match(sent, mv.nums[-1].end)
    if particle is not None:
        # a German separable verb: "gab der FTSE 100 um 2,1 Prozent nach" (nachgeben)
        start = max(sent.rfind(c, 0, mv.nums[0].start) for c in ";.:")  # (not "," : "2,1")
        for verb in _SEPARABLE_VERB.finditer(sent, start + 1, mv.nums[0].start):
            found = _SEPARABLE_DIRECTION.get((verb.lastgroup, particle.group(1)))  # type: ignore[arg-type]
            if found is not None:
                return found
    else:
        # the verb's clause ends before the numbers: "legte kräftig zu, und zwar um 2,55 Prozent"
        start = max(sent.rfind(c, 0, mv.nums[0].start) for c in ";.:")
        for verb in _SEPARABLE_VERB.finditer(sent, start + 1, mv.nums[0].start):
            before = _PARTICLE_THEN_NUMBERS.match(sent, verb.end(), mv.nums[0].start)
            if before is not None:
                found = _SEPARABLE_DIRECTION.get((verb.lastgroup, before.group(1)))  # type: ignore[arg-type]
                if found is not None:
                    return found
    return prev_dir


_FINAL_DIRECTION = re.compile(r"[^,;.]{0,25}?\b(?:(aufwärts|bergauf)|(abwärts|bergab))\b")
#: The particle of a German separable verb at the end of its clause, after the numbers: "um 2,1
#: Prozent nach" ("gab ... nach"), "1,3 Prozent zu" ("legte ... zu").
_FINAL_PARTICLE = re.compile(r"[^,;.:]{0,30}?\s(nach|zu|zurück|ein|an|ab)(?=\s*(?:[,;.:!?)]|$|\sund\b))")
#: The particle closing the verb's clause, then a phrase that adds the numbers: "zu, und zwar um ".
_PARTICLE_THEN_NUMBERS = re.compile(
    r"[^,;.:]{0,30}?\s(nach|zu|zurück|ein|an|ab),\s(?:(?:und\s)?(?:zwar|nämlich)\s)?(?:um\s)?(?:rund\s|etwa\s|knapp\s)?$"
)
#: The finite verb of a separable verb (any person, present or past), by its stem.
_SEPARABLE_VERB = re.compile(
    r"\b(?:(?P<geben>gab|gaben|gibt|geben)|(?P<legen>legte|legten|legt|legen)|(?P<gehen>ging|gingen|geht|gehen)|"
    r"(?P<buessen>büßte|büßten|büßt|büssten?|brach|brachen|bricht)|(?P<ziehen>zog|zogen|zieht)|"
    r"(?P<rutschen>rutschte|rutschten|rutscht|sackte|sackten|sackt)|(?P<nehmen>nahm|nahmen|nimmt))\b"
)
#: The direction of each separable verb, by its stem and its particle.
_SEPARABLE_DIRECTION = {
    ("geben", "nach"): "down",  # nachgeben
    ("geben", "ab"): "down",  # abgeben
    ("legen", "zu"): "up",  # zulegen
    ("gehen", "zurück"): "down",  # zurückgehen
    ("buessen", "ein"): "down",  # einbüßen, einbrechen
    ("ziehen", "an"): "up",  # anziehen
    ("rutschen", "ab"): "down",  # abrutschen, absacken
    ("nehmen", "zu"): "up",  # zunehmen
    ("nehmen", "ab"): "down",  # abnehmen
}


#: A year right after a number: "has lost 20.6% in 2022" (the year so far when it is the
#: publication year).
_IN_YEAR = re.compile(
    r"\s(?:(?:lower|higher|up|down|weaker|stronger)\s)?(?:in|for)\s(20\d\d)\b(?![\s,]*(?:so\sfar|to\sdate|[-–/]\s?\d))"
)
#: A day right after a number and its noun: "2.1% on Tuesday", "a 1.2% drop on Thursday".
_ATTACHED_DAY = re.compile(
    r"\s(?:[a-z-]+\s)?(?:on\s(?:monday|tuesday|wednesday|thursday|friday)|yesterday)\b(?!['’])"
)
#: The same with a part of that day: "down 1.5% on Tuesday morning", a moment of that session.
_ATTACHED_DAY_PART = re.compile(
    r"\s(?:[a-z-]+\s)?on\s(?:monday|tuesday|wednesday|thursday|friday)\s(?:morning|afternoon)\b(?!['’])"
)
#: "after falling 0.9% on the day": a day's move, whatever period the sentence names.
_ON_THE_DAY = re.compile(r"\s(?:on|for)\sthe\s(?:day|session)\b")
#: A past day named as the owner of the number after it: "Friday's 3.1% (rally)".
_DAYS_MOVE_BEFORE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|yesterday|the\s(?:previous|prior)\s(?:day|session))"
    r"['’]s?\s(?:(?:about|around|nearly|almost|some|roughly|a|an)\s)?[+\-−]?$"
)
#: "... left it little changed on the day at 3,901.36": the same, before the level it ends at.
_ON_THE_DAY_AT = re.compile(r"\s(?:on|for)\sthe\s(?:day|session)\s(?:at|to)\s$")


def _kind(cues: _Cues, mv: Move, sentence_period: str | None, ctx: Context, after_mention: str) -> None:
    if cues.first(L.CLOSE_WEEK, mv.lo, mv.hi):
        mv.kind, mv.kind_strength = "close", 2
        return
    text = cues.text
    if "20" in text:
        for n in mv.nums:
            y = _IN_YEAR.match(text, n.end)
            if y is not None and int(y.group(1)) == ctx.published.year:
                _set_period(mv, "ytd")
                mv.period_lead = False
                return
            if y is not None and int(y.group(1)) == ctx.published.year - 1 and ctx.published.month == 1:
                # "gaining 9.1% in 2021" in a piece of January: the whole of last year
                _set_period(mv, "year")
                mv.period_lead, mv.named_year = False, int(y.group(1))
                return
    on_the_day = ("day" in text or "session" in text) and any(
        _ON_THE_DAY.match(text, n.end)
        or (n.unit == "level" and _ON_THE_DAY_AT.search(text, max(0, n.start - 24), n.start))
        for n in mv.nums
    )
    if on_the_day and not ctx.live and not cues.first(L.PRESENT, mv.lo, mv.hi):
        mv.kind, mv.kind_strength = "close", 2
        return
    if "day'" in text or "day’" in text or "session'" in text or "session’" in text:
        # "with Friday's 3.1% rally", "yesterday's 2.3% slide": a past day's move, whatever
        # period the sentence names
        for n in mv.nums:
            if n.unit != "level" and _DAYS_MOVE_BEFORE.search(text, max(0, n.start - 40), n.start):
                mv.kind, mv.kind_strength = "close", 2
                return
    # a period phrase belongs to the number it follows closely ("4.4% for the month") or to
    # the number after it ("its worst week, a 4.1% weekly fall"); never to a move "on the day"
    pm = None if on_the_day else _period_of(cues, mv)
    if pm and pm[2] == "same":
        same = ctx.move_period  # the period of the move before
        pm = None if same is None else (pm[0], pm[1], same)
    if pm:
        _set_period(mv, pm[2] or "other")
        mv.period_lead = pm[0] < mv.nums[0].start if mv.nums else True
        if pm[2] == "multiday" and not _SPAN_ENDS.match(cues.text, pm[1]):
            # (not "in three trading days to Wednesday": a span that ends before the claim's day)
            mv.sessions = session_count(cues.text[pm[0] : pm[1]])
        if pm[2] in ("multiday", "record") and _BASE_PHRASE.match(cues.text, pm[0]):
            # "since 24 February", "since Monday's close", "from its January 3 record" (not
            # "over the past four sessions to Thursday, 17 March": the span's end; nor "the
            # biggest gain for the index since 9 March, when ...": a comparison)
            if not _COMPARISON_BEFORE.search(cues.text, max(0, pm[0] - 60), pm[0]):
                mv.base = find_base_day(cues.text, pm[0])
        return
    extreme = _extreme_cue(cues, mv)
    if "day" in text and not ctx.live:
        if any(_ATTACHED_DAY_PART.match(text, n.end) for n in mv.nums):
            mv.kind, mv.kind_strength = "intraday", 2
            return
        # "after surging 2.1% on Tuesday", "a 1.2% drop on Thursday": that session's close
        if (
            any(_ATTACHED_DAY.match(text, n.end) for n in mv.nums)
            and not cues.first(L.PRESENT, mv.lo, mv.hi)
            and not _intraday_cue(cues, mv.lo, mv.hi)
            and not extreme
        ):
            mv.kind, mv.kind_strength = "close", 2
            return
    if _region(mv.target.calendar) == "americas" and (
        cues.first(L.BY_THE_TIME_CLOSED, mv.lo, mv.hi) or _opening_by_the_time(cues, mv)
    ):
        mv.kind, mv.kind_strength = "intraday", 2
        mv.notes.append("New York figures at another market's close: read as a snapshot")
        return
    if extreme:
        mv.kind, mv.kind_strength, mv.extreme = "intraday", 2, True
        return
    if cues.first(L.CLOSE_STRONG, mv.lo, mv.hi):
        mv.kind, mv.kind_strength = "close", 2
        return
    ic = _intraday_cue(cues, mv.lo, mv.hi)
    if ic and not _close_then_earlier_moment(text, mv, ic[0], ic[1]) and not _closed_after(text, mv, ic[1]):
        mv.kind, mv.kind_strength = "intraday", 2
        return
    if ic or cues.first(L.CLOSE, mv.lo, mv.hi):
        mv.kind, mv.kind_strength = "close", 2
        return
    if sentence_period and not on_the_day:
        _set_period(mv, sentence_period)
        mv.kind_strength = 1
        return
    if cues.matches(L.CLOSE_STRONG) or cues.matches(L.CLOSE_WEEK):
        mv.kind, mv.kind_strength = "close", 1
        return
    cue = _intraday_cue(cues, 0, len(cues.text))
    if cue:
        # (a clock time names a moment of the session, whatever day it was: "at two o'clock")
        clock = "clock" in cues.text[cue[0] : cue[1]]
        mv.kind, mv.kind_strength, mv.sentence_cue = "intraday", 2 if clock else 1, cue[0]
        return
    if cues.matches(L.CLOSE):
        mv.kind, mv.kind_strength = "close", 1
        return
    if mv.sentence == ctx.time_si + 1:
        mv.kind, mv.kind_strength = "intraday", 1
        mv.notes.append("follows a time-of-day phrase in the previous sentence: read as intraday")
        return
    if cues.first(L.PRESENT, mv.lo, mv.hi):
        if ctx.lead_period and ctx.lead_si == mv.sentence - 1:
            # "For the year, the S&P 500 is down 16%. The Dow is down 11%.": a running total
            _set_period(mv, ctx.lead_period)
            mv.kind_strength = 1
            ctx.lead_si = mv.sentence
            return
        mv.kind, mv.kind_strength = "intraday", 1
        return
    if ctx.live and L.PARTICIPLE.match(lower(after_mention)):
        mv.kind, mv.kind_strength = "intraday", 1
        mv.notes.append("present participle in a piece written during the session: read as intraday")
        return
    mv.kind, mv.kind_strength = "close", 0


#: Before a run of sessions: a verb that ends it ("ended a", "snapping its").
_STREAK_ENDED = re.compile(
    r"\b(?:end|snap|break|broke|halt|stop|bust)(?:s|ed|ing|ped|ping)?\s(?:a|an|its|their|the)\s$"
)


def _opening_by_the_time(cues: _Cues, mv: Move) -> bool:
    """Whether the sentence opens with another market's close ("By the time London closed the
    S&P 500 was down 2.5% and the Dow 700 points"): it times every clause of the sentence."""
    first = cues.first(L.BY_THE_TIME_CLOSED, 0, mv.lo)
    return first is not None and _OPENING_CUE_GAP.match(cues.text, 0, first[0]) is not None


#: "..., having both opened sharply lower": a participle clause about an earlier moment.
_HAVING_BEFORE = re.compile(r"\bhaving\s(?:both\s|all\s(?:three\s|four\s)?|each\s)?(?:\w+ly\s)?$")


_RELATIVE_OPEN = re.compile(r",\s(?:which|where|when|who)\b[^,]{0,80}$")


def _in_relative_clause(low: str, pos: int, anchor: int) -> bool:
    """Whether a day phrase at ``pos`` sits in a comma-enclosed relative clause that closes
    before the number at ``anchor`` (", which traded as normal on Monday, the DAX ...")."""
    return _RELATIVE_OPEN.search(low, max(0, pos - 80), pos) is not None and "," in low[pos:anchor]


_MOVE_VERB = re.compile(r"\b(?:" + L.VERBS_PAST + r")\b")


def _extreme_cue(cues: _Cues, mv: Move) -> tuple[int, int, str | None] | None:
    """The phrase that makes one of the move's numbers a session extreme, if any.

    An extreme phrase belongs to the number it introduces ("after hitting a high of 7,161.91",
    "as much as 3%"), even where it starts in the range of the move before; one in the move's
    range that introduces another move's number is not this move's.
    """
    text = cues.text
    if "between" in text and mv.nums:
        # "having swung between a 0.3% gain and a loss of almost 1%": the session's two extremes
        for sw in _SWUNG_BETWEEN.finditer(text, max(0, mv.nums[0].start - 90), mv.nums[0].start):
            if _SWING_SPAN.fullmatch(text, sw.end(), mv.nums[0].start):
                return sw.start(), sw.end(), None
    for m in cues.matches(L.EXTREME):
        nxt = _FIRST_DIGIT.search(text, m[1], m[1] + 30)
        if nxt is not None and _MOVE_VERB.search(text, m[1], nxt.start()):
            nxt = None  # "... at its session low before it ended 0.5% higher": another move's verb
        if nxt is not None and any(n.start <= nxt.start() < n.end for n in mv.nums):
            return m  # it introduces one of this move's numbers
        if mv.lo <= m[0] < mv.hi and nxt is None:
            if mv.nums and ";" in text[mv.nums[-1].end : m[0]]:
                continue  # "...; brokers said a swing from an intraday low ...": another clause
            return m  # after its number: "sank 600 points at one stage"
    return None


#: A move between two extremes in the session: "swung between", "see-sawed between".
_SWUNG_BETWEEN = re.compile(
    r"\b(?:swung|swinging|swings|swing|oscillated|oscillating|see-?sawed|see-?sawing|lurched|lurching)"
    r"\sbetween\s"
)
#: From "between" to the first extreme ("a gain of "), or past it to the second ("a 0.3% gain
#: and a loss of almost "): no other "and" (not "swung between gains and losses to end 1% up").
_SWING_SPAN = re.compile(
    r"(?:[^;,]{0,40}?\d[\d.,]*\s?(?:%|per\scent|percent|points)(?:\s[a-z]+)?\sand\s)?"
    r"(?:an?\s)?(?:(?!and\s)[\w-]+\s){0,3}?[+\-−]?"
)


#: A close verb right before a move's numbers ("closed 3.3% higher", "ended the day up 1%").
_CLOSE_VERB_BEFORE = re.compile(r"\b(?:closed|ended|finished|settled)\s(?:[a-z]+\s){0,3}$")
#: What starts a clause about an earlier moment after the numbers ("... after a fall at the open").
_EARLIER_MOMENT = re.compile(r"\b(?:after|having|despite|following|from)\b")


def _close_then_earlier_moment(text: str, mv: Move, cue_at: int, cue_end: int) -> bool:
    """Whether a move closed ("closed 3.3% higher") and the intraday phrase after its numbers
    tells of an earlier moment ("... after a steep fall at the open"): the move is a close."""
    if not mv.nums or cue_at < mv.nums[-1].end:
        return False
    start = mv.nums[0].start
    return (
        _CLOSE_VERB_BEFORE.search(text, max(mv.lo, start - 30), start) is not None
        and _EARLIER_MOMENT.search(text, mv.nums[-1].end, cue_end) is not None
    )


#: A close verb right before a move's numbers, with what may stand between ("finished 120 points
#: up", "recovering to close up 0.4%").
_CLOSE_JUST_BEFORE = re.compile(
    r"\b(?:closed|ended|finished|settled|to\s(?:close|end|finish|settle))\s(?:the\s(?:day|session)\s)?"
    r"(?:up|down|higher|lower|at|by)?\s?$"
)


def _closed_after(text: str, mv: Move, cue_end: int) -> bool:
    """Whether the move's numbers follow a close verb that comes after an intraday phrase
    ("off as much as 900 points around midday, ended 120 points up")."""
    if not mv.nums or cue_end > mv.nums[0].start:
        return False
    start = mv.nums[0].start
    return _CLOSE_JUST_BEFORE.search(text, max(cue_end, start - 30), start) is not None


def _intraday_cue(cues: _Cues, lo: int, hi: int) -> tuple[int, int, str | None] | None:
    """The first intraday phrase starting in ``[lo, hi)`` that is not in a "having ..." clause."""
    text = cues.text
    for m in cues.matches(L.INTRADAY):
        if lo <= m[0] < hi and not _HAVING_BEFORE.search(text, max(0, m[0] - 24), m[0]):
            if "having" in text and _HAVING_CLAUSE.search(text, max(0, m[0] - 90), m[0]):
                continue  # "..., having been firmly higher in the morning before fading": earlier
            return m
    return None


#: An open participle clause about an earlier moment, up to a phrase: ", having been higher ".
_HAVING_CLAUSE = re.compile(r",\s(?:\w+ly\s)?having\s(?:been|traded|stood|sat|spent|moved)\b[^,;]*$")


#: Words between a number and a period phrase that start the next clause ("2%, and over
#: the past two sessions the index has lost 8%"): the phrase is not that number's.
_NEXT_CLAUSE = re.compile(r"\band\b|[;:]|\b(?:while|whereas|but|although|though|with)\b|,\s[a-z]+ing\b")
#: A comma, then the main verb: a period phrase before it ends a relative clause.
_CLAUSE_VERB = re.compile(r",\s(?:\w+ly\s)?(?:(?:clos|end|finish|settl)\w*|" + L.VERBS_PAST + r")\b")
#: Periods that belong to one number only: every index has its own record and its own run.
_OWN_PERIODS = frozenset({"record", "multiday", "opentoclose"})


#: A moment of the session before the numbers of a move counted from a named day: "having
#: briefly fallen more than 20% below its record", "at the open ..., falling more than 10% from
#: its peak" (within :data:`_SNAPSHOT_REACH` characters before the first number).
_SNAPSHOT_CUE = re.compile(
    r"\b(?:briefly|momentarily|at\sone\s(?:point|stage)|intra-?day|in\searly\s(?:trade|trading|deals)|"
    r"at\sthe\sopen(?:ing)?|opening\sbell|earlier\sin\sthe\s(?:day|session)|during\sthe\s(?:day|session)|"
    r"at\sits\s(?:lowest|highest|low|high|worst|best)|as\smuch\sas)\b"
)
_SNAPSHOT_REACH = 60


def _snapshot(low: str, mv: Move, before: list[Move]) -> bool:
    """Whether a move counted from a named day is given at a moment of the session: a moment
    phrase right before its numbers, or an intraday move of the same index just before it in
    the sentence ("fell 0.9% at the open to 32,830, falling more than 10% from its peak")."""
    start = mv.nums[0].start
    if _SNAPSHOT_CUE.search(low, max(0, start - _SNAPSHOT_REACH), start):
        return True
    return bool(before) and before[-1].target is mv.target and before[-1].kind == "intraday"


def _clause_verb_after_subject(text: str, lo: int, hi: int) -> bool:
    """Whether a main verb after a comma (:data:`_CLAUSE_VERB`) lies in ``text[lo:hi]`` with no
    index named before it there: "Over the quarter the index, heavy with miners, gained 1.8%"
    opens with its period (the index, masked "xxx", comes after the phrase), while "..., which slid
    5% last week, closed 1.4% higher" ends a clause with it."""
    verb = _CLAUSE_VERB.search(text, lo, hi)
    return verb is not None and "xxx" not in text[lo : verb.start()]


def _period_of(cues: _Cues, mv: Move) -> tuple[int, int, str | None] | None:
    """The period phrase of a move: near its numbers and not the start of the next clause."""
    end = mv.nums[-1].end if mv.nums else mv.lo
    lead = None
    for m in cues.matches(L.PERIODS):
        if m[0] < mv.plo:
            continue
        if m[0] >= mv.phi:
            break
        if m[2] == "multiday" and _STREAK_ENDED.search(cues.text, max(0, m[0] - 20), m[0]):
            continue  # "ended a four-day losing streak, rising 0.4%": the day's move ends the run
        # (the phrase's own "and" does not start a clause: "between April and June")
        if m[0] >= end and _NEXT_CLAUSE.search(
            cues.text, end, m[0] if cues.text.startswith("between", m[0]) else m[1]
        ):
            continue
        if (
            mv.nums
            and m[1] <= mv.nums[0].start
            and (
                _clause_verb_after_subject(cues.text, m[1], mv.nums[0].start)
                or _in_relative_clause(cues.text, m[0], mv.nums[0].start)
            )
            # ("Over the quarter the index, heavy with miners, gained 1.8%": a phrase that opens
            # the sentence is its main clause's)
            and not _OPENING_CUE_GAP.match(cues.text, 0, m[0])
        ):
            continue  # "..., which slid 5% last week, closed 1.4% higher": the relative clause's
        if m[2] in _OWN_PERIODS and mv.nums and m[1] <= mv.nums[0].start:
            # "..., which briefly entered correction territory, closed 0.3% higher": a close
            # between the phrase and the number makes the number that day's
            if L.CLOSE.search(cues.text, m[1], mv.nums[0].start):
                continue
        if mv.nums and m[1] <= mv.nums[0].start:
            # of two phrases before the numbers, the nearer ("one oddity of last week: in the
            # three sessions after the result, the index gained 4%")
            lead = m
            continue
        return lead or m
    return lead


_COUNT_WORDS = {w: i for w, i in WORD_NUMBERS.items() if w.isascii() and 2 <= i <= 20}
#: The sessions of a multi-day move that ends on the claim's day: "over the past four sessions",
#: "in three trading days", "the last 5 days", "a three-day rally" (not "the two days after the
#: invasion": that span ends on a day the text does not date).
_SESSION_COUNT = re.compile(
    r"^(?:(?:over|in|during|across)\s)?(?:the\s)?(?:(?:past|last)\s)?(\w+)(?:\s(?:trading\s)?(?:days|sessions)|"
    r"-(?:day|session))$"
)


#: After a counted span, words that end it on a day of its own ("... to Wednesday").
_SPAN_ENDS = re.compile(r"\s(?:to|through|until|till|up\sto|ending|ended|before|since)\b")


def session_count(phrase: str) -> int | None:
    """The number of sessions a multi-day period phrase spans, when it says and it ends on the
    claim's day ("over the past four sessions" -> 4), else ``None``."""
    m = _SESSION_COUNT.match(phrase.strip().lower())
    if m is None:
        return None
    word = m.group(1)
    n = int(word) if word.isdigit() else _COUNT_WORDS.get(word)
    return n if n is not None and 2 <= n <= 60 else None


_PERIOD_NAMES = {
    "week": ("weekly", None),
    "month": ("other", "month"),
    "quarter": ("other", "quarter"),
    "ytd": ("other", "year-to-date"),
    "year": ("other", "year"),
    "record": ("other", "from-record"),
    "opentoclose": ("other", "open-to-close"),
    "multiday": ("other", "multi-day"),
}


#: A period phrase that counts from a day it may name: "since ...", "from ...", "below its ...".
_BASE_PHRASE = re.compile(r"(?:since|from|below|off)\b")
#: A superlative before "since" in the same clause, no number between: "the biggest one-day gain
#: for the index since 9 March" compares, it does not count a move from that day.
_COMPARISON_BEFORE = re.compile(
    r"\b(?:biggest|best|worst|largest|highest|lowest|steepest|sharpest|strongest|weakest|deepest|"
    r"longest|first\stime)\b[^\d%;,]*(?:,[^\d%;,]*)?$"
)


def _set_period(mv: Move, period: str) -> None:
    kind, p = _PERIOD_NAMES.get(period, ("other", None))
    mv.kind, mv.period, mv.kind_strength = kind, p, 2
    mv.period_key = period


#: "... dropped 550 points on the day and lost 4.6% over the quarter": a second verb of the
#: same subject starts a second move.
_SECOND_VERB = re.compile(r"\band\s(?:then\s|also\s|still\s)?(?:" + L.VERBS_PAST + r")\b")


_AFTER_RESPECTIVELY = re.compile(r"\W{0,3}(?:respectively|jeweils)\W{1,3}")
#: A clause with its own move between two numbers: "sank 2.4%, having added 110 points the
#: day before", "ended 1.1% lower, after sinking 600 points at one stage".
_CLAUSE_MOVE = re.compile(
    r"\b(?:having\s(?:been\s)?|after\s(?:(?:it|they)\shad\s(?:been\s)?|having\s(?:been\s)?)?)(?:\w+ly\s)?(?:"
    + L.DIRECTION.pattern
    + r")"
)


def _own_clause(gap: str) -> bool:
    """Whether the text between two numbers opens a clause with its own move (:data:`_CLAUSE_MOVE`)."""
    return ("having " in gap or "after " in gap) and _CLAUSE_MOVE.search(gap) is not None


#: Between a move and a level: the move's period, then the level it ended at ("1.2% over the
#: five sessions to 34,200.67", "3.5% for the week to close on Friday at 7,404.73").
_PERIOD_TO_LEVEL = re.compile(
    r"\s*(?:(?:over|for|across|during|in)\s(?:the\s)?|this\s)(?:[\w-]+\s){0,3}?(?:week|sessions|days|trading\sdays)"
    r"\s(?:to|at|to\s(?:close|end|finish|settle)(?:\s(?:on\s)?\w+day)?\s(?:at\s)?)\s*",
    re.IGNORECASE,
)


#: An aside after a level ("15,900.5, its fifth record close of the year, after ...").
_LEVEL_ASIDE = re.compile(r",\s(?:its|their|a|an|the)\s[^,;]{0,50},\s(?=(?:after|having)\s)")


def _group_moves(nums: list[_Num], sent: str, cues: _Cues | None = None) -> list[list[_Num]]:
    """The numbers of a mention split into moves; ``cues`` (if given) are those of ``sent``."""
    groups: list[list[_Num]] = []
    cur: list[_Num] = []
    for n in nums:
        if cur:
            gap = sent[cur[-1].end : n.start]
            if n.unit != "level" and all(c.unit == "level" for c in cur) and gap[:2] == ", ":
                # "closed at 15,900.5, its fifth record close of the year, after adding 1.4%": an
                # aside about the level, then the move that reached it
                aside = _LEVEL_ASIDE.match(gap)
                if aside is not None:
                    gap = gap[aside.end() - 2 :]
            if n.unit == "level" and all(c.unit != "level" for c in cur) and _PERIOD_TO_LEVEL.fullmatch(gap):
                pass  # "gained 1.2% over the week to 34,200.67": the level ends the period's move
            elif (
                any(c.unit == n.unit for c in cur)
                or n.ref_level
                or cur[-1].ref_level
                or (
                    not (cues is not None and cues.absent(L.PERIODS, cur[-1].end, n.start))
                    and L.PERIODS.search(gap)
                )
                or (len(gap) > 25 and L.DIRECTION.search(L.NEUTRALISE.sub(" ", gap)))
                or _SECOND_VERB.search(gap)
                # "closed at 14,662.02, having swung between a 0.3% gain and ...": the extremes
                or ("between" in gap and _SWUNG_BETWEEN.search(gap))
                # ", which had touched 7,605 in the morning, closed 0.7% lower": the clause's level
                or (all(c.unit == "level" for c in cur) and _CLAUSE_VERB.search(gap))
                or (
                    # a move then another ("closed at 7,500, having risen 1.2%" is one move)
                    n.unit != "level" and any(c.unit != "level" for c in cur) and _own_clause(gap)
                )
            ):
                groups.append(cur)
                cur = []
        cur.append(n)
    if cur:
        groups.append(cur)
    return groups


def _mask(sent: str, mentions: list[Mention]) -> str:
    if not mentions:
        return sent
    parts = []
    pos = 0
    for m in mentions:
        parts.append(sent[pos : m.start])
        # a company named by its index ("FTSE 250-listed Boots") reads as a capitalised name
        parts.append(("C" if m.kind == "skip" else "x") + "x" * (m.end - m.start - 1))
        pos = m.end
    parts.append(sent[pos:])
    return "".join(parts)


#: How far after a number a period phrase still belongs to it ("6.7% for the month").
_PERIOD_REACH = 14
#: Words between a number and its period that say how it is measured ("3.4% in local currency terms
#: over the three months"): the period phrase after them is still the number's.
_TERMS_FILLER = re.compile(r"\s(?:in\s(?:[\w-]+\s){1,2}terms|on\sa\s(?:[\w-]+\s){1,2}basis)\b")

_CAPITAL = re.compile(r"(?<![:\-–—]\s)(?<![:\-–—])\b[A-Z][\w'’&-]*")


def _plural_refs(sent: str, mentions: list[Mention], ctx: Context) -> list[tuple[Mention, object]]:
    """Mentions for "all three indices", "both indexes" (the last N distinct indices)."""
    out: list[tuple[Mention, object]] = []
    if "respectively" in sent:
        out = _pronoun_refs(sent, mentions, ctx)
        if out:
            return out
    if not _has_any(sent, _PLURAL_NOUNS):
        return out  # every match of PLURAL_REF ends in one of these nouns
    for m in L.PLURAL_REF.finditer(sent):
        nword = m.group("n")
        if not nword:
            nm = L.PLURAL_N.search(m.group("tail") or "")
            nword = nm.group(1) if nm else None
        if not nword:
            continue
        n = _N_WORDS.get(nword.lower(), 0)
        if any(mm.start <= m.start() < mm.end for mm in mentions):
            continue
        distinct: list = []
        for t in reversed(ctx.recent):
            if t not in distinct:
                distinct.append(t)
        if n < 2 or len(distinct) < n:
            continue
        ref = Mention(
            m.start(), m.start() + len(m.group(0)) - len(m.group("tail") or ""), m.group(0), "ref", "plural"
        )
        for t in reversed(distinct[:n]):
            out.append((ref, t))
    return out


_PLURAL_PRONOUN = re.compile(r"\b(?:them|both)\b")
_PCT_AHEAD = re.compile(r"\d(?:[\d.,]*\d)?\s?(?:%|per\s?cent|percent|points)")


def _pronoun_refs(sent: str, mentions: list[Mention], ctx: Context) -> list[tuple[Mention, object]]:
    """ "... leaving them down 1.8% and 2.2% for the week respectively": one index per number."""
    m = _PLURAL_PRONOUN.search(sent)
    if m is None or any(mm.start <= m.start() < mm.end for mm in mentions):
        return []
    nxt = next((mm.start for mm in mentions if mm.start > m.end()), len(sent))
    n = len(_PCT_AHEAD.findall(sent, m.end(), nxt))
    distinct: list = []
    for t in reversed(ctx.recent):
        if t not in distinct:
            distinct.append(t)
    if n < 2 or len(distinct) < n:
        return []
    ref = Mention(m.start(), m.end(), m.group(0), "ref", "plural")
    return [(ref, t) for t in reversed(distinct[:n])]


#: Substrings one of which each plural noun of :data:`~.lexicon.PLURAL_REF` holds.
_PLURAL_NOUNS = ("indices", "indexe", "benchmarks", "averages", "gauges", "indizes")

_N_WORDS = {
    "two": 2,
    "both": 2,
    "zwei": 2,
    "beide": 2,
    "beiden": 2,
    "deux": 2,
    "three": 3,
    "drei": 3,
    "trois": 3,
    "four": 4,
    "vier": 4,
    "five": 5,
    "fünf": 5,
}


#: "..., with SoftBank Group off 2.1% and Fast Retailing 0.8% lower": a company as the subject
#: of the numbers after it (index names are masked by then, so capitals are other names).
#: A sentence that opens with its own subject and verb before the first index is named
#: ("Miners lost 2.9%, while the FTSE 250 shed 2%", "Travel stocks tumbled 4.5% and the ...",
#: "Unilever lost 2.9%, while ..."), also after a dateline's dash: the numbers there are that
#: subject's. Not a participle, adverb or preposition opening ("Having lost 2%, the Dax ...").
_OWN_SUBJECT_START = re.compile(
    r"(?:^|(?<=[-–—:]\s))[\"'“‘(]*(?!(?:having|after|despite|following|with|by|on|in|at|up|down|it|they|both)\b)"
    r"(?P<subject>[A-Z][a-z][\w'’&.-]*(?<!ing)(?<!ly)(?:\s[a-z][\w'’&.-]*){0,2})\s(?:"
    + L.VERBS_PAST
    + r")\s",
    re.IGNORECASE,
)
#: The market as a whole is the index's own subject ("U.S. stocks tumbled 6%, with the S&P 500
#: closing at ...", "The broad market fell 2%"), unless a sector names part of it ("Travel
#: stocks tumbled 4.5% and the FTSE 250 ...").
_MARKET_SUBJECT = re.compile(
    r"(?:^|\s)(?:stocks|shares|equities|market|markets|bourse|bourses|chips|blue-chips|index|benchmark)$"
)
_SECTOR_WORD = re.compile(r"\b(?:" + "|".join(sorted(L.SECTOR_WORDS, key=len, reverse=True)) + r")\b")


def _own_subject(prefix: str) -> bool:
    """Whether a sentence opens with a subject of its own before the index is named."""
    m = _OWN_SUBJECT_START.search(prefix)
    if m is None:
        return False
    subject = m.group("subject").lower()
    return not (_MARKET_SUBJECT.search(subject) and not _SECTOR_WORD.search(subject))


#: After a place known from a preposition, a capitalised subject and its verb ("In Tokyo,
#: Sony Group fell", "A Paris, Kering a grimpé"): a company, unless a market word follows.
_COMPANY_AFTER_PLACE = re.compile(
    r",\s(?!(?:The|Les?|La|Der|Die|Das|Shares|Stocks|Equities)\b)[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3}"
    r"\s(?:a\s|hat\s|ist\s|was\s|were\s)?(?:[a-zé]+ed|rose|fell|lost|shed|slid|sank|rallied|gained|"
    r"grimpé|gagné|perdu|cédé|reculé|progressé|chuté|bondi|stieg|fiel|verlor|gewann)\b"
)
#: The subject's own close after an aside on another asset: "..., as oil jumped, before closing 2% lower".
_BACK_TO_SUBJECT = re.compile(r",\s(?:[a-z]+ly\s)?before\s(?:clos|end|finish|settl)\w*\s(?:[a-z]+\s)?$")
#: "with Amazon and Nvidia both more than 2% higher": two companies moving together.
_TWO_COMPANIES = re.compile(
    r"\b(?:with|while|and|as|whereas)\s[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3}\s(?:and|&)\s"
    r"[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3}\s(?:both|each)(?:\s(?:more\sthan|about|nearly|over))?\s$"
)
_COMPANY_SUBJECT = re.compile(
    # ("..., after Microsoft jumped 4.2%"; "...were hit hardest: Tokyo Electron dropped 4.3%", a
    # name opening a clause after a colon; not "with Friday's 3.1% rally", "after Friday's 1%
    # fall": a day's move of the index)
    r"(?:\b(?:with|while|and|as|whereas|after)\s"
    r"|[:;]\s(?!(?:The|It|Its|This|That|Stocks|Shares|Equities|Markets?|Both|All|Investors|Traders)\b))"
    r"(?!" + _MONTH_OR_DAY + r")(?:shares\s(?:in|of)\s)?[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,4}"
    # "... exporters such as Toyota Motor, which fell 2.6%"
    r"(?:,\s(?:which|that)\s(?:[a-z]+\s)?|\s(?:[a-z]+\s)?)$"
)


#: From a number to the next index named, a noun of the move and "for": "a 13% drop for the ",
#: "a gain of 2 per cent for the " (matched from the end of the number to the next mention).
_OWNER_AFTER = re.compile(
    r"(?:\s?(?:%|per\scent|percent|pc|points|pts))?\s(?:[\w-]+\s)?(?:gain|rise|advance|jump|rally|rebound|drop|"
    r"fall|decline|loss|slide|slump|retreat|tumble)s?\s(?:for|in|by)\s(?:the\s)?"
)


def _sentence_moves(sent: str, s_off: int, si: int, ctx: Context, mentions: list[Mention]) -> list[Move]:
    lsent = lower(sent)
    if "futures" in lsent and _FUTURES_HEADING.match(lsent):
        return []  # "Futures: FTSE 100 flat, DAX +0.2%": the contracts, not the indices
    blocked = [(m.start, m.end) for m in mentions]
    res = _merge_same(sent, _resolve(mentions, ctx))
    # a place known only from "in Paris" counts when a number follows before the next mention
    keep = []
    relative = ", wh" in lsent or ", that " in lsent  # (a relative clause may name an index: see below)
    for k, (m, t) in enumerate(res):
        if m.kind == "place" and keep and "," in sent[keep[-1][0].end : m.start]:
            aside = _ASIDE.match(sent, keep[-1][0].end)
            if aside is not None and m.end <= aside.end():
                # "The FTSE 250, which tracks companies on the London Stock Exchange, ended ...":
                # a place inside an aside on the index named before it is not a subject
                continue
        if m.kind == "place" and m.weak:
            nxt = res[k + 1][0].start if k + 1 < len(res) else len(sent)
            if not _NUMBER_AHEAD.search(sent[m.end : nxt]) and not _MOVE_IN_PLACE.search(
                lsent, max(0, m.start - 40), m.start
            ):
                continue
            if _COMPANY_AFTER_PLACE.match(sent, m.end):
                continue  # "In Tokyo, Sony Group fell 1.5%", "A Paris, Kering a grimpé de 2,3%": a company
        if m.start > 8 and _MEMBER_WORDS.search(lsent, max(0, m.start - 70), m.start):
            member = _MEMBER_OF.search(lsent, max(0, m.start - 70), m.start)
            if member is not None:
                # "Rheinmetall, among the top gainers in the Dax, ...": a member's move; and
                # "Nasdaq, one of the 500 members of the S&P 500, said ...":
                # the name before such an aside is the company's
                if keep and _APPOSITION.fullmatch(lsent, keep[-1][0].end, member.start()):
                    keep.pop()
                continue
        if relative and m.start > 8 and _RELATIVE_MEMBER.search(lsent, max(0, m.start - 48), m.start):
            continue  # "bookmaker Flutter, which sits in the blue-chip index, ...": the company's
        keep.append((m, t))
    res = keep
    plural = _plural_refs(lsent, mentions, ctx)
    if plural:
        res = sorted(res + plural, key=lambda r: r[0].start)
    if not res and not (ctx.recent and L.BULLET_START.match(lsent)):
        return []
    masked = _mask(sent, mentions)
    # the lowered sentence, masked: masked.lower() when each character was lowered on its own
    # (the length kept) and none is a capital sigma (whose lower case depends on its neighbours)
    same_low = lsent is not sent and "Σ" not in sent
    mlow = masked.lower() if same_low else _mask(lsent, mentions)
    cues = _Cues(mlow)
    nums = _classify_numbers(masked, blocked, ctx, mlow, cues)
    if L.PERIOD_HEADING.match(lsent):
        ctx.heading = (L.PERIODS.search(lsent) or L.PERIODS.search("for the year")).lastgroup
    elif _HEADING.match(sent):
        ctx.heading = None
    if not nums:
        return _flat_moves(sent, s_off, si, ctx, res)
    if not res:
        if ctx.recent and L.BULLET_START.match(lsent):
            t = ctx.recent[-1]
            res = [(Mention(0, 0, "", "ref", "index"), t)]
        else:
            return []
    first_start = res[0][0].start
    hist = L.HISTORY.search(mlow[:first_start])
    if hist and int(hist.group(1)) < ctx.published.year:
        return []  # "In late June 2008, the Dow ...": history, not news
    if "nineteen" in mlow[:first_start] or "twenty" in mlow[:first_start] or "thousand" in mlow[:first_start]:
        hist = _HISTORY_IN_WORDS.search(mlow[:first_start])
        year = year_value(hist.group(1)) if hist else None
        if year is not None and year < ctx.published.year:
            return []  # "Back in nineteen eighty-seven, the Dow lost five hundred and eight points"
    # numbers before the first mention count only when no other subject is named there
    prefix = masked[:first_start]
    if nums[0].start < first_start:  # (nums are in text order)
        caps = [m for m in _CAPITAL.finditer(prefix) if m.start() > 0]
        if caps or L.OTHER_ASSET.search(prefix) or _own_subject(prefix):
            nums = [n for n in nums if n.start >= first_start]
            if not nums:
                return []
    # coordination: "The German and Italian bourses lost 4%"
    groups: list[tuple[int, int, list[tuple[Mention, object]]]] = []
    i = 0
    while i < len(res):
        members = [res[i]]
        j = i
        while j + 1 < len(res):
            gap = sent[res[j][0].end : res[j + 1][0].start]
            if _COORDINATION.fullmatch(gap) and not _DIGIT.search(gap) and not L.DIRECTION.search(lower(gap)):
                members.append(res[j + 1])
                j += 1
            else:
                break
        start = res[i][0].start
        end = res[j + 1][0].start if j + 1 < len(res) else len(sent)
        groups.append((start, end, members))
        i = j + 1
    moves: list[Move] = []
    # every match of RESPECTIVELY holds one of these words
    respectively = (
        "respectiv" in lsent or "jeweils" in lsent or "αντίστοιχα" in lsent
    ) and L.RESPECTIVELY.search(lsent) is not None
    sentence_period: str | None = None
    if not cues.matches(L.PERIODS):
        if respectively and ctx.last_period:
            sentence_period = ctx.last_period
        elif ctx.heading:
            sentence_period = ctx.heading
    prev_dir: str | None = None
    # "on average" is in the sentence (in a lowered sentence every match of _ON_AVERAGE,
    # which ignores case, is "on average" with a space between)
    maybe_average = lsent is sent or "average" in lsent
    prev_hi: int | None = None
    prev_group_moves = 0  # moves of the group (index) before
    # the group before had a day's move and a period move ("fell 1.2%, leaving it 0.6% lower
    # over the week"): its period phrase is its own second move's
    prev_group: tuple[object, list[Move]] | None = None
    prev_mv: Move | None = None
    opens_sentence = False  # a period phrase opens the sentence ("For May, ..."): it scopes it all
    last_phi: int | None = None  # where the previous move's period phrases end
    # "..., compared with a 13% drop for the S&P 500": a number whose noun names the next index
    # as its owner is that index's (the segment before ends at the number)
    starts = [g[0] for g in groups]
    for k in range(1, len(groups)):
        for n in nums:
            if n.start >= groups[k][0]:
                break  # (nums are in text order)
            if n.start >= groups[k - 1][0] and _OWNER_AFTER.fullmatch(mlow, n.end, groups[k][0]):
                starts[k] = n.start
                break
    # (a futures lead can stand before a later index too: see below)
    futures_words = len(groups) > 1 and ("futures" in mlow or "to open" in mlow or "to start" in mlow)
    for gidx, (g_start, g_end, members) in enumerate(groups):
        seg_lo = 0 if gidx == 0 else starts[gidx]
        g_end = starts[gidx + 1] if gidx + 1 < len(groups) else g_end
        seg_nums = [n for n in nums if seg_lo <= n.start < g_end]
        last_member_end = members[-1][0].end
        kept: list[_Num] = []
        cursor = last_member_end if seg_nums and seg_nums[0].start > last_member_end else seg_lo
        for n in seg_nums:
            gap = masked[cursor : n.start]
            lgap = mlow[cursor : n.start]
            if cursor == last_member_end and not kept:
                # "The Nasdaq, which has lagged as bond yields rose, managed a weekly advance of
                # 1.1%": an aside about the index between commas does not change the subject
                aside = _ASIDE.match(gap) or _APPOSITIVE_ASIDE.match(lgap)
                if aside is not None:
                    gap, lgap = gap[aside.end() :], lgap[aside.end() :]
            # (cues.absent: no match can lie in the gap, proven from the sentence's anchors)
            if (
                kept
                and not cues.absent(L.STOPPER, cursor, n.start)
                and L.STOPPER.search(lgap)
                and not _SAME_SUBJECT.search(lgap)
            ):
                break
            if (
                n.start > last_member_end
                and not ("before" in lgap and _BACK_TO_SUBJECT.search(lgap))
                and (
                    (
                        not (same_low and cues.absent(L.OTHER_ASSET_WORDS, cursor, n.start))
                        and L.OTHER_ASSET.search(gap)
                    )
                    or (
                        not (same_low and cues.absent(_COMPANY_SUBJECT, cursor, n.start))
                        and _COMPANY_SUBJECT.search(gap)
                    )
                    or (("both" in lgap or "each" in lgap) and _TWO_COMPANIES.search(gap))
                    or (not cues.absent(L.FORECAST, cursor, n.start) and L.FORECAST.search(lgap))
                    or ("index" in lgap and L.SECTOR_INDEX.search(lgap))
                )
            ):
                break
            kept.append(n)
            cursor = n.end
        target0 = members[-1][1]
        if target0 is None:
            continue
        if not kept:
            flat = _flat_claim(sent, members, g_end, ctx, si)
            moves.extend(flat)
            if flat:
                # "the S&P 500 ended May flat, while the Nasdaq lost 2%": its period is shared
                prev_group_moves, prev_hi = 1, flat[0].hi
                if flat[0].period_key and flat[0].kind_strength == 2:
                    sentence_period = flat[0].period_key
            continue
        grouped = _group_moves(kept, mlow, cues)
        seg_moves: list[Move] = []
        pre = None
        if gidx == 0:
            pre = masked[:first_start]
            # (lower(pre[i:]) is mlow[i:first_start] when mlow is masked.lower(): then the
            # anchors of the sentence can prove that a pattern has no match in it)
            cut = None
            if not (same_low and cues.absent(L.STOPPER, 0, first_start)):
                for cm in L.STOPPER.finditer(lower(pre)):
                    cut = cm
            if cut is not None:
                pre = pre[cut.end() :]
            lead = pre[pre.rfind(",") + 1 :]
            if not (same_low and cues.absent(L.FUTURES_LEAD, first_start - len(lead), first_start)) and (
                L.FUTURES_LEAD.search(lower(lead))
            ):
                continue  # "Futures point to the FTSE 100 opening 1% lower": a forecast
        elif futures_words:
            # the same after another index's clause ("..., and futures point to the FTSE 100
            # opening 0.7% higher"), when no number stands between the two
            lead = mlow[groups[gidx - 1][2][-1][0].end : members[0][0].start]
            lead = lead[lead.rfind(",") + 1 :]
            if L.FUTURES_LEAD.search(lead) and not any(c.isdigit() for c in lead):
                continue
        for gi, gnums in enumerate(grouped):
            prev_end = grouped[gi - 1][-1].end if gi else None
            nxt_start = grouped[gi + 1][0].start if gi + 1 < len(grouped) else None
            lo = seg_lo if prev_end is None else (prev_end + gnums[0].start) // 2
            if nxt_start is None:
                hi = hi_full = min(g_end, gnums[-1].end + 60)
            else:
                hi, hi_full = (gnums[-1].end + nxt_start) // 2, nxt_start
            # what the previous number did not claim belongs to this one
            # ("...; for the week it was down 4%")
            plo = min(last_phi, gnums[0].start) if last_phi is not None else lo
            filler = _TERMS_FILLER.match(mlow, gnums[-1].end) if "term" in mlow or "basis" in mlow else None
            reach = _PERIOD_REACH + (filler.end() - filler.start() if filler is not None else 0)
            phi = min(hi_full if filler is not None else hi, gnums[-1].end + reach)
            stop_hi = max(phi, gnums[-1].end)
            stop = (
                None
                if cues.absent(L.STOPPER, gnums[-1].end, stop_hi)
                else L.STOPPER.search(mlow, gnums[-1].end, stop_hi)
            )
            if stop is not None:
                phi = stop.start()
            last_phi = phi
            mv = Move(
                target0, members[-1][0].text, gnums, lo, hi, hi_full=hi_full, plo=plo, phi=phi, sentence=si
            )
            mv.carried, mv.night = ctx.carried, ctx.night
            if gi:  # split off by a clause of its own ("..., after it had shed 741 points")
                gap = mlow[prev_end : gnums[0].start]  # type: ignore[misc]
                mv.split_off = _own_clause(gap)
            if gi == 0:
                dir_lo = last_member_end if gnums[0].start > last_member_end else seg_lo
            else:
                dir_lo = prev_end  # type: ignore[assignment]
            # (a later number of the group takes the direction of the one before it, not a
            # direction word before the subject: "after the biggest rate rise: X and Y slid 4% and 2%")
            own_dir = _direction(cues, mv, dir_lo, pre if gi == 0 else None, None)
            mv.direction = own_dir if own_dir is not None else prev_dir
            inherited_from = seg_moves[-1] if own_dir is None and prev_dir is not None and seg_moves else None
            prev_dir = mv.direction
            after_mention = sent[last_member_end : last_member_end + 40]
            if (
                sentence_period
                and not opens_sentence
                and prev_hi is not None
                and L.STOPPER.search(mlow, prev_hi, gnums[0].start)
                and not cues.first(L.PRESENT, mv.lo, mv.hi)
                and not (
                    # one period move of the index before, then "while <index> <verb> N%"
                    gi == 0 and prev_group_moves == 1 and _PARALLEL_CLAUSE.fullmatch(mlow, prev_hi, g_start)
                )
                # ("... diverged over the quarter: the former lost 1.7%, while the latter gained
                # 0.7%": a period before a colon scopes the clauses after it)
                and not _period_before_colon(cues, mlow, prev_hi)
            ) or (
                # "... slid 2.2% on the day and 6.5% for the month, and the Cac 40 gave up 180 points":
                # an index with its own verb after one with both a day's and a period move
                sentence_period
                and not opens_sentence
                and gi == 0
                and prev_group is not None
                and _mixed_moves(moves, *prev_group)
                and _own_verb(mlow, last_member_end, gnums[0].start)
            ):
                # a period phrase inside a sentence scopes its clause; a present tense after
                # "while" ("..., while the Nasdaq is down 29%") still reads as the same total
                sentence_period = ctx.heading
            _kind(cues, mv, sentence_period, ctx, after_mention)
            if mv.base is not None and mv.nums:
                mv.snapshot = _snapshot(mlow, mv, seg_moves)
            if (
                gi == 0
                and mv.kind_strength < 2
                and prev_mv is not None
                and prev_mv.period_key
                and prev_mv.kind_strength == 2
                and prev_mv.nums
                and (
                    not mlow[last_member_end : gnums[0].start].strip(" ,")
                    # "the Nasdaq is up 11% since the governor was sworn in, and the S&P 500 is up 7%"
                    or (prev_mv.period_key == "multiday" and cues.first(L.PRESENT, mv.lo, mv.hi))
                )
                and _GAPPED.fullmatch(mlow, prev_mv.nums[-1].end, g_start)
            ):
                # "... has gained 4.6% in four days and the Cac 40 3.9%": no verb of its own, so
                # the verb and the period of the move before
                _set_period(mv, prev_mv.period_key)
                mv.kind_strength = 1
                mv.sessions = prev_mv.sessions  # ("in three days": the same count)
            prev_mv = mv
            if (
                inherited_from is not None
                and inherited_from.kind in ("weekly", "other")
                and mv.kind in ("close", "intraday")
                and all(n.unit == "level" for n in mv.nums)
            ):
                # "... has gained 0.6% over the past four sessions, and finished Thursday at
                # 7,627.95": the span's direction is not the day's; a bare level has none
                mv.direction = None
            ctx.move_period = mv.period_key
            prev_hi = gnums[-1].end
            nc = _NEXT_CLAUSE.search(mlow, gnums[-1].end, phi + 16)
            if nc is not None and nc.start() < phi:
                last_phi = nc.start()  # a period phrase after "and" is the next clause's
            if mv.period_key and mv.period_key not in _OWN_PERIODS and mv.kind_strength == 2:
                sentence_period = mv.period_key
                lead = cues.first(L.PERIODS, 0, 4)
                if lead is None and mv.period_lead:
                    # "For reference, in the first quarter the FTSE 100 ...": after a short opener
                    opener = _OPENER.match(mlow)
                    if opener is not None:
                        lead = cues.first(L.PERIODS, opener.end(), opener.end() + 1)
                if lead is not None and mv.period_lead:
                    opens_sentence = True
                    ctx.lead_period, ctx.lead_si = mv.period_key, si
            seg_moves.append(mv)
        prev_group_moves = len(seg_moves)
        prev_group = (target0, seg_moves)
        if maybe_average:
            seg_moves = [mv for mv in seg_moves if not _ON_AVERAGE.search(sent[mv.lo : mv.hi_full])]
        if len(members) > 1:
            # "the Dow and the Nasdaq slid 1.5% and 2.6%": one number each, in order (as if
            # "respectively"); "... fell 1% on Friday and 3% for the week" is both indices' two moves
            pairwise = (
                len(seg_moves) == len(members)
                and all(len(mv.nums) == 1 for mv in seg_moves)
                and (
                    len({(mv.kind, mv.period) for mv in seg_moves}) == 1
                    # "shed 11.3% and 9.7% over the quarter": a list of numbers, the period after it
                    or all(
                        _LIST_GAP.fullmatch(mlow, a.nums[0].end, b.nums[0].start)
                        for a, b in zip(seg_moves, seg_moves[1:], strict=False)
                    )
                )
            )
            if (respectively or pairwise) and len(seg_moves) == len(members):
                # "down 1.8% and 2.2% for the week respectively": the period is the whole list's
                key = next(
                    (mv.period_key for mv in seg_moves if mv.period_key and mv.kind_strength == 2), None
                )
                if key is None and respectively and seg_moves[-1].nums:
                    # "... 2%, 2.2% and 3.5% respectively for the week": after "respectively"
                    after = _AFTER_RESPECTIVELY.match(mlow, seg_moves[-1].nums[-1].end)
                    pm = L.PERIODS.match(mlow, after.end()) if after is not None else None
                    key = pm.lastgroup if pm is not None and pm.lastgroup != "same" else None
                for mv in seg_moves:
                    if key and mv.kind_strength < 2:
                        _set_period(mv, key)
                if all(
                    a.nums and b.nums and _NUMBER_LIST_GAP.fullmatch(mlow, a.nums[-1].end, b.nums[0].start)
                    for a, b in zip(seg_moves, seg_moves[1:], strict=False)
                ):
                    # "slid 1.5% and 2.6% on Thursday", "-0.75%/-0.86%/-0.72% overnight": what
                    # follows the list (its day) is every member's
                    last = seg_moves[-1]
                    for mv in seg_moves[:-1]:
                        mv.hi, mv.hi_full = max(mv.hi, last.hi), max(mv.hi_full, last.hi_full)
                for (mm, t), mv in zip(members, seg_moves, strict=True):
                    mv.target, mv.name = t, mm.text  # type: ignore[assignment]
                    moves.append(mv)
            else:
                for mm, t in members:
                    if t is None:
                        continue
                    for mv in seg_moves:
                        moves.append(
                            replace(mv, target=t, name=mm.text, nums=list(mv.nums), notes=list(mv.notes))
                        )
        else:
            moves.extend(seg_moves)
    for mv in moves:
        if mv.sentence_cue is not None and any(
            o is not mv
            and o.extreme
            and o.nums
            and o.nums[0].start < mv.sentence_cue < o.hi  # after its numbers: not a scene for all
            for o in moves
        ):
            # the phrase belongs to another move's extreme ("..., having lost as much as 5.6% in
            # the morning"): this one has no cue of its own (but "X fell 2.6% at 0805 GMT, while
            # Y slumped 2.9%" shares the time)
            mv.kind, mv.kind_strength, mv.sentence_cue = "close", 0, None
        mv.span = (s_off, s_off + len(sent))
        mv.text = sent
    if moves:
        ctx.last_period = next((mv.period_key for mv in reversed(moves) if mv.period_key), None)
    return moves


#: A sentence adverb or a short phrase before a comma ("Overall, ", "For reference, ", "All told, ").
_OPENER = re.compile(r"\W{0,3}(?:[a-z'’-]+\s){0,2}[a-z'’-]+,\s")
#: Between a number and the next index of a gapped clause ("4.6% in four days and the Cac 40").
_GAPPED = re.compile(r"[^,;\d]{0,60}?,?\s(?:and|while|whereas)\s(?:the\s)?")
_BARE_DIRECTION = frozenset({"up", "down", "higher", "lower", "off", "below"})


def _mixed_moves(moves: list[Move], target: object, group: list[Move]) -> bool:
    """Whether an index has both a day's move and a period move in the sentence so far
    (its moves in ``moves`` and its last group's; "fell 1.2%, leaving it 0.6% lower over the week")."""
    same = [mv for mv in moves if mv.target is target] + group
    return any(mv.period_key is None for mv in same) and any(
        mv.period_key and mv.kind_strength == 2 for mv in same
    )


def _own_verb(low: str, lo: int, hi: int) -> bool:
    """Whether a verb of a move stands in ``low[lo:hi]`` ("lost", "gave up"; not a bare "down")."""
    return any(m.group() not in _BARE_DIRECTION for m in L.DIRECTION.finditer(low, lo, hi))


#: Before an index named as the group a company belongs to ("among the best performers in
#: the", "one of the 30 members of the").
_MEMBER_WORDS = re.compile(r"among|one\sof|member|constituent|component|valeur|titre")
_APPOSITION = re.compile(r"(?:\s(?:inc|corp|plc|group|co)\.?)?,\s")
_MEMBER_OF = re.compile(
    r"(?:\b(?:among|one\sof)\s[^,;:()]{0,60}?\s|\b(?:members?|constituents?|components?)\s)(?:in|of|on)\s(?:the\s)?$"
    # French: "Seule valeur en hausse de l'indice parisien, Thales ...", "les titres du CAC 40"
    r"|\b(?:valeurs?|titres?)\s(?:[^,;:()]{0,40}?\s)?(?:de|du|des)\s(?:l['’])?$"
)


#: A move given by its number and noun, then the market it happened in: "yesterday's 2.3% slide
#: in " (London): the place is the owner of the move (see _OWNER_AFTER).
_MOVE_IN_PLACE = re.compile(
    r"\d\s?(?:%|per\scent|percent|points)\s(?:[\w-]+\s)?(?:gain|rise|advance|jump|rally|rebound|drop|fall|"
    r"decline|loss|slide|slump|retreat|tumble)s?\sin\s$"
)
#: A relative clause that places a company in an index: ", which sits in the", ", which is part of
#: the", ", which is listed on the" (the index there is not a subject).
_RELATIVE_MEMBER = re.compile(
    r",\s(?:which|that|who)\s(?:also\s|still\s|now\s)?(?:sits?|is|are|was|were|belongs?)\s"
    r"(?:listed\s|quoted\s|included\s|part\s)?(?:in|on|of|to)\s(?:the\s)?$"
)


#: An aside about the subject right after its name: ", which has lagged this year,".
_ASIDE = re.compile(r",\s(?:which|who|whose)\b[^,;:()]{0,80},")


#: Between one index's move over a period and another index named in a parallel clause
#: ("... lost 4.1% on the week, while the FTSE 250 dropped 3.8%"): the period is shared.
#: "... rose 1.8% in the quarter, helped by its miners, while the FTSE 250 fell 9.9%": a clause of a
#: participle and its agent about the first index, between commas, does not end the parallel.
def _period_before_colon(cues: _Cues, mlow: str, hi: int) -> bool:
    """Whether a colon before ``hi`` follows a period phrase of the sentence ("over the quarter
    as a whole: the former ..., while the latter ...")."""
    colon = mlow.rfind(":", 0, hi)
    return colon > 0 and cues.first(L.PERIODS, 0, colon) is not None


_PARALLEL_CLAUSE = re.compile(
    r"[^,;]{0,30}?(?:,\s(?:[a-z]+ed|led|hit|driven|held)(?:\s(?:down|up|back))?\sby\s[^,;]{1,80}?)?"
    r",?\s(?:while|whereas)\s(?:the\s)?"
)


_FLAT_AFTER = re.compile(
    # ("... Euro Stoxx 50 a terminé stable", "... schloss unverändert")
    r"\W{0,3}(?:[\w-]+,?\s){0,7}?(?:flat|unchanged|little\schanged|stable|inchangée?|unverändert)\b",
    re.I,
)


def _flat_claim(sent, members, g_end, ctx, si) -> list[Move]:
    m, t = members[-1]
    after = sent[m.end : min(g_end, m.end + 60)]
    # "... was flat", "..., by contrast, ended virtually flat", "... finished the month virtually unchanged"
    fm = _FLAT_AFTER.match(after)
    if not fm or t is None:
        return []
    if L.OTHER_ASSET.search(after, 0, fm.end()):
        return []  # "Tokyo's core consumer prices were flat": the prices', not the index's
    hi = min(g_end, m.end + 60)
    mv = Move(t, m.text, [], m.start, hi, hi_full=hi, plo=m.start, phi=hi, direction="flat", sentence=si)
    mv.carried, mv.night = ctx.carried, ctx.night
    _kind(_Cues(lower(sent)), mv, None, ctx, after)
    if mv.period_key is None:
        # "... drifted sideways, ending the five days broadly flat": a period phrase between
        # the name and "flat" is the claim's (its "ending" is not a day's close)
        pm = L.PERIODS.search(lower(after), 0, fm.end())
        if pm is not None and pm.lastgroup not in (None, "same", "record"):
            _set_period(mv, pm.lastgroup)
    out = []
    for mm, tt in members:
        if tt is not None:
            out.append(replace(mv, target=tt, name=mm.text, notes=list(mv.notes)))
    return out


# ------------------------------------------------------------------ dates


#: A "since" clause that a day phrase ends: the start of a multi-day move ("since the
#: governor said on Friday", "since Russian troops crossed into Ukraine on 24 February").
_SINCE_SAID = re.compile(
    r"\bsince\s(?:[\w'’-]+\s){1,8}?(?:invaded|said|announced|began|started|took\soffice|"
    + L.SINCE_EVENT_NOUNS
    + r")\s(?:on\s|of\s)?$"
    r"|\bsince\s(?:[\w'’-]+\s){1,8}?on\s$"
    # "Counting Tuesday's session, ... has gained 4.6% in four days": the first day of the run
    r"|\b(?:counting|including|starting\s(?:with|from)|beginning\s(?:with|on))\s(?:on\s)?$",
    re.IGNORECASE,
)


def _nearest_cue(found: list[tuple[int, DayCue]], anchor: int) -> DayCue | None:
    """The day phrase that dates a claim whose numbers start at ``anchor``.

    A full date beats a month and day, which beats any other phrase. Among the other
    phrases the nearest one before the numbers wins ("... after Wall Street's sell-off on
    Friday, when the Dow dropped 2%": Friday), else the first one after them.
    """
    if not found:
        return None
    best = best_cue(c for _, c in found)
    if best is None or best.kind == "date":
        return best
    before = [c for pos, c in found if pos < anchor]
    return before[-1] if before else best


def _date_moves(
    moves: list[Move],
    sents: list[str],
    ctx: Context,
    known: dict[int, list[tuple[int, DayCue]]] | None = None,
    day_known: dict[int, object] | None = None,
) -> None:
    """Date every move; ``known`` holds ``_session_cues(sents[i], ...)`` already found for sentence ``i``.

    ``day_known`` (if given) holds, for some sentences ``i``, whether ``lower(sents[i])`` holds
    a day word (truthy or not), as already tested.
    """
    known = known or {}
    by_sentence: dict[int, list[Move]] = {}
    for mv in moves:
        by_sentence.setdefault(mv.sentence, []).append(mv)
    cue_cache: dict[int, list[tuple[int, DayCue]]] = {}
    for mv in moves:
        code = _calendar_of(mv.target)
        region = _region(code)
        sent = sents[mv.sentence]
        pub_session = session_on_or_before(code, ctx.published)
        n = next((n for n in mv.nums if n.ref_level), None)
        if n is not None:
            cue = find_day_cue(sent[n.end : n.end + 60])
            if cue is None or cue.kind != "date":
                mv.drop = True  # a reference level with no date: nothing to check
                continue
            mv.trading_date, mv.kind, mv.direction, mv.period = (
                resolve_cue(cue, ctx.published, code),
                "close",
                None,
                None,
            )
            mv.date_explicit = True
            continue
        _date_one(mv, sent, ctx, code, region, pub_session, by_sentence, cue_cache, known, day_known)
        if mv.kind == "other" and mv.date_explicit and mv.nums and ('"' in sent or "\u201c" in sent):
            _quoted_on_speech_day(mv, sent, cue_cache.get(mv.sentence) or [], ctx, code)
        if mv.trading_date is not None and mv.trading_date > ctx.published:
            # a report cannot tell of a session after it was published: the day phrase belongs
            # to something else (a quote, a forecast); keep the publication-based reading
            later = mv.trading_date
            mv.trading_date, mv.alt_date = pub_session, later
            mv.notes = [n for n in mv.notes if not n.startswith("day taken from")]
            msg = (
                f"a day phrase points to {later}, after the publication date {ctx.published}: "
                f"{mv.target.name} taken as {pub_session}, {later} kept as the alternative"
            )
            mv.notes.append(msg)
            art = (
                f"the text names {later}, after the publication date {ctx.published}: check the "
                "publication date (claims were read against it)"
            )
            if art not in ctx.notes:
                ctx.notes.append(art)
        # (an explicit snapshot, "European shares opened higher", may be from a late Asian piece)
        # (a phrase elsewhere in the sentence counts for Europe, whose day an Asian evening
        # overlaps, not for New York, which has not opened yet)
        # (not a swing inside a session whose close the sentence gives: "erased a loss of as
        # much as 1.2% to close 2.2% higher" is one finished session)
        snapshot = (
            mv.kind == "intraday"
            and (mv.kind_strength >= 2 or (mv.sentence_cue is not None and region == "europe"))
            and not any(
                o is not mv and o.target is mv.target and o.kind == "close" for o in by_sentence[mv.sentence]
            )
        )
        # (Asian by a dateline or a zone: a piece is not Asian just because it names the Nikkei first)
        foreign = (
            region in ("americas", "europe") and ctx.home == "asia" and not ctx.home_guessed and not snapshot
        )
        if foreign and mv.trading_date is not None and mv.trading_date >= pub_session:
            closed = _closed_by(code, ctx.published_at, pub_session) if ctx.published_at is not None else None
            if closed is not True:
                # an Asian report is written before New York (or Europe) trades that day
                mv.alt_date = mv.trading_date
                mv.trading_date = session_before(code, ctx.published)
                mv.notes.append(
                    f"an Asian report of {ctx.published}: the {code} session of that day had not "
                    f"begun, so {mv.target.name} figures are from the previous session"
                )
        # a session before the publication day is over (for a piece that is not live, one
        # printed on a weekend or a holiday: the last session too)
        before_pub = mv.trading_date is not None and (
            mv.trading_date < pub_session or (not ctx.live and mv.trading_date < ctx.published)
        )
        if mv.kind == "intraday" and mv.kind_strength < 2 and before_pub:
            # last night's (or the previous session's) figures are closes
            mv.kind, mv.kind_strength = "close", 1
            mv.notes = [n for n in mv.notes if "read as intraday" not in n]
            mv.notes.append(f"{mv.target.name} figures of an earlier, finished session: read as a close")
        at = mv.entry_at if mv.entry_at is not None else ctx.published_at
        if (
            mv.kind == "close"
            and mv.kind_strength == 0
            and region == "americas"
            and ctx.home == "europe"
            and not before_pub
            # (not after New York closed: a live blog's "21:10 Wall Street closes sharply lower.
            # The Dow lost 1.2%." is the close)
            and not (at is not None and code and _closed_by(code, at, pub_session))
            and not _WALL_STREET_CLOSED.search(lower(sent))
            # (or the sentence before: "Wall Street closes sharply lower. The Dow lost 1.2%.")
            and not (mv.sentence > 0 and _WALL_STREET_CLOSED.search(lower(sents[mv.sentence - 1])))
        ):
            mv.kind = "intraday"
            mv.notes.append(
                "Wall Street figures in a European report with no close stated: read as a snapshot "
                "during the New York session"
            )


def _quoted_on_speech_day(mv: Move, sent: str, found: list[tuple[int, DayCue]], ctx: Context, code) -> None:
    """A running total quoted from a speaker ('... said on Thursday: "the FTSE 250 has fallen
    16% this year"') is measured at the last close before the remark, not on the speech day;
    the speech day is kept as the alternative."""
    if not _in_quotation(sent, mv.nums[0].start):
        return
    for pos, cue in found:
        if cue.kind in ("weekday", "date", "today") and not _in_quotation(sent, pos):
            if resolve_cue(cue, ctx.published, code) == mv.trading_date:
                day = mv.trading_date
                mv.trading_date, mv.alt_date = session_before(code, day), day
                mv.notes.append(
                    f"quoted from a remark of {day}: measured at the last close before it, "
                    f"{mv.trading_date} ({day} kept as the alternative)"
                )
                return


#: The sentence says New York has closed ("Wall Street closes sharply lower", "US stocks ended").
_WALL_STREET_CLOSED = re.compile(
    r"\b(?:wall\sstreet|new\syork|u\.?s\.?\s(?:stocks|shares|markets?))\s(?:clos|end|finish|settl)\w*"
    r"|\b(?:s&p\s500|dow|nasdaq)\b[^.;]{0,40}?\b(?:closed|ended|finished|settled)\b"
)


#: Periods that end on the session a report is about (not a record's or a run's own dates).
_CALENDAR_PERIODS = frozenset({"month", "quarter", "year-to-date"})


_MONTH_NAMED = re.compile(
    r"\b(?:for|in|during|ended|ending|finished|finishing|closed|closing)\s(?:the\smonth\sof\s)?"
    r"(january|february|march|april|may|june|july|august|september|october|november|december)\b(?!\s\d)",
    re.I,
)


#: A span of months: "between April and June" (the later month's end closes it).
_BETWEEN_MONTHS = re.compile(
    r"\bbetween\s(?:" + L.MONTH_NAMES + r")\sand\s(" + L.MONTH_NAMES + r")\b(?!\s\d)", re.I
)


#: A month named as the period in a German or French wire ("im Mai", "en mars").
_FOREIGN_MONTH_NAMED = re.compile(r"\b(?:im|en)\s(\w+)\b", re.I)
_FOREIGN_MONTHS = {
    **dict.fromkeys(("januar", "janvier"), 1),
    **dict.fromkeys(("februar", "février"), 2),
    **dict.fromkeys(("märz", "mars"), 3),
    **dict.fromkeys(("april", "avril"), 4),
    **dict.fromkeys(("mai",), 5),
    **dict.fromkeys(("juni", "juin"), 6),
    **dict.fromkeys(("juli", "juillet"), 7),
    **dict.fromkeys(("august", "août"), 8),
    **dict.fromkeys(("september", "septembre"), 9),
    **dict.fromkeys(("oktober", "octobre"), 10),
    **dict.fromkeys(("november", "novembre"), 11),
    **dict.fromkeys(("dezember", "décembre"), 12),
}


def _named_month_end(sent: str, published: date) -> date | None:
    """The last day of a month named as a period ("For November, ...", "im Mai"), in the
    year before the publication date when the month starts after it (:func:`_period_end`;
    ``None`` for the month under way)."""
    m = _MONTH_NAMED.search(sent)
    if m is not None:
        mon = MONTHS[m.group(1)[:3].lower()]
    else:
        mon = next(
            (
                _FOREIGN_MONTHS[f.group(1).lower()]
                for f in _FOREIGN_MONTH_NAMED.finditer(sent)
                if f.group(1).lower() in _FOREIGN_MONTHS
            ),
            None,
        )
        if mon is None:
            return None
    return _period_end(published, mon, 1, None)


def _asset_night(low: str, cue: tuple[int, DayCue]) -> bool:
    """Whether "overnight" / "last night" is another asset's ("after oil rose 1% overnight")."""
    pos, c = cue
    return c.kind == "lastnight" and L.OTHER_ASSET.search(low, max(0, pos - 30), pos) is not None


#: A possessive day phrase that introduces a number: "Thursday's 3.9% slide".
_POSSESSIVE_NUMBER = re.compile(r"['’]s\s(?:[\w-]+\s){0,2}?(?:of\s)?[+\-−]?(?=\d)")
#: What may stand between a number and the day phrase it is attached to ("2.1% on Tuesday").
_ATTACH_GAP = re.compile(r"\s(?:[A-Za-z-]+\s)?(?:on\s)?")


#: What may stand between a number and "the previous day" that dates it ("932 points the
#: previous day", "its 433-point drop the previous session").
_DAYBEFORE_GAP = re.compile(r"\s(?:[A-Za-z-]+\s){0,2}")
#: A number, its noun, then a clause of the same subject: "1.8% rise it posted ".
_OWN_RELATIVE_GAP = re.compile(
    r"(?:-?points?|%)?\s(?:[a-z-]+\s){1,2}(?:that\s|which\s)?(?:it|they)\s(?:had\s)?[a-z]+\s"
)
#: What may stand between a number and "overnight" / "last night" printed after it.
_NIGHT_GAP = re.compile(r"\s(?:(?:on|in)\s)?(?:[A-Z][\w&.-]*\s){0,2}")
_FIRST_DIGIT = re.compile(r"\d")
_WEEKDAY_BEFORE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*$", re.IGNORECASE)


#: Before a day phrase: the object of a clause that recalls the subject's earlier move ("the
#: ground it lost on", "the gains they made on").
_RECALLED_BEFORE = re.compile(
    r"\b(?:it|they)\s(?:had\s)?(?:lost|shed|gave\sup|surrendered|suffered|gained|made|added|posted)\s(?:on\s)?$"
)
#: After a day phrase: a clause in the past perfect about that day (", when it had fallen").
_RECALLED_AFTER = re.compile(r",\s(?:when|as)\s(?:it|they|the\sindex)\shad\s")


def _recalled_day(low: str, pos: int, cue: DayCue) -> bool:
    """Whether the day phrase ``cue`` at ``low[pos:]`` is the day of an earlier move that a
    later clause recalls ("recovering the ground it lost on Wednesday, when it had fallen 1.2%")."""
    return cue.kind in ("weekday", "date", "yesterday", "lastwd") and (
        _RECALLED_BEFORE.search(low, max(0, pos - 32), pos) is not None
        or _RECALLED_AFTER.match(low, pos + len(cue.text)) is not None
    )


def _carried_cues(
    found: list[tuple[int, DayCue]], sent: str, low: str, new_moves: list[Move]
) -> list[DayCue]:
    """The day phrases of a sentence that may carry on to the claims after it.

    Not a possessive that introduces a number ("Thursday's 3.9% slide"), not a phrase in a
    relative clause closed by a comma and the main verb ("..., which traded on Friday while
    London was shut, gained 1.3%"), and not "overnight" after a snapshot's numbers ("...
    opened 2% lower after troops attacked overnight").
    """
    snap_end = min((mv.nums[-1].end for mv in new_moves if mv.kind == "intraday" and mv.nums), default=None)
    if not new_moves and len(found) > 1 and any(c.kind == "weekday" for _, c in found):
        # "Traders return today after Thursday's choppy session": with no claim of
        # its own, the sentence's "today" is now; the session it names is what a recap is about
        found = [(p, c) for p, c in found if c.kind != "today"]
    first_num = next((mv.nums[0].start for mv in new_moves if mv.nums), None)
    out = []
    for pos, c in found:
        if c.kind == "daybefore":
            continue  # counted back from the sentence's own day: nothing to carry on
        if "since" in low and _SINCE_SAID.search(sent, max(0, pos - 80), pos):
            continue  # "... since troops crossed the border on 24 February": a base, not a session
        end = pos + len(c.text)
        if _POSSESSIVE_NUMBER.match(sent, end):
            continue
        digit = _FIRST_DIGIT.search(low, end)
        if digit is not None and _CLAUSE_VERB.search(low, end, digit.start()):
            continue
        if c.kind == "lastnight" and snap_end is not None and pos >= snap_end:
            continue
        if first_num is not None and pos > first_num and _recalled_day(low, pos, c):
            continue  # "..., recovering the ground it lost on Wednesday": that earlier day
        if c.kind in ("date", "weekday") and any(
            mv.base is not None and mv.base.text == c.text.lower() for mv in new_moves
        ):
            continue  # "Since the decision on 16 March, the S&P 500 has gained 6.3%": a move's start
        if c.kind != "date" and _in_quotation(sent, pos):
            # '"... can be turned into a non-profit overnight," said a strategist': speech (a
            # printed date in a quote, "February 15, 2022, will go down in history", still counts)
            continue
        if (
            len(new_moves) > 1
            and new_moves[0].period_key is None
            and any(
                mv.target is new_moves[0].target
                and mv.period_key is None
                and _attached_cue([(pos, c)], sent, mv) is c
                for mv in new_moves[1:]
            )
        ):
            continue  # "... dropped 0.8%, adding to a 1.9% slide on Tuesday": that index's earlier day
        out.append(c)
    return out


def _in_quotation(sent: str, pos: int) -> bool:
    """Whether ``pos`` of ``sent`` is inside quoted speech (curly quotes, or an odd number of
    straight double quotes before it)."""
    if '"' not in sent and "\u201c" not in sent:
        return False
    head = sent[:pos]
    if "\u201c" in head:
        return head.rfind("\u201c") > head.rfind("\u201d")
    return head.count('"') % 2 == 1


#: A noun of shares and the participle of what happened to them, right before a day phrase
#: ("technology stocks sold off on Friday", "banks hit on Monday").
_PARTICIPLE_NOUNS = (
    "stocks",
    "shares",
    "names",
    "companies",
    "groups",
    "firms",
    "banks",
    "miners",
    "equities",
)
_PARTICIPLE_DAY = re.compile(
    r"\b(?:stocks|shares|names|companies|groups|firms|banks|miners|equities)\s(?:[a-z]+ed|sold|bought|hit|"
    r"dumped|shed|beaten|battered)(?:\s(?:off|up|down|back))?\s(?:on\s)?$"
)
#: A day phrase that opens its sentence ("On Tuesday, ...", "Yesterday the ...").
_OPENING_CUE_GAP = re.compile(r"^[\s\"'“‘(]*(?:(?:on|by|late|early|earlier|later|then|and|but)\s+)*$", re.I)


def _flashback(
    cue: DayCue, found: list[tuple[int, DayCue]], sent: str, lsent: str, ctx: Context, *, claims: bool
) -> bool:
    """Whether a sentence's day phrase tells of a day before the one the article is about, as
    background that does not move the day of the claims after it.

    Two kinds: a sentence in the past perfect ("Yesterday the index had risen 1.4%"), and a
    phrase inside a sentence with no index claim ("the jolt markets got on Wednesday, when ...",
    "Walmart lost 6.8% after falling 11% on Tuesday"). A phrase that opens a sentence in the
    simple past ("On Tuesday, markets ...") changes the day.
    """
    if cue.kind not in ("weekday", "date", "yesterday", "lastwd"):
        return False
    had = _PLUPERFECT.search(lsent)
    # (past perfect only when no simple past comes before it: "fell 2%, after it had risen"
    # is the simple past's sentence)
    pluperfect = had is not None and _MOVE_VERB.search(lsent, 0, had.start()) is None
    if claims and not pluperfect:
        return False
    if ctx.carried is not None:
        ref = resolve_cue(ctx.carried, ctx.published, None)
    elif pluperfect:
        ref = ctx.published
    else:
        return False
    if not pluperfect:
        pos = next((p for p, c in found if c is cue), None)
        if pos is None or _OPENING_CUE_GAP.match(sent, 0, pos):
            return False
    return resolve_cue(cue, ctx.published, None) < ref


#: Before a day phrase: "after" and a piece of news ("after a newspaper report on",
#: "after the minister's remarks on").
_NEWS_BEFORE = re.compile(
    r"\bafter\s(?:[\w'’-]+\s){0,4}?(?:report|story|article|leak|interview|comments?|remarks|speech|"
    r"testimony|statement|announcement|briefing|data|figures)\s(?:on\s|of\s)?$"
)


def _news_day(cue: DayCue, found: list[tuple[int, DayCue]], lsent: str) -> bool:
    """Whether a claimless sentence's day phrase is the day of a piece of news it was told
    after, in a sentence that tells of no move ("Investors had two days to digest it after a
    press report on Monday"): the news's day, not a session the claims after it are about."""
    if cue.kind not in ("weekday", "date", "yesterday", "lastwd") or _MOVE_VERB.search(lsent) is not None:
        return False
    pos = next((p for p, c in found if c is cue), None)
    return pos is not None and _NEWS_BEFORE.search(lsent, max(0, pos - 60), pos) is not None


#: "had" and a past participle: a move before the one the text is about.
_PLUPERFECT = re.compile(
    r"\bhad\s(?:\w+ly\s|also\s|already\s)?(?:risen|fallen|gained|lost|dropped|climbed|slipped|slid|"
    r"jumped|surged|tumbled|plunged|sunk|sank|rallied|advanced|declined|closed|ended|finished|shed|added)\b"
)


def _own_cues(found: list[tuple[int, DayCue]], sent: str, mv: Move) -> list[tuple[int, DayCue]]:
    """Day phrases without those that belong to another number ("Thursday's 3.9% slide")."""
    out = []
    for pos, c in found:
        m = _POSSESSIVE_NUMBER.match(sent, pos + len(c.text))
        if m is not None and not any(abs(n.start - m.end()) <= 1 for n in mv.nums):
            continue
        out.append((pos, c))
    return out


def _possessive_cue(found: list[tuple[int, DayCue]], sent: str, mv: Move) -> DayCue | None:
    """A possessive day phrase that introduces one of the move's numbers ("Tuesday's 2% fall")."""
    for pos, c in found:
        if c.kind in ("weekday", "yesterday"):
            m = _POSSESSIVE_NUMBER.match(sent, pos + len(c.text))
            if m is not None and any(abs(n.start - m.end()) <= 1 for n in mv.nums):
                return c
    return None


def _attached_cue(found: list[tuple[int, DayCue]], sent: str, mv: Move) -> DayCue | None:
    """A weekday, "yesterday" or "overnight" printed right after one of the move's numbers."""
    for pos, c in found:
        if c.kind == "lastnight":
            # "... after the S&P 500 slumped 3.3% on Wall Street overnight": the night is the
            # number's, not a day named earlier for another market ("Asian stocks fell on Friday")
            if any(n.end < pos <= n.end + 32 and _NIGHT_GAP.fullmatch(sent, n.end, pos) for n in mv.nums):
                return c
            continue
        if c.kind not in ("weekday", "yesterday"):
            continue
        for n in mv.nums:
            if n.end < pos <= n.end + 16 and _ATTACH_GAP.fullmatch(sent, n.end, pos):
                return c
    return None


#: (market region, home region of the piece) where "overnight" is the market's session of the
#: publication day, with the home named for the note.
_EARLIER_ZONE = {
    ("asia", "europe"): "Europe",
    ("asia", "americas"): "the Americas",
    ("europe", "americas"): "New York",
}


_NOT_A_SESSION = (
    "{day} is not a {code} session (a weekend or a holiday): taken as the last session before it, {session}"
)


def _day_before_base(found: list[tuple[int, DayCue]], mv: Move, region: str | None) -> DayCue | None:
    """The day phrase that "the previous day" counts back from: another day phrase of the
    sentence ("rose 1.6% on Tuesday, recouping its 433-point drop the previous session"), else
    the one carried from earlier sentences ("... yesterday. The Dow fell 3%, having soared 932
    points the previous day"); None when there is neither."""
    base = best_cue(c for _, c in found if c.kind not in ("daybefore", "prevsession"))
    if base is None and mv.night is not None and mv.night.region == region:
        base = mv.night
    if base is None:
        base = mv.carried
    return base


def _session_cues(sent: str, published: date) -> list[tuple[int, DayCue]]:
    """``list(day_cues(sent))`` without the end of a year after the publication's: "officials see
    two rate rises by the end of 2023" in a piece of 2021 is a forecast's horizon, not a session
    the piece reports (a full date of a later year stays: it may show a wrong publication date)."""
    found = list(day_cues(sent))
    if any(c.year_end for _, c in found):
        found = [(p, c) for p, c in found if not (c.year_end and c.day and c.day.year > published.year)]
    return found


def _date_one(
    mv, sent, ctx, code, region, pub_session, by_sentence, cue_cache, known, day_known=None
) -> None:
    found = cue_cache.get(mv.sentence)
    if found is None:
        day_word = day_known.get(mv.sentence) if day_known is not None else None
        if day_word is None:
            day_word = _has_any(lower(sent), _DAY_WORDS)
        if day_word:
            found = known.get(mv.sentence)
            if found is None:
                found = _session_cues(sent, ctx.published)
        else:
            found = []
        cue_cache[mv.sentence] = found
    anchor = mv.nums[0].start if mv.nums else mv.lo
    low = lower(sent) if found else None
    if found:
        found = _own_cues(found, sent, mv)
        if mv.kind == "intraday" and low is not None and low is not sent:
            # a snapshot is of the session under way: "overnight" after oil is the oil's, and
            # "... opened 2% lower after troops attacked overnight" is the news's
            end = mv.nums[-1].end if mv.nums else mv.hi
            found = [
                fc
                for fc in found
                if not (_asset_night(low, fc) or (fc[1].kind == "lastnight" and fc[0] >= end))
            ]
    if found:
        # "the previous day" after the numbers dates them only when printed right after one
        # ("soared 932 points the previous day"), not in a later clause ("..., after falling
        # the previous session")
        found = [
            (p, c)
            for p, c in found
            if c.kind != "daybefore"
            or p < anchor
            or any(n.end < p <= n.end + 30 and _DAYBEFORE_GAP.fullmatch(sent, n.end, p) for n in mv.nums)
            # "wiping out the 1.8% rise it posted the day before": the move's own relative clause
            or any(n.end < p <= n.end + 45 and _OWN_RELATIVE_GAP.fullmatch(sent, n.end, p) for n in mv.nums)
        ]
    if found and low is not None and any(p > anchor for p, _ in found):
        # "... jumped 1.9% as investors bought back tech stocks sold off on Friday": the day of
        # the shares' earlier fall (a participle after their noun), not the move's
        found = [
            (p, c)
            for p, c in found
            if p < anchor
            or not (
                _has_any(low[max(0, p - 40) : p], _PARTICIPLE_NOUNS)
                and _PARTICIPLE_DAY.search(low, max(0, p - 40), p)
            )
        ]
    if found and low is not None and any(p > anchor for p, _ in found):
        # "..., recovering the ground it lost on Wednesday, when it had fallen 1.2%": the day
        # of the earlier move a later clause recalls, not this move's
        found = [
            (p, c)
            for p, c in found
            if p < anchor
            or not _recalled_day(low, p, c)
            # ("the 1.8% rise it posted on Wednesday": the move's own number and clause)
            or any(n.end < p <= n.end + 45 and _OWN_RELATIVE_GAP.fullmatch(sent, n.end, p) for n in mv.nums)
        ]
    if found and mv.period == "multi-day":
        # "since the governor said on Friday": the day the period starts, not the claim's
        found = [(p, c) for p, c in found if not _SINCE_SAID.search(sent, max(0, p - 80), p)]
    attached = (_possessive_cue(found, sent, mv) or _attached_cue(found, sent, mv)) if found else None
    if attached is not None and attached.kind != "lastnight":
        mv.trading_date = resolve_cue(attached, ctx.published, code)
        mv.date_explicit = True
        return
    if attached is not None:
        found = [(p, c) for p, c in found if c is attached]  # "overnight": read below, by market
    if found and low is not None:
        # "..., which slid 5% last week, closed 1.4% higher on Monday": not the relative clause's;
        # nor "In Frankfurt, which traded as normal on Monday, the DAX dropped 2.5%"
        found = [
            (p, c)
            for p, c in found
            if not (
                p < anchor
                and (_CLAUSE_VERB.search(low, p, anchor) or _in_relative_clause(low, p, anchor))
                # "On Monday the S&P 500, the index most funds track, fell 3.9%": a day that
                # opens the sentence dates its main clause, whatever aside comes before the verb
                and not _OPENING_CUE_GAP.match(low, 0, p)
            )
        ]
    if found and region is not None and region == ctx.home and not ctx.home_guessed:
        # the dateline's own market trades in its daytime: "overnight" in a Tokyo piece is Wall
        # Street's night ("the Nikkei ended 1.3% lower on Tuesday after a plunge on Wall Street
        # overnight"), never the Nikkei's session
        found = [(p, c) for p, c in found if c.kind != "lastnight"]
    # (no day phrase in the sentence: no cue from it, and nothing to work out)
    cue = _nearest_cue([(pos, c) for pos, c in found if mv.lo <= pos < mv.hi_full], anchor) if found else None
    if cue is None and found:
        # a day phrase of the sentence that is not inside another claim's own words; a move
        # over a period ends on the day of a day's move beside it ("fell 1.7% on Friday, and
        # lost 2.8% for the week")
        others = [
            (o.nums[0].start if o.nums else o.lo, o.hi_full)
            for o in by_sentence.get(mv.sentence, [])
            if o is not mv and not (mv.kind == "weekly" or mv.period in _CALENDAR_PERIODS)
        ]
        cue = _nearest_cue(
            [(pos, c) for pos, c in found if not any(lo <= pos < hi for lo, hi in others)], anchor
        )
        if cue is None and (mv.kind in ("close", "intraday") or mv.period in ("from-record", "multi-day")):
            # else the day of an earlier clause carries to a later one without its own ("... had
            # tumbled 4% on Wednesday, and the Nasdaq lost 4.7%"); a day after the numbers is
            # another claim's ("... extending the 11% slump on March 14")
            before = [c for pos, c in found if pos < anchor]
            cue = best_cue(before) if before else None
    if mv.named_year is not None:
        mv.trading_date = session_on_or_before(code, date(mv.named_year, 12, 31))
        mv.date_explicit = True
        mv.notes.append(f"the year {mv.named_year} named in the text: the period ends {mv.trading_date}")
        return
    if mv.period == "multi-day" and mv.period_key == "multiday" and "between" in sent:
        span = _BETWEEN_MONTHS.search(sent)
        end = _period_end(ctx.published, MONTHS[span.group(1)[:3].lower()], 1, None) if span else None
        if end is not None and end < ctx.published:
            # "fell 16.4% between April and June": to the last session of the later month
            mv.trading_date = session_on_or_before(code, end)
            mv.date_explicit = True
            mv.notes.append(f"a span of months named in the text: it ends {mv.trading_date}")
            return
    if mv.period in ("month", "quarter", "year-to-date"):
        named = _named_period_end(sent, mv.period, ctx.published)
        if named is not None and named[0] < ctx.published:
            mv.trading_date = session_on_or_before(code, named[0])
            mv.date_explicit = True
            mv.notes.append(f"{named[1]} named in the text: the period ends {mv.trading_date}")
            return
    carried = False
    if cue is None:
        night = mv.night
        if night is not None and night.region == region:
            cue, carried = night, True
        elif mv.carried is not None:
            cue, carried = mv.carried, True
    if cue is not None:
        d = resolve_cue(cue, ctx.published, code)
        if cue.kind == "lastnight" and (region, ctx.home) in _EARLIER_ZONE:
            # Asia trades during the European and American night (and Europe in New York's
            # morning): "in Tokyo overnight" in a London or New York piece is the Tokyo
            # session of the publication day
            d = pub_session
            mv.notes.append(
                f"'{cue.text}' for a market that trades in the night of {_EARLIER_ZONE[region, ctx.home]}: "
                f"its session of the publication day, {pub_session}"
            )
        elif (
            cue.kind == "lastnight"
            and region == "asia"
            and (ctx.home is None or ctx.home_guessed)
            and d != pub_session
        ):
            # where the piece was written is not known: Asia's "overnight" is the previous
            # session from Asia, the publication day's from Europe or America; both are kept
            mv.alt_date = pub_session
            mv.notes.append(
                f"'{cue.text}' with no dateline to say where the piece was written: {d} (an Asian "
                f"piece) or {pub_session} (a European or American one)"
            )
        if cue.kind == "daybefore":
            base = _day_before_base(cue_cache[mv.sentence], mv, region)
            if base is not None:
                d = session_before(code, resolve_cue(base, ctx.published, code))
                mv.notes.append(f"'{cue.text}': the session before {base.text!r}")
        mv.date_explicit = True
        snapshot = mv.kind == "intraday" or (ctx.live and L.INTRADAY.search(lower(sent)) is not None)
        if snapshot and d < pub_session and cue.kind in ("weekday", "date") and ctx.live:
            mv.trading_date, mv.alt_date = pub_session, d
            mv.notes.append(
                f"live figures with '{cue.text}' ({d}) in a piece of {ctx.published}: "
                f"taken as {pub_session}, {d} kept as the alternative"
            )
        else:
            mv.trading_date = d
            if (
                carried
                and mv.kind == "weekly"
                and cue.kind in ("weekday", "date")
                and d < pub_session
                and d.weekday() < 4
            ):
                # a week's move ends on the week's last session (not after the publication
                # day), not on a day named earlier for something in the week
                friday = d + timedelta(days=4 - d.weekday())
                mv.trading_date = session_on_or_before(code, min(friday, pub_session))
            if carried:
                mv.notes.append(f"day taken from '{cue.text}' earlier in the article")
            if cue.kind == "today" and d != ctx.published:
                mv.notes.append(_NOT_A_SESSION.format(day=ctx.published, code=code, session=d))
            named = cue_day(cue, ctx.published)
            if named is not None and named != d:
                mv.notes.append(_NOT_A_SESSION.format(day=named, code=code, session=d))
        return
    if (
        ctx.home == "asia"
        and region == "europe"
        and mv.kind == "intraday"
        and (mv.kind_strength >= 2 or mv.sentence_cue is not None)
    ):
        # "the DAX was down 2.5% in afternoon trade" in an Asian evening report: the session
        # under way in Europe that day
        mv.trading_date = pub_session
        mv.notes.append(f"a snapshot of {mv.target.name} in an Asian report: the {code} session of that day")
        return
    if ctx.home == "asia" and region in ("americas", "europe"):
        if ctx.home_guessed:
            # Asian only because an Asian index is named first ("Japan's Nikkei plunged 3%. The
            # Dow lost 2.4% ..."): the publication day's session, the previous one kept beside it
            mv.trading_date, mv.alt_date = pub_session, session_before(code, ctx.published)
            mv.notes.append(
                f"an Asian index named first, no dateline: {mv.target.name} figures of {pub_session}, or of "
                f"the previous {code} session {mv.alt_date} if the piece was written in Asia"
            )
            return
        mv.trading_date = session_before(code, ctx.published)
        mv.notes.append(
            f"an Asian report without a day: {mv.target.name} figures taken from the previous {code} session"
        )
        return
    if mv.kind == "weekly" and ctx.published.weekday() == 0 and "this week" not in lower(sent):
        # a Monday piece's week without a day is the week that ended on Friday
        mv.trading_date = session_before(code, ctx.published)
        mv.notes.append(f"a week's move in a Monday piece: the week to {mv.trading_date}")
        return
    mv.trading_date = pub_session
    if pub_session != ctx.published:
        mv.notes.append(_NOT_A_SESSION.format(day=ctx.published, code=code, session=pub_session))
    if ctx.morning and mv.kind == "close" and region in ("americas", "europe") and ctx.published_at is None:
        # a morning newsletter is written before New York and Europe close that day
        mv.trading_date, mv.alt_date = session_before(code, ctx.published), pub_session
        mv.notes.append(
            f"a morning newsletter: the {mv.target.name} close without a day is the previous session's"
        )
        return
    at = mv.entry_at if mv.entry_at is not None else ctx.published_at
    if at is not None and mv.kind in ("close", "weekly", "other") and code and region:
        # (a week's, a month's or a counted span's move in a piece written before the close
        # ends at a close that had happened: the previous session's)
        closed = _closed_by(code, at, pub_session)
        if closed is False and mv.kind_strength == 0 and _closed_by(code, at, pub_session, opened=True):
            # "14:30 BST - The FTSE 100 fell 0.5%": no close is said, so the figure is the
            # session so far, or the last close; both are kept
            mv.kind, mv.trading_date, mv.alt_date = "intraday", pub_session, session_before(code, pub_session)
            mv.alt_kind = "close"
            mv.notes.append(
                f"published during the {code} session of {pub_session} with no close stated: the move "
                f"so far that day, or the close of {mv.alt_date}"
            )
            return
        if closed is False and mv.kind != "close" and _closed_by(code, at, pub_session, opened=True):
            # a week's or a span's move written during the session: up to now, or to the last
            # close; both are kept
            mv.trading_date, mv.alt_date = pub_session, session_before(code, pub_session)
            mv.notes.append(
                f"published during the {code} session of {pub_session}: the move up to that session, or "
                f"to the close of {mv.alt_date}"
            )
            return
        if closed is False:
            mv.trading_date = session_before(code, pub_session)
            mv.notes.append(
                f"published before the {code} close of {pub_session}: the close is the previous session's"
            )
            return
    moved = _period_just_begun(mv, code, pub_session, sent)  # (may move the period's end)
    if (
        mv.kind in ("close", "weekly", "other")
        and pub_session == ctx.published
        and ctx.published_at is None
        and not moved
    ):
        mv.alt_date = session_before(code, ctx.published)
        mv.notes.append(
            f"no day stated: taken as the publication day {pub_session}; the previous session "
            f"{mv.alt_date} if the piece was written before the close"
        )


def _period_just_begun(mv: Move, code: str | None, day: date, sent: str) -> bool:
    """Move a month, quarter or year move dated to one of the first two sessions of its
    period to the end of the period before ("Over the month, the FTSE 100 rose 0.8%" in a
    review of 1 April is March's), unless the text says the period is under way ("this
    month", "so far"); say so in a note. Returns whether the move was moved."""
    if mv.kind != "other" or mv.period not in ("month", "quarter", "year-to-date"):
        return False
    if _UNDER_WAY.search(lower(sent)):
        return False
    start = period_first_day(mv.period, day)
    assert start is not None  # (a month, quarter or year)
    if session_before(code, session_before(code, day)) >= start:
        return False  # the third session of the period or later: the period so far
    mv.trading_date, mv.alt_date = session_before(code, start), day
    mv.notes.append(
        f"a {mv.period} move in a piece of {day}, the period's first days: taken as the {mv.period} "
        f"that ended {mv.trading_date} ({day} kept as the alternative)"
    )
    return True


#: Words that put a period move in the period under way ("so far this month").
_UNDER_WAY = re.compile(
    r"\b(?:this\s(?:month|quarter|year)|so\sfar|to\sdate|(?:month|quarter|year)-to-date|ytd|since\sthe\sstart)\b"
)
#: A quarter or half named as the move's period ("in the first quarter", "over the first
#: half of 2021"), not a quarter's earnings or the first half of a session.
_QUARTER_NAMED = re.compile(
    r"\b(?:in|for|over|during|across|through)\s(?:the\s)?(first|second|third|fourth)\squarter\b"
    r"(?!\s(?:earnings|results|gdp|figures))(?:\sof\s(?:the\syear\s)?((?:19|20)\d\d))?",
    re.I,
)
_HALF_NAMED = re.compile(
    r"\b(?:in|for|over|during|across|through)\s(?:the\s)?(first|second)\shalf\b"
    r"(?!\sof\s(?:the\s)?(?:session|day|trading|month))(?:\sof\s(?:the\syear\s)?((?:19|20)\d\d))?",
    re.I,
)
_LAST_PERIOD = re.compile(r"(?<!\bthe\s)(?<!since\s)\blast\s(month|quarter)\b(?!['’])(?!\sof\b)", re.I)
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _named_period_end(sent: str, period: str | None, published: date) -> tuple[date, str] | None:
    """The last day of a period the text names, with what was named: a month ("in March"),
    a quarter ("in the first quarter"), a half ("over the first half of 2021") or "last
    month/quarter". A period under way ("so far this year", a quarter that has not ended)
    gives ``None``: the move runs to the publication day."""
    if _UNDER_WAY.search(lower(sent)):
        return None
    if period == "month":
        end = _named_month_end(sent, published)
        if end is not None:
            return end, "a month"
    last = _LAST_PERIOD.search(sent)
    if last is not None and last.group(1).lower() == period:
        first_of_current = period_first_day(period, published)
        assert first_of_current is not None  # (a month or a quarter)
        return first_of_current - timedelta(days=1), f"last {period}"
    if period == "quarter":
        q = _QUARTER_NAMED.search(sent)
        if q is not None:
            end = _period_end(published, 3 * _ORDINAL[q.group(1).lower()], 3, q.group(2))
            return (end, "a quarter") if end is not None else None
    if period == "year-to-date":
        h = _HALF_NAMED.search(sent)
        if h is not None:
            end = _period_end(published, 6 if h.group(1).lower() == "first" else 12, 6, h.group(2))
            return (end, "a half-year") if end is not None else None
    return None


def _period_end(published: date, month: int, length: int, year_text: str | None) -> date | None:
    """The last day of the period of ``length`` months that ends with ``month``: in the year
    printed ("of 2021"), else the publication year, else the year before when the period
    starts after the publication date; ``None`` when the period is still under way."""

    def end_of(year: int) -> date:
        return date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)

    if year_text is not None:
        return end_of(int(year_text))
    year = published.year
    start = date(year, month - length + 1, 1)
    if start > published:
        return end_of(year - 1)
    end = end_of(year)
    return end if end <= published else None


def _closed_by(code: str, at, session: date, *, opened: bool = False) -> bool | None:
    """Whether ``session`` of ``code`` had closed by ``at`` (``opened``: had opened instead)."""
    try:
        import pandas as pd

        from .. import calendar as cal

        c = cal.get_calendar(code)
        bound = c.session_open(pd.Timestamp(session)) if opened else c.session_close(pd.Timestamp(session))
        return pd.Timestamp(at) >= bound
    except Exception:  # calendar unavailable or out of range
        return None


# ------------------------------------------------------------------ merging


def _compatible(a: Move, b: Move) -> bool:
    if a.target is not b.target or a.period != b.period:
        return False
    if b.split_off and a.sentence == b.sentence:
        return False
    if a.direction and b.direction and a.direction != b.direction:
        return False
    if a.kind != b.kind and min(a.kind_strength, b.kind_strength) >= 2:
        return False
    # a move over a period and a day's move are two claims, even of the same size; so are
    # the extreme of a session ("at one point down 4%") and a move ("lost 4%")
    if a.kind != b.kind and ("weekly" in (a.kind, b.kind) or "other" in (a.kind, b.kind)):
        return False
    if a.extreme != b.extreme:
        return False
    if any(n.ref_level for n in a.nums + b.nums):
        return False
    if not a.nums or not b.nums:
        # "The DAX ended flat on Tuesday. ... The DAX closed at 14,662.02": the flat day's level
        return _flat_and_its_level(a, b) or _flat_and_its_level(b, a)
    ca = a.carried if a.carried is not None else None
    cb = b.carried if b.carried is not None else None
    if ca is not cb and ca is not None and cb is not None:
        return False
    if a.own_day is not None and b.own_day is not None and a.own_day != b.own_day:
        return False  # "... rose 227 points on Wednesday. On Tuesday the FTSE 100 added 0.1%."
    if a.own_day is None and b.opens_with_day and b.sentence != a.sentence:
        return False  # "... ended up 816 points at 28,040.16. On Tuesday, the Nikkei gained 1.5%."
    for unit in ("pct", "points", "level"):
        x, y = a.get(unit), b.get(unit)
        if x is not None and y is not None and abs(x.value - y.value) > 1e-9:
            return False
    return True


def _flat_and_its_level(flat: Move, level: Move) -> bool:
    """Whether ``flat`` is a flat close with no number and ``level`` a close level alone."""
    return (
        flat.direction == "flat"
        and not flat.nums
        and level.direction is None
        and flat.kind == level.kind == "close"
        and len(level.nums) == 1
        and level.nums[0].unit == "level"
        and (flat.own_day is None or level.own_day is None or flat.own_day == level.own_day)
    )


def merge_moves(moves: list[Move]) -> list[Move]:
    """Merge claims about one index in nearby sentences that complete or repeat each other."""
    out: list[Move] = []
    for mv in moves:
        partner = None
        for prev in reversed(out[-4:]):
            if mv.sentence - max(prev.sentence, prev.last_sentence) > 2:
                break
            if _compatible(prev, mv):
                partner = prev
                break
        if partner is None:
            out.append(mv)
            continue
        have = {n.unit for n in partner.nums}
        partner.nums.extend(n for n in mv.nums if n.unit not in have)
        partner.direction = partner.direction or mv.direction
        if mv.kind_strength > partner.kind_strength:
            partner.kind, partner.kind_strength, partner.period = mv.kind, mv.kind_strength, mv.period
        partner.span = (partner.span[0], max(partner.span[1], mv.span[1]))
        partner.notes.extend(x for x in mv.notes if x not in partner.notes)
        partner.merged = True
        partner.last_sentence = mv.sentence
    return out


def _shift(m: Mention, off: int) -> Mention:
    return Mention(m.start - off, m.end - off, m.text, m.kind, m.target, m.weak)


_DIGIT = re.compile(r"\d")
#: At most this many claims are read from one text (a safety valve for huge inputs).
MAX_CLAIMS = 500
#: A "sentence" naming more indices than this is a list or debris, not prose.
MAX_MENTIONS = 40
_FLAT_HINT = re.compile(r"flat|unchanged|little changed|unverändert|inchangé")


#: A sentence that is only a day phrase, after at most two small words: "So, yesterday.",
#: "Right. Tuesday, then?" (a transcript turning to that day).
_BARE_DAY = re.compile(
    r"\W*(?:(?:so|and|now|then|ok|okay|right|well|but|anyway|first)\W+){0,2}"
    r"(?:yesterday|(?:last\s|on\s)?(?:mon|tues|wednes|thurs|fri)day)(?:\W+(?:then|again))?\W*"
)
#: The time stamp that opens a live-blog entry: "16:40 GMT - ...", "Posted at 09:00".
_NEW_ENTRY = re.compile(
    r"\W{0,3}(?:posted\s(?:at\s)?)?\d{1,2}[:.]\d{2}\b(?:\s?(?:GMT|UTC|BST|CEST|CET|EST|EDT|ET|am|pm|a\.m\.|p\.m\.))?"
    r"\s*(?:[-–—:|]|$)",
    re.IGNORECASE,
)
#: A bare clock time that opens a line, then a capitalised word: "09:12 The FTSE 100 ...",
#: "16:40 Closing report: ..." (a new entry when the line starts with it; not "1.25 per cent").
_NEW_ENTRY_AT_LINE = re.compile(r"(?:[01]\d|2[0-3])[:.][0-5]\d\s+[A-Z][a-z]")
#: The first characters of the sentences tested with :data:`_NEW_ENTRY` (a stamp at the very
#: start of the sentence: "16:40 GMT - ...", "Posted at 09:00").
_ENTRY_FIRST = frozenset("0123456789Pp")
#: A live-blog entry's time stamp at the start of a line: "16:42 GMT London's blue chips ...".
_ENTRY_STAMP = re.compile(
    r"\W{0,3}(\d{1,2})[:.](\d{2})\s?(?:(a\.?m\.?|p\.?m\.?)\s?)?(GMT|UTC|BST|CEST|CET|EST|EDT|ET)\b", re.I
)


def _entry_time(stamp: re.Match, ctx: Context) -> datetime | None:
    """The time of a live-blog entry, on the publication day (``None`` if not a clock time)."""
    h, mi = int(stamp.group(1)), int(stamp.group(2))
    half = (stamp.group(3) or "").lower()[:1]  # "4:10 p.m. ET"
    if half and not 1 <= h <= 12:
        return ctx.entry_at
    if half == "p" and h != 12:
        h += 12
    elif half == "a" and h == 12:
        h = 0
    if h > 23 or mi > 59:
        return ctx.entry_at
    tz = timezone(timedelta(hours=TZ_OFFSETS[stamp.group(4).upper()]))
    pub = ctx.published
    return datetime(pub.year, pub.month, pub.day, h, mi, tzinfo=tz)


def blank_dateline(text: str, blank: tuple[int, int] | None) -> str:
    """``text`` with the dateline at ``blank`` read as spaces (its date is the publication
    date, not a day phrase of the sentences next to it), and the weekday printed with it
    ("Thursday 24 February 2022")."""
    if blank is None or blank[1] <= blank[0]:
        return text
    wd = _WEEKDAY_BEFORE.search(text, max(0, blank[0] - 14), blank[0])
    if wd is not None:
        blank = (wd.start(), blank[1])
    return text[: blank[0]] + " " * (blank[1] - blank[0]) + text[blank[1] :]


def extract_claims(
    text: str, spans: list[tuple[int, int]], ctx: Context, *, blank: tuple[int, int] | None = None
) -> list[Move]:
    """All moves claimed in ``text`` (split into ``spans``), merged and dated.

    ``blank`` is a span (the dateline) that is read as spaces: its date is the publication
    date, not a day phrase of the claims next to it.
    """
    original = text
    text = blank_dateline(text, blank)
    sents = [text[s:e] for s, e in spans]
    low_text = lower(text)
    all_mentions = find_mentions(unslash_names(text))
    if ctx.home is None:
        for m in all_mentions:
            if m.kind in ("name", "place") and isinstance(m.target, Index) and _region(m.target.calendar):
                ctx.home, ctx.home_guessed = _region(m.target.calendar), True
                break
    moves: list[Move] = []
    known: dict[int, list[tuple[int, DayCue]]] = {}  # day phrases of sentence i, found once
    word_bits = _word_bits(low_text, spans)
    ctx.rank_sentences = None if word_bits is None else [i for i, b in enumerate(word_bits) if b & RANK_BIT]
    day_known: dict[int, object] = {}  # whether sentence i holds a day word (truthy), where tested
    n_mentions = len(all_mentions)
    k = 0
    # the first digit at or after digit_from (len(text): none): one search serves the
    # sentences up to it
    digit_from, digit_at = len(text) + 1, -1
    for si, (s, e) in enumerate(spans):
        if not digit_from <= s <= digit_at:
            dm = first_digit(text, s)
            digit_from, digit_at = s, (dm if dm >= 0 else len(text))
        ms = []
        if k < n_mentions and all_mentions[k].start <= e:  # (else none is in this sentence)
            while k < n_mentions and all_mentions[k].start < s:
                k += 1
            while k < n_mentions and all_mentions[k].end <= e:
                ms.append(_shift(all_mentions[k], s))
                k += 1
        lsent = low_text[s:e]
        wb = word_bits[si] if word_bits is not None else _sentence_bits(lsent)
        if not ms and digit_at >= e:
            if (
                not wb & _MARKET_BIT
                and lsent[-1:] != ":"
                and "cent" not in lsent
                and "prozent" not in lsent
                and not _word_number_in(lsent, sents[si])
            ):
                # no mention, no number, no market word, not a heading: nothing below applies
                # (and the MAX_CLAIMS test can wait: no claim was added)
                if wb & _DAY_BIT and len(lsent) < 40 and _BARE_DAY.fullmatch(lsent) is not None:
                    # "So, yesterday." in a conversation: the day the talk turns to
                    bare = best_cue(c for _, c in _session_cues(sents[si], ctx.published))
                    if bare is not None and bare.kind in ("weekday", "date", "yesterday", "lastwd"):
                        ctx.carried, ctx.night = bare, None
                continue
        sent = sents[si]
        has_digit = digit_at < e or _word_number_in(lsent, sent)
        if len(moves) >= MAX_CLAIMS:
            ctx.notes.append(
                f"reading stopped after {MAX_CLAIMS} claims at sentence {si + 1} of {len(spans)}: "
                "split the text into articles to read the rest"
            )
            break
        if len(ms) > MAX_MENTIONS:
            continue  # a list of names, not prose: nothing to read as a claim
        n_before = len(moves)
        if not has_digit and lsent[-1:] == ":" and L.PERIOD_HEADING.match(lsent):
            # "For the week:" on a line of its own sets the period of the lines after it
            ctx.heading = (L.PERIODS.search(lsent) or L.PERIODS.search("for the year")).lastgroup  # type: ignore[union-attr]
        if si and "that day" in lsent:
            # "The big day was Wednesday. The FTSE 100 jumped 3.3 per cent that day.": the
            # day named in the sentence before, whatever that sentence is about
            found_before = known.get(si - 1)  # (the sentence before was scanned if it held a claim)
            if found_before is None:
                found_before = _session_cues(sents[si - 1], ctx.published)
            before = best_cue(c for _, c in found_before)
            if before is not None and before.kind in ("weekday", "date", "yesterday", "lastwd"):
                ctx.carried, ctx.night = before, None
        if sent[:1] in _ENTRY_FIRST and (
            _NEW_ENTRY.match(sent)
            # "10:05 Update: ...": a bare clock time before a capitalised word opens an entry
            # only at the start of a line
            or ((s == 0 or text[s - 1] == "\n") and _NEW_ENTRY_AT_LINE.match(sent) is not None)
        ):
            # a new live-blog entry: a day named in the entry before is not this one's
            ctx.carried, ctx.night = None, None
        if ctx.published_at is not None and sent[:1].isdigit():
            stamp = _ENTRY_STAMP.match(sent)
            if stamp is not None:
                ctx.entry_at = _entry_time(stamp, ctx)
        if has_digit and (
            ms
            or (ctx.recent and (L.BULLET_START.match(low_text[s:e]) or L.PLURAL_REF.search(low_text, s, e)))
        ):
            moves.extend(_sentence_moves(sent, s, si, ctx, ms))
        elif ms:
            if _FLAT_HINT.search(low_text, s, e):
                moves.extend(_flat_moves(sent, s, si, ctx, _merge_same(sent, _resolve(ms, ctx))))
            else:
                _resolve(ms, ctx)  # keep references resolvable
        if ctx.entry_at is not None:
            for mv in moves[n_before:]:
                mv.entry_at = ctx.entry_at
        # (day words or a clock time or "open") and (a mention or a market word); without a
        # mention the market words are tested first: most prose sentences have none
        day_words = wb & _DAY_BIT
        if ms:
            about_day = day_words or wb & _CLOCK_BIT or "open" in lsent
        elif wb & _MARKET_BIT:
            about_day = day_words or "open" in lsent
        else:
            about_day = False
        if ms or wb & _MARKET_BIT:
            day_known[si] = day_words
        if about_day:
            if day_words:
                known[si] = found = _session_cues(sent, ctx.published)
                cue = best_cue(_carried_cues(found, sent, lsent, moves[n_before:]))
                own = best_cue(c for _, c in found) if len(moves) > n_before else None
                if own is not None:
                    day = resolve_cue(own, ctx.published, None)
                    opens = any(_OPENING_CUE_GAP.match(sent, 0, p) for p, _ in found)
                    for mv in moves[n_before:]:
                        mv.own_day, mv.opens_with_day = day, opens
            else:
                cue = None
            if cue is not None and cue.day is not None and cue.day.year < ctx.published.year:
                pass  # a date of an earlier year is a reference point, not the article's session
            elif cue is not None and _flashback(cue, found, sent, lsent, ctx, claims=len(moves) > n_before):
                pass  # background told of an earlier day ("..., after falling 11% on Tuesday")
            elif cue is not None and len(moves) == n_before and _news_day(cue, found, lsent):
                pass  # "Markets had two days to digest it after a press report on Monday": the news's day
            elif cue is not None and cue.kind not in ("lastnight", "prevsession"):
                ctx.carried, ctx.night = cue, None
            elif cue is not None:
                # "overnight" is one market's news: it carries on only to that market's claims
                targets = [mv.target for mv in moves[n_before:]] + [m.target for m in ms]
                region = next((_region(t.calendar) for t in targets if isinstance(t, Index)), None)
                if region is None and "wall street" in lsent:
                    region = "americas"  # "Wall Street had its worst session in months overnight"
                if region is not None:
                    ctx.night = replace(cue, region=region)
            if (digit_at < e or _has_any(lsent, _TIME_OF_DAY_WORDS)) and L.TIME_OF_DAY.search(low_text, s, e):
                ctx.time_si = si
    moves = merge_moves(moves)
    # lower(sent) is low_text[s:e] when the whole text was lowered (same length) and holds no
    # capital sigma (the one letter whose lower case depends on its neighbours)
    exact = low_text is not text and "Σ" not in text
    _date_moves(moves, sents, ctx, known, day_known if exact else None)
    review = review_period(sents, ctx.published)
    if review is not None:
        _date_review_moves(moves, review)
    moves = [mv for mv in moves if not mv.drop]
    for mv in moves:
        mv.text = original[mv.span[0] : mv.span[1]]
    return moves


def _date_review_moves(moves: list[Move], review: ReviewPeriod) -> None:
    """Date to the end of a review's period the moves that name no day of their own
    ("Monthly commentary - January 2022. ... The FTSE 100 rose 1.1%." is January's move)."""
    for mv in moves:
        if mv.trading_date is None or mv.kind in ("intraday", "weekly"):
            continue
        if mv.kind == "close" and mv.kind_strength >= 2:
            continue  # "closed 1.2% lower": a session's move, whatever the piece reviews
        end = session_on_or_before(_calendar_of(mv.target), review.end)
        if mv.date_explicit and not (mv.kind == "close" and mv.own_day is None and mv.trading_date == end):
            continue  # a day of its own; (a day carried from an earlier sentence that is the
            # period's last session does not make a period's move a day's)
        if mv.trading_date < end or (mv.trading_date == end and mv.kind != "close"):
            continue
        if review.period is None and mv.period in ("year", "year-to-date"):
            mv.period = None  # "over the year" in a financial year's review: that year, not the calendar's
        if mv.kind == "close":
            mv.kind, mv.period, mv.kind_strength = "other", review.period, 1
        mv.trading_date, mv.alt_date, mv.alt_kind = end, None, None
        mv.notes = [n for n in mv.notes if not n.startswith(("no day stated", "published "))]
        mv.notes.append(f"a review of {review.text}: the move over that period, to {end}")


def _sentence_moves_flat(sent: str, s_off: int, si: int, ctx: Context) -> list[Move]:
    return _flat_moves(sent, s_off, si, ctx, _merge_same(sent, _resolve(find_mentions(sent), ctx)))


def _flat_moves(sent: str, s_off: int, si: int, ctx: Context, res) -> list[Move]:
    out: list[Move] = []
    for k, (m, t) in enumerate(res):
        if t is None:
            continue
        end = res[k + 1][0].start if k + 1 < len(res) else len(sent)
        for mv in _flat_claim(sent, [(m, t)], end, ctx, si):
            mv.span, mv.text = (s_off, s_off + len(sent)), sent
            out.append(mv)
    return out


# The patterns of this module searched over sentences and gaps get a guard for the first
# characters their matches begin with: the same matches, found faster (see :mod:`.fastre`).
# (Not the patterns only used with ``match``, nor those that begin with a literal, which
# ``re`` finds faster without a guard.)
for _name in (
    "_ON_AVERAGE",
    "_NEXT_CLAUSE",
    "_SAME_SUBJECT",
    "_CLAUSE_VERB",
    "_SECOND_VERB",
    "_COMPANY_SUBJECT",
    "_HAVING_BEFORE",
    "_SETS_LEVEL",
    "_PLURAL_PRONOUN",
    "_CURRENCY_BEFORE",
):
    globals()[_name] = prefix_guard(globals()[_name])
del _name


#: Cue lists found from one Aho-Corasick pass over a sentence (see :class:`_Cues`): those
#: scanned over whole sentences and those searched in windows of it. (Built here, after the
#: guards above: a pattern is known by its text.)
_INDEXED = (
    L.PERIODS,
    L.DIRECTION,
    L.NEUTRALISE,
    L.INTRADAY,
    L.CLOSE,
    L.CLOSE_STRONG,
    L.EXTREME,
    L.CLOSE_WEEK,
    L.PRESENT,
    L.BY_THE_TIME_CLOSED,
    L.STOPPER,
    L.FORECAST,
    L.FUTURES_LEAD,
    L.PCT_EXCLUDE_BEFORE,
    _COMPANY_SUBJECT,
    L.POST_DIRECTION_WORDS,
    L.OTHER_ASSET_WORDS,
    _WORD_NUMBER_LOW,
)
#: For each anchor, the indexed patterns (by their text) whose matches may begin with it.
_PATTERNS_OF_ANCHOR: dict[str, list[str]] = {}
for _rx in _INDEXED:
    _found = _anchors(_rx)
    if _found is None:  # pragma: no cover - a pattern changed shape: it is scanned as before
        continue
    for _a in _found:
        _PATTERNS_OF_ANCHOR.setdefault(_a, []).append(_rx.pattern)
del _rx, _found, _a
#: The indexed patterns (by their text) and, by anchor number, the patterns of each anchor.
_ANCHORED = frozenset(k for ks in _PATTERNS_OF_ANCHOR.values() for k in ks)
_ANCHOR_KEYS = tuple(map(tuple, _PATTERNS_OF_ANCHOR.values()))
_ANCHOR_AUTOMATON = (
    ahocorasick_rs.AhoCorasick(list(_PATTERNS_OF_ANCHOR), matchkind=ahocorasick_rs.MatchKind.Standard)
    if ahocorasick_rs is not None and _PATTERNS_OF_ANCHOR
    else None
)
