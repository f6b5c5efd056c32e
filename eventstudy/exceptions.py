"""One exception hierarchy for the whole package.

Every error the package raises on bad input or missing data derives from
:class:`EventStudyError`; input errors also inherit the matching built-in
(``ValueError``, ``LookupError``, ``FileNotFoundError``) so that generic
handlers keep working. Each error carries the data it is about (ticker,
dates, path) and a message that says how to fix it. The CLI turns any
:class:`EventStudyError` into one line on stderr and a non-zero exit.
"""

from __future__ import annotations

from datetime import date

__all__ = [
    "EventStudyError",
    "EventStudyWarning",
    "ArticleError",
    "NoDateError",
    "UnknownIndexError",
    "PolicyError",
    "InvalidDateError",
    "NotATradingDayError",
    "PriceDataError",
    "PriceUnavailableError",
    "PartialPriceDataError",
    "InvalidDateRangeError",
    "StoreError",
    "StudyError",
    "InsufficientDataError",
    "UnknownSecurityError",
    "OptionalDependencyError",
    "BatchError",
]


class EventStudyError(Exception):
    """Root of every error raised by eventstudy."""


class EventStudyWarning(UserWarning):
    """Root of every warning issued by eventstudy."""


class ArticleError(EventStudyError, ValueError):
    """The article cannot be read: missing, empty, binary or undecodable file."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class NoDateError(ArticleError):
    """No publication date could be found in the article and none was given."""


class UnknownIndexError(EventStudyError, LookupError):
    """A name or ticker that is not in the index registry."""

    def __init__(self, name: str, message: str | None = None) -> None:
        super().__init__(
            message
            or f"unknown index {name!r}; see eventstudy.indices.INDICES for the names and tickers we know"
        )
        self.name = name

    def __str__(self) -> str:  # LookupError would quote the whole message
        return str(self.args[0])


class PolicyError(EventStudyError, ValueError):
    """A policy or option string that is not one of the valid values."""


class InvalidDateError(EventStudyError, ValueError):
    """A value given as a date that is not one (use ``YYYY-MM-DD``)."""


class NotATradingDayError(EventStudyError, ValueError):
    """A date that is not a session of the exchange, under the ``error`` policy."""

    def __init__(self, day: date, calendar: str, message: str | None = None) -> None:
        super().__init__(message or f"{day} is not a trading session on {calendar}")
        self.day = day
        self.calendar = calendar


class PriceDataError(EventStudyError):
    """Prices for a ticker and date range cannot be had."""

    def __init__(
        self,
        message: str,
        *,
        ticker: str | None = None,
        start: date | None = None,
        end: date | None = None,
    ) -> None:
        super().__init__(message)
        self.ticker = ticker
        self.start = start
        self.end = end


class PriceUnavailableError(PriceDataError, LookupError):
    """No source has any prices for the ticker and range (offline, empty answer, outside data)."""

    def __str__(self) -> str:
        return str(self.args[0])


class PartialPriceDataError(PriceDataError):
    """A source answered with only part of the requested range."""


class InvalidDateRangeError(PriceDataError, ValueError):
    """A date range that is not one: a bound that is not a date, or ``start`` after ``end``."""


class StoreError(EventStudyError, OSError):
    """The local price store cannot be opened or written."""


class StudyError(EventStudyError, ValueError):
    """An event study cannot be run with the inputs given."""


class InsufficientDataError(StudyError):
    """Too few estimation or event-window observations."""


class UnknownSecurityError(StudyError, LookupError):
    """An event names a security that is not a column of the returns table."""

    def __init__(self, security: str, message: str | None = None) -> None:
        super().__init__(
            message or f"unknown security {security!r}; events must name columns of the returns table"
        )
        self.security = security

    def __str__(self) -> str:  # LookupError would quote the whole message
        return str(self.args[0])


class OptionalDependencyError(EventStudyError, ImportError):
    """An optional extra (e.g. ``eventstudy[dask]``) is needed and not installed."""

    def __init__(self, message: str, *, package: str | None = None) -> None:
        super().__init__(message)
        self.package = package


class BatchError(EventStudyError, ValueError):
    """A distributed batch run cannot be set up (no usable client, bad partitioning)."""
