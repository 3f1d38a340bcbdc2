"""Merging one node into another (a person's or unit's "same" judgement rests on it), and undoing it: both stores
move the same edges, keep the kept node's own edge where the two collide, give the graph back exactly on undo,
and lose no edge another writer ties to the merged node meanwhile. The Neo4j cases run under
``tools/with-neo4j.sh``."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import EdgeRecord, EdgeType, NodeKind, make_edge
from graph.model import nodes as m
from graph.model.ids import edge_id
from graph.stores.base import Cuttable, StoreError, moved_copies
from graph.stores.embedded import EmbeddedStore
from tests.stores.writes import another_session_writing, racing, racing_neo4j, same_on_both

ANY = Cuttable(outgoing=frozenset(EdgeType), incoming=frozenset(EdgeType))


def _small() -> tuple[list, list, dict[str, str]]:
    """Units A and B (B to be merged into A) both part of C (each from its own ledger row), and D regulated by B."""
    a, b, c, d = (m.Unit(name=f"合并测试{x}局", county="合并测试县", unit_kind="county_department") for x in "甲乙丙丁")
    edges = [make_edge(EdgeType.PART_OF, (NodeKind.UNIT, a.id), (NodeKind.UNIT, c.id), source_doc="doc_a", source_row=3),
             make_edge(EdgeType.PART_OF, (NodeKind.UNIT, b.id), (NodeKind.UNIT, c.id), source_doc="doc_b", source_row=9),
             make_edge(EdgeType.REGULATED_BY, (NodeKind.UNIT, d.id), (NodeKind.UNIT, b.id))]
    p = m.Person(name="合并测试", origin="合并测试县甲局 2020-01-01")
    return [n.to_record() for n in (a, b, c, d, p)], edges, {"a": a.id, "b": b.id, "c": c.id, "d": d.id, "p": p.id}


def _renamed(b: str, a: str):  # noqa: ANN202
    def rename(e: EdgeRecord) -> str:
        return edge_id(e.type.value, a if e.src == b else e.src, a if e.dst == b else e.dst)
    return rename


def _copies(moved: list[EdgeRecord], b: str, a: str, kept: list[str]) -> list[EdgeRecord]:
    return [c for c in moved_copies(moved, b, a, _renamed(b, a)) if c.id not in kept]


def _edges_at(store, ids: dict[str, str]) -> list[tuple[str, str, str, str]]:  # noqa: ANN001
    names = {v: k for k, v in ids.items()}
    seen = {(n.edge.id, n.edge.type.value, names.get(n.edge.src, "?"), names.get(n.edge.dst, "?"))
            for x in ids.values() for n in store.neighbours(x)}
    return sorted(seen)


def _scenario(store) -> list:  # noqa: ANN001
    """Merge, then undo, on the store given; what each step gave, for the stores to be compared."""
    nodes, edges, ids = _small()
    store.upsert(nodes, edges)
    before, counts = _edges_at(store, ids), store.counts()
    refusals = []
    for into in ("unit_not_stored_0000", "b", "p"):  # not stored; itself; a person
        with pytest.raises(StoreError) as refused:
            store.merge_node(ids["b"], ids.get(into, into), _renamed(ids["b"], ids.get(into, into)))
        refusals.append(str(refused.value))
    assert _edges_at(store, ids) == before
    merged = store.merge_node(ids["b"], ids["a"], _renamed(ids["b"], ids["a"]))
    assert merged.node == next(n for n in nodes if n.id == ids["b"])
    assert sorted(e.id for e in merged.moved) == sorted(e.id for e in edges[1:])  # B's two edges, as they were
    assert merged.kept == [edges[0].id]  # A's own PART_OF, which B's would have become: left as it was
    own = next(n.edge for n in store.neighbours(ids["a"]) if n.edge.id == edges[0].id)
    assert (own.props["source_doc"], own.props["source_row"]) == ("doc_a", 3)
    after = _edges_at(store, ids)
    assert store.get_node(ids["b"]) is None
    assert after == sorted([(edges[0].id, "PART_OF", "a", "c"),
                            (_renamed(ids["b"], ids["a"])(edges[2]), "REGULATED_BY", "d", "a")])
    assert store.counts().total_edges == counts.total_edges - 1 and store.counts().total_nodes == counts.total_nodes - 1
    b = next(n for n in nodes if n.id == ids["b"])
    store.upsert_dropping([b], merged.moved, _copies(merged.moved, ids["b"], ids["a"], merged.kept))
    assert _edges_at(store, ids) == before and store.counts() == counts
    return [refusals, merged.moved, merged.kept, after]


def test_both_stores_merge_and_undo_alike(embedded, neo4j_county):
    same_on_both(_scenario, embedded, neo4j_county, _small()[2].values())


def test_an_edge_another_process_ties_to_the_merged_node_moves_with_it(tmp_path: Path):
    """The merge is planned against the file's latest graph: a tie written after this store last read moves too."""
    merging, writing = EmbeddedStore(tmp_path / "g.sqlite"), EmbeddedStore(tmp_path / "g.sqlite")
    nodes, edges, ids = _small()
    merging.upsert(nodes, edges)
    merging.graph  # noqa: B018  (holds the graph in memory)
    tie = make_edge(EdgeType.REGULATED_BY, (NodeKind.UNIT, ids["c"]), (NodeKind.UNIT, ids["b"]))
    racing(merging, lambda: writing.upsert([], [tie]))
    merged = merging.merge_node(ids["b"], ids["a"], _renamed(ids["b"], ids["a"]))
    assert tie.id in {e.id for e in merged.moved}
    moved_tie = _renamed(ids["b"], ids["a"])(tie)
    for store in (merging, EmbeddedStore(tmp_path / "g.sqlite")):  # this process and a fresh reader of the file
        assert moved_tie in {n.edge.id for n in store.neighbours(ids["a"])} and store.get_node(ids["b"]) is None
    merging.close()
    writing.close()


