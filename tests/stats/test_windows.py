"""Windows, events and event-date alignment."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from eventstudy.exceptions import NotATradingDayError, StudyError, UnknownSecurityError
from eventstudy.stats.windows import (
    DateWindow,
    Event,
    RelativeWindow,
    align_event_dates,
    parse_events,
    parse_window,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ((-250, -11), RelativeWindow(-250, -11)),
        ((np.int64(-1), 1), RelativeWindow(-1, 1)),
        (("2020-03-16", "2020-03-20"), DateWindow(pd.Timestamp("2020-03-16"), pd.Timestamp("2020-03-20"))),
    ],
    ids=["relative", "numpy-ints", "dates"],
)
def test_parse_window(value, expected):
    assert parse_window(value, "event") == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ((3, 1), r"event=\(3, 1\) ends before it starts"),
        ("x", "is not a window"),
        ((1, "b"), "is not a window"),
    ],
    ids=["reversed", "string", "mixed"],
)
def test_parse_window_errors(value, message):
    with pytest.raises(StudyError, match=message):
        parse_window(value, "event")


def test_parse_events_from_frames_events_and_names():
    cols = ["A", "B"]
    f = parse_events(pd.DataFrame({"security": ["A", "A"], "date": ["2024-01-02", "2024-02-02"]}), cols)
    assert f["id"].tolist() == ["A@2024-01-02", "A@2024-02-02"]
    f = parse_events([Event("A", "2024-01-02"), Event("B", "2024-01-03", id="x")], cols)
    assert f["id"].tolist() == ["A", "x"]
    assert parse_events(None, cols)["security"].tolist() == cols
    with pytest.raises(UnknownSecurityError, match="unknown security 'C'"):
        parse_events([Event("C", "2024-01-02")], cols)
    with pytest.raises(StudyError, match="event ids must be unique"):
        parse_events([Event("A", "2024-01-02", id="x"), Event("B", "2024-01-03", id="x")], cols)
    with pytest.raises(StudyError, match="no events given"):
        parse_events([], cols)


def test_align_event_dates_policies():
    index = pd.bdate_range("2024-01-01", periods=10)  # Mon 1 Jan .. Fri 12 Jan
    dates = np.array(["2024-01-03", "2024-01-06", "2023-12-30", "2024-01-14"], dtype=object)
    nxt, _, _ = align_event_dates(dates, index, policy="next", calendar=None)
    assert nxt.position.tolist() == [2, 5, 0, -1]
    assert "outside the returns table" in nxt.reason[3]
    assert [(i, a, b) for i, a, b, _ in nxt.moved] == [
        (1, "2024-01-06", "2024-01-08"),
        (2, "2023-12-30", "2024-01-01"),
    ]
    prev, _, _ = align_event_dates(dates, index, policy="previous", calendar=None)
    assert prev.position.tolist() == [2, 4, -1, 9]
    skip, _, _ = align_event_dates(dates, index, policy="skip", calendar=None)
    assert skip.position.tolist() == [2, -1, -1, -1] and "date_policy='skip'" in skip.reason[1]
    with pytest.raises(NotATradingDayError, match="2024-01-06 is not a trading day"):
        align_event_dates(dates, index, policy="error", calendar=None)


def test_event_outside_the_table_is_dropped_not_moved():
    import numpy as np
    import pandas as pd

    from eventstudy.stats import EventStudy

    idx = pd.bdate_range("2021-01-04", periods=60)
    rng = np.random.default_rng(0)
    r = pd.DataFrame({"A": rng.normal(0, 0.01, 60)}, index=idx)
    m = pd.Series(rng.normal(0, 0.01, 60), index=idx)
    ev = pd.DataFrame({"security": ["A", "A"], "date": [pd.Timestamp("2019-02-15"), idx[40]]})
    res = EventStudy(r, m, ev, estimation=(-30, -3), event=(-1, 1)).run()
    assert res.n_events == 1
    (reason,) = res.dropped["reason"]
    assert "2019-02-15 is outside the returns table (2021-01-04 .. " in reason


def test_default_ids_name_the_local_day_of_a_dated_event():
    # a Tokyo event stamped 00:30 is on the 24th locally (the 23rd in UTC); a missing date
    # leaves the day blank, and a datetime64 column of integers-as-dates is not mistaken
    stamps = pd.to_datetime(["2022-02-24 00:30", "2022-02-25 09:00", None]).tz_localize("Asia/Tokyo")
    f = parse_events(pd.DataFrame({"security": ["A", "A", "A"], "date": stamps}), ["A"])
    assert f["id"].tolist() == ["A@2022-02-24", "A@2022-02-25", "A@"]
    with pytest.raises(StudyError, match="is a number, not a date"):
        parse_events(pd.DataFrame({"security": ["A"], "date": [20220224]}), ["A"])
