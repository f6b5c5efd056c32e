"""The ``eventstudy`` command: a thin layer over the Python API.

Sub-commands: ``check`` (articles -> verdicts and event study), ``extract`` (articles ->
claims), ``study`` (CSV returns -> event study), ``fetch`` (fill the local price store).
Errors from the package become one line on stderr and exit status 2; ``--debug`` shows
the traceback instead.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .. import __version__
from ..exceptions import EventStudyError

__all__ = ["main", "build_parser"]

_COMMANDS = ("check", "extract", "study", "fetch")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="eventstudy",
        description=(
            "Did the market move the way the article says, and how unusual was the move? "
            "Reads claimed index moves from news articles, checks them against real prices "
            "and runs an event study."
        ),
    )
    parser.add_argument("--version", action="version", version=f"eventstudy {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the full traceback on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMANDS:
        module = importlib.import_module(f"eventstudy.faces.{name}_command")
        module.add_parser(sub)
        sub.choices[name].set_defaults(run=module.run)
    return parser


class _ArgumentError(EventStudyError):
    pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 claims contradicted, 2 error)."""
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.run(args))
    except EventStudyError as e:
        if args.debug:
            raise
        print(f"eventstudy {args.command}: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("eventstudy: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug of ours: still one line unless --debug
        if args.debug:
            raise
        print(
            f"eventstudy {args.command}: internal error: {type(e).__name__}: {e} "
            "(rerun with --debug for the traceback and please report it)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
