"""``eventstudy study`` through its own argument parser (no subprocess)."""

from __future__ import annotations

import argparse
import json

import numpy as np
import pandas as pd
import pytest

from eventstudy.exceptions import StudyError
from eventstudy.faces import study_command


def _parse(argv):
    parser = argparse.ArgumentParser(prog="eventstudy")
    sub = parser.add_subparsers(dest="command")
    study_command.add_parser(sub)
    return parser.parse_args(["study", *argv])


def _estudy2_args(base, *extra):
    return [
        "--returns", str(base / "rates.csv"), "--benchmark", str(base / "rates_indx.csv"),
        "--model", "market", "--estimation", "2019-04-01:2020-03-13", "--event", "2020-03-16:2020-03-20",
        *extra,
    ]  # fmt: skip


def test_study_json_on_estudy2(validation_dir, capsys):
    base = validation_dir / "estudy2"
    assert study_command.run(_parse(_estudy2_args(base, "--json", "--convention", "estudy2"))) == 0
    out = json.loads(capsys.readouterr().out)
    expected = pd.read_csv(base / "expected_parametric.csv").merge(
        pd.read_csv(base / "expected_nonparametric.csv")
    )
    keys = ["mean_aar", "bw_1980", "bw_1985", "t_test", "patell", "boehmer_bmp", "lamb", "sign",
            "generalized_sign", "corrado_sign", "rank", "modified_rank", "wilcoxon_v"]  # fmt: skip
    for key in keys:
        np.testing.assert_allclose(
            [d[key] for d in out["days"]], expected[key], rtol=0, atol=5e-7, err_msg=key
        )
        assert all(f"{key}_p" in d for d in out["days"]) or key == "mean_aar"
    assert out["n_events"] == 7 and [d["day"] for d in out["days"]] == [0, 1, 2, 3, 4]
    np.testing.assert_allclose([d["aar"] for d in out["days"]], expected["mean_aar"], atol=5e-9)
    assert {e["id"] for e in out["events"]} == {"AMZN", "ZM", "UBER", "NFLX", "SHOP", "FB", "UPWK"}


def test_study_text_from_prices(validation_dir, capsys):
    base = validation_dir / "estudy2"
    argv = [
        "--prices", str(base / "prices.csv"), "--benchmark", str(base / "prices_indx.csv"), "--log-returns",
        "--estimation", "2019-04-01:2020-03-13", "--event", "2020-03-16:2020-03-20",
    ]  # fmt: skip
    assert study_command.run(_parse(argv)) == 0
    text = capsys.readouterr().out
    assert "Event Study Results" in text and "market model (OLS)" in text
    assert "0.02330" in text  # mean AR of day 0 (0.02329740 in the vignette)


def test_study_with_events_file_and_relative_windows(tmp_path, capsys):
    rng = np.random.default_rng(5)
    days = pd.bdate_range("2022-01-03", periods=300)
    m = rng.normal(0, 0.01, 300)
    frame = pd.DataFrame({"date": days.strftime("%Y-%m-%d"), "AAA": m + rng.normal(0, 0.01, 300),
                          "BBB": 0.5 * m + rng.normal(0, 0.01, 300)})  # fmt: skip
    frame.to_csv(tmp_path / "r.csv", index=False)
    pd.DataFrame({"date": days.strftime("%Y-%m-%d"), "mkt": m}).to_csv(tmp_path / "m.csv", index=False)
    pd.DataFrame({"security": ["AAA", "BBB"], "date": ["2022-10-03", "2022-10-08"]}).to_csv(
        tmp_path / "e.csv", index=False
    )
    argv = [
        "--returns", str(tmp_path / "r.csv"), "--benchmark", str(tmp_path / "m.csv"),
        "--events", str(tmp_path / "e.csv"), "--estimation=-150:-11", "--event=-2:2", "--json",
    ]  # fmt: skip
    assert study_command.run(_parse(argv)) == 0
    out = json.loads(capsys.readouterr().out)
    assert [d["day"] for d in out["days"]] == [-2, -1, 0, 1, 2]
    assert any("2022-10-08 -> 2022-10-10" in n for n in out["notes"])  # a Saturday moved to Monday


def test_study_errors_are_typed(tmp_path, validation_dir):
    base = validation_dir / "estudy2"
    with pytest.raises(StudyError, match="--event '16 March' is not START:END"):
        study_command.run(_parse([*_estudy2_args(base)[:-2], "--event", "16 March"]))
    with pytest.raises(StudyError, match="relative windows need event dates"):
        study_command.run(_parse([*_estudy2_args(base)[:-4], "--estimation=-100:-11", "--event=-1:1"]))
    with pytest.raises(StudyError, match="returns file .*nope.csv' not found"):
        study_command.run(
            _parse(["--returns", str(tmp_path / "nope.csv"), "--event", "2020-03-16:2020-03-20"])
        )


def test_study_command_drops_an_unknown_security(tmp_path, capsys):
    rng = np.random.default_rng(6)
    days = pd.bdate_range("2022-01-03", periods=300)
    m = rng.normal(0, 0.01, 300)
    cols = {f"S{i}": m + rng.normal(0, 0.01, 300) for i in range(3)}
    pd.DataFrame({"date": days.strftime("%Y-%m-%d"), **cols}).to_csv(tmp_path / "r.csv", index=False)
    pd.DataFrame({"date": days.strftime("%Y-%m-%d"), "mkt": m}).to_csv(tmp_path / "m.csv", index=False)
    pd.DataFrame(
        {
            "security": ["S0", "^XXX", "S1", "S2"],
            "date": ["2022-09-01", "2022-09-02", "2022-10-03", "2022-11-01"],
        }
    ).to_csv(tmp_path / "e.csv", index=False)
    argv = [
        "--returns", str(tmp_path / "r.csv"), "--benchmark", str(tmp_path / "m.csv"),
        "--events", str(tmp_path / "e.csv"), "--estimation=-150:-11", "--event=-1:1", "--json",
    ]  # fmt: skip
    assert study_command.run(_parse(argv)) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["n_events"] == 3 and [e["id"] for e in out["events"]] == ["S0", "S1", "S2"]
    assert out["dropped"] == [
        {
            "id": "^XXX",
            "security": "^XXX",
            "date": "2022-09-02",
            "reason": "security '^XXX' not in the returns table",
        }
    ]


def test_spreadsheet_csvs_with_semicolons_or_trailing_empty_rows_are_read(tmp_path):
    rows = ["date,A,B", "2022-03-01,100.5,20.25", "2022-03-02,101.0,20.5"]
    plain = tmp_path / "plain.csv"
    plain.write_text("\n".join(rows) + "\n")
    trailing = tmp_path / "trailing.csv"
    trailing.write_text("\n".join(rows) + "\n,,\n,,\n")
    semi = tmp_path / "semi.csv"
    semi.write_text("\n".join(r.replace(",", ";") for r in rows) + "\n")
    euro = tmp_path / "euro.csv"  # semicolons between cells, decimal commas inside them
    euro.write_text("\n".join(r.replace(",", ";").replace(".", ",") for r in rows) + "\n")
    want = study_command.read_table(plain, "prices")
    for f in (trailing, semi, euro):
        pd.testing.assert_frame_equal(study_command.read_table(f, "prices"), want)
