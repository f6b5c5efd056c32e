"""Date ranges, the sessions a ticker should have in them, and the ranges a frame covers.

A *coverage interval* ``(first, last)`` is an inclusive range of calendar dates in which
every expected session of the ticker has a price. Coverage is what the store keeps
beside the prices, so that a range is fetched once and a partial answer is recorded
only for the dates it really covers.

Expected sessions come from the exchange calendar of the index (``eventstudy.indices``
and ``eventstudy.calendar``). For a ticker that is not in the registry, or dates that the
calendar cannot evaluate, weekdays stand in for sessions; then a weekday missing
*between* two rows is taken for a holiday, and so is a short run of missing weekdays at
either edge of the answer (see :func:`weekday_coverage`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pandas as pd

from ..calendar import get_calendar, sessions, to_date
from ..exceptions import EventStudyError, InvalidDateRangeError, UnknownIndexError
from ..indices import by_ticker
from .base import COLUMNS

__all__ = [
    "Interval",
    "parse_range",
    "merge",
    "subtract",
    "expected_sessions",
    "covered_intervals",
    "weekday_coverage",
    "MAX_HOLIDAY_RUN",
    "last_settled_day",
    "conform",
    "format_intervals",
]

#: An inclusive range of calendar dates.
Interval = tuple[date, date]

_ONE = timedelta(days=1)
_UNIT = pd.DatetimeIndex(["2000-01-01"]).unit  # the default unit of this pandas version
_DAY = int(np.timedelta64(1, "D") // np.timedelta64(1, _UNIT))  # one day in index units


def parse_range(start: object, end: object) -> Interval:
    """Parse ``start`` and ``end`` (date, datetime, Timestamp or ISO string) into an interval.

    Raises
    ------
    InvalidDateRangeError
        If either is not a date, or ``start`` is after ``end``.
    """
    try:
        s, e = to_date(start, "start"), to_date(end, "end")  # type: ignore[arg-type]
    except EventStudyError as exc:
        raise InvalidDateRangeError(str(exc)) from exc
    if s > e:
        raise InvalidDateRangeError(
            f"start={s} is after end={e}; give start <= end (both inclusive)", start=s, end=e
        )
    return s, e


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sort and merge overlapping or adjacent (one day apart) intervals."""
    out: list[Interval] = []
    for lo, hi in sorted(intervals):
        if out and lo <= out[-1][1] + _ONE:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def subtract(interval: Interval, covered: Iterable[Interval]) -> list[Interval]:
    """The parts of ``interval`` not inside any of ``covered``."""
    lo, hi = interval
    gaps: list[Interval] = []
    cursor = lo
    for clo, chi in merge(covered):
        if chi < cursor or clo > hi:
            continue
        if clo > cursor:
            gaps.append((cursor, min(hi, clo - _ONE)))
        cursor = max(cursor, chi + _ONE)
        if cursor > hi:
            break
    if cursor <= hi:
        gaps.append((cursor, hi))
    return gaps


def _calendar_code(ticker: str) -> str | None:
    try:
        return by_ticker(ticker).calendar
    except UnknownIndexError:
        return None


def expected_sessions(ticker: str, start: date, end: date) -> tuple[pd.DatetimeIndex, bool]:
    """Sessions ``ticker`` should have from ``start`` to ``end`` inclusive.

    Returns
    -------
    sessions : DatetimeIndex
        Tz-naive session dates.
    exact : bool
        ``True`` if they come from the exchange calendar; ``False`` if weekdays stand in
        (ticker not in the registry, or dates outside what the calendar can evaluate).
    """
    code = _calendar_code(ticker)
    if code is not None:
        try:
            cal = get_calendar(code)
            first, last = cal.first_session.date(), cal.last_session.date()
            if first <= start and end <= last:
                return _as_index(sessions(code, start, end)), True
        except EventStudyError:
            pass  # a calendar that cannot be built: fall back to weekdays
    return _as_index(pd.bdate_range(start, end)), False


def _as_index(idx: pd.DatetimeIndex) -> pd.DatetimeIndex:
    idx = pd.DatetimeIndex(idx)
    if idx.tz is not None:
        idx = idx.tz_localize(None)
    if idx.unit != _UNIT:
        idx = idx.as_unit(_UNIT)
    if len(idx) and (idx.asi8 % _DAY).any():
        idx = idx.normalize()
    return idx if idx.name == "date" else idx.rename("date")


