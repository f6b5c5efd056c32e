"""Numbers as printed in market reports: separators, decimal commas, units, hedges, signs.

Every pattern here is linear-time: number tokens are matched with one character class
followed by a single digit (``\\d[\\d,.]*\\d``), so a long run of digits and separators is
scanned once; the separators are sorted out afterwards in plain Python.

Examples
--------
>>> parse_number("7,450.37")
(7450.37, '7450.37')
>>> parse_number("7,384,68")          # a typo: decimal comma after a thousands comma
(7384.68, '7384.68')
>>> parse_number("4,41", decimal_comma=True)
(4.41, '4.41')
>>> parse_number("7.601", decimal_comma=True)
(7601.0, '7601')
>>> parse_number("12 783.77")         # thousands grouped with a space
(12783.77, '12783.77')
"""

from __future__ import annotations

import re

from .fastre import first_char_guard

__all__ = [
    "NUMBER_RE",
    "WORD_LEVEL_RE",
    "WORD_NUMBER_RE",
    "YEAR_IN_WORDS",
    "year_value",
    "cardinal_spans",
    "has_cardinal",
    "cardinal_value",
    "WORD_NUMBERS",
    "word_number",
    "FRACTION_HALF_UNIT",
    "fraction_value",
    "parse_number",
    "uses_decimal_comma",
    "unit_after",
    "hedge_before",
]

#: A number token: digits with inner ``,`` and ``.``; never preceded by a word character.
#: A level may group its thousands with spaces when it has decimals ("12 783.77"); such a
#: run is tried only from its first group (never after "digit space"), so scanning stays linear.
#: Written to begin with ``\d`` (the look-behinds are checked after the first digit), so that
#: ``re`` skips to the next digit at C speed; the same matches as
#: ``(?<![\w.,])(?:(?<!\d[ \u00a0\u202f])\d{1,3}(?:[ \u00a0\u202f]\d{3})+[.,]\d{1,2}(?!\d)|\d(?:[\d,.]*\d)?)``,
#: and Swiss apostrophes as thousands separators (``10'474.70``).
NUMBER_RE = re.compile(
    r"\d(?<![\w.,]\d)(?:(?<!\d[ \u00a0\u202f]\d)\d{0,2}(?:[ \u00a0\u202f]\d{3})+[.,]\d{1,2}(?!\d)"
    # Swiss style, thousands grouped by apostrophes: "10'474.70"
    r"|\d{0,2}(?:['’]\d{3})+(?:\.\d{1,2})?(?![\d'’])"
    r"|(?:[\d,.]*\d)?)"
)

#: Small numbers written as words, used only when followed by a percent unit.
WORD_NUMBERS: dict[str, int] = {
    w: i
    for i, ws in enumerate(
        [
            (),
            ("one", "eins", "ein", "un", "uno"),
            ("two", "zwei", "deux", "dos"),
            ("three", "drei", "trois", "tres"),
            ("four", "vier", "quatre", "cuatro"),
            ("five", "fünf", "cinq", "cinco"),
            ("six", "sechs", "seis"),
            ("seven", "sieben", "sept", "siete"),
            ("eight", "acht", "huit", "ocho"),
            ("nine", "neun", "neuf", "nueve"),
            ("ten", "zehn", "dix", "diez"),
            ("eleven", "elf", "onze", "once"),
            ("twelve", "zwölf", "douze", "doce"),
        ]
    )
    for w in ws
}
WORD_NUMBERS.update({"fifteen": 15, "twenty": 20, "zwanzig": 20, "fünfzehn": 15, "thirty": 30})

_ENGLISH_WORDS = "|".join(
    sorted((w for w, i in WORD_NUMBERS.items() if w.isascii() and i <= 12), key=len, reverse=True)
)

#: Fractions of a per cent written as words: the value and the text it is printed as. "Half a
#: per cent" and "a tenth of a per cent" are read like "0.5 %" and "0.1 %"; a quarter or a
#: third keeps its fraction ("1/4"), which the checker reads to a tenth, like "0.3 %": a round
#: word for a move near it (a 0.28 % fall is "a quarter of a per cent").
_FRACTIONS: dict[str, tuple[float, str]] = {
    "half": (0.5, "0.5"),
    "tenth": (0.1, "0.1"),
    "fifth": (0.2, "0.2"),
    "quarter": (0.25, "1/4"),
    "third": (0.33, "1/3"),
    "quarters": (0.75, "3/4"),  # three quarters
    "thirds": (0.67, "2/3"),  # two thirds
}
#: Half a unit for a fraction printed as one ("1/4"): read to a tenth, like "0.3 %".
FRACTION_HALF_UNIT = 0.05
_FRACTION_TEXT = re.compile(r"(?:(\d+)\s)?(\d)/(\d)")


