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

__all__ = ["Index", "INDICES", "lookup", "by_ticker", "find"]


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
    Index("FTSE 100", "^FTSE", "XLON", "GBP", "UK",
          ("ftse", "footsie", "ftse-100", "ftse100", "uk 100", "blue-chip index", "blue chip index",
           "blue-chip ftse", "blue-chip ftse 100", "london's benchmark", "london's benchmark index",
           "london's blue-chip index", "london's top-flight index", "top-flight index",
           "the uk's benchmark index", "london blue-chip index"),
          ("london", "uk", "britain", "british")),
    Index("FTSE 250", "^FTMC", "XLON", "GBP", "UK",
          ("ftse-250", "ftse250", "mid-cap index", "midcap index", "mid cap index",
           "mid-cap ftse 250", "domestically focused ftse 250", "domestically-focused ftse 250",
           "uk mid-cap index", "london's mid-cap index")),
    Index("FTSE All-Share", "^FTAS", "XLON", "GBP", "UK",
          ("ftse all share", "ftse all-share index", "all-share", "all share index")),
    Index("S&P 500", "^GSPC", "XNYS", "USD", "US",
          ("s&p", "s&p500", "s&p 500 index", "standard & poor's 500", "standard and poor's 500",
           "broad-based s&p 500", "benchmark s&p 500", "spx"),
          ("wall street", "us", "new york", "american")),
    Index("Dow Jones Industrial Average", "^DJI", "XNYS", "USD", "US",
          ("dow", "dow jones", "the dow", "dow industrials", "djia", "blue-chip dow",
           "dow jones industrials", "dow jones industrial average index")),
    Index("Nasdaq Composite", "^IXIC", "XNYS", "USD", "US",
          ("nasdaq", "nasdaq composite index", "tech-heavy nasdaq", "tech-heavy nasdaq composite",
           "technology-heavy nasdaq", "nasdaq composite index")),
    Index("Russell 2000", "^RUT", "XNYS", "USD", "US",
          ("russell", "small-cap russell 2000", "russell 2000 index")),
    Index("DAX", "^GDAXI", "XETR", "EUR", "Germany",
          ("dax 30", "dax 40", "dax30", "dax40", "xetra dax", "frankfurt's dax", "german dax",
           "dax index"),
          ("frankfurt", "germany", "german")),
    Index("CAC 40", "^FCHI", "XPAR", "EUR", "France",
          ("cac", "cac40", "cac-40", "paris cac 40", "french cac 40"),
          ("paris", "france", "french")),
    Index("Euro Stoxx 50", "^STOXX50E", "XETR", "EUR", "Eurozone",
          ("euro stoxx", "eurostoxx 50", "eurostoxx", "euro stoxx 50 index", "stoxx 50",
           "euro zone blue chips", "euro zone blue-chip index", "eurozone blue-chip index",
           "euro stoxx 50 index")),
    Index("STOXX Europe 600", "^STOXX", "XETR", "EUR", "Europe",
          ("stoxx 600", "stoxx600", "stoxx europe 600 index", "pan-european stoxx 600",
           "pan-european index", "pan-european stoxx 600 index", "europe's stoxx 600"),
          ("europe", "european")),
    Index("FTSE MIB", "FTSEMIB.MI", "XMIL", "EUR", "Italy",
          ("ftse mib index", "milan's ftse mib"), ("milan", "italy", "italian")),
    Index("IBEX 35", "^IBEX", "XMAD", "EUR", "Spain",
          ("ibex", "ibex-35", "ibex35"), ("madrid", "spain", "spanish")),
    Index("Nikkei 225", "^N225", "XTKS", "JPY", "Japan",
          ("nikkei", "nikkei share average", "nikkei stock average", "nikkei average",
           "nikkei 225 index", "japan's nikkei"),
          ("tokyo", "japan", "japanese")),
    Index("Topix", "^TOPX", "XTKS", "JPY", "Japan",
          ("topix index", "broader topix", "tokyo stock price index")),
    Index("Hang Seng", "^HSI", "XHKG", "HKD", "Hong Kong",
          ("hang seng index", "hsi"), ("hong kong",)),
    Index("Shanghai Composite", "000001.SS", "XSHG", "CNY", "China",
          ("shanghai composite index", "sse composite", "sse composite index",
           "shanghai stock exchange composite"),
          ("shanghai", "china", "chinese")),
    Index("Kospi", "^KS11", "XKRX", "KRW", "South Korea",
          ("kospi index", "korea composite stock price index"), ("seoul", "south korea", "korea")),
    Index("S&P/ASX 200", "^AXJO", "XASX", "AUD", "Australia",
          ("asx 200", "asx200", "s&p/asx200", "asx"), ("sydney", "australia", "australian")),
    Index("Sensex", "^BSESN", "XBOM", "INR", "India",
          ("bse sensex", "s&p bse sensex", "sensex index"), ("mumbai", "india", "indian")),
    Index("S&P/TSX Composite", "^GSPTSE", "XTSE", "CAD", "Canada",
          ("s&p/tsx", "tsx", "tsx composite", "s&p/tsx composite index"),
          ("toronto", "canada", "canadian")),
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
