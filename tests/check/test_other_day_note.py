"""A contradicted close whose precise figures hold on the next or previous session says so
(a Friday figure given for Thursday), on the bundled FTSE 100 prices."""

from __future__ import annotations

from datetime import date

from eventstudy.check import check_claim
from eventstudy.prices.bundled import BundledSource
from eventstudy.read.model import Claim


def _close(day: date, **kw) -> Claim:
    fields = {"pct": None, "points": None, "level": None, **kw}
    return Claim("FTSE 100", "^FTSE", "down", kind="close", trading_date=day, **fields)


def test_the_next_sessions_figures_given_for_a_day_are_named():
    # 10 June 2022: 7,476.21 -> 7,317.52 (-2.12 %); the claim puts that on Thursday 9 June
    c = _close(date(2022, 6, 9), pct=2.12, pct_text="2.12", level=7317.52, level_text="7317.52")
    v = check_claim(c, BundledSource())
    assert v.status == "contradicted"
    assert any("hold for the close of 2022-06-10 (the session after)" in n for n in v.notes)


def test_the_previous_sessions_figures_are_named_too():
    # 9 June 2022 (-1.54 % to 7,476.21) given for Friday 10 June
    c = _close(date(2022, 6, 10), pct=1.54, pct_text="1.54", level=7476.21, level_text="7476.21")
    v = check_claim(c, BundledSource())
    assert v.status == "contradicted"
    assert any("2022-06-09 (the session before)" in n for n in v.notes)


def test_no_note_for_a_rough_figure_or_one_that_holds_nowhere():
    rough = check_claim(_close(date(2022, 6, 9), pct=2.1, pct_text="2.1"), BundledSource())
    assert rough.status == "contradicted" and not any("same figures" in n for n in rough.notes)
    made_up = _close(date(2022, 6, 9), pct=5.55, pct_text="5.55", level=7000.0, level_text="7000")
    v = check_claim(made_up, BundledSource())
    assert v.status == "contradicted" and not any("same figures" in n for n in v.notes)


def test_a_single_percentage_is_not_enough_to_name_another_day():
    # 1.54 % alone could match a neighbour by chance: no note without a level or points
    v = check_claim(_close(date(2022, 6, 10), pct=1.54, pct_text="1.54"), BundledSource())
    assert v.status == "contradicted" and not any("same figures" in n for n in v.notes)