def fraction_value(text: str) -> float | None:
    """The value of a fraction as :func:`word_number` prints it ("1/4", "2 3/4"), else ``None``.

    Examples
    --------
    >>> fraction_value("2 3/4"), fraction_value("0.25")
    (2.75, None)
    """
    m = _FRACTION_TEXT.fullmatch(text) if "/" in text else None
    if m is None:
        return None
    return (float(m.group(1)) if m.group(1) else 0.0) + float(m.group(2)) / float(m.group(3))


_FRACTION_WORD = re.compile(r"half|tenth|fifth|quarters?|thirds?")

#: English cardinals in words, as broadcast scripts and quotes print them: "nine hundred and
#: thirty-two", "thirty-four thousand", "three point six". Their parts and values:
_UNIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEEN_WORDS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_CARDINAL_VALUES: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_UNIT_WORDS)},
    **{w: i + 10 for i, w in enumerate(_TEEN_WORDS)},
    **{w: 10 * (i + 2) for i, w in enumerate(_TENS_WORDS)},
    "zero": 0,
    "nought": 0,
    "oh": 0,
    "a": 1,
}
_U = "(?:" + "|".join(_UNIT_WORDS) + ")"
#: Between the words of a compound ("thirty-four", "thirty four", a line break, U+2011).
_H = r"(?:\s+|[-\u2010\u2011]\s*)"
_TENS = "(?:" + "|".join(_TENS_WORDS) + ")"
_BELOW_100 = "(?:" + _TENS + "(?:" + _H + _U + ")?|(?:" + "|".join(_TEEN_WORDS) + ")|" + _U + ")"
#: "two hundred", "a hundred", "twelve hundred", "twenty-five hundred".
_HUNDREDS = r"(?:" + _BELOW_100 + r"|a)\s+hundred"
_BELOW_1000 = r"(?:" + _HUNDREDS + r"(?:\s+(?:and\s+)?" + _BELOW_100 + ")?|" + _BELOW_100 + ")"
_THOUSANDS = r"(?:" + _BELOW_1000 + r"|a)\s+thousand(?:,?\s+(?:and\s+)?" + _BELOW_1000 + r")?"
#: A whole number below a million, or a decimal read digit by digit after "point" (with
#: or without a whole part: "three point six", "one hundred and twelve point two",
#: "point four", "oh point five").
CARDINAL = (
    r"(?:(?:(?:" + _THOUSANDS + "|" + _BELOW_1000 + r"|zero|nought|oh)\s+)?point"
    r"(?:\s+(?:zero|nought|oh|" + _U + r")){1,6}"
    r"|" + _THOUSANDS + r"|" + _BELOW_1000 + ")"
)
#: A level in words after "at" or "to" ("closed at thirty-four thousand."): thousands only,
#: and only where the phrase ends (a stop, a comma, a bracket), so never "to two thousand jobs".
WORD_LEVEL_RE = re.compile(r"(?<=\sat\s|\sto\s)(" + _THOUSANDS + r")(?=[.,;)]|$)", re.IGNORECASE)
_CARDINAL_WORD = re.compile(r"[a-z]+")
#: A whole cardinal (matched from a start to the unit).
_CARDINAL_FULL = re.compile(CARDINAL, re.IGNORECASE)
#: A unit a cardinal in words is read before: a percent word or points.
_CARDINAL_UNIT = re.compile(r"\s(?:per\s?cent|percent|points|pts)\b", re.IGNORECASE)
#: The words a cardinal can end with.
_NUMBER_WORD_END = frozenset(w for w in _CARDINAL_VALUES if w != "a") | {"hundred", "thousand"}
#: The words of a run of number words ("a hundred and two", "three point six").
_RUN_WORDS = _NUMBER_WORD_END | {"a", "and", "point"}
#: Words of a run that never begin a cardinal.
_NOT_FIRST = frozenset({"and", "hundred", "thousand"})
#: Hyphens other than "-" that join the words of a compound.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
#: A word (any run of non-space characters).
_TOKEN = re.compile(r"\S+")
#: Unit words looked back from in one text (a sentence): the first ones only.
_CARDINAL_MAX_UNITS = 100
#: The longest cardinal looked for before a unit, in characters.
_CARDINAL_REACH = 120


