"""Deleting nodes (the withdrawal of an accepted report item rests on it): both stores delete the same nodes and
edges, refuse the same ties with nothing deleted, and another process of the embedded store stops seeing what was
deleted. The Neo4j case runs under ``tools/with-neo4j.sh``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from graph.model import EdgeType, NodeKind, make_edge
from graph.model import nodes as m
from graph.stores.base import Cuttable, DanglingEdgeError, NodeInUse, Removing, Tie
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


def _from_documents() -> tuple[list, list, dict[str, str]]:
    """Units A, F and G loaded from ledger D (their SOURCED_FROM, and G's and A's PART_OF B written by D's rows);
    C, from ledger E, names A as its regulator; F is also sourced from E."""
    d, e = (m.Document(path=f"删除测试/{x}.xlsx", doc_kind="ledger", loaded_at=datetime(2031, 3, 1)) for x in "DE")
    a, b, c, f, g = (m.Unit(name=f"来源测试{x}局", county="删除测试县", unit_kind="county_department")
                     for x in "甲乙丙丁戊")
    unit, doc = NodeKind.UNIT, NodeKind.DOCUMENT
    edges = [make_edge(EdgeType.SOURCED_FROM, (unit, x.id), (doc, d.id), sheet="单位", row=n)
             for n, x in enumerate((a, f, g), 2)]
    edges += [make_edge(EdgeType.SOURCED_FROM, (unit, f.id), (doc, e.id), sheet="单位", row=9),
              make_edge(EdgeType.SOURCED_FROM, (unit, c.id), (doc, e.id), sheet="单位", row=8),
              make_edge(EdgeType.PART_OF, (unit, g.id), (unit, b.id), source_doc=d.id, source_row=4),
              make_edge(EdgeType.PART_OF, (unit, a.id), (unit, b.id), source_doc=d.id, source_row=2),
              make_edge(EdgeType.REGULATED_BY, (unit, c.id), (unit, a.id), source_doc=e.id, source_row=8)]
    ids = {"a": a.id, "b": b.id, "c": c.id, "f": f.id, "g": g.id, "d": d.id, "e": e.id}
    return [x.to_record() for x in (d, e, a, b, c, f, g)], edges, ids


def _document_rows(store) -> list:  # noqa: ANN001
    """What ledger D's rows wrote may be cut; another file's citation, or a second source, stops the deletion."""
    nodes, edges, ids = _from_documents()
    store.upsert(nodes, edges)
    own = Cuttable(outgoing=frozenset(), incoming=frozenset(), written_from=ids["d"])
    refused = []
    for node in ("a", "f"):
        with pytest.raises(NodeInUse) as exc:
            store.delete_nodes([ids[node]], may_cut=own)
        refused.append(exc.value.ties)
    assert refused == [[Tie(ids["a"], EdgeType.REGULATED_BY, ids["c"], False)],
                       [Tie(ids["f"], EdgeType.SOURCED_FROM, ids["e"], True)]]
    with pytest.raises(NodeInUse):  # without the document named, its own rows are ties like any other
        store.delete_nodes([ids["g"]], may_cut=Cuttable(outgoing=frozenset(), incoming=frozenset()))
    done = store.delete_nodes([ids["g"]], may_cut=own)
    assert done == (1, 2) and store.get_node(ids["g"]) is None and store.get_node(ids["d"]) is not None
    return [refused, done, sorted(n.node.id for n in store.neighbours(ids["b"]))]


def test_a_ledger_s_own_rows_may_be_cut_and_nothing_else(embedded, neo4j_county):
    """``Cuttable.written_from`` alike on both stores (a ledger row removed from its file rests on it)."""
    same_on_both(_document_rows, embedded, neo4j_county, _from_documents()[2].values())


def _removing(store) -> list:  # noqa: ANN001
    """A write that takes records out first (a ledger's dropped rows): refused whole on a tie or on an edge to what
    it removes; else the removal, the dropped source and the new record land together."""
    nodes, edges, ids = _from_documents()
    store.upsert(nodes, edges)
    own = Cuttable(outgoing=frozenset(), incoming=frozenset(), written_from=ids["d"])
    new = m.Unit(name="来源测试己局", county="删除测试县", unit_kind="county_department")
    to_b = make_edge(EdgeType.PART_OF, (NodeKind.UNIT, new.id), (NodeKind.UNIT, ids["b"]), source_doc=ids["d"])
    f_from_d = next(e for e in edges if e.type is EdgeType.SOURCED_FROM and (e.src, e.dst) == (ids["f"], ids["d"]))
    before = store.counts()
    with pytest.raises(NodeInUse):  # C still names A as its regulator
        store.upsert_replacing([new.to_record()], [to_b], None, (), removing=Removing([ids["a"]], own, []))
    with pytest.raises(DanglingEdgeError):  # an edge written to a record the same write removes
        store.upsert_replacing([], [make_edge(EdgeType.PART_OF, (NodeKind.UNIT, ids["g"]), (NodeKind.UNIT, ids["b"]),
                                              source_doc=ids["e"])], None, (), removing=Removing([ids["g"]], own, []))
    assert store.counts() == before and store.get_node(new.id) is None
    store.upsert_replacing([new.to_record()], [to_b], None, (), removing=Removing([ids["g"]], own, [f_from_d]))
    assert store.get_node(ids["g"]) is None and store.get_node(new.id) is not None
    f_sources = sorted(n.node.id for n in store.neighbours(ids["f"]) if n.edge.type is EdgeType.SOURCED_FROM)
    assert f_sources == [ids["e"]]
    return [f_sources, sorted(n.node.id for n in store.neighbours(ids["b"])), store.counts().total_edges
            - before.total_edges]


def test_a_write_that_removes_first_is_one_on_both_stores(embedded, neo4j_county):
    """``upsert_replacing(..., removing=)`` alike on both stores (an upload removing its file's dropped rows)."""
    made = [*_from_documents()[2].values(), m.Unit(name="来源测试己局", county="删除测试县",
                                                    unit_kind="county_department").id]
    same_on_both(_removing, embedded, neo4j_county, made)


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
