"""Date intervals, expected sessions and the coverage of an answer (hand-computed answers)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from eventstudy.exceptions import InvalidDateRangeError
from eventstudy.prices.coverage import (
    conform,
    covered_intervals,
    expected_sessions,
    merge,
    parse_range,
    subtract,
)

D = date


@pytest.mark.parametrize(
    ("intervals", "expected"),
    [
        pytest.param(
            [(D(2021, 1, 1), D(2021, 1, 10)), (D(2021, 1, 11), D(2021, 1, 20))],
            [(D(2021, 1, 1), D(2021, 1, 20))],
            id="adjacent",
        ),
        pytest.param(
            [(D(2021, 1, 5), D(2021, 1, 20)), (D(2021, 1, 1), D(2021, 1, 10))],
            [(D(2021, 1, 1), D(2021, 1, 20))],
            id="overlapping-unsorted",
        ),
        pytest.param(
            [(D(2021, 1, 1), D(2021, 1, 10)), (D(2021, 1, 12), D(2021, 1, 20))],
            [(D(2021, 1, 1), D(2021, 1, 10)), (D(2021, 1, 12), D(2021, 1, 20))],
            id="one-day-apart",
        ),
        pytest.param(
            [(D(2021, 1, 1), D(2021, 1, 31)), (D(2021, 1, 5), D(2021, 1, 6))],
            [(D(2021, 1, 1), D(2021, 1, 31))],
            id="inside",
        ),
        pytest.param([], [], id="none"),
    ],
)
def test_merge(intervals, expected):
    assert merge(intervals) == expected


@pytest.mark.parametrize(
    ("covered", "expected"),
    [
        pytest.param([], [(D(2021, 1, 1), D(2021, 1, 31))], id="nothing-covered"),
        pytest.param([(D(2020, 1, 1), D(2022, 1, 1))], [], id="all-covered"),
        pytest.param(
            [(D(2021, 1, 10), D(2021, 1, 20))],
            [(D(2021, 1, 1), D(2021, 1, 9)), (D(2021, 1, 21), D(2021, 1, 31))],
            id="middle",
        ),
        pytest.param(
            [(D(2020, 12, 1), D(2021, 1, 5)), (D(2021, 1, 25), D(2021, 2, 5))],
            [(D(2021, 1, 6), D(2021, 1, 24))],
            id="both-ends",
        ),
        pytest.param([(D(2021, 3, 1), D(2021, 3, 5))], [(D(2021, 1, 1), D(2021, 1, 31))], id="disjoint"),
    ],
)
def test_subtract(covered, expected):
    assert subtract((D(2021, 1, 1), D(2021, 1, 31)), covered) == expected


def test_parse_range_rejects_reversed_and_non_dates():
    assert parse_range("2021-01-04", D(2021, 1, 5)) == (D(2021, 1, 4), D(2021, 1, 5))
    with pytest.raises(InvalidDateRangeError, match="after end"):
        parse_range("2021-01-05", "2021-01-04")
    with pytest.raises(InvalidDateRangeError, match="end='soon' is not a date; use YYYY-MM-DD"):
        parse_range("2021-01-05", "soon")


def test_expected_sessions_skip_uk_christmas_2021():
    # UK bank holidays: Mon 27 and Tue 28 December 2021 (Christmas and Boxing Day fell at the weekend).
    days, exact = expected_sessions("^FTMC", D(2021, 12, 22), D(2021, 12, 31))
    assert exact
    assert list(days.date) == [
        D(2021, 12, 22),
        D(2021, 12, 23),
        D(2021, 12, 24),
        D(2021, 12, 29),
        D(2021, 12, 30),
        D(2021, 12, 31),
    ]


def test_unknown_ticker_falls_back_to_weekdays():
    days, exact = expected_sessions("NOT.A.TICKER", D(2021, 12, 24), D(2021, 12, 29))
    assert not exact
    assert list(days.date) == [D(2021, 12, 24), D(2021, 12, 27), D(2021, 12, 28), D(2021, 12, 29)]


def _idx(*days: date) -> pd.DatetimeIndex:
    return pd.DatetimeIndex([pd.Timestamp(d) for d in days])


def test_covered_all_sessions_covers_the_whole_range():
    expected = _idx(D(2021, 1, 4), D(2021, 1, 5), D(2021, 1, 6))
    assert covered_intervals(expected, expected, D(2021, 1, 2), D(2021, 1, 10)) == [
        (D(2021, 1, 2), D(2021, 1, 10))
    ]


def test_covered_with_a_hole_splits_around_it():
    expected = _idx(D(2021, 1, 4), D(2021, 1, 5), D(2021, 1, 6), D(2021, 1, 7), D(2021, 1, 8))
    have = _idx(D(2021, 1, 4), D(2021, 1, 5), D(2021, 1, 7), D(2021, 1, 8))
    assert covered_intervals(have, expected, D(2021, 1, 1), D(2021, 1, 10)) == [
        (D(2021, 1, 1), D(2021, 1, 5)),
        (D(2021, 1, 7), D(2021, 1, 10)),
    ]


def test_covered_truncated_answer_stops_before_the_first_missing_session():
    expected = _idx(D(2021, 1, 7), D(2021, 1, 8), D(2021, 1, 11), D(2021, 1, 12))
    have = _idx(D(2021, 1, 7), D(2021, 1, 8))
    assert covered_intervals(have, expected, D(2021, 1, 6), D(2021, 1, 13)) == [
        (D(2021, 1, 6), D(2021, 1, 10))
    ]


def test_covered_nothing_received():
    expected = _idx(D(2021, 1, 7), D(2021, 1, 8))
    assert covered_intervals(_idx(), expected, D(2021, 1, 6), D(2021, 1, 8)) == []


def test_weekday_fallback_takes_inner_missing_weekday_for_a_holiday():
    expected = _idx(D(2021, 1, 4), D(2021, 1, 5), D(2021, 1, 6))
    have = _idx(D(2021, 1, 4), D(2021, 1, 6))
    assert covered_intervals(have, expected, D(2021, 1, 4), D(2021, 1, 6), exact=False) == [
        (D(2021, 1, 4), D(2021, 1, 6))
    ]
    assert covered_intervals(have, expected, D(2021, 1, 4), D(2021, 1, 6), exact=True) == [
        (D(2021, 1, 4), D(2021, 1, 4)),
        (D(2021, 1, 6), D(2021, 1, 6)),
    ]


def test_conform_sorts_dedupes_normalises_and_orders_columns():
    raw = pd.DataFrame(
        {"close": [3.0, 1.0, 2.0, 9.0], "low": 0.0, "open": 1, "high": 5.0, "volume": 7.0},
        index=pd.DatetimeIndex(
            ["2021-01-06 16:30", "2021-01-04 16:30", "2021-01-05 16:30", "2021-01-06 16:30"]
        ).tz_localize("Europe/London"),
    )
    out = conform(raw)
    assert list(out.columns) == ["open", "high", "low", "close"]
    assert list(out.index.date) == [D(2021, 1, 4), D(2021, 1, 5), D(2021, 1, 6)]
    assert (out.index == out.index.normalize()).all() and out.index.tz is None
    assert out["close"].tolist() == [1.0, 2.0, 9.0]  # the later duplicate wins
    assert (out.dtypes == "float64").all() and out.index.name == "date"
