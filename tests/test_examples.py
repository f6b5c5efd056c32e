"""The example scripts run offline and print what their docstrings promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _run(name: str, *args: str) -> str:
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_seed_example(tmp_path):
    png = tmp_path / "seed.png"
    out = _run("ftse250_ukraine_deescalation.py", "--plot", str(png))
    assert "published 2022-02-15, event date 2022-02-15" in out
    assert "claim: FTSE 250 up 0.64 % to 21755.73 (intraday)" in out
    assert "inside the day's range 21,539.10-21,882.63" in out
    assert "event-day |AR| rank 40 of 241" in out
    assert png.stat().st_size > 10_000


def test_boe_example():
    out = _run("boe_rate_decisions.py")
    assert "No. events:                       10" in out
    assert "kolari_pynnonen" in out
    assert "^FTSE@2022-06-16" in out
