"""eventstudy: did the market move the way the article says, and how unusual was the move?

The few functions most users need:

* :func:`check` -- read an article, check each claimed index move, run its event study
  (``eventstudy.check`` is also the subpackage of the checker, :mod:`eventstudy.check`:
  calling it calls :func:`eventstudy.faces.api.check`);
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
    import inspect

    from .faces.api import CheckReport, ClaimStudy, check, check_many, study_claim
    from .prices import PriceLoader
    from .read import read_article, read_file
    from .stats import Event, EventStudy, EventStudyResults, returns_from_prices


def __getattr__(name: str):
    """Import a public name from its module on first use."""
    import importlib

    if name == "check":  # the subpackage, callable (see _CheckPackage)
        return importlib.import_module(".check", __name__)
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'eventstudy' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{where}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | {"check"})


class _CheckPackage(types.ModuleType):
    """The subpackage :mod:`eventstudy.check`, callable as the function
    :func:`eventstudy.faces.api.check`.

    One object answers to both things the name means: ``eventstudy.check(path)`` and
    ``from eventstudy import check; check(path)`` (the README's API) call the function, and
    ``import eventstudy.check.claims``, ``eventstudy.check.Verdict`` reach the subpackage.
    (Were the package attribute the function, ``import eventstudy.check.claims as c`` would
    look ``claims`` up on the function and fail.)
    """

    def __call__(self, *args: object, **kwargs: object) -> CheckReport:
        from .faces.api import check

        return check(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def __signature__(self) -> inspect.Signature:
        """The function's signature, for ``help`` and ``inspect.signature``."""
        import inspect

        from .faces.api import check

        return inspect.signature(check)


class _Package(types.ModuleType):
    """The package module: the subpackage ``eventstudy.check`` is made callable when it is
    set on the package (the import system sets each imported subpackage as an attribute of
    its parent)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name == "check" and isinstance(value, types.ModuleType) and type(value) is types.ModuleType:
            value.__class__ = _CheckPackage
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
