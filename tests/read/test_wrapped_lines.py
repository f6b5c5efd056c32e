"""Hard-wrapped text (pasted from an e-mail or a fixed-width wire): a line break inside a
sentence is not a sentence end, while headlines, datelines, table rows and live-blog entries
keep their own lines. Every text is written for this file."""

from __future__ import annotations

from eventstudy.read import read_article
from eventstudy.read.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_a_wrapped_paragraph_keeps_each_index_its_own_numbers():
    text = (
        "LONDON, 11 May 2022 - Shares in London rose on Wednesday after a calmer\n"
        "session in Asia, and the blue-chip FTSE 100 index of\n"
        "leading shares gained 1.4 per cent to 7,347.66, while the FTSE 250\n"
        "rose 0.8 per cent to 19,996.5 as banks recovered.\n"
    )
    found = [(c.ticker, c.pct, c.level) for c in read_article(text).claims]
    assert found == [("^FTSE", 1.4, 7347.66), ("^FTMC", 0.8, 19996.5)]


def test_a_line_ending_in_a_function_word_or_a_comma_goes_on():
    assert _sentences("The Dow fell 1% on Monday, and the\nNasdaq Composite lost 2%.") == [
        "The Dow fell 1% on Monday, and the\nNasdaq Composite lost 2%."
    ]
    assert _sentences("Stocks fell on Monday,\nThe Dow lost 1%.") == [
        "Stocks fell on Monday,\nThe Dow lost 1%."
    ]


def test_headlines_table_rows_and_stamped_entries_keep_their_lines():
    text = (
        "Markets slide as rate fears return\n"
        "FTSE 100: 7,100.5 (-1.2%)\n"
        "Dax 13,900.1 -0.8%\n"
        "16:40 GMT - The FTSE 100 has closed 1.2% lower.\n"
        "09:05 GMT - London opens lower"
    )
    assert _sentences(text) == [
        "Markets slide as rate fears return",
        "FTSE 100: 7,100.5 (-1.2%)",
        "Dax 13,900.1 -0.8%",
        "16:40 GMT - The FTSE 100 has closed 1.2% lower.",
        "09:05 GMT - London opens lower",
    ]
