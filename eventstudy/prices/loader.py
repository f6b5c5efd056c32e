"""The price chain: bundled data, then the local store, then the network for what they lack.

:class:`PriceLoader` answers ``history(ticker, start, end)`` (the
:class:`~eventstudy.prices.base.PriceSource` protocol) by combining

1. the bundled files (:mod:`eventstudy.prices.bundled`, 2021-01-04 .. 2022-06-30),
2. the local store (:class:`~eventstudy.prices.store.PriceStore`), by its coverage,
3. a network source (default :class:`~eventstudy.prices.yahoo.YahooSource`) asked only for
   the sub-ranges the first two lack, whose answers are written to the store with the
   coverage they really have, so nothing is fetched twice.

Offline (``offline=True``, or ``EVENTSTUDY_OFFLINE=1`` when ``offline`` is not given) the
network is never used and a range the bundled data and the store cannot fill raises a
one-line error that says where the prices could have come from. Dates after the last
settled day (:func:`~eventstudy.prices.coverage.last_settled_day`) have no prices yet
anywhere: the error says so instead of suggesting a fetch.

A store that is read-only, or locked by another process for longer than its timeout,
cannot keep what was fetched: the loader then keeps those prices in memory for its own
later calls, warns once (:class:`~eventstudy.exceptions.EventStudyWarning`), and leaves
the store as it is; with ``require_store=True`` (the ``fetch`` command) it raises the
:class:`~eventstudy.exceptions.StoreError` instead.

Prices are raw index levels; bounds are inclusive; answers are complete or raise.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import pandas as pd

from ..exceptions import (
    EventStudyError,
    EventStudyWarning,
    PartialPriceDataError,
    PolicyError,
    PriceDataError,
    PriceUnavailableError,
    StoreError,
)
from ..indices import by_ticker
from .answer import source_frame
from .bundled import BundledSource, load_bundled
from .coverage import (
    Interval,
    conform,
    expected_sessions,
    format_intervals,
    last_settled_day,
    merge,
    parse_range,
    subtract,
)
from .store import IN_USE, READ_ONLY, PriceStore
from .yahoo import RETRY_ADVICE, Fetched, fetched_from

__all__ = ["PriceLoader", "default_loader", "OFFLINE_ENV"]

#: Environment variable that turns the network off when set to 1/true/yes/on.
OFFLINE_ENV = "EVENTSTUDY_OFFLINE"


def _env_offline() -> bool:
    return os.environ.get(OFFLINE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


class PriceLoader:
    """Daily OHLC from bundled data, the local store and Yahoo Finance, in that order.

    Parameters
    ----------
    store_path
        SQLite store file. ``None``: ``$EVENTSTUDY_STORE``, else the user cache directory.
    offline
        Never use the network. ``None``: read ``$EVENTSTUDY_OFFLINE`` (``1``/``true``).
    source
        The network source. ``None``: :class:`~eventstudy.prices.yahoo.YahooSource`. Any
        object with ``fetch(ticker, start, end) -> Fetched`` (partial answers are then
        stored with their true coverage) or a plain
        :class:`~eventstudy.prices.base.PriceSource`. A plain source's answer is read by
        :func:`~eventstudy.prices.answer.source_frame` (capitalised ``Close``/``Open``
        columns are taken; a tz-aware index is read as the exchange's local dates; a
        ``Series`` or ``None`` is a :class:`~eventstudy.exceptions.PriceDataError`) and
        is recorded as covering only what its rows prove
        (:func:`~eventstudy.prices.yahoo.fetched_from`): sessions of the exchange
        calendar without a row are not covered, so they are asked for again next time
        and :meth:`history` raises :class:`~eventstudy.exceptions.PartialPriceDataError`
        now; the rows received are stored all the same.
    bundled
        Use the bundled files (default ``True``).
    require_store
        If the store cannot keep what was fetched (read-only, or locked by another process),
        raise :class:`~eventstudy.exceptions.StoreError`. Default ``False``: keep the fetched
        prices in memory for this loader, warn once, and go on.

    Examples
    --------
    >>> from datetime import date
    >>> loader = PriceLoader(offline=True)
    >>> loader.history("^FTMC", date(2021, 3, 1), date(2021, 3, 5))["close"].round(2).tolist()
    [21221.46, 21177.91, 21436.32, 21296.23, 20961.31]
    """

    def __init__(
        self,
        *,
        store_path: str | os.PathLike[str] | None = None,
        offline: bool | None = None,
        source: object | None = None,
        bundled: bool = True,
        require_store: bool = False,
    ) -> None:
        self.store = PriceStore(store_path)
        self.offline = _env_offline() if offline is None else bool(offline)
        if source is None:
            from .yahoo import YahooSource

            source = YahooSource()
        if not (callable(getattr(source, "fetch", None)) or callable(getattr(source, "history", None))):
            raise PolicyError(
                f"source={source!r} is not a price source; give an object with "
                "fetch(ticker, start, end) or history(ticker, start, end), or None for Yahoo Finance"
            )
        self.source = source
        self.bundled = BundledSource() if bundled else None
        self.require_store = bool(require_store)
        # prices fetched but not saved (the store was read-only or in use): ticker -> [(rows, coverage)]
        self._unsaved: dict[str, list[tuple[pd.DataFrame, list[Interval]]]] = {}
        self._warned = False

    def __repr__(self) -> str:
        return f"PriceLoader(store_path={str(self.store.path)!r}, offline={self.offline}, source={self.source!r})"

    # -- the chain -----------------------------------------------------------------------

    def history(self, ticker: str, start: date | str, end: date | str) -> pd.DataFrame:
        """OHLC for ``ticker`` from ``start`` to ``end`` inclusive.

        Parameters
        ----------
        ticker
            Yahoo ticker, e.g. ``"^FTMC"``.
        start, end
            Inclusive bounds (``date`` or ISO string).

        Returns
        -------
        DataFrame
            ``date`` index (one row per session), float columns ``open high low close``;
            never empty.

        Raises
        ------
        InvalidDateRangeError
            If a bound is not a date or ``start > end``.
        PriceUnavailableError
            If no source has any price in the range (offline and not bundled or stored, or
            Yahoo answered with nothing).
        PartialPriceDataError
            If only part of the range can be had; what was fetched is stored all the same.
        StoreError
            If the store file is needed and cannot be read or written.
        """
        ticker = _check_ticker(ticker)
        start, end = parse_range(start, end)
        bundled_cov = self._bundled_coverage(ticker)
        failures: list[str] = []
        if bundled_cov is not None and bundled_cov[0] <= start and end <= bundled_cov[1]:
            gaps: list[Interval] = []  # fast path: no store, no network
            frame = self._bundled_rows(ticker, start, end)
        else:
            gaps = self._gaps(ticker, start, end, bundled_cov)
            if gaps and not self.offline:
                for lo, hi in gaps:
                    failures.extend(self._fetch_into_store(ticker, lo, hi))
                gaps = self._gaps(ticker, start, end, bundled_cov)
            frame = self._combine(ticker, start, end, bundled_cov)
        if not gaps:
            if frame.empty:
                raise PriceUnavailableError(
                    f"there is no trading session for {ticker} in {start}..{end}; widen the range",
                    ticker=ticker,
                    start=start,
                    end=end,
                )
            return frame
        raise self._short_error(ticker, start, end, gaps, bundled_cov, frame, failures)

    def closes(self, tickers: str | Iterable[str], start: date | str, end: date | str) -> pd.DataFrame:
        """Closing levels, one column per ticker, from ``start`` to ``end`` inclusive.

        The index is the union of the tickers' sessions (``date``); a ticker without a
        session on a date has NaN there. For the returns of securities and a benchmark
        (on the same or on different exchanges) use
        ``eventstudy.stats.common_date_returns(closes[securities], closes[benchmark])``,
        which computes both from one date that both traded to the next, as
        :class:`~eventstudy.stats.EventStudy` expects; returns computed across each
        column's own gaps would set one market's one-day move against the other's
        two-day move after a holiday of only one of them.

        Raises
        ------
        PriceDataError
            If any ticker fails: the error of that ticker if only one fails, else one error
            listing each failure (the type of the first).
        """
        start, end = parse_range(start, end)
        names = [tickers] if isinstance(tickers, str) else list(dict.fromkeys(tickers))
        if not names:
            raise PriceUnavailableError("closes() needs at least one ticker")
        series: dict[str, pd.Series] = {}
        errors: list[tuple[str, PriceDataError]] = []
        for t in names:
            try:
                series[t] = self.history(t, start, end)["close"]
            except PriceDataError as e:
                errors.append((t, e))
        if len(errors) == 1:
            raise errors[0][1]
        if errors:
            first = errors[0][1]
            raise type(first)(
                f"prices missing for {len(errors)} of {len(names)} tickers: "
                + "; ".join(f"{t}: {e}" for t, e in errors),
                start=first.start,
                end=first.end,
            ) from first
        out = pd.DataFrame(series)
        out.index.name = "date"
        out.columns.name = "ticker"
        return out

    def missing(self, ticker: str, start: date | str, end: date | str) -> list[Interval]:
        """Sub-ranges of ``start .. end`` (inclusive) that neither the bundled data nor the
        store covers and that hold at least one expected session: what :meth:`history`
        would fetch."""
        ticker = _check_ticker(ticker)
        start, end = parse_range(start, end)
        return self._gaps(ticker, start, end, self._bundled_coverage(ticker))

    # -- steps ---------------------------------------------------------------------------

    def _bundled_coverage(self, ticker: str) -> Interval | None:
        return self.bundled.coverage(ticker) if self.bundled is not None else None

    def _bundled_rows(self, ticker: str, start: date, end: date) -> pd.DataFrame:
        df = load_bundled(ticker)
        return conform(df.loc[pd.Timestamp(start) : pd.Timestamp(end)])

    def _gaps(self, ticker: str, start: date, end: date, bundled_cov: Interval | None) -> list[Interval]:
        """Sub-ranges neither bundled nor stored that hold at least one expected session."""
        covered = [*self.store.coverage(ticker), *self._unsaved_coverage(ticker)]
        if bundled_cov is not None:
            covered = [*covered, bundled_cov]
        out = []
        for lo, hi in subtract((start, end), covered):
            if len(expected_sessions(ticker, lo, hi)[0]):
                out.append((lo, hi))
        return out

    def _fetch_into_store(self, ticker: str, start: date, end: date) -> list[str]:
        """Fetch one gap and store what came back with its true coverage; return failure notes."""
        source = self.source
        name = getattr(source, "name", type(source).__name__)
        try:
            if hasattr(source, "fetch"):
                got: Fetched = source.fetch(ticker, start, end)  # type: ignore[attr-defined]
            else:
                raw = source.history(ticker, start, end)  # type: ignore[attr-defined]
        except PriceDataError as e:
            return [str(e)]
        except EventStudyError:
            raise
        except Exception as e:  # a source of the user's that fails in its own way
            raise PriceDataError(
                f"{name} failed for {ticker} {start}..{end} with {type(e).__name__}: {e}; "
                "a price source raises eventstudy.exceptions.PriceDataError (or a subclass) "
                "when it has no prices",
                ticker=ticker,
                start=start,
                end=end,
            ) from e
        if not hasattr(source, "fetch"):
            # a plain source's answer covers only what its rows prove, whatever was asked
            got = fetched_from(ticker, start, end, source_frame(raw, ticker, who=str(name)), rows_after=False)
        if got.coverage:
            rows = got.frame if got.context.empty else pd.concat([got.frame, got.context])
            if not rows.empty:
                self._save(ticker, conform(rows), list(got.coverage), str(name), start, end)
        if got.frame.empty:
            return [f"{name} returned no prices for {start}..{end}"]
        if not got.complete:
            return [f"{name} returned only {format_intervals(got.coverage)} of {start}..{end}"]
        return []

    def _save(
        self, ticker: str, rows: pd.DataFrame, coverage: list[Interval], name: str, start: date, end: date
    ) -> None:
        """Write fetched rows to the store; if it is read-only or in use, keep them in memory."""
        try:
            self.store.write(ticker, rows, coverage=coverage, source=name)
        except StoreError as e:
            reason = getattr(e, "reason", None)
            if self.require_store or reason not in (IN_USE, READ_ONLY):
                raise _store_error(
                    f"{e}; the prices fetched for {ticker} {start}..{end} were not saved", e
                ) from e
            self._unsaved.setdefault(ticker, []).append((rows, coverage))
            if not self._warned:
                self._warned = True
                warnings.warn(
                    f"{e}; prices fetched now are kept for this run only and will be fetched again next time",
                    EventStudyWarning,
                    stacklevel=4,
                )

    def _unsaved_coverage(self, ticker: str) -> list[Interval]:
        return [iv for _, cov in self._unsaved.get(ticker, ()) for iv in cov]

    def _unsaved_rows(self, ticker: str, start: date, end: date) -> pd.DataFrame | None:
        """Rows kept in memory inside their coverage and ``start .. end`` (``None`` if none)."""
        parts = []
        for rows, cov in self._unsaved.get(ticker, ()):
            inside = pd.Series(False, index=rows.index)
            for a, b in merge(cov):
                lo, hi = max(a, start), min(b, end)
                if lo <= hi:
                    inside |= (rows.index >= pd.Timestamp(lo)) & (rows.index <= pd.Timestamp(hi))
            if inside.any():
                parts.append(rows[inside.to_numpy()])
        return conform(pd.concat(parts)) if parts else None

    def _combine(self, ticker: str, start: date, end: date, bundled_cov: Interval | None) -> pd.DataFrame:
        stored = self.store.read(ticker, start, end)
        parts = [stored]  # later parts win where dates repeat: memory over store, bundled over both
        unsaved = self._unsaved_rows(ticker, start, end)
        if unsaved is not None:
            parts.append(unsaved)
        if bundled_cov is not None and bundled_cov[0] <= end and start <= bundled_cov[1]:
            parts.append(self._bundled_rows(ticker, max(start, bundled_cov[0]), min(end, bundled_cov[1])))
        parts = [p for p in parts if not p.empty]
        if not parts:
            return conform(stored)
        return conform(pd.concat(parts))

    def _short_error(
        self,
        ticker: str,
        start: date,
        end: date,
        gaps: Sequence[Interval],
        bundled_cov: Interval | None,
        frame: pd.DataFrame,
        failures: Sequence[str],
    ) -> PriceDataError:
        bundled = f"bundled ({bundled_cov[0]}..{bundled_cov[1]})" if bundled_cov else "bundled"
        cls = PriceUnavailableError if frame.empty else PartialPriceDataError
        who = ticker if _registry_entry(ticker) is not None else f"{ticker} (not in eventstudy.indices)"
        head = f"prices for {who} {start}..{end} are"
        why = "; ".join(failures) or "the source could not fill the gaps"
        advice = "" if "retry later" in why else f"; {RETRY_ADVICE}"
        settled = last_settled_day()
        past, future = _split_at(ticker, gaps, settled)
        if future:  # no source can help: say so, and suggest no fetch
            msg = (
                f"{head} {'not to be had' if frame.empty else 'incomplete'}: {format_intervals(future)} "
                f"{'is' if len(future) == 1 else 'are'} "
                f"after {settled}, the last settled day: no prices exist yet for dates in the future; "
                f"ask for dates up to {settled}"
            )
            if past and failures and not self.offline:
                msg += f" (and {format_intervals(past)} failed: {why})"
            return cls(msg, ticker=ticker, start=start, end=end)
        if not frame.empty:
            head = f"{head} incomplete: {format_intervals(gaps)} {'is' if len(gaps) == 1 else 'are'}"
        if self.offline:
            msg = (
                f"{head} not {bundled} and not in the store at {self.store.path}; run online "
                f"(unset {OFFLINE_ENV}) or `eventstudy fetch {ticker} --start {gaps[0][0]} --end {gaps[-1][1]}`"
            )
        else:
            msg = f"{head} not to be had: {why}{advice}"
        return cls(msg, ticker=ticker, start=start, end=end)


def _split_at(ticker: str, gaps: Sequence[Interval], settled: date) -> tuple[list[Interval], list[Interval]]:
    """``gaps`` cut at ``settled``: the parts up to it and the parts after it, each kept only
    if it holds an expected session (a weekend after the settled day is no future gap)."""
    past: list[Interval] = []
    future: list[Interval] = []
    for lo, hi in gaps:
        for part, out in (
            ((lo, min(hi, settled)), past),
            ((max(lo, settled + timedelta(days=1)), hi), future),
        ):
            if part[0] <= part[1] and len(expected_sessions(ticker, *part)[0]):
                out.append(part)
    return past, future


def _store_error(message: str, cause: StoreError) -> StoreError:
    err = StoreError(message)
    err.path = getattr(cause, "path", None)  # type: ignore[attr-defined]
    err.reason = getattr(cause, "reason", None)  # type: ignore[attr-defined]
    return err


def _registry_entry(ticker: str) -> object | None:
    """The registry entry of ``ticker``, or ``None``."""
    try:
        return by_ticker(ticker)
    except LookupError:
        return None


def _check_ticker(ticker: object) -> str:
    if not isinstance(ticker, str) or not ticker.strip():
        raise PriceUnavailableError(f"ticker={ticker!r} is not a ticker; give a Yahoo ticker such as '^FTSE'")
    return ticker.strip()


def default_loader() -> PriceLoader:
    """A :class:`PriceLoader` configured from the environment (``EVENTSTUDY_STORE``, ``EVENTSTUDY_OFFLINE``).

    A new loader each call (cheap), so that changes of the environment take effect.
    """
    return PriceLoader()
