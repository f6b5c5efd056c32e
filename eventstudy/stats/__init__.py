"""Event-study statistics: returns, windows, expected-return models, batched OLS, results.

Pure numpy/pandas on returns; knows nothing of articles or where prices come from.
The entry point is :class:`EventStudy`; its :meth:`~EventStudy.run` returns an
:class:`EventStudyResults`.
"""

from __future__ import annotations

from .models import ConstantMean, ExpectedReturnModel, FactorModel, MarketAdjusted, MarketModel
from .panel import AbnormalReturnPanel
from .results import EventStudyResults, Summary
from .returns import common_date_returns, returns_from_prices
from .study import EventStudy
from .windows import Event

__all__ = [
    "AbnormalReturnPanel",
    "ConstantMean",
    "Event",
    "EventStudy",
    "EventStudyResults",
    "ExpectedReturnModel",
    "FactorModel",
    "MarketAdjusted",
    "MarketModel",
    "Summary",
    "common_date_returns",
    "returns_from_prices",
]