def _word_unit_ends(text: str):
    """Where each unit word of :data:`_CARDINAL_UNIT` that follows a letter begins (the first
    :data:`_CARDINAL_MAX_UNITS` units only: a sentence of hundreds is a table or junk)."""
    for k, u in enumerate(_CARDINAL_UNIT.finditer(text)):
        if k == _CARDINAL_MAX_UNITS:
            return
        end = u.start()
        if text[end - 1 : end].isalpha():  # ("1.2 per cent": a digit before it, most units)
            yield end


def _number_parts(word: str, allowed: frozenset[str]) -> list[str] | None:
    """The parts of a word between hyphens (any hyphen) if each is in ``allowed``, else ``None``."""
    parts = [p for p in word.lower().translate(_HYPHENS).rstrip(",").split("-") if p]
    return parts if parts and all(p in allowed for p in parts) else None


def cardinal_spans(text: str) -> list[tuple[int, int, float, str]]:
    """English cardinals in words before a percent word or "points": ``(start, end, value, text)``.

    "fell two hundred and twelve points", "lost three point six percent", "up twenty-five per
    cent". Each unit word whose previous word is a number word is looked back from, so the
    cost grows with the units, not with the words of the text (no scan from every word).
    The run of number words before the unit is read whole if it is one cardinal ("one
    hundred and twelve point two", never "twelve point two" out of it), else its last
    number alone.

    Examples
    --------
    >>> cardinal_spans("it lost three point six percent")
    [(8, 23, 3.6, '3.6')]
    """
    out: list[tuple[int, int, float, str]] = []
    for end in _word_unit_ends(text):
        lo = max(0, end - _CARDINAL_REACH, out[-1][1] if out else 0)
        # the words of the run, from the unit back (any white space, any hyphen between),
        # a character at a time: most runs are one word, and most units have none
        starts: list[int] = []  # where each word of the run that may begin a cardinal starts
        n_run, pos = 0, end
        parts_last: list[str] = []
        while pos > lo:
            w_end = pos
            while pos > lo and not text[pos - 1].isspace():
                pos -= 1
            if pos == lo and lo > 0 and not text[lo - 1].isspace():
                break  # a word cut by the reach
            parts = _number_parts(text[pos:w_end], _RUN_WORDS if n_run else _NUMBER_WORD_END)
            if parts is None:
                break
            n_run += 1
            if n_run == 1:
                parts_last = parts
            if parts[0] not in _NOT_FIRST:
                starts.append(pos)
            while pos > lo and text[pos - 1].isspace():
                pos -= 1
        if n_run == 1 and len(parts_last) == 1 and starts:  # one word ("two points")
            value = _CARDINAL_VALUES[parts_last[0]]
            out.append((starts[0], end, float(value), str(value)))
            continue
        # the whole run if it is one cardinal, else its last number alone ("ten, two per
        # cent" is 2): at most two tries, whatever the run
        for pos in dict.fromkeys((starts[-1], starts[0]) if starts else ()):
            m = _CARDINAL_FULL.fullmatch(text, pos, end)
            if m is not None:
                out.append((pos, end, *cardinal_value(m.group(0))))
                break
    return out


#: A year in words: "nineteen eighty-seven", "nineteen oh eight", "two thousand and eight",
#: "twenty twenty-one".
YEAR_IN_WORDS = (
    r"(?:nineteen|twenty)" + _H + r"(?:oh" + _H + _U + "|" + _TENS + "(?:" + _H + _U + ")?|"
    r"(?:" + "|".join(_TEEN_WORDS) + r"))\b|two\s+thousand(?:\s+(?:and\s+)?" + _BELOW_100 + r")?\b"
)
_YEAR_IN_WORDS = re.compile(YEAR_IN_WORDS, re.IGNORECASE)


def year_value(words: str) -> int | None:
    """The year a :data:`YEAR_IN_WORDS` phrase names ("nineteen eighty-seven" -> 1987), else ``None``.

    "Two thousand and eight" is a cardinal; otherwise the first word is the century.

    Examples
    --------
    >>> year_value("nineteen eighty-seven"), year_value("two thousand and eight"), year_value("twenty twenty")
    (1987, 2008, 2020)
    """
    phrase = words.strip()
    if _YEAR_IN_WORDS.fullmatch(phrase) is None:
        return None
    low = phrase.lower()
    century = _CARDINAL_WORD.match(low).group(0)  # type: ignore[union-attr]  # (it matched)
    rest = low[len(century) :]
    if century == "two":
        return int(cardinal_value(phrase)[0])
    return (1900 if century == "nineteen" else 2000) + int(cardinal_value(rest)[0])


