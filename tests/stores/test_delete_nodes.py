"""Deleting nodes (the withdrawal of an accepted report item rests on it): both stores delete the same nodes and
edges, refuse the same ties with nothing deleted, and another process of the embedded store stops seeing what was
deleted. The Neo4j case runs under ``tools/with-neo4j.sh``."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import EdgeType, NodeKind, make_edge
from graph.model import nodes as m
from graph.stores.base import Cuttable, DanglingEdgeError, NodeInUse, Tie
from graph.stores.embedded import EmbeddedStore
from tests.stores.writes import another_session_writing, racing, racing_neo4j, same_on_both

ONLY_UP = Cuttable(outgoing=frozenset({EdgeType.PART_OF}), incoming=frozenset())
ANY = Cuttable(outgoing=frozenset(EdgeType), incoming=frozenset(EdgeType))


def _small() -> tuple[list, list, dict[str, str]]:
    """Three units: A and C are part of B, and C is regulated by A."""
    a, b, c = (m.Unit(name=f"删除测试{x}局", county="删除测试县", unit_kind="county_department") for x in "甲乙丙")
    edges = [make_edge(EdgeType.PART_OF, (NodeKind.UNIT, a.id), (NodeKind.UNIT, b.id)),
             make_edge(EdgeType.PART_OF, (NodeKind.UNIT, c.id), (NodeKind.UNIT, b.id)),
             make_edge(EdgeType.REGULATED_BY, (NodeKind.UNIT, c.id), (NodeKind.UNIT, a.id))]
    return [n.to_record() for n in (a, b, c)], edges, {"a": a.id, "b": b.id, "c": c.id}


def _scenario(store) -> list:  # noqa: ANN001
    """Refused, then done, on the store given; what each step gave, for the stores to be compared."""
    nodes, edges, ids = _small()
    store.upsert(nodes, edges)
    before = store.counts()
    with pytest.raises(NodeInUse) as refused:
        store.delete_nodes([ids["a"]], may_cut=ONLY_UP)  # C still names A as its regulator
    assert refused.value.ties == [Tie(ids["a"], EdgeType.REGULATED_BY, ids["c"], False)]
    assert store.counts() == before and store.get_node(ids["a"]) is not None
    done = store.delete_nodes([ids["a"], ids["c"], "unit_not_stored_0000"], may_cut=ONLY_UP)
    assert done == (2, 3)  # A and C, their two PART_OF and the REGULATED_BY between them
    assert store.get_node(ids["a"]) is None and store.get_node(ids["c"]) is None
    assert store.neighbours(ids["b"]) == []
    after = store.counts()
    assert after.total_nodes == before.total_nodes - 2 and after.total_edges == before.total_edges - 3
    left = store.delete_nodes([ids["b"]], may_cut=ONLY_UP)
    return [refused.value.ties, done, left]


def test_embedded_deletes_or_refuses_whole(embedded):
    assert _scenario(embedded) == [[Tie(*_ties_of_small())], (2, 3), (1, 0)]
    assert embedded.counts().total_nodes == 0


def _ties_of_small() -> tuple:
    _, _, ids = _small()
    return ids["a"], EdgeType.REGULATED_BY, ids["c"], False


def test_another_process_stops_seeing_what_was_deleted(tmp_path: Path):
    writer, reader = EmbeddedStore(tmp_path / "g.sqlite"), EmbeddedStore(tmp_path / "g.sqlite")
    try:
        nodes, edges, ids = _small()
        writer.upsert(nodes, edges)
        assert reader.get_node(ids["a"]) is not None  # the reader holds the graph in memory
        writer.delete_nodes([ids["a"], ids["c"]], may_cut=ONLY_UP)
        reader.sync()
        assert reader.get_node(ids["a"]) is None and reader.neighbours(ids["b"]) == []
        assert sorted(reader.graph.nodes) == [ids["b"]] and reader.graph.number_of_edges() == 0
        writer.close()
        fresh = EmbeddedStore(tmp_path / "g.sqlite")  # from the file (or the snapshot the writer left)
        assert sorted(fresh.graph.nodes) == [ids["b"]] and fresh.graph.number_of_edges() == 0
        fresh.close()
    finally:
        reader.close()


def test_both_stores_give_one_answer(embedded, neo4j_county):
    """The same deletion on a server holding the sample county: the same ties, counts and leftovers."""
    same_on_both(_scenario, embedded, neo4j_county, _small()[2].values())


def _dangling(path: Path) -> list:
    import sqlite3

    with sqlite3.connect(path) as db:
        return db.execute("SELECT id FROM edges WHERE src NOT IN (SELECT id FROM nodes) "
                          "OR dst NOT IN (SELECT id FROM nodes)").fetchall()


def test_an_edge_planned_before_another_process_deleted_its_end_is_refused(tmp_path: Path):
    """The write was checked against a graph that still held the end; it is planned again and refused, and the
    file never holds an edge to nothing."""
    deleting, writing = EmbeddedStore(tmp_path / "g.sqlite"), EmbeddedStore(tmp_path / "g.sqlite")
    nodes, _, ids = _small()
    deleting.upsert(nodes, [])
    writing.graph  # noqa: B018  (holds the graph in memory)
    racing(writing, lambda: deleting.delete_nodes([ids["a"]], may_cut=ONLY_UP))
    with pytest.raises(DanglingEdgeError):
        writing.upsert([], [make_edge(EdgeType.REGULATED_BY, (NodeKind.UNIT, ids["c"]), (NodeKind.UNIT, ids["a"]))])
    assert _dangling(tmp_path / "g.sqlite") == [] and writing.get_node(ids["a"]) is None
    deleting.close()
    writing.close()


def test_a_tie_written_by_another_process_after_the_plan_stops_the_deletion(tmp_path: Path):
    deleting, writing = EmbeddedStore(tmp_path / "g.sqlite"), EmbeddedStore(tmp_path / "g.sqlite")
    nodes, _, ids = _small()
    deleting.upsert(nodes, [])
    tie = make_edge(EdgeType.REGULATED_BY, (NodeKind.UNIT, ids["c"]), (NodeKind.UNIT, ids["a"]))
    racing(deleting, lambda: writing.upsert([], [tie]))
    with pytest.raises(NodeInUse):
        deleting.delete_nodes([ids["a"]], may_cut=ONLY_UP)
    assert deleting.get_node(ids["a"]) is not None and _dangling(tmp_path / "g.sqlite") == []
    assert [n.edge.id for n in deleting.neighbours(ids["a"])] == [tie.id]
    deleting.close()
    writing.close()


def test_neo4j_a_tie_written_meanwhile_is_seen_or_refused_never_lost(neo4j_county):
    """Another session writes a tie to the node after the deletion read the ties: either the deletion is refused
    (the server will not delete a node still tied; the next attempt reads the tie) or the other write waits for the
    deletion and is refused; never an edge silently lost (``DETACH DELETE`` lost it)."""
    nodes, _, ids = _small()
    neo4j_county.upsert(nodes, [])
    tie = make_edge(EdgeType.REGULATED_BY, (NodeKind.UNIT, ids["c"]), (NodeKind.UNIT, ids["a"]))
    outcome: dict[str, object] = {}
    try:
        writing = another_session_writing(neo4j_county, tie, outcome)
        with racing_neo4j(neo4j_county, "$shown", writing):  # once the ties have been read
            outcome["delete"] = neo4j_county.delete_nodes([ids["a"]], may_cut=ONLY_UP)
    except NodeInUse:
        outcome["delete"] = "refused"
    try:
        still = neo4j_county.get_node(ids["a"]) is not None
        ties = [n.edge.id for n in neo4j_county.neighbours(ids["c"]) if n.edge.type is EdgeType.REGULATED_BY]
        if outcome["delete"] == "refused":
            assert outcome["write"] == "done" and still and ties == [tie.id]
        else:
            assert outcome["delete"] == (1, 0) and not still and ties == []
            assert outcome["write"] in ("DanglingEdgeError", "StoreError"), outcome
    finally:
        neo4j_county.delete_nodes(ids.values(), may_cut=ANY)
