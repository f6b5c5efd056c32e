"""Ranking statements in the command line's outputs, one file and many."""

from __future__ import annotations

import json

from eventstudy.faces.cli import main

ARTICLE = (
    "LONDON, 26 November 2021 - The FTSE 100 fell 3.6 per cent to 7,044.03 on Friday, its worst day since "
    "June 2020. On Wall Street the Dow shed 2.5 per cent, its worst day of the year.\n"
)


def test_check_prints_and_writes_rankings_for_one_file_and_many(tmp_path, capsys):
    one = tmp_path / "a.txt"
    one.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE.replace("26 November", "27 November"), encoding="utf-8")
    assert main(["check", str(one), "--offline", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [r["ranking"]["phrase"] for r in doc["rankings"]] == [
        "worst day since June 2020",
        "worst day of the year",
    ]
    assert doc["rankings"][1]["ranking"]["window_start"] == "2021-01-01"
    assert main(["check", str(one), "--offline"]) == 0
    text = capsys.readouterr().out
    assert "Ranking 1 of 2: FTSE 100" in text and "Ranking 2 of 2: Dow Jones Industrial Average" in text
    assert main(["check", str(tmp_path), "--offline", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["rankings"]) == 4 and {r["file"] for r in doc["rankings"]} == {
        str(one),
        str(tmp_path / "b.txt"),
    }
    # the same verdicts as the one-file check
    assert [r["status"] for r in doc["rankings"] if r["file"] == str(one)] == [
        r["status"] for r in json.loads(_one_json(one, capsys))["rankings"]
    ]


def _one_json(path, capsys) -> str:
    assert main(["check", str(path), "--offline", "--json"]) == 0
    return capsys.readouterr().out