def covered_intervals(
    have: pd.DatetimeIndex, expected: pd.DatetimeIndex, start: date, end: date, *, exact: bool = True
) -> list[Interval]:
    """The parts of ``start .. end`` in which every expected session has a row.

    Each maximal run of expected sessions present in ``have`` becomes an interval that
    reaches out to the day after the previous missing session (or ``start``) and to the day
    before the next missing session (or ``end``). With ``exact=False`` (weekdays standing in
    for sessions) a missing weekday between two rows counts as a holiday, not a gap.

    Parameters
    ----------
    have
        Dates with a price (tz-naive, normalised).
    expected
        The expected sessions in ``start .. end`` (from :func:`expected_sessions`).
    start, end
        The range asked for, inclusive.
    exact
        Whether ``expected`` comes from an exchange calendar.
    """
    have = _as_index(have)
    expected = _as_index(expected)
    if len(expected) == 0:
        return [(start, end)]  # no session to miss
    present = expected.isin(have)
    if not exact and len(have):
        inside = (expected > have.min()) & (expected < have.max())
        present = present | inside
    out: list[Interval] = []
    run_start: date | None = start
    for day, ok in zip(expected.date, present, strict=True):
        if ok:
            continue
        if (
            run_start is not None
            and day - _ONE >= run_start
            and _has_present(run_start, day, expected, present)
        ):
            out.append((run_start, day - _ONE))
        run_start = day + _ONE
    if run_start is not None and run_start <= end and _has_present(run_start, end + _ONE, expected, present):
        out.append((run_start, end))
    return out


#: The longest run of weekdays without a row, at the edge of an answer for a ticker without an
#: exchange calendar, that is taken for holidays (Golden Week, Lunar New Year: up to 5 weekdays).
MAX_HOLIDAY_RUN = 5


def weekday_coverage(
    have: pd.DatetimeIndex,
    start: date,
    end: date,
    *,
    max_run: int = MAX_HOLIDAY_RUN,
    rows_after: bool = True,
) -> list[Interval]:
    """The part of ``start .. end`` an answer covers, for a ticker without an exchange calendar.

    Without a calendar nothing says which weekday is a holiday, so the answer itself is the
    evidence: every weekday between its first and last row is covered (a weekday without a
    row there is a holiday), and so is a run of at most ``max_run`` weekdays without a row
    at either edge (a holiday at the start or the end of the range). A longer run at an
    edge is taken for prices the source does not have (before a listing, after a delisting,
    a short answer) and is left out. An empty answer covers nothing.

    Parameters
    ----------
    have
        Dates with a price, possibly reaching outside ``start .. end`` (rows asked for
        around the range show whether its edge days are holidays).
    start, end
        The range asked for, inclusive; ``end`` no later than the last settled day.
    max_run
        The longest edge run of weekdays without a row that counts as holidays.
    rows_after
        Whether rows after ``end`` were asked for (and could exist). If not (a range that
        ends near the last settled day), weekdays after the last row are not taken for
        holidays: they may be days the source has not published yet, and coverage is kept
        for good.

    Returns
    -------
    list of Interval
        ``[]`` or one interval inside ``start .. end``.
    """
    have = _as_index(have)
    if len(have) == 0 or start > end:
        return []
    first, last = have.min().date(), have.max().date()
    weekdays = pd.bdate_range(start, end).date
    lo, hi = start, end
    before = [d for d in weekdays if d < first]
    if len(before) > max_run:
        lo = before[-1] + _ONE
    after = [d for d in weekdays if d > last]
    if after and (len(after) > max_run or not rows_after):
        hi = after[0] - _ONE
    return [(lo, hi)] if lo <= hi else []


def _has_present(lo: date, hi_exclusive: date, expected: pd.DatetimeIndex, present) -> bool:
    """Whether a run from ``lo`` up to ``hi_exclusive`` holds at least one present session."""
    mask = (expected >= pd.Timestamp(lo)) & (expected < pd.Timestamp(hi_exclusive))
    return bool(present[mask].any())


def last_settled_day(now: datetime | None = None) -> date:
    """The last day whose daily prices are final: yesterday in UTC.

    A row dated today may be an intraday snapshot of a session still trading, so it is
    neither stored nor counted as coverage.
    """
    now = now or datetime.now(UTC)
    return (now.astimezone(UTC) if now.tzinfo else now).date() - _ONE


def conform(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` in the package shape: ``date`` index, float OHLC columns, sorted, unique."""
    out = frame if list(frame.columns) == list(COLUMNS) else frame.loc[:, list(COLUMNS)]
    if not (out.dtypes == "float64").all():
        out = out.astype("float64")
    idx = _as_index(out.index)
    if idx is not out.index:
        out = out.set_axis(idx, axis=0)
    if not idx.is_unique:
        out = out[~idx.duplicated(keep="last")]
    if not out.index.is_monotonic_increasing:
        out = out.sort_index()
    return out


def format_intervals(intervals: Sequence[Interval]) -> str:
    """``"2021-01-04..2022-06-30, 2023-01-02..2023-01-31"`` or ``"nothing"``."""
    return ", ".join(f"{a}..{b}" for a, b in intervals) or "nothing"