def has_cardinal(text: str) -> bool:
    """Whether a number word ends right before a percent word or "points" in ``text``.

    A necessary condition for :func:`cardinal_spans` to find a number (the last word of
    every run it reads is one), tested without reading the runs.
    """
    for end in _word_unit_ends(text):
        pos = end
        while pos > 0 and end - pos < 24 and not text[pos - 1].isspace():
            pos -= 1
        if _number_parts(text[pos:end], _NUMBER_WORD_END) is not None:
            return True
    return False


def cardinal_value(phrase: str) -> tuple[float, str]:
    """The value of an English cardinal in words (a :data:`CARDINAL` match) and its text.

    Examples
    --------
    >>> cardinal_value("nine hundred and thirty-two")
    (932.0, '932')
    >>> cardinal_value("thirty-four thousand")
    (34000.0, '34000')
    >>> cardinal_value("three point six")
    (3.6, '3.6')
    >>> cardinal_value("a thousand")
    (1000.0, '1000')
    >>> cardinal_value("twelve hundred and fifty"), cardinal_value("point four")
    ((1250.0, '1250'), (0.4, '0.4'))
    """
    words = _CARDINAL_WORD.findall(phrase.lower())
    if "point" in words:
        i = words.index("point")
        whole = int(cardinal_value(" ".join(words[:i]))[0]) if i else 0
        text = f"{whole}." + "".join(str(_CARDINAL_VALUES[w]) for w in words[i + 1 :])
        return float(text), text
    total = current = 0
    for w in words:
        if w == "and":
            continue
        if w == "hundred":
            current *= 100
        elif w == "thousand":
            total += current * 1000
            current = 0
        else:
            current += _CARDINAL_VALUES[w]
    value = total + current
    return float(value), str(value)


WORD_NUMBER_RE = first_char_guard(
    re.compile(
        r"\b("
        # "half a per cent", "half of one per cent", "a quarter of a percent",
        # "three-quarters of a per cent", "one and a half per cent"
        r"(?:(?:a|one)[\s-](?:half|quarter|third|fifth|tenth)|two[\s-]thirds|three[\s-]quarters)"
        r"\s(?:of\s)?(?:a|one)"
        r"|half\s(?:of\s)?(?:a|one)"
        r"|(?:" + _ENGLISH_WORDS + r")\sand\s(?:a\s(?:half|quarter)|three[\s-]quarters)"
        r"|" + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r""
        r")\s(?=per\s?cent|percent|prozent|pour\s?cent|por\s?ciento)",
        re.IGNORECASE,
    )
)


def word_number(phrase: str) -> tuple[float, str]:
    """The value of a number written in words before a percent word, and its text.

    ``phrase`` is group 1 of a :data:`WORD_NUMBER_RE` match. The text is the number as a
    decimal, or as a fraction ("1/4") for quarters and thirds (see :data:`_FRACTIONS`).

    Examples
    --------
    >>> word_number("two")
    (2.0, '2')
    >>> word_number("half a")
    (0.5, '0.5')
    >>> word_number("one and a half")
    (1.5, '1.5')
    >>> word_number("a quarter of a")
    (0.25, '1/4')
    >>> word_number("two and three-quarters")
    (2.75, '2 3/4')
    """
    low = phrase.lower()
    whole = WORD_NUMBERS.get(low)
    if whole is not None:
        return float(whole), str(whole)
    words = low.replace("-", " ").split()
    if "and" in words:  # "two and a half", "one and three quarters"
        base = WORD_NUMBERS[words[0]]
        if "half" in words:
            return base + 0.5, f"{base}.5"
        value, text = _FRACTIONS["quarters" if "quarters" in words else "quarter"]
        return base + value, f"{base} {text}"
    m = _FRACTION_WORD.search(low)
    return _FRACTIONS[m.group(0) if m else "half"]


