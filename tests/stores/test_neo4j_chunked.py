"""Large Neo4j writes in bounded, journaled chunks: same result as the embedded store, and undone as a whole.

A store with ``single_tx_records=0`` and small chunks writes everything through the journal, so the sample
county spreads over dozens of transactions. A write that fails half way (Neo4j refuses a property value in
its last chunk, after the nodes have committed) or whose writer is killed must leave the previous graph,
property for property, and no bookkeeping behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.model import EdgeRecord, EdgeType, NodeKind, NodeRecord
from graph.settings import Settings
from graph.stores.base import GraphStore, StoreError
from graph.stores.embedded import EmbeddedStore
from graph.stores.neo4j_store import Neo4jStore
from loaders.sample import Bundle, generate

pytestmark = pytest.mark.neo4j


def _dump(store: GraphStore) -> list[tuple]:
    nodes = [(n.id, n.kind.value, sorted(n.props.items(), key=str)) for n in store.iter_nodes()]
    edges = [(e.id, e.type.value, e.src, e.dst, sorted(e.props.items(), key=str)) for e in store.iter_edges()]
    return sorted(nodes, key=str) + sorted(edges, key=str)


def _bookkeeping(store: Neo4jStore) -> int:
    return store._read("MATCH (n) WHERE n:LoadJournal OR n:LoadChunk OR n:LoadUndo RETURN count(n) AS n")[0]["n"]


@pytest.fixture()
def chunked(scratch_neo4j) -> Neo4jStore:
    store = Neo4jStore.from_settings(Settings(store="neo4j"))
    store.single_tx_records, store.batch_size = 0, 300
    yield store
    store.close()


def _edited(county: Bundle) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    """A second write over the county: changed properties on a third of the nodes and edges, plus the rest.

    Edge keys are their model's (others are refused): a third get a new ``source_row``, and a third of those also
    come without one of the keys they had, which an upsert leaves stored."""
    nodes = [n.model_copy(update={"props": {**n.props, "note": f"第二次载入 {i}"}}) if i % 3 == 0 else n
             for i, n in enumerate(county.nodes)]
    edges = [e.model_copy(update={"props": {**_without_one(e.props, i), "source_row": 90_000 + i}}) if i % 3 == 0
             else e for i, e in enumerate(county.edges)]
    return nodes, edges


def _without_one(props: dict, i: int) -> dict:
    return {k: v for k, v in props.items() if k != min(props)} if props and i % 9 == 0 else props


def _poisoned(nodes: list[NodeRecord], edges: list[EdgeRecord]) -> list[EdgeRecord]:
    """The edges plus one whose property value Neo4j refuses (a map, under a key its model declares): written
    last, after every node chunk."""
    unit = next(n for n in nodes if n.kind is NodeKind.UNIT)
    bad = EdgeRecord(id="e_poisoned", type=EdgeType.PART_OF, src=unit.id, src_kind=NodeKind.UNIT, dst=unit.id,
                     dst_kind=NodeKind.UNIT, props={"source_doc": {"a": 1}})
    return [*edges, bad]


def test_chunked_upsert_equals_the_embedded_store(chunked, county, tmp_path):
    half = len(county.nodes) // 2
    first = (county.nodes[:half], [e for e in county.edges if e.src in {n.id for n in county.nodes[:half]}
                                   and e.dst in {n.id for n in county.nodes[:half]}])
    embedded = EmbeddedStore(tmp_path / "g.sqlite")
    for store in (chunked, embedded):
        store.upsert(*first)
        store.upsert(*_edited(county))
    assert _dump(chunked) == _dump(embedded)
    assert _bookkeeping(chunked) == 0
    embedded.close()


def test_upsert_failing_half_way_leaves_the_previous_graph(chunked, county):
    chunked.upsert(county.nodes, county.edges)
    before, generation = _dump(chunked), chunked.generation()
    nodes, edges = _edited(county)
    extra = NodeRecord(id="unit_chunkfail0001", kind=NodeKind.UNIT, props={"name": "半途失败局"})
    with pytest.raises(StoreError, match="整批写入已取消"):
        chunked.upsert([*nodes, extra], _poisoned(nodes, edges))
    assert _dump(chunked) == before
    assert _bookkeeping(chunked) == 0
    assert chunked.generation() > generation  # caches computed meanwhile are not trusted


def test_replace_failing_half_way_leaves_the_previous_graph(chunked, county):
    chunked.upsert(county.nodes, county.edges)
    before = _dump(chunked)
    other = generate(1, 11)
    with pytest.raises(StoreError):
        chunked.replace_all(other.nodes, _poisoned(other.nodes, other.edges))
    assert _dump(chunked) == before
    assert _bookkeeping(chunked) == 0


def test_chunked_replace_equals_the_embedded_replace(chunked, county, tmp_path):
    other = generate(1, 11)
    embedded = EmbeddedStore(tmp_path / "g.sqlite")
    for store in (chunked, embedded):
        store.upsert(county.nodes, county.edges)
        store.replace_all(other.nodes[:4000], [e for e in other.edges if e.src in {n.id for n in other.nodes[:4000]}
                                               and e.dst in {n.id for n in other.nodes[:4000]}])
    assert _dump(chunked) == _dump(embedded)
    assert _bookkeeping(chunked) == 0
    embedded.close()


_WRITER = """
import sys
from graph.settings import Settings
from graph.stores.neo4j_store import Neo4jStore
from loaders.sample import generate
store = Neo4jStore.from_settings(Settings(store="neo4j"))
store.single_tx_records, store.batch_size, store.workers = 0, 100, 1
other = generate(1, 11)
store.replace_all(other.nodes, other.edges)
"""


def test_a_killed_large_load_is_undone_by_the_next_store(chunked, county):
    chunked.upsert(county.nodes, county.edges)
    before = _dump(chunked)
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-c", _WRITER], cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while chunked._read("MATCH (c:LoadChunk) RETURN count(c) AS n")[0]["n"] < 5:
            assert proc.poll() is None and time.monotonic() < deadline, "the writer ended before it was killed"
            time.sleep(0.2)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert _dump(chunked) != before  # the dead writer's chunks are visible until recovery
    assert chunked.recover(stale_after_s=3600) == 0  # a fresh heartbeat is left alone
    assert chunked.recover(stale_after_s=0) == 1
    assert _dump(chunked) == before
    assert _bookkeeping(chunked) == 0


def _post(props: dict) -> EdgeRecord:
    return EdgeRecord(id="e_post_test", type=EdgeType.HOLDS_POST, src="per_chunktest", src_kind=NodeKind.PERSON,
                      dst="unit_chunktest", dst_kind=NodeKind.UNIT, props=props)


_ENDS = [NodeRecord(id="per_chunktest", kind=NodeKind.PERSON, props={"name": "测试人"}),
         NodeRecord(id="unit_chunktest", kind=NodeKind.UNIT, props={"name": "测试村"})]


@pytest.mark.parametrize("single", [True, False])
def test_an_edge_key_outside_its_model_is_refused_before_anything_is_written(scratch_neo4j, county, single):
    store = Neo4jStore.from_settings(Settings(store="neo4j"))
    store.single_tx_records = 10**9 if single else 0
    try:
        with pytest.raises(StoreError, match="e_post_test.*“weight”.*整批写入已取消"):
            store.upsert([*county.nodes, *_ENDS], [*county.edges, _post({"post": "书记", "weight": 3})])
        assert store.counts().total_nodes == 0
        assert _bookkeeping(store) == 0
    finally:
        store.close()


@pytest.mark.parametrize("single", [True, False])
def test_upsert_keeps_the_keys_a_row_lacks_and_replace_removes_them(scratch_neo4j, single, tmp_path):
    """``SET +=`` and ``SET =`` as the keys written out in the chunk text have them, on both stores alike."""
    store = Neo4jStore.from_settings(Settings(store="neo4j"))
    store.single_tx_records = 10**9 if single else 0
    embedded = EmbeddedStore(tmp_path / "g.sqlite")
    first = {"post": "书记", "start": "2020-01-01", "end": "2023-06-30", "source_row": 7}
    try:
        for s in (store, embedded):
            s.upsert(_ENDS, [_post(first)])
            s.upsert([], [_post({"post": "主任", "source_row": 8})])
        upserted = {"post": "主任", "start": "2020-01-01", "end": "2023-06-30", "source_row": 8}
        assert [e.props for e in store.iter_edges()] == [e.props for e in embedded.iter_edges()] == [upserted]
        for s in (store, embedded):
            s.replace_all(_ENDS, [_post({"post": "委员", "start": "2021-01-01"})])
        replaced = {"post": "委员", "start": "2021-01-01"}
        assert [e.props for e in store.iter_edges()] == [e.props for e in embedded.iter_edges()] == [replaced]
        assert _bookkeeping(store) == 0
    finally:
        store.close()
        embedded.close()
