"""eventstudy.batch on a two-worker Dask LocalCluster equals the single-process run.

The oracles are the single-process functions (``read_file`` in a loop, ``check_paths``,
``EventStudy.run``) on the same inputs: the batch results must match them row for row and
value for value. The articles are written here from bundled closing levels (true claims,
and claims with a wrong percentage), plus a few unreadable files. No network.
"""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("distributed")  # the optional extra eventstudy[dask]

from distributed import Client, LocalCluster  # noqa: E402

from eventstudy import indices  # noqa: E402
from eventstudy.batch import READ_COLUMNS, check_corpus, read_corpus, study_events  # noqa: E402
from eventstudy.check import check_paths  # noqa: E402
from eventstudy.exceptions import (  # noqa: E402
    ArticleError,
    BatchError,
    EventStudyWarning,
    OptionalDependencyError,
    StudyError,
)
from eventstudy.prices import PriceLoader, PriceStore  # noqa: E402
from eventstudy.prices.bundled import load_bundled  # noqa: E402
from eventstudy.read import read_file  # noqa: E402
from eventstudy.stats import EventStudy  # noqa: E402

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CITY = {"^FTSE": "LONDON", "^FTMC": "LONDON", "^GDAXI": "FRANKFURT", "^GSPC": "NEW YORK", "^FCHI": "PARIS"}


@pytest.fixture(scope="module")
def client():
    # processes=True: tasks, their arguments and results really cross process boundaries
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("EVENTSTUDY_OFFLINE", "1")  # the worker processes inherit it: never the network
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        )
    with cluster, Client(cluster) as c:
        yield c


# --------------------------------------------------------------------------- corpus
def _article(ticker: str, session: pd.Timestamp, prev_close: float, close: float, *, wrong: bool) -> str:
    """A short market report, published the calendar day after ``session``, about its close."""
    name = indices.by_ticker(ticker).name
    pct = 100 * (close / prev_close - 1)
    if wrong:
        pct = pct + (1.5 if pct >= 0 else -1.5)
    verb = "closed {:.2f}% higher at {:,.2f}" if pct >= 0 else "ended {:.2f}% lower at {:,.2f}"
    published = session.date() + timedelta(days=1)
    return (
        f"{CITY[ticker]}, {published:%B} {published.day}, {published.year} (Wire desk) - Equities were in focus again. "
        f"The {name} {verb.format(abs(pct), close)} on {WEEKDAYS[session.weekday()]}, "
        "as dealers weighed the outlook for interest rates and company earnings.\n\n"
        "Volumes were close to their monthly average, brokers said, and bond yields were little changed.\n"
    )


def _write_corpus(root: Path) -> Path:
    """Twelve articles on bundled sessions (every third one wrong), one with two ranking
    statements, one CAC 40 article priced only from the store, and three unreadable files."""
    folder = root / "corpus"
    sub = folder / "more"
    sub.mkdir(parents=True)
    k = 0
    for ticker in ("^FTSE", "^FTMC", "^GDAXI", "^GSPC"):
        f = load_bundled(ticker)
        for i in (40, 170, 300):
            j = i
            while f.index[j].weekday() > 3:  # Monday..Thursday: published the next weekday
                j += 1
            text = _article(ticker, f.index[j], f["close"].iloc[j - 1], f["close"].iloc[j], wrong=k % 3 == 2)
            (folder if k % 2 else sub).joinpath(f"a{k:02d}.txt").write_text(text, encoding="utf-8")
            k += 1
    cac = _cac_prices()
    (folder / "cac.txt").write_text(
        _article("^FCHI", cac.index[3], cac["close"].iloc[2], cac["close"].iloc[3], wrong=False),
        encoding="utf-8",
    )
    (folder / "ranked.txt").write_text(
        "LONDON, 7 March 2022 - The FTSE 100 closed down 0.4 per cent at 6,959.48 on Monday, its lowest "
        "close since 20 September last year. The FTSE 250 fell 1.1%, its worst day since January.\n",
        encoding="utf-8",
    )
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (sub / "undated.txt").write_text("The DAX rose 1.1% to 15,000.5 on Monday.", encoding="utf-8")
    (folder / ".hidden.txt").write_text("never read", encoding="utf-8")
    return folder


def _cac_prices() -> pd.DataFrame:
    """Made-up CAC 40 levels (not in the bundled data) for the store."""
    days = pd.DatetimeIndex(
        ["2022-09-05", "2022-09-06", "2022-09-07", "2022-09-08", "2022-09-09"], name="date"
    )
    close = np.array([6020.5, 6105.25, 6070.75, 6125.5, 6210.0])
    return pd.DataFrame(
        {"open": close - 10, "high": close + 20, "low": close - 30, "close": close}, index=days
    )


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = _write_corpus(tmp_path)
    PriceStore(os.environ["EVENTSTUDY_STORE"]).write(
        "^FCHI", _cac_prices(), coverage=[(date(2022, 9, 5), date(2022, 9, 9))], source="test"
    )
    return folder


