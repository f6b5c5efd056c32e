"""Check claimed index moves against real prices: :func:`check_claim`, :func:`check_claims`,
:func:`check_article`.

What is compared, by the claim's ``kind``
-----------------------------------------
``close``
    The session's close-to-close move. With :math:`P_t` the close of the claimed session and
    :math:`P_{t-1}` the previous session's close,

    .. math::

        r_t = 100\\,\\Big(\\frac{P_t}{P_{t-1}} - 1\\Big), \\qquad \\Delta_t = P_t - P_{t-1},

    and the claimed %, points and level are compared with :math:`r_t`, :math:`\\Delta_t`, :math:`P_t`.
``intraday``
    A snapshot during the session, so only what the day's range allows can be checked: a
    claimed level :math:`L` must lie in :math:`[\\text{low}, \\text{high}]`; a claimed % with
    a level must agree with the actual previous close, i.e. the implied previous close
    :math:`L / (1 + s\\,p/100)` (``s`` the direction's sign) must round to :math:`P_{t-1}`
    (checked as: :math:`100 (L / P_{t-1} - 1)` lies in the claimed % range); points likewise
    (:math:`L - s\\,q`). Without a level, the claimed move must be reachable within the day's
    range, :math:`100(\\text{low}/P_{t-1} - 1) \\le s\\,p \\le 100(\\text{high}/P_{t-1} - 1)`,
    and points and % must agree with each other on :math:`P_{t-1}`. "As much as" means the
    day's extreme went at least that far. The verdict also says what the close did.
``weekly``
    The last close of the week (the claimed session) against the last close of the week before.
``other``
    By ``period``: ``month``, ``quarter``, ``year-to-date`` / ``year`` against the last close
    of the previous month, quarter or year; ``open-to-close`` against the session's open.
    ``multi-day`` with a number of sessions :math:`n` (``Claim.sessions``, "over the past four
    sessions") against the close :math:`n` sessions before the claimed one,
    :math:`100\\,(P_t / P_{t-n} - 1)`. A ``multi-day`` or ``from-record`` move counted from a
    day the text names (``Claim.since``, "down 8% since 24 February", "from its January 3
    record") against the close of that day, :math:`100\\,(P_t / P_s - 1)`; for a multi-day
    move also against the close before it, :math:`P_{s-1}` (the move may count the named day's
    own: "since the invasion on 24 February"), both answers kept as for two candidate
    sessions (below). Other periods (``from-record`` or ``multi-day`` with neither a count nor
    a day, unknown) are unverifiable.

The direction must match in every kind; each stated number must match within its tolerance
(see :mod:`eventstudy.check.tolerance`): printed precision, hedge word, and price-data slack.
So points, % and level are also checked against each other through the same prices.

A claim with ``alt_trading_date`` is checked on both sessions: the same answer is that answer
(with a note). When the figures hold on one candidate and were compared and fail on the other,
the prices settle it: that session's ``"confirmed"`` is returned with a note naming both
candidates. Other differing answers (among them a candidate that could not be checked, for
want of prices) give ``"ambiguous"`` with both verdicts as ``candidates``.
Missing prices make that claim ``"unverifiable"`` with the reason; other claims still get checked.

References
----------
.. [1] MacKinlay, A. C. (1997). Event studies in economics and finance. *Journal of Economic
   Literature* 35(1), 13-39 (returns measured close to close).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from ..calendar import offset_session, period_first_day
from ..exceptions import EventStudyError, PriceDataError
from ..indices import by_ticker
from ..policies import UnverifiableCause
from ..prices.base import PriceSource
from ..read.model import INCONSISTENT_NOTE, Article, Claim
from .cache import LOOKBACK_DAYS, PriceCache, PriceTable, session_before
from .tolerance import (
    ABOUT_LEVEL,
    ABOUT_MOVE,
    DATA_SLACK,
    FLAT_PCT,
    IMPLAUSIBLE_DAY_PCT,
    NEARLY_LEVEL,
    NEARLY_MOVE,
    Interval,
    hedge_group,
    magnitude_interval,
)
from .verdict import Verdict

__all__ = ["check_claim", "check_claims", "check_article", "PERIODS", "period_start"]

#: Periods of ``kind == "other"`` claims that can be checked, and what they are measured from.
PERIODS: dict[str, str] = {
    "month": "the last close of the previous month",
    "month-to-date": "the last close of the previous month",
    "quarter": "the last close of the previous quarter",
    "quarter-to-date": "the last close of the previous quarter",
    "year-to-date": "the last close of the previous year",
    "ytd": "the last close of the previous year",
    "year": "the last close of the previous year",
    "open-to-close": "the session's open",
}

_SIGN = {"up": 1, "down": -1, "flat": 0}


# ---------------------------------------------------------------------------- formatting
def _lv(x: float) -> str:
    return f"{x:,.2f}"


def _pc(x: float) -> str:
    return f"{x:+.2f} %"


def _pts(x: float) -> str:
    return f"{x:+,.2f}"


def _rng(iv: Interval, fmt: str = ".3f") -> str:
    if math.isinf(iv.hi) and math.isinf(iv.lo):
        return "any value"
    if math.isinf(iv.hi):
        return f"at least {iv.lo:{fmt}}"
    if math.isinf(iv.lo):
        return f"at most {iv.hi:{fmt}}"
    return f"{iv.lo:{fmt}}..{iv.hi:{fmt}}"


def _factor(x: float) -> str:
    s = f"{x:.8f}".rstrip("0")
    return s + "0" if s.endswith(".") else s


# ---------------------------------------------------------------------------- periods
def period_start(claim_kind: str, period: str | None, day: date) -> date | None:
    """First calendar day of the period a claim's move is measured over.

    The base price is the last close *before* this day (for ``close`` and ``intraday``: the
    previous session's close; for ``open-to-close`` the session's own open). ``None`` when
    the period cannot be checked.
    """
    if claim_kind in ("close", "intraday"):
        return day
    if claim_kind == "weekly":
        return day - timedelta(days=day.weekday())
    p = (period or "").lower()
    if p == "open-to-close":
        return day
    return period_first_day(p, day)


def _counted_from(claim: Claim, d: date) -> date | None:
    """The day a multi-day or from-record move on session ``d`` is counted from, when the text
    names one (``Claim.since``) on or before ``d``."""
    since = claim.since
    if since is None or since > d or (claim.period or "").lower() not in ("multi-day", "from-record"):
        return None
    return since


def _claim_period_start(claim: Claim, d: date) -> date | None:
    """:func:`period_start` for a claim on session ``d``; a multi-day move over ``sessions``
    sessions starts ``sessions - 1`` sessions before ``d`` on the index's calendar (its base
    is the close before that: :math:`P_{t-n}`). A move counted from a named day
    (:attr:`Claim.since`) starts the day after it (its base is that day's close, :math:`P_s`),
    unless the named day is ``d`` itself (then the close before it)."""
    since = _counted_from(claim, d)
    if since is not None:
        return since if since == d else since + timedelta(days=1)
    ps = period_start(claim.kind, claim.period, d)
    if ps is not None or (claim.period or "").lower() != "multi-day" or not claim.sessions:
        return ps
    try:
        index = by_ticker(claim.ticker or "")
        if not index.calendar:
            return None
        return offset_session(index.calendar, d, -(claim.sessions - 1))
    except EventStudyError:  # (a ticker outside the registry, a day outside the calendar)
        return None


def _window(claim: Claim) -> tuple[date, date] | None:
    d = claim.trading_date
    if d is None or claim.ticker is None:
        return None
    ps = _claim_period_start(claim, d)
    if ps is None:
        return None
    since = _counted_from(claim, d)  # (the close before the named day is a candidate base too)
    return min(ps, since or ps) - timedelta(days=LOOKBACK_DAYS), d


# ---------------------------------------------------------------------------- one session
class _Acc:
    """Collects the checks of one verdict."""

    __slots__ = ("claimed", "compared", "difference", "tolerance", "checks", "parts")

    def __init__(self) -> None:
        self.claimed: dict[str, float] = {}
        self.compared: dict[str, float] = {}
        self.difference: dict[str, float] = {}
        self.tolerance: dict[str, tuple[float, float]] = {}
        self.checks: dict[str, bool] = {}
        self.parts: list[str] = []

    def add(self, name: str, claimed: float, compared: float, iv: Interval, passed: bool, text: str) -> None:
        self.claimed[name] = claimed
        self.compared[name] = compared
        self.difference[name] = compared - claimed
        self.tolerance[name] = iv.as_tuple()
        self.checks[name] = passed
        self.parts.append(text)


def _unverifiable(
    claim: Claim,
    reason: str,
    *,
    cause: UnverifiableCause,
    session: date | None = None,
    notes: tuple[str, ...] = (),
    checks: dict[str, bool] | None = None,
    actual: dict[str, float] | None = None,
) -> Verdict:
    what = f"{claim.index} ({claim.ticker or 'no ticker'}) {claim.kind}"
    if claim.trading_date is not None:
        what += f" on {claim.trading_date}"
    return Verdict(
        "unverifiable",
        claim,
        f"unverifiable: {what}: {reason}.",
        reason=reason,
        session=session,
        notes=notes,
        checks=dict(checks or {}),
        actual=dict(actual or {}),
        cause=cause,
    )


def _signed(mag: Interval, sign: int | None) -> Interval | None:
    if sign is None:
        return None
    if sign == 0:
        return Interval(-mag.hi, mag.hi)
    return mag.signed(sign)


def _clip(x: float, lo: float, hi: float) -> float:
    return lo if x < lo else hi if x > hi else x


def _check_session(claim: Claim, d: date, cache: PriceCache, start: date | None = None) -> Verdict:
    """The verdict on session ``d``; ``start``: the first day of the move, when not the one
    :func:`_claim_period_start` gives (its base is the last close before it)."""
    ticker = claim.ticker
    assert ticker is not None
    kind = claim.kind
    period = (claim.period or "").lower()
    ps = start or _claim_period_start(claim, d)
    if ps is None:
        return _unverifiable(
            claim,
            f"kind 'other' with period {claim.period!r} cannot be checked; checkable periods: "
            + ", ".join(sorted(PERIODS)),
            cause="claim",
        )
    open_to_close = kind == "other" and period == "open-to-close"
    start = ps - timedelta(days=LOOKBACK_DAYS)  # open-to-close too: the previous close is reported
    try:
        try:
            table = cache.get(ticker, start, d)
        except PriceDataError:
            exact = session_before(ticker, min(ps, d))
            if exact is None or exact <= start:
                raise
            table = cache.get(ticker, exact, d)
    except PriceDataError as e:
        try:
            cache.get(ticker, d, d)
        except PriceDataError:
            return _unverifiable(claim, f"no prices: {e}", cause="prices")
        # the session itself is there: what is missing is the close the move is measured from
        what = "previous close" if kind in ("close", "intraday") else "base close"
        return _unverifiable(
            claim,
            f"no {what}: the {ticker} prices before {min(ps, d)} (the base of the move) cannot be had "
            f"here: {e}",
            session=d,
            cause="prices",
        )

    i = table.row(d)
    if i is None:
        if table.is_session(d) is False:
            return _unverifiable(claim, f"{d} {_NOT_A_SESSION} {claim.index} exchange", cause="claim")
        return _unverifiable(claim, f"no {ticker} prices for the session {d}", cause="prices")
    return _judge(claim, d, table, i, ps, open_to_close)


def _base_row(table: PriceTable, before: date) -> tuple[int | None, str | None]:
    j = table.last_row_before(before)
    expected = table.expected_session_before(before)
    if expected is not None:
        if j is None or table.date_of(j) != expected:
            return None, f"no {table.ticker} prices for the session {expected} (needed as the base)"
        return j, None
    if j is None or (before - table.date_of(j)).days > LOOKBACK_DAYS:
        return (
            None,
            f"no {table.ticker} prices in the {LOOKBACK_DAYS} days before {before} (needed as the base)",
        )
    return j, None


_NUMBER_NAME = {"pct": "percentage", "points": "points", "level": "level"}
#: What each hedge group makes of the stated number (eventstudy.check.tolerance).
_HEDGE_MEANING = {
    "lower": "a lower bound (the true figure is at least the number)",
    "upper": "an upper bound (the true figure is at most the number)",
    "nearly": f"just short of the number (up to {NEARLY_MOVE:.0%} below for a move, {NEARLY_LEVEL:.0%} for a level)",
    "about": f"an approximation (within {ABOUT_MOVE:.0%} for a move, {ABOUT_LEVEL:.1%} for a level)",
    "extreme": "the session's extreme, not the close",
}


def _judge(claim: Claim, d: date, t: PriceTable, i: int, ps: date, open_to_close: bool) -> Verdict:
    kind = claim.kind
    sign = _SIGN.get(claim.direction) if claim.direction is not None else None
    o, hi, lo, c = float(t.open[i]), float(t.high[i]), float(t.low[i]), float(t.close[i])

    # previous close: always reported; needed for close and intraday
    pj, why = _base_row(t, d)
    prev = float(t.close[pj]) if pj is not None else math.nan
    actual: dict[str, float] = {"prev_close": prev, "open": o, "high": hi, "low": lo, "close": c}
    actual["close_pct"] = (c / prev - 1.0) * 100.0 if pj is not None else math.nan
    actual["close_points"] = c - prev if pj is not None else math.nan

    if kind in ("close", "intraday"):
        if pj is None:
            return _unverifiable(claim, str(why), session=d, cause="prices")
        base, base_date = prev, t.date_of(pj)
    elif open_to_close:
        if math.isnan(o):
            return _unverifiable(claim, f"no opening price for {t.ticker} on {d}", session=d, cause="prices")
        base, base_date = o, d
    else:
        bj, why = _base_row(t, ps)
        if bj is None:
            return _unverifiable(claim, str(why), session=d, cause="prices")
        base, base_date = float(t.close[bj]), t.date_of(bj)
        actual["base_close"] = base

    has_num = claim.pct is not None or claim.points is not None or claim.level is not None
    if not has_num and sign is None:
        return _unverifiable(
            claim, "the claim states neither a direction nor a number", session=d, cause="claim"
        )

    acc = _Acc()
    head = f"{claim.index} ({t.ticker}) {kind}"
    if kind == "other":
        head += f" ({claim.period}" + (f", {claim.sessions} sessions" if claim.sessions else "")
        head += f", since {claim.since}" if _counted_from(claim, d) else ""
        head += ")"
    head += f" on {d}"
    slack_pct = 100.0 * DATA_SLACK / base
    notes: list[str] = []
    for which in ("pct", "points", "level"):
        h = claim.hedge_for(which)
        group = hedge_group(h)
        if getattr(claim, which) is not None and group != "exact":
            note = f"{h!r} on the {_NUMBER_NAME[which]}: {_HEDGE_MEANING[group]} (see eventstudy.check.tolerance)"
            if note not in notes:
                notes.append(note)

    if kind == "intraday":
        _intraday(claim, sign, acc, actual, prev, lo, hi, slack_pct, notes)
    elif claim.snapshot and kind == "other" and _counted_from(claim, d) is not None:
        # "briefly fell more than 20% below its record": what the day's range reached from
        # the base close, not the close
        _intraday(
            claim,
            sign,
            acc,
            actual,
            base,
            lo,
            hi,
            slack_pct,
            notes,
            base_name="base close",
            base_date=base_date,
        )
    else:
        _move(claim, sign, acc, actual, base, base_date, c, slack_pct, kind, open_to_close)

    if not acc.checks:
        return _unverifiable(claim, "nothing to check", session=d, cause="claim")
    inner = _internal_consistency(claim, sign)
    if inner and not any(n.startswith(INCONSISTENT_NOTE) for n in claim.notes):
        notes.append(inner)  # (unless the reader already said so)
    status = "confirmed" if all(acc.checks.values()) else "contradicted"
    if (
        status == "contradicted"
        and kind in ("close", "intraday")
        and claim.pct is not None
        and claim.pct >= IMPLAUSIBLE_DAY_PCT
        # an exact closing level or points figure that holds on the day ties the claim to it:
        # then the percentage is simply wrong ("rose 11 per cent to 21,852.51", the day's close)
        and not _anchored(claim, acc.checks, kind)
    ):
        # "down 14.8%" read as a day's move of an index is far more likely a longer period
        # or another asset in the same sentence than a false claim: a person must look
        return _unverifiable(
            claim,
            f"a {claim.pct:g} % move in one session of the {claim.index} is implausible (the largest "
            f"one-day moves of major indices are about {IMPLAUSIBLE_DAY_PCT:g} %) and the index moved "
            f"{_pc(actual['close_pct'])} that day: the figure is probably for a longer period or "
            "another asset; check the text",
            session=d,
            notes=tuple(notes),
            checks=acc.checks,  # (the figures were compared: which held is known)
            actual=actual,  # (and what the index did that day is shown)
            cause="claim",
        )
    tail = (
        f"the index closed at {_lv(c)} ({_pc(actual['close_pct'])}, {_pts(actual['close_points'])} points)"
        if not math.isnan(actual["close_pct"])
        else f"the index closed at {_lv(c)}"
    )
    failed = [k for k, v in acc.checks.items() if not v]
    reason = None if status == "confirmed" else "failed: " + ", ".join(failed)
    lead = status if status == "confirmed" else f"contradicted ({', '.join(failed)})"
    explanation = f"{lead}: {head}: " + "; ".join(acc.parts) + f"; {tail}."
    return Verdict(
        status,
        claim,
        explanation,
        reason=reason,
        session=d,
        base_date=base_date,
        claimed=acc.claimed,
        actual=actual,
        compared=acc.compared,
        difference=acc.difference,
        tolerance=acc.tolerance,
        checks=acc.checks,
        notes=tuple(notes),
    )


def _internal_consistency(claim: Claim, sign: int | None) -> str | None:
    r"""A note when the claim's own %, points and level disagree with each other.

    With level :math:`L`, points :math:`q` and % :math:`p` the base is :math:`L - s q` and the
    implied move :math:`100\,s q / (L - s q)` must round to :math:`p`.
    """
    if not sign or claim.pct is None or claim.points is None or claim.level is None:
        return None
    base = claim.level - sign * claim.points
    if base <= 0:
        return None
    implied = 100.0 * claim.points / base
    iv = magnitude_interval(claim.pct, claim.pct_text, claim.hedge_for("pct"))
    slack = 100.0 * (magnitude_interval(claim.points, claim.points_text, None).hi - claim.points) / base * 2
    if iv.widen(slack).contains(implied):
        return None
    # a hedged points figure ("more than 500 points") stands for a range of moves: the
    # implied % runs over the range (it grows with the points, towards 100 % for a fall)
    q = magnitude_interval(claim.points, claim.points_text, claim.hedge_for("points"))

    def pct_of(points: float) -> float:
        if math.isinf(points):
            return 100.0 if sign < 0 else math.inf
        b = claim.level - sign * points  # type: ignore[operator]
        return 100.0 * points / b if b > 0 else math.inf

    if Interval(pct_of(max(q.lo, 0.0)), pct_of(q.hi)).overlaps(iv.widen(slack)):
        return None
    return (
        f"the claim's own numbers disagree: {claim.points:g} points from {base:,.2f} to {claim.level:,.2f} "
        f"is {implied:.3f} %, not {claim.pct:g} %"
    )


def _ok(b: bool) -> str:
    return "ok" if b else "WRONG"


def _move(
    claim: Claim,
    sign: int | None,
    acc: _Acc,
    actual: dict[str, float],
    base: float,
    base_date: date,
    c: float,
    slack_pct: float,
    kind: str,
    open_to_close: bool,
) -> None:
    """Close-to-close (or period) move: compare claimed numbers with the actual move."""
    mpct = (c / base - 1.0) * 100.0
    mpts = c - base
    if kind != "close":
        actual["move_pct"] = mpct
        actual["move_points"] = mpts
    what = "open" if open_to_close else ("previous close" if kind == "close" else "base close")
    acc.parts.append(
        f"{what} {_lv(base)} ({base_date}) to close {_lv(c)} is {_pc(mpct)}, {_pts(mpts)} points"
    )
    pct_iv = None
    # "flat" with no number printed: the 0 % is the reader's, the flat test below is the claim's
    if claim.pct is not None and not (sign == 0 and claim.pct_text is None):
        mag = magnitude_interval(claim.pct, claim.pct_text, claim.hedge_for("pct"))
        iv = _signed(mag, sign)
        if iv is None:
            used = mag.widen(slack_pct)  # the range accepted: precision, hedge and data slack
            ok = used.contains(abs(mpct))
            acc.add(
                "pct",
                claim.pct,
                abs(mpct),
                used,
                ok,
                f"% size {abs(mpct):.3f} vs claimed {claim.pct:g} (accepts {_rng(used)}): {_ok(ok)}",
            )
        else:
            pct_iv = iv
            used = iv.widen(slack_pct)
            ok = used.contains(mpct)
            acc.add(
                "pct",
                (sign or 0) * claim.pct,
                mpct,
                used,
                ok,
                f"% {mpct:+.3f} vs claimed {(sign or 0) * claim.pct:+g} (accepts {_rng(used)}): {_ok(ok)}",
            )
    if claim.points is not None:
        mag = magnitude_interval(claim.points, claim.points_text, claim.hedge_for("points"))
        iv = _signed(mag, sign)
        if iv is None:
            used = mag.widen(2 * DATA_SLACK)
            ok = used.contains(abs(mpts))
            acc.add(
                "points",
                claim.points,
                abs(mpts),
                used,
                ok,
                f"points size {abs(mpts):,.2f} vs claimed {claim.points:g} (accepts {_rng(used, ',.2f')}): "
                f"{_ok(ok)}",
            )
        else:
            used = iv.widen(2 * DATA_SLACK)
            ok = used.contains(mpts)
            acc.add(
                "points",
                (sign or 0) * claim.points,
                mpts,
                used,
                ok,
                f"points {mpts:+,.2f} vs claimed {(sign or 0) * claim.points:+g} "
                f"(accepts {_rng(used, ',.2f')}): {_ok(ok)}",
            )
    if claim.level is not None:
        iv = magnitude_interval(claim.level, claim.level_text, claim.hedge_for("level"), level=True)
        used = iv.widen(DATA_SLACK)
        ok = used.contains(c)
        acc.add(
            "level",
            claim.level,
            c,
            used,
            ok,
            f"close {_lv(c)} vs claimed level {_lv(claim.level)} (accepts {_rng(used, ',.2f')}): {_ok(ok)}",
        )
    if sign is not None:
        if sign == 0:
            lim = max(FLAT_PCT, pct_iv.hi if pct_iv is not None else 0.0)
            ok = abs(mpct) <= lim + slack_pct
            text = f"flat means a move of at most {lim:g} %: {_ok(ok)}"
        else:
            ok = sign * mpts > 0
            text = f"direction {claim.direction}: {_ok(ok)}"
        acc.checks["direction"] = ok
        if not ok or claim.pct is None and claim.points is None:
            acc.parts.append(text)


def _intraday(
    claim: Claim,
    sign: int | None,
    acc: _Acc,
    actual: dict[str, float],
    prev: float,
    lo: float,
    hi: float,
    slack_pct: float,
    notes: list[str],
    base_name: str = "previous close",
    base_date: date | None = None,
) -> None:
    """Intraday snapshot: the claimed numbers must fit the day's range and the previous close
    (or the base close ``base_name`` of a move counted from a named day, passed as ``prev``)."""
    if math.isnan(lo) or math.isnan(hi):
        acc.parts.append("no intraday high/low in the price data")
        return
    low_pct, high_pct = (lo / prev - 1.0) * 100.0, (hi / prev - 1.0) * 100.0
    actual["low_pct"], actual["high_pct"] = low_pct, high_pct
    # the day's range as printed; the data slack goes on the claimed side (the range accepted)
    rng_pct = Interval(low_pct, high_pct)
    rng_pts = Interval(lo - prev, hi - prev)
    acc.parts.append(
        f"{base_name} {_lv(prev)}{f' ({base_date})' if base_date else ''}; day's range {_lv(lo)}-{_lv(hi)} ({_pc(low_pct)} to {_pc(high_pct)})"
    )
    s = sign if sign is not None else None
    level_iv = None
    if claim.level is not None:
        level_iv = magnitude_interval(claim.level, claim.level_text, claim.hedge_for("level"), level=True)
        liv = level_iv.widen(DATA_SLACK)
        ok = liv.overlaps(Interval(lo, hi))
        acc.add(
            "level",
            claim.level,
            _clip(claim.level, lo, hi),
            liv,
            ok,
            f"level {_lv(claim.level)} {'inside' if ok else 'OUTSIDE'} the day's range {_lv(lo)}-{_lv(hi)}",
        )
        level_pct_iv = Interval((liv.lo / prev - 1.0) * 100.0, (liv.hi / prev - 1.0) * 100.0)
        level_pts_iv = Interval(liv.lo - prev, liv.hi - prev)
        actual["level_pct"] = (claim.level / prev - 1.0) * 100.0
        actual["level_points"] = claim.level - prev
    if claim.pct is not None:
        mag = magnitude_interval(claim.pct, claim.pct_text, claim.hedge_for("pct"))
        iv = _signed(mag, s)
        if iv is None:  # no direction: either sign
            iv_use = Interval(-mag.hi, mag.hi)
            claimed = claim.pct
        else:
            iv_use = iv
            claimed = (s or 0) * claim.pct
        iv_use = iv_use.widen(slack_pct)  # the range accepted, data slack included
        if claim.level is not None:
            lp = actual["level_pct"]
            ok = level_pct_iv.overlaps(iv_use)
            if s:
                f = 1.0 + s * claim.pct / 100.0
                implied = claim.level / f
                actual["implied_prev_close"] = implied
                text = (
                    f"implied {base_name} {claim.level:.2f}/{_factor(f)} = {_lv(implied)} vs actual "
                    f"{_lv(prev)} ({_lv(claim.level)} is {lp:+.3f} % on it; claimed % accepts {_rng(iv_use)}): "
                    f"{_ok(ok)}"
                )
            else:
                text = f"{_lv(claim.level)} is {lp:+.3f} % on the {base_name} (accepts {_rng(iv_use)}): {_ok(ok)}"
            acc.add("pct", claimed, lp, iv_use, ok, text)
        else:
            ok = rng_pct.overlaps(iv_use)
            near = _clip(claimed, low_pct, high_pct)
            if hedge_group(claim.hedge_for("pct")) == "extreme":
                ext = low_pct if (s or 0) < 0 else high_pct
                text = (
                    f"the day's extreme {ext:+.3f} % vs 'as much as' {claimed:+g} % "
                    f"(needs {_rng(iv_use)}): {_ok(ok)}"
                )
            else:
                text = (
                    f"{claimed:+g} % {'reachable' if ok else 'NOT reachable'} within the day's range "
                    f"{_pc(low_pct)} to {_pc(high_pct)}"
                )
            acc.add("pct", claimed, near, iv_use, ok, text)
    if claim.points is not None:
        mag = magnitude_interval(claim.points, claim.points_text, claim.hedge_for("points"))
        iv = _signed(mag, s)
        iv_use = (iv if iv is not None else Interval(-mag.hi, mag.hi)).widen(2 * DATA_SLACK)
        claimed = (s or 0) * claim.points if iv is not None else claim.points
        if claim.level is not None:
            lpts = actual["level_points"]
            ok = level_pts_iv.overlaps(iv_use)
            if s:
                implied = claim.level - s * claim.points
                actual["implied_prev_close_points"] = implied
                text = (
                    f"{_lv(claim.level)} {'-' if s > 0 else '+'} {claim.points:g} points implies a {base_name} "
                    f"of {_lv(implied)} vs actual {_lv(prev)}: {_ok(ok)}"
                )
            else:
                text = f"{_lv(claim.level)} is {lpts:+,.2f} points on the {base_name}: {_ok(ok)}"
            acc.add("points", claimed, lpts, iv_use, ok, text)
        else:
            ok = rng_pts.overlaps(iv_use)
            near = _clip(claimed, lo - prev, hi - prev)
            if hedge_group(claim.hedge_for("points")) == "extreme":
                ext = lo - prev if (s or 0) < 0 else hi - prev
                text = (
                    f"the day's extreme {ext:+,.2f} points vs 'as much as' {claimed:+g} "
                    f"(needs {_rng(iv_use, ',.2f')}): {_ok(ok)}"
                )
            else:
                text = (
                    f"{claimed:+g} points {'reachable' if ok else 'NOT reachable'} within the day's range "
                    f"{lo - prev:+,.2f} to {hi - prev:+,.2f}"
                )
            acc.add("points", claimed, near, iv_use, ok, text)
        if claim.pct is not None and claim.level is None:
            pmag = magnitude_interval(claim.pct, claim.pct_text, claim.hedge_for("pct")).widen(slack_pct)
            pts_as_pct = Interval(mag.lo / prev * 100.0, mag.hi / prev * 100.0)
            ok = pts_as_pct.overlaps(pmag)
            actual["points_as_pct"] = claim.points / prev * 100.0
            acc.checks["points_vs_pct"] = ok
            acc.parts.append(
                f"{claim.points:g} points is {claim.points / prev * 100.0:.3f} % of the {base_name} "
                f"(claimed % accepts {_rng(pmag)}): {_ok(ok)}"
            )
    if s is not None:
        if level_iv is not None:
            liv = level_iv.widen(DATA_SLACK)
            if s == 0:
                ok = bool(
                    actual["level_pct"] <= FLAT_PCT + slack_pct
                    and actual["level_pct"] >= -FLAT_PCT - slack_pct
                ) or liv.contains(prev)
            else:
                ok = (liv.hi > prev) if s > 0 else (liv.lo < prev)
            text = f"direction {claim.direction} at level {_lv(claim.level)}: {_ok(ok)}"  # type: ignore[arg-type]
        else:
            if s == 0:
                ok = rng_pct.overlaps(Interval(-FLAT_PCT, FLAT_PCT).widen(slack_pct))
            else:
                ok = (hi > prev) if s > 0 else (lo < prev)
            text = f"direction {claim.direction} {'reached' if ok else 'NEVER reached'} during the day"
        acc.checks["direction"] = ok
        if not ok or (claim.pct is None and claim.points is None):
            acc.parts.append(text)


# ---------------------------------------------------------------------------- public API
def _anchored(claim: Claim, checks: dict[str, bool], kind: str) -> bool:
    """Whether an unhedged closing level or points figure of the claim held on the session
    checked: that ties the claim to the session (a bound, "to below 7,100", or a level inside
    a day's range does not)."""
    if kind != "close":
        return False
    return any(
        checks.get(q) is True and hedge_group(claim.hedge_for(q)) == "exact" for q in ("level", "points")
    )


#: The reason of a verdict on a day that is not a session of the index's exchange.
_NOT_A_SESSION = "is not a trading session of the"


def _ruled_out(v: Verdict) -> bool:
    """Whether a candidate session is ruled out: its prices were compared with the figures and
    they failed there (contradicted, or an implausible figure that did not hold), or the day is
    not a session at all. A session that could not be checked (no prices) is not ruled out."""
    if v.status == "contradicted" or _NOT_A_SESSION in (v.reason or ""):
        return True
    return v.status == "unverifiable" and bool(v.checks) and not all(v.checks.values())


def _keep_both(chosen: Verdict, v1: Verdict, v2: Verdict, tail: str, note: str) -> Verdict:
    """The verdict ``chosen`` of two readings of a claim (two sessions, two bases), with both
    kept as ``candidates``, ``tail`` added to its explanation and ``note`` to its notes."""
    return replace(
        chosen, explanation=f"{chosen.explanation} {tail}", candidates=(v1, v2), notes=(*chosen.notes, note)
    )


def _settled_by_prices(v1: Verdict, v2: Verdict) -> list[Verdict]:
    """The readings that the prices settle: confirmed where the other was ruled out. Only a
    reading whose figures were compared and failed is ruled out (:func:`_ruled_out`): one that
    could not be checked (no prices there) leaves the question open, whatever the other says."""
    return [v for v, other in ((v1, v2), (v2, v1)) if v.status == "confirmed" and _ruled_out(other)]


def _check_day(claim: Claim, d: date, cache: PriceCache) -> Verdict:
    """The verdict on session ``d``; for a multi-day move counted from a named day, measured
    from that day's close and from the close before it (the text rarely says whether the move
    counts the named day's own): the same answer is that answer (with a note); figures that
    hold from one base and were compared and fail from the other are settled by the prices,
    as for two candidate sessions (:func:`_check`); other differing answers are ambiguous."""
    v1 = _check_session(claim, d, cache)
    since = _counted_from(claim, d)
    if since is None or since == d or (claim.period or "").lower() != "multi-day" or claim.base_close:
        return v1  # (one base: "from its close on 7 March" names the close)
    v2 = _check_session(claim, d, cache, start=since)
    if v2.base_date is not None and v2.base_date == v1.base_date:
        return v1  # (the named day is not a session: one base)
    b1 = v1.base_date or f"{since}"
    b2 = v2.base_date or f"the session before {since}"
    if v1.status == v2.status:
        return _keep_both(
            v1,
            v1,
            v2,
            f"Also {v2.status} from the close of {b2}.",
            f"also measured from the close of {b2}, before {since}: same verdict ({v2.status})",
        )
    confirmed = _settled_by_prices(v1, v2)
    if len(confirmed) == 1:
        hit = confirmed[0]
        miss = v2 if hit is v1 else v1
        note = (
            f"the article does not say whether the move counts {since} itself; its figures hold from "
            f"the close of {hit.base_date} and not from the close of {miss.base_date} ({miss.status}), "
            f"so the close of {hit.base_date} is taken"
        )
        return _keep_both(hit, v1, v2, f"From the close of {miss.base_date}: {miss.status}.", note)
    return Verdict(
        "ambiguous",
        claim,
        f"ambiguous: the move since {since} may be measured from the close of {b1} or of {b2} and the "
        f"answers differ: from {b1}: {v1.explanation} | from {b2}: {v2.explanation}",
        reason=f"from {b1}: {v1.status}; from {b2}: {v2.status}",
        session=d,
        candidates=(v1, v2),
        notes=(f"two candidate bases: the close of {b1} or of {b2}",),
    )


def _distinctive(claim: Claim) -> bool:
    """Whether a claim's figures are precise enough that their holding on another session is
    telling: a level, or both a % and points (one % alone, "1.28 %", matches a neighbouring
    session by chance too often)."""
    return claim.level is not None or (claim.pct is not None and claim.points is not None)


def _other_day_note(v: Verdict, cache: PriceCache) -> Verdict:
    """A contradicted close whose precise figures hold on the session before or after the one
    claimed keeps its verdict, with a note naming that session ("a Friday figure given for
    Thursday"): the claim is about the wrong day, not made up."""
    c = v.claim
    if v.status != "contradicted" or c.kind != "close" or v.session is None or not _distinctive(c):
        return v
    try:
        code = by_ticker(c.ticker or "").calendar
    except EventStudyError:
        return v
    if not code:
        return v
    for step, which in ((-1, "the session before"), (1, "the session after")):
        try:
            other = offset_session(code, v.session, step)
            w = _check_session(c, other, cache)
        except (EventStudyError, ValueError):  # (off the calendar; no prices there)
            continue
        if w.status == "confirmed":
            note = (
                f"the same figures hold for the close of {other} ({which}): the article may give "
                f"{other}'s move for {v.session}"
            )
            return replace(v, explanation=f"{v.explanation} They hold for {other}.", notes=(*v.notes, note))
    return v


def _check(claim: Claim, cache: PriceCache) -> Verdict:
    if claim.ticker is None:
        return _unverifiable(
            claim,
            f"no ticker for {claim.index!r}: not in the index registry (see eventstudy.indices.INDICES)",
            cause="claim",
        )
    if claim.trading_date is None:
        return _unverifiable(
            claim, "no trading date: the claim could not be tied to a session", cause="claim"
        )
    if _claim_period_start(claim, claim.trading_date) is None:
        return _unverifiable(
            claim,
            f"kind 'other' with period {claim.period!r} cannot be checked; "
            "checkable periods: " + ", ".join(sorted(PERIODS)),
            cause="claim",
        )
    v1 = _check_day(claim, claim.trading_date, cache)
    alt = claim.alt_trading_date
    if alt is None or alt == claim.trading_date:
        return _other_day_note(v1, cache)
    # (a kind of its own on the alternative session: "14:30 - the FTSE 100 fell 0.5%" is the
    # day so far, or the close of the session before)
    alt_claim = replace(claim, kind=claim.alt_kind, alt_kind=None) if claim.alt_kind else claim
    v2 = _check_day(alt_claim, alt, cache)
    if v1.status == v2.status:
        return _keep_both(
            v1,
            v1,
            v2,
            f"Also {v2.status} on the alternative session {alt}.",
            f"also checked on the alternative session {alt}: same verdict ({v2.status})",
        )
    day_of = {id(v1): claim.trading_date, id(v2): alt}  # (an unverifiable verdict has no session)
    confirmed = _settled_by_prices(v1, v2)
    if not confirmed and not any(v.status == "confirmed" for v in (v1, v2)):
        # no session confirms it: the one where the printed level (an exact figure) is the
        # close is the one meant ("rose 11 per cent to 21,852.51": the level is that day's)
        # (an exact closing level that is one session's close and not the other's)
        anchored = [
            v
            for v, other in ((v1, v2), (v2, v1))
            if _anchored(claim, {"level": v.checks.get("level")}, claim.kind)
            and other.checks.get("level") is False
        ]
        if len(anchored) == 1:
            confirmed = anchored
    if len(confirmed) == 1:
        # The prices settle which session the article meant: the printed figures hold on one
        # candidate and not on the other. Say so, and keep both verdicts.
        hit = confirmed[0]
        miss = v2 if hit is v1 else v1
        hit_day, miss_day = day_of[id(hit)], day_of[id(miss)]
        held = "figures hold" if hit.status == "confirmed" else "level is the close"
        note = (
            f"the article does not settle the session ({claim.trading_date} or {alt}); its {held} "
            f"on {hit_day} and not on {miss_day} ({miss.status}), so {hit_day} is taken"
        )
        return _keep_both(hit, v1, v2, f"On the other candidate session {miss_day}: {miss.status}.", note)
    expl = (
        f"ambiguous: the claim may be about {claim.trading_date} or {alt} and the answers differ: "
        f"{claim.trading_date}: {v1.explanation} | {alt}: {v2.explanation}"
    )
    return Verdict(
        "ambiguous",
        claim,
        expl,
        reason=f"{claim.trading_date}: {v1.status}; {alt}: {v2.status}",
        candidates=(v1, v2),
        notes=(f"two candidate sessions: {claim.trading_date} and {alt}",),
    )


def check_claim(claim: Claim, source: PriceSource) -> Verdict:
    """Check one claimed index move against real prices.

    Parameters
    ----------
    claim
        The claim, e.g. from :func:`eventstudy.read.read_article`.
    source
        Where prices come from (any :class:`~eventstudy.prices.base.PriceSource`).

    Returns
    -------
    Verdict
        ``"confirmed"``, ``"contradicted"``, ``"unverifiable"`` (with the reason: no ticker, no
        date, uncheckable period, no prices) or ``"ambiguous"`` (two candidate sessions that
        disagree). Never raises for missing prices.

    Examples
    --------
    >>> from datetime import date
    >>> from eventstudy.prices.bundled import BundledSource
    >>> from eventstudy.read.model import Claim
    >>> c = Claim("FTSE 250", "^FTMC", "up", 0.64, None, 21755.73, "intraday", date(2022, 2, 15),
    ...           pct_text="0.64", level_text="21755.73")
    >>> check_claim(c, BundledSource()).status
    'confirmed'
    """
    return check_claims([claim], source)[0]


def _prefetch(claims: list[Claim], cache: PriceCache) -> None:
    """Load each ticker's prices once for the windows all its claims need."""
    windows: dict[str, list[tuple[date, date]]] = {}
    for c in claims:
        for d in (c.trading_date, c.alt_trading_date):
            if d is None or c.ticker is None:
                continue
            w = _window(c if d == c.trading_date else replace(c, trading_date=d))
            if w is not None:
                windows.setdefault(c.ticker, []).append(w)
    for ticker, ws in windows.items():
        cache.prefetch_windows(ticker, ws)


def check_claims(claims: Iterable[Claim], source: PriceSource) -> tuple[Verdict, ...]:
    """Check many claims with one price cache (each ticker is fetched once when possible).

    Parameters
    ----------
    claims
        The claims.
    source
        Where prices come from.

    Returns
    -------
    tuple of Verdict
        One verdict per claim, in order.
    """
    claims = list(claims)
    cache = PriceCache(source)
    _prefetch(claims, cache)
    return tuple(_check(c, cache) for c in claims)


def check_article(article: Article, source: PriceSource) -> tuple[Verdict, ...]:
    """Check every claim of an article (see :func:`check_claim`)."""
    return check_claims(article.claims, source)