def test_upsert_dropping_refuses_an_edge_both_dropped_and_written(embedded):
    nodes, edges, _ = _small()
    embedded.upsert(nodes, edges)
    before = embedded.counts()
    with pytest.raises(StoreError, match="既要删除又要写入"):
        embedded.upsert_dropping([], edges[:1], edges[:1])
    assert embedded.counts() == before


def test_neo4j_a_tie_written_during_the_merge_moves_or_is_refused_never_lost(neo4j_county):
    """Another session writes a tie to the merged node after the merge read its edges: the other write waits for
    the merge and is refused (its end is gone), or the merge is run again and moves it; never lost."""
    nodes, edges, ids = _small()
    neo4j_county.upsert(nodes, edges)
    tie = make_edge(EdgeType.REGULATED_BY, (NodeKind.UNIT, ids["c"]), (NodeKind.UNIT, ids["b"]))
    outcome: dict[str, object] = {}
    writing = another_session_writing(neo4j_county, tie, outcome)
    try:
        with racing_neo4j(neo4j_county, "startNode(r) AS a", writing):  # once B's edges have been read
            merged = neo4j_county.merge_node(ids["b"], ids["a"], _renamed(ids["b"], ids["a"]))
        at_a = {n.edge.id for n in neo4j_county.neighbours(ids["a"])}
        assert neo4j_county.get_node(ids["b"]) is None
        if outcome["write"] == "done":
            assert tie.id in {e.id for e in merged.moved} and _renamed(ids["b"], ids["a"])(tie) in at_a
        else:
            assert outcome["write"] in ("DanglingEdgeError", "StoreError"), outcome
            assert _renamed(ids["b"], ids["a"])(tie) not in at_a
    finally:
        neo4j_county.delete_nodes(ids.values(), may_cut=ANY)
