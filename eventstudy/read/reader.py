"""Reading an article: text (or a file) in, :class:`~eventstudy.read.model.Article` out."""

from __future__ import annotations

import codecs
import os
import re
from collections import Counter
from datetime import date
from pathlib import Path

from ..calendar import to_date
from ..exceptions import ArticleError, EventStudyError, NoDateError
from ..indices import Index
from . import lexicon as L
from .dates import _MON_NC, find_published
from .extract import Context, Move, _region, blank_dateline, extract_claims
from .markup import html_to_text, looks_like_html
from .model import INCONSISTENT_NOTE, Article, Claim
from .numbers import FRACTION_HALF_UNIT, fraction_value, uses_decimal_comma
from .rankings import MOST_PER_ARTICLE, find_rankings
from .sentences import split_sentences
from .since import resolve_base_day

#: "LONDON, Feb 24 (Reuters) -": a wire dateline with a day and a month but no year.
_YEARLESS_DATELINE = re.compile(r"^[A-Z][A-Za-z .'-]{1,40}, " + _MON_NC + r" \d{1,2}\b", re.MULTILINE)

__all__ = ["read_article", "read_file", "check_consistency"]

_ASIAN_DATELINE = re.compile(
    r"^\W{0,3}(?:TOKYO|HONG\sKONG|SHANGHAI|SHENZHEN|BEIJING|SEOUL|SYDNEY|MELBOURNE|WELLINGTON|AUCKLAND|SINGAPORE|"
    r"MUMBAI|NEW\sDELHI|TAIPEI|JAKARTA|BANGKOK|MANILA|KUALA\sLUMPUR)\b"
)
_EUROPEAN_DATELINE = re.compile(r"^\W{0,3}(?:LONDON|FRANKFURT|PARIS|MILAN|MADRID|BERLIN|BRUSSELS)\b")
_AMERICAN_DATELINE = re.compile(r"^\W{0,3}(?:NEW\sYORK|WASHINGTON|CHICAGO|TORONTO|SAN\sFRANCISCO)\b")
#: A newsletter written in the morning says so at the top ("Good morning.", "Morning briefing").
#: (at the start of one of its first lines: "MARKETS MORNING NOTE" or "Good morning." below a dateline)
_MORNING = re.compile(
    r"^\W{0,3}(?:good\smorning\b|(?:[a-z]+\s){0,2}morning\s(?:briefing|report|note|call|wrap)\b)", re.I | re.M
)
_ZONE_REGION = {
    "GMT": "europe",
    "BST": "europe",
    "CET": "europe",
    "CEST": "europe",
    "EST": "americas",
    "EDT": "americas",
    "ET": "americas",
    "IST": "asia",
    "JST": "asia",
    "HKT": "asia",
    "SGT": "asia",
    "KST": "asia",
    "AEST": "asia",
    "AEDT": "asia",
}


#: How to give the publication date, for Python callers and the command line alike.
PUBLISHED_HINT = "give published='YYYY-MM-DD' (on the command line: --published YYYY-MM-DD)"


def _parse_published(published: date | str | None) -> date | None:
    if published is None:
        return None
    try:
        return to_date(published, "published")
    except EventStudyError as e:
        raise ArticleError(f"published={published!r} is not a date; {PUBLISHED_HINT}") from e


