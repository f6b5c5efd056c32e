"""Patterns behind the misses of heldout14, on sentences written for this file.

No sentence here comes from a benchmark or development passage.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventstudy.read import read_article


def _claims(text: str, published: str, ticker: str | None = None):
    return [c for c in read_article(text, published=published).claims if ticker is None or c.ticker == ticker]


@pytest.mark.parametrize(
    "opener",
    ["", "Good morning. This morning Asian markets are quiet. "],
    ids=["review", "morning-note"],
)
def test_a_level_reached_on_the_day_is_a_close_inside_a_weekly_story(opener):
    text = opener + (
        "The Nasdaq lost 4% last week, a fifth weekly loss in a row, and sank sharply on Friday "
        "morning before late buying left it little changed on the day at 11,354.62."
    )
    week, day = _claims(text, "2022-05-16", "^IXIC")
    assert (week.kind, week.pct) == ("weekly", 4.0)
    assert (day.direction, day.level, day.kind) == ("flat", 11354.62, "close")
    assert day.trading_date == date(2022, 5, 13)
