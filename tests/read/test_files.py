"""read_file: every kind of unreadable input is a one-line ArticleError naming the path."""

from __future__ import annotations

from datetime import date

import pytest

from eventstudy.exceptions import ArticleError, NoDateError
from eventstudy.read import read_file


def test_missing_file(tmp_path):
    p = tmp_path / "nope.txt"
    with pytest.raises(ArticleError, match=r"nope\.txt: no such file"):
        read_file(p)


def test_directory(tmp_path):
    with pytest.raises(ArticleError, match="is a directory"):
        read_file(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\t  \n"])
def test_empty_or_whitespace(tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    with pytest.raises(ArticleError, match=r"empty\.txt: is empty"):
        read_file(p)


def test_binary_with_nul_bytes(tmp_path):
    p = tmp_path / "image.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ArticleError, match="binary"):
        read_file(p)


def test_mostly_control_characters(tmp_path):
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(range(1, 9)) * 50 + b"text")
    with pytest.raises(ArticleError, match="non-text"):
        read_file(p)


def test_not_utf8_says_which_encoding_is_expected(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Le CAC 40 a gagné 1,2 %".encode("latin-1"))
    with pytest.raises(ArticleError, match="not valid UTF-8.*UTF-8"):
        read_file(p)


def test_messages_are_one_line(tmp_path):
    with pytest.raises(ArticleError) as e:
        read_file(tmp_path / "x.txt")
    assert "\n" not in str(e.value)
    assert e.value.path.endswith("x.txt")


def test_no_date_names_the_fix(tmp_path):
    p = tmp_path / "undated.txt"
    p.write_text("The FTSE 100 rose 0.4% to 7,010.", encoding="utf-8")
    with pytest.raises(NoDateError, match=r"undated\.txt.*--published YYYY-MM-DD"):
        read_file(p)


def test_published_option_and_bom(tmp_path):
    p = tmp_path / "dated.txt"
    p.write_bytes("\ufeffThe FTSE 100 rose 0.4% to 7,010.".encode())
    a = read_file(p, published="2022-03-09")
    assert a.published == date(2022, 3, 9)
    assert a.source == str(p)
    assert a.claims[0].ticker == "^FTSE"


def test_bad_published_value(tmp_path):
    p = tmp_path / "dated.txt"
    p.write_text("The FTSE 100 rose 0.4%.", encoding="utf-8")
    with pytest.raises(ArticleError, match="YYYY-MM-DD"):
        read_file(p, published="last Tuesday")


def test_yearless_wire_dateline_says_what_is_missing(tmp_path):
    f = tmp_path / "wire.txt"
    f.write_text("PARIS, Nov 3 (Wire) - French shares rose, with the CAC 40 up 0.4 per cent.\n")
    with pytest.raises(
        NoDateError,
        match=r"gives 'PARIS, Nov 3' but no year; give published='YYYY-MM-DD' \(on the command line: --published YYYY-MM-DD\)",
    ):
        read_file(f)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read(tmp_path, encoding):
    # Windows editors save "Unicode" text as UTF-16 with a byte-order mark
    p = tmp_path / "a.txt"
    text = "London, 9 March 2022 - The FTSE 100 rose 3.3 per cent to 7,190.72."
    bom = b"\xfe\xff" if encoding == "utf-16-be" else b""
    p.write_bytes(bom + text.encode(encoding))
    art = read_file(p)
    assert art.published == date(2022, 3, 9)
    assert [(c.ticker, c.pct) for c in art.claims] == [("^FTSE", 3.3)]


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be"])
def test_utf32_with_a_byte_order_mark_is_read(tmp_path, encoding):
    p = tmp_path / "a.txt"
    text = "London, 9 March 2022 - The FTSE 250 rose 2.6 per cent to 20,495.31."
    bom = b"\x00\x00\xfe\xff" if encoding == "utf-32-be" else b""  # ("utf-32" writes its own mark)
    p.write_bytes(bom + text.encode(encoding))
    art = read_file(p)
    assert [(c.ticker, c.pct) for c in art.claims] == [("^FTMC", 2.6)]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_or_32_without_a_byte_order_mark_says_so(tmp_path, encoding):
    p = tmp_path / "a.txt"
    p.write_bytes("London, 9 March 2022 - The FTSE 100 rose 3.3 per cent.".encode(encoding))
    with pytest.raises(ArticleError, match="without a byte-order mark; save the article as UTF-8"):
        read_file(p)


def test_a_given_date_that_differs_from_the_dateline_is_noted():
    from eventstudy.read import read_article

    text = "LONDON, March 9, 2022 - The FTSE 250 closed up 2.6 per cent."
    a = read_article(text, published="2022-03-10")
    assert a.published == date(2022, 3, 10)
    assert any("2022-03-10" in n and "2022-03-09" in n and "dateline" in n for n in a.notes)
    assert not read_article(text, published="2022-03-09").notes
