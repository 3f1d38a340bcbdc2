"""Whole-graph results kept across processes (issue 14 item 4): what a worker's first request costs after a write.

Before: every API worker (and every CLI command) computed each whole-graph analysis itself on its first request
after a write. Now one process computes it — ``xuncha load`` does, right after the load (``graph.analysis.kept.warm``)
— and keeps it in a file named by the store's version; the others read the file. Side by side in one run, per
analysis, on the scale's sample loaded into the embedded store (and into Neo4j when NEO4J_URI is set):

- computed: a worker computes it (what each worker paid before), median of RUNS fresh computations;
- read: another store object on the same data (a second worker, memory empty) reads the file, median of RUNS;
- warm: the whole warm-up after the load (what ``xuncha load`` adds).

Wall and CPU (this process) are printed with the load average (the machine may be shared).

Usage: python bench/kept_results.py [scale]   (default 10; ``bash tools/with-neo4j.sh …`` for Neo4j too)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.analysis import kept, repeats  # noqa: E402
from graph.analysis.cache import forget  # noqa: E402
from graph.reviews.dashboard import kept_dashboard  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.sample import generate  # noqa: E402

RUNS = 3
AS_OF = date(2025, 6, 30)


def analyses() -> dict[str, Callable[[Any], Any]]:
    return {**kept.USUAL, "dashboard": lambda s: kept_dashboard(s, today=AS_OF)}


def clock(run: Callable[[], Any]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def median(pairs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def measure(store: Any, other: Callable[[], Any]) -> dict[str, tuple[tuple[float, float], tuple[float, float]]]:
    """Per analysis: (computed wall, cpu), (read by a fresh store object wall, cpu)."""
    out = {}
    for name, compute in analyses().items():
        computed = []
        for _ in range(RUNS):
            forget(store)  # memory and files: a fresh computation, then kept in a file
            computed.append(clock(lambda c=compute: c(store)))
        read = []
        for _ in range(RUNS):
            second = other()  # a worker that has computed nothing
            read.append(clock(lambda c=compute, s=second: c(s)))
            if second is not store:
                second.close()
        out[name] = (median(computed), median(read))
    return out


def report(label: str, figures: dict[str, tuple[tuple[float, float], tuple[float, float]]], warm_s: float) -> None:
    print(f"\n{label}  (ms: wall / CPU of this process; load average {'/'.join(f'{x:.1f}' for x in os.getloadavg())})")
    print(f"{'analysis':<24}{'computed by the worker':>26}{'read from the kept file':>28}{'ratio':>9}")
    for name, ((cw, cc), (rw, rc)) in figures.items():
        print(f"{name:<24}{cw * 1000:>16,.0f} / {cc * 1000:>7,.0f}{rw * 1000:>18,.1f} / {rc * 1000:>7,.1f}"
              f"{cw / rw if rw else float('inf'):>8,.0f}×")
    total_c = sum(f[0][0] for f in figures.values())
    total_r = sum(f[1][0] for f in figures.values())
    print(f"{'all of them':<24}{total_c * 1000:>16,.0f}{'':>10}{total_r * 1000:>18,.1f}{'':>10}"
          f"{total_c / total_r if total_r else float('inf'):>8,.0f}×")
    print(f"warm-up after the load (what `xuncha load` adds): {warm_s:.2f} s")


def main(argv: list[str]) -> None:
    scale = int(argv[0]) if argv else 10
    bundle = generate(scale, 7)
    print(f"scale {scale}: {len(bundle.nodes):,} nodes, {len(bundle.edges):,} edges")
    with tempfile.TemporaryDirectory(prefix="xuncha-kept-") as tmp:
        path = Path(tmp) / "graph.sqlite"
        loading = EmbeddedStore(path)
        loading.upsert(bundle.nodes, bundle.edges)
        repeats.recompute(loading)
        loading.close()
        store = EmbeddedStore(path)  # opened anew, as a worker has it (graph from the snapshot)
        store.graph  # noqa: B018 — read now, not inside the first timing
        started = time.perf_counter()
        kept.warm(store, {"dashboard": analyses()["dashboard"]})
        warm_s = time.perf_counter() - started

        def second_worker() -> EmbeddedStore:
            other = EmbeddedStore(path)
            other.graph  # noqa: B018 — a running worker has its graph; only the analysis is timed
            return other

        report("embedded", measure(store, second_worker), warm_s)
        store.close()
    if os.environ.get("NEO4J_URI"):
        from graph.settings import Settings
        from graph.stores.neo4j_store import Neo4jStore

        with tempfile.TemporaryDirectory(prefix="xuncha-kept-neo4j-") as tmp:
            settings = Settings(store="neo4j", data_dir=Path(tmp))
            neo = Neo4jStore.from_settings(settings)
            neo.clear()
            neo.upsert(bundle.nodes, bundle.edges)
            repeats.recompute(neo)
            started = time.perf_counter()
            kept.warm(neo, {"dashboard": analyses()["dashboard"]})
            warm_s = time.perf_counter() - started
            report("Neo4j", measure(neo, lambda: Neo4jStore.from_settings(settings)), warm_s)
            neo.clear()
            neo.close()


if __name__ == "__main__":
    main(sys.argv[1:])
