"""The command line as a hostile user drives it: every bad input is one line on stderr, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from eventstudy.faces.cli import main

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_9f114ec4d93074be.txt"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(capsys, *argv: str) -> str:
    """Run a command that must fail: exit 2, nothing on stdout, one line on stderr; return it."""
    code, out, err = run(capsys, *argv)
    assert code == 2, (out, err)
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and "internal error" not in err
    return lines[0]


def usage_error(capsys, *argv: str) -> str:
    """argparse errors exit through SystemExit(2); they too are one line."""
    with pytest.raises(SystemExit) as e:
        main(list(argv))
    out, err = capsys.readouterr()
    assert e.value.code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def article(tmp_path) -> Path:
    p = tmp_path / "article.txt"
    p.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    return p


# --- dates given by the user -------------------------------------------------------------


@pytest.mark.parametrize("value", ["", "NaT", "yesterday", "2022-13-45", "03/02/2022"], ids=repr)
def test_published_not_an_iso_date(capsys, article, value):
    line = one_line_error(capsys, "check", str(article), "--published", value)
    assert line.startswith("eventstudy check: error: --published")
    assert "YYYY-MM-DD" in line and repr(value) in line


def test_published_not_a_date_in_extract_and_batch(capsys, article, tmp_path):
    assert "--published ''" in one_line_error(capsys, "extract", str(article), "--published", "")
    # a batch run must not turn a bad option into "every file unreadable" with exit 0
    line = one_line_error(capsys, "check", str(tmp_path), "--published", "yesterday")
    assert "--published 'yesterday' is not a date" in line


def test_published_day_first_is_not_guessed(capsys, article):
    # 03/02/2022 is 3 February in London and 2 March in New York: refuse, do not guess
    line = one_line_error(capsys, "extract", str(article), "--published", "03/02/2022")
    assert "is not a date; use --published YYYY-MM-DD" in line


@pytest.mark.parametrize("value", ["", "NaT"], ids=repr)
def test_fetch_start_not_a_date(capsys, value):
    line = usage_error(capsys, "fetch", "^FTSE", "--start", value)
    assert f"{value!r} is not a date; use YYYY-MM-DD" in line


# --- windows ------------------------------------------------------------------------------


def test_negative_spans_are_values_not_options(capsys, article):
    # the README writes `--window -1:1`; argparse alone would take -2:2 for an option
    code, out, err = run(capsys, "check", str(article), "--window", "-2:2", "--estimation", "-100:-11")
    assert code == 0, err
    assert "CAR[-2,+2] =" in out
    assert "(days -100 to -11)" in out


@pytest.mark.parametrize(
    ("options", "match"),
    [
        (["--estimation", "0:10"], "estimation window (0, 10) must end before the event window (-1, 1)"),
        (["--window=-20:20"], "estimation window (-250, -11) must end before the event window (-20, 20)"),
        (["--window", "5:1"], "--window '5:1' starts after it ends"),
        (["--estimation=-100000:-11"], "run outside the XLON calendar"),
    ],
    ids=["overlap", "window-over-estimation", "reversed", "off-calendar"],
)
def test_windows_that_cannot_work_are_errors_not_notes(capsys, article, options, match):
    line = one_line_error(capsys, "check", str(article), *options)
    assert match in line


def test_missing_value_of_a_window_is_one_line(capsys, article):
    line = usage_error(capsys, "check", str(article), "--window")
    assert "argument --window: expected one argument" in line
    assert "see eventstudy check --help" in line


# --- output files -------------------------------------------------------------------------


def test_plot_without_extension_is_saved_as_png_and_says_so(capsys, article, tmp_path):
    target = tmp_path / "figure"
    code, out, err = run(capsys, "check", str(article), "--plot", str(target))
    assert code == 0, err
    assert (tmp_path / "figure.png").stat().st_size > 0
    assert f"Plot saved to {target}.png" in out


@pytest.mark.parametrize(
    ("name", "match"),
    [
        ("", "--plot needs a file name"),
        ("{tmp}", "is a folder; give a file name"),
        ("{tmp}/no/such/dir/p.png", "does not exist; create it first"),
        ("{tmp}/p.xyz", "use a file name ending in .png"),
    ],
    ids=["empty", "folder", "missing-folder", "unknown-format"],
)
def test_bad_plot_paths_fail_before_any_work(capsys, article, tmp_path, name, match):
    line = one_line_error(capsys, "check", str(article), "--plot", name.format(tmp=tmp_path))
    assert match in line


@pytest.mark.parametrize(
    ("name", "match"),
    [
        ("", "--out needs a file name"),
        ("{tmp}/r.txt", "use a file name ending in .csv, .json"),
        ("{tmp}/missing/r.csv", "does not exist; create it first"),
        ("{tmp}", "is a folder"),
    ],
    ids=["empty", "txt", "missing-folder", "folder"],
)
def test_bad_out_paths(capsys, article, tmp_path, name, match):
    line = one_line_error(capsys, "check", str(article), "--out", name.format(tmp=tmp_path))
    assert match in line


def test_out_never_overwrites_an_input_article(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    mine = folder / "notes.json"
    mine.write_text('{"mine": 1}', encoding="utf-8")
    line = one_line_error(capsys, "check", str(folder), "--out", str(mine))
    assert "is one of the articles to check" in line
    assert mine.read_text(encoding="utf-8") == '{"mine": 1}'


# --- batch runs ---------------------------------------------------------------------------


def test_empty_folder_is_an_error(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    line = one_line_error(capsys, "check", str(tmp_path / "empty"))
    assert "no article files in" in line


def test_study_options_in_a_batch_are_refused_not_ignored(capsys, article, tmp_path):
    line = one_line_error(capsys, "check", str(article), str(article), "--benchmark", "^FTSE")
    assert "--benchmark works with one article" in line


def test_batch_json_has_iso_dates_no_nan_and_failures_on_stderr(capsys, article, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"price \xa3 7,000\n")
    code, out, err = run(capsys, "check", str(article), str(bad), "--json", "--no-progress")
    assert code == 0, err
    doc = json.loads(out, parse_constant=lambda c: pytest.fail(f"JSON holds {c}"))
    rows = doc["claims"]  # the document --out FILE.json writes
    assert rows[0]["published"] == "2022-02-15" and rows[0]["trading_date"] == "2022-02-15"
    assert rows[0]["points"] is None  # NaN in the frame is null in JSON
    assert doc["files"] == 2 and doc["failures"][0]["file"] == str(bad)
    (line,) = err.strip().splitlines()
    assert line.startswith(f"eventstudy check: unreadable: {bad}: is not valid UTF-8")


def test_batch_out_json_holds_claims_and_failures(capsys, article, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("   \n", encoding="utf-8")
    target = tmp_path / "r.json"
    code, out, err = run(capsys, "check", str(article), str(bad), "--out", str(target), "--no-progress")
    assert code == 0, err
    doc = json.loads(target.read_text(encoding="utf-8"), parse_constant=lambda c: pytest.fail(c))
    assert doc["files"] == 2 and len(doc["claims"]) == 1
    assert doc["failures"][0]["file"] == str(bad)
    assert f"{bad}: is empty" in out and f"{bad}: {bad}" not in out  # the name once
    assert "1 claim written to" in out


# --- single article: JSON and unverifiable claims --------------------------------------------


def test_all_claims_unverifiable_is_one_line(capsys, tmp_path):
    p = tmp_path / "cac.txt"
    p.write_text(
        "PARIS, 15 February 2022 - The CAC 40 gained 1.8 per cent to 6,979.97 and the Hang Seng "
        "lost 0.8 per cent to 24,355.\n",
        encoding="utf-8",
    )
    line = one_line_error(capsys, "check", str(p), "--json")
    assert "none of the 2 claims could be checked" in line


def test_single_json_is_strict(capsys, article):
    code, out, err = run(capsys, "check", str(article), "--json", "--window=0:0")
    assert code == 0, err
    doc = json.loads(out, parse_constant=lambda c: pytest.fail(f"JSON holds {c}"))
    assert [r["day"] for r in doc["study"]["ar"]] == [0]


# --- fetch --------------------------------------------------------------------------------


def test_fetch_garbage_store_is_one_line_and_left_as_it_is(capsys, tmp_path):
    store = tmp_path / "prices.sqlite"
    store.write_bytes(b"my notes, not a database")
    line = one_line_error(
        capsys, "fetch", "^FTSE", "--start", "2019-01-02", "--end", "2019-01-31", "--store", str(store)
    )
    assert "cannot be read" in line
    assert store.read_bytes() == b"my notes, not a database"


# --- study --------------------------------------------------------------------------------


@pytest.fixture
def csvs(tmp_path) -> dict[str, Path]:
    days = pd.bdate_range("2021-01-04", periods=60, name="date")
    r = pd.DataFrame({"A": [0.001 * ((i % 7) - 3) for i in range(60)]}, index=days)
    b = pd.DataFrame({"M": [0.0007 * ((i % 5) - 2) for i in range(60)]}, index=days)
    paths = {"returns": tmp_path / "r.csv", "bench": tmp_path / "b.csv", "events": tmp_path / "e.csv"}
    r.to_csv(paths["returns"])
    b.to_csv(paths["bench"])
    pd.DataFrame({"security": ["A"], "date": [days[50].date()]}).to_csv(paths["events"], index=False)
    return paths


def test_study_without_a_date_column(capsys, csvs, tmp_path):
    p = tmp_path / "nodate.csv"
    pd.read_csv(csvs["returns"]).drop(columns="date").assign(B=1.0).to_csv(p, index=False)
    line = one_line_error(capsys, "study", "--returns", str(p), "--benchmark", str(csvs["bench"]),
                          "--events", str(csvs["events"]))  # fmt: skip
    assert "column 'A' does not hold dates" in line


def test_study_duplicate_dates_name_the_file(capsys, csvs, tmp_path):
    p = tmp_path / "dup.csv"
    f = pd.read_csv(csvs["returns"])
    pd.concat([f, f.iloc[[3]]]).to_csv(p, index=False)
    line = one_line_error(capsys, "study", "--returns", str(p), "--benchmark", str(csvs["bench"]),
                          "--events", str(csvs["events"]))  # fmt: skip
    assert "dup.csv' has 1 repeated date(s), first 2021-01-07" in line


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n\xff\xfe"], ids=["empty", "binary"])
def test_study_unreadable_events_file(capsys, csvs, tmp_path, content):
    p = tmp_path / "events.csv"
    p.write_bytes(content)
    line = one_line_error(capsys, "study", "--returns", str(csvs["returns"]), "--benchmark",
                          str(csvs["bench"]), "--events", str(p))  # fmt: skip
    assert "events file" in line and "is not a readable CSV" in line


def test_study_market_model_names_the_missing_option(capsys, csvs):
    line = one_line_error(capsys, "study", "--returns", str(csvs["returns"]), "--events", str(csvs["events"]))
    assert "--model market needs --benchmark FILE.csv" in line


def test_study_json_is_strict(capsys, csvs):
    code, out, err = run(capsys, "study", "--returns", str(csvs["returns"]), "--benchmark", str(csvs["bench"]),
                         "--events", str(csvs["events"]), "--estimation", "-40:-6", "--event", "-1:1", "--json")  # fmt: skip
    assert code == 0, err
    json.loads(out, parse_constant=lambda c: pytest.fail(f"JSON holds {c}"))


def test_too_short_estimation_names_the_option(capsys, article):
    line = one_line_error(capsys, "check", str(article), "--estimation=-3:-2")
    assert line.startswith("eventstudy check: error: --estimation -3:-2: ")


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_is_taken_before_or_after_the_command(capsys, tmp_path, where):
    from eventstudy.exceptions import ArticleError

    missing = str(tmp_path / "missing.txt")
    argv = ["--debug", "check", missing] if where == "before" else ["check", missing, "--debug"]
    with pytest.raises(ArticleError, match="no such file"):
        main(argv)
    assert "no such file" in one_line_error(capsys, "check", missing)


def test_batch_lists_every_file_and_fails_when_none_could_be_read(capsys, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "none.txt").write_text("A quiet day, 9 March 2022: nothing about markets.", encoding="utf-8")
    (folder / "bin.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "res.json"
    code, text, _ = run(capsys, "check", "--offline", "--no-progress", str(folder), "--out", str(out))
    assert code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    per_file = {Path(r["file"]).name: (r["claims"], r["error"] is not None) for r in doc["per_file"]}
    assert per_file == {"a.txt": (1, False), "bin.txt": (0, True), "none.txt": (0, False)}
    assert "Files read with no claims (1)" in text
    csv_out = tmp_path / "res.csv"
    assert run(capsys, "check", "--offline", "--no-progress", str(folder), "--out", str(csv_out))[0] == 0
    failures = pd.read_csv(tmp_path / "res.failures.csv")
    assert [Path(f).name for f in failures["file"]] == ["bin.txt"]
    code, _, err = run(
        capsys, "check", "--offline", "--no-progress", str(tmp_path / "missing"), str(folder / "bin.txt")
    )
    assert code == 2 and "none of the 2 files could be read" in err
