"""Messages a fact-checker misread in the seventh round of user reviews.

Bundled real closes (Yahoo Finance, ``eventstudy/data``): Dow Jones Industrial Average
34,269.16 (11 May 2021) -> 33,587.66 (12 May, -1.99 %, -681.50 points). The bundled prices
begin on 4 Jan 2021, so the first daily return is 5 Jan 2021 and a 250-day estimation
window cannot end in May 2021.
"""

from __future__ import annotations

from pathlib import Path

from eventstudy.faces.cli import main

#: A morning note written in Sydney on the 13th about New York's session of the 12th; no
#: session is stated, so the checker settles it from the figures.
SYDNEY_NOTE = (
    "Sydney, Thursday 13 May 2021\n\nWall Street had a rough night. The Dow Jones Industrial "
    "Average dropped 681 points, or 2.0 per cent, to end at 33,587.66.\n"
)


def test_a_failed_study_names_the_one_day_it_was_run_on(capsys, tmp_path: Path):
    art = tmp_path / "note.txt"
    art.write_text(SYDNEY_NOTE, encoding="utf-8")
    code = main(["check", "--offline", str(art)])
    out = " ".join(capsys.readouterr().out.split())
    assert code == 0
    assert "holds as a close on 2021-05-12" in out
    # one day in the line: the settled session, not "on 2021-05-13 not run: ... on 2021-05-12"
    assert (
        "Event study of ^DJI on 2021-05-12 not possible: the daily returns that can be had here start on 2021-01-05"
        in out
    )
    assert "on 2021-05-13 not run" not in out
