"""An upload's load through the worker process against the old in-thread path, on the scale-1 sample (prints figures).

The graph is the sample county without its issues; the upload is the county's issues ledger (问题清单), so the
load writes every issue and the recompute finds the county's repeats. Old path: ``Loader.load`` and
``repeats.recompute`` in the server's process on its open store (two transactions). New path: a child process
(``loaders/ledgers/worker.py``) opens the store, stages a copy, loads, recomputes and writes both in one
transaction; then the server's store catches up (``sync`` and a read). Embedded store, and Neo4j when NEO4J_URI
is set.

Usage: python bench/upload_worker.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.analysis import repeats  # noqa: E402
from graph.model import NodeKind  # noqa: E402
from graph.settings import Settings  # noqa: E402
from graph.stores import open_store  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.ledgers.export import write_ledgers  # noqa: E402
from loaders.ledgers.limits import read_limits  # noqa: E402
from loaders.ledgers.load import Loader  # noqa: E402
from loaders.ledgers.worker import run_load  # noqa: E402
from loaders.sample import generate  # noqa: E402


def _copy(seed: Path, folder: Path) -> Settings:
    folder.mkdir(parents=True)
    for part in seed.glob("graph.sqlite*"):
        shutil.copy(part, folder / part.name)
    (folder / "id_salt").write_text("bench-salt", "utf-8")
    return Settings(data_dir=folder, store="embedded")


def _old(store, settings: Settings, ledger: Path) -> tuple[float, int]:
    loader = Loader(store, settings.salt(), alias_table=settings.alias_table, rejects_dir=settings.data_dir / "rejects")
    t0 = time.perf_counter()
    report = loader.load(ledger, source="上传/问题清单.xlsx")
    repeats.recompute(store)
    return time.perf_counter() - t0, report.loaded


def _new(store, settings: Settings, ledger: Path) -> tuple[float, float, int, float]:
    t0 = time.perf_counter()
    result = run_load(settings, ledger, limits=read_limits(settings.data_dir), source="上传/问题清单.xlsx")
    child = time.perf_counter() - t0
    assert result.outcome == "loaded" and result.report is not None, result.message
    t1 = time.perf_counter()
    store.counts()  # the server's store catches up with the child's write (embedded: reload on the new generation)
    return child, time.perf_counter() - t1, result.report.loaded, result.peak_bytes / 2**20


def main() -> None:
    bundle = generate(1, 7)
    issues = {n.id for n in bundle.nodes if n.kind is NodeKind.ISSUE}
    nodes = [n for n in bundle.nodes if n.id not in issues]
    edges = [e for e in bundle.edges if e.src not in issues and e.dst not in issues]
    with tempfile.TemporaryDirectory(prefix="xuncha-bench-") as tmp:
        root = Path(tmp)
        ledger = next(p for p in write_ledgers(bundle.nodes, bundle.edges, root / "ledgers") if p.stem == "问题清单")
        seed = EmbeddedStore(root / "seed" / "graph.sqlite")
        seed.upsert(nodes, edges)
        seed.close()
        print(f"规模 1，图谱 {len(nodes):,} 个节点、{len(edges):,} 条关系（不含问题）；"
              f"上传 {ledger.name}（{len(issues):,} 个问题）")
        print(f"{'store':<9} {'path':<28} {'rows':>6} {'load s':>8} {'catch-up s':>11} {'total s':>8} {'child peak':>11}")
        for round_ in (1, 2):
            settings = _copy(root / "seed", root / f"old{round_}")
            store = open_store(settings)
            store.counts()  # the server's graph is in memory before the upload, as in a running server
            seconds, rows = _old(store, settings, ledger)
            store.close()
            print(f"{'embedded':<9} {'in-thread (old)':<28} {rows:>6,} {seconds:>8.2f} {'—':>11} {seconds:>8.2f} {'—':>11}")
            settings = _copy(root / "seed", root / f"new{round_}")
            store = open_store(settings)
            store.counts()
            child, catch_up, rows, peak = _new(store, settings, ledger)
            store.close()
            print(f"{'embedded':<9} {'worker process (new)':<28} {rows:>6,} {child:>8.2f} {catch_up:>11.2f} "
                  f"{child + catch_up:>8.2f} {peak:>8.0f} MB")
        if os.environ.get("NEO4J_URI"):
            settings = Settings(store="neo4j", data_dir=root / "neo")
            settings.data_dir.mkdir()
            (settings.data_dir / "id_salt").write_text("bench-salt", "utf-8")
            for label, run in (("in-thread (old)", "old"), ("worker process (new)", "new")):
                store = open_store(settings)
                store.replace_all(nodes, edges)
                if run == "old":
                    seconds, rows = _old(store, settings, ledger)
                    print(f"{'neo4j':<9} {label:<28} {rows:>6,} {seconds:>8.2f} {'—':>11} {seconds:>8.2f} {'—':>11}")
                else:
                    child, catch_up, rows, peak = _new(store, settings, ledger)
                    print(f"{'neo4j':<9} {label:<28} {rows:>6,} {child:>8.2f} {catch_up:>11.2f} "
                          f"{child + catch_up:>8.2f} {peak:>8.0f} MB")
                store.close()


if __name__ == "__main__":  # the forkserver imports this module again: run only when called
    main()
