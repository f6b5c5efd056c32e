"""Number parsing: separators, decimal commas, units and hedges (our own examples)."""

from __future__ import annotations

import pytest

from eventstudy.read.numbers import hedge_before, parse_number, unit_after, uses_decimal_comma


@pytest.mark.parametrize(
    ("token", "decimal_comma", "value", "text"),
    [
        ("21,755.73", False, 21755.73, "21755.73"),
        ("21755.73", False, 21755.73, "21755.73"),
        ("2086.24", False, 2086.24, "2086.24"),
        ("12,345", False, 12345.0, "12345"),
        ("1,234,567", False, 1234567.0, "1234567"),
        ("8,123,45", False, 8123.45, "8123.45"),  # typo: decimal comma after a thousands comma
        ("0.64", False, 0.64, "0.64"),
        ("3,58", True, 3.58, "3.58"),
        ("6.212", True, 6212.0, "6212"),
        ("15.420,75", True, 15420.75, "15420.75"),
        ("1.234.567", False, 1234567.0, "1234567"),
        ("007", False, 7.0, "7"),
    ],
    ids=lambda x: str(x),
)
def test_parse_number(token, decimal_comma, value, text):
    assert parse_number(token, decimal_comma=decimal_comma) == (value, text)


def test_decimal_comma_detected_from_the_text():
    assert uses_decimal_comma("Der Index gab 0,85 Prozent nach, der andere 1,2 Prozent.")
    assert not uses_decimal_comma("The index fell 0.85 per cent to 12,450.")


@pytest.mark.parametrize(
    ("after", "unit"),
    [
        ("% lower", "pct"),
        (" per cent", "pct"),
        (" percent", "pct"),
        ("pc higher", "pct"),
        (" pct", "pct"),
        (" Prozent", "pct"),
        (" points", "points"),
        (" pts", "points"),
        ("-point gain", "points"),
        (" basis points", "basis"),
        (" bps", "basis"),
        (" percentage points", "basis"),
        (" shares", None),
    ],
)
def test_unit_after(after, unit):
    assert unit_after(after)[0] == unit


@pytest.mark.parametrize(
    ("before", "hedge"),
    [
        ("fell nearly ", "nearly"),
        ("rose more than ", "more than"),
        ("was down about ", "about"),
        ("lost almost ", "almost"),
        ("gained around ", "around"),
        ("dropped as much as ", "as much as"),
        ("climbed over ", "over"),
        ("slipped just under ", "just under"),
        ("fell by roughly ", "roughly"),
        ("fell ", None),
    ],
)
def test_hedge_before(before, hedge):
    assert hedge_before(before) == hedge
