"""Where an article names a stock index: names, aliases, places and references.

Only the words that can start a mention are looked at: they are found without tokenising
the whole text (see :func:`_candidates`), and from each the following words are read only as
far as a table of word sequences (a trie, longest match first) and the checks need them, so
finding mentions is linear in the length of the text whatever the number of aliases. Four
kinds of mention come out:

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

from ..indices import INDICES, OTHER_INDICES, Index, OtherIndex
from .lexicon import SECTOR_WORDS

try:  # one pass over a text for many words (optional: else each word looked for is found alone)
    import ahocorasick_rs
except ImportError:  # pragma: no cover - depends on the environment
    ahocorasick_rs = None

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
        meant, or for a reference its type (``"index"``, ``"former"``, ``"latter"``, ``"it"``,
        ``"blue-chip"``).
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
    # an adjective the press puts before the noun: "the tech-heavy gauge", "the key index"
    **{
        ("the", adj, noun): "index"
        for adj in ("key", "tech-heavy", "technology-heavy", "tech-laden", "broader", "wider", "headline")
        for noun in ("index", "gauge", "benchmark", "measure", "barometer", "average")
    },
    # "the blue-chip average": the Dow (see extract._resolve: an adjective picks the index)
    ("the", "blue-chip", "average"): "index",
    # "the blue-chip index", "Japan's blue-chip index": the blue-chip index of the market in
    # play (extract._resolve, indices.blue_chip), not always London's
    **{
        (*the, *blue, noun): "blue-chip"
        for the in ((), ("the",))
        for blue in (("blue-chip",), ("blue", "chip"))
        for noun in ("index", "gauge", "benchmark")
    },
    # "the top index", "the top-tier index": the blue chips too
    **{("the", top, "index"): "blue-chip" for top in ("top", "top-tier", "top-flight")},
    ("the", "barometer"): "index",
    ("the", "average"): "index",
    ("the", "former"): "former",
    ("the", "latter"): "latter",
    ("der", "index"): "index",
    ("der", "leitindex"): "index",
    ("der", "deutsche", "leitindex"): "index",
    ("l'indice",): "index",
    ("it",): "it",
}

#: Single-word aliases that are also ordinary words: they must be capitalised in the text.
_NEEDS_CAPITAL = {"dow", "russell", "us", "uk", "aim"}

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
            # inner: a later word of the name is the first word of a name (see _extend_same)
            inner = any(k in _TABLE for k in keys[1:])
            node.setdefault("\0", (kind, target, inner))
    return root


_TRIE = _trie()
#: Keys a mention can start with: a first word of the trie, or "index" (an unknown "... Index").
_ROOTS = frozenset(_TRIE)
_STARTERS = _ROOTS | {"index"}


#: Characters that join two runs of letters/digits into one word (see ``TOKEN_RE``).
_JOINERS = "'’&/.-"


_search = TOKEN_RE.search

# Finding the words that can start a mention without tokenising the whole text (a regex
# pass over every word costs more than the rest of the search): the text is turned into bytes
# in which every character but an ASCII letter or digit is a space (one byte a character, so
# offsets are kept). A starter begins with a run of ASCII letters/digits (asserted below), its
# "first run". One Aho-Corasick pass over those bytes finds every run looked for, each
# searched with a space either side (so only whole runs are found; a short text, or a Python
# without ahocorasick_rs, intersects its runs with them and finds each with ``bytes.find``
# instead: the same offsets). This finds a superset of the starter words (a run can be part
# of a longer word: "s" in "Germany's"); each is checked on the text itself.
_SPACES = bytes(c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256))


def _runs(s: str) -> list[bytes]:
    return s.encode("ascii", "replace").translate(_SPACES).split()


#: Starters so common in prose that they are looked for by the word after them: "the" counts
#: only before "index", "benchmark", ... (a word of the trie after it), so the runs looked for
#: are those next words, and a run "the" (or "the" "s") just before one makes a candidate.
_VIA_NEXT = frozenset({"the", "all", "new", "der", "south", "wall", "fear", "hong", "hang"})


def _looked_for() -> tuple[frozenset[bytes], frozenset[bytes], frozenset[bytes]]:
    """The runs looked for: ``(first, after, via)``.

    ``first``: first runs of the starters, but for the _VIA_NEXT words looked for by the word
    after them; ``after``: first runs of the words after those; ``via``: those words.
    """
    first: set[bytes] = set()
    after: set[bytes] = set()
    for key in _STARTERS:
        runs = _runs(key)
        assert runs and key.startswith(runs[0].decode()), key  # starts with an ASCII run
        first.add(runs[0])
    via = set()
    for word in _VIA_NEXT:
        w = word.encode()
        # a word that is also the first run of another starter ("all", "all-share") is
        # looked for itself
        if w in first and sum(_runs(k)[0] == w for k in _STARTERS) == 1:
            assert _runs(word) == [w] and "\0" not in _TRIE[word] and word != "index", word
            first.discard(w)
            via.add(w)
            for k in _TRIE[word]:
                if k != "\0":
                    assert _runs(k) and k.startswith(_runs(k)[0].decode()), k
                    after.add(_runs(k)[0])
    return frozenset(first), frozenset(after), frozenset(via)


_FIRST_RUNS, _AFTER_RUNS, _VIA_RUNS = _looked_for()
#: Each run looked for with a space either side: " run " in the spaced text finds that run.
_PADDED = {run: b" " + run + b" " for run in _FIRST_RUNS | _AFTER_RUNS}
_LOOKED_FOR = frozenset(_PADDED)
#: The runs of :data:`_PADDED` in the order of the automaton's patterns: first the runs only
#: in _FIRST_RUNS, then those in both, then those only in _AFTER_RUNS, so that a pattern
#: number ``< _N_FIRST`` is a first run and one ``>= _N_FIRST_ONLY`` is a run after a
#: _VIA_NEXT word.
_AUTOMATON_RUNS = (
    sorted(_FIRST_RUNS - _AFTER_RUNS) + sorted(_FIRST_RUNS & _AFTER_RUNS) + sorted(_AFTER_RUNS - _FIRST_RUNS)
)
_N_FIRST_ONLY = len(_FIRST_RUNS - _AFTER_RUNS)
_N_FIRST = len(_FIRST_RUNS)
#: Every padded run at once; overlapping matches, since neighbouring runs share a space.
#: (A DFA: every pattern begins with a space, so there is no rare first byte to skip to.)
_RUN_AUTOMATON = (
    ahocorasick_rs.BytesAhoCorasick(
        [_PADDED[run] for run in _AUTOMATON_RUNS],
        matchkind=ahocorasick_rs.MatchKind.Standard,
        implementation=ahocorasick_rs.Implementation.DFA,
    )
    if ahocorasick_rs is not None
    else None
)
#: Texts shorter than this are searched without the automaton (measured: its call costs more
#: than the plain search only for an empty or one-character text).
_SHORT = 2


def _via_before(b: bytes, at: int) -> int:
    """Offset of the _VIA_NEXT word before the run after the space ``b[at]``, or -1.

    ``b`` is the spaced text with a space put before it, so the offset in ``b`` of the space
    before a run is the run's offset in the text. "the's index" counts as "the index".
    """
    q = at
    while q and b[q - 1] == 32:
        q -= 1
    r = b.rfind(b" ", 0, q)
    if q and b[r + 1 : q] == b"s":  # "the's"
        q = r
        while q and b[q - 1] == 32:
            q -= 1
        r = b.rfind(b" ", 0, q)
    return r if q and b[r + 1 : q] in _VIA_RUNS else -1


def _candidates(low: str) -> list[int]:
    """Offsets in ``low`` (a lower-cased text) of the words that may be starters, in order.

    A superset: every word whose key is in ``_STARTERS`` is there, except a ``_VIA_NEXT``
    word not followed by a word that continues it in the trie (such a word can start nothing).
    """
    if len(low) < _SHORT or _RUN_AUTOMATON is None:
        return _candidates_short(low)
    b = b" " + low.encode("ascii", "replace").translate(_SPACES) + b" "
    # (pattern, start, end) in the order of the ends, so of the starts: ``start`` is the
    # space before the run in b, so the run's offset in low
    found = _RUN_AUTOMATON.find_matches_as_indexes(b, overlapping=True)
    out = [at for pi, at, _ in found if pi < _N_FIRST]
    # a word after a _VIA_NEXT word ("the index"): the run before it is one
    via = [r for pi, at, _ in found if pi >= _N_FIRST_ONLY and (r := _via_before(b, at)) >= 0]
    if via:  # added out of order
        out = sorted(set(out + via))
    return out


def _candidates_short(low: str) -> list[int]:
    """:func:`_candidates` without the automaton: the runs of the text are intersected with
    the runs looked for, and each run found is located with ``bytes.find``.
    """
    b = b" " + low.encode("ascii", "replace").translate(_SPACES) + b" "
    found = _LOOKED_FOR.intersection(b.split())
    if not found:
        return []
    out = []
    for run in found:
        pad = _PADDED[run]
        first = run in _FIRST_RUNS
        after = run in _AFTER_RUNS
        at = b.find(pad)
        while at >= 0:
            # ``at``: the space before the run in b, so the run's offset in low
            if first:
                out.append(at)
            if after and (r := _via_before(b, at)) >= 0:
                out.append(r)  # a word after a _VIA_NEXT word: the run before it is one
            at = b.find(pad, at + len(run) + 1)
    if len(out) > 1:
        out = sorted(set(out))
    return out


def _read(src: str, ms: list[re.Match], keys: list[str], plain: bool) -> bool:
    """Read the word after the last of ``ms`` into ``ms`` and ``keys``; False at the end of the text.

    ``plain``: ``src`` is the lower-cased text, so a word with no apostrophe is its own key.
    """
    m = _search(src, ms[-1].end())
    if m is None:
        return False
    ms.append(m)
    w = m.group(0)
    keys.append(w if plain and "'" not in w and "’" not in w else _key(w))
    return True


def _key_at(j: int, src: str, ms: list[re.Match], keys: list[str], plain: bool) -> str | None:
    """Key of word ``j`` (reading words as needed), or None past the end of the text."""
    while len(keys) <= j:
        if not _read(src, ms, keys, plain):
            return None
    return keys[j]


def _before(src: str, p: int, k: int) -> list[re.Match]:
    """Up to ``k`` words of ``src`` that end before ``p`` (a word start), in text order.

    Fewer only at the start of the text. The words are read from a window before ``p``,
    doubled until it holds ``k`` whole words (the first word found is dropped if the window
    cut it).
    """
    d = 8 * k + 8
    while True:
        w = max(0, p - d)
        found = list(TOKEN_RE.finditer(src, w, p))
        if w and found:
            s = found[0].start()
            c = src[s - 1]
            if c.isalnum() or (c in _JOINERS and s >= 2 and src[s - 2].isalnum()):
                del found[0]  # the end of a word cut by the window
        if len(found) >= k or w == 0:
            return found[-k:]
        d *= 2


def _keys_before(src: str, p: int, k: int, plain: bool) -> list[str]:
    """Keys of up to ``k`` words that end before ``p`` (a word start), in text order."""
    w = max(0, p - 8 * k - 8)
    if not w:  # the window is the start of the text: what _before reads
        words = TOKEN_RE.findall(src, 0, p)[-k:] if p else []
    # a window starting after a space cuts no word (the usual case); else see _before
    elif (space := src.rfind(" ", max(0, w - 32), w)) >= 0:
        found = TOKEN_RE.findall(src, space + 1, p)
        words = found[-k:] if len(found) >= k else [m.group(0) for m in _before(src, p, k)]
    else:
        words = [m.group(0) for m in _before(src, p, k)]
    return [x if plain and "'" not in x and "’" not in x else _key(x) for x in words]


def _extend_same(
    src: str, ms: list[re.Match], keys: list[str], plain: bool, end_tok: int, target: Target
) -> int:
    """End of the longest name of ``target`` that overlaps words ``[0, end_tok)`` and goes further.

    "Japan's Nikkei" and "Nikkei share average" are both names of the Nikkei 225: the text
    "Japan's Nikkei share average" is one mention.
    """
    best = end_tok
    for k in range(1, end_tok):
        node = _TRIE.get(keys[k])
        j = k + 1
        while node is not None:
            term = node.get("\0")
            if term is not None and term[1] is target and j > best:
                best = j
            if j == len(keys) and not _read(src, ms, keys, plain):
                break
            node = node.get(keys[j])
            j += 1
    return best


#: Between two places that share a market ("Germany and France").
_AND_GAP = re.compile(r"\s*(?:,|and|und|et|or)\s*")
#: Between an index name and a place that only says where it trades ("the Cac 40 in Paris").
_PLACE_AFTER_NAME = re.compile(
    r"\s(?:in|on|at|of|from|στο|στη|σε|à|a|en|an|der|di)\s(?:the\s)?(?:[\w'’-]+\s){0,2}"
)


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
    low = text.lower()
    if len(low) == len(text):
        src, plain = low, True
        cands = _candidates(low)
    else:  # lower-casing changed the length ("İ"): words and keys come from the text itself
        src, plain = text, False
        cands = [m.start() for m in TOKEN_RE.finditer(text) if _key(m.group(0)) in _STARTERS]
    out: list[Mention] = []
    if not cands:
        return out
    pos = 0  # the end of the last word that is part of a mention
    match = TOKEN_RE.match
    search = _search
    trie_get = _TRIE.get
    # the words from the candidate on, read as needed: ms[j] and keys[j] are word j (0 is
    # the candidate); the words read for one candidate serve the next if it is among them
    ms: list[re.Match] = []
    keys: list[str] = []
    for p in cands:
        if p < pos:
            continue
        if ms and p < ms[-1].end():
            for k in range(1, len(ms)):
                if ms[k].start() == p:
                    break
            else:
                continue  # inside a word
            del ms[:k], keys[:k]
            m = ms[0]
            key = keys[0]
        else:
            if p:  # a word starts here, not inside or at the end of one
                c = src[p - 1]
                if c.isalnum() or (c in _JOINERS and p >= 2 and src[p - 2].isalnum()):
                    continue
            m = match(src, p)
            w = m.group(0)
            key = w if plain and "'" not in w and "’" not in w else _key(w)
            ms = [m]
            keys = [key]
        node = trie_get(key)
        if node is None and key != "index":
            continue  # not in _STARTERS
        cap = text[p].isupper()  # the first letter of the word as printed is a capital
        hit = None
        if node is not None:
            found = []  # (length, (kind, target, inner)) of every name that starts here, shortest first
            j = 1
            while True:
                term = node.get("\0")
                if term is not None:
                    found.append((j, term))
                if j == len(keys):
                    # read the next word (see _read)
                    nm = search(src, ms[-1].end())
                    if nm is None:
                        break
                    ms.append(nm)
                    nw = nm.group(0)
                    keys.append(nw if plain and "'" not in nw and "’" not in nw else _key(nw))
                node = node.get(keys[j])
                if node is None:
                    break
                j += 1
            if found and cap and key != "us":
                # a capital passes every test below but those of "us": the longest name
                hit = found[-1]
            else:  # the longest name that passes the tests on capitals
                for L, term in reversed(found):
                    kind = term[0]
                    if L == 1:
                        if key in _NEEDS_CAPITAL and not cap:
                            continue
                        if kind == "place":
                            if not cap:
                                continue
                            if text[p : m.end()] not in ("US", "U.S") and key == "us":
                                continue
                        elif key == "us" and text[p : m.end()] != "US":
                            continue
                    elif kind == "place" and not cap:
                        continue
                    hit = (L, term)
                    break
        if hit is None:
            # a capitalised name ending in "Index" that we do not know: an unsupported index
            if key == "index" and text[p] == "I" and p > 0:
                end = m.end()
                start = p  # the start of the name so far
                names = []
                for b in reversed(_before(src, p, 4)):
                    bw = b.group(0)
                    bk = bw if plain and "'" not in bw and "’" not in bw else _key(bw)
                    if (
                        not text[b.start() : b.end()][:1].isupper()
                        or bk in ("the", "a")
                        or text[b.end() : start].strip() != ""
                    ):
                        break
                    start = b.start()
                    names.append(bk)
                generic = all(k in _GENERIC for k in names)
                if names and not generic and (not out or out[-1].end <= start):
                    name = text[start:end]
                    out.append(Mention(start, end, name, "other", OtherIndex(name, None, ())))
            continue
        end_tok, (kind, target, inner) = hit
        if inner and kind == "name":  # a later word of the name may start a longer one
            end_tok = _extend_same(src, ms, keys, plain, end_tok, target)
        if kind == "name" or kind == "other":
            # swallow a trailing "index" ("the FTSE 250 index")
            nk = keys[end_tok] if end_tok < len(keys) else _key_at(end_tok, src, ms, keys, plain)
            if nk == "index" or nk == "indices":
                end_tok += 1
                nk = _key_at(end_tok, src, ms, keys, plain)
            if nk is not None and _is_company_attribute(nk):
                # "FTSE 250-listed Wizz Air", "Cineworld, a FTSE 250 constituent": a company,
                # not the index; the mention blocks the numbers after it from the index before it
                end = ms[end_tok].end()
                out.append(Mention(p, end, text[p:end], "skip", target))
                pos = end
                continue
        end = ms[end_tok - 1].end()
        weak = False
        if kind == "place":
            if (
                out
                and out[-1].kind in ("name", "other")
                and _PLACE_AFTER_NAME.fullmatch(text, out[-1].end, p)
            ):
                # "the Cac 40 in Paris": where the index trades, not another mention (a place
                # right after a name is never taken, so this is tested first)
                pos = end
                continue
            ok, weak = _place_ok(text, src, ms, keys, plain, end_tok)
            if (
                not ok
                and out
                and out[-1].kind == "place"
                and _keys_before(src, p, 1, plain)[-1:] in (["and"], ["und"], ["et"], ["or"])
            ):
                # "in Germany and France": the second place shares the first one's market
                ok, weak = (
                    _AND_GAP.fullmatch(text, out[-1].end, p) is not None,
                    out[-1].weak,
                )
            if not ok:
                pos = end
                continue
        elif kind == "ref" and target == "blue-chip" and keys[0] != "the":
            # "Brazil's blue-chip index", "the Swiss blue-chip index": a market we do not
            # know (one we know is a place mention just before), not London's
            b = _before(src, p, 1)
            gap = text[b[0].end() : p] if b else ""
            if (
                b
                and b[0].start() >= pos
                and text[b[0].start()].isupper()
                and (gap.isspace() or (gap[:1] == "." and gap[1:].isspace()))
            ):
                bs, be = b[0].span()
                key = _key(text[bs:be].lower())
                # "the U.S. blue-chip index": a place spelt with stops is still the place
                place = next(
                    (t for ks, k, t in _TABLE.get(key.replace(".", ""), ()) if k == "place" and len(ks) == 1),
                    None,
                )
                if place is not None:
                    out.append(Mention(bs, be, text[bs:be], "place", place))
                elif key not in _NOT_A_MARKET and (gap.isspace() or "." in key):
                    end = ms[end_tok - 1].end()
                    name = text[bs:end]
                    out.append(Mention(bs, end, name, "other", OtherIndex(name, None, ())))
                    pos = end
                    continue
        elif kind == "ref" and target == "it":
            # "it" counts only as the subject of a move ("it fell", "it is down", "it still ended")
            verb = end_tok
            if _key_at(end_tok + 1, src, ms, keys, plain) is not None and keys[end_tok] in _IT_ADVERBS:
                verb += 1
            vk = _key_at(verb, src, ms, keys, plain)
            before = _keys_before(src, p, 1, plain)
            if (vk is None or vk not in _IT_VERBS or any(k in _NOT_BEFORE_IT for k in before)) and not (
                # the object of a move: "Thursday's drop left it 15.4% lower for the year"
                any(k in _LEAVES_IT for k in before)
                and vk is not None
                and (vk[:1].isdigit() or vk in _IT_OBJECT_NEXT)
            ):
                pos = end
                continue
        out.append(Mention(p, end, text[p:end], kind, target, weak))
        pos = end
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
        # "downgrade a DAX 40 carmaker to Hold": a member named by its trade
        "carmaker",
        "automaker",
        "chipmaker",
        "airline",
        "bank",
        "utility",
        "conglomerate",
        "developer",
        "manufacturer",
        "producer",
    }
)


_COMPANY_SUFFIXES = ("-listed", "-quoted", "-traded")


def _is_company_attribute(key: str) -> bool:
    """Whether a word after an index name makes it describe a company ("-listed", "constituent")."""
    return key in _COMPANY_NOUNS or key.endswith(_COMPANY_SUFFIXES)


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

#: Capitalised words before "blue-chip index" that do not name a market ("Friday's blue-chip index").
_NOT_A_MARKET = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"}
    | {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "a", "an", "its", "their", "this", "that", "and", "but"}
    | {"while", "as", "meanwhile", "city", "market"}
)

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

_IT_ADVERBS = {
    "still",
    "also",
    "too",
    "then",
    "later",
    "eventually",
    "ultimately",
    "nonetheless",
    "nevertheless",
}

#: Verbs whose object "it" is an index with a move after it ("left it 2% lower").
_LEAVES_IT = frozenset(
    {"left", "leaves", "leave", "leaving", "put", "puts", "putting", "took", "takes", "taking", "sent"}
    | {"sends", "sending", "pushed", "pushes", "pushing", "dragged", "drags", "dragging", "lifted", "lifts"}
)
#: Words that may follow such an "it" before the number ("left it up 3%", "left it nearly 4% lower").
_IT_OBJECT_NEXT = frozenset(
    {"up", "down", "higher", "lower", "nearly", "almost", "about", "more", "just", "some"}
)

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
    "dipped",
    "slumped",
    "plunged",
    "surged",
    "soared",
    "rallied",
    "retreated",
    "now",
    # "though it still managed a weekly gain": verbs that take the move as their object
    "managed",
    "posted",
    "recorded",
    "notched",
    "booked",
    "logged",
    "suffered",
    "registered",
    "clocked",
    "chalked",
    "racked",
    "eked",
    "rebounded",
    "recovered",
    "crashed",
}


#: After a place's possessive, what makes it the place's and not its market's: "Europe's largest
#: economy", "Japan's central bank", "Britain's prime minister".
_NOT_MARKET_AFTER = re.compile(
    r"\s(?:(?:largest|biggest|second-largest|second-biggest|third-largest|main|own|export-driven|"
    r"export-dependent|ailing|booming)\s)?(?:economy|economies|government|central\sbank|parliament|"
    r"prime\sminister|president|chancellor|finance\sminister|leaders?|exporters?|trade\s(?:surplus|deficit))\b",
    re.IGNORECASE,
)
#: What ends a dateline between a place and the words after it: a dash between spaces, a colon.
_DATELINE_BREAK = re.compile(r"\s[-–—]\s|[–—:]")


def _place_ok(
    text: str, src: str, ms: list[re.Match], keys: list[str], plain: bool, j: int
) -> tuple[bool, bool]:
    """Whether a place name at words ``0:j`` stands for a market, and whether only weakly.

    ``ms`` and ``keys`` are the words of ``src`` from the place on, read as needed (see
    :func:`_read`).
    """
    # "Tokyo stocks", "German and French stock markets", "In France and Germany, stock markets"
    for k in range(j, j + 5):
        if k == len(keys):  # read the next word (see _read)
            nm = _search(src, ms[-1].end())
            if nm is None:
                break
            ms.append(nm)
            w = nm.group(0)
            keys.append(w if plain and "'" not in w and "’" not in w else _key(w))
        w = keys[k]
        if w in _MARKET_WORDS:
            return True, False  # (also "NEW YORK - Stocks closed ...": the dateline's market)
        if w in SECTOR_WORDS:  # ("Travel stocks", "Bank shares")
            gap = src[ms[j - 1].end() : ms[k].start()]
            if _DATELINE_BREAK.search(gap):
                # "LONDON, June 10 - Travel stocks fell": a sector after the dateline, not its
                # market (unlike "NEW YORK - U.S. stocks tumbled")
                break
        if w not in _CONNECT and not text[ms[k].start()].isupper():
            break
    back = _keys_before(src, ms[0].start(), 2, plain)
    if back and back[-1] in _PREPOSITIONS:
        # "shares in Paris", "stocks in Tokyo"
        if len(back) == 2 and back[0] in _MARKET_WORDS:
            return True, False
        # "in Paris" (a city only): weak
        if " ".join(keys[:j]) in _CITY_ONLY:
            return True, True
    # "London's FTSE 100", "Germany's Dax": a possessive before a name is merged later
    if text[ms[j - 1].start() : ms[j - 1].end()].lower().replace("’", "'").endswith("'s"):
        # (not "Europe's largest economy", "Japan's central bank": the place's, not its market)
        if _NOT_MARKET_AFTER.match(src, ms[j - 1].end()):
            return False, False
        return True, True
    # "Francfort a lâché 2,35%", "Milan closed 1.9% lower": a city as the subject of a
    # move (weak: it counts only when a number follows)
    if " ".join(keys[:j]) in _CITY_ONLY:
        end = ms[j - 1].end()
        start = ms[0].start()
        if _CITY_MOVE.match(src[end : end + 40].lower()) and _CLAUSE_START.search(
            src[max(0, start - 24) : start]
        ):
            return True, True
    return False, False


#: Where a clause starts, before a city that is its subject (not "as London closed").
_CLAUSE_START = re.compile(
    r"(?:^|[.;:,!?]|\b(?:and|while|whereas|but|et|tandis\sque|alors\sque|und|während))\s*[\"'“‘(]*$", re.I
)
#: A move verb right after a city ("Frankfurt fell", "Francfort a lâché", "Paris a terminé").
_CITY_MOVE = re.compile(
    r"\s(?:a\s|has\s|had\s)?(?:fell|rose|closed|ended|finished|gained|lost|dropped|slipped|climbed|added|"
    r"shed|slid|jumped|tumbled|advanced|declined|lâché|cédé|perdu|gagné|pris|reculé|progressé|chuté|terminé|"
    r"clôturé|fini|grimpé|abandonné|plongé|dégringolé)\b"
)


#: Words joined by slashes ("Dow/S&P 500/Nasdaq", "S&P/ASX", "GBP/USD").
_SLASHED = re.compile(r"[^\W_]+(?:[&.'’-][^\W_]+)*(?:/[^\W_]+(?:[&.'’-][^\W_]+)*)+")


def unslash_names(text: str) -> str:
    """``text`` with the slashes between index names read as spaces (same length).

    A shorthand list "Dow/S&P 500/Nasdaq closed -0.75%/-0.86%/-0.72%" names three indices;
    a name written with a slash ("S&P/ASX 200", "FTSE/JSE") or a pair of other words
    ("GBP/USD", "y/y") is kept.

    Examples
    --------
    >>> unslash_names("Dow/S&P 500/Nasdaq fell; S&P/ASX 200 rose; GBP/USD 1.32")
    'Dow S&P 500 Nasdaq fell; S&P/ASX 200 rose; GBP/USD 1.32'
    """
    if "/" not in text:
        return text
    chars: list[str] | None = None
    for m in _SLASHED.finditer(text):
        word = m.group(0)
        if _key(word) in _ROOTS:
            continue  # a name with a slash in it
        parts = [_key(p) for p in word.split("/")]
        if not any(p in _ROOTS for p in parts):
            continue
        if chars is None:
            chars = list(text)
        for i in range(m.start(), m.end()):
            if chars[i] == "/":
                chars[i] = " "
    return text if chars is None else "".join(chars)
