""" "The blue-chip index" is the blue-chip index of the market in play, not always London's.

The press calls many markets' leading index their "blue-chip index"; only in a piece about
London (or about no other market) is it the FTSE 100. Our own sentences.
"""

from __future__ import annotations

import pytest

from eventstudy.read import read_article


def _claims(text: str) -> list[tuple[str, str | None, float | None]]:
    return [(c.index, c.ticker, c.pct) for c in read_article(text, published="2022-03-09").claims]


@pytest.mark.parametrize(
    ("text", "ticker"),
    [
        ("Japan's blue-chip index lost 1.3% on Tuesday as exporters slid.", "^N225"),
        ("Tokyo's blue-chip index lost 1.3% on Tuesday.", "^N225"),
        ("The Japanese blue-chip index lost 1.3% on Tuesday.", "^N225"),
        ("Italy's blue-chip index gained 0.9% on Tuesday after the bond auction.", "FTSEMIB.MI"),
        ("The Australian blue-chip index slipped 0.4% on Tuesday.", "^AXJO"),
        ("Spain's blue chip index rose 0.7% on Tuesday.", "^IBEX"),
        ("Wall Street's blue-chip index shed 1.1% on Tuesday.", "^DJI"),
        ("In Japan, the blue-chip index lost 1.3% on Tuesday.", "^N225"),
        ("Germany's blue-chip index lost 1.3% on Tuesday.", "^GDAXI"),
        ("Britain's blue-chip index lost 1.3% on Tuesday.", "^FTSE"),
        ("The U.S. blue-chip index lost 1.3% on Tuesday.", "^DJI"),
        ("The blue-chip index lost 1.3% in Tokyo on Tuesday.", "^N225"),
    ],
    ids=[
        "japan",
        "tokyo",
        "japanese",
        "italy",
        "australia",
        "spain",
        "wall-st",
        "in-japan",
        "germany",
        "uk",
        "u.s.",
        "place-after",
    ],
)
def test_a_market_named_with_it_says_which_blue_chips(text, ticker):
    assert [t for _, t, _ in _claims(text)] == [ticker]


def test_a_blue_chip_index_refers_to_the_market_named_before():
    text = "Tokyo shares had a poor session on Tuesday. The blue-chip index finished 1.8% lower."
    assert _claims(text) == [("Nikkei 225", "^N225", 1.8)]


def test_a_place_after_it_beats_the_market_named_before():
    text = "Shares in Tokyo gained 0.9% on Tuesday; the blue-chip index in London shed 0.4%."
    assert [t for _, t, _ in _claims(text)] == ["^N225", "^FTSE"]


def test_in_a_london_piece_the_blue_chip_index_stays_the_ftse_100():
    assert [t for _, t, _ in _claims("The blue-chip index fell 1% on Tuesday.")] == ["^FTSE"]
    text = (
        "The FTSE 250 added 0.3% on Tuesday, and Frankfurt's Dax rose 0.6%. "
        "The blue-chip index, meanwhile, ended 0.2% lower at 7,204.5."
    )
    assert [t for _, t, _ in _claims(text)] == ["^FTMC", "^GDAXI", "^FTSE"]


@pytest.mark.parametrize(
    "text",
    [
        "Brazil's blue-chip index climbed 2.1% on Tuesday.",
        "The Swiss blue-chip index climbed 2.1% on Tuesday.",
    ],
)
def test_a_market_we_do_not_know_is_not_the_ftse_100(text):
    ((name, ticker, pct),) = _claims(text)
    assert ticker is None and pct == 2.1 and "blue-chip index" in name


def test_a_country_without_a_known_blue_chip_index_is_unknown():
    # South Korea's blue chips (the Kospi 200) are not in the registry: not the Kospi, not London's
    ((name, ticker, pct),) = _claims("South Korea's blue-chip index climbed 2.1% on Tuesday.")
    assert (ticker, pct) == (None, 2.1) and "Korea" in name


def test_every_country_with_blue_chips_names_a_known_index():
    from eventstudy.indices import BLUE_CHIPS, INDICES, blue_chip, find, find_other

    countries = {ix.country for ix in INDICES}
    assert set(BLUE_CHIPS) <= countries | {"Europe"}
    for country, name in BLUE_CHIPS.items():
        found = blue_chip(country)
        assert found is not None and found.name == name
        assert (find(name) is found) or (find_other(name) is found)
    assert blue_chip("Canada") is None
    assert find("blue-chip index") is None  # no longer a FTSE 100 alias


def test_a_place_later_in_the_sentence_does_not_take_the_blue_chip_index():
    text = (
        "London, 4 March 2022. The FTSE 250 gave up 3.9% on Friday. The blue-chip index slid 3.5% "
        "as copper miners fell in Hong Kong."
    )
    assert [c.index for c in read_article(text).claims] == ["FTSE 250", "FTSE 100"]


def test_the_blue_chip_index_in_a_city_is_one_claim():
    claims = read_article(
        "The blue-chip index in New York eased 0.3% on Thursday.", published="2022-03-04"
    ).claims
    assert [c.index for c in claims] == ["Dow Jones Industrial Average"]
