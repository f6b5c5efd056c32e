"""`eventstudy check` end to end on the seed article, offline, and its error paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventstudy.faces.cli import main

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_9f114ec4d93074be.txt"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_seed_text_report(capsys):
    code, out, err = run(capsys, "check", "--offline", str(SEED))
    assert code == 0, err
    flat = " ".join(out.split())  # explanations are wrapped
    assert "Published   2022-02-15" in out
    assert "Event date  2022-02-15  (London session)" in out
    assert "FTSE 250 (^FTMC) up 0.64 % to 21,755.73, intraday, 2022-02-15" in out
    assert "verdict: CONFIRMED: holds as an intraday print on 2022-02-15" in out
    assert "inside the day's range 21,539.10-21,882.63" in flat
    assert "implied previous close 21755.73/1.0064 = 21,617.38 vs actual 21,617.89" in flat
    assert "closed at 21,852.51 (+1.09 %" in flat  # what the close did
    # market context: the FTSE 100, DAX, Euro Stoxx and US indices rose too; Tokyo had closed
    assert "Nikkei 225                     ^N225        26,865.19    -0.79 %" in out
    assert (
        "6 of the 7 indices with prices that the article does not name closed up too: a market-wide move."
        in out
    )
    # the event-study table: three days with AR, t, p and a CAR line
    assert "  day  date" in out and "AR" in out
    for day in ("-1  2022-02-14", "+0  2022-02-15", "+1  2022-02-16"):
        assert day in out
    assert "CAR[-1,+1] =" in out and "t = " in out and "p = " in out


def test_seed_json(capsys):
    code, out, err = run(capsys, "check", "--offline", "--json", str(SEED))
    assert code == 0, err
    doc = json.loads(out)
    assert doc["published"] == "2022-02-15" and doc["event_date"] == "2022-02-15"
    (c,) = doc["claims"]
    assert (c["index"], c["ticker"], c["direction"], c["kind"]) == ("FTSE 250", "^FTMC", "up", "intraday")
    assert c["pct"] == pytest.approx(0.64) and c["level"] == pytest.approx(21755.73)
    assert c["points"] is None and c["trading_date"] == "2022-02-15"
    assert "21,755.73" in c["text"]
    assert c["verdict"] == "confirmed"
    a = c["actual"]
    assert a["prev_close"] == pytest.approx(21617.89)
    assert (a["low"], a["high"], a["close"]) == pytest.approx((21539.10, 21882.63, 21852.51))
    assert a["close_pct"] == pytest.approx(100 * (21852.51 / 21617.89 - 1))
    s = doc["study"]
    assert s["model"] == "constant-mean" and s["window"] == [-1, 1]
    assert s["estimation"]["days"] == [-250, -11] and s["estimation"]["n"] == 240
    assert [r["day"] for r in s["ar"]] == [-1, 0, 1]
    # the event-day return is the real close-to-close return
    assert s["ar"][1]["return"] == pytest.approx(21852.51 / 21617.89 - 1)
    assert s["car"] == pytest.approx(sum(r["ar"] for r in s["ar"]))
    assert 0 <= s["car_p"] <= 1 and s["car_t"] == pytest.approx(s["car"] / s["car_se"])
    assert c["study"] == s


def test_market_model_with_benchmark(capsys):
    code, out, err = run(capsys, "check", "--offline", "--json", "--benchmark", "^FTSE", str(SEED))
    assert code == 0, err
    s = json.loads(out)["study"]
    assert s["model"] == "market" and s["benchmark"] == "^FTSE"


def test_plot_is_written(capsys, tmp_path):
    png = tmp_path / "seed.png"
    code, out, err = run(capsys, "check", "--offline", "--plot", str(png), str(SEED))
    assert code == 0, err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


def _one_line_error(code: int, err: str, *needles: str) -> None:
    assert code == 2
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for n in needles:
        assert n in lines[0]


def test_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "check", "--offline", str(tmp_path / "nope.txt"))
    _one_line_error(code, err, "nope.txt")


def test_empty_file(capsys, tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("  \n")
    code, _, err = run(capsys, "check", "--offline", str(f))
    _one_line_error(code, err, "empty")


def test_binary_file(capsys, tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, _, err = run(capsys, "check", "--offline", str(f))
    _one_line_error(code, err, "image.txt")


def test_no_date(capsys, tmp_path):
    f = tmp_path / "undated.txt"
    f.write_text("Shares in London slipped, with the FTSE 100 down 0.5 per cent at 7,100.12.\n")
    code, _, err = run(capsys, "check", "--offline", str(f))
    _one_line_error(code, err, "--published")
    # and the same article with --published works
    code, out, err = run(capsys, "check", "--offline", "--published", "2022-03-01", str(f))
    assert code == 0, err and "FTSE 100" in out


def test_unknown_benchmark_index(capsys):
    code, _, err = run(capsys, "check", "--offline", "--benchmark", "^NOPE", str(SEED))
    _one_line_error(code, err, "^NOPE")


def test_market_model_needs_benchmark(capsys):
    code, _, err = run(capsys, "check", "--offline", "--model", "market", str(SEED))
    _one_line_error(code, err, "--benchmark")


def test_dates_outside_bundled_data_offline(capsys, tmp_path):
    f = tmp_path / "old.txt"
    f.write_text("LONDON, March 5, 2019 - The FTSE 100 closed down 1.2 per cent at 7,100.50 points.\n")
    code, _, err = run(capsys, "check", "--offline", str(f))
    _one_line_error(code, err, "^FTSE")


def test_bad_window(capsys):
    code, _, err = run(capsys, "check", "--offline", "--window", "1-2", str(SEED))
    _one_line_error(code, err, "--window")


def test_help_goes_to_stdout(capsys):
    with pytest.raises(SystemExit) as e:
        main(["check", "--help"])
    assert e.value.code == 0
    assert "--published" in capsys.readouterr().out


def test_batch_folder_to_csv(capsys, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_text(
        "LONDON, Feb 24, 2022 - The FTSE 100 closed down 3.9 per cent at 7,207.38 on Thursday.\n"
    )
    (folder / "empty.txt").write_text("")
    out_csv = tmp_path / "results.csv"
    code, out, err = run(capsys, "check", "--offline", "--no-progress", str(folder), "--out", str(out_csv))
    assert code == 0, err
    import pandas as pd

    rows = pd.read_csv(out_csv)
    assert {"^FTMC", "^FTSE"} <= set(rows["ticker"])
    assert "empty.txt" in out and "Unreadable files (1)" in out


def test_json_is_strict_when_a_bundled_market_was_shut_on_the_event_day(tmp_path, capsys):
    # 5 May 2022: Tokyo shut (Golden Week); the Nikkei's context row has no session
    import json

    from eventstudy.faces.cli import main

    p = tmp_path / "t.txt"
    p.write_text("TOKYO, 5 May 2022 - Wall Street overnight: the Dow fell 3.1%.\n", encoding="utf-8")
    assert main(["check", "--offline", "--json", str(p)]) == 0
    doc = json.loads(capsys.readouterr().out, parse_constant=lambda c: pytest.fail(f"non-JSON {c}"))
    nikkei = [r for r in doc["market_context"] if r["ticker"] == "^N225"]
    assert nikkei and nikkei[0]["direction"] is None and nikkei[0]["session"] is None


def test_an_earlier_runs_results_in_the_folder_are_not_read_as_articles(capsys, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    # a notes file that happens to be a CSV is still an input (reported if unreadable as prose)
    (folder / "notes.csv").write_text("date,comment\n2022-02-15,seen\n", encoding="utf-8")
    for out_name in ("results.csv", "results.json"):
        code, out, err = run(
            capsys, "check", "--offline", "--no-progress", str(folder), "--out", str(folder / out_name)
        )
        assert code == 0, err
    assert f"skipped {folder / 'results.csv'}: the results of an earlier check run" in err
    doc = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    assert [c["file"] for c in doc["claims"]] == [str(folder / "a.txt")]
    assert sorted(r["file"] for r in doc["per_file"]) == [str(folder / "a.txt"), str(folder / "notes.csv")]
    # a check --json document saved beside the articles is skipped too
    code, one, _ = run(capsys, "check", "--offline", "--json", str(folder / "a.txt"))
    (folder / "a.json").write_text(one, encoding="utf-8")
    from eventstudy.check.batch import collect_files, is_results_file

    assert is_results_file(folder / "a.json") and not is_results_file(folder / "notes.csv")
    skipped: list = []
    assert collect_files([folder], skipped=skipped) == [folder / "a.txt", folder / "notes.csv"]
    assert sorted(p.name for p in skipped) == ["a.json", "results.csv", "results.json"]
    # named on the command line, a file is always read
    assert collect_files([folder / "results.csv"]) == [folder / "results.csv"]


def test_plot_without_a_study_still_prints_the_verdicts(capsys, tmp_path):
    # February 2021: the bundled prices start in January, too late for an estimation window
    art = tmp_path / "early.txt"
    art.write_text(
        "LONDON, 10 February 2021 - The FTSE 100 fell 0.2 per cent on Wednesday.\n", encoding="utf-8"
    )
    png = tmp_path / "early.png"
    code, out, err = run(capsys, "check", "--offline", str(art), "--plot", str(png))
    assert code == 0
    assert "verdict:" in out and not png.exists()
    assert f"no plot written to {png}:" in err


def test_the_market_line_compares_each_indexs_first_claim(capsys, tmp_path):
    # 2022-03-09: FTSE 100 +3.25 %; the second FTSE sentence (a past week's fall, read as a
    # claim of its own) must not turn the comparison to "down"
    art = tmp_path / "t.txt"
    art.write_text(
        "LONDON, 9 March 2022 - The FTSE 100 rose 3.3 per cent to 7,190.72 on Wednesday. "
        "The FTSE 100 fell 0.5 per cent on Wednesday, one trader wrongly said.\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "check", "--offline", str(art))
    assert code == 0, err
    assert "closed up too" in out and "closed down too" not in out
