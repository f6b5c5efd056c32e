"""Policy strings used across the package, defined once.

Each policy is a ``Literal`` type; :func:`validate` checks a value received
from a user against it and raises :class:`~eventstudy.exceptions.PolicyError`
naming the parameter, the value received and the valid values.
"""

from __future__ import annotations

from typing import Literal, get_args

from .exceptions import PolicyError

#: What to do with an event date that is not a trading session.
DatePolicy = Literal["next", "previous", "skip", "error"]
#: Direction of a claimed move.
Direction = Literal["up", "down", "flat"]
#: What a claimed figure refers to.
ClaimKind = Literal["close", "intraday", "weekly", "other"]
#: Expected-return models.
ModelName = Literal["constant-mean", "market-adjusted", "market", "factor"]
#: How returns are computed from prices.
ReturnKind = Literal["simple", "log"]
#: Verdict of a checked claim.
VerdictStatus = Literal["confirmed", "contradicted", "unverifiable", "ambiguous"]
#: Why a claim is unverifiable: the prices it needs are missing ("prices": fetch them, or go
#: online), or the claim itself cannot be checked ("claim": no ticker, no session, ...).
UnverifiableCause = Literal["prices", "claim"]

#: What a ranking statement ranks: the session's move, its close, or a level reached during it.
RankedQuantity = Literal["move", "close", "intraday"]

#: Which end of the ranking: the biggest gain / highest level, or the biggest fall / lowest level.
Extreme = Literal["high", "low"]

DEFAULT_DATE_POLICY: DatePolicy = "next"


def validate(value: object, policy: object, name: str) -> str:
    """Return ``value`` if it is one of the strings allowed by ``policy``.

    Parameters
    ----------
    value
        The value received from the user.
    policy
        A ``Literal[...]`` type from this module.
    name
        The public parameter name, used in the error message.

    Raises
    ------
    PolicyError
        If ``value`` is not allowed.
    """
    allowed = get_args(policy)
    if value not in allowed:
        raise PolicyError(
            f"{name}={value!r} is not valid; use one of: " + ", ".join(repr(a) for a in allowed)
        )
    return value  # type: ignore[return-value]
