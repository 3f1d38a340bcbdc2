"""The Neo4j store against a real server."""

from __future__ import annotations

import pytest

from graph.model import EdgeType, NodeKind, make_edge
from graph.model import nodes as m
from graph.settings import Settings
from graph.stores.base import DanglingEdgeError, StoreError, StoreUnavailable
from graph.stores.neo4j_store import Neo4jStore


def test_reload_is_idempotent(county, loaded_neo4j):
    before = loaded_neo4j.counts()
    loaded_neo4j.upsert(county.nodes[:3000], county.edges[:5000])
    assert loaded_neo4j.counts() == before
    assert before.total_nodes == len(county.nodes)
    assert before.total_edges - before.edges.get("REPEATS", 0) == len(county.edges)  # plus the computed repeats


def test_get_node_and_neighbours_match_embedded(county, loaded_neo4j, loaded_embedded):
    some = county.nodes[700]
    assert loaded_neo4j.get_node(some.id) == loaded_embedded.get_node(some.id) == some
    unit = next(n for n in county.nodes if n.kind.value == "Unit")
    assert loaded_neo4j.neighbours(unit.id, limit=30) == loaded_embedded.neighbours(unit.id, limit=30)


def test_dangling_edge_rolls_back_the_whole_write(loaded_neo4j):
    before = loaded_neo4j.counts()
    new = m.Unit(name="回滚测试局", county="测试县", unit_kind="county_department")
    ghost = make_edge(EdgeType.PART_OF, (NodeKind.UNIT, new.id), (NodeKind.UNIT, "unit_ghost00000000"))
    with pytest.raises(DanglingEdgeError, match="端点不存在"):
        loaded_neo4j.upsert([new.to_record()], [ghost])
    assert loaded_neo4j.counts() == before
    assert loaded_neo4j.get_node(new.id) is None


def test_both_stores_refuse_an_edge_key_outside_its_model(loaded_neo4j, loaded_embedded):
    """Before, the embedded store kept such a key and Neo4j refused it: one write, two outcomes."""
    new = m.Unit(name="字段测试局", county="测试县", unit_kind="county_department")
    parent = next(n for n in loaded_embedded.iter_nodes() if n.kind is NodeKind.UNIT)
    edge = make_edge(EdgeType.PART_OF, (NodeKind.UNIT, new.id), (NodeKind.UNIT, parent.id))
    stray = edge.model_copy(update={"props": {**edge.props, "weight": 1}})
    for store in (loaded_neo4j, loaded_embedded):
        before = store.counts()
        with pytest.raises(StoreError, match="“weight”.*整批写入已取消"):
            store.upsert([new.to_record()], [stray])
        assert store.counts() == before and store.get_node(new.id) is None


def test_unreachable_server_is_a_clear_message():
    settings = Settings(store="neo4j", NEO4J_URI="bolt://127.0.0.1:1", NEO4J_PASSWORD="x")
    with pytest.raises(StoreUnavailable, match="bolt://127.0.0.1:1.*make neo4j"):
        Neo4jStore.from_settings(settings)


def test_ids_are_unique_on_entity_and_indexed_on_every_kind(neo4j_store):
    """One uniqueness check per node (on Entity); every kind's id still has an index for (:Kind {id}) seeks."""
    constraints = neo4j_store._read("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type "
                                    "RETURN labelsOrTypes, properties, type")
    assert [(r["labelsOrTypes"], r["properties"], r["type"]) for r in constraints
            if r["properties"] == ["id"]] == [(["Entity"], ["id"], "UNIQUENESS")]
    indexes = neo4j_store._read("SHOW INDEXES YIELD labelsOrTypes, properties, type, entityType "
                                "WHERE entityType = 'NODE' AND properties = ['id'] RETURN labelsOrTypes")
    assert {k.value for k in NodeKind} | {"Entity"} <= {r["labelsOrTypes"][0] for r in indexes}
