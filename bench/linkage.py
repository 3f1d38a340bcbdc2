"""Time of a 贯通联动 review of a unit, a person and a round, embedded and Neo4j side by side.

Target (issue 17): a unit review and a round review ≤300 ms embedded at scale
10. Units: the planted linkage units and the busiest units; people: the planted
people; rounds: every round of the first county (each with its data requests). One
warm-up review of each kind goes untimed.
Neo4j runs at the scales in NEO4J_SCALES (default "1"; the scale-10 county does
not fit one Neo4j write transaction yet) and needs NEO4J_URI
(``bash tools/with-neo4j.sh .venv/bin/python bench/linkage.py``).

Usage: python bench/linkage.py [scale ...]   (default 1 10)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.reviews.linkage import review_linkage  # noqa: E402
from graph.settings import Settings  # noqa: E402
from graph.stores.base import GraphStore  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.sample import Bundle, generate  # noqa: E402


def subjects(bundle: Bundle) -> dict[str, list[dict[str, str]]]:
    planted = bundle.truth["linkage"][0]
    found_at = Counter(e.dst for e in bundle.edges if e.type.value == "FOUND_AT")
    county = next(n.props["county"] for n in bundle.nodes if n.kind.value == "Round")
    rounds = [n.id for n in bundle.nodes if n.kind.value == "Round" and n.props["county"] == county]
    return {"单位": [{"unit_id": u["unit"]} for u in planted["units"]] + [{"unit_id": u} for u, _ in
                                                                         found_at.most_common(5)],
            "人员": [{"person_id": p["person"]} for p in planted["people"]],
            "轮次": [{"round_id": r} for r in rounds]}


def measure(store: GraphStore, kinds: dict[str, list[dict[str, str]]], as_of: date) -> dict[str, tuple[float, float]]:
    out = {}
    for kind, params in kinds.items():
        review_linkage(store, as_of=as_of, **params[0])  # warm: the first call plans (Neo4j) or loads (embedded)
        times = []
        for p in params:
            t0 = time.perf_counter()
            review_linkage(store, as_of=as_of, **p)
            times.append(time.perf_counter() - t0)
        out[kind] = (statistics.median(times) * 1000, max(times) * 1000)
    return out


def report(name: str, scale: int, figures: dict[str, tuple[float, float]]) -> None:
    parts = "；".join(f"{k} 中位 {m:6.1f} ms，最慢 {w:6.1f} ms" for k, (m, w) in figures.items())
    print(f"  {name:<8} 规模 {scale:>3}：{parts}")


def main(scales: tuple[int, ...]) -> None:
    neo4j_scales = {int(s) for s in os.environ.get("NEO4J_SCALES", "1").split(",") if s}
    print("贯通联动审查耗时（单位：植入单位及发现最多的单位；人员：植入人员；轮次：第一个县的全部轮次）")
    for scale in scales:
        bundle = generate(scale, 7)
        as_of = date.fromisoformat(bundle.truth["as_of"])
        kinds = subjects(bundle)
        with tempfile.TemporaryDirectory() as tmp:
            store = EmbeddedStore(Path(tmp) / "graph.sqlite")
            store.upsert(bundle.nodes, bundle.edges)
            report("嵌入式", scale, measure(store, kinds, as_of))
            store.close()
        if os.environ.get("NEO4J_URI") and scale in neo4j_scales:
            from graph.stores.neo4j_store import Neo4jStore

            neo = Neo4jStore.from_settings(Settings(store="neo4j"))
            neo.clear()
            neo.upsert(bundle.nodes, bundle.edges)
            report("Neo4j", scale, measure(neo, kinds, as_of))
            neo.close()


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or (1, 10))
