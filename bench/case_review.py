"""Time of one 一案三改 review and of the batch of all cases, embedded and Neo4j side by side.

Targets (issue 15): one review ≤200 ms embedded at scale 10; the batch at
scale 10 ≤30 s. Neo4j runs at the scales it can load today (the scale-10
county does not fit one Neo4j write transaction yet: issue 14), so pass the
scales to try for it as NEO4J_SCALES (default "1"); Neo4j needs NEO4J_URI
(``bash tools/with-neo4j.sh python bench/case_review.py``).

Usage: python bench/case_review.py [scale ...]   (default 1 10)
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
from graph.analysis import repeats  # noqa: E402
from graph.reviews.case_review import review_case, review_cases  # noqa: E402
from graph.stores.base import GraphStore  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.sample import generate  # noqa: E402


def measure(store: GraphStore, case_ids: list[str], as_of: date) -> tuple[float, float, float, int]:
    times = []
    for case in case_ids:
        t0 = time.perf_counter()
        review_case(store, case, as_of=as_of)
        times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    batch = review_cases(store, as_of=as_of)
    return statistics.median(times) * 1000, max(times) * 1000, time.perf_counter() - t0, len(batch.rows)


def report(name: str, scale: int, figures: tuple[float, float, float, int]) -> None:
    median, worst, batch, n = figures
    print(f"  {name:<8} 规模 {scale:>3}：单件审查 中位 {median:7.1f} ms，最慢 {worst:7.1f} ms；"
          f"全部 {n:,} 件批量审查 {batch:6.1f} s（每件 {batch / max(n, 1) * 1000:.0f} ms）")


def main(scales: tuple[int, ...]) -> None:
    neo4j_scales = {int(s) for s in os.environ.get("NEO4J_SCALES", "1").split(",") if s}
    print("一案三改审查耗时（单件：各植入案件；批量：全部案件）")
    for scale in scales:
        bundle = generate(scale, 7)
        as_of = date.fromisoformat(bundle.truth["as_of"])
        cases = [c["case"] for c in bundle.truth["case_reviews"]]
        with tempfile.TemporaryDirectory() as tmp:
            store = EmbeddedStore(Path(tmp) / "graph.sqlite")
            store.upsert(bundle.nodes, bundle.edges)
            repeats.recompute(store)
            report("嵌入式", scale, measure(store, cases, as_of))
            store.close()
        neo = emptied_neo4j() if scale in neo4j_scales else None
        if neo is not None:
            neo.upsert(bundle.nodes, bundle.edges)
            repeats.recompute(neo)
            report("Neo4j", scale, measure(neo, cases, as_of))
            neo.close()


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or (1, 10))
