"""Embedded store: load and reopen time at scale 1 and 10 (prints figures; asserts nothing).

Targets (issue 2): scale 1 loads in ≤3 s and reopens in ≤1 s on the 2-core machine.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.sample import generate  # noqa: E402


def main(scales: tuple[int, ...] = (1, 10)) -> None:
    print(f"{'scale':>5} {'nodes':>9} {'edges':>9} {'generate s':>10} {'load s':>7} {'records/s':>10} {'reopen s':>8}")
    for scale in scales:
        t0 = time.perf_counter()
        bundle = generate(scale, 7)
        t_gen = time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "graph.sqlite"
            store = EmbeddedStore(path)
            t0 = time.perf_counter()
            store.upsert(bundle.nodes, bundle.edges)
            t_load = time.perf_counter() - t0
            store.close()
            del store
            gc.collect()
            t0 = time.perf_counter()
            again = EmbeddedStore(path)
            t_open = time.perf_counter() - t0
            assert again.counts().total_nodes == len(bundle.nodes)
            again.close()
        records = len(bundle.nodes) + len(bundle.edges)
        print(f"{scale:>5} {len(bundle.nodes):>9,} {len(bundle.edges):>9,} {t_gen:>10.2f} {t_load:>7.2f} "
              f"{records / t_load:>10,.0f} {t_open:>8.2f}")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or (1, 10))
