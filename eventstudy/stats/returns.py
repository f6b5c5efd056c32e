"""Returns from prices: simple or continuously compounded (log)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..exceptions import StudyError
from ..policies import ReturnKind, validate

__all__ = ["returns_from_prices", "to_simple"]


def returns_from_prices(
    prices: pd.DataFrame | pd.Series, *, kind: ReturnKind = "simple", across_gaps: bool = False
) -> pd.DataFrame | pd.Series:
    r"""Daily returns of a wide table of prices (dates x securities).

    Parameters
    ----------
    prices
        Prices indexed by a sorted ``DatetimeIndex``; one column per security. Missing
        prices are NaN (a security not yet listed, a suspension).
    kind
        ``"simple"`` for :math:`R_t = P_t / P_{t-1} - 1` or ``"log"`` for
        :math:`r_t = \ln(P_t / P_{t-1})`.
    across_gaps
        ``False`` (default): a return needs prices on two consecutive rows. ``True``: each
        column's return runs from its last earlier price, so that in a table of several
        exchanges (the union of their calendars) a market's first session after its own
        holiday keeps its return (:math:`P_t / P_{s} - 1` with :math:`s` the last row before
        :math:`t` with a price); rows without a price stay NaN.

    Returns
    -------
    DataFrame or Series
        Returns on every date but the first. With ``across_gaps=False`` a return is
        computed only between two consecutive rows that both have a price; it is NaN
        otherwise (no filling across gaps), so a missing price costs two returns.

    Raises
    ------
    StudyError
        If a price is zero or negative, or the index is not a sorted ``DatetimeIndex``.

    Examples
    --------
    >>> import pandas as pd
    >>> p = pd.Series([100.0, 110.0, 99.0], index=pd.date_range("2024-01-01", periods=3))
    >>> returns_from_prices(p).round(4).tolist()
    [0.1, -0.1]
    """
    kind = validate(kind, ReturnKind, "kind")
    if not isinstance(prices.index, pd.DatetimeIndex) or not prices.index.is_monotonic_increasing:
        raise StudyError(
            "prices must be indexed by a sorted DatetimeIndex; parse the date column and sort it"
        )
    if prices.index.has_duplicates:
        raise StudyError("prices have a date twice; keep one row per date")
    values = prices.to_numpy(dtype=float)
    if np.isinf(values).any():
        raise StudyError("prices must be finite; got an infinite price (use NaN for a missing one)")
    if np.any(values[np.isfinite(values)] <= 0):
        raise StudyError("prices must be positive; got a zero or negative price")
    p = prices.astype(float)
    ratio = p / (p.ffill().shift(1) if across_gaps else p.shift(1))
    out = np.log(ratio) if kind == "log" else ratio - 1.0
    return out.iloc[1:]


def to_simple(values: np.ndarray, kind: ReturnKind) -> np.ndarray:
    """Simple returns from returns of ``kind`` (``exp(r) - 1`` for log returns)."""
    return np.expm1(values) if kind == "log" else values
