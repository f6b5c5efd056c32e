"""``eventstudy study``: an event study on returns (or prices) read from CSV files.

Example (the estudy2 vignette)::

    eventstudy study --returns rates.csv --benchmark rates_indx.csv --model market \\
        --estimation 2019-04-01:2020-03-13 --event 2020-03-16:2020-03-20 --json

CSV files have a date column (named ``date``, or the first column) and one column per
security; the benchmark file has one column of benchmark returns (or prices, with
``--prices``). Without ``--events`` every security has the same event (calendar-date
windows); with ``--events EVENTS.csv`` (columns ``security,date[,id]``) each event has
its own date and the windows may be relative, e.g. ``--estimation -250:-11 --event -1:1``.
Event dates are ISO (``YYYY-MM-DD``); securities and ids are read as text (``0012`` stays
``0012``). With ``--prices`` and a benchmark, returns are computed on the dates both files
have a price on (:func:`eventstudy.stats.common_date_returns`; a blank price is a date not
traded; a note names the dates skipped); without a benchmark, rows with no price at all are
dropped (with a note).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
from pathlib import Path
from typing import Any, get_args

import numpy as np
import pandas as pd

from ..exceptions import StudyError
from ..policies import DatePolicy, ModelName
from .report import json_safe

__all__ = ["add_parser", "run", "parse_span", "read_table", "read_events"]


class StudyInputError(StudyError):
    """A file or option of ``eventstudy study`` that cannot be used."""


def add_parser(subparsers: Any) -> None:
    """Add the ``study`` sub-command to an ``argparse`` sub-parsers object."""
    p = subparsers.add_parser(
        "study",
        help="event study on CSV returns or prices",
        description="Abnormal returns and significance tests (MacKinlay 1997) for securities in CSV files.",
    )
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument(
        "--returns", metavar="FILE.csv", help="returns: a date column and one column per security"
    )
    src.add_argument("--prices", metavar="FILE.csv", help="prices instead of returns (returns are computed)")
    p.add_argument("--benchmark", metavar="FILE.csv", help="benchmark returns (or prices with --prices)")
    p.add_argument("--factors", metavar="FILE.csv", help="factor returns for --model factor")
    p.add_argument(
        "--model",
        choices=get_args(ModelName),
        default="market",
        help="expected-return model (default: market)",
    )
    p.add_argument(
        "--estimation",
        default="-250:-11",
        metavar="START:END",
        help="estimation window: trading days like -250:-11 or dates like 2019-04-01:2020-03-13",
    )
    p.add_argument(
        "--event",
        default="-1:1",
        metavar="START:END",
        help="event window: trading days like -1:1 or dates like 2020-03-16:2020-03-20",
    )
    p.add_argument(
        "--events", metavar="EVENTS.csv", help="events: columns security,date[,id]; dates as YYYY-MM-DD"
    )
    p.add_argument(
        "--log-returns",
        action="store_true",
        help="with --prices compute log returns; with --returns, the returns are log returns",
    )
    p.add_argument(
        "--date-policy",
        choices=get_args(DatePolicy),
        default="next",
        help="event dates that are not trading days (default next)",
    )
    p.add_argument(
        "--min-estimation",
        type=int,
        default=None,
        help="fewest estimation returns per event (default: half the estimation window, at least the parameters + 2)",
    )
    p.add_argument(
        "--calendar", default=None, help="exchange code (e.g. XLON) for event timestamps with a time"
    )
    p.add_argument(
        "--convention",
        choices=("paper", "estudy2"),
        default="paper",
        help="conventions of the tests: the original papers (default) or the R package estudy2",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of the text summary")


def parse_span(text: str, name: str) -> tuple[int, int] | tuple[str, str]:
    """Parse ``START:END`` as two ints (relative trading days) or two ISO dates."""
    m = re.fullmatch(r"\s*([+-]?\d+)\s*:\s*([+-]?\d+)\s*", text)
    if m:
        return int(m.group(1)), int(m.group(2))
    m = re.fullmatch(r"\s*(\d{4}-\d{2}-\d{2})\s*:\s*(\d{4}-\d{2}-\d{2})\s*", text)
    if m:
        return m.group(1), m.group(2)
    raise StudyInputError(
        f"--{name} {text!r} is not START:END; use trading days like -250:-11 or dates like 2019-04-01:2020-03-13"
    )


def _read_csv(p: Path, what: str, **kwargs: Any) -> pd.DataFrame:
    """A CSV file, comma-separated or (as spreadsheets write it in much of Europe) with
    semicolons; rows with every cell empty (a spreadsheet's trailing ``,,``) are dropped."""
    try:
        frame = pd.read_csv(p, **kwargs)
        if frame.shape[1] == 1 and ";" in str(frame.columns[0]):
            # "date;^FTSE": semicolons between the cells (a decimal comma is read as such)
            frame = pd.read_csv(p, sep=";", decimal=",", **kwargs)
        empty = frame.isna().all(axis=1)
        if frame.dtypes.eq(object).any():
            empty |= frame.astype(str).apply(lambda c: c.str.strip()).eq("").all(axis=1)
        return frame[~empty] if empty.any() else frame
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise StudyInputError(f"{what} file {str(p)!r} is not a readable CSV ({reason})") from e
    except OSError as e:
        raise StudyInputError(f"{what} file {str(p)!r} cannot be read ({e.strerror or e})") from e


def read_events(path: str | Path) -> pd.DataFrame:
    """Read an events CSV (columns ``security,date[,id]``) with every value kept as text.

    Securities and ids stay as written (``0012`` is not the number 12, ``NA`` is not
    missing); a blank ``id`` gets the default id. Dates must be ISO ``YYYY-MM-DD``
    (optionally with a time, ``YYYY-MM-DD HH:MM``): ``04/03/2022`` could be 4 March or
    3 April, so it is refused rather than guessed.

    Raises
    ------
    StudyInputError
        If the file is missing or unreadable, lacks the columns, or a date is not ISO
        (naming its line and value).
    """
    p = Path(path)
    if not p.is_file():
        raise StudyInputError(f"events file {str(p)!r} not found; give a CSV with columns security,date")
    frame = _read_csv(p, "events", dtype=str, keep_default_na=False)
    frame.columns = [str(c).strip() for c in frame.columns]
    if not {"security", "date"} <= set(frame.columns):
        raise StudyInputError(
            f"events file {str(p)!r} needs the columns security,date (optionally id); got {','.join(frame.columns)}"
        )
    frame = frame.apply(lambda col: col.str.strip())
    dates = frame["date"]
    from ..stats.windows import ISO_DATE_PATTERN  # (here: the CLI's other commands need no stats)

    bad = ~(dates.str.fullmatch(ISO_DATE_PATTERN) | (dates == ""))
    if bad.any():
        i = int(np.flatnonzero(bad.to_numpy())[0])
        raise StudyInputError(
            f"events file {str(p)!r} line {i + 2}: date {dates.iloc[i]!r} is not YYYY-MM-DD; "
            "write dates as ISO dates like 2022-03-04"
        )
    frame["date"] = dates.where(dates != "", None)
    if "id" in frame:
        frame["id"] = frame["id"].where(frame["id"] != "", None)
    return frame


def read_table(path: str | Path, what: str) -> pd.DataFrame:
    """Read a CSV with a date column (``date`` or the first column) into a date-indexed frame."""
    p = Path(path)
    if not p.is_file():
        raise StudyInputError(f"{what} file {str(p)!r} not found; give the path of a CSV file")
    frame = _read_csv(p, what)
    if frame.shape[1] < 2:
        raise StudyInputError(f"{what} file {str(p)!r} needs a date column and at least one data column")
    col = "date" if "date" in frame.columns else frame.columns[0]
    bad_dates = StudyInputError(
        f"{what} file {str(p)!r}: column {col!r} does not hold dates (YYYY-MM-DD); "
        "put the dates in a column named 'date' or in the first column"
    )
    if pd.api.types.is_numeric_dtype(frame[col]) or frame[col].isna().any():
        raise bad_dates  # numbers would be read as nanoseconds since 1970
    try:
        idx = pd.DatetimeIndex(pd.to_datetime(frame[col], format="ISO8601"), name="date")
    except (ValueError, TypeError) as e:
        raise bad_dates from e
    frame = frame.drop(columns=col).set_index(idx).sort_index()
    dup = idx[idx.duplicated()]
    if len(dup):
        raise StudyInputError(
            f"{what} file {str(p)!r} has {len(dup)} repeated date(s), first {dup[0]:%Y-%m-%d}; keep one row per date"
        )
    try:
        return frame.astype(float)
    except (ValueError, TypeError) as e:
        raise StudyInputError(f"{what} file {str(p)!r} holds values that are not numbers") from e


def run(args: argparse.Namespace) -> int:
    """Run ``eventstudy study``; print the summary (or JSON) and return 0."""
    from ..stats import EventStudy, common_date_returns, returns_from_prices

    kind = "log" if args.log_returns else "simple"
    input_notes: tuple[str, ...] = ()
    if args.factors and args.model != "factor":
        raise StudyInputError(
            f"--factors is used only by --model factor, not --model {args.model}; "
            "drop --factors or add --model factor"
        )
    if args.prices:
        prices = read_table(args.prices, "prices")
        returns = None  # computed below, on the dates the benchmark shares when there is one
    else:
        returns = read_table(args.returns, "returns")
    benchmark = None
    if args.model in ("market", "market-adjusted") and not args.benchmark:
        raise StudyInputError(
            f"--model {args.model} needs --benchmark FILE.csv (benchmark returns or prices)"
        )
    if args.model == "factor" and not args.factors:
        raise StudyInputError(
            "--model factor needs --factors FILE.csv (a date column and one column per factor)"
        )
    if args.benchmark:
        b = read_table(args.benchmark, "benchmark")
        if b.shape[1] != 1:
            raise StudyInputError(f"benchmark file must have one data column; it has {b.shape[1]}")
        if args.prices and args.model in ("market", "market-adjusted"):
            # returns of both on the dates both have: never a one-day move against a two-day one
            returns, benchmark, input_notes = common_date_returns(prices, b, kind=kind)
        else:
            benchmark = returns_from_prices(b, kind=kind) if args.prices else b
    if returns is None:
        blank = prices.index[prices.isna().all(axis=1)]
        if len(blank):
            # a row without any price is a date not traded: drop it, or it costs two returns
            prices = prices.drop(index=blank)
            input_notes += (
                f"{len(blank)} date(s) of the prices file have no price at all (first {blank[0]:%Y-%m-%d}) and "
                "were dropped as dates not traded; the next return spans them.",
            )
        returns = returns_from_prices(prices, kind=kind)
    factors = read_table(args.factors, "factors") if args.factors else None
    estimation = parse_span(args.estimation, "estimation")
    event = parse_span(args.event, "event")
    events = None
    if args.events:
        if not Path(args.events).is_file():
            raise StudyInputError(
                f"events file {args.events!r} not found; give a CSV with columns security,date"
            )
        events = read_events(args.events)
    elif isinstance(event[0], int):
        raise StudyInputError(
            "relative windows need event dates: give --events EVENTS.csv, or dates like --event 2020-03-16:2020-03-20"
        )
    result = EventStudy(
        returns,
        benchmark,
        events,
        factors=factors,
        model=args.model,
        estimation=estimation,
        event=event,
        min_estimation=args.min_estimation,
        date_policy=args.date_policy,
        calendar=args.calendar,
        return_kind=kind,
        convention=args.convention,
    ).run()
    if input_notes:
        result = dataclasses.replace(result, notes=input_notes + result.notes)
    if args.json:
        print(json.dumps(json_safe(result.to_dict()), indent=2, allow_nan=False))
    else:
        print(result.summary())
    return 0
