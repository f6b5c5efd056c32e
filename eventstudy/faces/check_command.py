"""``eventstudy check``: verdicts and an event study for one article, or a batch of them."""

from __future__ import annotations

import argparse
import json
import math
import sys
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from ..exceptions import ArticleError, EventStudyError, PriceUnavailableError, StudyError
from ..indices import lookup
from .fetch_command import _quiet_yfinance, env_offline

__all__ = ["add_parser", "run", "parse_days"]


class _UsageError(EventStudyError, ValueError):
    pass


def parse_days(text: str, name: str) -> tuple[int, int]:
    """Parse ``"-250:-11"`` into ``(-250, -11)``; the error names the option."""
    try:
        a, b = text.split(":")
        lo, hi = int(a), int(b)
    except ValueError as e:
        raise _UsageError(f"{name} {text!r} is not START:END in trading days, e.g. -250:-11") from e
    if lo > hi:
        raise _UsageError(f"{name} {text!r} starts after it ends")
    return lo, hi


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "check",
        help="check the index moves an article claims, and how unusual they were",
        description=(
            "Read each article, check every claimed index move against real prices and run an "
            "event study of the claimed index around its trading day. One file gives a full "
            "report; several files or a folder (or --out) give one row per claim (file, index, "
            "date, verdict; in the --out file when given) and a summary."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="ARTICLE", help="text file(s) or folder(s)")
    p.add_argument("--published", metavar="DATE", help="publication date YYYY-MM-DD (overrides the text)")
    p.add_argument(
        "--model",
        choices=["constant-mean", "market", "market-adjusted"],
        help="expected-return model (default: constant-mean, or market with --benchmark)",
    )
    p.add_argument("--benchmark", metavar="TICKER", help="benchmark index for the market models, e.g. ^FTSE")
    p.add_argument(
        "--estimation",
        default="-250:-11",
        metavar="START:END",
        help="estimation window in trading days relative to the event (default -250:-11)",
    )
    p.add_argument(
        "--window", default="-1:1", metavar="START:END", help="event window in trading days (default -1:1)"
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="print JSON instead of text (several files: the document --out FILE.json writes)",
    )
    p.add_argument("--plot", metavar="FILE.png", help="save a plot of AR and CAR around the event")
    p.add_argument("--out", metavar="FILE", help="write one row per claim to FILE.csv or FILE.json (batch)")
    p.add_argument(
        "--offline", action="store_true", help="never use the network (bundled data and store only)"
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar in batch runs")
    p.set_defaults(run=run)
    return p


_PLOT_FORMATS = (".png", ".pdf", ".svg", ".jpg", ".jpeg", ".eps", ".ps", ".tif", ".tiff", ".webp")
_DEFAULT_ESTIMATION = "-250:-11"
_DEFAULT_WINDOW = "-1:1"


def _output_path(text: str, option: str, suffixes: tuple[str, ...], default_suffix: str | None) -> Path:
    """Check an output file name before any work, so a long run is not lost at the end."""
    if not text.strip():
        raise _UsageError(f"{option} needs a file name, e.g. {option} results{suffixes[0]}")
    path = Path(text)
    if path.is_dir():
        raise _UsageError(
            f"{option} {text}: is a folder; give a file name, e.g. {path / ('results' + suffixes[0])}"
        )
    if path.suffix == "" and default_suffix is not None:
        path = path.with_name(path.name + default_suffix)
    if path.suffix.lower() not in suffixes:
        raise _UsageError(f"{option} {text}: use a file name ending in {', '.join(suffixes)}")
    parent = path.parent
    if not parent.is_dir():
        raise _UsageError(f"{option} {text}: folder {str(parent)!r} does not exist; create it first")
    return path


def _batch_options(args: argparse.Namespace) -> None:
    """Batch runs check claims only: the event-study options would be silently ignored."""
    given = [
        name
        for name, value, default in (
            ("--model", args.model, None),
            ("--benchmark", args.benchmark, None),
            ("--estimation", args.estimation, _DEFAULT_ESTIMATION),
            ("--window", args.window, _DEFAULT_WINDOW),
            ("--plot", args.plot, None),
        )
        if value is not None and value != default
    ]
    if given:
        raise _UsageError(
            f"{', '.join(given)} {'works' if len(given) == 1 else 'work'} with one article (batch runs check claims without event studies); "
            "run `eventstudy check ARTICLE` for each article, or drop them"
        )


def run(args: argparse.Namespace) -> int:
    from .api import check_windows

    estimation = parse_days(args.estimation, "--estimation")
    window = parse_days(args.window, "--window")
    try:
        check_windows(estimation, window)
    except StudyError as e:
        raise _UsageError(f"--estimation {args.estimation} --window {args.window}: {e}") from e
    if args.benchmark:
        lookup(args.benchmark)  # unknown index: one-line error before any work
    if args.model in ("market", "market-adjusted") and not args.benchmark:
        raise StudyError(f"--model {args.model} needs --benchmark TICKER (e.g. --benchmark ^FTSE)")
    if args.model == "constant-mean" and args.benchmark:
        raise StudyError(
            "--model constant-mean uses no benchmark: drop --benchmark, or use --model market or market-adjusted"
        )
    offline = True if args.offline else None
    paths = [Path(p) for p in args.paths]
    batch = len(paths) > 1 or paths[0].is_dir() or args.out is not None
    if batch:
        return _run_batch(args, paths, offline)
    plot = _output_path(args.plot, "--plot", _PLOT_FORMATS, ".png") if args.plot is not None else None

    from .api import check

    try:
        with _quiet_yfinance(not (args.offline or env_offline())):
            report = check(
                paths[0],
                published=args.published,
                model=args.model,
                benchmark=args.benchmark,
                estimation=estimation,
                window=window,
                offline=offline,
            )
    except StudyError as e:  # name the window options the user gave, not the library's parameters
        given = [
            f"{flag} {value}"
            for flag, value, default in (
                ("--estimation", args.estimation, _DEFAULT_ESTIMATION),
                ("--window", args.window, _DEFAULT_WINDOW),
            )
            if value != default
        ]
        if not given:
            raise
        raise StudyError(f"{' '.join(given)}: {e}") from e
    if (
        report.verdicts
        and not report.studies
        and report.study_errors
        and all(v.status == "unverifiable" and v.cause == "prices" for v in report.verdicts)
    ):
        # (only for want of prices, as the checker says: a claim that cannot be checked by its
        # nature, "1% below its record", is a verdict to print, with the report)
        # the verdicts' own reasons (a missing previous close, ...), not the study's
        first = next(v.reason for v in report.verdicts if v.reason)
        n = len(report.verdicts)
        what = "the claim could not be checked" if n == 1 else f"none of the {n} claims could be checked"
        names = list(dict.fromkeys(f"{v.claim.index} ({v.claim.ticker})" for v in report.verdicts))
        if len(names) > 1:  # which indices lack prices, not only the first one's reason
            what += f" ({', '.join(names)})"
        raise PriceUnavailableError(f"{what}: {first}")
    no_plot = None
    if plot is not None:
        # the plot is of the main study (the header's event date, as the text and JSON);
        # without one the verdicts are still printed, with the reason the plot is missing
        study = report.main_study
        if study is None:
            why = next(iter(report.study_errors.values()), "the article has no claims to study")
            no_plot = f"no plot written to {plot}: {why}"
        else:
            fig = study.plot()
            try:
                fig.savefig(plot, dpi=120)
            except (OSError, ValueError) as e:
                raise _UsageError(f"cannot write the plot to {plot}: {e}") from e
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False, allow_nan=False))
    else:
        print(report.summary())
        if plot is not None and no_plot is None:
            print(f"\nPlot saved to {plot}")
    if no_plot is not None:
        print(f"eventstudy check: {no_plot}", file=sys.stderr)
    return 0


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """JSON-ready rows: dates as YYYY-MM-DD, NaN as null."""

    def cell(v: object) -> object:
        if isinstance(v, pd.Timestamp | datetime):
            return v.date().isoformat() if not pd.isna(v) else None
        if isinstance(v, date):
            return v.isoformat()
        if isinstance(v, float | np.floating):
            return float(v) if math.isfinite(v) else None
        if isinstance(v, np.integer):
            return int(v)
        if v is None or v is pd.NA or v is pd.NaT:
            return None
        return v

    return [{k: cell(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _failure_reason(file: str, reason: str) -> str:
    from .cli import for_the_command_line

    return for_the_command_line(reason.removeprefix(f"{file}: "))


def _run_batch(args: argparse.Namespace, paths: list[Path], offline: bool | None) -> int:
    from ..check.batch import collect_files, is_results_file
    from .api import check_many

    _batch_options(args)
    out = _output_path(args.out, "--out", (".csv", ".json"), None) if args.out is not None else None
    skipped: list[Path] = []
    files = collect_files(paths, skipped=skipped)
    for f in sorted(skipped):
        print(
            f"eventstudy check: skipped {f}: the results of an earlier check run, not an article",
            file=sys.stderr,
        )
    if not files:
        raise ArticleError(
            f"no article files in {', '.join(str(p) for p in paths)}; give text files or folders holding them"
        )
    if out is not None and out.exists() and any(out.resolve() == f.resolve() for f in files):
        raise _UsageError(f"--out {out} is one of the articles to check; write the results to another file")
    with _quiet_yfinance(not (args.offline or env_offline())):
        result = check_many(
            paths,
            published=args.published,
            offline=offline,
            progress=not args.no_progress and sys.stderr.isatty(),
        )
    per_file = _per_file(files, result)
    doc = {
        "claims": _records(result.frame),
        "failures": _records(result.failures),
        "files": result.files,
        "per_file": per_file,
        "rankings": _records(result.rankings),
    }
    if out is not None:
        try:
            if out.suffix.lower() == ".csv":
                result.frame.to_csv(out, index=False)
                stale = _failures_path(out)
                if len(result.failures):
                    # the unreadable files, beside the claims (a CSV has no room for them)
                    result.failures.to_csv(stale, index=False)
                elif stale.is_file() and is_results_file(stale):
                    stale.unlink()  # an earlier run's unreadable files are not this run's
            else:
                out.write_text(
                    json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False), encoding="utf-8"
                )
        except OSError as e:
            raise _UsageError(f"cannot write {out}: {e.strerror or e}") from e
    if args.json:
        # the document of --out FILE.json, whatever --out says
        print(json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False))
        for _, r in result.failures.iterrows():
            print(
                f"eventstudy check: unreadable: {r['file']}: {_failure_reason(r['file'], r['reason'])}",
                file=sys.stderr,
            )
        if out is not None:
            n = len(result.frame)
            print(f"eventstudy check: {n} claim{'s' if n != 1 else ''} written to {out}", file=sys.stderr)
    else:
        if out is None and len(result.frame):
            print(_claim_table(result.frame))
            print()
        print(result.summary())
        if len(result.failures):
            print(f"\nUnreadable files ({len(result.failures)}):")
            for _, r in result.failures.iterrows():
                print(f"  {r['file']}: {_failure_reason(r['file'], r['reason'])}")
        no_claims = [r["file"] for r in per_file if r["claims"] == 0 and r["error"] is None]
        if no_claims:
            print(f"\nFiles read with no claims ({len(no_claims)}):")
            for f in no_claims:
                print(f"  {f}")
        if out is not None:
            n = len(result.frame)
            print(f"\n{n} claim{'s' if n != 1 else ''} written to {out}")
            if len(result.failures) and out.suffix.lower() == ".csv":
                print(f"unreadable files written to {_failures_path(out)}")
    if len(result.failures) == len(files):
        print(f"eventstudy check: error: none of the {len(files)} files could be read", file=sys.stderr)
        return 2
    return 0


def _claim_table(frame: pd.DataFrame) -> str:
    """One line per claim: file, index, date (the session checked, else the claimed day), verdict."""
    rows = [("file", "index", "date", "verdict")]
    for _, r in frame.iterrows():
        day = r["session"] if r["session"] is not None and not pd.isna(r["session"]) else r["trading_date"]
        if isinstance(day, pd.Timestamp):
            day = day.date()
        when = day.isoformat() if isinstance(day, date) else "unknown"
        rows.append((str(r["file"]), str(r["index"]), when, str(r["status"])))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths, strict=True)) + "  " + row[3]
        for row in rows
    )


def _failures_path(out: Path) -> Path:
    """Where the unreadable files of a CSV run go: beside it, ``NAME.failures.csv``."""
    return out.with_name(out.stem + ".failures.csv")


def _per_file(files: list[Path], result) -> list[dict]:
    """One record per input file: how many claims were read from it, or why it was not read."""
    counts = result.frame["file"].astype(str).value_counts().to_dict() if len(result.frame) else {}
    errors = (
        dict(zip(result.failures["file"].astype(str), result.failures["reason"], strict=True))
        if len(result.failures)
        else {}
    )
    return [
        {"file": str(f), "claims": int(counts.get(str(f), 0)), "error": errors.get(str(f))} for f in files
    ]
