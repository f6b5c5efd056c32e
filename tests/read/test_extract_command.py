"""``eventstudy extract``: JSON and text output, errors as one line and exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from eventstudy.faces.cli import main

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_9f114ec4d93074be.txt"


def test_json_output(capsys):
    assert main(["extract", str(SEED), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["published"] == "2022-02-15"
    assert out["event_date"] == "2022-02-15"
    (c,) = out["claims"]
    assert {
        k: c[k] for k in ("index", "ticker", "direction", "pct", "points", "level", "kind", "trading_date")
    } == {
        "index": "FTSE 250",
        "ticker": "^FTMC",
        "direction": "up",
        "pct": 0.64,
        "points": None,
        "level": 21755.73,
        "kind": "intraday",
        "trading_date": "2022-02-15",
    }
    assert c["hedge"] is None and "FTSE 250" in c["text"]


def test_published_option(capsys):
    assert main(["extract", str(SEED), "--json", "--published", "2022-02-16"]) == 0
    assert json.loads(capsys.readouterr().out)["claims"][0]["trading_date"] == "2022-02-16"


def test_text_output(capsys):
    assert main(["extract", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "FTSE 250 (^FTMC): up 0.64% at 21755.73; intraday; 2022-02-15" in out


def test_error_is_one_line(tmp_path, capsys):
    p = tmp_path / "undated.txt"
    p.write_text("The Dow rose 1%.", encoding="utf-8")
    assert main(["extract", str(p)]) == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "--published YYYY-MM-DD" in err
