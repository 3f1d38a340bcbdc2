"""Figures at county and city scale, both stores side by side in one run: load rate, reopen, and per endpoint
the first answer after a write (computed) and p50/p95 of the next ones (served from the per-version cache).

Endpoints are timed through the functions their routers call (graph.analysis.kept, the name index, the named
queries), without HTTP and authentication. Prints figures; asserts nothing.

    .venv/bin/python bench/scale.py [SCALE ...]            # embedded only (default scales 1 10)
    bash tools/with-neo4j.sh .venv/bin/python bench/scale.py 1 10 --neo4j 1   # plus Neo4j at the scales named
"""

from __future__ import annotations

import itertools
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.analysis import kept, repeats  # noqa: E402
from graph.explore.name_index import name_index  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.sample import Bundle, generate  # noqa: E402

RUNS = 20


def endpoints(store: Any, bundle: Bundle) -> dict[str, Callable[[], Any]]:
    unit = next(n.id for n in bundle.nodes if n.kind.value == "Unit")
    post = next(e for e in bundle.edges if e.type.value == "HOLDS_POST")
    far = next(n.id for n in reversed(bundle.nodes) if n.kind.value == "Issue")
    names = itertools.cycle([n.props["name"][:2] for n in bundle.nodes[::97] if n.props.get("name")])

    return {
        "/stats": lambda: kept.counts(store),
        "/common": lambda: kept.common_rows(store),
        "/linked": lambda: kept.linked_report(store),
        "/leaders/carry": lambda: kept.leader_carry_rows(store),
        "/people/in-many-clues": lambda: kept.in_many_clues_rows(store),
        "/relatives": lambda: kept.relative_rows(store),
        "/repeats": lambda: kept.repeats_rows(store),
        "/search (two characters)": lambda: name_index(store).search(next(names), None, 500),
        "/paths one hop": lambda: store.run_query("shortest_path", {"source": post.src, "target": post.dst,
                                                                    "max_depth": 6}),
        "/paths far": lambda: store.run_query("shortest_path", {"source": unit, "target": far, "max_depth": 6}),
        "/entities/{id}": lambda: store.run_query("entity_by_id", {"id": unit}),
    }


def timings(run: Callable[[], Any]) -> tuple[float, float, float]:
    t0 = time.perf_counter()
    run()
    first = (time.perf_counter() - t0) * 1000
    samples = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        run()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return first, statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def measure_embedded(scale: int, bundle: Bundle, tmp: Path) -> dict[str, Any]:
    path = tmp / f"s{scale}.sqlite"
    store = EmbeddedStore(path)
    t0 = time.perf_counter()
    store.upsert(bundle.nodes, bundle.edges)
    load = time.perf_counter() - t0
    repeats.recompute(store)
    store.close()
    (tmp / f"s{scale}.sqlite.snapshot").unlink(missing_ok=True)  # time the rebuild from SQLite itself
    t0 = time.perf_counter()
    EmbeddedStore(path).graph  # noqa: B018  rebuilt from SQLite, then the snapshot is written
    rebuild = time.perf_counter() - t0
    t0 = time.perf_counter()
    store = EmbeddedStore(path)
    opened = time.perf_counter() - t0
    store.graph  # noqa: B018
    reopen = time.perf_counter() - t0
    out = {"load_s": load, "open_s": opened, "reopen_s": reopen, "rebuild_s": rebuild,
           "endpoints": {name: timings(run) for name, run in endpoints(store, bundle).items()}}
    store.close()
    return out


def measure_neo4j(bundle: Bundle) -> dict[str, Any]:
    from graph.settings import Settings
    from graph.stores.neo4j_store import Neo4jStore

    store = Neo4jStore.from_settings(Settings(store="neo4j"))
    store.clear()
    t0 = time.perf_counter()
    store.upsert(bundle.nodes, bundle.edges)
    load = time.perf_counter() - t0
    repeats.recompute(store)
    out = {"load_s": load, "endpoints": {name: timings(run) for name, run in endpoints(store, bundle).items()}}
    store.close()
    return out


def main(argv: list[str]) -> None:
    neo4j_scales = [int(a) for a in argv[argv.index("--neo4j") + 1:]] if "--neo4j" in argv else []
    scales = [int(a) for a in (argv[:argv.index("--neo4j")] if "--neo4j" in argv else argv)] or [1, 10]
    columns: list[tuple[str, dict[str, Any], int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for scale in sorted(set(scales) | set(neo4j_scales)):
            bundle = generate(scale, 7)
            records = len(bundle.nodes) + len(bundle.edges)
            if scale in scales:
                columns.append((f"embedded ×{scale}", measure_embedded(scale, bundle, Path(tmp)), records))
            if scale in neo4j_scales:
                columns.append((f"neo4j ×{scale}", measure_neo4j(bundle), records))
            print(f"measured scale {scale} ({records:,} records)", file=sys.stderr)
    width = 28
    print(f"{'':<26}" + "".join(f"{name:>{width}}" for name, _, _ in columns))
    print(f"{'records':<26}" + "".join(f"{r:>{width},}" for _, _, r in columns))
    print(f"{'load s (records/s)':<26}" + "".join(
        f"{m['load_s']:>{width - 10}.1f} ({r / m['load_s']:>7,.0f})" for _, m, r in columns))
    for key, label in (("rebuild_s", "open+read SQLite+snapshot"), ("open_s", "open s"),
                       ("reopen_s", "open+read snapshot s")):
        print(f"{label:<26}" + "".join(f"{m[key]:>{width}.3f}" if key in m else f"{'–':>{width}}"
                                       for _, m, _ in columns))
    print(f"{'ms: first / p50 / p95':<26}")
    for name in columns[0][1]["endpoints"]:
        print(f"{name:<26}" + "".join(
            "{:>{w}}".format("{:.0f} / {:.1f} / {:.1f}".format(*m["endpoints"][name]), w=width)
            for _, m, _ in columns))


if __name__ == "__main__":
    main(sys.argv[1:])
