"""Text pasted from a web page: HTML tags and entities to plain text.

A journalist may paste the source of a page instead of its text. The reader splits sentences
and paragraphs on line breaks and punctuation, so ``</p><p>`` must become a paragraph break,
not run two paragraphs together ("...points.</p><p>In New York ..."), and ``&amp;`` must
become ``&`` ("S&amp;P 500").
"""

from __future__ import annotations

import html
import re

__all__ = ["looks_like_html", "html_to_text"]

#: A tag that ends a block of text (a paragraph, heading, list item, table row or cell).
_BLOCK = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|blockquote|figcaption)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
_BREAK = re.compile(r"<br\b[^<>]{0,200}>", re.IGNORECASE)
#: The start of what holds no article text: a script, a style, a comment, or an aside or a
#: navigation block (related links: "FTSE 100 rose 2% on Monday" is another story's headline)
#: (its end is found with ``str.find``, so that an unclosed one costs one pass, not one per start).
_HIDDEN_START = re.compile(r"<(script|style|aside|nav)\b[^<>]{0,2000}>|<!--", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,2000}>")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def _drop_hidden(text: str) -> str:
    """``text`` without scripts, styles, comments, asides and navigation blocks (an unclosed
    one runs to the end; an aside inside an aside ends with the outer one)."""
    low = text.lower()
    out: list[str] = []
    pos = 0
    while True:
        m = _HIDDEN_START.search(text, pos)
        if m is None:
            out.append(text[pos:])
            return " ".join(out)
        out.append(text[pos : m.start()])
        tag = m.group(1).lower() if m.group(1) else None
        close = f"</{tag}" if tag else "-->"
        end = low.find(close, m.end())
        if tag in ("aside", "nav"):
            # skip the closing tags of blocks of the same name opened inside this one
            opened = low.count(f"<{tag}", m.end(), end) if end >= 0 else 0
            while end >= 0 and opened:
                nxt = low.find(close, end + 1)
                opened += low.count(f"<{tag}", end, nxt if nxt >= 0 else len(low)) - 1
                end = nxt
        if end < 0:
            return " ".join(out)
        pos = text.find(">", end) + 1 if m.group(1) else end + 3
        if pos == 0:  # "</script" with no ">" after it
            return " ".join(out)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds HTML markup: a block tag or a line break tag."""
    return "<" in text and (_BLOCK.search(text) is not None or _BREAK.search(text) is not None)


#: A page's machine-readable publication time ("article:published_time", "datePublished").
_META_PUBLISHED = re.compile(
    r"<meta\b[^<>]{0,300}?(?:article:published_time|datePublished|pubdate)[^<>]{0,300}?content=[\"']"
    r"(\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)",
    re.IGNORECASE,
)


def html_to_text(text: str) -> str:
    """Plain text of an HTML fragment: blocks become paragraphs, other tags go, entities are decoded.

    A ``<meta>`` publication time ("article:published_time") becomes a first line
    ``Published: <time>``, read as the dateline.

    Examples
    --------
    >>> html_to_text("<p>The S&amp;P 500 rose 1%.</p><p>In London the FTSE 100 fell.</p>")
    'The S&P 500 rose 1%.\\n\\nIn London the FTSE 100 fell.'
    """
    meta = _META_PUBLISHED.search(text)
    text = _drop_hidden(text)
    if meta is not None:  # the page's own publication time, as a dateline
        text = f"Published: {meta.group(1)}\n\n{text}"
    text = _BREAK.sub("\n", text)
    text = _BLOCK.sub("\n\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text).replace("\xa0", " ")
    return _BLANK_LINES.sub("\n\n", text).strip()
