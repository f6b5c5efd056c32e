"""Trading sessions of each exchange, and the policies that align dates to them.

A thin layer over :mod:`exchange_calendars` (one calendar object per exchange code,
built once and cached). Dates in and out are ``datetime.date``; sessions are the
exchange's local trading days.

Policies for a date that is not a session (see :data:`eventstudy.policies.DatePolicy`):

``"next"``      the first session after the date (default)
``"previous"``  the last session before the date
``"skip"``      return ``None`` (the caller drops the event and says so)
``"error"``     raise :class:`~eventstudy.exceptions.NotATradingDayError`

A timestamp (with a time zone) after the exchange's close belongs to the next session,
as news published after the close can only move the next day's prices.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

import exchange_calendars as xcals
import pandas as pd

from .exceptions import EventStudyError, InvalidDateError, NotATradingDayError
from .policies import DEFAULT_DATE_POLICY, DatePolicy, validate

__all__ = [
    "get_calendar",
    "sessions",
    "is_session",
    "align",
    "previous_session",
    "next_session",
    "offset_session",
    "session_of_timestamp",
    "to_date",
    "period_first_day",
]

_START = "1990-01-01"


@cache
def get_calendar(code: str) -> xcals.ExchangeCalendar:
    """Return the (cached) exchange_calendars calendar for an exchange code such as ``"XLON"``."""
    if code not in xcals.get_calendar_names(include_aliases=True):
        raise EventStudyError(f"unknown exchange calendar {code!r}")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            try:
                return xcals.get_calendar(code, start=_START)
            except ValueError:  # some calendars (XTKS) cannot go back to _START
                return xcals.get_calendar(code)
        except Exception as exc:  # a calendar that cannot be built with this pandas (ASEX)
            raise EventStudyError(f"exchange calendar {code!r} cannot be built: {exc}") from exc


def to_date(value: date | datetime | str | pd.Timestamp, name: str = "date") -> date:
    """Parse a date given as ``date``, ``datetime``, ``Timestamp`` or ISO string ``YYYY-MM-DD``.

    Strings must start with an ISO date (``"2022-02-15"``, ``"2022-02-15T17:30"``): forms such
    as ``"03/02/2022"`` are refused rather than guessed (day-month or month-day?).

    Raises
    ------
    EventStudyError
        (a ``ValueError``) naming the parameter if the value is not a date.
    """
    if isinstance(value, datetime):  # Timestamp and NaT are datetimes too
        if pd.isna(value):
            raise InvalidDateError(f"{name} is missing (NaT); use YYYY-MM-DD")
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not _ISO_DATE.match(text):
        raise InvalidDateError(f"{name}={value!r} is not a date; use YYYY-MM-DD")
    try:
        return date.fromisoformat(text[:10])
    except ValueError as e:
        raise InvalidDateError(f"{name}={value!r} is not a valid date; use YYYY-MM-DD") from e


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ])")


def _today() -> date:
    return date.today()


def _check_range(cal: xcals.ExchangeCalendar, day: date) -> pd.Timestamp:
    """``day`` as a Timestamp, if the calendar lists sessions that far back and ahead.

    Raises
    ------
    InvalidDateError
        (an :class:`~eventstudy.exceptions.EventStudyError`) naming the calendar's range.
    """
    ts = pd.Timestamp(day)
    first, last = cal.first_session.date(), cal.last_session.date()
    if ts < cal.first_session:
        raise InvalidDateError(
            f"{day} is before {first}, the first session of the {cal.name} calendar; "
            f"give a date from {first} to {last}"
        )
    if ts > cal.last_session:
        if day > _today():
            raise InvalidDateError(
                f"{day} is after {last}, the last session the {cal.name} calendar lists, and in the "
                "future: no prices exist for it yet; give a past date"
            )
        raise InvalidDateError(
            f"{day} is after {last}, the last session the {cal.name} calendar lists; give a date from "
            f"{first} to {last}, or upgrade exchange_calendars for later sessions"
        )
    return ts


def sessions(code: str, start: date | str, end: date | str) -> pd.DatetimeIndex:
    """Sessions of exchange ``code`` from ``start`` to ``end``, both inclusive."""
    cal = get_calendar(code)
    s, e = to_date(start, "start"), to_date(end, "end")
    lo = max(pd.Timestamp(s), cal.first_session)
    hi = min(pd.Timestamp(e), cal.last_session)
    if lo > hi:
        return pd.DatetimeIndex([])
    return cal.sessions_in_range(lo, hi)


def is_session(code: str, day: date | str) -> bool:
    """Whether ``day`` is a trading session of exchange ``code``."""
    cal = get_calendar(code)
    return bool(cal.is_session(_check_range(cal, to_date(day))))


def previous_session(code: str, day: date | str) -> date:
    """The last session strictly before ``day``."""
    cal = get_calendar(code)
    ts = _check_range(cal, to_date(day))
    return cal.date_to_session(ts - pd.Timedelta(days=1), direction="previous").date()


def next_session(code: str, day: date | str) -> date:
    """The first session strictly after ``day``."""
    cal = get_calendar(code)
    ts = _check_range(cal, to_date(day))
    return cal.date_to_session(ts + pd.Timedelta(days=1), direction="next").date()


def offset_session(code: str, day: date | str, n: int) -> date:
    """The session ``n`` sessions after (``n > 0``) or before (``n < 0``) session ``day``."""
    cal = get_calendar(code)
    ts = _check_range(cal, to_date(day))
    return cal.session_offset(cal.date_to_session(ts, direction="next"), n).date()


def align(day: date | str, code: str, policy: DatePolicy = DEFAULT_DATE_POLICY) -> date | None:
    """Align a date to a session of exchange ``code`` under ``policy``.

    Parameters
    ----------
    day
        The date to align.
    code
        exchange_calendars code, e.g. ``"XLON"``.
    policy
        ``"next"``, ``"previous"``, ``"skip"`` or ``"error"`` (see the module docstring).

    Returns
    -------
    date or None
        The session, or ``None`` under ``"skip"`` when ``day`` is not a session.

    Raises
    ------
    NotATradingDayError
        Under ``"error"`` when ``day`` is not a session.
    """
    validate(policy, DatePolicy, "policy")
    d = to_date(day)
    if is_session(code, d):
        return d
    if policy == "next":
        return next_session(code, d)
    if policy == "previous":
        return previous_session(code, d)
    if policy == "skip":
        return None
    raise NotATradingDayError(d, code)


def session_of_timestamp(ts: datetime | pd.Timestamp | str, code: str) -> date:
    """The session whose prices can first reflect news published at ``ts``.

    A time-zone-aware timestamp is converted to the exchange's zone; at or after that
    session's close (or on a non-trading day) the news belongs to the next session.
    A naive timestamp is taken as exchange-local time.
    """
    cal = get_calendar(code)
    t = pd.Timestamp(ts)
    local = t.tz_convert(cal.tz) if t.tzinfo is not None else t.tz_localize(cal.tz)
    d = local.date()
    if not is_session(code, d):
        return next_session(code, d)
    close = cal.session_close(pd.Timestamp(d)).tz_convert(cal.tz)
    if local >= close:
        return next_session(code, d)
    return d


#: Where each exchange calendar sits, for reports ("London session").
EXCHANGE_PLACES: dict[str, str] = {
    "XLON": "London",
    "XNYS": "New York",
    "XETR": "Frankfurt (Xetra)",
    "XPAR": "Paris",
    "XMIL": "Milan",
    "XMAD": "Madrid",
    "XAMS": "Amsterdam",
    "XTKS": "Tokyo",
    "XHKG": "Hong Kong",
    "XSHG": "Shanghai",
    "XKRX": "Seoul",
    "XASX": "Sydney",
    "XBOM": "Mumbai",
    "XTSE": "Toronto",
}


def period_first_day(period: str, day: date) -> date | None:
    """First calendar day of the month, quarter or year that ``day`` falls in.

    ``period`` is ``"month"``, ``"quarter"`` or ``"year"`` (also ``"month-to-date"``,
    ``"quarter-to-date"``, ``"year-to-date"``, ``"ytd"``); ``None`` for any other period.
    """
    p = period.lower()
    if p in ("month", "month-to-date"):
        return day.replace(day=1)
    if p in ("quarter", "quarter-to-date"):
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if p in ("year-to-date", "ytd", "year"):
        return date(day.year, 1, 1)
    return None
