"""The seed article must read exactly as specified."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventstudy.read import read_article, read_file

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_9f114ec4d93074be.txt"


@pytest.fixture(scope="module")
def seed():
    return read_file(SEED)


def test_publication_date_from_the_quoted_date(seed):
    assert seed.published == date(2022, 2, 15)
    assert seed.event_date == date(2022, 2, 15)


def test_one_claim_as_specified(seed):
    (c,) = seed.claims
    assert (c.index, c.ticker, c.direction) == ("FTSE 250", "^FTMC", "up")
    assert (c.pct, c.level, c.points) == (0.64, 21755.73, None)
    assert (c.pct_text, c.level_text) == ("0.64", "21755.73")
    assert c.kind == "intraday"
    assert c.trading_date == date(2022, 2, 15)
    assert "21,755.73" in c.text


def test_published_overrides_the_text():
    a = read_article(SEED.read_text(encoding="utf-8"), published="2022-02-16")
    assert a.published == date(2022, 2, 16)
    assert a.claims[0].trading_date == date(2022, 2, 16)