def test_read_corpus_equals_read_file_loop(client, corpus):
    res = read_corpus(corpus, client=client, npartitions=4)
    assert tuple(res.frame.columns) == READ_COLUMNS
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))
    cols = ["file", "index", "ticker", "kind", "direction", "pct", "level", "trading_date"]
    expected, failed = [], {}
    for f in files:
        try:
            art = read_file(f)
        except Exception as e:  # the loop is the oracle: record what it raises
            failed[str(f)] = type(e).__name__
            continue
        expected += [
            dict(
                zip(
                    cols,
                    (str(f), c.index, c.ticker, c.kind, c.direction, c.pct, c.level, c.trading_date),
                    strict=True,
                )
            )
            for c in art.claims
        ]
    pd.testing.assert_frame_equal(res.frame[cols], pd.DataFrame(expected, columns=cols), check_exact=True)
    assert len(res.frame) >= 13
    assert dict(zip(res.failures["file"], res.failures["error"], strict=True)) == failed
    assert set(failed.values()) == {"ArticleError", "NoDateError"}
    assert res.files == len(files) and res.articles == len(files) - len(failed)


@pytest.mark.parametrize("npartitions", [None, 1, 16], ids=["default", "one-task", "file-per-task"])
def test_check_corpus_equals_check_paths(client, corpus, npartitions):
    local = check_paths(corpus, source=PriceLoader(offline=True))
    res = check_corpus(corpus, client=client, npartitions=npartitions, offline=True)
    pd.testing.assert_frame_equal(res.frame, local.frame, check_exact=True)
    pd.testing.assert_frame_equal(res.failures, local.failures, check_exact=True)
    assert res.verdicts == local.verdicts
    assert res.files == local.files
    pd.testing.assert_frame_equal(res.rankings, local.rankings, check_exact=True)
    assert len(local.rankings) == 2 and set(local.rankings["status"]) <= {"confirmed", "contradicted"}
    pd.testing.assert_frame_equal(res.summary().table, local.summary().table)
    # the corpus exercises both outcomes, and the CAC 40 claim was priced from the store
    status = res.frame["status"].value_counts()
    assert status.get("confirmed", 0) >= 8 and status.get("contradicted", 0) >= 4
    cac = res.frame[res.frame["ticker"] == "^FCHI"]
    assert list(cac["status"]) == ["confirmed"] and cac["close"].iloc[0] == 6125.5


def test_check_corpus_reads_the_store_named_by_the_client(client, corpus, tmp_path):
    empty = tmp_path / "other.sqlite"
    res = check_corpus(corpus, client=client, store_path=empty, offline=True)
    cac = res.frame[res.frame["ticker"] == "^FCHI"]
    assert list(cac["status"]) == ["unverifiable"]
    assert f"not in the store at {empty}" in cac["explanation"].iloc[0]


class _FakeNetwork:
    """Stands in for Yahoo on the client: made-up CAC 40 levels, every weekday of the range."""

    name = "fake"
    calls: list[tuple[str, date, date]] = []

    def fetch(self, ticker, start, end):
        from eventstudy.prices.yahoo import Fetched

        self.calls.append((ticker, start, end))
        days = pd.bdate_range(start, end, name="date")
        known = _cac_prices()
        close = known["close"].reindex(days).fillna(6000.0).to_numpy()
        frame = pd.DataFrame(
            {"open": close, "high": close + 20, "low": close - 30, "close": close}, index=days
        )
        return Fetched(ticker, start, end, frame, ((start, end),), ())


def test_online_run_fills_the_store_on_the_client_and_workers_only_read(client, tmp_path, monkeypatch):
    folder = _write_corpus(tmp_path)
    store = tmp_path / "online.sqlite"  # empty: the CAC 40 prices must come from the "network"
    monkeypatch.setattr("eventstudy.prices.yahoo.YahooSource", _FakeNetwork)  # this process only
    _FakeNetwork.calls.clear()
    res = check_corpus(folder, client=client, store_path=store, offline=False)
    assert [c[0] for c in _FakeNetwork.calls] == ["^FCHI"]  # fetched once, here, for the claim's window
    assert PriceStore(store).coverage("^FCHI")  # ... and written to the store by the client
    cac = res.frame[res.frame["ticker"] == "^FCHI"]
    assert list(cac["status"]) == ["confirmed"] and cac["close"].iloc[0] == 6125.5
    local = check_paths(folder, source=PriceLoader(store_path=store, offline=True))
    pd.testing.assert_frame_equal(res.frame, local.frame, check_exact=True)


# --------------------------------------------------------------------------- studies
def _universe(n_series: int = 12, n_days: int = 420, seed: int = 3) -> tuple[pd.DataFrame, pd.Series]:
    rng = np.random.default_rng(seed)
    days = pd.bdate_range("2019-01-01", periods=n_days)
    m = rng.normal(0.0002, 0.01, n_days)
    r = m[:, None] * rng.uniform(0.5, 1.5, n_series) + rng.normal(0, 0.015, (n_days, n_series))
    r[rng.random(r.shape) < 0.01] = np.nan  # a few missing returns
    ret = pd.DataFrame(r, index=days, columns=[f"X{i:02d}" for i in range(n_series)])
    return ret, pd.Series(m, index=days, name="market")


