"""Time of the rectification dashboard (整改看板) and of re-running 20 saved alerts after a load, both stores.

Targets (issue 18): the dashboard ≤1 s embedded at scale 10; re-running 20 saved alerts after a load at scale 10
≤5 s. The dashboard is timed for every round and for the first four (one warm-up call untimed), on the embedded
store opened anew after the load (its graph read from the snapshot, as the CLI and every API worker have it). The alerts are
20 saved alerts, four of each kind (relapse at township or village units, relatives among beneficiaries, clues
undisposed after 60/90/180/365 days, one category at 2–5 units of a round without a letter, and four named queries);
timed on their first run (every hit new) and again after the same data is loaded again (no hit new).
Neo4j runs at the scales in NEO4J_SCALES (default "1"; the scale-10 county does not load into Neo4j today) and
needs NEO4J_URI (``bash tools/with-neo4j.sh .venv/bin/python bench/dashboard.py``).

Usage: python bench/dashboard.py [scale ...]   (default 1 10)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.stores import emptied_neo4j  # noqa: E402
from graph.alerts.model import AlertIn, AlertKind  # noqa: E402
from graph.alerts.run import alert_store, run_after_load  # noqa: E402
from graph.analysis import repeats  # noqa: E402
from graph.reviews.dashboard import dashboard  # noqa: E402
from graph.stores.base import GraphStore  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.sample import Bundle, generate  # noqa: E402

RUNS = 5
K = AlertKind
ALERTS = [
    *(AlertIn(name=f"复发{n}", kind=K.RELAPSE_TOWNSHIP, params={"unit_kinds": kinds})
      for n, kinds in enumerate((["township"], ["village"], ["county_department"], ["township", "village"]))),
    *(AlertIn(name=f"优亲厚友{n}", kind=K.RELATIVE_BENEFICIARY) for n in range(4)),
    *(AlertIn(name=f"线索{d}天", kind=K.CLUE_UNDISPOSED, threshold=d) for d in (60, 90, 180, 365)),
    *(AlertIn(name=f"共性{n}单位", kind=K.CATEGORY_WITHOUT_LETTER, threshold=n) for n in (2, 3, 4, 5)),
    AlertIn(name="多次涉线索", kind=K.NAMED_QUERY, params={"query": "people_in_many_clues", "min_matters": 2}),
    AlertIn(name="问题跟人走", kind=K.NAMED_QUERY, params={"query": "leader_carry", "min_units": 3}),
    AlertIn(name="整改后复发", kind=K.NAMED_QUERY, params={"query": "repeats_at", "flag": "relapse"}),
    AlertIn(name="各轮数字", kind=K.NAMED_QUERY, params={"query": "round_counts"}),
]


def time_dashboard(store: GraphStore, as_of: date) -> dict[str, tuple[float, float, float]]:
    """Median and worst wall time, and the median CPU time of this process (the machine may be shared: the CPU
    time is what the dashboard itself costs on the embedded store; on Neo4j the server's work is not in it)."""
    out = {}
    first = min(r["county"] for r in store.run_query("rectification_rounds", {"round_ids": None}))
    # 前四轮 is one county's four rounds (ordinals over several counties are refused).
    for label, rounds, county in (("全部轮次", None, None), ("前四轮", range(1, 5), first)):
        dashboard(store, rounds, as_of, county=county)  # warm
        times, cpu = [], []
        for _ in range(RUNS):
            t0, c0 = time.perf_counter(), time.process_time()
            dashboard(store, rounds, as_of, county=county)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        out[label] = (statistics.median(times) * 1000, max(times) * 1000, statistics.median(cpu) * 1000)
    return out


def time_alerts(store: GraphStore, bundle: Bundle, folder: Path) -> tuple[float, float, int, float, float, int]:
    alerts = alert_store(folder)
    for a in ALERTS:
        alerts.add(a, "bench")
    t0, c0 = time.perf_counter(), time.process_time()
    first = run_after_load(store, folder)
    first_s, first_cpu = time.perf_counter() - t0, time.process_time() - c0
    store.upsert(bundle.nodes, bundle.edges)  # the same data loaded again
    t0, c0 = time.perf_counter(), time.process_time()
    again = run_after_load(store, folder)
    again_s, again_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert not first.errors and not again.errors, first.errors + again.errors
    return first_s, first_cpu, len(first.new), again_s, again_cpu, len(again.new)


def report_board(name: str, scale: int, board: dict[str, tuple[float, float, float]]) -> None:
    parts = "；".join(f"{k} 中位 {m:7.1f} ms，最慢 {w:7.1f} ms（本进程 CPU {c:6.1f} ms）"
                     for k, (m, w, c) in board.items())
    print(f"  {name:<6} 规模 {scale:>3} 看板：{parts}", flush=True)


def report_alerts(name: str, scale: int, alerts: tuple[float, float, int, float, float, int]) -> None:
    first, first_cpu, new, again, again_cpu, renew = alerts
    print(f"  {name:<6} 规模 {scale:>3} 20个预警：首次运行 {first:6.2f} s（CPU {first_cpu:5.2f} s，新命中 {new}）；"
          f"同样数据再次载入后重新运行 {again:6.2f} s（CPU {again_cpu:5.2f} s，新命中 {renew}）", flush=True)


def main(scales: tuple[int, ...]) -> None:
    neo4j_scales = {int(s) for s in os.environ.get("NEO4J_SCALES", "1").split(",") if s}
    print(f"整改看板耗时（{RUNS}次取中位）与载入后重新运行 {len(ALERTS)} 个预警的耗时")
    for scale in scales:
        bundle = generate(scale, 7)
        as_of = date.fromisoformat(bundle.truth["as_of"])
        with tempfile.TemporaryDirectory() as tmp:
            store = EmbeddedStore(Path(tmp) / "graph.sqlite")
            store.upsert(bundle.nodes, bundle.edges)
            repeats.recompute(store)
            issues = sum(n.kind.value == "Issue" for n in bundle.nodes)
            print(f"  规模 {scale}：{len(bundle.nodes):,} 个节点，{issues:,} 个问题", flush=True)
            # As `xuncha dashboard` and every API worker do: the store opened anew, its graph read from the snapshot
            # (a graph grown record by record by the load lies scattered in memory and walks ~30% slower).
            store.close()
            store = EmbeddedStore(Path(tmp) / "graph.sqlite")
            report_board("嵌入式", scale, time_dashboard(store, as_of))
            report_alerts("嵌入式", scale, time_alerts(store, bundle, Path(tmp)))
            store.close()
        neo = emptied_neo4j() if scale in neo4j_scales else None
        if neo is not None:
            neo.upsert(bundle.nodes, bundle.edges)
            repeats.recompute(neo)
            with tempfile.TemporaryDirectory() as tmp:
                report_board("Neo4j", scale, time_dashboard(neo, as_of))
                report_alerts("Neo4j", scale, time_alerts(neo, bundle, Path(tmp)))
            neo.close()


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or (1, 10))
