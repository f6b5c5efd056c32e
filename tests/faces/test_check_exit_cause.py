"""`eventstudy check` exits 2 when no claim could be checked for want of prices: it asks the
verdicts why (their ``cause``), not the wording of their reasons."""

from __future__ import annotations

from datetime import date

import pytest

from eventstudy.check.verdict import Verdict
from eventstudy.faces import api
from eventstudy.faces.cli import main
from eventstudy.read.model import Article, Claim

DAY = date(2022, 3, 8)


def _report(reason: str, cause: str) -> api.CheckReport:
    claim = Claim("FTSE 100", "^FTSE", "up", 1.0, None, None, "close", DAY)
    art = Article(text="(stand-in)", published=DAY, event_date=DAY, claims=(claim,))
    v = Verdict("unverifiable", claim, f"unverifiable: {reason}.", reason=reason, cause=cause)
    return api.CheckReport(art, (v,), study_errors={("^FTSE", DAY): "no prices for the study"})


@pytest.mark.parametrize(
    ("reason", "cause", "code"),
    [
        # wording that never says "prices": the cause decides
        ("the vendor sent nothing for that session", "prices", 2),
        # wording that says "prices" about a claim that cannot be checked by its nature
        ("a claim about consumer prices, not an index move", "claim", 0),
    ],
    ids=["want-of-prices", "by-nature"],
)
def test_the_exit_code_follows_the_cause(monkeypatch, capsys, tmp_path, reason, cause, code):
    monkeypatch.setattr(api, "check", lambda *a, **k: _report(reason, cause))
    f = tmp_path / "a.txt"
    f.write_text("(the reading is replaced)\n")
    got = main(["check", "--offline", str(f)])
    out, err = capsys.readouterr()
    assert got == code, err
    if code == 2:
        assert err.strip() == f"eventstudy check: error: the claim could not be checked: {reason}"
    else:
        assert reason in " ".join(out.split())
