"""Index mentions: names, press aliases, places and references (our own sentences)."""

from __future__ import annotations

import pytest

from eventstudy.read import read_article
from eventstudy.read.mentions import find_mentions


def _tickers(text: str, published: str = "2022-03-09") -> list[str | None]:
    return [c.ticker for c in read_article(text, published=published).claims]


@pytest.mark.parametrize(
    ("sentence", "ticker"),
    [
        ("The Footsie edged up 0.2% to 7,330.1.", "^FTSE"),
        ("The blue-chip index slipped 0.4%.", "^FTSE"),
        ("London's benchmark dropped 1.1 per cent.", "^FTSE"),
        ("The mid-cap index rose 0.9 per cent.", "^FTMC"),
        ("The domestically focused FTSE 250 rose 0.9 per cent.", "^FTMC"),
        ("The Dow rose 120 points, or 0.4%.", "^DJI"),
        ("Frankfurt's Dax fell 0.7%.", "^GDAXI"),
        ("The Xetra Dax fell 0.7%.", "^GDAXI"),
        ("The DAX 30 fell 0.7%.", "^GDAXI"),
        ("The DAX 40 fell 0.7%.", "^GDAXI"),
        ("The broader Topix gained 1.3%.", "^TOPX"),
        ("The Hang Seng slid 2.2%.", "^HSI"),
        ("The Shanghai Composite added 0.5%.", "000001.SS"),
        ("Seoul's Kospi dropped 1.4%.", "^KS11"),
        ("The ASX 200 finished 0.3% higher.", "^AXJO"),
        ("The BSE Sensex jumped 1.6%.", "^BSESN"),
        ("The S&P/TSX composite rose 0.8%.", "^GSPTSE"),
        ("Tokyo stocks fell 1.9%.", "^N225"),
        ("Shares in Paris lost 1.2%.", "^FCHI"),
        ("The CAC 40 in Paris lost 1.2%.", "^FCHI"),
        ("The Euro Stoxx 50 added 0.6%.", "^STOXX50E"),
        ("The pan-European Stoxx 600 added 0.6%.", "^STOXX"),
    ],
)
def test_alias_resolves_to_registry_ticker(sentence, ticker):
    assert _tickers(sentence) == [ticker]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Dow Jones Transportation Average sank 2.4%.", "Dow Jones Transportation Average"),
        ("The Dow Jones Composite Average sank 2.4%.", "Dow Jones Composite Average"),
        ("The Nasdaq-100 gained 1.9%.", "Nasdaq-100"),
        ("The Nasdaq 100 gained 1.9%.", "Nasdaq-100"),
        ("The Hang Seng Tech Index fell 4%.", "Hang Seng Tech Index"),
    ],
)
def test_unsupported_index_is_reported_without_ticker(sentence, name):
    (claim,) = read_article(sentence, published="2022-03-09").claims
    assert claim.ticker is None
    assert claim.index == name


def test_names_in_the_registry_are_not_confused_with_look_alikes():
    claims = read_article(
        "The Nasdaq-100 rose 2.2% and the Nasdaq Composite rose 1.8%.", published="2022-03-09"
    ).claims
    assert [(c.index, c.ticker, c.pct) for c in claims] == [
        ("Nasdaq-100", None, 2.2),
        ("Nasdaq Composite", "^IXIC", 1.8),
    ]


def test_reference_resolves_to_last_named_index():
    text = "The FTSE 250 had a rough session. The index shed 1.7% to 19,950.2."
    (claim,) = read_article(text, published="2022-03-09").claims
    assert (claim.ticker, claim.pct, claim.level) == ("^FTMC", 1.7, 19950.2)


def test_former_and_latter():
    text = "Markets in Germany and France diverged, with the former up 0.6% and the latter down 0.3%."
    claims = read_article(text, published="2022-03-09").claims
    assert [(c.ticker, c.direction, c.pct) for c in claims] == [
        ("^GDAXI", "up", 0.6),
        ("^FCHI", "down", 0.3),
    ]


def test_respectively_distributes_the_numbers():
    text = "The Hang Seng and the Kospi gained 1.4% and 0.8% respectively."
    claims = read_article(text, published="2022-03-09").claims
    assert [(c.ticker, c.pct) for c in claims] == [("^HSI", 1.4), ("^KS11", 0.8)]


def test_shared_number_for_coordinated_places():
    claims = read_article(
        "The Spanish and Italian stock markets both dropped about 2%.", published="2022-03-09"
    ).claims
    assert sorted(c.ticker for c in claims) == ["FTSEMIB.MI", "^IBEX"]
    assert all(c.pct == 2.0 and c.hedge == "about" for c in claims)


def test_places_need_a_market_word():
    kinds = [m.kind for m in find_mentions("The minister flew to London after talks in Paris.")]
    # "to London" is not a market; "in Paris" is only a weak (city) mention
    assert "place" not in [k for k, m in zip(kinds, find_mentions("flew to London"), strict=False)]
    assert _tickers("The minister flew to London and said growth would be 2% this year.") == []


def test_overlapping_names_of_one_index_are_one_mention():
    (c,) = read_article("Japan's Nikkei share average added 0.7% by midday.", published="2022-05-27").claims
    assert (c.ticker, c.pct, c.kind) == ("^N225", 0.7, "intraday")


def test_possessive_country_before_an_index_name_is_not_a_second_index():
    claims = read_article("China's blue-chip CSI300 index fell 0.6%.", published="2022-05-27").claims
    assert [(c.index, c.ticker) for c in claims] == [("CSI 300", None)]


def test_other_ftse_family_indices_are_not_the_ftse_100():
    from eventstudy.read import read_article

    text = (
        "The FTSE SmallCap index added 1.2 per cent, the FTSE Fledgling 0.8 per cent and the "
        "FTSE AIM 100 2.1 per cent, while the FTSE China A50 fell 0.5 per cent."
    )
    claims = read_article(text, published="2022-03-10").claims
    assert [(c.index, c.ticker) for c in claims] == [
        ("FTSE SmallCap", None),
        ("FTSE Fledgling", None),
        ("FTSE AIM 100", None),
        ("FTSE China A50", None),
    ]


def test_aim_is_the_aim_market_only_when_capitalised():
    from eventstudy.read import read_article

    (c,) = read_article("London's junior AIM market fell 1.2%.", published="2022-02-28").claims
    assert (c.index, c.ticker) == ("FTSE AIM All-Share", None)
    (d,) = read_article("Investors aim to buy dips; the FTSE 100 fell 0.4%.", published="2022-02-28").claims
    assert d.ticker == "^FTSE"
