"""Market context: how the other major indices moved on an event day.

"Was it the whole market or just this index?" For each ticker, the close-to-close move on
``day`` (the last session on or before it for that exchange),

.. math::

    r = 100\\,\\Big(\\frac{P_t}{P_{t-1}} - 1\\Big),

its direction, and whether that is the same direction as the reference one.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import numpy as np
import pandas as pd

from .. import indices
from ..calendar import to_date
from ..exceptions import PriceDataError
from ..policies import Direction, validate
from ..prices.base import PriceSource
from .cache import LOOKBACK_DAYS, PriceCache, session_before
from .tolerance import FLAT_PCT

__all__ = ["market_context", "CONTEXT_COLUMNS"]

#: Columns of the frame :func:`market_context` returns.
CONTEXT_COLUMNS = (
    "index",
    "session",
    "prev_close",
    "close",
    "close_pct",
    "direction",
    "same_direction",
    "note",
)


def _direction(pct: float) -> str:
    if abs(pct) <= FLAT_PCT:
        return "flat"
    return "up" if pct > 0 else "down"


def market_context(
    day: date | str,
    source: PriceSource,
    *,
    tickers: tuple[str, ...] | list[str] | None = None,
    direction: Direction | None = None,
) -> pd.DataFrame:
    """How major indices moved on ``day``.

    Parameters
    ----------
    day
        The event day.
    source
        Where prices come from.
    tickers
        Yahoo tickers to show; by default the tickers with bundled data.
    direction
        The reference direction (e.g. the claim's); by default the most common direction
        among the indices shown.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``ticker``, columns :data:`CONTEXT_COLUMNS`. A move within
        :data:`~eventstudy.check.tolerance.FLAT_PCT` % counts as ``"flat"``. An index that has no
        session on ``day`` or no prices keeps its row, with NaN numbers and the reason in
        ``note``: a batch answer, never an exception for one missing index.
    """
    d = to_date(day, "day")
    if direction is not None:
        validate(direction, Direction, "direction")
    if tickers is None:
        from ..prices.bundled import bundled_tickers

        tickers = bundled_tickers()
    cache = PriceCache(source)
    rows = []
    for tk in tickers:
        ix = indices.find(tk)
        row: dict[str, object] = {
            "ticker": tk,
            "index": ix.name if ix else tk,
            "session": None,
            "prev_close": np.nan,
            "close": np.nan,
            "close_pct": np.nan,
            "direction": None,
            "note": None,
        }
        try:
            try:
                t = cache.get(tk, d - timedelta(days=LOOKBACK_DAYS), d)
            except PriceDataError:
                t = cache.get(tk, session_before(tk, d), d)
        except PriceDataError as e:
            row["note"] = f"no prices: {e}"
            rows.append(row)
            continue
        i = t.row(d)
        if i is None:
            row["note"] = f"no session on {d}" if t.is_session(d) is not True else f"no prices for {d}"
        elif i == 0:
            row["note"] = "no previous close in the data"
        elif (exp := t.expected_session_before(d)) is not None and t.date_of(i - 1) != exp:
            row["note"] = f"no prices for the previous session {exp}"
        else:
            prev, close = float(t.close[i - 1]), float(t.close[i])
            pct = (close / prev - 1.0) * 100.0
            row.update(session=d, prev_close=prev, close=close, close_pct=pct, direction=_direction(pct))
        rows.append(row)
    frame = pd.DataFrame(rows).set_index("ticker")
    ref = direction
    if ref is None:
        dirs = [x for x in frame["direction"] if x is not None]
        ref = Counter(dirs).most_common(1)[0][0] if dirs else None
    frame["same_direction"] = [
        (x == ref) if (x is not None and ref is not None) else None for x in frame["direction"]
    ]
    return frame[list(CONTEXT_COLUMNS)]
