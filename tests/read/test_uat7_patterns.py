"""Patterns behind the misses of the fact-checker's seventh review, on sentences written for this file.

No sentence here comes from a benchmark, a development passage or the reviewer's articles.
"""

from __future__ import annotations

from eventstudy.read import read_article


def _claims(text: str, published: str | None = None, ticker: str | None = None):
    return [c for c in read_article(text, published=published).claims if ticker is None or c.ticker == ticker]


def test_period_after_a_sentence_opener_scopes_both_indices_past_an_aside():
    text = (
        "All in all, over the quarter the Dax gained 2.4%, lifted by its carmakers and chemical "
        "groups, while the Cac 40 shed 1.3%."
    )
    dax, cac = _claims(text, "2022-07-04")
    assert (dax.period, cac.period) == ("quarter", "quarter")


def test_period_after_the_first_number_survives_an_agent_clause_before_while():
    text = (
        "The Nikkei 225 added 3.2% in the month, boosted by exporters and a weaker yen, "
        "whereas the Topix lost 0.7%."
    )
    nikkei, topix = _claims(text, "2022-09-01")
    assert (nikkei.period, topix.period) == ("month", "month")


def test_an_agent_clause_does_not_carry_a_period_to_a_day_move():
    text = (
        "The Nikkei 225 added 3.2% in the month, boosted by exporters and a weaker yen, "
        "whereas the Topix lost 0.7% on Wednesday."
    )
    (topix,) = _claims(text, "2022-09-01", "^TOPX")
    assert (topix.kind, topix.period) == ("close", None)
