from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import EdgeType, NodeKind, make_edge
from graph.model import nodes as m
from graph.stores.base import DanglingEdgeError, export_jsonl, import_jsonl
from graph.stores.embedded import EmbeddedStore


def _unit(name: str) -> m.Unit:
    return m.Unit(name=name, county="某县", unit_kind="county_department")


def test_upsert_get_merge_and_neighbours(embedded: EmbeddedStore):
    u = _unit("某县财政局")
    p = m.Person(name="李明", id_hash="h1")
    post = make_edge(EdgeType.HOLDS_POST, (NodeKind.PERSON, p.id), (NodeKind.UNIT, u.id), post="局长",
                     first_in_command=True, start="2020-01-01")
    embedded.upsert([u.to_record(), p.to_record()], [post])
    embedded.upsert([m.Person(name="李明", id_hash="h1", notes="调任").to_record()], [])
    got = embedded.get_node(p.id)
    assert got is not None and got.props["notes"] == "调任" and got.props["name"] == "李明"
    near = embedded.neighbours(u.id)
    assert [(n.node.id, n.edge.type, n.outgoing) for n in near] == [(p.id, EdgeType.HOLDS_POST, False)]
    assert embedded.counts().nodes == {"Person": 1, "Unit": 1}


def test_dangling_edge_rejects_the_whole_write(embedded: EmbeddedStore):
    u = _unit("某县财政局")
    embedded.upsert([u.to_record()], [])
    before = embedded.counts()
    ghost = make_edge(EdgeType.PART_OF, (NodeKind.UNIT, u.id), (NodeKind.UNIT, "unit_ghost"))
    with pytest.raises(DanglingEdgeError, match="unit_ghost"):
        embedded.upsert([_unit("某县教育局").to_record()], [ghost])
    assert embedded.counts() == before
    reopened = EmbeddedStore(embedded.path)
    assert reopened.counts() == before


def test_reopen_rebuilds_the_same_graph(county, tmp_path: Path):
    store = EmbeddedStore(tmp_path / "g.sqlite")
    store.upsert(county.nodes, county.edges)
    counts = store.counts()
    store.close()
    again = EmbeddedStore(tmp_path / "g.sqlite")
    assert again.counts() == counts
    assert counts.total_nodes == len(county.nodes)
    assert counts.total_edges == len(county.edges)
    some = county.nodes[500]
    assert again.get_node(some.id) == some


def test_loading_twice_changes_nothing(county, loaded_embedded: EmbeddedStore):
    before = loaded_embedded.counts()
    loaded_embedded.upsert(county.nodes[:2000], county.edges[:3000])
    assert loaded_embedded.counts() == before


def test_a_second_process_view_sees_writes_after_sync(embedded: EmbeddedStore):
    reader = EmbeddedStore(embedded.path)
    embedded.upsert([_unit("某县审计局").to_record()], [])
    assert reader.counts().nodes == {"Unit": 1}
    reader.close()


def test_export_import_round_trip(loaded_embedded: EmbeddedStore, tmp_path: Path):
    path = tmp_path / "export.jsonl"
    lines = export_jsonl(loaded_embedded, path)
    counts = loaded_embedded.counts()
    assert lines == counts.total_nodes + counts.total_edges
    fresh = EmbeddedStore(tmp_path / "copy.sqlite")
    import_jsonl(fresh, path)
    assert fresh.counts() == counts
    fresh.close()


def test_delete_edges_of_type_and_clear(embedded: EmbeddedStore):
    a, b = _unit("甲局"), _unit("乙局")
    embedded.upsert([a.to_record(), b.to_record()],
                    [make_edge(EdgeType.REGULATED_BY, (NodeKind.UNIT, a.id), (NodeKind.UNIT, b.id))])
    assert embedded.delete_edges_of_type("REGULATED_BY") == 1
    assert embedded.counts().edges == {}
    embedded.clear()
    assert embedded.counts().total_nodes == 0
