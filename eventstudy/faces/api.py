"""The few functions a user imports: check an article, and study its event.

:func:`check` reads an article, checks every claimed index move against real prices and
runs an event study of each claimed index around its trading day; it returns a
:class:`CheckReport` with ``summary()``, ``to_dict()``, ``to_frame()`` and ``plot()``.

Examples
--------
>>> import eventstudy
>>> report = eventstudy.check("seeds/000_9f114ec4d93074be.txt", offline=True)  # doctest: +SKIP
>>> report.verdicts[0].status  # doctest: +SKIP
'confirmed'
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .. import calendar as cal
from ..check import (
    BatchResult,
    RankingVerdict,
    Verdict,
    check_article,
    check_paths,
    check_ranking,
    market_context,
)
from ..check.cache import package_frame
from ..check.rankings import ranking_session
from ..exceptions import (
    ArticleError,
    EventStudyError,
    InsufficientDataError,
    InvalidDateError,
    PartialPriceDataError,
    PriceDataError,
    PriceUnavailableError,
    StudyError,
)
from ..indices import by_ticker, lookup
from ..policies import ModelName, validate
from ..prices import PriceLoader
from ..prices.base import PriceSource
from ..read import read_article, read_file
from ..read.model import Article
from ..stats import EventStudy, EventStudyResults, common_date_returns, returns_from_prices

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["check", "check_many", "study_claim", "span_study", "ClaimStudy", "CheckReport", "parse_date"]

DEFAULT_ESTIMATION: tuple[int, int] = (-250, -11)
DEFAULT_WINDOW: tuple[int, int] = (-1, 1)

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: date | str, name: str = "published", *, command_line: bool = False) -> date:
    """A date from a ``date``, ``datetime``, ``Timestamp`` or an ISO ``YYYY-MM-DD`` string.

    Only the ISO form is accepted for strings: ``03/02/2022`` is 3 February in London and
    2 March in New York, so guessing would silently change the answer.

    Parameters
    ----------
    value
        The date.
    name
        The parameter's name, for the message.
    command_line
        Word the message for the command line (``--published '03/02/2022' is not a date``)
        rather than for Python callers (``published='03/02/2022' is not a date``).

    Raises
    ------
    ArticleError
        (a ``ValueError``) naming ``name`` if the value is not an ISO date.
    """
    if not isinstance(value, str) or _ISO_DAY.fullmatch(value.strip()):
        try:
            return cal.to_date(value, name)
        except InvalidDateError:
            pass
    if command_line:
        flag = "--" + name.replace("_", "-")
        raise ArticleError(f"{flag} {str(value)!r} is not a date; use {flag} YYYY-MM-DD, e.g. 2022-02-15")
    raise ArticleError(
        f"{name}={str(value)!r} is not a date; give {name}='YYYY-MM-DD', e.g. {name}='2022-02-15'"
    )


def check_windows(
    estimation: tuple[int, int], window: tuple[int, int]
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Validate an estimation and an event window in trading days relative to day 0.

    Raises
    ------
    StudyError
        Unless ``estimation[0] < estimation[1] < window[0] <= window[1]`` (all integers).
    """
    try:
        est = (int(estimation[0]), int(estimation[1]))
        win = (int(window[0]), int(window[1]))
        if len(estimation) != 2 or len(window) != 2:
            raise ValueError
    except (TypeError, ValueError, IndexError) as e:
        raise StudyError(
            f"estimation={estimation!r} and window={window!r} must be (start, end) pairs of trading days, "
            "e.g. estimation=(-250, -11), window=(-1, 1)"
        ) from e
    if win[0] > win[1]:
        raise StudyError(f"event window {win} starts after it ends; give (start, end), e.g. (-1, 1)")
    if est[0] >= est[1]:
        raise StudyError(f"estimation window {est} must start before it ends, e.g. (-250, -11)")
    if est[1] >= win[0]:
        raise StudyError(
            f"estimation window {est} must end before the event window {win} begins "
            "(both in trading days relative to the event), e.g. estimation (-250, -11) with window (-1, 1)"
        )
    return est, win


