"""A writer killed with SIGKILL mid-write leaves each batch all there or absent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from graph.stores.embedded import EmbeddedStore

WRITER = r"""
import sys
from graph.model import EdgeType, NodeKind, make_edge
from graph.model import nodes as m
from graph.stores.embedded import EmbeddedStore

store = EmbeddedStore(sys.argv[1])
batch = int(sys.argv[2])
units = [m.Unit(name=f"单位{batch}-{i}", county="测试县", unit_kind="county_department") for i in range(30000)]
edges = [make_edge(EdgeType.REGULATED_BY, (NodeKind.UNIT, units[i].id), (NodeKind.UNIT, units[0].id))
         for i in range(1, 30000)]
print("writing", flush=True)
store.upsert([u.to_record() for u in units], edges)
print("done", flush=True)
"""


def test_sigkill_during_a_large_batch_leaves_all_or_nothing(tmp_path: Path):
    db = tmp_path / "graph.sqlite"
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": root}
    outcomes = []
    for attempt, delay in enumerate((0.05, 0.25, 0.5, 0.8, 1.2)):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(attempt)], env=env,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        store = EmbeddedStore(db)
        names = [n for _, n in store.graph.nodes(data="name") if n and n.startswith(f"单位{attempt}-")]
        edges = sum(1 for s, _, t in store.graph.edges(data="_type") if s in store.graph
                    and store.graph.nodes[s]["name"].startswith(f"单位{attempt}-"))
        store.close()
        assert len(names) in (0, 30000), (attempt, len(names))
        assert edges == (29999 if names else 0)
        outcomes.append(bool(names))
    # The kill must have landed mid-write at least once, or this test proved nothing.
    assert not all(outcomes), outcomes
