"""Check claimed index moves against real prices.

:func:`check_claim` / :func:`check_article` / :func:`check_claims` give one
:class:`Verdict` per claim; :func:`check_paths` checks a batch of article files;
:func:`market_context` shows how the other major indices moved on the day;
:func:`check_ranking` checks a ranking or record statement ("its biggest fall since ...").

The package is also callable: ``eventstudy.check(path)`` is :func:`eventstudy.faces.api.check`
(read an article, check its claims, run its event study; see ``eventstudy/__init__.py``).
"""

from __future__ import annotations

from .batch import BatchResult, check_paths
from .claims import PERIODS, check_article, check_claim, check_claims, period_start
from .context import market_context
from .rankings import RankingVerdict, check_ranking
from .verdict import Verdict

__all__ = [
    "Verdict",
    "RankingVerdict",
    "check_ranking",
    "check_claim",
    "check_claims",
    "check_article",
    "check_paths",
    "BatchResult",
    "market_context",
    "PERIODS",
    "period_start",
]
