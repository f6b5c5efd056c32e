"""Patterns behind the misses of the fact-checker's eighth review, on sentences written for this file.

No sentence here comes from a benchmark, a development passage or the reviewer's articles.
"""

from __future__ import annotations

from datetime import date

from eventstudy.read import read_article


def _claims(text: str, published: str):
    return read_article(text, published=published).claims


def test_a_move_since_an_event_on_a_named_day_is_counted_from_that_day():
    text = (
        "PARIS, 9 March 2022 - The Cac 40 has shed 9 per cent since tanks rolled across the border on "
        "24 February, with banks among the worst hit."
    )
    (cac,) = _claims(text, "2022-03-09")
    assert (cac.period, cac.since, cac.trading_date) == ("multi-day", date(2022, 2, 24), date(2022, 3, 9))


def test_a_day_named_as_the_base_of_a_move_does_not_date_the_next_sentence():
    text = (
        "LONDON, 9 March 2022 - The FTSE 100 has lost 4 per cent since the central bank surprised markets on "
        "3 March. The FTSE 250 fell 1.3 per cent on the day."
    )
    mid = next(c for c in _claims(text, "2022-03-09") if c.ticker == "^FTMC")
    assert mid.trading_date == date(2022, 3, 9)


def test_a_comparison_since_an_event_keeps_the_days_move():
    text = "LONDON, 4 March 2022 - The FTSE 250 had its worst day since the invasion, falling 2.9 per cent."
    (c,) = _claims(text, "2022-03-04")
    assert (c.kind, c.period, c.since) == ("close", None, None)


def test_a_speakers_own_event_on_a_named_day_starts_the_move():
    text = (
        'NEW YORK, 12 May 2022 - "Since our announcement on 2 May the S&P 500 has fallen 7 per cent," the '
        "chief executive said on Thursday."
    )
    (c,) = _claims(text, "2022-05-12")
    assert (c.period, c.since) == ("multi-day", date(2022, 5, 2))


def test_an_opening_that_is_not_the_markets_is_no_intraday_cue():
    text = "LONDON, 11 March 2022 - The FTSE 100 rose 1.5 per cent on Friday as hopes of a diplomatic opening grew."
    (c,) = _claims(text, "2022-03-11")
    assert c.kind == "close"
    text = "LONDON, 11 March 2022 - The FTSE 100 rose 1.5 per cent after opening lower."
    (c,) = _claims(text, "2022-03-11")
    assert c.kind == "intraday"


def test_a_countrys_economy_is_not_its_market():
    text = (
        "FRANKFURT, 8 March 2022 - The Dax slid 1 per cent as gas prices raised fears for Europe's largest "
        "economy. The index is 18 per cent below its 5 January record."
    )
    claims = _claims(text, "2022-03-08")
    assert {c.index for c in claims} == {"DAX"}


def test_a_move_whose_noun_names_the_next_index_is_that_indexs():
    text = "LONDON, 1 June 2022 - The FTSE 250 gained 0.6 per cent, against a 1.4 per cent fall for the Dax."
    mid, dax = _claims(text, "2022-06-01")
    assert (mid.ticker, mid.direction, mid.pct) == ("^FTMC", "up", 0.6)
    assert (dax.ticker, dax.direction, dax.pct) == ("^GDAXI", "down", 1.4)
    # (a move after the next index's name is still that index's own)
    text = "LONDON, 1 June 2022 - The FTSE 250 gained 0.6 per cent and the Dax fell 1.4 per cent."
    mid, dax = _claims(text, "2022-06-01")
    assert (mid.pct, dax.pct) == (0.6, 1.4)