@dataclass(frozen=True)
class ClaimStudy:
    """The event study of one index around one trading day.

    Attributes
    ----------
    ticker, event_date
        The index studied and its day 0.
    model
        ``"constant-mean"``, ``"market-adjusted"`` or ``"market"``.
    benchmark
        Benchmark ticker for the market models, else ``None``.
    estimation, window
        Trading days relative to day 0.
    results
        The :class:`~eventstudy.stats.EventStudyResults` (one event).
    """

    ticker: str
    event_date: date
    model: str
    benchmark: str | None
    estimation: tuple[int, int]
    window: tuple[int, int]
    results: EventStudyResults
    estimation_first: date
    estimation_last: date

    @property
    def frame(self) -> pd.DataFrame:
        """Day-by-day table: date, return, expected, ar, ar_se, ar_t, ar_p, car, car_se, car_t, car_p."""
        return self.results.event_frame(0)

    @property
    def stats(self) -> pd.Series:
        """CAR over the whole window with MacKinlay's variance, t, p, quantiles, parameters."""
        return self.results.event_stats.iloc[0]

    @property
    def estimation_dates(self) -> tuple[date, date, int]:
        """First and last day of the estimation window and the number of returns used."""
        return self.estimation_first, self.estimation_last, int(self.stats["n_est"])

    def event_day_rank(self) -> tuple[int, int]:
        """Rank of the event-day |AR| among the estimation-window |AR|s: ``(rank, n + 1)``.

        Rank 1 means no estimation day had a larger absolute abnormal return.
        """
        est = self.results.panel.est_ar[0]
        est = est[np.isfinite(est)]
        ar0 = float(self.frame.loc[0, "ar"])
        return int((np.abs(est) >= abs(ar0)).sum()) + 1, int(est.size) + 1

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict: set-up, AR per day, CAR with t and p, event-day rank."""
        f = self.frame
        st = self.stats
        rank, n = self.event_day_rank()
        first, last, n_est = self.estimation_dates
        return {
            "ticker": self.ticker,
            "event_date": self.event_date.isoformat(),
            "model": self.model,
            "benchmark": self.benchmark,
            "estimation": {
                "days": list(self.estimation),
                "first": first.isoformat(),
                "last": last.isoformat(),
                "n": n_est,
            },
            "window": list(self.window),
            "ar": [
                {
                    "day": int(d),
                    "date": r["date"].date().isoformat(),
                    "return": _num(r["return"]),
                    "expected": _num(r["expected"]),
                    "ar": _num(r["ar"]),
                    "ar_t": _num(r["ar_t"]),
                    "ar_p": _num(r["ar_p"]),
                    "car": _num(r["car"]),
                }
                for d, r in f.iterrows()
            ],
            "car": _num(st["car"]),
            "car_se": _num(st["se"]),
            "car_t": _num(st["t"]),
            "car_p": _num(st["p"]),
            "event_day_abs_ar_rank": rank,
            "event_day_rank_of": n,
            "event_day_empirical_p": rank / n,
            "notes": list(self.results.notes),
        }

    def plot(self, *, alpha: float = 0.05) -> Figure:
        """AR bars and CAR line with a ``1 - alpha`` band (see :func:`eventstudy.faces.plot.plot_event_window`)."""
        from .plot import plot_event_window

        name = by_ticker(self.ticker).name
        first, last, n = self.estimation_dates
        model = self.model + (f" vs {self.benchmark}" if self.benchmark else "")
        return plot_event_window(
            self.frame,
            title=f"{name} ({self.ticker}) around {self.event_date:%d %b %Y}: abnormal returns",
            subtitle=f"{model} model estimated on {n} trading days {first} .. {last}",
            alpha=alpha,
        )


def _num(v: Any) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if np.isfinite(f) else None


def study_claim(
    ticker: str,
    event_date: date | str,
    *,
    source: PriceSource | None = None,
    model: ModelName | None = None,
    benchmark: str | None = None,
    estimation: tuple[int, int] = DEFAULT_ESTIMATION,
    window: tuple[int, int] = DEFAULT_WINDOW,
) -> ClaimStudy:
    """Event study of one index around one trading day, from daily closes.

    Parameters
    ----------
    ticker
        Yahoo ticker or index name (``"^FTMC"``, ``"FTSE 250"``).
    event_date
        Day 0; a non-trading day moves to the next session.
    source
        Where prices come from (default: :class:`~eventstudy.prices.PriceLoader`).
    model
        ``"constant-mean"`` (default without a benchmark), ``"market"`` (default with one)
        or ``"market-adjusted"``.
    benchmark
        Benchmark index for the market models. Returns of the index and the benchmark are
        computed on the dates both traded (:func:`~eventstudy.stats.common_date_returns`),
        so each return spans the same days in both; a note counts the days skipped. The
        study's trading days are those dates.
    estimation, window
        Trading days relative to day 0 (defaults ``(-250, -11)`` and ``(-1, +1)``).

    Returns
    -------
    ClaimStudy

    Raises
    ------
    PriceDataError
        If the prices needed are not available.
    StudyError
        If the model needs a benchmark and none was given, or the windows do not fit.

    Notes
    -----
    When the source cannot give the first part of the estimation window (offline, before
    the bundled data) the window starts at the first day there are prices, with a note, as
    long as the study's ``min_estimation`` (half the window) is met.

    Returns are simple close-to-close returns :math:`R_t = P_t / P_{t-1} - 1`. The
    constant-mean model takes :math:`E[R_t] = \\mu`, the market model
    :math:`E[R_t] = \\alpha + \\beta R_{m,t}` (MacKinlay 1997, section 4).
    """
    index = lookup(ticker)
    code = index.calendar
    if model is None:
        model = "market" if benchmark else "constant-mean"
    validate(model, ModelName, "model")
    if model == "factor":
        raise StudyError("model='factor' needs factor returns; use eventstudy.stats.EventStudy directly")
    if model in ("market", "market-adjusted") and not benchmark:
        raise StudyError(f"model={model!r} needs a benchmark index; pass benchmark= (e.g. '^FTSE')")
    if model == "constant-mean" and benchmark:
        # the model never uses it, and its dates would still cut the index's returns
        raise StudyError(
            f"the constant-mean model uses no benchmark, so {benchmark!r} would only drop the days it did "
            "not trade; leave the benchmark out, or choose model='market' or 'market-adjusted'"
        )
    bench = lookup(benchmark) if benchmark else None
    if bench is not None and bench.ticker == index.ticker:
        raise StudyError(f"the benchmark {bench.ticker} is the index studied; choose another benchmark")
    estimation, window = check_windows(estimation, window)
    day0 = cal.align(parse_date(event_date, "event_date"), code, "next")
    assert day0 is not None
    try:
        start = cal.offset_session(code, day0, estimation[0] - 1)
        end = cal.offset_session(code, day0, window[1])
        first_day = cal.offset_session(code, day0, window[0])
        # a few more days either side: the study counts the rows there are (a price file
        # may lack a session of its calendar; with a benchmark, the days both traded)
        wide = (
            cal.offset_session(code, day0, estimation[0] - 1 - _BEFORE_SLACK),
            cal.offset_session(code, day0, window[1] + (_AFTER_SLACK if bench else 0)),
        )
    except ValueError as e:  # exchange_calendars: the window runs off the calendar
        raise StudyError(
            f"estimation {estimation} and window {window} around {day0} run outside the {code} "
            f"calendar; use shorter windows"
        ) from e
    src = source if source is not None else PriceLoader()
    tickers = [index.ticker] if bench is None else [index.ticker, bench.ticker]
    prices, cut_note = _study_prices(src, tickers, (start, end), wide, first_day)
    notes: tuple[str, ...] = (cut_note,) if cut_note else ()
    cut = cut_note is not None
    bench_returns = None
    if bench is None:
        returns = returns_from_prices(prices[0].to_frame())
    else:
        # both on the dates both traded: a return spans the same days for the index and the
        # benchmark (a one-day move is never set against a two-day one)
        returns, bench_returns, common = common_date_returns(prices[0].to_frame(), prices[1])
        notes += common
        if pd.Timestamp(day0) not in returns.index:
            who = (
                f"the benchmark {bench.ticker} did not trade"
                if pd.Timestamp(day0) not in prices[1].index
                else f"the prices of {index.ticker} have no close"
            )
            raise InsufficientDataError(
                f"{who} on {day0}, day 0 of {index.ticker}: its abnormal return cannot be measured "
                "against the benchmark; choose a benchmark of the same market"
            )
    try:
        study = EventStudy(
            returns,
            bench_returns,
            pd.DataFrame({"security": [index.ticker], "date": [pd.Timestamp(day0)]}),
            model=model,
            estimation=estimation,
            event=window,
        )
        res = study.run()
    except InsufficientDataError as e:
        if not cut:
            raise
        if len(returns.index):
            # (the first return is the day after the first price: it needs a previous close)
            since = f"start on {returns.index[0].date()}, too few trading days before it"
        else:
            since = "hold none before it"
        raise InsufficientDataError(
            f"event study of {index.ticker} on {day0} not possible: the daily returns that can be had "
            f"here {since} for the estimation window ({estimation[0]} to {estimation[1]}); run online, "
            "or shorten the estimation window"
        ) from e
    if res.n_events == 0:
        reason = res.dropped["reason"].iloc[0] if len(res.dropped) else "unknown reason"
        raise StudyError(f"event study of {index.ticker} on {day0} not possible: {reason}")
    # the estimation window's first and last day in the returns table (trading days there are
    # the rows: with a benchmark, the dates both traded; cut to the prices there are)
    p0 = int(returns.index.searchsorted(pd.Timestamp(res.event_dates[0])))
    rows = returns.index
    if cut and p0 + estimation[0] >= 0:
        notes = notes[1:]  # the prices there are still hold the whole window: nothing was cut
    if notes:
        res = replace(res, notes=(*notes, *res.notes))
    est_first = rows[max(0, p0 + estimation[0])].date()
    est_last = rows[max(0, p0 + estimation[1])].date()
    return ClaimStudy(
        index.ticker,
        day0,
        model,
        bench.ticker if bench else None,
        estimation,
        window,
        res,
        est_first,
        est_last,
    )


#: Extra sessions read before the estimation window: the study counts the rows of the price
#: table (a file may lack a session, a benchmark's calendar some of the index's days).
_BEFORE_SLACK = 20
#: Extra sessions read after the event window with a benchmark (its calendar may lack a day).
_AFTER_SLACK = 5


def _study_prices(
    src: PriceSource,
    tickers: list[str],
    exact: tuple[date, date],
    wide: tuple[date, date],
    first_day: date,
) -> tuple[list[pd.Series], str | None]:
    """Closes of ``tickers`` for a study: over the ``wide`` range if the source has it, else
    over the ``exact`` range the windows need, else from the first day the source has (an
    estimation window cut at its start, when the source cannot give its first part) with a
    note. A source that cannot give the event window raises its error."""

    def read(lo: date, hi: date) -> list[pd.Series]:
        # (a user's source may answer in another shape, or fail in its own way: typed here)
        return [package_frame(src, t, lo, hi)["close"].rename(t) for t in tickers]

    error: PriceDataError | None = None
    for lo, hi in (wide, (wide[0], exact[1]), (exact[0], wide[1]), exact):
        try:
            return read(lo, hi), None
        except PartialPriceDataError as e:  # only a range the source half covers is tried again
            error = e
        except PriceUnavailableError as e:
            if (lo, hi) != wide:
                raise
            error = e
    assert error is not None
    later, note = _available_start(src, tickers, exact[0], first_day)
    if note is None:
        raise error
    return read(later, exact[1]), note


def _available_start(
    src: PriceSource, tickers: list[str], start: date, first_day: date
) -> tuple[date, str | None]:
    """Where the prices of a study can start: ``start``, or later when the source cannot give
    the first part of the estimation window (offline, before the bundled data) but has the
    rest; the study then estimates on the days there are (down to its ``min_estimation``).

    Only a missing stretch at the start is cut, and never into the event window: a gap
    elsewhere still raises when the prices are read.
    """
    missing = getattr(src, "missing", None)
    if missing is None:
        return start, None
    cut = start
    for t in tickers:
        try:
            gaps = missing(t, start, first_day)
        except EventStudyError:
            return start, None
        if gaps and gaps[0][0] <= start:
            cut = max(cut, gaps[0][1])
    if cut == start:
        return start, None
    new = cut + timedelta(days=1)
    return new, (
        f"prices of {', '.join(tickers)} before {new} cannot be had here: the estimation window "
        f"starts at the first day there are prices"
    )


@dataclass(frozen=True)
class CheckReport:
    """An article checked: its claims, their verdicts, market context and event studies.

    Attributes
    ----------
    article
        The article as read.
    verdicts
        One :class:`~eventstudy.check.Verdict` per claim, in order.
    studies
        Event study per ``(ticker, trading_date)`` claimed.
    study_errors
        Why a study could not be run, per ``(ticker, trading_date)``.
    context
        How the other major indices moved on the event day (``None`` if unknown).
    span_studies
        For a claimed move over several sessions that the prices decided (a week, a month,
        a quarter, the year so far, "since 24 February"): an event study whose window is
        exactly the sessions the move spans, day 0 the first of them, keyed by the claim's
        position. Its CAR says how unusual the whole move was (:func:`span_study`).
    span_errors
        Why such a study could not be run, by the claim's position.
    rankings
        One :class:`~eventstudy.check.RankingVerdict` per ranking or record statement of the
        article ("its biggest fall since 24 February", "a record close"), in order.
    """

    article: Article
    verdicts: tuple[Verdict, ...]
    studies: dict[tuple[str, date], ClaimStudy] = field(default_factory=dict)
    study_errors: dict[tuple[str, date], str] = field(default_factory=dict)
    context: pd.DataFrame | None = None
    span_studies: dict[int, ClaimStudy] = field(default_factory=dict)
    span_errors: dict[int, str] = field(default_factory=dict)
    rankings: tuple[RankingVerdict, ...] = ()

    __hash__ = None  # type: ignore[assignment]

    @property
    def event_day_verdicts(self) -> tuple[Verdict, ...]:
        """The verdicts of the claims about the article's event date (the header's session)."""
        return tuple(v for v in self.verdicts if v.claim.trading_date == self.article.event_date)

    @property
    def main_study(self) -> ClaimStudy | None:
        """The study of the first claim about the article's event date that has one (else of
        the first claim that has one), so that the study, the market context and the plot are
        about the same session as the header."""
        for v in (*self.event_day_verdicts, *self.verdicts):
            study = self.studies.get((v.claim.ticker, v.claim.trading_date))
            if study is not None:
                return study
        return None

    def to_dict(self) -> dict[str, Any]:
        """The JSON document of ``eventstudy check --json`` (schema in the README)."""
        from .report import report_dict

        return report_dict(self)

    def to_frame(self) -> pd.DataFrame:
        """One row per claim with its verdict and the main numbers."""
        from .report import claims_frame

        return claims_frame(self)

    def rankings_frame(self) -> pd.DataFrame:
        """One row per ranking or record statement with its verdict and the numbers used."""
        from .report import rankings_frame

        return rankings_frame(self)

    def summary(self) -> str:
        """The text report of ``eventstudy check``."""
        from .report import report_text

        return report_text(self)

    def __str__(self) -> str:
        return self.summary()

    def plot(self, claim: int = 0, *, alpha: float = 0.05, span: bool = False) -> Figure:
        """Plot the event study of claim number ``claim`` (0-based): around its trading day,
        or with ``span=True`` over the sessions of a move over several sessions
        (:attr:`span_studies`)."""
        if not self.verdicts:
            raise StudyError("the article has no claims to plot")
        if not -len(self.verdicts) <= claim < len(self.verdicts):
            raise StudyError(
                f"claim {claim} does not exist: the article has {len(self.verdicts)} claims (0-based)"
            )
        if span:
            i = claim % len(self.verdicts)
            if i not in self.span_studies:
                why = self.span_errors.get(
                    i, "it is not a move over several sessions that the prices decided"
                )
                raise StudyError(f"no study over the sessions of claim {i + 1}: {why}")
            return self.span_studies[i].plot(alpha=alpha)
        c = self.verdicts[claim].claim
        key = (c.ticker, c.trading_date)
        if key not in self.studies:
            why = self.study_errors.get(key, "no study for this claim")  # type: ignore[arg-type]
            raise StudyError(f"cannot plot claim {claim + 1}: {why}")
        return self.studies[key].plot(alpha=alpha)


def _looks_like_path(text: str) -> bool:
    """A string is a file name if it names an existing file or is one token (articles have spaces)."""
    if "\n" in text or len(text) >= 4096:
        return False
    try:
        if Path(text).is_file():
            return True
    except (OSError, ValueError):  # a name too long or with a NUL byte
        return False
    return bool(text.strip()) and not any(ch.isspace() for ch in text.strip())


def _as_article(article: str | os.PathLike[str] | Article, published: date | str | None) -> Article:
    day = parse_date(published) if published is not None else None
    if isinstance(article, Article):
        if day is None or day == article.published:
            return article
        return read_article(article.text, published=day, source=article.source)
    if isinstance(article, os.PathLike) or (isinstance(article, str) and _looks_like_path(article)):
        return read_file(article, published=day)
    if not isinstance(article, str):
        raise ArticleError(
            f"article must be a path, the article text or an Article, not {type(article).__name__}"
        )
    return read_article(article, published=day)


def _settled_sessions(verdicts: Sequence[Verdict]) -> dict[tuple[str, date], date]:
    """``(ticker, trading_date) -> session`` for claims the checker settled on their alternative day."""
    out: dict[tuple[str, date], date] = {}
    for v in verdicts:
        c = v.claim
        if (
            c.ticker is not None
            and c.trading_date is not None
            and c.alt_trading_date is not None
            and v.session is not None
            and v.session == c.alt_trading_date
        ):
            out[(c.ticker, c.trading_date)] = v.session
    return out


def _with_settled_event_date(art: Article, settled: dict[tuple[str, date], date]) -> Article:
    """Move the article's event date when every claim on it was settled on one other session."""
    if art.event_date is None or not settled:
        return art
    on_day = [(c.ticker, c.trading_date) for c in art.claims if c.trading_date == art.event_date]
    days = {settled.get(k) for k in on_day}  # type: ignore[call-overload]
    if not on_day or None in days or len(days) != 1:
        return art
    (day,) = days
    note = (
        f"event date taken as {day}, the session on which the claimed figures hold "
        f"(the text alone pointed to {art.event_date})"
    )
    return replace(art, event_date=day, notes=(*art.notes, note))


