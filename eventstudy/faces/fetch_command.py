"""``eventstudy fetch``: download prices into the local store, for offline work later.

Example::

    eventstudy fetch ^FTMC ^FTSE --start 2019-01-01 --end 2019-12-31 --store prices.sqlite

A ticker may also be given by an index name or alias of :mod:`eventstudy.indices`
(``"FTSE 100"``, ``footsie``): it is fetched under its Yahoo ticker (``^FTSE``). Only the
sub-ranges that neither the bundled data nor the store already cover are downloaded;
each ticker gets one line on stdout, each failure one line on stderr (exit status 2).

With ``--offline`` or ``EVENTSTUDY_OFFLINE=1`` nothing is downloaded: a ticker whose
range the bundled data and the store already cover says "nothing to fetch", any other
is an error that says how to fetch it.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import shlex
import sys
import warnings
from collections.abc import Iterator
from datetime import date

from ..exceptions import EventStudyError, PriceDataError, PriceUnavailableError, StoreError, UnknownIndexError
from ..indices import find, find_other
from ..prices.coverage import format_intervals, last_settled_day
from ..prices.loader import OFFLINE_ENV, PriceLoader

__all__ = ["add_parser", "run", "resolve_ticker"]


def _date(text: str) -> date:
    from .api import parse_date

    try:
        return parse_date(text)
    except EventStudyError as e:  # ISO only: '' and 'NaT' are not dates, 03/02 is not guessed
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD") from e


def env_offline() -> bool:
    """Whether ``$EVENTSTUDY_OFFLINE`` asks to stay off the network."""
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


@contextlib.contextmanager
def _quiet_yfinance(network: bool = True) -> Iterator[None]:
    """yfinance logs each failure over many lines and pandas warns about its internals;
    our own one-line error says what failed, so silence both while downloading."""
    if not network:
        yield
        return
    with contextlib.suppress(ImportError):
        import yfinance  # noqa: F401  # its import adds a warning filter; let it do so first
    logger = logging.getLogger("yfinance")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``fetch`` sub-command to ``subparsers`` and return its parser."""
    p = subparsers.add_parser(
        "fetch",
        help="download index prices into the local store",
        description=(
            "Download daily prices from Yahoo Finance into the local price store, fetching only "
            "what the bundled data and the store lack, so that later runs work offline."
        ),
    )
    p.add_argument(
        "tickers",
        nargs="+",
        metavar="TICKER",
        help="Yahoo tickers or index names, e.g. ^FTMC ^FTSE 'FTSE 100'",
    )
    p.add_argument("--start", type=_date, required=True, help="first date, YYYY-MM-DD (inclusive)")
    p.add_argument(
        "--end", type=_date, default=None, help="last date, YYYY-MM-DD (inclusive; default: yesterday)"
    )
    p.add_argument(
        "--store",
        default=None,
        metavar="PATH",
        help="store file (default: $EVENTSTUDY_STORE, else the user cache directory)",
    )
    p.add_argument(
        "--offline",
        action="store_true",
        help="download nothing: only report what the bundled data and the store already hold",
    )
    p.set_defaults(run=run)
    return p


def resolve_ticker(name: str) -> str:
    """The Yahoo ticker of ``name``: a registry ticker, index name or alias, or a ticker as given.

    Raises
    ------
    UnknownIndexError
        If ``name`` is not in the registry and cannot be a Yahoo ticker (it holds a space).
    """
    text = name.strip()
    ix = find(text)
    if ix is not None:
        return ix.ticker
    other = find_other(text)
    if other is not None:
        raise UnknownIndexError(
            name,
            f"{other.name} is not in eventstudy.indices, so its ticker is not known here; "
            "give its Yahoo ticker instead",
        )
    if not text or any(ch.isspace() for ch in text):
        raise UnknownIndexError(
            name,
            f"{name!r} is neither an index of eventstudy.indices nor a Yahoo ticker; give a "
            "ticker such as ^FTSE or a name such as 'FTSE 100'",
        )
    return text


def run(args: argparse.Namespace) -> int:
    """Fill the store; return 0 if every ticker is complete, 2 if any failed."""
    settled = last_settled_day()
    start = args.start
    if start > settled:
        print(
            f"eventstudy fetch: error: --start {start} is after {settled}, the last settled day: "
            "dates in the future have no prices yet; give an earlier --start",
            file=sys.stderr,
        )
        return 2
    end = args.end or settled
    if end > settled:
        print(
            f"eventstudy fetch: note: --end {end} is after the last settled day; using {settled}",
            file=sys.stderr,
        )
        end = settled
    if start > end:
        print(
            f"eventstudy fetch: error: --start {start} is after --end {end}; give an earlier --start",
            file=sys.stderr,
        )
        return 2
    offline = bool(getattr(args, "offline", False))
    why_offline = "--offline is given" if offline else f"{OFFLINE_ENV} is set" if env_offline() else ""
    # fetch's purpose is to fill the store, so a store that cannot keep the prices is an error;
    # offline (--offline or $EVENTSTUDY_OFFLINE) it only says what is missing, off the network
    loader = PriceLoader(store_path=args.store, offline=bool(why_offline), require_store=True)
    failed = 0
    resolved: dict[str, str] = {}
    for name in args.tickers:
        try:
            resolved.setdefault(resolve_ticker(name), name)
        except UnknownIndexError as e:
            failed += 1
            print(f"eventstudy fetch: error: {e}", file=sys.stderr)
    for ticker, name in resolved.items():
        label = ticker if name.strip() == ticker else f"{ticker} ({name.strip()})"
        try:
            gaps = loader.missing(ticker, start, end)
            if gaps and why_offline:
                raise PriceUnavailableError(
                    f"{label} {format_intervals(gaps)} not fetched: {why_offline}, which keeps "
                    f"eventstudy off the network; to fetch, run `{_fetch_hint(ticker, gaps, args.store)}`",
                    ticker=ticker,
                    start=gaps[0][0],
                    end=gaps[-1][1],
                )
            with _quiet_yfinance(not why_offline):
                frame = loader.history(ticker, start, end)
        except PriceDataError as e:
            failed += 1
            print(f"eventstudy fetch: error: {e}", file=sys.stderr)
            continue
        except StoreError as e:  # read-only or in use: the other tickers would fail the same way
            print(f"eventstudy fetch: error: {e}", file=sys.stderr)
            return 2
        done = f"fetched {format_intervals(gaps)}" if gaps else "nothing to fetch"
        print(f"{label} {start}..{end}: {len(frame)} sessions; {done}; store {loader.store.path}")
    return 2 if failed else 0


def _fetch_hint(ticker: str, gaps: list[tuple[date, date]], store: str | None) -> str:
    """The command that fetches ``gaps`` of ``ticker`` online."""
    env = f"{OFFLINE_ENV}= " if env_offline() else ""
    where = f" --store {shlex.quote(store)}" if store else ""
    return f"{env}eventstudy fetch {ticker} --start {gaps[0][0]} --end {gaps[-1][1]}{where}"
