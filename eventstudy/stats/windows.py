"""Events, windows, and the alignment of event dates to the trading days of a returns table.

Windows are given either in trading days relative to the event day (day 0), as
``(start, end)`` integers, e.g. estimation ``(-250, -11)`` and event ``(-1, 1)``, or as
calendar dates, ``("2019-04-01", "2020-03-13")`` (both ends inclusive; estudy2 style),
in which case every event shares the same windows. The estimation window lies before the
event window or, for a post-event estimation, wholly after it; the gap between the windows
is the days that lie between them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import InsufficientDataError, NotATradingDayError, StudyError
from ..policies import DatePolicy

__all__ = [
    "Event",
    "RelativeWindow",
    "DateWindow",
    "parse_window",
    "parse_events",
    "AlignedEvents",
    "align_event_dates",
]

DateLike = date | datetime | pd.Timestamp | str


@dataclass(frozen=True)
class Event:
    """One event: a security (a column of the returns table) and its event date.

    ``date`` may be a date, an ISO string or a timestamp with a time and time zone (news
    published after the close belongs to the next session when the study is given a
    ``calendar``). ``id`` names the event in results; by default the security name (or
    ``"security@date"`` when a security has several events).
    """

    security: str
    date: DateLike | None = None
    id: str | None = None


@dataclass(frozen=True)
class RelativeWindow:
    """Trading days ``start .. end`` (inclusive) relative to the event day."""

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start + 1

    def label(self) -> str:
        return f"[{self.start:+d}, {self.end:+d}] trading days"


@dataclass(frozen=True)
class DateWindow:
    """Calendar dates ``start .. end`` (inclusive), the same for every event."""

    start: pd.Timestamp
    end: pd.Timestamp

    def label(self) -> str:
        return f"{self.start:%Y-%m-%d} .. {self.end:%Y-%m-%d}"


def _is_int(v: object) -> bool:
    return isinstance(v, int | np.integer) and not isinstance(v, bool)


def parse_window(value: Any, name: str) -> RelativeWindow | DateWindow:
    """Parse a window given as two ints (relative trading days) or two dates.

    Raises
    ------
    StudyError
        Naming the parameter, if ``value`` is neither, or ends before it starts.
    """
    if isinstance(value, RelativeWindow | DateWindow):
        return value
    try:
        a, b = value
    except (TypeError, ValueError) as e:
        raise StudyError(
            f"{name}={value!r} is not a window; give (start, end) as trading days like (-250, -11) "
            "or as dates like ('2019-04-01', '2020-03-13')"
        ) from e
    if _is_int(a) and _is_int(b):
        if a > b:
            raise StudyError(f"{name}={value!r} ends before it starts; give (start, end) with start <= end")
        return RelativeWindow(int(a), int(b))
    try:
        start, end = pd.Timestamp(a), pd.Timestamp(b)
    except (TypeError, ValueError) as e:
        raise StudyError(
            f"{name}={value!r} is not a window; give two ints (trading days) or two dates (YYYY-MM-DD)"
        ) from e
    if start.tzinfo is not None or end.tzinfo is not None:
        start, end = start.tz_localize(None), end.tz_localize(None)
    if start > end:
        raise StudyError(f"{name}={value!r} ends before it starts; give (start, end) with start <= end")
    return DateWindow(start.normalize(), end.normalize())


def parse_events(events: Any, columns: Sequence[str], *, allow_unknown: bool = False) -> pd.DataFrame:
    """Events as a frame with columns ``security`` (str), ``date`` (object or NaT) and ``id``.

    ``events`` is a DataFrame with columns ``security`` and ``date`` (optionally ``id``),
    a sequence of :class:`Event`, a sequence of security names (calendar-date windows
    only), or ``None`` for every column of the returns table. With ``allow_unknown``,
    events whose security is not a column stay in the frame (for the caller to drop
    with a reason) unless every event is unknown.

    Raises
    ------
    UnknownSecurityError
        If a security is not a column of the returns table (with ``allow_unknown``: if
        no security is).
    StudyError
        If the events cannot be read.
    """
    from ..exceptions import UnknownSecurityError

    if events is None:
        frame = pd.DataFrame({"security": list(columns), "date": [None] * len(columns)})
    elif isinstance(events, pd.DataFrame):
        missing = {"security", "date"} - set(events.columns)
        if "security" in missing or ("date" in missing and len(events.columns) > 1 and "id" not in events):
            raise StudyError(
                f"events frame needs the columns 'security' and 'date' (and optionally 'id'); got {list(events.columns)}"
            )
        frame = pd.DataFrame(
            {
                "security": events["security"].astype(str).to_numpy(),
                "date": events["date"].reset_index(drop=True) if "date" in events else None,
            }
        )
        if "id" in events:
            frame["id"] = _id_text(events["id"])
    else:
        if isinstance(events, Event):
            events = [events]  # one event given on its own
        elif isinstance(events, str | bytes) or not hasattr(events, "__iter__"):
            raise StudyError(
                f"cannot read events from {type(events).__name__} {events!r}; give a list of "
                "Event(security, date), (security, date) pairs or a DataFrame"
            )
        rows = []
        for ev in events:
            if isinstance(ev, Event):
                rows.append((str(ev.security), ev.date, ev.id))
            elif isinstance(ev, str):
                rows.append((ev, None, None))
            else:
                try:
                    sec, d = ev
                except (TypeError, ValueError) as e:
                    raise StudyError(
                        f"cannot read event {ev!r}; give Event(security, date) objects or a DataFrame"
                    ) from e
                rows.append((str(sec), d, None))
        frame = pd.DataFrame(rows, columns=["security", "date", "id"])
        if frame["id"].isna().all():
            frame = frame.drop(columns="id")
    if len(frame) == 0:
        raise StudyError("no events given; pass at least one (security, date) event")
    dates = frame["date"]
    # only an object or a numeric column can hold a number (a datetime column cannot):
    # the element-wise look is skipped for the usual datetime64 column of a large study
    if pd.api.types.is_datetime64_any_dtype(dates.dtype):
        numeric = pd.Series(False, index=dates.index)
    else:
        numeric = dates.map(lambda d: isinstance(d, int | float | np.number) and not pd.isna(d))
    if numeric.any():
        # 20220224 would be read as nanoseconds after 1970: a date must say it is one
        bad = frame["date"][numeric].iloc[0]
        raise StudyError(
            f"event date {bad} is a number, not a date; write it as 'YYYY-MM-DD' (e.g. '2022-02-24')"
        )
    known = set(map(str, columns))
    unknown = sorted(set(pd.unique(frame["security"])) - known)
    if unknown and (not allow_unknown or not frame["security"].isin(known).any()):
        raise UnknownSecurityError(
            unknown[0],
            f"unknown security {unknown[0]!r}"
            + (f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else "")
            + "; events must name columns of the returns table",
        )
    if "id" not in frame:
        frame["id"] = _default_ids(frame)
    elif frame["id"].isna().any():
        frame["id"] = frame["id"].where(
            frame["id"].notna(), pd.Series(_default_ids(frame), index=frame.index)
        )
    if frame["id"].duplicated().any():
        raise StudyError(
            f"event ids must be unique; {frame['id'][frame['id'].duplicated()].iloc[0]!r} repeats"
        )
    return frame.reset_index(drop=True)


def _is_missing(v: object) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _id_text(ids: pd.Series) -> np.ndarray:
    """Event ids as text; missing or blank ids are ``None`` (they get the default id).

    A float column of whole numbers (what pandas makes of integer ids with a blank) is
    written without ``.0``: id ``1`` stays ``"1"``.
    """
    values = ids.to_numpy(dtype=object)
    out = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        if (isinstance(v, str) and not v.strip()) or (not isinstance(v, str) and _is_missing(v)):
            out[i] = None
        elif isinstance(v, float | np.floating) and float(v).is_integer():
            out[i] = str(int(v))
        else:
            out[i] = str(v)
    return out


def _default_ids(frame: pd.DataFrame) -> np.ndarray:
    sec = frame["security"].astype(str)
    if not sec.duplicated().any():
        return sec.to_numpy()
    try:
        stamps = pd.to_datetime(frame["date"])
        if stamps.dt.tz is not None:
            stamps = stamps.dt.tz_localize(None)  # the local wall date, as strftime gives
        days = stamps.to_numpy().astype("datetime64[D]")
        text = np.datetime_as_string(days, unit="D")  # as strftime("%Y-%m-%d"), without a loop
        dates = pd.Series(np.where(np.isnat(days), "", text), index=frame.index)
    except (TypeError, ValueError, AttributeError):
        dates = pd.Series([_date_text(d) for d in frame["date"]], index=frame.index)
    ids = sec + "@" + dates
    dup = ids.duplicated(keep=False)
    if dup.any():
        ids[dup] = ids[dup] + "#" + ids[dup].groupby(ids[dup]).cumcount().astype(str)
    return ids.to_numpy()


def _date_text(d: object) -> str:
    if d is None or (isinstance(d, float) and np.isnan(d)):
        return ""
    try:
        return f"{pd.Timestamp(d):%Y-%m-%d}"
    except (TypeError, ValueError):
        return str(d)


@dataclass(frozen=True)
class AlignedEvents:
    """Day-0 positions in the trading-day index, with what was done to get them.

    Attributes
    ----------
    position
        ``(N,)`` row of day 0 in the returns table, ``-1`` for dropped events.
    reason
        ``(N,)`` object array: why an event was dropped, or ``None``.
    moved
        List of ``(index, from, to, why)`` for every event date that was changed.
    """

    position: np.ndarray
    reason: np.ndarray
    moved: list[tuple[int, str, str, str]]


#: An ISO 8601 date, optionally with a time of day and a UTC offset (``2022-02-15``,
#: ``2022-02-15 16:45``, ``2022-02-15T16:45:00+00:00``): how dates given as text must look.
ISO_DATE_PATTERN = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"


def _check_iso_text(raw: pd.Series) -> None:
    """Refuse event dates given as text that is not ISO ``YYYY-MM-DD[ HH:MM[:SS]][offset]``.

    ``"04/03/2022"`` is 4 March in London and 3 April in New York: guessing (pandas
    reads it month first) would silently move the event by a month.
    """
    is_text = np.fromiter((isinstance(v, str) for v in raw), dtype=bool, count=len(raw))
    if not is_text.any():
        return
    text = raw[is_text].astype(str).str.strip()
    bad = ~text.str.fullmatch(ISO_DATE_PATTERN)
    if bad.any():
        i = int(text.index[np.flatnonzero(bad.to_numpy())[0]])
        raise StudyError(
            f"event date {raw.iloc[i]!r} (event {i}) is not a date in ISO form; write it as YYYY-MM-DD "
            "(optionally with a time, YYYY-MM-DD HH:MM)"
        )


def _to_session_dates(raw: pd.Series | np.ndarray, calendar: str | None) -> tuple[np.ndarray, list, list]:
    """Parse event dates; timestamps with a time go through ``session_of_timestamp``."""
    raw = pd.Series(raw).reset_index(drop=True)
    if raw.dtype == object or pd.api.types.is_string_dtype(raw.dtype):
        _check_iso_text(raw)
    try:  # fast path: plain dates (no time of day, no time zone)
        parsed = pd.DatetimeIndex(pd.to_datetime(raw))
        if parsed.tz is None and not parsed.hasnans and (parsed == parsed.normalize()).all():
            return parsed.to_numpy(dtype="datetime64[ns]"), [], []
    except (TypeError, ValueError):
        pass
    n = len(raw)
    out = np.empty(n, dtype="datetime64[ns]")
    moved: list[tuple[int, str, str, str]] = []
    ignored_time: list[int] = []
    cache: dict[Any, pd.Timestamp] = {}
    for i, d in enumerate(raw):
        try:
            ts = pd.Timestamp(d)
        except (TypeError, ValueError) as e:
            raise StudyError(f"event date {d!r} (event {i}) is not a date; use YYYY-MM-DD") from e
        if ts is pd.NaT:
            raise StudyError(f"event {i} has no date; give a date for every event with relative windows")
        has_time = ts.tzinfo is not None or ts != ts.normalize()
        if has_time and calendar is not None:
            if ts not in cache:
                from ..calendar import session_of_timestamp

                cache[ts] = pd.Timestamp(session_of_timestamp(ts, calendar))
            session = cache[ts]
            local_day = (ts.tz_convert(None) if ts.tzinfo is not None else ts).normalize()
            if session != local_day:
                moved.append((i, str(ts), f"{session:%Y-%m-%d}", f"after the close on {calendar}"))
            out[i] = session.to_datetime64()
        else:
            if has_time:
                ignored_time.append(i)
                ts = ts.tz_localize(None) if ts.tzinfo is not None else ts
            out[i] = ts.normalize().to_datetime64()
    return out, moved, ignored_time


def align_event_dates(
    dates: pd.Series | np.ndarray,
    index: pd.DatetimeIndex,
    *,
    policy: DatePolicy,
    calendar: str | None,
) -> tuple[AlignedEvents, np.ndarray, list[int]]:
    """Map event dates to rows of the trading-day ``index`` under a date policy.

    Returns the aligned events, the (session) dates as ``datetime64[ns]`` and the
    positions of events whose time of day was ignored (no calendar given).
    """
    days, moved, ignored = _to_session_dates(dates, calendar)
    idx = index.to_numpy(dtype="datetime64[ns]")
    pos = np.searchsorted(idx, days, side="left")
    n = len(days)
    exact = (pos < len(idx)) & (idx[np.minimum(pos, len(idx) - 1)] == days)
    position = np.where(exact, pos, -1)
    reason = np.full(n, None, dtype=object)
    edge = np.timedelta64(4, "D")  # a weekend or a holiday next to the table's first/last row
    for i in np.flatnonzero(~exact):
        day = pd.Timestamp(days[i])
        outside = len(idx) == 0 or days[i] < idx[0] - edge or days[i] > idx[-1] + edge
        if policy == "error":
            span = (
                f" ({pd.Timestamp(idx[0]):%Y-%m-%d} .. {pd.Timestamp(idx[-1]):%Y-%m-%d})" if len(idx) else ""
            )
            raise NotATradingDayError(
                day.date(),
                "the returns table",
                f"event date {day:%Y-%m-%d} is outside the returns table{span}; give returns that cover it"
                if outside
                else f"event date {day:%Y-%m-%d} is not a trading day of the returns table; "
                "use date_policy='next', 'previous' or 'skip'",
            )
        if outside:
            # never move an event far across the edge of the table (2019 -> the first row of 2021)
            reason[i] = f"event date {day:%Y-%m-%d} is outside the returns table" + (
                f" ({pd.Timestamp(idx[0]):%Y-%m-%d} .. {pd.Timestamp(idx[-1]):%Y-%m-%d})" if len(idx) else ""
            )
            continue
        if policy == "skip":
            reason[i] = f"event date {day:%Y-%m-%d} is not a trading day (date_policy='skip')"
            continue
        p = pos[i] if policy == "next" else pos[i] - 1
        if p < 0 or p >= len(idx):
            reason[i] = f"event date {day:%Y-%m-%d} is outside the returns table"
            continue
        position[i] = p
        moved.append((i, f"{day:%Y-%m-%d}", f"{pd.Timestamp(idx[p]):%Y-%m-%d}", f"date_policy={policy!r}"))
    return AlignedEvents(position, reason, moved), days, ignored


def window_positions(window: DateWindow, index: pd.DatetimeIndex, name: str) -> np.ndarray:
    """Rows of ``index`` inside a calendar-date window (inclusive)."""
    lo = index.searchsorted(window.start, side="left")
    hi = index.searchsorted(window.end, side="right")
    if hi <= lo:
        raise InsufficientDataError(
            f"{name} window {window.label()} holds no date of the returns table "
            f"({index[0]:%Y-%m-%d} .. {index[-1]:%Y-%m-%d}); choose dates inside it"
        )
    return np.arange(lo, hi)
