"""Time of 巡前画像: ranking every village of the sample (and one township's), and one unit's profile (p50/p95),
on the embedded store and on Neo4j.

Targets (issue 16): ranking all villages of the scale-10 sample (≈1,900) ≤3 s embedded; profile p95 ≤20 ms
embedded and ≤50 ms on Neo4j. Wall time is printed beside the process's CPU time: on a shared machine the wall
time carries the neighbours' load, the CPU time does not (on Neo4j most of the work is the server's, so only
wall time means anything there). Profiles: every k-th village (at most ``PROFILES``, default 200) and the
busiest county bureaus and townships, each warmed once untimed on Neo4j (the first call plans the queries).
Neo4j runs at the scales in NEO4J_SCALES (default "1") and needs NEO4J_URI
(``bash tools/with-neo4j.sh .venv/bin/python bench/village_profile.py``).

Usage: python bench/village_profile.py [scale ...]   (default 1 10)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.analysis import repeats  # noqa: E402
from graph.reviews.village_profile import profile_unit, rank_villages  # noqa: E402
from graph.settings import Settings  # noqa: E402
from graph.stores.base import GraphStore  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.sample import Bundle, generate  # noqa: E402

PROFILES = int(os.environ.get("PROFILES", "200"))


def subjects(bundle: Bundle) -> tuple[list[str], list[str], str]:
    """(villages to profile, other units to profile, the township with the most villages)."""
    units = [n for n in bundle.nodes if n.kind.value == "Unit"]
    villages = sorted(u.id for u in units if u.props["unit_kind"] == "village")
    step = max(1, len(villages) // PROFILES)
    found = Counter(e.dst for e in bundle.edges if e.type.value == "FOUND_AT")
    others = [u.id for kind in ("county_department", "township") for u in sorted(
        (u for u in units if u.props["unit_kind"] == kind), key=lambda u: (-found[u.id], u.id))[:10]]
    towns = Counter((u.props["county"], u.props["parent_name"]) for u in units if u.props["unit_kind"] == "village")
    (county, name), _ = towns.most_common(1)[0]
    township = next(u.id for u in units if u.props["unit_kind"] == "township" and u.props["name"] == name
                    and u.props["county"] == county)
    return villages[::step], others, township


def timed(call: Callable[[], Any]) -> tuple[Any, float, float]:
    """(result, wall ms, CPU ms)."""
    w, c = time.perf_counter(), time.process_time()
    out = call()
    return out, (time.perf_counter() - w) * 1000, (time.process_time() - c) * 1000


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def measure(name: str, scale: int, store: GraphStore, bundle: Bundle) -> None:
    as_of = date.fromisoformat(bundle.truth["as_of"])
    villages, others, township = subjects(bundle)
    rank_villages(store, township_id=township, as_of=as_of)  # warm: the first call loads (embedded) or plans (Neo4j)
    whole, w_all, c_all = timed(lambda: rank_villages(store, as_of=as_of))
    town, w_town, c_town = timed(lambda: rank_villages(store, township_id=township, as_of=as_of))
    for unit in villages[:1] + others[:1]:
        profile_unit(store, unit, as_of=as_of)
    lines = []
    for label, ids in (("村", villages), ("乡镇和县直单位", others)):
        walls, cpus = [], []
        for unit in ids:
            _, w, c = timed(lambda unit=unit: profile_unit(store, unit, as_of=as_of))
            walls.append(w)
            cpus.append(c)
        lines.append(f"{label}画像（{len(ids)} 个）p50 {statistics.median(walls):.1f} ms、p95 {pct(walls, 0.95):.1f} ms"
                     f"（CPU p50 {statistics.median(cpus):.1f}、p95 {pct(cpus, 0.95):.1f} ms）")
    print(f"  {name:<6} 规模 {scale:>3}：全部 {len(whole.rows):,} 个村排名 {w_all / 1000:.2f} s"
          f"（CPU {c_all / 1000:.2f} s）；"
          f"{town.scope} {len(town.rows)} 个村排名 {w_town:.0f} ms（CPU {c_town:.0f} ms）")
    for line in lines:
        print(f"{'':>10}{line}")


def main(scales: tuple[int, ...]) -> None:
    neo4j_scales = {int(s) for s in os.environ.get("NEO4J_SCALES", "1").split(",") if s}
    print("巡前画像耗时（目标：规模 10 全部村排名 ≤3 s 嵌入式；单村画像 p95 ≤20 ms 嵌入式、≤50 ms Neo4j）")
    for scale in scales:
        bundle = generate(scale, 7)
        with tempfile.TemporaryDirectory() as tmp:
            store = EmbeddedStore(Path(tmp) / "graph.sqlite")
            store.upsert(bundle.nodes, bundle.edges)
            repeats.recompute(store)
            measure("嵌入式", scale, store, bundle)
            store.close()
        if os.environ.get("NEO4J_URI") and scale in neo4j_scales:
            from graph.stores.neo4j_store import Neo4jStore

            neo = Neo4jStore.from_settings(Settings(store="neo4j"))
            neo.clear()
            neo.upsert(bundle.nodes, bundle.edges)
            repeats.recompute(neo)
            measure("Neo4j", scale, neo, bundle)
            neo.close()


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or (1, 10))
