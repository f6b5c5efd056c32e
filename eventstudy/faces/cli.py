"""The ``eventstudy`` command: a thin layer over the Python API.

Sub-commands: ``check`` (articles -> verdicts and event study), ``extract`` (articles ->
claims), ``study`` (CSV returns -> event study), ``fetch`` (fill the local price store).
Errors from the package become one line on stderr and exit status 2; ``--debug`` shows
the traceback instead.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from .. import __version__
from ..exceptions import EventStudyError

__all__ = ["main", "build_parser", "for_the_command_line"]

_COMMANDS = ("check", "extract", "study", "fetch")

#: Options whose value is a span ``START:END`` that may start with a minus sign.
_SPAN_OPTIONS = frozenset({"--estimation", "--window", "--event"})
_NEGATIVE_SPAN = re.compile(r"-\d+\s*:\s*[+-]?\d+")


def _join_negative_spans(argv: list[str]) -> list[str]:
    """``--window -1:1`` -> ``--window=-1:1``: argparse would take ``-1:1`` for an option."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        tok = argv[i]
        if tok == "--":
            out.extend(argv[i:])
            break
        if tok in _SPAN_OPTIONS and i + 1 < len(argv) and _NEGATIVE_SPAN.fullmatch(argv[i + 1]):
            out.append(f"{tok}={argv[i + 1]}")
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = _Parser(
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
        # "--debug" is also taken after the command ("eventstudy check FILE --debug")
        sub.choices[name].add_argument(
            "--debug",
            action="store_true",
            default=argparse.SUPPRESS,
            help="show the full traceback on errors",
        )
    return parser


class _ArgumentError(EventStudyError):
    pass


def for_the_command_line(message: str) -> str:
    """A library message worded for the command line: the fix as a flag, not a parameter."""
    from ..read.reader import PUBLISHED_HINT

    return message.replace(PUBLISHED_HINT, "give --published YYYY-MM-DD")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok whatever the verdicts, 2 error, 3 bug, 130 interrupted)."""
    parser = build_parser()
    args = parser.parse_args(_join_negative_spans(list(sys.argv[1:] if argv is None else argv)))
    if args.command is None:
        parser.print_help()
        return 0
    try:
        if getattr(args, "published", None) is not None:
            from .api import parse_date

            args.published = parse_date(args.published, command_line=True)  # ISO only: 03/02 is not guessed
        return int(args.run(args))
    except EventStudyError as e:
        if args.debug:
            raise
        print(f"eventstudy {args.command}: error: {for_the_command_line(str(e))}", file=sys.stderr)
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
