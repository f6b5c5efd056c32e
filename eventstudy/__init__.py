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

from .exceptions import EventStudyError
from .faces.api import CheckReport, ClaimStudy, check, check_many, study_claim
from .prices import PriceLoader
from .read import read_article, read_file
from .stats import Event, EventStudy, EventStudyResults, returns_from_prices

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
