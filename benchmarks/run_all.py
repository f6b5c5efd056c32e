"""One table for "fast at scale": event study, statsmodels baseline, reader, checker, Dask.

Rows (each measured in a fresh subprocess, so that its peak memory is its own):

1. ``study``: :class:`eventstudy.stats.EventStudy` on N = 1,000 / 10,000 / 100,000 synthetic
   events over 500 series x 3,000 days; market model, estimation window of 250 days
   (-260..-11), event window [-10, +10], all the cross-sectional tests (the set-up and timing
   of ``study_speed.py``: ``seconds`` is the best warm run, model plus tests);
2. ``baseline``: the same 1,000 events fitted one by one with statsmodels OLS in a Python loop
   (``study_speed.baseline``), and how many times slower it is than ``study`` at that size;
3. ``reader``: :func:`eventstudy.read.read_article` on ~3 KB articles (``reader_speed.make_article``),
   one core;
4. ``checker``: :func:`eventstudy.check.check_claims` on claims of ``checker_speed.make_claims``,
   prices read from a SQLite store (the bundled data copied into a fresh store; bundled files
   off, offline);
5. ``dask ...``: :mod:`eventstudy.batch` on a ``LocalCluster`` of 2 worker processes x 1 thread
   (cluster start-up not counted): ``study_events`` on the largest study size, and
   ``read_corpus``/``check_corpus`` on article files. Peak memory there is the client's; the
   workers are other processes. Skip with ``--no-dask``.

Run::

    python benchmarks/run_all.py            # the full table (a few minutes)
    python benchmarks/run_all.py --quick    # small sizes (~1 minute)

No network: everything runs offline on synthetic data and the bundled prices.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # the sibling benchmark modules

FULL = {
    "sizes": [1000, 10000, 100000], "series": 500, "days": 3000, "baseline": 1000, "repeat": 2,
    "articles": 1000, "claims": 20000, "files": 400,
}  # fmt: skip
QUICK = {
    "sizes": [1000, 10000], "series": 200, "days": 1500, "baseline": 1000, "repeat": 1,
    "articles": 200, "claims": 2000, "files": 100,
}  # fmt: skip


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ----------------------------------------------------------------------------- parts
def part_study(n: int, cfg: dict) -> dict:
    import study_speed

    r = study_speed.child(n, cfg["series"], cfg["days"], cfg["repeat"])
    warm = r.get("warm", float("nan"))
    secs = warm if warm == warm else r["cold"]  # NaN check: no warm run
    return {
        "seconds": secs,
        "cold": r["cold"],
        "rate": n / secs,
        "peak_mb": r["peak_mb"],
        "added_mb": r.get("added_mb"),
    }


def part_baseline(n: int, cfg: dict) -> dict:
    import study_speed

    r = study_speed.baseline(n, cfg["series"], cfg["days"])
    return {"seconds": r["seconds"], "rate": n / r["seconds"], "peak_mb": _peak_mb()}


def _articles(n: int) -> list[str]:
    import reader_speed

    rng = random.Random(20220215)
    return [reader_speed.make_article(rng) for _ in range(n)]


def part_reader(n: int, cfg: dict) -> dict:
    from eventstudy.read import read_article

    arts = _articles(n)
    for a in arts[:20]:  # warm: calendars, compiled patterns
        read_article(a, published="2022-03-15")
    best, claims = float("inf"), 0
    for _ in range(2):
        t0 = time.perf_counter()
        claims = sum(len(read_article(a).claims) for a in arts)
        best = min(best, time.perf_counter() - t0)
    kb = sum(len(a.encode()) for a in arts) / len(arts) / 1024
    return {"seconds": best, "rate": n / best, "peak_mb": _peak_mb(),
            "note": f"{kb:.1f} KB/article, {claims / n:.1f} claims/article"}  # fmt: skip


def _filled_store(path: Path) -> None:
    from eventstudy.prices import PriceStore
    from eventstudy.prices.bundled import bundled_tickers, load_bundled

    store = PriceStore(path)
    for t in bundled_tickers():
        f = load_bundled(t)
        store.write(t, f, coverage=[(f.index[0].date(), f.index[-1].date())], source="bundled-copy")


def part_checker(n: int, cfg: dict) -> dict:
    import checker_speed

    from eventstudy.check import check_claims
    from eventstudy.prices import PriceLoader

    claims = checker_speed.make_claims(n, 0)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "prices.sqlite"
        _filled_store(path)
        loader = PriceLoader(store_path=path, offline=True, bundled=False)
        check_claims(claims[:10], loader)  # warm: calendars
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            verdicts = check_claims(claims, loader)
            best = min(best, time.perf_counter() - t0)
    ok = sum(v.status in ("confirmed", "contradicted") for v in verdicts)
    return {"seconds": best, "rate": n / best, "peak_mb": _peak_mb(), "note": f"{ok / n:.0%} decided"}


def _cluster():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=50)  # fmt: skip
    return cluster, Client(cluster)


def part_dask_study(n: int, cfg: dict) -> dict:
    import study_speed

    from eventstudy.batch import study_events

    returns, market = study_speed.universe(cfg["series"], cfg["days"])
    ev = study_speed.events(returns, n)
    est, win = study_speed.EST, study_speed.WIN
    cluster, client = _cluster()
    with cluster, client:
        times = []
        for _ in range(2):
            t0 = time.perf_counter()
            res = study_events(returns, ev, client=client, benchmark=market, estimation=est, event=win)
            _ = res.tests
            times.append(time.perf_counter() - t0)
            assert res.n_events == n
            del res
    return {"seconds": min(times), "cold": times[0], "rate": n / min(times), "peak_mb": _peak_mb(),
            "note": "client peak; 2 worker processes"}  # fmt: skip


def part_dask_corpus(n: int, cfg: dict) -> dict:
    from eventstudy.batch import check_corpus, read_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, a in enumerate(_articles(n)):
            (folder / f"{i:05d}.txt").write_text(a, encoding="utf-8")
        store = Path(tmp) / "prices.sqlite"
        cluster, client = _cluster()
        with cluster, client:
            read_corpus(folder, client=client)  # warm the workers (imports, calendars)
            t0 = time.perf_counter()
            read = read_corpus(folder, client=client)
            t_read = time.perf_counter() - t0
            t0 = time.perf_counter()
            checked = check_corpus(folder, client=client, store_path=store, offline=True)
            t_check = time.perf_counter() - t0
    return {
        "seconds": t_read, "rate": n / t_read, "peak_mb": _peak_mb(), "claims": len(read.frame),
        "check_seconds": t_check, "check_rate": len(checked.frame) / t_check,
    }  # fmt: skip


PARTS = {
    "study": part_study, "baseline": part_baseline, "reader": part_reader, "checker": part_checker,
    "dask-study": part_dask_study, "dask-corpus": part_dask_corpus,
}  # fmt: skip


# ----------------------------------------------------------------------------- driver
def _run(part: str, n: int, quick: bool) -> dict:
    cmd = [sys.executable, __file__, "--part", part, "--n", str(n)] + (["--quick"] if quick else [])
    env = {**os.environ, "EVENTSTUDY_OFFLINE": "1"}
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (about a minute)")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask rows")
    ap.add_argument("--part", choices=sorted(PARTS), help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    cfg = QUICK if args.quick else FULL
    if args.part:
        print(json.dumps(PARTS[args.part](args.n, cfg)))
        return 0

    import numpy as np

    rows: list[tuple[str, str, float, str, float, str]] = []
    study = {}
    for n in cfg["sizes"]:
        r = study[n] = _run("study", n, args.quick)
        rows.append(("study (vectorised)", f"{n:,} events", r["seconds"], f"{r['rate']:,.0f} events/s",
                     r["peak_mb"], f"cold {r['cold']:.2f} s, +{r['added_mb']:.0f} MB for the run"))  # fmt: skip
    nb = cfg["baseline"]
    b = _run("baseline", nb, args.quick)
    ours = study.get(nb) or _run("study", nb, args.quick)
    rows.append(("baseline (statsmodels loop)", f"{nb:,} events", b["seconds"], f"{b['rate']:,.0f} events/s",
                 b["peak_mb"], f"vectorised is {b['seconds'] / ours['seconds']:,.0f}x faster (warm), "
                 f"{b['seconds'] / ours['cold']:,.0f}x (cold)"))  # fmt: skip
    r = _run("reader", cfg["articles"], args.quick)
    rows.append(("reader", f"{cfg['articles']:,} articles", r["seconds"], f"{r['rate']:,.0f} articles/s",
                 r["peak_mb"], r["note"] + ", 1 core"))  # fmt: skip
    r = _run("checker", cfg["claims"], args.quick)
    rows.append(("checker (prices in store)", f"{cfg['claims']:,} claims", r["seconds"],
                 f"{r['rate']:,.0f} claims/s", r["peak_mb"], r["note"] + ", 1 core"))  # fmt: skip
    if not args.no_dask:
        n = max(cfg["sizes"])
        r = _run("dask-study", n, args.quick)
        rows.append(("dask study_events", f"{n:,} events", r["seconds"], f"{r['rate']:,.0f} events/s",
                     r["peak_mb"], f"cold {r['cold']:.2f} s; " + r["note"]))  # fmt: skip
        r = _run("dask-corpus", cfg["files"], args.quick)
        rows.append(("dask read_corpus", f"{cfg['files']:,} files", r["seconds"], f"{r['rate']:,.0f} articles/s",
                     r["peak_mb"], f"{r['claims']:,} claims; 2 worker processes"))  # fmt: skip
        rows.append(("dask check_corpus", f"{cfg['files']:,} files", r["check_seconds"],
                     f"{r['check_rate']:,.0f} claims/s", float("nan"), "read + check, store on each worker"))  # fmt: skip

    print(
        f"eventstudy benchmarks ({'quick' if args.quick else 'full'}): {cfg['series']} series x {cfg['days']} days, "
        "market model, estimation 250 days, window [-10,+10], all tests"
    )
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} CPUs, {platform.machine()}"
    )
    head = f"{'part':<28} {'size':>16} {'seconds':>8} {'rate':>20} {'peak MB':>8}  notes"
    print(head)
    print("-" * (len(head) + 40))
    for name, size, secs, rate, peak, note in rows:
        pk = f"{peak:>8.0f}" if peak == peak else f"{'':>8}"
        print(f"{name:<28} {size:>16} {secs:>8.3f} {rate:>20} {pk}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
