"""Batch runs on a Dask cluster: read and check a corpus of articles, run large event studies.

Needs the optional extra ``pip install 'eventstudy[dask]'`` and a :class:`distributed.Client`
that you start (a ``LocalCluster`` on one machine, or a scheduler address for many). Every
function gives the same result, row for row, as the single-process run:

* :func:`read_corpus` -- :func:`eventstudy.read.read_file` over many files: one row per claim;
* :func:`check_corpus` -- :func:`eventstudy.check.check_paths` with the files spread over the
  workers, each reading prices from its own :class:`~eventstudy.prices.PriceLoader`;
* :func:`study_events` -- :class:`eventstudy.stats.EventStudy` with the events spread over the
  workers and the cross-sectional tests computed on the gathered panel.

Dask itself is imported only when one of them is called.
"""

from __future__ import annotations

from .corpus import FAILURE_COLUMNS, READ_COLUMNS, ReadResult, check_corpus, read_corpus
from .study import study_events

__all__ = ["read_corpus", "check_corpus", "study_events", "ReadResult", "READ_COLUMNS", "FAILURE_COLUMNS"]