#: ``(?<![\w.,])\d{1,3},\d{1,2}(?![\d,.])`` and ``(?<![\w.,])\d+\.\d{1,2}(?![\d,.])``, written
#: to begin with ``\d`` (the look-behind is checked after the first digit): ``re`` then skips
#: to the next digit at C speed instead of trying a match at every position. Same matches.
_DECIMAL_COMMA_TOKEN = re.compile(r"\d(?<![\w.,]\d)\d{0,2},\d{1,2}(?![\d,.])")
_DOT_DECIMAL_TOKEN = re.compile(r"\d(?<![\w.,]\d)\d*\.\d{1,2}(?![\d,.])")
#: Both tokens in one pass, the group holding the separator. A token starts a run of digits
#: and separators (the look-behind) and its first separator decides which of the two it can
#: be, so no position matches both and the matches are those of the two patterns together.
_DECIMAL_TOKEN = re.compile(r"\d(?<![\w.,]\d)(?:\d{0,2}(,)|\d*(\.))\d{1,2}(?![\d,.])")
#: What every comma token holds: a comma, one or two digits and no digit, comma or dot next.
#: It begins with a plain character, which ``re`` finds at C speed.
_COMMA_DECIMALS = re.compile(r",\d{1,2}(?![\d,.])")


def uses_decimal_comma(text: str) -> bool:
    """Whether the text writes decimals with a comma ("0,77 %"), as most of Europe does.

    Decided by counting tokens such as ``4,41`` (comma then one or two digits) against
    tokens such as ``4.41``.
    """
    if _COMMA_DECIMALS.search(text) is None:
        return False  # no comma token
    commas = dots = 0
    for comma, _dot in _DECIMAL_TOKEN.findall(text):
        if comma:
            commas += 1
        else:
            dots += 1
    return commas > dots


def parse_number(token: str, *, decimal_comma: bool = False) -> tuple[float, str]:
    """Value and normalised text (``"21755.73"``) of a number token.

    Parameters
    ----------
    token
        Digits with ``,`` and ``.`` separators (or Swiss apostrophes, ``10'474.70``), as
        matched by :data:`NUMBER_RE`.
    decimal_comma
        The text writes decimals with a comma (``"7.601,5"``); a lone ``.`` followed by
        three digits is then a thousands separator.

    Notes
    -----
    Rules, in order: with both separators, the last one is the decimal mark; with commas
    only, a last group of three digits is thousands (``7,450``), otherwise the last comma
    is a decimal mark (``4,41``, and the typo ``7,384,68``); with dots only, several dots
    or (``decimal_comma``) one dot before exactly three digits are thousands separators.
    """
    token = token.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if "'" in token or "’" in token:
        token = token.replace("'", "").replace("’", "")
    has_c, has_d = "," in token, "." in token
    if has_c and has_d:
        dec = max(token.rfind(","), token.rfind("."))
        intpart = token[:dec].replace(",", "").replace(".", "")
        frac = token[dec + 1 :]
    elif has_c:
        head, _, tail = token.rpartition(",")
        if len(tail) == 3:
            intpart, frac = token.replace(",", ""), ""
        else:
            intpart, frac = head.replace(",", ""), tail
    elif has_d:
        head, _, tail = token.rpartition(".")
        if token.count(".") > 1 or (decimal_comma and len(tail) == 3):
            intpart, frac = token.replace(".", ""), ""
        else:
            intpart, frac = head, tail
    else:
        intpart, frac = token, ""
    intpart = intpart.lstrip("0") or "0"
    text = f"{intpart}.{frac}" if frac else intpart
    return float(text), text


_PCT_UNIT = re.compile(
    r"\s?(?:%|per\s?cent\b|percent\b|pc\b|pct\b|prozent\b|pour\s?cent\b|por\s?ciento\b|τοις\s?εκατό)",
    re.IGNORECASE,
)
_PCT_POINT = re.compile(r"\s?(?:percentage|per\s?cent(?:age)?)\s?points?\b", re.IGNORECASE)
_BASIS = re.compile(r"\s?-?\s?(?:basis[\s-]?points?|bps?\b|bp\b|base points?)", re.IGNORECASE)
_POINTS_UNIT = re.compile(
    r"\s?-?\s?(?:points?\b|pts?\b\.?|pt\b|μονάδ\w*|punkte?\b|zähler\b|puntos?\b)", re.IGNORECASE
)


