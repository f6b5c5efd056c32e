"""Tolerances for claimed numbers: printed precision, hedge words, price-data slack.

A number printed as ``0.8`` stands for anything that rounds to it, so the accepted
range of the true value is half a unit of the last printed digit on either side:

.. math::

    x \\in [\\hat x - h,\\; \\hat x + h], \\qquad h = \\tfrac12 \\cdot 10^{-d}

where :math:`d` is the number of printed decimals (``"0.8"`` -> 0.75..0.85,
``"7500"`` -> 7,499.5..7,500.5). The precision is read from the claim's ``*_text``
field; without it, from ``repr`` of the number (so ``3.0`` counts as one decimal).

Hedge words turn the claim into an inequality on the *magnitude* :math:`m` of the move
(or on the level). A bound is taken at the number as printed, less a tenth of its half unit
(a true 3.97 % may be printed "4 %"): "more than 4 %" is false for a 3.9 % move, though 3.9
rounds to 4; "nearly 4 %" is false for a 4.4 % move, though 4.4 rounds to 4. "About" and
"as much as" widen the exact range above:

==============  ===============================================  ==========================
group           words                                            accepted magnitude
==============  ===============================================  ==========================
``lower``       more than, over, above, at least, just over, ...  :math:`m \\ge \\hat x - h/10`
``upper``       less than, under, below, at most, ...             :math:`0 \\le m \\le \\hat x + h/10`
``nearly``      nearly, almost, just under, just shy of, ...      :math:`\\min((1-a)\\hat x, \\hat x - h) - h/10 \\le m \\le \\hat x + h/10`
``about``       about, around, roughly, some, close to, ...       :math:`|m - \\hat x| \\le \\max(h, b\\,\\hat x)`
``extreme``     as much as, up to, as far as, as high/low as      the day's extreme :math:`\\ge \\hat x - h`
==============  ===============================================  ==========================

"A bit under" (``nearly``) is :math:`a = 10\\%` of the stated number for a percentage or a
points move, or down to what rounds to the number if that is lower ("nearly 4 %" accepts
3.45..4.05 %, "nearly 4.0 %" 3.595..4.005 %), and :math:`a = 1\\%` for an index level.
"About" widens by :math:`b = 5\\%` for a move and :math:`b = 0.5\\%` for a level.
An unknown hedge word is treated as ``about``.

Price data: vendors' closing prints differ from provisional prints by a few hundredths of a
point, so levels and points also get :data:`DATA_SLACK` index points of slack.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

from ..read.numbers import FRACTION_HALF_UNIT, fraction_value

__all__ = [
    "HedgeGroup",
    "HEDGES",
    "NEARLY_MOVE",
    "NEARLY_LEVEL",
    "ABOUT_MOVE",
    "ABOUT_LEVEL",
    "FLAT_PCT",
    "IMPLAUSIBLE_DAY_PCT",
    "DATA_SLACK",
    "Interval",
    "half_unit",
    "FRACTION_HALF_UNIT",
    "hedge_group",
    "magnitude_interval",
]

HedgeGroup = Literal["exact", "lower", "upper", "nearly", "about", "extreme"]

#: Hedge words and the inequality each one means (see the module docstring).
HEDGES: dict[str, HedgeGroup] = {
    **dict.fromkeys(
        (
            "more than",
            "over",
            "above",
            "at least",
            "just over",
            "just above",
            "upwards of",
            "in excess of",
            "north of",
            "beyond",
            "well over",
            "better than",
            "over the",
            "no less than",  # (not the "less than" it ends with)
            "not less than",
        ),
        "lower",
    ),
    **dict.fromkeys(
        (
            "less than",
            "under",
            "below",
            "at most",
            "no more than",
            "not more than",
            "fewer than",
            "not quite",
            "south of",
        ),
        "upper",
    ),
    **dict.fromkeys(
        (
            "nearly",
            "almost",
            "just under",
            "just below",
            "just shy of",
            "shy of",
            "nearing",
            "not far off",
            "approaching",
        ),
        "nearly",
    ),
    **dict.fromkeys(
        (
            "about",
            "around",
            "roughly",
            "some",
            "approximately",
            "approx",
            "circa",
            "close to",
            "an estimated",
            "round about",
            "or so",
        ),
        "about",
    ),
    **dict.fromkeys(
        ("as much as", "up to", "as far as", "as high as", "as low as", "by as much as"), "extreme"
    ),
}

#: "Nearly X" accepts down to this fraction below X for a % or points move.
NEARLY_MOVE = 0.10
#: "Nearly X" accepts down to this fraction below X for an index level.
NEARLY_LEVEL = 0.01
#: "About X" accepts this fraction either side of X for a % or points move.
ABOUT_MOVE = 0.05
#: "About X" accepts this fraction either side of X for an index level.
ABOUT_LEVEL = 0.005
#: A move counts as "flat" when its size is at most this many per cent.
FLAT_PCT = 0.1
#: A claimed one-session move of an index at least this large (per cent) that the prices do
#: not bear out is reported as unverifiable, not contradicted: the largest daily moves of
#: major indices are about this size (S&P 500 -12 % on 16 March 2020, +11.6 % on 13 October
#: 2008; FTSE 100 -10.9 % on 12 March 2020), so such a figure is almost always a longer
#: period's or another asset's, misread.
IMPLAUSIBLE_DAY_PCT = 10.0
#: Slack (index points) for a level or price, for differences between vendors' prints.
DATA_SLACK = 0.05

_EPS = 1e-9


@dataclass(frozen=True)
class Interval:
    """A closed interval ``[lo, hi]`` (either end may be infinite)."""

    lo: float
    hi: float

    def contains(self, x: float) -> bool:
        return self.lo <= x <= self.hi

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def widen(self, by: float) -> Interval:
        return Interval(self.lo - by, self.hi + by)

    def signed(self, sign: int) -> Interval:
        """The interval of ``sign * m`` for ``m`` in this interval."""
        return self if sign >= 0 else Interval(-self.hi, -self.lo)

    def as_tuple(self) -> tuple[float, float]:
        return (self.lo, self.hi)

    def __str__(self) -> str:
        return f"{self.lo:g}..{self.hi:g}"


#: (``FRACTION_HALF_UNIT``, from the reader: a fraction in words, "a quarter" printed "1/4", is
#: a round word for a move near it, read to a tenth like "0.3 %": 0.20..0.30 % for a quarter)


@lru_cache(maxsize=65536)
def half_unit(text: str | None, value: float) -> float:
    """Half a unit of the last printed digit of a number.

    Parameters
    ----------
    text
        The number as printed (``"0.64"``, ``"21,755.73"``); ``None`` to use ``repr(value)``.
    value
        The number, used when ``text`` is missing or not a plain number.

    Examples
    --------
    >>> half_unit("0.8", 0.8)
    0.05
    >>> half_unit("7,500", 7500)
    0.5
    >>> half_unit(None, 21755.73)
    0.005
    >>> half_unit("1/4", 0.25)  # "a quarter of a per cent": read to a tenth
    0.05
    """
    if text and fraction_value(text) is not None:
        return FRACTION_HALF_UNIT
    for s in (text, repr(value)):
        if not s:
            continue
        try:
            exp = Decimal(s.replace(",", "").replace("\u2212", "-").strip()).as_tuple().exponent
        except (InvalidOperation, ValueError):
            continue
        if isinstance(exp, int):
            return 0.5 * 10.0**exp
    return 0.5


@lru_cache(maxsize=1024)
def hedge_group(hedge: str | None) -> HedgeGroup:
    """The inequality a hedge word means (``"exact"`` for no hedge, ``"about"`` if unknown)."""
    if not hedge:
        return "exact"
    key = " ".join(hedge.lower().split())
    if key in HEDGES:
        return HEDGES[key]
    for word, group in HEDGES.items():  # "to nearly", "fell by more than"
        if key.endswith(word):
            return group
    return "about"


@lru_cache(maxsize=65536)
def magnitude_interval(value: float, text: str | None, hedge: str | None, *, level: bool = False) -> Interval:
    """Accepted range of the true magnitude for a stated number, its print and its hedge.

    Parameters
    ----------
    value
        The stated number (positive for a move).
    text
        The number as printed, for its precision.
    hedge
        The hedge word, or ``None``.
    level
        Whether the number is an index level (smaller relative widths for nearly/about).
    """
    x = abs(float(value))
    h = half_unit(text, value)
    group = hedge_group(hedge)
    eps = _EPS * max(1.0, x)
    if group == "lower":
        lo, hi = x - h / 10, math.inf  # "more than 4 %": at least ~4, not anything that rounds to 4
    elif group == "extreme":
        lo, hi = x - h, math.inf  # "as much as 4 %": the day's extreme reached about 4
    elif group == "upper":
        lo, hi = (-math.inf if level else 0.0), x + h / 10
    elif group == "nearly":
        a = NEARLY_LEVEL if level else NEARLY_MOVE
        # "nearly 4 %": a bit under 4 (10 % under, or what rounds to 4 if that reaches lower:
        # "nearly 2 %" is no stricter below than "2 %"), never over it
        lo, hi = min(x * (1 - a), x - h) - h / 10, x + h / 10
    elif group == "about":
        b = max(h, (ABOUT_LEVEL if level else ABOUT_MOVE) * x)
        lo, hi = x - b, x + b
    else:
        lo, hi = x - h, x + h
    return Interval(lo - eps, hi + eps)
