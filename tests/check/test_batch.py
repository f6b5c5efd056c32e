"""Batch checking of article files: :func:`eventstudy.check.check_paths`."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest

from eventstudy.check import check_paths
from eventstudy.check.batch import FRAME_COLUMNS, collect_files
from eventstudy.exceptions import ArticleError
from eventstudy.prices.bundled import BundledSource
from eventstudy.read.model import Article, Claim


# ---------------------------------------------------------------- plumbing, with a stand-in reader
def _fake_read_file(path, *, published=None):
    """Stand-in reader: one claim per line 'TICKER YYYY-MM-DD up|down PCT'."""
    raw = open(path, "rb").read()
    if not raw:
        raise ArticleError(f"{path} is empty", path=str(path))
    if b"\0" in raw:
        raise ArticleError(f"{path} is binary", path=str(path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ArticleError(f"{path} is not UTF-8", path=str(path)) from e
    claims = []
    for line in text.splitlines():
        tk, d, direction, pct = line.split()
        claims.append(
            Claim(tk, tk, direction, float(pct), None, None, "close", date.fromisoformat(d), pct_text=pct)
        )
    return Article(text, published or date(2022, 2, 15), None, tuple(claims), source=str(path))


@pytest.fixture
def fake_reader(monkeypatch):
    import eventstudy.read

    monkeypatch.setattr(eventstudy.read, "read_file", _fake_read_file, raising=False)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("^FTMC 2022-02-15 up 1.09\n^FTSE 2022-02-15 down 1.0\n")
    (tmp_path / "b" / "c.txt").write_text("^GSPC 2022-02-15 up 1.58\n")
    (tmp_path / "b" / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.dat").write_bytes(b"\x89PNG\0\0\0")
    (tmp_path / "latin1.txt").write_bytes("^FTSE 2022-02-15 up 1.0 \u00a3".encode("latin-1"))
    (tmp_path / ".hidden" / "x.txt").write_text("^FTSE 2022-02-15 up 1.0\n")
    (tmp_path / ".dotfile.txt").write_text("^FTSE 2022-02-15 up 1.0\n")
    return tmp_path


def test_collect_files_recurses_sorted_and_skips_hidden(folder):
    names = [p.relative_to(folder).as_posix() for p in collect_files([folder])]
    assert names == ["a.txt", "b/c.txt", "b/empty.txt", "bin.dat", "latin1.txt"]


def test_check_paths_reports_unreadable_files_and_checks_the_rest(fake_reader, folder):
    res = check_paths(folder, source=BundledSource())
    assert res.files == 5
    assert sorted(res.failures["file"].map(lambda f: f.split("/")[-1])) == [
        "bin.dat",
        "empty.txt",
        "latin1.txt",
    ]
    assert set(res.failures["error"]) == {"ArticleError"}
    assert all(res.failures["reason"].str.len() > 0)
    assert list(res.frame.columns) == list(FRAME_COLUMNS)
    assert len(res.frame) == 3 and len(res.verdicts) == 3
    # FTSE 250 +1.09 % and S&P 500 +1.58 % on 2022-02-15 are right; FTSE 100 did not fall 1 %
    assert res.frame["status"].tolist() == ["confirmed", "contradicted", "confirmed"]
    assert res.frame.loc[0, "prev_close"] == 21617.89 and res.frame.loc[0, "close"] == 21852.51
    table = res.summary().table
    assert table.loc["close", "confirmed"] == 2 and table.loc["total", "all"] == 3
    assert "3 unreadable" in str(res.summary())


def test_check_paths_takes_files_and_shows_progress(fake_reader, folder, capsys):
    res = check_paths([folder / "a.txt", folder / "b" / "c.txt"], source=BundledSource(), progress=True)
    assert len(res.frame) == 3 and res.failures.empty
    assert "reading" in capsys.readouterr().err  # the tqdm bar


def test_missing_file_is_a_failure_not_a_crash(fake_reader, tmp_path):
    res = check_paths(tmp_path / "nope.txt", source=BundledSource())
    assert len(res.failures) == 1 and res.frame.empty
    assert res.summary().table.loc["total", "all"] == 0


# ---------------------------------------------------------------- with the real reader, on the dev set
@pytest.fixture
def devset_folder(tmp_path, devset_path):
    """The dev-set passages as .txt files with a dateline (made at test time, never committed),
    plus an empty, a binary and a non-UTF-8 file."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for line in devset_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        d = date.fromisoformat(row["published"])
        (folder / f"{row['id']}.txt").write_text(
            f"LONDON, {d.day} {d:%B %Y}\n\n{row['passage']}\n", encoding="utf-8"
        )
    (folder / "zz_empty.txt").write_bytes(b"")
    (folder / "zz_binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "zz_latin1.txt").write_bytes(
        "LONDON, 4 March 2022\n\nThe FTSE 100 fell 3.5% \u2013 \u00a3".encode("cp1252")
    )
    return folder


def test_batch_over_the_devset_folder(devset_folder, tmp_path):
    from eventstudy.read import read_file  # the reader's contract: ArticleError for bad files

    res = check_paths(devset_folder, source=BundledSource())
    bad = {f.split("/")[-1]: r for f, r in zip(res.failures["file"], res.failures["reason"], strict=True)}
    assert set(bad) == {"zz_empty.txt", "zz_binary.txt", "zz_latin1.txt"}
    assert re.search(r"empty", bad["zz_empty.txt"], re.I)
    assert re.search(r"binary", bad["zz_binary.txt"], re.I)
    assert re.search(r"utf-?8|decod|encoding", bad["zz_latin1.txt"], re.I)
    # every claim of every readable file is in the frame, with a verdict and an explanation
    expected = sum(len(read_file(p).claims) for p in sorted(devset_folder.glob("dev*.txt")))
    out = tmp_path / "verdicts.csv"
    res.frame.to_csv(out, index=False)
    back = pd.read_csv(out)
    assert len(back) == expected > 0
    assert set(back["status"]) <= {"confirmed", "contradicted", "unverifiable", "ambiguous"}
    assert back["explanation"].notna().all()
    assert res.summary().table.loc["total", "all"] == expected


def test_a_snapshot_row_has_the_days_range_not_the_claimed_figure_as_actual(tmp_path):
    # an intraday print: what it was compared with is the day's range, not a move; a close
    # claim in the same file keeps its measured move
    (tmp_path / "a.txt").write_text(
        "LONDON, 15 February 2022 - The FTSE 250 was up 0.64 per cent at lunchtime. "
        "On Monday the FTSE 100 had closed 1.7 per cent lower.",
        encoding="utf-8",
    )
    res = check_paths(tmp_path, source=BundledSource())
    snap = res.frame[res.frame["kind"] == "intraday"].iloc[0]
    assert pd.isna(snap["actual_pct"]) and pd.isna(snap["actual_points"])
    assert snap["low_pct"] <= 0.64 <= snap["high_pct"]
    day = res.frame[res.frame["kind"] == "close"].iloc[0]
    assert day["actual_pct"] == pytest.approx(day["close_pct"])
    assert pd.isna(day["low_pct"])