#: The four unit patterns as one alternation, in the order :func:`unit_after` tries them: a
#: match at the start takes the first alternative that matches, as the four calls did.
_UNIT = re.compile(
    "|".join(
        f"(?P<{name}>{rx.pattern})"
        for name, rx in (
            ("pctpoint", _PCT_POINT),
            ("basis", _BASIS),
            ("pct", _PCT_UNIT),
            ("points", _POINTS_UNIT),
        )
    ),
    re.IGNORECASE,
)
_UNIT_OF = {"pctpoint": "basis", "basis": "basis", "pct": "pct", "points": "points"}
#: Every match of :data:`_UNIT` begins with white space or one of these characters (a
#: case-blind match of the first letter of a unit word, "µ" included, or "-" or "%"). The
#: empty string is among them: an empty text goes to the pattern, as before.
_UNIT_FIRST = frozenset({"", "-", "%", "p", "P", "b", "B", "z", "Z", "τ", "Τ", "μ", "Μ", "µ"})


def unit_after(after: str) -> tuple[str | None, int]:
    """Unit right after a number and its length: ``("pct", 9)`` for `` per cent``.

    The unit is ``"pct"``, ``"points"``, ``"basis"`` (basis or percentage points: a rate)
    or ``None`` (length 0).
    """
    c = after[:1]
    if c not in _UNIT_FIRST and not c.isspace():
        return None, 0  # no unit begins so (a necessary condition, tested first)
    m = _UNIT.match(after)
    if m is None:
        return None, 0
    return _UNIT_OF[m.lastgroup], m.end()  # type: ignore[index]


_HEDGE = first_char_guard(
    re.compile(
        r"(?:^|\W)(just\s+(?:under|over|below|above|shy\s+of)|not?\s+(?:more|less)\s+than|more\s+than|"
        r"less\s+than|as\s+much\s+as|"
        r"as\s+little\s+as|close\s+to|nearly|almost|about|around|roughly|approximately|some|over|under|"
        r"up\s+to|at\s+least|upwards\s+of|in\s+excess\s+of|above|below|mehr\s+als|knapp|rund|fast|etwa|"
        r"über|plus\s+de|près\s+de|environ)\s+(?:by\s+)?[-+−–]?\s?$",
        re.IGNORECASE,
    )
)


#: :data:`_HEDGE` written backwards, to be matched once at the start of the reversed text
#: instead of searched from every position: words reversed, parts in reverse order, "$" (the
#: end, or before a final newline) as ``\n?`` and ``(?:^|\W)`` as ``(?:\W|\Z)``. The search
#: takes the leftmost start, that is the longest hedge; only "just under" and "under", or "no
#: less than" and "less than" (and the like) can end at the same place, so the "just" and
#: "no"/"not" phrases come first.
_HEDGE_REVERSED = re.compile(
    r"\n?\s?[-+−–]?(?:\s+yb)?\s+"
    r"((?:rednu|revo|woleb|evoba|fo\s+yhs)\s+tsuj|naht\s+(?:erom|ssel)\s+t?on|naht\s+erom|naht\s+ssel|"
    r"sa\s+hcum\s+sa|"
    r"sa\s+elttil\s+sa|ot\s+esolc|ylraen|tsomla|tuoba|dnuora|ylhguor|yletamixorppa|emos|revo|rednu|"
    r"ot\s+pu|tsael\s+ta|fo\s+sdrawpu|fo\s+ssecxe\s+ni|evoba|woleb|sla\s+rhem|ppank|dnur|tsaf|awte|"
    r"rebü|ed\s+sulp|ed\s+sèrp|norivne)(?:\W|\Z)",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")


#: The last word of every hedge of :data:`_HEDGE`, lower case.
_HEDGE_LAST_WORDS = (
    *("under", "over", "below", "above", "of", "than", "as", "to", "nearly", "almost", "about"),
    *("around", "roughly", "approximately", "some", "least", "als", "knapp", "rund", "fast"),
    *("etwa", "über", "de", "environ"),
)


def hedge_before(before: str) -> str | None:
    """A hedge word ending the text just before a number ("nearly", "more than"), lower case."""
    tail = before[-30:]
    if tail.isascii():
        # a necessary condition, tested first: without the whitespace, sign and "by" that
        # may follow it, the text ends with the last word of a hedge (on ASCII text the
        # case-blind match is that of str.lower)
        t = tail.rstrip()
        if t and t[-1] in "-+":
            t = t[:-1].rstrip()
        t = t.lower()
        if not t.endswith(_HEDGE_LAST_WORDS) and not (
            t.endswith("by") and t[:-2].rstrip().endswith(_HEDGE_LAST_WORDS)
        ):
            return None
    m = _HEDGE_REVERSED.match(tail[::-1])
    if not m:
        return None
    return _SPACES.sub(" ", m.group(1)[::-1].lower())