#: Characters with no width that web pages leave inside words and numbers.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def read_article(text: str, *, published: date | str | None = None, source: str | None = None) -> Article:
    """Read the claimed index moves of a market report.

    Parameters
    ----------
    text
        The article text.
    published
        Publication date; overrides any date found in the text.
    source
        Where the text came from (kept on the result).

    Returns
    -------
    Article
        Publication date, event date and claims in text order.

    Raises
    ------
    NoDateError
        If ``published`` is None and no publication date is printed in the text.

    Examples
    --------
    >>> a = read_article("Shares in London climbed this morning, with the FTSE 100 up 1.2% at 7,520.4.",
    ...                  published="2022-03-01")
    >>> c = a.claims[0]
    >>> (c.ticker, c.direction, c.pct, c.level, c.kind, str(c.trading_date))
    ('^FTSE', 'up', 1.2, 7520.4, 'intraday', '2022-03-01')
    """
    if not isinstance(text, str):
        raise ArticleError(f"text must be a str, not {type(text).__name__}")
    given = _parse_published(published)
    notes: list[str] = []
    if looks_like_html(text):
        text = html_to_text(text)
        notes.append("HTML markup removed before reading (claims quote the plain text)")
    if not text.isascii() and _INVISIBLE.search(text) is not None:  # (every one is non-ASCII)
        # pasted from a web page: "3.2\u200b5" is 3.25, not 3.2 and 5
        text = _INVISIBLE.sub("", text)
        notes.append("invisible characters (zero-width spaces, soft hyphens) removed before reading")
    if "\uff05" in text:
        text = text.replace("\uff05", "%")  # full-width per cent sign, as full-width digits are read
    found = find_published(text)
    if given is not None:
        pub, basis, at, zone = given, "given", None, None
        if found is not None and found.day == given:
            at, zone = found.at, found.zone
        elif found is not None:
            notes.append(
                f"the publication date given, {given}, is used instead of {found.day} printed in the "
                f"{'dateline' if found.basis == 'dateline' else 'text'}"
            )
        blank = found.span if found is not None and found.basis == "dateline" else None
    elif found is not None:
        pub, basis, at, zone = found.day, found.basis, found.at, found.zone
        blank = found.span if found.basis == "dateline" else None
        if basis == "text":
            notes.append(f"publication date {pub} taken from a date printed in the text")
    else:
        where = f" in {source}" if source else ""
        yearless = _YEARLESS_DATELINE.search(text[:300])
        if yearless:
            raise NoDateError(
                f"the dateline{where} gives {yearless.group(0).strip()!r} but no year; {PUBLISHED_HINT}",
                path=source,
            )
        raise NoDateError(f"no publication date found{where}; {PUBLISHED_HINT}", path=source)
    ctx = Context(
        published=pub,
        decimal_comma=uses_decimal_comma(text),
        live=_is_live(text.lower()),
        published_at=at,
    )
    ctx.home = _home(text, zone, found.span[0] if found is not None and found.basis == "dateline" else None)
    ctx.morning = _MORNING.search(text, 0, 300) is not None
    spans = split_sentences(text)
    moves = extract_claims(text, spans, ctx, blank=blank)
    if ctx.home is None:
        regions = [_region(m.target.calendar) for m in moves if isinstance(m.target, Index)]
        if regions and regions[0] == "asia":
            ctx.home = "asia"
    claims = tuple(_to_claim(m) for m in moves)
    notes.extend(ctx.notes)
    dated = [c.trading_date for c in claims if c.trading_date is not None and c.kind in ("close", "intraday")]
    if not dated:
        dated = [c.trading_date for c in claims if c.trading_date is not None]
    event_date = Counter(dated).most_common(1)[0][0] if dated else pub
    # (the dateline's date is the publication's, not a day a statement names: read as spaces)
    rtext = blank_dateline(text, blank)
    rankings, complete = find_rankings(
        rtext, spans, moves, pub, event_date, ctx.rank_sentences, morning=ctx.morning
    )
    if not complete:
        notes.append(
            f"ranking statements read only up to {len(rankings)} found (at most {MOST_PER_ARTICLE}): "
            "the text has more than prose holds"
        )
    return Article(
        text=text,
        published=pub,
        event_date=event_date,
        claims=claims,
        source=source,
        date_basis=basis,
        notes=tuple(notes),
        rankings=rankings,
    )


#: For each alternative of :data:`~.lexicon.LIVE`, a word it holds and the offset of that word in it
#: (``\s`` is one character): a match starts that far before an occurrence of the word.
_LIVE_WORDS = (
    ("today", 7),
    ("morning", 5),
    ("afternoon", 5),
    ("currently", 0),
    ("updates", 5),
    ("happened", 6),
    ("early", 3),
    ("open", 7),
)


def _is_live(low: str) -> bool:
    """Whether the lower-cased text reads as live coverage (:data:`~.lexicon.LIVE`).

    Every match holds one of the words of :data:`_LIVE_WORDS` at a fixed offset, so
    the pattern is matched only there, not searched at every position.
    """
    find, match = low.find, L.LIVE.match
    for word, back in _LIVE_WORDS:
        i = find(word)
        while i >= 0:
            if i >= back and match(low, i - back) is not None:
                return True
            i = find(word, i + 1)
    return False


