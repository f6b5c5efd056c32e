"""Text pasted with its HTML markup is read as the page's text."""

from __future__ import annotations

from datetime import date

from eventstudy.read import read_article
from eventstudy.read.markup import html_to_text, looks_like_html


def test_blocks_become_paragraphs_and_entities_are_decoded():
    out = html_to_text(
        "<h2>Markets</h2><p>The S&amp;P&nbsp;500 rose 1%.<br>Bonds fell.</p>"
        "<script>var x = '<p>';</script><!-- ad --><div>The FTSE 100 fell.</div>"
    )
    assert out == "Markets\n\nThe S&P 500 rose 1%.\nBonds fell.\n\nThe FTSE 100 fell."


def test_plain_text_with_a_less_than_sign_is_not_html():
    assert not looks_like_html("The index fell < 1% as yields rose > 2%.")
    assert looks_like_html("<p>The index fell.</p>")


def test_paragraphs_of_pasted_html_do_not_run_together():
    # without the markup removed, "... on Wednesday.</p><p>The S&amp;P 500 ..." is one sentence
    # and the S&P would not be named at all
    art = read_article(
        "<p>NEW YORK, March 16, 2022 - Stocks rallied after the Fed raised rates on Wednesday.</p>"
        "<p>The S&amp;P 500 gained 2.2% and the Nasdaq Composite jumped 3.8%.</p>"
    )
    assert art.published == date(2022, 3, 16)
    assert [(c.ticker, c.pct, c.trading_date) for c in art.claims] == [
        ("^GSPC", 2.2, date(2022, 3, 16)),
        ("^IXIC", 3.8, date(2022, 3, 16)),
    ]
    assert any("HTML markup removed" in n for n in art.notes)


def test_a_meta_publication_time_is_the_dateline():
    art = read_article(
        '<html><head><meta property="article:published_time" content="2022-02-25T16:45:00Z">'
        "</head><body><p>The FTSE 100 rose 3.9% today.</p></body></html>"
    )
    assert art.published == date(2022, 2, 25)


def test_asides_and_navigation_are_not_the_article():
    page = (
        "<html><body><nav><a>Markets</a> <a>FTSE 250 jumps 3% on Friday</a></nav><article><p>LONDON, 16 "
        "June 2022 - The FTSE 100 fell 3.1 per cent to 7,044.98 on Thursday.</p><aside class=related>"
        "<ul><li>FTSE 100 rose 2 per cent to 7,600 on Monday</li></ul></aside></article></body></html>"
    )
    found = [(c.ticker, c.direction, c.pct) for c in read_article(page).claims]
    assert found == [("^FTSE", "down", 3.1)]


def test_an_aside_inside_an_aside_ends_with_the_outer_one():
    page = "<p>Before.</p><aside><p>a</p><aside>b</aside><p>FTSE 100 up 2%</p></aside><p>After.</p>"
    assert html_to_text(page) == "Before.\n\nAfter."
