"""eventstudy: did the market move the way the article says, and how unusual was the move?

The few functions most users need:

* :func:`check` -- read an article, check each claimed index move, run its event study;
* :func:`check_many` -- the same for many files and folders, one row per claim;
* :func:`read_file` / :func:`read_article` -- claims and dates only;
* :class:`EventStudy` -- event studies on your own returns (one event or thousands);
* :class:`PriceLoader` -- index prices: bundled data, local store, then yfinance.
"""

from __future__ import annotations

__version__ = "0.1.0"

import sys
import types
from typing import TYPE_CHECKING

from .exceptions import EventStudyError

#: Where each public name lives. They are imported on first use (PEP 562), so that
#: ``eventstudy extract`` does not pay for scipy, the statistics and the checker.
_LAZY = {
    "check": "faces.api",
    "check_many": "faces.api",
    "study_claim": "faces.api",
    "CheckReport": "faces.api",
    "ClaimStudy": "faces.api",
    "PriceLoader": "prices",
    "read_article": "read",
    "read_file": "read",
    "Event": "stats",
    "EventStudy": "stats",
    "EventStudyResults": "stats",
    "returns_from_prices": "stats",
}

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from .faces.api import CheckReport, ClaimStudy, check, check_many, study_claim
    from .prices import PriceLoader
    from .read import read_article, read_file
    from .stats import Event, EventStudy, EventStudyResults, returns_from_prices


def __getattr__(name: str):
    """Import a public name from its module on first use."""
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'eventstudy' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{where}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


class _Package(types.ModuleType):
    """The package module: importing the subpackage ``eventstudy.check`` must not hide the
    function :func:`check` (the import system sets each imported subpackage as an attribute
    of its parent; for a public name of :data:`_LAZY` that is skipped, ``sys.modules`` has it)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__all__ = [
    "__version__",
    "check",
    "check_many",
    "study_claim",
    "CheckReport",
    "ClaimStudy",
    "read_article",
    "read_file",
    "EventStudy",
    "EventStudyResults",
    "Event",
    "returns_from_prices",
    "PriceLoader",
    "EventStudyError",
]
