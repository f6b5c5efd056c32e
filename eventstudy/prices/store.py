"""The local price store: one SQLite file that keeps every series fetched, and what it covers.

Each stored row is one session of one ticker (raw OHLC, as the source gave it). Beside
the rows the store keeps *coverage*: per ticker, the inclusive date intervals known to be
complete (every expected session has a row). Only coverage says what the store can
answer; rows outside it are kept but never served as a complete range. Coverage
intervals are merged when they overlap or touch, so asking again for anything inside
them never goes to the network.

The file is found, in order, from the ``path`` argument, the ``EVENTSTUDY_STORE``
environment variable, or ``platformdirs.user_cache_dir("eventstudy")/prices.sqlite``.

Safety
------
* Every write is one transaction (``BEGIN IMMEDIATE``): rows and coverage change together
  or not at all; concurrent readers see either the old or the new state.
* A store that does not exist yet is created on the first write only; reading a missing
  store answers "nothing stored".
* Nothing is ever deleted or migrated destructively. A file that is not an eventstudy
  store (garbage bytes, another application's database, a newer schema) raises
  :class:`~eventstudy.exceptions.StoreError` naming the path and is left untouched.
* A store locked by another process is waited for (``timeout`` seconds), then raises a
  :class:`~eventstudy.exceptions.StoreError` that says so (``reason == "in use"``); a
  store that cannot be written because the file or its folder is read-only says that
  (``reason == "read-only"``). Neither is damaged: the advice is to retry or to use
  another file, never to move a healthy store aside.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from ..exceptions import PartialPriceDataError, PriceUnavailableError, StoreError
from .base import COLUMNS
from .coverage import Interval, conform, format_intervals, merge, parse_range, subtract

__all__ = ["PriceStore", "default_store_path", "STORE_ENV"]

#: Environment variable that overrides the default store path.
STORE_ENV = "EVENTSTUDY_STORE"

#: Seconds a store waits for another process that holds it locked (``PriceStore(timeout=None)``).
DEFAULT_TIMEOUT = 30.0

_APPLICATION_ID = 0x45565354  # "EVST": marks the file as an eventstudy store
_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS prices (
    ticker TEXT NOT NULL,
    date TEXT NOT NULL,
    open REAL, high REAL, low REAL,
    close REAL NOT NULL,
    source TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (ticker, date)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS coverage (
    ticker TEXT NOT NULL,
    first TEXT NOT NULL,
    last TEXT NOT NULL,
    PRIMARY KEY (ticker, first)
) WITHOUT ROWID;
"""


def default_store_path() -> Path:
    """``$EVENTSTUDY_STORE`` if set, else ``<user cache dir>/eventstudy/prices.sqlite``."""
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("eventstudy")) / "prices.sqlite"


#: Why a store cannot be used, kept as ``StoreError.reason``.
IN_USE, READ_ONLY, UNUSABLE = "in use", "read-only", "unusable"


def _error(message: str, path: Path, reason: str = UNUSABLE) -> StoreError:
    err = StoreError(message)
    err.path = str(path)  # type: ignore[attr-defined]
    err.reason = reason  # type: ignore[attr-defined]
    return err


def _sqlite_code(e: sqlite3.Error) -> int:
    """The primary SQLite result code of ``e`` (0 if unknown)."""
    code = getattr(e, "sqlite_errorcode", None)
    if code is None:  # pragma: no cover - Python 3.11+ always sets it
        text = str(e).lower()
        return 5 if "locked" in text else 8 if "readonly" in text else 0
    return int(code) & 0xFF


def _sqlite_error(e: sqlite3.Error, path: Path, *, write: bool, timeout: float) -> StoreError:
    """The :class:`StoreError` for an SQLite failure on the store at ``path``, with the right advice."""
    code = _sqlite_code(e)
    if code in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED
        return _error(
            f"the price store {path} is in use by another process (still locked after {timeout:g} s); "
            f"retry when that process has finished, or set {STORE_ENV} to another file",
            path,
            IN_USE,
        )
    if code == 8:  # SQLITE_READONLY (the file, its folder or the file system)
        return _error(
            f"the price store {path} is read-only ({e}); make it and its folder writable, "
            f"or set {STORE_ENV} to a writable file",
            path,
            READ_ONLY,
        )
    if code in (3, 14, 23):  # SQLITE_PERM, SQLITE_CANTOPEN, SQLITE_AUTH
        return _error(
            f"the price store {path} cannot be {'written' if write else 'read'} ({e}); check the "
            f"permissions of the file and its folder, or set {STORE_ENV} to another file",
            path,
        )
    if code == 13:  # SQLITE_FULL
        return _error(
            f"the price store {path} cannot be written: the disk is full ({e}); free some space "
            f"or set {STORE_ENV} to a file on another disk",
            path,
        )
    return _error(
        f"the price store {path} cannot be {'written' if write else 'read'} ({e}); "
        f"it was left as it is: move it aside or set {STORE_ENV} to another file",
        path,
    )


