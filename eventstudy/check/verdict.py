"""The verdict on one claim: a small results object, like a test statistic."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..policies import UnverifiableCause, VerdictStatus
from ..read.model import Claim

__all__ = ["Verdict"]


def _json(x: Any) -> Any:
    if isinstance(x, float):
        return None if math.isnan(x) else (x if math.isfinite(x) else ("inf" if x > 0 else "-inf"))
    if isinstance(x, date):
        return x.isoformat()
    if isinstance(x, dict):
        return {k: _json(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_json(v) for v in x]
    return x


@dataclass(frozen=True)
class Verdict:
    """Whether real prices bear out a claimed index move, with the numbers behind it.

    Attributes
    ----------
    status
        ``"confirmed"``, ``"contradicted"``, ``"unverifiable"`` or ``"ambiguous"``.
    claim
        The claim checked.
    explanation
        One paragraph with the numbers: what was compared with what, and the result.
    reason
        Short reason: the failed checks for ``"contradicted"``, why for ``"unverifiable"``,
        ``None`` when confirmed.
    session
        The session whose prices were used (``None`` when none could be).
    base_date
        The session of the base price the move is measured from (previous close, last close
        of the previous week or period; the session itself for open-to-close).
    claimed
        Signed claimed values: ``pct`` and ``points`` carry the direction's sign; ``level``.
    actual
        The prices used and moves computed from them: ``prev_close``, ``open``, ``high``,
        ``low``, ``close``, ``close_pct``, ``close_points`` (close-to-close, always), and
        for the claim's kind ``base_close``, ``move_pct``, ``move_points``, ``low_pct``,
        ``high_pct``, ``implied_prev_close``, ...
    compared
        For each claimed quantity, the actual value it was compared with (e.g. for an
        intraday % with a level: the level's % move on the actual previous close).
    difference
        ``compared - claimed`` for each quantity.
    tolerance
        For each quantity, the accepted ``(lower, upper)`` range of the compared value
        (from printed precision, hedge and data slack; signed).
    checks
        Each check made and whether it passed (``direction``, ``pct``, ``points``,
        ``level``, ``level_in_range``, ``points_vs_pct``, ...). An ``"unverifiable"``
        verdict whose figures were compared (an implausible one-day percentage) keeps
        them too: they say which figures held, not a contradiction.
    candidates
        With ``alt_trading_date``: the verdicts for each candidate session.
    notes
        Caveats (a hedge taken as an inequality, a session moved, ...).
    cause
        For ``"unverifiable"``: ``"prices"`` when the prices the claim needs are missing (the
        session, or the close the move is measured from), ``"claim"`` when the claim itself
        cannot be checked (no ticker, no trading date, a day that is not a session, a period
        we do not check, an implausible one-day figure); ``None`` for the other statuses.
    """

    status: VerdictStatus
    claim: Claim
    explanation: str
    reason: str | None = None
    session: date | None = None
    base_date: date | None = None
    claimed: dict[str, float] = field(default_factory=dict)
    actual: dict[str, float] = field(default_factory=dict)
    compared: dict[str, float] = field(default_factory=dict)
    difference: dict[str, float] = field(default_factory=dict)
    tolerance: dict[str, tuple[float, float]] = field(default_factory=dict)
    checks: dict[str, bool] = field(default_factory=dict)
    candidates: tuple[Verdict, ...] = ()
    notes: tuple[str, ...] = ()
    cause: UnverifiableCause | None = None

    __hash__ = None  # type: ignore[assignment]  # holds dicts

    @property
    def ok(self) -> bool:
        """Whether the claim is confirmed."""
        return self.status == "confirmed"

    @property
    def failed(self) -> tuple[str, ...]:
        """Names of the checks that failed."""
        return tuple(k for k, v in self.checks.items() if not v)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (dates as ISO strings, NaN as ``None``, infinite bounds as strings)."""
        return {
            "status": self.status,
            "claim": self.claim.to_dict(),
            "explanation": self.explanation,
            "reason": self.reason,
            "session": _json(self.session),
            "base_date": _json(self.base_date),
            "claimed": _json(self.claimed),
            "actual": _json(self.actual),
            "compared": _json(self.compared),
            "difference": _json(self.difference),
            "tolerance": {k: _json(list(v)) for k, v in self.tolerance.items()},
            "checks": dict(self.checks),
            "candidates": [c.to_dict() for c in self.candidates],
            "notes": list(self.notes),
            "cause": self.cause,
        }

    def __str__(self) -> str:
        return self.explanation
