"""Printed precision and hedge words -> accepted ranges."""

from __future__ import annotations

import math

import pytest

from eventstudy.check.tolerance import Interval, half_unit, hedge_group, magnitude_interval


@pytest.mark.parametrize(
    "text, value, expected",
    [
        ("0.8", 0.8, 0.05),
        ("0.64", 0.64, 0.005),
        ("7,500", 7500, 0.5),
        ("7500", 7500.0, 0.5),
        ("21755.73", 21755.73, 0.005),
        (None, 21755.73, 0.005),
        (None, 3.0, 0.05),  # repr(3.0) == "3.0": one decimal
        (None, 250, 0.5),
        ("n/a", 1.25, 0.005),  # unreadable text: fall back to the number
    ],
    ids=["0.8", "0.64", "7,500", "7500", "level", "repr-level", "repr-3.0", "repr-int", "bad-text"],
)
def test_half_unit(text, value, expected):
    assert half_unit(text, value) == pytest.approx(expected)


@pytest.mark.parametrize(
    "hedge, group",
    [
        (None, "exact"),
        ("nearly", "nearly"),
        ("Almost", "nearly"),
        ("just under", "nearly"),
        ("more than", "lower"),
        ("over", "lower"),
        ("less than", "upper"),
        ("about", "about"),
        ("around", "about"),
        ("as much as", "extreme"),
        ("fell by more than", "lower"),
        ("somewhat", "about"),
    ],
)
def test_hedge_group(hedge, group):
    assert hedge_group(hedge) == group


def test_exact_interval_is_half_a_unit():
    iv = magnitude_interval(0.8, "0.8", None)
    assert iv.contains(0.75) and iv.contains(0.85)
    assert not iv.contains(0.7499) and not iv.contains(0.8501)


def test_nearly_is_a_bit_under_and_never_over():
    # the lower of 10 % below 4 and what rounds to 4 (3.5), less a tenth of the half unit, up to 4
    # plus that tenth: 3.45 .. 4.05 ("nearly 4 %" is no stricter below than "4 %")
    iv = magnitude_interval(4, "4", "nearly")
    assert iv.lo == pytest.approx(3.45) and iv.hi == pytest.approx(4.05)
    assert iv.contains(3.5) and iv.contains(4.0) and iv.contains(4.04)
    assert not iv.contains(3.4) and not iv.contains(4.41)  # a 4.41 % fall is not "nearly 4 %"
    assert magnitude_interval(2, "2", "nearly").contains(1.56)  # as "2 %" would
    iv = magnitude_interval(4.0, "4.0", "nearly")  # one decimal: 3.595 .. 4.005
    assert iv.lo == pytest.approx(3.595) and iv.hi == pytest.approx(4.005)
    level = magnitude_interval(7500, "7,500", "nearly", level=True)  # 1 % below for a level
    assert level.lo == pytest.approx(7424.95) and level.hi == pytest.approx(7500.05)


def test_more_than_has_no_upper_bound_and_a_bound_at_the_printed_number():
    iv = magnitude_interval(200, "200", "more than")
    assert iv.lo == pytest.approx(199.95) and math.isinf(iv.hi)
    # "more than 4 %" is false for a 3.9 % move, though 3.9 rounds to 4
    assert not magnitude_interval(4, "4", "more than").contains(3.914)


def test_less_than_is_bounded_above_at_the_printed_number():
    iv = magnitude_interval(0.1, "0.1", "less than")
    assert iv.contains(0.0) and iv.contains(0.1049) and not iv.contains(0.106)


def test_about_widens_by_five_percent_for_moves_half_percent_for_levels():
    move = magnitude_interval(2, "2", "about")
    assert move.lo == pytest.approx(1.5) and move.hi == pytest.approx(2.5)  # half unit (0.5) > 5 %
    move = magnitude_interval(2.0, "2.0", "about")
    assert move.lo == pytest.approx(1.9) and move.hi == pytest.approx(2.1)
    level = magnitude_interval(7000, "7000", "about", level=True)
    assert level.lo == pytest.approx(6965) and level.hi == pytest.approx(7035)


def test_about_and_as_much_as_contain_the_exact_range_bounds_cut_it():
    exact = magnitude_interval(3.2, "3.2", None)
    for hedge in ("about", "as much as", "unheard-of"):
        iv = magnitude_interval(3.2, "3.2", hedge)
        assert iv.lo <= exact.lo and iv.hi >= exact.hi, hedge
    assert magnitude_interval(3.2, "3.2", "more than").hi >= exact.hi
    assert magnitude_interval(3.2, "3.2", "less than").lo <= exact.lo
    # "nearly" reaches below the exact range but stops just above the printed number
    nearly = magnitude_interval(3.2, "3.2", "nearly")
    assert nearly.lo <= exact.lo and nearly.hi < exact.hi


def test_interval_helpers():
    iv = Interval(1.0, 2.0)
    assert iv.signed(-1) == Interval(-2.0, -1.0)
    assert iv.overlaps(Interval(1.9, 5)) and not iv.overlaps(Interval(2.1, 5))
    assert iv.widen(0.5) == Interval(0.5, 2.5)


def test_no_less_than_is_a_lower_bound_and_not_more_than_an_upper_one():
    from eventstudy.read import read_article

    (c,) = read_article("NEW YORK, May 18, 2022 - The Dow shed no less than 1,100 points.").claims
    assert c.hedge == "no less than" and hedge_group(c.hedge) == "lower"
    (d,) = read_article("NEW YORK, May 18, 2022 - The Dow shed not more than 1,100 points.").claims
    assert d.hedge == "not more than" and hedge_group(d.hedge) == "upper"
