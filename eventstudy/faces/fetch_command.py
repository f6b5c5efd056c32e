"""``eventstudy fetch``: download prices into the local store, for offline work later.

Example::

    eventstudy fetch ^FTMC ^FTSE --start 2019-01-01 --end 2019-12-31 --store prices.sqlite

Only the sub-ranges that neither the bundled data nor the store already cover are
downloaded; each ticker gets one line on stdout, each failure one line on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import warnings
from collections.abc import Iterator
from datetime import date

from ..exceptions import EventStudyError, PriceDataError, StoreError
from ..prices.coverage import format_intervals, last_settled_day
from ..prices.loader import OFFLINE_ENV, PriceLoader

__all__ = ["add_parser", "run"]


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
    p.add_argument("tickers", nargs="+", metavar="TICKER", help="Yahoo tickers, e.g. ^FTMC ^FTSE")
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
    p.set_defaults(run=run)
    return p


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
    # fetch is the one command that is asked to go online: $EVENTSTUDY_OFFLINE does not stop it;
    # its purpose is to fill the store, so a store that cannot keep the prices is an error
    loader = PriceLoader(store_path=args.store, offline=False, require_store=True)
    failed = 0
    for ticker in dict.fromkeys(args.tickers):
        try:
            gaps = loader.missing(ticker, start, end)
            with _quiet_yfinance():
                frame = loader.history(ticker, start, end)
        except PriceDataError as e:
            failed += 1
            print(f"eventstudy fetch: error: {e}", file=sys.stderr)
            continue
        except StoreError as e:  # read-only or in use: the other tickers would fail the same way
            print(f"eventstudy fetch: error: {e}", file=sys.stderr)
            return 2
        done = f"fetched {format_intervals(gaps)}" if gaps else "nothing to fetch"
        print(f"{ticker} {start}..{end}: {len(frame)} sessions; {done}; store {loader.store.path}")
    return 2 if failed else 0