#: A dateline of two or more cities: "LONDON/NEW YORK, July 19 (Reuters) -".
_JOINT_DATELINE = re.compile(r"^\W{0,3}[A-Z][A-Z .]+(?:/[A-Z][A-Z .]+)+")
_BRACKET_ASIAN_DATELINE = re.compile(r"^\W{0,3}\[(?:HONG KONG|TOKYO|SINGAPORE|SHANGHAI)\]")


#: The city of a dateline written in mixed case, before its date on the same line ("Sydney,
#: Thursday 13 May 2021", under a heading): the city, a comma, at most a weekday.
_CITY_BEFORE_DATE = re.compile(
    r"\W{0,3}(?P<city>[A-Za-z][A-Za-z .]{1,20}?),?\s(?:[A-Za-z]+day,?\s)?(?:on\s)?"
)


def _home(text: str, zone: str | None, dateline: int | None = None) -> str | None:
    """The region a piece was written in: by its time zone, its dateline's city, else ``None``.

    ``dateline`` is where the dateline's date starts, when there is one.
    """
    if zone and zone in _ZONE_REGION:
        return _ZONE_REGION[zone]
    if dateline is not None:
        # the city that starts the date's line, in any case and below any heading
        line = text.rfind("\n", 0, dateline) + 1
        city = _CITY_BEFORE_DATE.fullmatch(text, line, dateline)
        home = _home(city.group("city").upper(), None) if city is not None else None
        if home is not None:
            return home
    head = text[:80]
    joint = _JOINT_DATELINE.match(head)
    if joint is not None:
        # "LONDON/NEW YORK, July 19": a wrap written after the last of its markets closed
        regions = {_home(city, None) for city in joint.group(0).strip(" -,").split("/")}
        for region in ("americas", "europe", "asia"):
            if region in regions:
                return region
    # the datelines are anchored at the start ("^", no MULTILINE): match == search
    if _ASIAN_DATELINE.match(head) or _BRACKET_ASIAN_DATELINE.match(head):
        return "asia"
    if _EUROPEAN_DATELINE.match(head):
        return "europe"
    if _AMERICAN_DATELINE.match(head):
        return "americas"
    return None  # else: the market of the first index named (set while reading)


def _since(mv: Move) -> date | None:
    """The day a multi-day or from-record move is counted from (:mod:`eventstudy.read.since`)."""
    if mv.base is None or mv.trading_date is None or mv.period not in ("multi-day", "from-record"):
        return None
    return resolve_base_day(mv.base, mv.trading_date)


def _to_claim(mv: Move) -> Claim:
    pct, pts, lvl = mv.get("pct"), mv.get("points"), mv.get("level")
    hedge = next((n.hedge for n in (pct, pts, lvl) if n is not None and n.hedge), None)
    direction = mv.direction
    pct_value = pct.value if pct is not None else None
    if direction == "flat" and pct_value is None:
        pct_value = 0.0
    ref = any(n.ref_level for n in mv.nums)
    if ref:
        direction = None
    notes = list(mv.notes)
    if mv.kind in ("close", "intraday") and not ref:
        msg = check_consistency(
            direction,
            pct.text if pct else None,
            pts.text if pts else None,
            lvl.text if lvl else None,
            hedged=hedge is not None,
        )
        if msg:
            notes.append(msg)
    target = mv.target
    ticker = target.ticker if isinstance(target, Index) else None
    if ticker is None:
        notes.append(f"{target.name} is not in the index registry: no ticker")
    return Claim(
        index=target.name,
        ticker=ticker,
        direction=direction,  # type: ignore[arg-type]
        pct=pct_value,
        points=pts.value if pts else None,
        level=lvl.value if lvl else None,
        kind=mv.kind,  # type: ignore[arg-type]
        trading_date=mv.trading_date,
        hedge=hedge,
        text=mv.text,
        span=mv.span,
        pct_text=pct.text if pct else None,
        points_text=pts.text if pts else None,
        level_text=lvl.text if lvl else None,
        alt_trading_date=mv.alt_date if mv.alt_date != mv.trading_date else None,
        period=mv.period,
        sessions=mv.sessions if mv.period == "multi-day" else None,
        since=_since(mv),
        snapshot=mv.snapshot and _since(mv) is not None,
        base_close=mv.base is not None and mv.base.close and _since(mv) is not None,
        alt_kind=mv.alt_kind if mv.alt_date not in (None, mv.trading_date) else None,  # type: ignore[arg-type]
        notes=tuple(notes),
        pct_hedge=pct.hedge if pct else None,
        points_hedge=pts.hedge if pts else None,
        level_hedge=lvl.hedge if lvl else None,
    )