def check(
    article: str | os.PathLike[str] | Article,
    *,
    published: date | str | None = None,
    model: ModelName | None = None,
    benchmark: str | None = None,
    estimation: tuple[int, int] = DEFAULT_ESTIMATION,
    window: tuple[int, int] = DEFAULT_WINDOW,
    source: PriceSource | None = None,
    offline: bool | None = None,
    study: bool = True,
    context: bool = True,
) -> CheckReport:
    """Read an article, check each claimed index move, and study each claimed event.

    Parameters
    ----------
    article
        A path to a text file, the text itself, or an :class:`~eventstudy.read.model.Article`.
    published
        Publication date; overrides the date found in the text.
    model, benchmark, estimation, window
        Event-study set-up (see :func:`study_claim`).
    source
        Price source; default :class:`~eventstudy.prices.PriceLoader` (bundled data, then the
        local store, then yfinance unless ``offline``).
    offline
        Never use the network (default: the ``EVENTSTUDY_OFFLINE`` environment variable).
    study, context
        Whether to run the event studies and the market context.

    Returns
    -------
    CheckReport
    """
    check_windows(estimation, window)  # a set-up that cannot work is an error before any work
    art = _as_article(article, published)
    src = source if source is not None else PriceLoader(offline=offline)
    verdicts = check_article(art, src)
    # Where the text left two sessions open and the checker settled on the other one, the
    # study and the market context follow the session the verdict is about.
    settled = _settled_sessions(verdicts)
    art = _with_settled_event_date(art, settled)
    studies: dict[tuple[str, date], ClaimStudy] = {}
    errors: dict[tuple[str, date], str] = {}
    bench_ticker = lookup(benchmark).ticker if benchmark else None  # an unknown index: error now
    if study:
        for v in verdicts:
            c = v.claim
            if c.ticker is None or c.trading_date is None:
                continue
            key = (c.ticker, c.trading_date)
            if key in studies or key in errors:
                continue
            if bench_ticker is not None and c.ticker == bench_ticker:
                # an article that also claims a move of the benchmark: that claim is checked,
                # only its study (the index against itself) is skipped
                errors[key] = (
                    f"the benchmark {bench_ticker} is the index of this claim (an index cannot be "
                    "measured against itself); its verdict stands, and a study of it needs another "
                    "benchmark"
                )
                continue
            try:
                studies[key] = study_claim(
                    c.ticker,
                    settled.get(key, c.trading_date),
                    source=src,
                    model=model,
                    benchmark=benchmark,
                    estimation=estimation,
                    window=window,
                )
            except (PriceDataError, StudyError) as e:
                asked = (
                    model is not None
                    or benchmark is not None
                    or tuple(estimation) != DEFAULT_ESTIMATION
                    or tuple(window) != DEFAULT_WINDOW
                )
                if asked and not isinstance(e, PriceDataError | InsufficientDataError):
                    # a set-up the user asked for that cannot work at all is an error, not a
                    # note (but not one that fails for this claim's date only)
                    raise
                errors[key] = str(e)
    spans: dict[int, ClaimStudy] = {}
    span_errors: dict[int, str] = {}
    if study:
        for i, v in enumerate(verdicts):
            try:
                got = span_study(v, source=src, model=model, benchmark=benchmark, estimation=estimation)
            except (PriceDataError, StudyError) as e:
                if bench_ticker is not None and v.claim.ticker == bench_ticker:
                    continue  # (said once, for the claim's day study)
                span_errors[i] = str(e)
                continue
            if got is not None:
                spans[i] = got
    ctx = None
    day = art.event_date or (art.claims[0].trading_date if art.claims else None)
    if context and day is not None:
        try:
            ctx = market_context(day, src)
        except EventStudyError:
            ctx = None
    ranked = tuple(check_ranking(r, src, session=ranking_session(r, verdicts)) for r in art.rankings)
    return CheckReport(art, tuple(verdicts), studies, errors, ctx, spans, span_errors, ranked)


