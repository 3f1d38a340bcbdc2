"""kill -9 of an upload's load at random moments: the graph is then the old one or the new one exactly, never the
load without its REPEATS edges (loaders/ledgers/worker.py writes both in one transaction).

Real processes: each run starts the upload's child (the same LoadJob POST /loads uses), sleeps a random time within
how long a whole load takes, and sends SIGKILL. Afterwards the store is compared with the state before and with the
state a finished load leaves (counts of nodes and edges and a digest of every id and every REPEATS edge). The county
is the small hand-written one, so twenty runs take well under a minute; on Neo4j too (tools/with-neo4j.sh).
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import time
from collections import Counter
from pathlib import Path

import pytest

from graph.settings import Settings
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.limits import read_limits
from loaders.ledgers.load import Loader
from loaders.ledgers.worker import LoadJob, run_load
from tests.api.test_upload_worker import state
from tests.loaders.test_hostile import base_store
from tests.loaders.test_malformed import ISSUE_HEAD, issue, write_csv

RUNS = 20
SOURCE = "上传/问题清单.csv"  # the same provenance every run, so the new state is the same every time


def _rows(round_: int, n: int, wording: str) -> list[list]:
    return [issue(问题编号=f"K{round_}-{i}", 轮次=round_, 序号=i, 问题描述=wording.format(i=i)) for i in range(1, n + 1)]


def earlier(folder: Path) -> Path:
    """Round 1's issues, already in the graph before the upload."""
    return write_csv(folder / "round1.csv", [ISSUE_HEAD, *_rows(1, 4, "报销凭证不全，{i}笔支出无正规发票")])


def upload(folder: Path) -> Path:
    """Round 2's issues, each repeating one of round 1's: the load adds REPEATS edges."""
    return write_csv(folder / "问题清单.csv", [ISSUE_HEAD, *_rows(2, 4, "报销凭证仍然不全，{i}笔支出无正规发票")])


def classify(now, old, new) -> str:
    return "old" if now == old else "new" if now == new else "other"


HEAD = "\n| store | runs | killed mid-load | old | new | other |\n|---|---|---|---|---|---|\n"


def table(store: str, outcomes: list[tuple[float, str]]) -> str:
    counts = Counter(o.split()[0] for _, o in outcomes)
    mid = sum(not o.endswith("(finished)") for _, o in outcomes)
    return (f"| {store} | {len(outcomes)} | {mid} | {counts['old']} | {counts['new']} | {counts['other']} |  "
            f"kills at {min(d for d, _ in outcomes):.2f}–{max(d for d, _ in outcomes):.2f} s")


def kill_runs(settings: Settings, reset, now, file: Path) -> list[tuple[float, str]]:
    """Reference load (timed), then RUNS loads each killed at a random moment within that time."""
    limits = read_limits(settings.data_dir)
    reset()
    old = now()
    run_load(settings, file, limits=limits, source=SOURCE)  # starts the forkserver, which later runs reuse
    reset()
    start = time.perf_counter()
    done = run_load(settings, file, limits=limits, source=SOURCE)
    whole = time.perf_counter() - start
    assert done.outcome == "loaded", done
    new = now()
    assert new[2] > old[2] and new[3] != old[3]  # the load adds REPEATS: a load without them is a third state
    rng = random.Random(12)
    outcomes = []
    for run in range(RUNS):
        reset()
        assert now() == old
        delay = whole * 1.2 * (run + rng.random()) / RUNS  # spread over the whole load and a little after
        job = LoadJob(settings, limits).start(file, source=SOURCE, folder=settings.data_dir / "stage")
        time.sleep(delay)
        try:
            os.kill(job.pid, signal.SIGKILL)
        except ProcessLookupError:  # it had already finished
            pass
        killed = job.wait().outcome == "killed"  # else it had answered before the signal
        outcomes.append((delay, classify(now(), old, new) + ("" if killed else " (finished)")))
    return outcomes


def check(outcomes: list[tuple[float, str]]) -> None:
    assert not [o for _, o in outcomes if o.startswith("other")], outcomes
    assert "old" in {o for _, o in outcomes}, outcomes  # some kills landed before the write
    assert sum(not o.endswith("(finished)") for _, o in outcomes) >= RUNS // 2, outcomes  # most hit a live child


def test_kill_9_of_an_upload_leaves_the_old_or_the_new_graph_embedded(tmp_path):
    seed = tmp_path / "seed"
    base_store(seed)
    store = EmbeddedStore(seed / "graph.sqlite")
    Loader(store, "test-salt").load(earlier(tmp_path))
    store.close()
    data = tmp_path / "data"
    (data / "stage").mkdir(parents=True)
    (data / "id_salt").write_text("test-salt", "utf-8")
    settings = Settings(data_dir=data, store="embedded")

    def reset() -> None:
        for part in data.glob("graph.sqlite*"):
            part.unlink()
        for part in seed.glob("graph.sqlite*"):
            shutil.copy(part, data / part.name)

    outcomes = kill_runs(settings, reset, lambda: state(settings.embedded_path), upload(tmp_path))
    print(HEAD + table("embedded", outcomes))
    check(outcomes)


def neo4j_state(store) -> tuple[int, int, int, str]:
    nodes = sorted(n.id for n in store.iter_nodes())
    edges = list(store.iter_edges())
    reps = sorted((e.id, e.src, e.dst, repr(sorted(e.props.items()))) for e in edges if e.type.value == "REPEATS")
    digest = hashlib.sha256(repr((nodes, sorted(e.id for e in edges), reps)).encode()).hexdigest()[:16]
    return len(nodes), len(edges), len(reps), digest


def test_kill_9_of_an_upload_leaves_the_old_or_the_new_graph_neo4j(neo4j_store, tmp_path):
    neo4j_store.clear()
    loader = Loader(neo4j_store, "test-salt")
    seed = tmp_path / "seed"
    base_store(seed)  # the units and rounds, loaded again into Neo4j from the same files
    from tests.loaders.test_malformed import ROUNDS, UNITS

    loader.load(write_csv(tmp_path / "units.csv", UNITS))
    loader.load(write_csv(tmp_path / "rounds.csv", ROUNDS))
    loader.load(earlier(tmp_path))
    old_nodes, old_edges = list(neo4j_store.iter_nodes()), list(neo4j_store.iter_edges())
    data = tmp_path / "data"
    (data / "stage").mkdir(parents=True)
    (data / "id_salt").write_text("test-salt", "utf-8")
    settings = Settings(data_dir=data, store="neo4j")

    outcomes = kill_runs(settings, lambda: neo4j_store.replace_all(old_nodes, old_edges),
                         lambda: neo4j_state(neo4j_store), upload(tmp_path))
    print(HEAD + table("neo4j", outcomes))
    check(outcomes)


@pytest.fixture(autouse=True)
def _no_leftover_children():
    yield
    import multiprocessing

    for child in multiprocessing.active_children():  # the forkserver's children are not ours; this is belt and braces
        child.join(1)
