"""The dev set's labelled claims, checked against the bundled prices.

The claims are built from the labels by ``benchmarks/checker_devset.py`` (no reader involved).
Known limits of the labels (not special-cased here): hedges ("nearly 800 points", "more than
3 %") are stored as plain numbers, so such claims are checked as exact and may come out
contradicted; kind ``other`` has no period, so those are unverifiable.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "checker_devset.py"


@pytest.fixture(scope="module")
def devcheck(devset_path):
    spec = importlib.util.spec_from_file_location("checker_devset", BENCH)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    kept, verdicts = mod.run(devset_path)
    return mod, kept, verdicts


def test_claims_the_notes_call_wrong_are_contradicted(devcheck):
    mod, kept, verdicts = devcheck
    wrong = [
        (dc, v)
        for dc, v in zip(kept, verdicts, strict=True)
        if mod.called_wrong(dc) and dc.claim.kind != "other"
    ]
    assert len(wrong) >= 2  # the notes name a wrong level and a wrong points figure
    for dc, v in wrong:
        assert v.status == "contradicted", f"{dc.article}#{dc.position}: {v.explanation}"
    # kind "other" ones cannot be checked without a period: unverifiable, never confirmed
    for dc, v in zip(kept, verdicts, strict=True):
        if mod.called_wrong(dc) and dc.claim.kind == "other":
            assert v.status == "unverifiable"


def test_correct_close_claims_are_confirmed(devcheck):
    mod, kept, verdicts = devcheck
    correct = [
        (dc, v)
        for dc, v in zip(kept, verdicts, strict=True)
        if dc.claim.kind == "close" and not mod.called_wrong(dc)
    ]
    bad = [(dc, v) for dc, v in correct if v.status != "confirmed"]
    report = "\n".join(f"{dc.article}#{dc.position}: {v.explanation}" for dc, v in bad)
    # Measured: 49 of 55 confirmed. The 6 others come out contradicted, with the failing number shown:
    # three hedges the labels dropped ("nearly 800 points", "more than 3 %", "more than 4 %"), two
    # levels 0.37 and 0.46 points off the final close (provisional prints), and 1.6 % printed for 1.55 %.
    assert len(correct) >= 50
    assert len(bad) <= 0.15 * len(correct), report
    assert all(v.status == "contradicted" for _, v in bad), report


def test_every_devset_claim_inside_the_bundle_gets_a_verdict_with_numbers(devcheck):
    _, kept, verdicts = devcheck
    assert len(kept) == len(verdicts) > 100
    for v in verdicts:
        if v.status in ("confirmed", "contradicted"):
            assert {"prev_close", "open", "high", "low", "close", "close_pct"} <= set(v.actual)
            assert v.checks
