"""The exchange-calendar wrapper: a calendar that cannot be built is a typed error."""

from __future__ import annotations

import pytest


def test_a_calendar_that_cannot_be_built_raises_a_typed_error(monkeypatch):
    import exchange_calendars as xcals

    from eventstudy import calendar as cal
    from eventstudy.exceptions import EventStudyError

    def broken(*args, **kwargs):
        raise NotImplementedError("implemented by subclasses")

    cal.get_calendar.cache_clear()
    monkeypatch.setattr(xcals, "get_calendar", broken)
    try:
        with pytest.raises(EventStudyError, match="'XLON' cannot be built"):
            cal.get_calendar("XLON")
    finally:
        cal.get_calendar.cache_clear()
