"""Returns from prices: simple or continuously compounded (log)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..exceptions import StudyError
from ..policies import ReturnKind, validate

__all__ = ["returns_from_prices", "common_date_returns", "to_simple"]


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
    _check_prices_index(prices, "prices")
    values = prices.to_numpy(dtype=float)
    if np.isinf(values).any():
        raise StudyError("prices must be finite; got an infinite price (use NaN for a missing one)")
    if np.any(values[np.isfinite(values)] <= 0):
        raise StudyError("prices must be positive; got a zero or negative price")
    p = prices.astype(float)
    ratio = p / (p.ffill().shift(1) if across_gaps else p.shift(1))
    out = np.log(ratio) if kind == "log" else ratio - 1.0
    return out.iloc[1:]


def _check_prices_index(prices: pd.DataFrame | pd.Series, what: str) -> None:
    if not isinstance(prices.index, pd.DatetimeIndex) or not prices.index.is_monotonic_increasing:
        raise StudyError(
            f"{what} must be indexed by a sorted DatetimeIndex; parse the date column and sort it"
        )
    if prices.index.has_duplicates:
        raise StudyError(f"{what} have a date twice; keep one row per date")


def common_date_returns(
    prices: pd.DataFrame | pd.Series,
    benchmark: pd.DataFrame | pd.Series,
    *,
    kind: ReturnKind = "simple",
) -> tuple[pd.DataFrame | pd.Series, pd.DataFrame | pd.Series, tuple[str, ...]]:
    r"""Returns of securities and of their benchmark, computed on the dates both tables have.

    The two price tables are first cut to their common dates and only then turned into
    returns (:func:`returns_from_prices`, ``across_gaps=False``). A date that one table
    lacks is skipped by both, so the next return spans the same days in both,
    :math:`R_t = P_t / P_s - 1` with :math:`s` the previous common date: a security's
    one-day move is never set against the benchmark's move over two days (which would
    put the missing day's market move into the abnormal return).

    A blank (NaN) benchmark price is a date the benchmark did not trade, and a row with
    no security price at all a date none of the securities traded: both are missing
    dates, dropped before the common dates are taken, exactly as if the row were absent
    (a table of several markets on the union of their calendars has such rows on each
    market's holidays). Kept as a common date, a blank row would cost every event the
    return of that day and of the next.

    Parameters
    ----------
    prices
        Security prices (dates x securities), sorted ``DatetimeIndex``; NaN where missing.
    benchmark
        Benchmark prices (a Series or a one-column frame), sorted ``DatetimeIndex``; NaN
        where the benchmark did not trade.
    kind
        ``"simple"`` or ``"log"`` returns.

    Returns
    -------
    returns, benchmark_returns, notes
        The two return tables on the same dates (all common dates but the first) and
        notes (empty, or one sentence naming the dates skipped because one table lacks
        them or leaves them blank, and how many returns therefore span more than one of
        the table's days).

    Raises
    ------
    StudyError
        If the tables share fewer than two dates, or :func:`returns_from_prices` rejects them.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"])
    >>> p = pd.Series([100.0, 101.0, 103.02], index=d)
    >>> b = pd.Series([50.0, 51.0], index=d[[0, 2]])  # no benchmark price on 2 January
    >>> r, rb, notes = common_date_returns(p, b)
    >>> round(float(r.iloc[0]), 4), round(float(rb.iloc[0]), 4)  # both from 1 to 3 January
    (0.0302, 0.02)
    """
    _check_prices_index(prices, "prices")
    _check_prices_index(benchmark, "benchmark prices")
    p_traded = _traded_dates(prices, "prices")
    b_traded = _traded_dates(benchmark, "benchmark prices")
    common = p_traded.intersection(b_traded)
    if len(common) < 2:
        raise StudyError(
            f"the prices and the benchmark prices share {len(common)} date(s) with a price; give both on the "
            "same dates"
        )
    lo, hi = common[0], common[-1]
    span = prices.index.union(benchmark.index)
    span = span[(span >= lo) & (span <= hi)]
    notes: tuple[str, ...] = ()
    if len(span) > len(common):
        parts = []
        for own, other_rows, other_traded, lacks, blank_text in (
            (
                p_traded,
                benchmark.index,
                b_traded,
                "the benchmark lacks",
                "the benchmark price is blank (NaN)",
            ),
            (b_traded, prices.index, p_traded, "the prices lack", "every security price is blank (NaN)"),
        ):
            own_in = own[(own >= lo) & (own <= hi)]
            absent = own_in.difference(other_rows)
            blank = own_in.intersection(other_rows).difference(other_traded)
            whose = "prices" if own is p_traded else "benchmark"
            if len(absent):
                parts.append(f"{lacks} {len(absent)} date(s) of the {whose} (first {absent[0]:%Y-%m-%d})")
            if len(blank):
                parts.append(
                    f"{blank_text} on {len(blank)} date(s) of the {whose} (first {blank[0]:%Y-%m-%d})"
                )
        blank_both = span.difference(p_traded).difference(b_traded)
        if len(blank_both):
            parts.append(
                f"{len(blank_both)} date(s) have no price in either table (first {blank_both[0]:%Y-%m-%d})"
            )
        pos = span.get_indexer(common)
        jumps = np.flatnonzero(np.diff(pos) > 1)
        tail = ""
        if len(jumps):
            first = jumps[0]
            tail = (
                f"; so {len(jumps)} return(s) span a skipped date, in the securities and the benchmark alike "
                f"(first {common[first + 1]:%Y-%m-%d}, from {common[first]:%Y-%m-%d})"
            )
        notes = (
            f"Returns are computed on the {len(common)} dates both price tables have a price on (a blank price "
            "is a date not traded): " + "; ".join(parts) + tail + ".",
        )
    out_p = returns_from_prices(prices.loc[common], kind=kind)
    out_b = returns_from_prices(benchmark.loc[common], kind=kind)
    return out_p, out_b, notes


def _traded_dates(prices: pd.DataFrame | pd.Series, what: str) -> pd.DatetimeIndex:
    """Dates with at least one price (a row of NaN only is a date not traded)."""
    try:
        values = prices.to_numpy(dtype=float)
    except (TypeError, ValueError) as e:
        raise StudyError(f"{what} must be numbers; a column holds text") from e
    has = ~np.isnan(values.reshape(len(values), -1)).all(axis=1)
    return prices.index[has]


def to_simple(values: np.ndarray, kind: ReturnKind) -> np.ndarray:
    """Simple returns from returns of ``kind`` (``exp(r) - 1`` for log returns)."""
    return np.expm1(values) if kind == "log" else values
