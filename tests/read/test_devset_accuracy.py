"""Accuracy on the labelled development set (shared/devset), scored by the benchmark script."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "extraction_accuracy.py"


def _score(path):
    spec = importlib.util.spec_from_file_location("extraction_accuracy", BENCH)
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extraction_accuracy", mod)
    spec.loader.exec_module(mod)
    return mod.score(path)


def test_devset_thresholds(devset_path):
    s = _score(devset_path)
    assert s.f1 >= 0.90, (s.precision, s.recall)
    assert s.day_accuracy >= 0.90
    assert s.kind_accuracy >= 0.90
