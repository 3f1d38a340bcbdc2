"""Ledger path: the sample county written as 17 ledgers (xlsx + GBK CSV) and loaded, per file and in all.

Prints the embedded store and, when ``NEO4J_URI`` is set (``make neo4j``), a real Neo4j side by side,
plus the direct load of the same records for comparison. Asserts nothing.

Usage: NEO4J_URI=… NEO4J_PASSWORD=… python bench/load_ledgers.py [scale]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.settings import Settings  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.ledgers.export import write_ledgers  # noqa: E402
from loaders.ledgers.files import ledger_files, order_files  # noqa: E402
from loaders.ledgers.load import Loader  # noqa: E402
from loaders.sample import generate  # noqa: E402


def _stores(tmp: Path) -> list:
    stores = [EmbeddedStore(tmp / "graph.sqlite")]
    if os.environ.get("NEO4J_URI"):
        from graph.stores.neo4j_store import Neo4jStore

        neo = Neo4jStore.from_settings(Settings(store="neo4j"))
        neo.clear()
        stores.append(neo)
    return stores


def main(scale: int = 1) -> None:
    bundle = generate(scale, 7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ledgers"
        t0 = time.perf_counter()
        files = write_ledgers(bundle.nodes, bundle.edges, folder)
        print(f"规模 {scale}：写出 {len(files)} 个台账 {time.perf_counter() - t0:.1f} s")
        stores = _stores(Path(tmp))
        names = [s.name for s in stores]
        print(f"{'ledger':<14} {'rows':>7} " + " ".join(f"{n + ' s':>10}" for n in names))
        totals = [0.0] * len(stores)
        ordered = order_files(ledger_files([folder]), None)
        loaders = [Loader(s, "bench-salt") for s in stores]
        for path, sheets in ordered:
            times, rows = [], 0
            for i, loader in enumerate(loaders):
                t0 = time.perf_counter()
                rows = loader.load(path, sheets=sheets).loaded
                times.append(time.perf_counter() - t0)
                totals[i] += times[-1]
            print(f"{path.stem:<14} {rows:>7,} " + " ".join(f"{t:>10.2f}" for t in times))
        print(f"{'合计':<14} {'':>7} " + " ".join(f"{t:>10.2f}" for t in totals))
        direct = EmbeddedStore(Path(tmp) / "direct.sqlite")
        t0 = time.perf_counter()
        direct.upsert(bundle.nodes, bundle.edges)
        print(f"对照：同一批记录直接载入嵌入式存储 {time.perf_counter() - t0:.2f} s")
        for s in [*stores, direct]:
            s.close()


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