def _events(returns: pd.DataFrame, n: int = 60, seed: int = 4) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    dates = list(returns.index[rng.integers(130, len(returns) - 12, n)])
    dates[5] = pd.Timestamp("2020-02-01")  # a Saturday: moved to the next trading day
    dates[9] = returns.index[20]  # too early for the estimation window: dropped
    dates[11] = pd.Timestamp("2030-01-02")  # outside the table: dropped
    return pd.DataFrame({"security": returns.columns[rng.integers(0, returns.shape[1], n)], "date": dates})


def _assert_same(got, want) -> None:
    np.testing.assert_array_equal(got.event_ids, want.event_ids)
    pd.testing.assert_frame_equal(got.event_stats, want.event_stats, check_exact=True)
    pd.testing.assert_frame_equal(got.to_frame(), want.to_frame(), check_exact=True)
    pd.testing.assert_frame_equal(got.tests, want.tests, check_exact=True)
    pd.testing.assert_frame_equal(got.dropped, want.dropped)
    assert got.notes == want.notes
    assert str(got.summary()) == str(want.summary())


@pytest.mark.parametrize("model", ["market", "constant-mean", "market-adjusted"])
def test_study_events_equals_single_process(client, model):
    returns, market = _universe()
    ev = _events(returns)
    opts = dict(model=model, estimation=(-120, -11), event=(-5, 5))
    bench = None if model == "constant-mean" else market
    want = EventStudy(returns, bench, ev, **opts).run()
    got = study_events(returns, ev, client=client, benchmark=bench, npartitions=3, **opts)
    _assert_same(got, want)
    # the edge cases happened: two events off the table and one repeat of another event
    assert len(want.dropped) == 3 and any("moved" in n for n in want.notes)
    assert want.dropped["reason"].str.contains("repeat").sum() == 1


def test_study_events_default_partitions_and_car_tests(client):
    returns, market = _universe(seed=8)
    ev = _events(returns, n=40, seed=9)
    want = EventStudy(returns, market, ev, estimation=(-100, -6), event=(-2, 2)).run()
    got = study_events(returns, ev, client=client, benchmark=market, estimation=(-100, -6), event=(-2, 2))
    _assert_same(got, want)
    with pytest.warns(EventStudyWarning, match="1 of the 38 events"):  # one misses a day of [-1, 1]
        a, b = got.car_tests(-1, 1), want.car_tests(-1, 1)
    assert a.keys() == b.keys()
    for k in a:
        assert a[k] == b[k] or (np.isnan(a[k].stat) and np.isnan(b[k].stat)), k


# --------------------------------------------------------------------------- errors
def test_not_a_client_is_refused(corpus):
    with pytest.raises(BatchError, match=r"client must be a distributed\.Client, not str"):
        read_corpus(corpus, client="tcp://127.0.0.1:8786")


def test_closed_client_is_refused(client, corpus):
    other = Client(client.cluster)
    other.close()
    with pytest.raises(BatchError, match=r"the Dask client is closed; give a running distributed.Client"):
        check_corpus(corpus, client=other)


def test_bad_npartitions_is_refused(client, corpus):
    with pytest.raises(BatchError, match=r"npartitions=0 must be a positive integer"):
        check_corpus(corpus, client=client, npartitions=0)
    returns, market = _universe()
    with pytest.raises(BatchError, match=r"npartitions=2.5 must be a positive integer"):
        study_events(returns, _events(returns), client=client, benchmark=market, npartitions=2.5)


def test_bad_published_fails_at_once(client, corpus):
    with pytest.raises(ArticleError, match=r"published='last week' is not a date; use YYYY-MM-DD"):
        read_corpus(corpus, client=client, published="last week")


def test_published_applies_to_every_file(client, corpus):
    res = read_corpus(corpus, client=client, published="2022-06-01")
    assert set(res.frame["published"]) == {date(2022, 6, 1)}
    assert "NoDateError" not in set(res.failures["error"])  # the undated file is now readable


def test_no_files_is_refused(client, tmp_path):
    with pytest.raises(BatchError, match=r"no files to read"):
        read_corpus(tmp_path, client=client)


def test_study_input_errors_raise_on_the_client(client):
    returns, market = _universe()
    ev = pd.DataFrame({"security": ["NOPE"], "date": [returns.index[200]]})
    with pytest.raises(StudyError, match=r"unknown security 'NOPE'"):
        study_events(returns, ev, client=client, benchmark=market)


def test_missing_dask_says_how_to_install(monkeypatch, corpus):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(OptionalDependencyError, match=r"pip install 'eventstudy\[dask\]'"):
        read_corpus(corpus, client=object())
