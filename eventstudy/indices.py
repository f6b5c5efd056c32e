"""The registry of stock indices: names, Yahoo tickers, exchange calendars, press aliases.

Plain data plus lookup; imports nothing else of the package but its exceptions.

Examples
--------
>>> from eventstudy.indices import lookup
>>> lookup("the Footsie").ticker
'^FTSE'
>>> lookup("^FTMC").name
'FTSE 250'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .exceptions import UnknownIndexError

__all__ = [
    "Index",
    "INDICES",
    "OtherIndex",
    "OTHER_INDICES",
    "BLUE_CHIPS",
    "lookup",
    "by_ticker",
    "find",
    "find_other",
    "blue_chip",
]


@dataclass(frozen=True)
class Index:
    """One stock index.

    Attributes
    ----------
    name
        Canonical name, e.g. ``"FTSE 250"``.
    ticker
        Yahoo Finance ticker, e.g. ``"^FTMC"``.
    calendar
        exchange_calendars code of the exchange whose sessions the index follows.
    currency
        ISO currency of the index level.
    country
        Country (or region) whose market the index measures.
    aliases
        Lower-case names the press uses for the index, without the canonical name.
    places
        Lower-case city or country names that, alone ("shares in Paris"), mean this index
        when it is the market's headline index.
    """

    name: str
    ticker: str
    calendar: str
    currency: str
    country: str
    aliases: tuple[str, ...] = ()
    places: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """All lower-case names: canonical first, then aliases."""
        return (self.name.lower(), *self.aliases)


INDICES: tuple[Index, ...] = (
    Index(
        "FTSE 100",
        "^FTSE",
        "XLON",
        "GBP",
        "UK",
        (
            "ftse",
            "footsie",
            "ftse-100",
            "ftse100",
            "uk 100",
            # ("the blue-chip index" alone is not here: it is the blue-chip index of the
            # market in play, see blue_chip)
            "blue-chip ftse",
            "blue-chip ftse 100",
            "london's benchmark",
            "london's benchmark index",
            "london's blue-chip index",
            "london's top-flight index",
            "top-flight index",
            "the uk's benchmark index",
            "london blue-chip index",
        ),
        ("london", "uk", "britain", "british"),
    ),
    Index(
        "FTSE 250",
        "^FTMC",
        "XLON",
        "GBP",
        "UK",
        (
            "ftse-250",
            "ftse250",
            "mid-cap index",
            "midcap index",
            "mid cap index",
            "mid-cap ftse 250",
            "domestically focused ftse 250",
            "domestically-focused ftse 250",
            "uk mid-cap index",
            "london's mid-cap index",
        ),
    ),
    Index(
        "FTSE All-Share",
        "^FTAS",
        "XLON",
        "GBP",
        "UK",
        ("ftse all share", "ftse all-share index", "all-share", "all share index"),
    ),
    Index(
        "S&P 500",
        "^GSPC",
        "XNYS",
        "USD",
        "US",
        (
            "s&p",
            "s&p500",
            "s&p 500 index",
            "standard & poor's 500",
            "standard and poor's 500",
            "broad-based s&p 500",
            "benchmark s&p 500",
            "spx",
        ),
        ("wall street", "us", "new york", "american"),
    ),
    Index(
        "Dow Jones Industrial Average",
        "^DJI",
        "XNYS",
        "USD",
        "US",
        (
            "dow",
            "dow jones",
            "the dow",
            "dow industrials",
            "djia",
            "blue-chip dow",
            "dow jones industrials",
            "dow jones industrial average index",
        ),
    ),
    Index(
        "Nasdaq Composite",
        "^IXIC",
        "XNYS",
        "USD",
        "US",
        (
            "nasdaq",
            "nasdaq composite index",
            "tech-heavy nasdaq",
            "tech-heavy nasdaq composite",
            "technology-heavy nasdaq",
            "nasdaq composite index",
        ),
    ),
    Index(
        "Russell 2000",
        "^RUT",
        "XNYS",
        "USD",
        "US",
        ("russell", "small-cap russell 2000", "russell 2000 index"),
    ),
    Index(
        "DAX",
        "^GDAXI",
        "XETR",
        "EUR",
        "Germany",
        (
            "dax 30",
            "dax 40",
            "dax30",
            "dax40",
            "xetra dax",
            "frankfurt's dax",
            "german dax",
            "dax index",
            # a country's blue chips are its own index, not London's ("blue-chip index" alone)
            "germany's blue-chip index",
            "german blue-chip index",
            "frankfurt's blue-chip index",
            "germany's blue chip index",
            "german blue chip index",
        ),
        ("frankfurt", "germany", "german"),
    ),
    Index(
        "CAC 40",
        "^FCHI",
        "XPAR",
        "EUR",
        "France",
        (
            "cac",
            "cac40",
            "cac-40",
            "paris cac 40",
            "french cac 40",
            "france's blue-chip index",
            "french blue-chip index",
            "paris's blue-chip index",
            "france's blue chip index",
            "french blue chip index",
        ),
        ("paris", "france", "french"),
    ),
    Index(
        "Euro Stoxx 50",
        "^STOXX50E",
        # STOXX computes its indices on Eurex days: Ascension, Whit Monday, 24 and 31 December
        # included, as on Euronext (XPAR), unlike Xetra (PROVENANCE.md: a 2021-12-31 close exists)
        "XPAR",
        "EUR",
        "Eurozone",
        (
            "euro stoxx",
            "eurostoxx 50",
            "eurostoxx",
            "euro stoxx 50 index",
            "stoxx 50",
            "euro zone blue chips",
            "euro zone blue-chip index",
            "eurozone blue-chip index",
            "euro stoxx 50 index",
        ),
    ),
    Index(
        "STOXX Europe 600",
        "^STOXX",
        # STOXX computes its indices on Eurex days: Ascension, Whit Monday, 24 and 31 December
        # included, as on Euronext (XPAR), unlike Xetra (PROVENANCE.md: a 2021-12-31 close exists)
        "XPAR",
        "EUR",
        "Europe",
        (
            "stoxx 600",
            "stoxx600",
            "stoxx europe 600 index",
            "pan-european stoxx 600",
            "pan-european index",
            "pan-european stoxx 600 index",
            "europe's stoxx 600",
        ),
        ("europe", "european"),
    ),
    Index(
        "FTSE MIB",
        "FTSEMIB.MI",
        "XMIL",
        "EUR",
        "Italy",
        ("ftse mib index", "milan's ftse mib"),
        ("milan", "italy", "italian"),
    ),
    Index(
        "IBEX 35",
        "^IBEX",
        "XMAD",
        "EUR",
        "Spain",
        ("ibex", "ibex-35", "ibex35"),
        ("madrid", "spain", "spanish"),
    ),
    Index(
        "Nikkei 225",
        "^N225",
        "XTKS",
        "JPY",
        "Japan",
        (
            "nikkei",
            "nikkei share average",
            "nikkei stock average",
            "nikkei average",
            "nikkei 225 index",
            "japan's nikkei",
        ),
        ("tokyo", "japan", "japanese"),
    ),
    Index(
        "Topix", "^TOPX", "XTKS", "JPY", "Japan", ("topix index", "broader topix", "tokyo stock price index")
    ),
    Index("Hang Seng", "^HSI", "XHKG", "HKD", "Hong Kong", ("hang seng index", "hsi"), ("hong kong",)),
    Index(
        "Shanghai Composite",
        "000001.SS",
        "XSHG",
        "CNY",
        "China",
        (
            "shanghai composite index",
            "sse composite",
            "sse composite index",
            "shanghai stock exchange composite",
        ),
        ("shanghai", "china", "chinese"),
    ),
    Index(
        "Kospi",
        "^KS11",
        "XKRX",
        "KRW",
        "South Korea",
        ("kospi index", "korea composite stock price index"),
        ("seoul", "south korea", "korea"),
    ),
    Index(
        "S&P/ASX 200",
        "^AXJO",
        "XASX",
        "AUD",
        "Australia",
        ("asx 200", "asx200", "s&p/asx200", "asx"),
        ("sydney", "australia", "australian"),
    ),
    Index(
        "Sensex",
        "^BSESN",
        "XBOM",
        "INR",
        "India",
        ("bse sensex", "s&p bse sensex", "sensex index"),
        ("mumbai", "india", "indian"),
    ),
    Index(
        "S&P/TSX Composite",
        "^GSPTSE",
        "XTSE",
        "CAD",
        "Canada",
        ("s&p/tsx", "tsx", "tsx composite", "s&p/tsx composite index"),
        ("toronto", "canada", "canadian"),
    ),
)

#: Extra press names, added to the entries above (lower case, without a leading "the").
_EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "FTSE 100": (
        "ftse 100 index",
        "ftse 100 share index",
        "uk's blue-chip index",
        "london's ftse 100",
        "ukx",  # the Bloomberg ticker
        # as a script or a transcript spells it out
        "ftse one hundred",
        "ftse hundred",
    ),
    "FTSE 250": (
        "ftse two fifty",
        "ftse two-fifty",
        "ftse two hundred and fifty",
        "ftse 250 index",
        "uk-focused ftse 250",
        "domestically focussed mid-cap index",
        "domestically focused mid-cap index",
        "domestically-focused mid-cap index",
        "mid-cap ftse",
        "midcap ftse 250",
    ),
    "S&P 500": (
        "s&p 500 index",
        "benchmark s&p",
        "broader s&p 500",
        "broad s&p 500",
        "s&p-500",
        # as a script or a transcript spells it out
        "s and p 500",
        "s and p five hundred",
        "s&p five hundred",
    ),
    "Dow Jones Industrial Average": (
        "dow jones average",
        "dow jones industrial",
        "30-stock index",
        "30-stock dow",
        "dow 30",
        "dow industrial average",
        "dow jones industrials average",
        "indu",  # the Bloomberg ticker, as in a closing table ("INDU 34,641.18 -0.80%")
    ),
    "Nasdaq Composite": (
        "nasdaq composite",
        "tech-heavy index",
        "technology-heavy index",
        "tech-laden nasdaq",
        "tech-heavy nasdaq composite index",
        "ixic",
        "ccmp",  # the Bloomberg ticker
    ),
    "DAX": (
        "deutsche aktienindex",
        "deutscher aktienindex",
        "dax-index",
        "leitindex dax",
        "dax 40 index",
        "dax 30 index",
        "germany's dax",
    ),
    "CAC 40": (
        "cac 40 index",
        "cac-40 index",
        "paris bourse's cac 40",
        "l'indice parisien",
        "indice parisien",
    ),
    "Euro Stoxx 50": ("euro stoxx-50", "eurostoxx50", "euro-stoxx 50", "sx5e"),
    "STOXX Europe 600": (
        "euro stoxx 600",
        "stoxx europe 600",
        "stoxx 600 index",
        "europe-wide stoxx 600",
        "stoxx-600",
    ),
    "FTSE MIB": ("ftse mib", "ftse-mib", "ftsemib"),
    "Nikkei 225": (
        "nikkei-225",
        "nikkei225",
        "nikkei index",
        "benchmark nikkei",
        "nikkei 225 average",
        "nikkei 225 stock average",
        "nikkei 225 share average",
    ),
    "Topix": ("topix", "broader topix index"),
    "Hang Seng": ("hang seng", "hang seng index"),
    "Shanghai Composite": ("shanghai composite", "sse composite", "shanghai composite index"),
    "Kospi": ("kospi", "kospi composite", "korea composite stock price index"),
    "Russell 2000": ("rty",),  # the Bloomberg ticker
    "S&P/ASX 200": ("s&p/asx 200", "asx 200 index", "s&p/asx 200 index"),
    "Sensex": ("sensex", "bse sensex index", "s&p bse sensex index", "sensex 30"),
    "S&P/TSX Composite": ("s&p/tsx composite", "tsx composite index", "s&p/tsx composite index"),
}

#: Extra place names, in other languages too ("in Mailand", "a Francfort").
_EXTRA_PLACES: dict[str, tuple[str, ...]] = {
    "FTSE 100": ("londres", "londra", "londen"),
    "DAX": ("francfort", "fráncfort", "francoforte", "frankfurt am main"),
    "CAC 40": ("parigi", "parís", "parijs"),
    "FTSE MIB": ("mailand", "milano", "milán"),
    "IBEX 35": ("madrid",),
    "Nikkei 225": ("tokio",),
    "Hang Seng": ("hongkong",),
    "Kospi": ("seúl",),
}


def _extend(ix: Index) -> Index:
    aliases = tuple(dict.fromkeys(ix.aliases + _EXTRA_ALIASES.get(ix.name, ())))
    places = tuple(dict.fromkeys(ix.places + _EXTRA_PLACES.get(ix.name, ())))
    return Index(ix.name, ix.ticker, ix.calendar, ix.currency, ix.country, aliases, places)


INDICES = tuple(_extend(_ix) for _ix in INDICES)


@dataclass(frozen=True)
class OtherIndex:
    """An index the press names that is *not* in the registry (no ticker we support).

    The reader reports claims about these with ``ticker=None`` instead of mapping them to a
    similar-sounding index (the Nasdaq-100 is not the Nasdaq Composite).

    Attributes
    ----------
    name
        Display name, e.g. ``"Nasdaq-100"``.
    calendar
        exchange_calendars code of its exchange, or ``None``.
    names
        Lower-case press names.
    volatility
        True for volatility indices (VIX): their moves are not market moves and are skipped.
    """

    name: str
    calendar: str | None
    names: tuple[str, ...]
    volatility: bool = False


OTHER_INDICES: tuple[OtherIndex, ...] = (
    OtherIndex(
        "Nasdaq-100",
        "XNYS",
        (
            "nasdaq-100",
            "nasdaq 100",
            "nasdaq100",
            "nasdaq 100 index",
            "ndx",
            "nasdaq one hundred",
            "nasdaq hundred",
        ),
    ),
    OtherIndex(
        "Dow Jones Transportation Average",
        "XNYS",
        (
            "dow jones transportation average",
            "dow jones transportation",
            "dow transports",
            "dow transportation average",
            "dow jones transports",
        ),
    ),
    OtherIndex(
        "Dow Jones Composite Average",
        "XNYS",
        ("dow jones composite average", "dow jones composite", "dow composite"),
    ),
    OtherIndex(
        "Dow Jones Utility Average",
        "XNYS",
        ("dow jones utility average", "dow jones utilities", "dow utilities"),
    ),
    OtherIndex("S&P MidCap 400", "XNYS", ("s&p midcap 400", "s&p 400", "s&p mid-cap 400")),
    OtherIndex("Wilshire 5000", "XNYS", ("wilshire 5000",)),
    OtherIndex("FTSE 350", "XLON", ("ftse 350",)),
    # other members of the FTSE family, which the bare "FTSE" (the FTSE 100) must not swallow
    OtherIndex(
        "FTSE SmallCap", "XLON", ("ftse smallcap", "ftse small cap", "ftse small-cap", "ftse smallcap index")
    ),
    OtherIndex("FTSE Fledgling", "XLON", ("ftse fledgling",)),
    OtherIndex("FTSE AIM 100", "XLON", ("ftse aim 100", "aim 100")),
    OtherIndex("FTSE AIM UK 50", "XLON", ("ftse aim uk 50", "aim uk 50")),
    OtherIndex("FTSE China A50", "XSHG", ("ftse china a50", "china a50", "ftse china a50 index", "ftse a50")),
    OtherIndex(
        "FTSE/ATHEX Large Cap", "ASEX", ("ftse/athex large cap", "athex large cap", "ftse athex large cap")
    ),
    OtherIndex(
        "FTSE Bursa Malaysia KLCI", "XKLS", ("ftse bursa malaysia klci", "klci", "ftse bursa malaysia")
    ),
    OtherIndex("FTSEurofirst 300", None, ("ftseurofirst 300", "ftse eurofirst 300", "eurofirst 300")),
    OtherIndex("FTSE All-World", None, ("ftse all-world", "ftse all world")),
    OtherIndex("FTSE Italia All-Share", "XMIL", ("ftse italia all-share", "ftse italia all share")),
    OtherIndex(
        "FTSE AIM All-Share",
        "XLON",
        ("aim all-share", "ftse aim all-share", "aim all share", "aim", "aim market", "junior aim market"),
    ),
    OtherIndex("Cboe UK 100", "XLON", ("cboe uk 100",)),
    OtherIndex("Cboe UK 250", "XLON", ("cboe uk 250",)),
    OtherIndex("STOXX Europe 50", "XPAR", ("stoxx europe 50", "stoxx 50 europe")),
    OtherIndex("Euro Stoxx Banks", "XETR", ("euro stoxx banks", "stoxx europe 600 banks")),
    OtherIndex("MDAX", "XETR", ("mdax",)),
    OtherIndex("Hang Seng Tech Index", "XHKG", ("hang seng tech", "hang seng tech index", "hstech")),
    OtherIndex(
        "Hang Seng China Enterprises Index",
        "XHKG",
        ("hang seng china enterprises", "hang seng china enterprises index", "h-share index"),
    ),
    OtherIndex(
        "SZSE Component",
        "XSHG",
        (
            "shenzhen component",
            "shenzhen component index",
            "szse component",
            "shenzhen composite",
            "shenzhen composite index",
            "szse composite",
        ),
    ),
    OtherIndex("ChiNext", "XSHG", ("chinext", "chinext index")),
    OtherIndex("CSI 300", "XSHG", ("csi 300", "csi300", "csi 300 index")),
    OtherIndex(
        "MOEX Russia", "XMOS", ("moex", "moex russia", "moex index", "moex russia index", "rts", "rts index")
    ),
    OtherIndex("Kosdaq", "XKRX", ("kosdaq",)),
    OtherIndex("SMI", "XSWX", ("smi", "swiss market index", "smi index", "swiss market index smi")),
    OtherIndex("Nifty 50", "XBOM", ("nifty", "nifty 50", "nse nifty", "nifty50")),
    OtherIndex("Straits Times Index", "XSES", ("straits times index", "straits times")),
    OtherIndex("Taiex", "XTAI", ("taiex",)),
    OtherIndex("Bovespa", "BVMF", ("bovespa", "ibovespa")),
    OtherIndex("All Ordinaries", "XASX", ("all ordinaries", "all ords")),
    # outside the bundled markets: named so that "All Share" or "Top 40" is not London's
    OtherIndex(
        "Tadawul All Share Index",
        "XSAU",
        ("tadawul all share index", "tadawul all share", "tadawul all-share", "tadawul", "tasi"),
    ),
    OtherIndex(
        "FTSE/JSE All Share",
        "XJSE",
        (
            "ftse/jse all share",
            "ftse/jse all-share",
            "jse all share",
            "jse all-share",
            "ftse/jse all share index",
        ),
    ),
    OtherIndex("FTSE/JSE Top 40", "XJSE", ("ftse/jse top 40", "jse top 40", "top 40 index", "top-40 index")),
    OtherIndex("S&P/NZX 50", "XNZE", ("s&p/nzx 50", "nzx 50", "s&p/nzx 50 index", "nzx 50 index")),
    OtherIndex("ISEQ Overall", "XDUB", ("iseq index", "iseq overall", "iseq 20")),
    OtherIndex("DFM General Index", None, ("dfm general index", "dfm index", "dfm general")),
    OtherIndex("FTSE ADX General Index", None, ("adx general index", "abu dhabi index", "fadgi")),
    OtherIndex("Russell 1000", "XNYS", ("russell 1000",)),
    OtherIndex(
        "Cboe Volatility Index",
        None,
        (
            "vix",
            "cboe volatility index",
            "cboe market volatility index",
            "volatility index",
            "vstoxx",
            "fear gauge",
            "fear index",
        ),
        volatility=True,
    ),
)

_BY_TICKER = {ix.ticker.lower(): ix for ix in INDICES}
_BY_NAME: dict[str, Index] = {}
for _ix in INDICES:
    for _n in _ix.names:
        _BY_NAME.setdefault(_n, _ix)


def _normalise(name: str) -> str:
    name = re.sub(r"\s+", " ", name.strip().lower())
    name = name.replace("\u2019", "'")
    if name.startswith("the "):
        name = name[4:]
    return name


def find(name: str) -> Index | None:
    """Return the index with this ticker, canonical name or alias, or ``None``."""
    key = name.strip().lower()
    if key in _BY_TICKER:
        return _BY_TICKER[key]
    key = _normalise(name)
    return _BY_NAME.get(key) or _BY_NAME.get(key.replace(" index", ""))


def lookup(name: str) -> Index:
    """Return the index with this ticker, canonical name or alias.

    Raises
    ------
    UnknownIndexError
        If the name is not known.
    """
    ix = find(name)
    if ix is None:
        raise UnknownIndexError(name)
    return ix


def by_ticker(ticker: str) -> Index:
    """Return the index with this Yahoo ticker.

    Raises
    ------
    UnknownIndexError
        If the ticker is not in the registry.
    """
    ix = _BY_TICKER.get(ticker.strip().lower())
    if ix is None:
        raise UnknownIndexError(ticker)
    return ix


_OTHER_BY_NAME: dict[str, OtherIndex] = {}
for _ox in OTHER_INDICES:
    for _n in _ox.names:
        _OTHER_BY_NAME.setdefault(_n, _ox)


def find_other(name: str) -> OtherIndex | None:
    """Return the unsupported index called ``name`` (``"Nasdaq-100"``), or ``None``.

    Examples
    --------
    >>> find_other("the Nasdaq 100").name
    'Nasdaq-100'
    >>> find_other("FTSE 100") is None
    True
    """
    key = _normalise(name)
    return _OTHER_BY_NAME.get(key) or _OTHER_BY_NAME.get(key.replace(" index", ""))


#: The index the press calls a market's "blue-chip index", by :attr:`Index.country`: a
#: registry name or an :data:`OTHER_INDICES` name (China's blue chips are the CSI 300, which
#: we do not support). A country not here (South Korea, Canada) has no blue-chip index we know.
BLUE_CHIPS: dict[str, str] = {
    "UK": "FTSE 100",
    "US": "Dow Jones Industrial Average",
    "Germany": "DAX",
    "France": "CAC 40",
    "Eurozone": "Euro Stoxx 50",
    "Europe": "Euro Stoxx 50",
    "Italy": "FTSE MIB",
    "Spain": "IBEX 35",
    "Japan": "Nikkei 225",
    "Hong Kong": "Hang Seng",
    "China": "CSI 300",
    "Australia": "S&P/ASX 200",
    "India": "Nifty 50",
}


def blue_chip(country: str) -> Index | OtherIndex | None:
    """The index the press calls ``country``'s blue-chip index, or ``None`` if we know none.

    Examples
    --------
    >>> blue_chip("Japan").name
    'Nikkei 225'
    >>> blue_chip("US").name
    'Dow Jones Industrial Average'
    >>> blue_chip("China")  # doctest: +ELLIPSIS
    OtherIndex(name='CSI 300', ...)
    >>> blue_chip("Canada") is None
    True
    """
    name = BLUE_CHIPS.get(country)
    if name is None:
        return None
    return find(name) or find_other(name)
