"""The Neo4j schema step: one uniqueness constraint per node, and databases made before it are migrated."""

from __future__ import annotations

import pytest

from graph.model import NodeKind
from graph.model import nodes as m
from graph.settings import Settings
from graph.stores.base import StoreError
from graph.stores.neo4j_store import Neo4jStore

pytestmark = pytest.mark.neo4j


def _id_schema(store: Neo4jStore) -> tuple[set[tuple[str, str]], set[str]]:
    """(label, constraint type) of every constraint on id, and the labels whose id has a range index."""
    constraints = {(r["labels"][0], r["type"]) for r in store._read(
        "SHOW CONSTRAINTS YIELD labelsOrTypes AS labels, properties, type WHERE properties = ['id'] "
        "RETURN labels, type")}
    indexed = {r["labels"][0] for r in store._read(
        "SHOW INDEXES YIELD labelsOrTypes AS labels, properties, type, entityType "
        "WHERE entityType = 'NODE' AND properties = ['id'] AND type = 'RANGE' RETURN labels")}
    return constraints, indexed


def test_a_database_with_the_old_per_kind_constraints_is_migrated_and_reopens_unchanged(scratch_neo4j, county):
    with scratch_neo4j._session() as session:  # the schema as stores before this change left it
        for kind in NodeKind:
            session.run(f"DROP INDEX {kind.value.lower()}_id_index IF EXISTS").consume()
            session.run(f"CREATE CONSTRAINT {kind.value.lower()}_id IF NOT EXISTS "
                        f"FOR (n:{kind.value}) REQUIRE n.id IS UNIQUE").consume()
    assert ("Unit", "UNIQUENESS") in _id_schema(scratch_neo4j)[0]
    scratch_neo4j.upsert(county.nodes[:500], [])
    for _ in range(2):  # the schema step runs at every open: the second run changes nothing
        store = Neo4jStore.from_settings(Settings(store="neo4j"))
        constraints, indexed = _id_schema(store)
        assert constraints == {("Entity", "UNIQUENESS")}
        assert {k.value for k in NodeKind} <= indexed
        assert store.counts().total_nodes == 500
        store.close()


def test_the_same_id_under_two_kinds_is_still_refused(scratch_neo4j):
    unit = m.Unit(name="唯一性测试局", county="测试县", unit_kind="county_department").to_record()
    scratch_neo4j.upsert([unit], [])
    twin = unit.model_copy(update={"kind": NodeKind.PERSON, "props": {"name": "同号之人"}})
    with pytest.raises(StoreError):
        scratch_neo4j.upsert([twin], [])
    assert scratch_neo4j.get_node(unit.id) == unit
    assert scratch_neo4j.counts().total_nodes == 1


def test_kind_lookups_are_index_seeks(loaded_neo4j):
    """Edge chunks find their ends by (:Kind {id}); named queries use USING INDEX u:Unit(id)."""
    with loaded_neo4j._session(read=True) as session:
        for text in ("MATCH (u:Unit {id: $id}) RETURN u", "MATCH (u:Unit) USING INDEX u:Unit(id) "
                     "WHERE u.id = $id RETURN u", "MATCH (n:Entity {id: $id}) RETURN n"):
            summary = session.run("EXPLAIN " + text, id="x").consume()
            assert {"NodeIndexSeek", "NodeUniqueIndexSeek"} & _operators(summary.plan), text


def _operators(plan: dict) -> set[str]:
    out = {plan["operatorType"].split("@")[0]}
    for child in plan.get("children", []):
        out |= _operators(child)
    return out
