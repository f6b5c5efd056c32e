"""Threads change how fast the study runs, never what it finds.

:mod:`eventstudy.stats.parallel` runs independent blocks of events side by side: the
chunks of the model stage, the blocks of the rank pass of
:class:`~eventstudy.stats.significance_shared.PanelStats`, and the rank tests beside the
other tests in :func:`~eventstudy.stats.significance.cross_sectional_tests`. Each path is run
here with one thread and with two, on panels with missing values, zero and tied
abnormal returns, and the answers compared to 1e-12 (they are in fact identical); a spy
on ``run_parts`` checks that the two-thread runs did split the work.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import pandas as pd
import pytest

from eventstudy.exceptions import StudyError
from eventstudy.stats import EventStudy, parallel, significance_shared, study
from eventstudy.stats.panel import AbnormalReturnPanel
from eventstudy.stats.significance import cross_sectional_tests
from eventstudy.stats.significance_car import all_car_tests
from eventstudy.stats.significance_shared import PanelStats

EST_DAYS, EV_DAYS = 120, 11
# enough events for two threads: the rank pass splits above 2 * MIN_CELLS cells
N_EVENTS = 2 * parallel.MIN_CELLS // (EST_DAYS + EV_DAYS) + 50


def big_panel(seed: int, *, ties: bool) -> AbnormalReturnPanel:
    rng = np.random.default_rng(seed)
    n = N_EVENTS
    est = rng.normal(0, 0.01, (n, EST_DAYS)) * rng.uniform(0.5, 2.0, (n, 1))
    ev = rng.normal(0.0005, 0.012, (n, EV_DAYS))
    if ties:  # a coarse grid: ties within rows, so the tied-rank branches and no est_ranks
        est, ev = np.round(est, 3), np.round(ev, 3)
    est[rng.random(est.shape) < 0.02] = np.nan
    ev[rng.random(ev.shape) < 0.02] = np.nan
    est[n - 3 :, :] = np.nan  # events without estimation data, in the last block
    ev[7, 2] = ev[n // 2, 5] = 0.0
    dates = np.datetime64("2020-01-01") + rng.integers(0, 400, n).astype("timedelta64[D]")
    return AbnormalReturnPanel(
        est_ar=est,
        event_ar=ev,
        event_days=np.arange(-5, 6),
        n_params=2,
        est_market=rng.normal(0, 0.01, (n, EST_DAYS)),
        event_market=rng.normal(0, 0.01, (n, EV_DAYS)),
        event_dates=dates,
    )


@pytest.fixture
def spy(monkeypatch):
    """Record the number of threads of every ``run_parts`` call of the stats modules."""
    calls: list[int] = []

    def counted(fn, parts, *, threads=None):
        calls.append(min(len(parts), len(parts) if threads is None else threads))
        return parallel.run_parts(fn, parts, threads=threads)

    for module in (significance_shared, study):
        monkeypatch.setattr(module, "run_parts", counted)
    return calls


def assert_same(a: np.ndarray, b: np.ndarray) -> None:
    np.testing.assert_allclose(np.asarray(a, float), np.asarray(b, float), rtol=1e-12, atol=0, equal_nan=True)


@pytest.mark.parametrize("convention", ["paper", "estudy2"])
@pytest.mark.parametrize("ties", [False, True], ids=["no-ties", "ties"])
def test_rank_pass_in_two_threads_equals_one_thread(spy, convention, ties):
    panel = big_panel(3 + ties, ties=ties)
    one = PanelStats(panel, convention, threads=1)
    two = PanelStats(panel, convention, threads=2)
    for name in ("n_full", "n_full_day", "median_full", "rank_sums", "uniform_rank_sums", "median_sign_sums"):
        assert_same(getattr(one, name), getattr(two, name))
    assert spy == [1, 2]
    if ties:
        assert one.est_ranks is None and two.est_ranks is None
    else:
        assert one.est_ranks is not None and two.est_ranks is not None
        np.testing.assert_array_equal(one.est_ranks, two.est_ranks)
    for window in ((-1, 1), (0, 0), (-5, 5)):
        a, b = all_car_tests(one, *window), all_car_tests(two, *window)
        assert a.keys() == b.keys()
        for key in a:
            assert a[key].valid == b[key].valid, key
            if a[key].valid:
                assert_same(a[key].stat, b[key].stat)
                assert_same(a[key].pvalue, b[key].pvalue)


@pytest.mark.parametrize("convention", ["paper", "estudy2"])
def test_day_tests_in_two_groups_equal_one_thread(monkeypatch, spy, convention):
    panel = big_panel(5, ties=False)
    monkeypatch.setenv(parallel.THREADS_ENV, "1")
    single = cross_sectional_tests(panel, convention=convention)
    significance_shared._CACHE.clear()
    monkeypatch.setenv(parallel.THREADS_ENV, "2")
    threaded = cross_sectional_tests(panel, convention=convention)
    # one thread: the rank pass in one part; two threads: the other tests and the parts of
    # the rank pass shared between two threads
    assert spy == [1, 2]
    pd.testing.assert_index_equal(single.columns, threaded.columns)
    assert_same(single.to_numpy(), threaded.to_numpy())
    assert np.isfinite(single["rank"]).all() and np.isfinite(single["kolari_pynnonen"]).all()


def test_model_stage_in_two_threads_equals_one_thread(monkeypatch, spy):
    rng = np.random.default_rng(11)
    days = pd.bdate_range("2010-01-04", periods=900)
    n_sec = 40
    m = rng.normal(0.0003, 0.01, days.size)
    r = m[:, None] * rng.uniform(0.5, 1.5, n_sec) + rng.normal(0, 0.02, (days.size, n_sec))
    r[rng.random(r.shape) < 0.01] = np.nan
    returns = pd.DataFrame(r, index=days, columns=[f"S{i}" for i in range(n_sec)])
    market = pd.Series(m, index=days)
    n = N_EVENTS
    k = rng.choice(n_sec * (days.size - 300), n, replace=False)
    events = pd.DataFrame({"security": returns.columns[k % n_sec], "date": days[280 + k // n_sec]})
    runs = {}
    for threads in ("1", "2"):
        monkeypatch.setenv(parallel.THREADS_ENV, threads)
        runs[threads] = EventStudy(returns, market, events, estimation=(-250, -11), event=(-10, 10)).run()
    assert spy == [1, 2]
    a, b = runs["1"].panel, runs["2"].panel
    for name in ("est_ar", "event_ar", "est_market", "event_market", "pred_factor", "x_event", "xtx_inv"):
        assert_same(getattr(a, name), getattr(b, name))
    assert np.isnan(a.est_ar).any()  # the missing-value path of the fit was taken
    pd.testing.assert_frame_equal(runs["1"].car(), runs["2"].car())


def test_split_keeps_order_and_balances():
    items = list(range(10))
    parts = parallel.split(items, 3)
    assert [list(p) for p in parts] == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert [list(p) for p in parallel.split(items[:2], 4)] == [[0], [1]]
    assert parallel.split([], 2) == [[]]


def test_run_parts_returns_in_order_and_runs_nested_calls_in_place():
    seen: list[tuple[int, str]] = []

    def inner(x: int) -> int:
        seen.append((x, threading.current_thread().name))
        return x * 10

    both = threading.Barrier(2, timeout=10)  # each part waits for the other: two threads

    def outer(part: list[int]) -> list[int]:
        both.wait()
        here = threading.current_thread().name
        out = parallel.run_parts(inner, part)  # from a part: runs in this thread
        assert all(name == here for x, name in seen if x in part)
        return out

    assert parallel.run_parts(outer, [[1, 2], [3, 4]]) == [[10, 20], [30, 40]]
    assert len({name for _, name in seen}) == 2  # the two parts ran in two threads


def test_run_parts_raises_after_every_started_part_finished():
    started, done = threading.Event(), threading.Event()

    def fail() -> None:
        assert started.wait(5)  # the other part is running in the pool
        raise StudyError("first part fails")

    def slow() -> None:
        started.set()
        time.sleep(0.2)  # still running when the first part has failed
        done.set()

    with pytest.raises(StudyError, match="first part fails"):
        parallel.run_parts(lambda f: f(), [fail, slow])
    assert done.is_set()


def test_run_parts_in_the_caller_when_the_pool_thread_is_late():
    # the pool thread is kept busy: the caller takes every part and does not wait for it
    busy = threading.Event()
    pool = parallel._executor(1)
    blockers = [pool.submit(busy.wait, 5) for _ in range(parallel._pool_size)]  # every pool thread
    try:
        names = parallel.run_parts(lambda _: threading.current_thread().name, [0, 1, 2], threads=2)
        assert names == [threading.current_thread().name] * 3
    finally:
        busy.set()
        for b in blockers:
            b.result()


@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5"])
def test_bad_thread_count_from_the_environment_is_refused(monkeypatch, value):
    monkeypatch.setenv(parallel.THREADS_ENV, value)
    with pytest.raises(StudyError, match="EVENTSTUDY_THREADS"):
        parallel.n_threads()


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "2"])
def test_bad_threads_argument_is_refused(value):
    with pytest.raises(StudyError, match="threads="):
        PanelStats(big_panel(1, ties=False), threads=value)


def test_thread_count_defaults_to_the_cpus_and_follows_the_environment(monkeypatch):
    monkeypatch.delenv(parallel.THREADS_ENV, raising=False)
    assert 1 <= parallel.n_threads() <= parallel.MAX_THREADS
    monkeypatch.setenv(parallel.THREADS_ENV, "3")
    assert parallel.n_threads() == 3
    assert parallel.n_threads(1) == 1


def test_pools_of_growing_sizes_used_from_many_threads_at_once_never_fail():
    # a thread asking for a bigger pool must not shut down the pool another thread is using
    import threading

    from eventstudy.stats import parallel

    errors: list[BaseException] = []

    def call(n: int) -> None:
        try:
            for _ in range(30):
                assert parallel.run_parts(lambda x: x * 2, list(range(8)), threads=n) == [
                    x * 2 for x in range(8)
                ]
        except BaseException as e:  # noqa: BLE001 - collected and checked below
            errors.append(e)

    for _ in range(5):
        parallel._pool, parallel._pool_size = None, 0  # (a fresh process)
        ts = [threading.Thread(target=call, args=(n,)) for n in (2, 3, 4, 5)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
    assert errors == []