def span_study(
    verdict: Verdict,
    *,
    source: PriceSource | None = None,
    model: ModelName | None = None,
    benchmark: str | None = None,
    estimation: tuple[int, int] = DEFAULT_ESTIMATION,
) -> ClaimStudy | None:
    r"""Event study of a claimed move over several sessions, over exactly those sessions.

    For a verdict on a move measured from a base close :math:`P_b` (``Verdict.base_date``)
    to the close of session :math:`t` (``Verdict.session``) over :math:`n` sessions (a week,
    a month, a quarter, the year so far, "since 24 February"), day 0 is the first session
    after the base and the event window is :math:`[0, n - 1]`, so the cumulative abnormal
    return

    .. math::

        \mathrm{CAR}(0, n-1) = \sum_{\tau=0}^{n-1} \mathrm{AR}_\tau

    with MacKinlay's (1997, eq. 4.7-4.13) variance measures how unusual the whole move was
    against the index's own behaviour before it (the same model, benchmark and estimation
    window as :func:`study_claim`).

    Parameters
    ----------
    verdict
        A verdict of :func:`eventstudy.check.check_claim`.
    source, model, benchmark, estimation
        As for :func:`study_claim`.

    Returns
    -------
    ClaimStudy or None
        ``None`` when the claim is not a move over several sessions that the prices decided
        (a day's move, an open-to-close move, an unverifiable or ambiguous verdict).

    Raises
    ------
    PriceDataError, StudyError
        As :func:`study_claim`.
    """
    c = verdict.claim
    if (
        verdict.status not in ("confirmed", "contradicted")
        or c.kind not in ("weekly", "other")
        or (c.period or "").lower() == "open-to-close"
        or verdict.base_date is None
        or verdict.session is None
        or c.ticker is None
    ):
        return None
    code = by_ticker(c.ticker).calendar
    try:
        first = cal.next_session(code, verdict.base_date)
        n = len(cal.sessions(code, first, verdict.session))
    except InvalidDateError as e:  # (outside the calendar's range)
        raise StudyError(f"no study of the span {verdict.base_date} .. {verdict.session}: {e}") from e
    if n < 2:
        return None
    return study_claim(
        c.ticker,
        first,
        source=source,
        model=model,
        benchmark=benchmark,
        estimation=estimation,
        window=(0, n - 1),
    )


def check_many(
    paths: Sequence[str | os.PathLike[str]],
    *,
    published: date | str | None = None,
    source: PriceSource | None = None,
    offline: bool | None = None,
    progress: bool = False,
) -> BatchResult:
    """Check every claim in many article files and folders (see :func:`eventstudy.check.check_paths`).

    Parameters
    ----------
    paths
        Files and folders (searched recursively; hidden files skipped).
    published
        Publication date for every article (``YYYY-MM-DD``); else each file's own dateline.
    source
        Where prices come from (default: a :class:`~eventstudy.prices.PriceLoader`).
    offline
        ``True``: bundled data and the store only; ``None``: ``EVENTSTUDY_OFFLINE`` decides.
    progress
        Show a progress bar on stderr.

    Returns
    -------
    BatchResult
        ``.frame`` (one row per claim), ``.failures`` (unreadable files with the reason)
        and ``.summary()``.
    """
    day = parse_date(published) if published is not None else None
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    src = source if source is not None else PriceLoader(offline=offline)
    return check_paths(paths, source=src, published=day, progress=progress)