def _half_unit(text: str) -> float:
    if fraction_value(text) is not None:  # a fraction in words ("1/4" for "a quarter"): read to a tenth
        return FRACTION_HALF_UNIT
    frac = text.partition(".")[2]
    return 0.5 * 10 ** (-len(frac))


def _value(text: str) -> float:
    """A printed number, or a fraction in words as printed ("1/4", "2 3/4")."""
    fraction = fraction_value(text)
    return float(text) if fraction is None else fraction


def check_consistency(
    direction: str | None,
    pct_text: str | None,
    points_text: str | None,
    level_text: str | None,
    *,
    hedged: bool = False,
) -> str | None:
    """A note when a claim's percentage, points and level disagree, else ``None``.

    With a points change :math:`\\Delta` and the level after the move :math:`P_1`, the implied
    percentage is

    .. math:: p = 100\\,\\frac{\\Delta}{P_1 - \\Delta}

    (:math:`-\\Delta` for a fall). It must match the printed percentage within the printed
    precision of each number (half a unit in the last printed place), plus 2% of the
    percentage for rounding in the source.
    """
    if hedged or direction not in ("up", "down"):
        return None
    sign = 1.0 if direction == "up" else -1.0
    if pct_text and points_text and level_text:
        pct, pts, lvl = _value(pct_text), float(points_text), float(level_text)
        before = lvl - sign * pts
        if before <= 0:
            return f"{INCONSISTENT_NOTE}: {points_text} points cannot move the index to {level_text}"
        implied = 100 * pts / before
        d_pts = _half_unit(points_text) + _half_unit(level_text)
        tol = _half_unit(pct_text) + 100 * d_pts / before + 0.02 * pct + 1e-9
        if abs(implied - pct) > tol:
            return (
                f"{INCONSISTENT_NOTE}: {points_text} points to {level_text} is {implied:.2f}%, "
                f"not the {pct_text}% printed"
            )
    return None


_PRINTABLE = re.compile(r"[^\x00-\x08\x0e-\x1f\x7f]")


def read_file(path: str | os.PathLike, *, published: date | str | None = None) -> Article:
    """Read an article from a UTF-8 text file.

    Raises
    ------
    ArticleError
        If the path is missing, a directory, empty, binary, or not UTF-8 text.
    NoDateError
        If no publication date is printed and ``published`` is None.
    """
    p = Path(path)
    if not p.exists():
        raise ArticleError(f"{p}: no such file; give the path of a text file", path=str(p))
    if p.is_dir():
        raise ArticleError(f"{p}: is a directory; give the path of a text file", path=str(p))
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise ArticleError(f"{p}: cannot be read ({e.strerror}); check its permissions", path=str(p)) from e
    # text with a byte-order mark: UTF-32 (its little-endian mark begins like UTF-16's, so it
    # is tried first) or UTF-16, as Windows editors save "Unicode" text
    for marks, codec in (
        ((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE), "utf-32"),
        ((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-16"),
    ):
        if raw.startswith(marks):
            try:
                raw = raw.decode(codec).encode("utf-8")
            except UnicodeDecodeError as e:
                raise ArticleError(
                    f"{p}: is not valid {codec.upper()} text; save the article as UTF-8", path=str(p)
                ) from e
            break
    if b"\x00" in raw[:65536]:
        head = raw[:4096]
        odd, even = head[1::2], head[0::2]
        if len(head) >= 8 and (odd.count(0) > 0.9 * len(odd) or even.count(0) > 0.9 * len(even)):
            raise ArticleError(
                f"{p}: looks like UTF-16 or UTF-32 text without a byte-order mark; save the article as UTF-8",
                path=str(p),
            )
        raise ArticleError(f"{p}: is a binary file (NUL bytes), not article text", path=str(p))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ArticleError(
            f"{p}: is not valid UTF-8 text (byte {e.start}); save the article as UTF-8", path=str(p)
        ) from e
    if not text.strip():
        raise ArticleError(f"{p}: is empty; give a file with the article text", path=str(p))
    sample = text[:65536]
    control = len(sample) - len(_PRINTABLE.findall(sample))
    if control > 0.1 * len(sample):
        raise ArticleError(f"{p}: is mostly non-text (control characters), not article text", path=str(p))
    return read_article(text, published=published, source=str(p))
