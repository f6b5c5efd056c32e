"""Test-statistic value objects (after linearmodels' ``WaldTestStatistic``)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TestStatistic", "InvalidTestStatistic"]


@dataclass(frozen=True)
class TestStatistic:
    """A test statistic with its p-value.

    Attributes
    ----------
    name
        Short key, e.g. ``"patell"``.
    stat
        Value of the statistic.
    pvalue
        Two-sided p-value under the null distribution.
    null
        The null hypothesis in words.
    distribution
        The null distribution, e.g. ``"N(0,1)"`` or ``"t(238)"``.
    alternative
        ``"two-sided"`` unless stated.
    """

    __test__ = False  # not a pytest class

    name: str
    stat: float
    pvalue: float
    null: str
    distribution: str
    alternative: str = "two-sided"

    @property
    def valid(self) -> bool:
        return True


@dataclass(frozen=True)
class InvalidTestStatistic:
    """A test that does not apply to the data, with the reason."""

    __test__ = False

    name: str
    reason: str
    stat: float = float("nan")
    pvalue: float = float("nan")

    @property
    def valid(self) -> bool:
        return False