class PriceStore:
    """Daily prices kept in a local SQLite file, with the date ranges known complete.

    Parameters
    ----------
    path
        The SQLite file. ``None``: ``$EVENTSTUDY_STORE``, else the user cache directory
        (see :func:`default_store_path`).
    timeout
        Seconds to wait for another process that holds the store locked, before raising
        :class:`~eventstudy.exceptions.StoreError` (``reason == "in use"``). ``None``:
        :data:`DEFAULT_TIMEOUT` (30 s).

    Notes
    -----
    ``history`` makes the store a :class:`~eventstudy.prices.base.PriceSource`: it answers
    only from coverage and raises when the range is not (fully) covered.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> store = PriceStore(pathlib.Path(tempfile.mkdtemp()) / "prices.sqlite")
    >>> store.coverage("^FTMC")
    []
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, timeout: float | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else default_store_path()
        self.timeout = float(DEFAULT_TIMEOUT if timeout is None else timeout)

    def __repr__(self) -> str:
        return f"PriceStore({str(self.path)!r})"

    # -- connections ---------------------------------------------------------------------

    @contextmanager
    def _connect(self, *, write: bool) -> Iterator[sqlite3.Connection | None]:
        """A checked connection; ``None`` when reading a store that does not exist yet."""
        path = self.path
        if not write and not path.exists():
            yield None
            return
        if path.is_dir():
            raise _error(f"price store {path} is a directory; give a file path (EVENTSTUDY_STORE)", path)
        try:
            if write:
                path.parent.mkdir(parents=True, exist_ok=True)
                con = sqlite3.connect(path, timeout=self.timeout, isolation_level=None)
            else:
                con = sqlite3.connect(
                    f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=self.timeout, isolation_level=None
                )
        except sqlite3.Error as e:
            if _sqlite_code(e) in (5, 6, 8):
                raise _sqlite_error(e, path, write=write, timeout=self.timeout) from e
            raise _error(
                f"cannot open the price store {path} ({e}); pass another store path or set "
                f"{STORE_ENV} to a writable file",
                path,
            ) from e
        except OSError as e:
            raise _error(
                f"cannot open the price store {path} ({e}); pass another store path or set "
                f"{STORE_ENV} to a writable file",
                path,
            ) from e
        try:
            ready = self._check(con, write=write)
            yield con if ready else None
        except sqlite3.Error as e:
            raise _sqlite_error(e, path, write=write, timeout=self.timeout) from e
        finally:
            con.close()

    def _check(self, con: sqlite3.Connection, *, write: bool) -> bool:
        """Refuse files that are not eventstudy stores; create the schema in a new file.

        Returns whether the schema exists (a new, empty file opened for reading has none).
        """
        app_id, version, n_tables = _header(con)
        if app_id == 0 and n_tables == 0:
            if not write:
                return False
            con.execute("BEGIN IMMEDIATE")
            try:
                app_id, version, n_tables = _header(con)  # another process may have won the race
                if app_id == 0 and n_tables == 0:
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            con.execute(statement)
                    con.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
                    con.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
                    app_id, version = _APPLICATION_ID, _SCHEMA_VERSION
                con.execute("COMMIT")
            except BaseException:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise
        if app_id != _APPLICATION_ID:
            raise _error(
                f"{self.path} is an SQLite file of another application, not an eventstudy price store; "
                f"it was left as it is: set {STORE_ENV} to another file",
                self.path,
            )
        if version > _SCHEMA_VERSION:
            raise _error(
                f"the price store {self.path} was written by a newer eventstudy (schema {version}, "
                f"this one reads {_SCHEMA_VERSION}); upgrade eventstudy or use another store",
                self.path,
            )
        return True

    # -- reading -------------------------------------------------------------------------

    def coverage(self, ticker: str) -> list[Interval]:
        """The inclusive date intervals stored complete for ``ticker``, sorted."""
        with self._connect(write=False) as con:
            if con is None:
                return []
            rows = con.execute(
                "SELECT first, last FROM coverage WHERE ticker = ? ORDER BY first", (ticker,)
            ).fetchall()
        return [(date.fromisoformat(a), date.fromisoformat(b)) for a, b in rows]

    def tickers(self) -> list[str]:
        """Tickers with any stored coverage."""
        with self._connect(write=False) as con:
            if con is None:
                return []
            return [r[0] for r in con.execute("SELECT DISTINCT ticker FROM coverage ORDER BY ticker")]

    def missing(self, ticker: str, start: date, end: date) -> list[Interval]:
        """The parts of ``start .. end`` (inclusive) not covered by the store."""
        start, end = parse_range(start, end)
        return subtract((start, end), self.coverage(ticker))

    def read(self, ticker: str, start: date, end: date) -> pd.DataFrame:
        """Stored rows for ``ticker`` inside its coverage, from ``start`` to ``end`` inclusive.

        A low-level read: the frame may be empty or hold only part of the range; use
        :meth:`history` for the source contract (complete or raise).
        """
        start, end = parse_range(start, end)
        with self._connect(write=False) as con:
            if con is None:
                rows: list[tuple] = []
            else:
                rows = con.execute(
                    "SELECT p.date, p.open, p.high, p.low, p.close FROM prices p "
                    "JOIN coverage c ON c.ticker = p.ticker AND p.date BETWEEN c.first AND c.last "
                    "WHERE p.ticker = ? AND p.date BETWEEN ? AND ? ORDER BY p.date",
                    (ticker, start.isoformat(), end.isoformat()),
                ).fetchall()
        return _frame(rows)

    def history(self, ticker: str, start: date, end: date) -> pd.DataFrame:
        """OHLC for ``ticker`` from ``start`` to ``end`` inclusive, if the store covers it all.

        Raises
        ------
        PriceUnavailableError
            If the store has nothing for the range.
        PartialPriceDataError
            If the store covers only part of it.
        """
        start, end = parse_range(start, end)
        gaps = self.missing(ticker, start, end)
        frame = self.read(ticker, start, end)
        if frame.empty:
            raise PriceUnavailableError(
                f"the price store {self.path} has no prices for {ticker} {start}..{end}; "
                "run `eventstudy fetch` online",
                ticker=ticker,
                start=start,
                end=end,
            )
        if gaps:
            raise PartialPriceDataError(
                f"the price store {self.path} lacks {ticker} {format_intervals(gaps)}; "
                "run `eventstudy fetch` online",
                ticker=ticker,
                start=start,
                end=end,
            )
        return frame

    # -- writing -------------------------------------------------------------------------

    def write(
        self, ticker: str, frame: pd.DataFrame, *, coverage: Iterable[Interval], source: str = "yahoo"
    ) -> None:
        """Store ``frame``'s rows for ``ticker`` and mark ``coverage`` as complete, in one transaction.

        Parameters
        ----------
        ticker
            The ticker the rows belong to.
        frame
            OHLC rows (``date`` index; ``close`` must not be NaN). May be empty only if
            ``coverage`` is empty too.
        coverage
            Inclusive intervals in which ``frame`` holds every session. Give exactly what the
            source answered for, never the range that was asked for if the answer fell short.
        source
            Where the rows came from, kept with each row.

        Raises
        ------
        StoreError
            If the file cannot be opened or written (it is left unchanged).
        PriceUnavailableError
            If ``frame`` is empty but ``coverage`` is not (an empty answer is never complete).
        """
        intervals = merge(parse_range(a, b) for a, b in coverage)
        if frame.empty:
            if intervals:
                raise PriceUnavailableError(
                    f"refusing to store an empty answer for {ticker} as covering "
                    f"{format_intervals(intervals)}",
                    ticker=ticker,
                )
            return
        frame = conform(frame)
        if frame["close"].isna().any():
            raise PriceUnavailableError(f"refusing to store rows without a close for {ticker}", ticker=ticker)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        values = frame.to_numpy()
        rows = [
            (ticker, d, *(None if np.isnan(v) else float(v) for v in vals), source, stamp)
            for d, vals in zip(frame.index.strftime("%Y-%m-%d"), values, strict=True)
        ]
        with self._connect(write=True) as con:
            assert con is not None
            con.execute("BEGIN IMMEDIATE")
            try:
                con.executemany(
                    "INSERT OR REPLACE INTO prices (ticker, date, open, high, low, close, source, fetched_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                old = con.execute("SELECT first, last FROM coverage WHERE ticker = ?", (ticker,)).fetchall()
                merged = merge([(date.fromisoformat(a), date.fromisoformat(b)) for a, b in old] + intervals)
                con.execute("DELETE FROM coverage WHERE ticker = ?", (ticker,))
                con.executemany(
                    "INSERT INTO coverage (ticker, first, last) VALUES (?, ?, ?)",
                    [(ticker, a.isoformat(), b.isoformat()) for a, b in merged],
                )
                con.execute("COMMIT")
            except BaseException:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise


def _header(con: sqlite3.Connection) -> tuple[int, int, int]:
    """application_id, user_version and table count, read in one consistent statement."""
    row = con.execute(
        "SELECT (SELECT application_id FROM pragma_application_id), "
        "(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def _frame(rows: list[tuple]) -> pd.DataFrame:
    """Rows ``(date, open, high, low, close)`` (sorted, unique dates) as a package frame."""
    if not rows:
        idx = pd.DatetimeIndex([], name="date")
        return conform(pd.DataFrame({c: pd.Series(dtype="float64") for c in COLUMNS}, index=idx))
    values = np.array([r[1:] for r in rows], dtype="float64")  # NULL -> NaN
    idx = pd.DatetimeIndex(pd.to_datetime([r[0] for r in rows], format="%Y-%m-%d"), name="date")
    return conform(pd.DataFrame(values, index=idx, columns=list(COLUMNS)))
