"""Value objects produced by the article reader: :class:`Claim` and :class:`Article`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from ..policies import ClaimKind, Direction, Extreme, RankedQuantity

__all__ = ["Claim", "Ranking", "Article"]

#: How a reader's note on a claim whose own %, points and level disagree begins (the checker
#: does not repeat such a note).
INCONSISTENT_NOTE = "inconsistent claim"


@dataclass(frozen=True)
class Claim:
    """One claimed index move, as printed in an article.

    Attributes
    ----------
    index
        Canonical index name from the registry (``"FTSE 250"``).
    ticker
        Yahoo ticker (``"^FTMC"``).
    direction
        ``"up"``, ``"down"``, ``"flat"``, or ``None`` for a level with no direction.
    pct, points, level
        Stated magnitudes; ``pct`` and ``points`` are positive (``direction`` carries the sign).
    kind
        ``"close"``, ``"intraday"``, ``"weekly"`` or ``"other"``.
    trading_date
        The session the claim is about (for weekly/other, the last session of the period).
    hedge
        Hedge word kept from the text ("nearly", "more than", "about", "as much as"), or ``None``
        (the first of the numbers' hedges; see :meth:`hedge_for` for each number's own).
    text
        The sentence (or sentences) the claim was read from.
    span
        ``(start, end)`` character offsets of ``text`` in the article.
    pct_text, points_text, level_text
        The numbers exactly as printed, normalised to plain decimals ("0.64", "21755.73"),
        so that a checker can derive the printed precision.
    alt_trading_date
        A second candidate session when the text is ambiguous (reported, never guessed).
    pct_hedge, points_hedge, level_hedge
        The hedge printed with each number ("fell almost 2%, down more than 140 points"); all
        ``None`` when the claim was built without them, and then :attr:`hedge` applies to all.
    period
        For ``kind == "other"``: ``"month"``, ``"quarter"``, ``"year-to-date"``, ``"year"``,
        ``"from-record"``, ``"open-to-close"``, ``"multi-day"`` or ``None``.
    notes
        Remarks from the reader (internal inconsistency, ambiguity, assumptions made).
    alt_kind
        The kind on ``alt_trading_date`` when it differs from ``kind`` (a move in a piece
        stamped mid-session is the day so far, ``"intraday"``, or the ``"close"`` of the
        session before); ``None``: the same kind.
    sessions
        For a ``"multi-day"`` period: the number of sessions the move spans, ending on
        ``trading_date``, when the text says ("over the past four sessions": 4); else ``None``.
    since
        For a ``"multi-day"`` or ``"from-record"`` period: the day the text counts the move
        from ("down 8% since 24 February", "up 3% since Monday's close", "from its January 3
        record"), on or before ``trading_date``; else ``None``. The move is measured from that
        day's close, or from the close before it when it counts that day's own move (a
        checker tries both; for a record, that day's close only).
    base_close
        For a move counted from a named day (``since``): ``True`` when the text names that
        day's close as the base ("from its close on 7 March", "since Monday's close"), so
        the close before it is not a candidate base.
    snapshot
        For a move counted from a named day (``since``): ``True`` when the text gives it at a
        moment of the session ("briefly fell more than 20% below its January 3 record", "at
        the open, more than 10% below its peak"), so that what the day's range reached is
        compared, not the close.
    """

    index: str
    ticker: str | None
    direction: Direction | None
    pct: float | None
    points: float | None
    level: float | None
    kind: ClaimKind
    trading_date: date | None
    hedge: str | None = None
    text: str = ""
    span: tuple[int, int] = (0, 0)
    pct_text: str | None = None
    points_text: str | None = None
    level_text: str | None = None
    alt_trading_date: date | None = None
    period: str | None = None
    notes: tuple[str, ...] = ()
    pct_hedge: str | None = None
    points_hedge: str | None = None
    level_hedge: str | None = None
    sessions: int | None = None
    alt_kind: ClaimKind | None = None
    since: date | None = None
    snapshot: bool = False
    base_close: bool = False

    def hedge_for(self, number: str) -> str | None:
        """The hedge of one number: ``"pct"``, ``"points"`` or ``"level"``.

        Each number's own hedge when the reader recorded them, else :attr:`hedge` for all.
        """
        own = (self.pct_hedge, self.points_hedge, self.level_hedge)
        if not any(own):
            return self.hedge
        return own[("pct", "points", "level").index(number)]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (dates as ISO strings)."""
        d = asdict(self)
        for k in ("trading_date", "alt_trading_date", "since"):
            d[k] = d[k].isoformat() if d[k] is not None else None
        d["span"] = list(self.span)
        d["notes"] = list(self.notes)
        return d


@dataclass(frozen=True)
class Ranking:
    """A ranking or record statement about a session: "its biggest fall since 24 February",
    "its lowest close since March 2021", "its highest level in two years", "a six-week low",
    "a record close".

    Such a statement says where the session stands among earlier ones; it is checked by
    looking for the last earlier session that was as extreme (:mod:`eventstudy.check.rankings`).

    Attributes
    ----------
    index, ticker
        The index the statement is about (as in :class:`Claim`).
    what
        ``"move"`` (the session's or week's % move is ranked), ``"close"`` (its close) or
        ``"intraday"`` (a level reached during the session).
    extreme
        ``"high"`` (biggest gain, best day, highest close, record high) or ``"low"``.
    period
        For ``what == "move"``: ``"day"``, ``"week"`` or ``"month"`` (the move ranked), or
        ``"other"`` for a move over another span (a quarter, the year so far, "since ..."),
        which is not checked.
    points
        For ``what == "move"``: ranked by the move in points ("its biggest points drop"),
        not in per cent.
    anchor, anchor_end
        The day, month or year after "since" ("since 24 February": both that day; "since
        March 2020": its first and last day): the last earlier session as extreme should fall
        in ``[anchor, anchor_end]``.
    lookback
        ``(n, unit)`` for "in two months", "a six-week low": ``(2, "month")``, ``(6,
        "week")``; no earlier session as extreme within that span before the session.
    record
        An all-time record ("a record close", "an all-time high").
    sessions
        For a move ranked over several sessions ("its biggest two-day gain", or the claim's
        "over the past three sessions"): their number; the moves compared are over as many.
    window_start
        For "its worst day of the year", "its best week so far this month", "its biggest fall
        in 2022": the first day of that year or month; no earlier session in it as extreme.
    threshold
        A round level crossed ("its first close above 15,000 since March", "fell below 7,000
        for the first time in a year"): earlier sessions are compared with it, not with the
        session's own value, and the session must be beyond it.
    anchor_text
        The words after "since" as printed (also when they name no date: "since the
        invasion", which cannot be checked).
    trading_date, alt_trading_date
        The session the statement is about (and a second candidate, as for a claim).
    claim
        Position in :attr:`Article.claims` of the claimed move the statement goes with ("fell
        2%, its biggest fall since ..."), or ``None`` when it stands alone.
    phrase
        The ranking words as printed; ``text`` is the sentence, ``span`` its offsets.
    notes
        Remarks from the reader (how the session was found, what could not be read).
    """

    index: str
    ticker: str | None
    what: RankedQuantity
    extreme: Extreme
    trading_date: date | None
    period: str | None = None
    points: bool = False
    anchor: date | None = None
    anchor_end: date | None = None
    lookback: tuple[int, str] | None = None
    record: bool = False
    anchor_text: str | None = None
    threshold: float | None = None
    window_start: date | None = None
    sessions: int | None = None
    alt_trading_date: date | None = None
    claim: int | None = None
    phrase: str = ""
    text: str = ""
    span: tuple[int, int] = (0, 0)
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (dates as ISO strings; ``lookback`` as ``"2 months"``)."""
        d = asdict(self)
        for k in ("trading_date", "alt_trading_date", "anchor", "anchor_end", "window_start"):
            d[k] = d[k].isoformat() if d[k] is not None else None
        d["lookback"] = (
            None
            if self.lookback is None
            else f"{self.lookback[0]} {self.lookback[1]}{'s' * (self.lookback[0] != 1)}"
        )
        d["span"] = list(self.span)
        d["notes"] = list(self.notes)
        return d


@dataclass(frozen=True)
class Article:
    """An article as read: its dates and its claims.

    Attributes
    ----------
    text
        The full text.
    published
        Publication date (from ``published=``, a dateline, or a date in the text).
    event_date
        The session the article's news is about (the most common claim date, else ``published``).
    claims
        Every claimed index move, in text order.
    rankings
        Every ranking or record statement about an index session ("its biggest fall since
        24 February", "a record close"), in text order.
    source
        Where the text came from (a path), if known.
    date_basis
        How ``published`` was found: ``"given"``, ``"dateline"``, ``"text"``.
    notes
        Remarks from the reader (ambiguities, assumptions).
    """

    text: str
    published: date | None
    event_date: date | None
    claims: tuple[Claim, ...] = ()
    source: str | None = None
    date_basis: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    rankings: tuple[Ranking, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict without the full text."""
        return {
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "date_basis": self.date_basis,
            "claims": [c.to_dict() for c in self.claims],
            "rankings": [r.to_dict() for r in self.rankings],
            "notes": list(self.notes),
        }
