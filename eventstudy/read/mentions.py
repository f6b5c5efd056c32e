"""Where an article names a stock index: names, aliases, places and references.

Words are tokenised once and looked up in a table of token sequences (longest match
first), so finding mentions is linear in the length of the text whatever the number of
aliases. Four kinds of mention come out:

``name``   a registry name or alias ("FTSE 250", "Footsie", "the mid-cap index")
``other``  an index we do not support ("Nasdaq-100", "Hang Seng Tech Index"), reported
           with no ticker rather than mapped to a look-alike
``place``  a city, country or market word that stands for the market's headline index
           ("Tokyo stocks", "in Paris", "German and French stock markets")
``ref``    a reference resolved later to an index already named ("the index", "the
           benchmark", "the former", "the latter", "it")
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress

from ..indices import INDICES, OTHER_INDICES, Index, OtherIndex

__all__ = ["Mention", "find_mentions", "TOKEN_RE"]

#: A word: letters/digits joined by ``' & / . -`` (one separator between runs: linear).
TOKEN_RE = re.compile(r"[^\W_]+(?:['’&/.\-][^\W_]+)*")

Target = Index | OtherIndex | str


@dataclass(frozen=True)
class Mention:
    """One mention of an index in a text.

    Attributes
    ----------
    start, end
        Character offsets in the text searched.
    text
        The words as printed.
    kind
        ``"name"``, ``"other"``, ``"place"``, ``"ref"`` or ``"skip"`` (volatility index).
    target
        The :class:`~eventstudy.indices.Index` or :class:`~eventstudy.indices.OtherIndex`
        meant, or for a reference its type (``"index"``, ``"former"``, ``"latter"``, ``"it"``).
    weak
        A place known only from a preposition ("in Paris"): it counts only when a percentage
        follows before any other mention.
    """

    start: int
    end: int
    text: str
    kind: str
    target: Target
    weak: bool = False


def _key(tok: str) -> str:
    k = tok.lower().replace("’", "'")
    if k.endswith("'s"):
        k = k[:-2]
    elif k.endswith("'"):
        k = k[:-1]
    return k


def _keys(phrase: str) -> tuple[str, ...]:
    return tuple(_key(m.group(0)) for m in TOKEN_RE.finditer(phrase))


_REFS = {
    ("the", "index"): "index",
    ("the", "benchmark"): "index",
    ("the", "benchmark", "index"): "index",
    ("the", "main", "index"): "index",
    ("the", "gauge"): "index",
    ("the", "benchmark", "gauge"): "index",
    ("the", "measure"): "index",
    ("the", "barometer"): "index",
    ("the", "average"): "index",
    ("the", "former"): "former",
    ("the", "latter"): "latter",
    ("der", "index"): "index",
    ("der", "leitindex"): "index",
    ("l'indice",): "index",
    ("it",): "it",
}

#: Single-word aliases that are also ordinary words: they must be capitalised in the text.
_NEEDS_CAPITAL = {"dow", "russell", "us", "uk"}

_MARKET_WORDS = {
    "stocks",
    "stock",
    "shares",
    "equities",
    "market",
    "markets",
    "bourse",
    "bourses",
    "index",
    "indices",
    "indexes",
    "benchmark",
    "blue",
    "blue-chip",
    "blue-chips",
    "exchange",
    "aktien",
    "börse",
    "börsen",
    "trading",
    "bolsa",
    "borsa",
    "stockmarket",
    "stockmarkets",
}
_CONNECT = {"and", "&", "or", "und", "et", "y", "e", "as", "well", "the"}
_PREPOSITIONS = {"in", "at", "στο", "στη", "à", "a", "en", "an", "der", "di"}
_CITY_ONLY = {
    # headline-index places that are not adjectives or countries (weak "in X" allowed)
    "london",
    "frankfurt",
    "paris",
    "milan",
    "madrid",
    "tokyo",
    "hong kong",
    "shanghai",
    "seoul",
    "sydney",
    "mumbai",
    "toronto",
    "mailand",
    "milano",
    "francfort",
    "fráncfort",
    "francoforte",
    "londres",
    "londra",
    "parigi",
    "parís",
    "tokio",
    "frankfurt am main",
    "new york",
    "hongkong",
}


def _build() -> dict[str, list[tuple[tuple[str, ...], str, Target]]]:
    table: dict[str, list[tuple[tuple[str, ...], str, Target]]] = {}

    def add(keys: tuple[str, ...], kind: str, target: Target) -> None:
        if not keys:
            return
        bucket = table.setdefault(keys[0], [])
        if any(k == keys for k, _, _ in bucket):
            return
        bucket.append((keys, kind, target))

    for ox in OTHER_INDICES:  # first, so that "nasdaq 100" beats "nasdaq"
        for n in ox.names:
            add(_keys(n), "skip" if ox.volatility else "other", ox)
    for ix in INDICES:
        for n in ix.names:
            keys = _keys(n)
            if keys and keys[0] == "the":
                keys = keys[1:]
            add(keys, "name", ix)
        for p in ix.places:
            add(_keys(p), "place", ix)
    for keys, ref in _REFS.items():
        add(keys, "ref", ref)
    for bucket in table.values():
        bucket.sort(key=lambda e: -len(e[0]))
    return table


_TABLE = _build()


def _trie() -> dict:
    root: dict = {}
    for bucket in _TABLE.values():
        for keys, kind, target in bucket:
            node = root
            for k in keys:
                node = node.setdefault(k, {})
            node.setdefault("\0", (kind, target))
    return root


_TRIE = _trie()
#: Keys a mention can start with: a first word of the trie, or "index" (an unknown "... Index").
_STARTERS = frozenset(_TRIE) | {"index"}


def _extend_same(keys: list[str], i: int, end_tok: int, target: Target) -> int:
    """End of the longest name of ``target`` that overlaps ``[i, end_tok)`` and goes further.

    "Japan's Nikkei" and "Nikkei share average" are both names of the Nikkei 225: the text
    "Japan's Nikkei share average" is one mention.
    """
    n = len(keys)
    best = end_tok
    for k in range(i + 1, end_tok):
        node = _TRIE.get(keys[k])
        j = k + 1
        while node is not None:
            term = node.get("\0")
            if term is not None and term[1] is target and j > best:
                best = j
            if j >= n:
                break
            node = node.get(keys[j])
            j += 1
    return best


class _Toks:
    """The words of a text with their keys and character offsets.

    ``toks[i]`` is ``(start, end, word as printed, key)``. The words and their offsets are
    taken from one ``finditer`` with ``map`` (no Python code runs per word).
    """

    __slots__ = ("text", "src", "words", "keys", "_pos")

    def __init__(self, text: str) -> None:
        low = text.lower()
        self.text = text
        self.src = low if len(low) == len(text) else text
        found = list(TOKEN_RE.finditer(self.src))
        self.words = list(map(re.Match.group, found))
        self._pos = list(map(re.Match.start, found))
        if self.src is text:
            self.keys = [_key(w) for w in self.words]
        elif "'" not in low and "’" not in low:
            self.keys = self.words  # lower-cased, no apostrophe: every word is its own key
        else:
            self.keys = [w if "'" not in w and "’" not in w else _key(w) for w in self.words]

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i: int) -> tuple[int, int, str, str]:
        s = self._pos[i]
        e = s + len(self.words[i])
        return s, e, self.text[s:e], self.keys[i]


def find_mentions(text: str) -> list[Mention]:
    """Every index mention in ``text`` (a sentence), in order.

    Parameters
    ----------
    text
        The text to search; offsets in the result are relative to it.

    Returns
    -------
    list of Mention
        Non-overlapping mentions; places that are not about a market are left out.
    """
    toks = _Toks(text)
    keys = toks.keys
    n = len(keys)
    out: list[Mention] = []
    pos = 0  # the first token not yet part of a mention
    # only tokens that can start a name (or an unknown "... Index") need a look
    for i in compress(range(n), map(_STARTERS.__contains__, keys)):
        if i < pos:
            continue
        node = _TRIE.get(keys[i])
        hit = None
        if node is not None:
            ends = []  # (length, kind, target) of every name that starts here, shortest first
            j = i + 1
            while True:
                term = node.get("\0")
                if term is not None:
                    ends.append((j - i, *term))
                if j >= n:
                    break
                node = node.get(keys[j])
                if node is None:
                    break
                j += 1
            for L, kind, target in reversed(ends):
                if True:
                    first = toks[i][2]
                    if L == 1 and keys[i] in _NEEDS_CAPITAL and not first[:1].isupper():
                        continue
                    if kind == "place" and not first[:1].isupper():
                        continue
                    if L == 1 and first in ("US", "U.S") and kind == "place":
                        pass
                    elif L == 1 and keys[i] == "us" and first != "US":
                        continue
                    hit = (L, kind, target)
                    break
        if hit is None:
            # a capitalised name ending in "Index" that we do not know: an unsupported index
            if keys[i] == "index" and i > 0 and toks[i][2][:1] == "I":
                j = i
                while (
                    j > 0
                    and i - j < 4
                    and toks[j - 1][2][:1].isupper()
                    and keys[j - 1]
                    not in (
                        "the",
                        "a",
                    )
                    and text[toks[j - 1][1] : toks[j][0]].strip() == ""
                ):
                    j -= 1
                generic = all(k in _GENERIC for k in keys[j:i])
                if j < i and not generic and (not out or out[-1].end <= toks[j][0]):
                    name = text[toks[j][0] : toks[i][1]]
                    out.append(Mention(toks[j][0], toks[i][1], name, "other", OtherIndex(name, None, ())))
            pos = i + 1
            continue
        L, kind, target = hit
        end_tok = i + L
        if kind == "name":
            end_tok = _extend_same(keys, i, end_tok, target)
        # swallow a trailing "index" ("the FTSE 250 index")
        if kind in ("name", "other") and end_tok < n and keys[end_tok] in ("index", "indices"):
            end_tok += 1
        if kind in ("name", "other") and end_tok < n and _is_company_attribute(keys[end_tok]):
            # "FTSE 250-listed Wizz Air", "Cineworld, a FTSE 250 constituent": a company, not
            # the index; the mention blocks the numbers after it from the index before it
            end_tok += 1
            start, end = toks[i][0], toks[end_tok - 1][1]
            out.append(Mention(start, end, text[start:end], "skip", target))
            pos = end_tok
            continue
        start, end = toks[i][0], toks[end_tok - 1][1]
        weak = False
        if kind == "place":
            ok, weak = _place_ok(toks, i, end_tok, " ".join(keys[i:end_tok]))
            if (
                not ok
                and out
                and out[-1].kind == "place"
                and i >= 1
                and keys[i - 1] in ("and", "und", "et", "or")
            ):
                # "in Germany and France": the second place shares the first one's market
                ok, weak = (
                    re.fullmatch(r"\s*(?:,|and|und|et|or)\s*", text[out[-1].end : start]) is not None,
                    out[-1].weak,
                )
            if not ok:
                pos = end_tok
                continue
        if kind == "ref" and target == "it":
            # "it" counts only as the subject of a move ("it fell", "it is down", "it still ended")
            verb = end_tok + 1 if end_tok + 1 < n and keys[end_tok] in _IT_ADVERBS else end_tok
            if verb >= n or keys[verb] not in _IT_VERBS or (i > 0 and keys[i - 1] in _NOT_BEFORE_IT):
                pos = end_tok
                continue
        if kind == "place" and out and out[-1].kind in ("name", "other"):
            between = text[out[-1].end : start]
            if re.fullmatch(
                r"\s(?:in|on|at|of|from|στο|στη|σε|à|a|en|an|der|di)\s(?:the\s)?(?:[\w'’-]+\s){0,2}", between
            ):
                pos = end_tok
                continue
        out.append(Mention(start, end, text[start:end], kind, target, weak))
        pos = end_tok
    return out


#: Words after an index name that make it a description of a company.
_COMPANY_NOUNS = frozenset(
    {
        "constituent",
        "constituents",
        "component",
        "components",
        "member",
        "members",
        "company",
        "companies",
        "firm",
        "firms",
        "heavyweight",
        "heavyweights",
        "stalwart",
        "group",
        "insurer",
        "lender",
        "miner",
        "retailer",
        "housebuilder",
        "listing",
    }
)


def _is_company_attribute(key: str) -> bool:
    """Whether a word after an index name makes it describe a company ("-listed", "constituent")."""
    return key in _COMPANY_NOUNS or key.endswith(("-listed", "-quoted", "-traded"))


_GENERIC = {
    "composite",
    "component",
    "benchmark",
    "main",
    "broader",
    "broad",
    "stock",
    "share",
    "price",
    "market",
    "all",
    "the",
    "this",
    "that",
    "its",
    "leading",
    "key",
    "headline",
    "blue-chip",
    "equity",
    "total",
    "return",
    "local",
    "national",
    "world",
    "global",
    "new",
    "first",
    "second",
    "latest",
    "volatility",
}

_NOT_BEFORE_IT = {
    "where",
    "when",
    "than",
    "what",
    "if",
    "that",
    "whether",
    "because",
    "as",
    "since",
    "before",
    "after",
    "until",
}

_IT_ADVERBS = {"still", "also", "then", "later", "eventually", "ultimately", "nonetheless", "nevertheless"}

_IT_VERBS = {
    "is",
    "was",
    "fell",
    "rose",
    "closed",
    "ended",
    "finished",
    "gained",
    "lost",
    "dropped",
    "added",
    "climbed",
    "slipped",
    "slid",
    "has",
    "had",
    "jumped",
    "tumbled",
    "shed",
    "declined",
    "advanced",
    "traded",
    "sank",
    "eased",
    "edged",
    "now",
}


def _place_ok(toks, i: int, j: int, key: str) -> tuple[bool, bool]:
    """Whether a place name at tokens ``i:j`` stands for a market, and whether only weakly."""
    n = len(toks)
    # "Tokyo stocks", "German and French stock markets", "In France and Germany, stock markets"
    k = j
    seen = 0
    while k < n and seen < 5:
        w = toks[k][3]
        if w in _MARKET_WORDS:
            return True, False
        if w not in _CONNECT and not toks[k][2][:1].isupper():
            break
        k += 1
        seen += 1
    # "shares in Paris", "stocks in Tokyo"
    if i >= 2 and toks[i - 1][3] in _PREPOSITIONS and toks[i - 2][3] in _MARKET_WORDS:
        return True, False
    # "in Paris" (a city only): weak
    if i >= 1 and toks[i - 1][3] in _PREPOSITIONS and key in _CITY_ONLY:
        return True, True
    # "London's FTSE 100", "Germany's Dax": a possessive before a name is merged later
    if toks[j - 1][2].lower().replace("’", "'").endswith("'s"):
        return True, True
    return False, False
