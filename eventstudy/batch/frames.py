"""Stacking the per-partition tables of a batch run into the table one process would build.

A frame built from rows (``pd.DataFrame(rows)``) infers each column's dtype from all of
its values: a text column with some ``None`` becomes a string column with NaN, an
all-``None`` column stays ``object``. Concatenating per-partition frames would instead
mix the two; :func:`stack_like_rows` rebuilds the rows and infers once, so the result
equals the single-process frame value for value and dtype for dtype.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

__all__ = ["stack_like_rows"]


def _rows(frame: pd.DataFrame) -> list[dict[str, object]]:
    out = frame.copy()
    for c in out.columns:
        if not pd.api.types.is_float_dtype(out[c].dtype):
            col = out[c].astype(object)
            out[c] = col.where(col.notna(), None)
    return out.to_dict("records")


def stack_like_rows(frames: Sequence[pd.DataFrame], columns: Sequence[str]) -> pd.DataFrame:
    """The rows of ``frames``, in order, as one frame built from rows (see the module docstring)."""
    rows: list[dict[str, object]] = []
    for f in frames:
        if len(f):
            rows.extend(_rows(f))
    return pd.DataFrame(rows, columns=list(columns))
