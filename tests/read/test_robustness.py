"""The reader never crashes and stays fast on random, adversarial and huge input."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventstudy.exceptions import EventStudyError
from eventstudy.read import read_article
from eventstudy.read.model import Article

_WORDS = [
    "The",
    "the",
    "FTSE",
    "100",
    "250",
    "Footsie",
    "Dow",
    "S&P",
    "500",
    "Nasdaq",
    "Nikkei",
    "Dax",
    "index",
    "benchmark",
    "it",
    "former",
    "latter",
    "rose",
    "fell",
    "up",
    "down",
    "flat",
    "closed",
    "opened",
    "per",
    "cent",
    "percent",
    "%",
    "pc",
    "points",
    "pts",
    "to",
    "at",
    "of",
    "or",
    "and",
    "respectively",
    "nearly",
    "more",
    "than",
    "as",
    "much",
    "between",
    "on",
    "Monday",
    "yesterday",
    "last",
    "night",
    "week",
    "for",
    "the",
    "year",
    "March",
    "3,",
    "2022",
    "-",
    "--",
    "...",
    "(",
    ")",
    "1.2%",
    "-0.5%",
    "7,384,68",
    "21,755.73",
    "1,2",
    "0,77%",
    "$",
    "£",
    "oil",
    "pound",
    "basis",
    "Paris",
    "Tokyo",
    "stocks",
    "in",
    "while",
    "•",
    "\n",
    ":",
    ";",
    "zehn",
    "Prozent",
    "μονάδες",
]


def _check(a: Article) -> None:
    assert isinstance(a, Article)
    for c in a.claims:
        assert c.direction in (None, "up", "down", "flat")
        assert c.kind in ("close", "intraday", "weekly", "other")
        for v in (c.pct, c.points, c.level):
            assert v is None or v >= 0
        assert 0 <= c.span[0] <= c.span[1] <= len(a.text)
        c.to_dict()
    a.to_dict()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text_never_crashes(text):
    try:
        _check(read_article(text, published="2022-03-09"))
    except EventStudyError:
        pass


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), max_size=80), st.sampled_from([None, "2022-03-09", "2022-03-05"]))
def test_market_vocabulary_soup_never_crashes(words, published):
    text = " ".join(words)
    try:
        _check(read_article(text, published=published))
    except EventStudyError:
        pass  # e.g. NoDateError when nothing gives a date


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["1", ",", ".", "-", "%", " ", "(", "S&P", "FTSE 100"]), max_size=300))
def test_number_punctuation_soup_never_crashes(parts):
    _check(read_article("".join(parts), published="2022-03-09"))


_PATHOLOGICAL = {
    "digits": "1" * 1_000_000,
    "separators": "1," * 500_000,
    "names": "FTSE 100 " * 111_111,
    "claims": "The FTSE 100 rose 1.2% to 7,000 on Monday. " * 23_256,
    "references": "it is up 1% " * 83_333,
    "no-spaces": "a" * 1_000_000,
    # wrapped lines: each line break is tested for a wrapped sentence (once, on the line's end)
    "wrapped-lines": "Ab,\n" * 250_000,
    "wrapped-names": "the\nFTSE 100 " * 71_428,
    "mixed": "Dow 1,2,3,4,5,6,7,8,9 -- -1.2% (SPX - 3,4) on Monday last night " * 15_625,
    # markup: unclosed tags and comments, and paragraphs (read through eventstudy.read.markup)
    "html-unclosed": "<p><script>" + "<a href='x " * 100_000,
    "html-comments": "<br><!-- " * 111_111,
    "html-asides": "<p>" + "<aside><aside></aside>" * 45_000,
    "html-paragraphs": "<p>The FTSE 100 rose 1.2% on Monday.</p>" * 24_000,
    # ranking statements (eventstudy.read.rankings): owned, owned by nothing, phrases alone
    "rankings": "The FTSE 100's worst day since March 2020, " * 23_256,
    "rankings-unowned": "It was its best day since 2020. " * 31_250,
    "ranking-phrases": "a six-week low a record high its biggest fall since " * 20_000,
}


@pytest.mark.parametrize("name", sorted(_PATHOLOGICAL))
def test_one_megabyte_of_pathological_text_is_fast(name):
    text = _PATHOLOGICAL[name][:1_000_000]
    t0 = time.perf_counter()
    a = read_article(text, published="2022-03-09")
    elapsed = time.perf_counter() - t0
    _check(a)
    assert elapsed < 2.5, f"{name}: {elapsed:.2f}s for 1 MB"


def test_claims_are_capped_on_huge_input():
    text = "".join(f"The FTSE 100 rose {i % 90 + 0.5:.1f}% to {7000 + i},5. " for i in range(3000))
    a = read_article(text, published="2022-03-09")
    assert 0 < len(a.claims) <= 500


def test_the_claim_cap_is_reported_not_silent():
    from eventstudy.read.extract import MAX_CLAIMS

    text = " ".join(f"The FTSE 100 rose {i % 9 + 1}.{i % 10}% on Monday." for i in range(MAX_CLAIMS + 50))
    art = read_article(text, published="2022-03-08")
    assert len(art.claims) <= MAX_CLAIMS
    assert any(f"reading stopped after {MAX_CLAIMS} claims" in n for n in art.notes)
