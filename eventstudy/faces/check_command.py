"""``eventstudy check``: verdicts and an event study for one article, or a batch of them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..exceptions import EventStudyError, PriceUnavailableError, StudyError
from ..indices import lookup

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
            "report; several files or a folder (or --out) give one row per claim and a summary."
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
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--plot", metavar="FILE.png", help="save a plot of AR and CAR around the event")
    p.add_argument("--out", metavar="FILE", help="write one row per claim to FILE.csv or FILE.json (batch)")
    p.add_argument(
        "--offline", action="store_true", help="never use the network (bundled data and store only)"
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar in batch runs")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    estimation = parse_days(args.estimation, "--estimation")
    window = parse_days(args.window, "--window")
    if args.benchmark:
        lookup(args.benchmark)  # unknown index: one-line error before any work
    if args.model in ("market", "market-adjusted") and not args.benchmark:
        raise StudyError(f"--model {args.model} needs --benchmark TICKER (e.g. --benchmark ^FTSE)")
    offline = True if args.offline else None
    paths = [Path(p) for p in args.paths]
    batch = len(paths) > 1 or paths[0].is_dir() or args.out is not None
    if batch:
        return _run_batch(args, paths, offline)

    from .api import check

    report = check(
        paths[0],
        published=args.published,
        model=args.model,
        benchmark=args.benchmark,
        estimation=estimation,
        window=window,
        offline=offline,
    )
    if (
        report.verdicts
        and not report.studies
        and report.study_errors
        and all(v.status == "unverifiable" for v in report.verdicts)
    ):
        first = next(iter(report.study_errors.values()))
        raise PriceUnavailableError(f"no claim could be checked: {first}")
    if args.plot:
        fig = report.plot(0)
        try:
            fig.savefig(args.plot, dpi=120)
        except (OSError, ValueError) as e:
            raise _UsageError(f"cannot write the plot to {args.plot}: {e}") from e
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(report.summary())
        if args.plot:
            print(f"\nPlot saved to {args.plot}")
    return 0


def _run_batch(args: argparse.Namespace, paths: list[Path], offline: bool | None) -> int:
    from .api import check_many

    if args.plot:
        raise _UsageError("--plot works with one article; drop it for batch runs")
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in (".csv", ".json"):
        raise _UsageError(f"--out {out}: use a .csv or .json file name")
    result = check_many(
        paths,
        published=args.published,
        offline=offline,
        progress=not args.no_progress and sys.stderr.isatty(),
    )
    if out is not None:
        try:
            if out.suffix.lower() == ".csv":
                result.frame.to_csv(out, index=False)
            else:
                out.write_text(
                    json.dumps(
                        result.to_dict()
                        if hasattr(result, "to_dict")
                        else json.loads(result.frame.to_json(orient="records", date_format="iso")),
                        indent=2,
                        ensure_ascii=False,
                        default=str,
                    ),
                    encoding="utf-8",
                )
        except OSError as e:
            raise _UsageError(f"cannot write {out}: {e}") from e
    if args.json and out is None:
        print(result.frame.to_json(orient="records", date_format="iso", indent=2))
    else:
        print(result.summary())
        if len(result.failures):
            print(f"\nUnreadable files ({len(result.failures)}):")
            for _, r in result.failures.iterrows():
                print(f"  {r['file']}: {r['reason']}")
        if out is not None:
            print(f"\n{len(result.frame)} claims written to {out}")
    return 0
