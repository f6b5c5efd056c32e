"""How fast the event study runs: events per second and peak memory, vectorised vs a per-event loop.

A synthetic universe of ``--series`` return series x ``--days`` trading days (market model
with random betas, Gaussian noise), events on random securities and dates; market model,
estimation window of 250 trading days (-260..-11), event window -10..+10, and all the
cross-sectional tests of :mod:`eventstudy.stats.significance`.

Each size runs in a fresh subprocess, so its peak memory (``ru_maxrss``) is its own; the
table shows the whole process peak and the part added by the study (peak minus the RSS
before the run, with the data already built). ``cold`` is the first run in the process,
``warm`` the best of ``--repeat`` further runs. The baseline fits each of ``--baseline``
events with statsmodels OLS in a Python loop (ARs, MacKinlay Var(CAR)) and then runs the
same tests on the stacked panel. No network.

Threads: on a large study the library fits chunks of events and runs the rank pass beside
the other tests in a small thread pool (:mod:`eventstudy.stats.parallel`), with as many
threads as CPUs that no other runnable thread holds when the study starts, so the figures
depend on how busy the machine is. ``--threads N`` fixes the count for every child
(``$EVENTSTUDY_THREADS``; ``1``: single-threaded); the header line shows the setting and
the number of runnable threads seen before the first size. On a shared machine, compare
versions by alternating their runs and taking the best of many (``--repeat 10``).

Run::

    python benchmarks/study_speed.py                      # N = 1,000, 10,000, 100,000
    python benchmarks/study_speed.py --sizes 1000,10000   # smaller
    python benchmarks/study_speed.py --sizes 10000 --repeat 10 --threads 1
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

import numpy as np
import pandas as pd

EST, WIN = (-260, -11), (-10, 10)


def universe(n_series: int, n_days: int, seed: int = 0) -> tuple[pd.DataFrame, pd.Series]:
    rng = np.random.default_rng(seed)
    days = pd.bdate_range("2000-01-03", periods=n_days)
    m = rng.normal(0.0003, 0.01, n_days)
    r = 0.0001 + m[:, None] * rng.uniform(0.3, 1.7, n_series) + rng.normal(0, 0.02, (n_days, n_series))
    return pd.DataFrame(r, index=days, columns=[f"S{i:04d}" for i in range(n_series)]), pd.Series(
        m, index=days
    )


def events(returns: pd.DataFrame, n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    lo, hi = -EST[0], len(returns) - WIN[1] - 1
    k = rng.choice(returns.shape[1] * (hi - lo), n, replace=False)  # distinct (security, day) pairs
    return pd.DataFrame(
        {
            "security": returns.columns[k % returns.shape[1]],
            "date": returns.index[lo + k // returns.shape[1]],
        }
    )


def _runnable() -> str:
    """Threads runnable on the machine now, this one included (Linux), or "?"."""
    try:
        with open("/proc/loadavg") as f:
            return f.read().split()[3].split("/")[0]
    except (OSError, IndexError):
        return "?"


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def _tests(res) -> float:
    t = time.perf_counter()
    try:
        _ = res.tests
    except ImportError:
        return float("nan")
    return time.perf_counter() - t


def child(n: int, n_series: int, n_days: int, repeat: int) -> dict:
    from eventstudy.stats import EventStudy

    returns, market = universe(n_series, n_days)
    ev = events(returns, n)
    rss0 = _rss_mb()
    times = []
    test_times = []
    model_times = []
    for _ in range(1 + repeat):
        t0 = time.perf_counter()
        res = EventStudy(returns, market, ev, estimation=EST, event=WIN).run()
        t_model = time.perf_counter() - t0
        t_tests = _tests(res)
        times.append(t_model + (0.0 if np.isnan(t_tests) else t_tests))
        test_times.append(t_tests)
        model_times.append(t_model)
        assert res.n_events == n
        del res
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "n": n,
        "cold": times[0],
        "warm": min(times[1:]) if repeat else float("nan"),
        "tests_cold": test_times[0],
        "tests_warm": min(test_times[1:]) if repeat else float("nan"),
        "model_cold": model_times[0],
        "model_warm": min(model_times[1:]) if repeat else float("nan"),
        "peak_mb": peak,
        "added_mb": peak - rss0,
    }


def baseline(n: int, n_series: int, n_days: int) -> dict:
    """Per-event loop with statsmodels OLS, then the same tests on the stacked panel."""
    import statsmodels.api as sm

    from eventstudy.stats.panel import AbnormalReturnPanel

    returns, market = universe(n_series, n_days)
    ev = events(returns, n)
    pos = returns.index.get_indexer(pd.DatetimeIndex(ev["date"]))
    L, T = EST[1] - EST[0] + 1, WIN[1] - WIN[0] + 1
    est_ar, est_m = np.empty((n, L)), np.empty((n, L))
    ar, ev_m, pred = np.empty((n, T)), np.empty((n, T)), np.empty((n, T))
    car_var = np.empty(n)
    rv, mv = returns.to_numpy(), market.to_numpy()
    t0 = time.perf_counter()
    for i, (sec, p) in enumerate(zip(ev["security"], pos, strict=True)):
        j = returns.columns.get_loc(sec)
        est = slice(p + EST[0], p + EST[1] + 1)
        win = slice(p + WIN[0], p + WIN[1] + 1)
        X = sm.add_constant(mv[est])
        fit = sm.OLS(rv[est, j], X, missing="drop").fit()
        Xs = sm.add_constant(mv[win], has_constant="add")
        est_ar[i], est_m[i] = fit.resid, mv[est]
        ar[i], ev_m[i] = rv[win, j] - Xs @ fit.params, mv[win]
        V = fit.scale * (np.eye(T) + Xs @ fit.normalized_cov_params @ Xs.T)
        pred[i] = np.diag(V) / fit.scale
        car_var[i] = V.sum()
    t_loop = time.perf_counter() - t0
    panel = AbnormalReturnPanel(est_ar, ar, np.arange(WIN[0], WIN[1] + 1), 2, est_m, ev_m, pred)
    try:
        from eventstudy.stats import significance

        significance.cross_sectional_tests(panel)
    except ImportError:
        pass
    return {"n": n, "seconds": time.perf_counter() - t0, "loop": t_loop}


def floor(n: int, repeat: int = 3) -> dict:
    """What numpy alone needs for N events: one gather and one argsort of the N x 271 panel.

    The argsort is also timed with the rows cut in two halves sorted side by side in two
    threads (numpy releases the GIL while it sorts).

    The rank and GRANK tests rank each event's abnormal returns over its estimation and event
    windows (Corrado 1989), which is one ``argsort`` per row. Its time is a floor for any
    implementation of "all tests" in numpy, measured here beside the study.
    """
    L, T = EST[1] - EST[0] + 1, WIN[1] - WIN[0] + 1
    rng = np.random.default_rng(2)
    x = rng.normal(0, 0.02, (n, L + T))
    # one series per event, its window copied out of a (series, days) array through a
    # sliding-window view: the cheapest gather numpy has
    windows = np.lib.stride_tricks.sliding_window_view(rng.normal(0, 0.02, (500, 3000)), L + T, axis=1)
    starts, cols = rng.integers(0, 3000 - L - T, n), rng.integers(0, 500, n)
    best_arg = best_sort = best_gather = best_arg2 = float("inf")
    from concurrent.futures import ThreadPoolExecutor

    halves = (x[: n // 2], x[n // 2 :])
    with ThreadPoolExecutor(1) as pool:
        for _ in range(repeat):  # the two halves side by side: what two cores can do
            t0 = time.perf_counter()
            other = pool.submit(np.argsort, halves[1], axis=1)
            np.argsort(halves[0], axis=1)
            other.result()
            best_arg2 = min(best_arg2, time.perf_counter() - t0)
    for _ in range(repeat):
        t0 = time.perf_counter()
        windows[cols, starts]
        best_gather = min(best_gather, time.perf_counter() - t0)
        t0 = time.perf_counter()
        np.argsort(x, axis=1)
        best_arg = min(best_arg, time.perf_counter() - t0)
        t0 = time.perf_counter()
        np.sort(x, axis=1)
        best_sort = min(best_sort, time.perf_counter() - t0)
    return {"n": n, "argsort": best_arg, "argsort2": best_arg2, "sort": best_sort, "gather": best_gather}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="comma-separated numbers of events")
    ap.add_argument("--series", type=int, default=500)
    ap.add_argument("--days", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=2, help="warm runs after the first, per size")
    ap.add_argument(
        "--baseline", type=int, default=1000, help="events through the statsmodels loop (0: none)"
    )
    ap.add_argument(
        "--threads", type=int, default=None, help="threads of the library (default: its own choice)"
    )
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--child-baseline", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--child-floor", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child, args.series, args.days, args.repeat)))
        return
    if args.child_baseline is not None:
        print(json.dumps(baseline(args.child_baseline, args.series, args.days)))
        return
    if args.child_floor is not None:
        print(json.dumps(floor(args.child_floor)))
        return

    common = ["--series", str(args.series), "--days", str(args.days), "--repeat", str(args.repeat)]
    env = dict(os.environ)
    if args.threads is not None:
        env["EVENTSTUDY_THREADS"] = str(args.threads)

    def sub(flag: str, n: int) -> dict:
        out = subprocess.run(
            [sys.executable, __file__, flag, str(n), *common],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        )
        return json.loads(out.stdout.strip().splitlines()[-1])

    busy = _runnable()
    rows = [sub("--child", int(s)) for s in args.sizes.split(",")]
    threads = env.get("EVENTSTUDY_THREADS") or f"auto ({os.cpu_count()} CPUs)"
    print(
        f"market model, {args.series} series x {args.days} days, estimation {EST[1] - EST[0] + 1} days, "
        f"window [{WIN[0]:+d},{WIN[1]:+d}], all cross-sectional tests; threads {threads}, "
        f"{busy} runnable before the run"
    )
    print(
        f"{'events':>8} {'cold s':>8} {'warm s':>8} {'model s':>8} {'tests s':>8} {'tests w':>8} {'events/s':>10} "
        f"{'peak MB':>8} {'added MB':>9}"
    )
    for r in rows:
        best = r["warm"] if np.isfinite(r["warm"]) else r["cold"]
        print(
            f"{r['n']:>8,} {r['cold']:>8.3f} {r['warm']:>8.3f} {r['model_warm']:>8.3f} {r['tests_cold']:>8.3f} "
            f"{r['tests_warm']:>8.3f} {r['n'] / best:>10,.0f} {r['peak_mb']:>8.0f} {r['added_mb']:>9.0f}"
        )
    print(
        "cold/warm: model + all tests, first run / best warm run; model s: warm model stage; "
        "tests s / tests w: tests, cold / best warm"
    )
    if args.baseline:
        b = sub("--child-baseline", args.baseline)
        ours = next((r for r in rows if r["n"] == args.baseline), None) or sub("--child", args.baseline)
        best = ours["warm"] if np.isfinite(ours["warm"]) else ours["cold"]
        print(
            f"baseline: statsmodels OLS loop, {b['n']:,} events: {b['seconds']:.3f} s "
            f"({b['n'] / b['seconds']:,.0f} events/s); vectorised is {b['seconds'] / best:,.0f}x faster (warm), "
            f"{b['seconds'] / ours['cold']:,.0f}x (cold); model stage alone: loop {b['loop']:.3f} s vs "
            f"{ours['model_warm']:.4f} s = {b['loop'] / ours['model_warm']:,.0f}x"
        )
        per_event = b["seconds"] / b["n"]
        for r in rows:
            f = sub("--child-floor", r["n"])
            budget = per_event * r["n"] / 100
            print(
                f"100x budget at {r['n']:,} events: {budget:.4f} s for the whole study; numpy alone needs "
                f"{f['gather']:.4f} s to gather one series' {r['n']:,} x {EST[1] - EST[0] + WIN[1] - WIN[0] + 2} "
                f"window panel and {f['argsort']:.4f} s to argsort it for the rank tests "
                f"({f['argsort2']:.4f} s in two threads, {f['sort']:.4f} s for a plain sort)"
            )


if __name__ == "__main__":
    main()
