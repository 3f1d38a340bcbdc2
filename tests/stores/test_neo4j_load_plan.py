"""How a large Neo4j write is packed into transactions and which texts its chunks run (pure: no server needed)."""

from __future__ import annotations

import pytest

from graph.model import EDGE_SPECS, EdgeType, NodeKind
from graph.stores.base import StoreError, check_edge_props
from graph.stores.neo4j_edge_cypher import create_edges, edge_keys, update_edges
from graph.stores.neo4j_journal import Step
from graph.stores.neo4j_load import _by_end, _by_keys, _size, _transactions


def _steps() -> list[Step]:
    nodes = [Step("create_nodes", kind=NodeKind.PERSON, rows=[{"id": f"p{i}"} for i in range(n)])
             for n in (700, 300, 50, 1000, 999, 1)]
    edges = [{"id": f"e{i}", "src": f"p{i}", "dst": f"d{i % 3}", "p": {}} for i in range(2500)]
    return nodes + [Step("create_edges", edge_type=EdgeType.SOURCED_FROM, src=NodeKind.PERSON,
                         dst=NodeKind.DOCUMENT, rows=c) for c in _by_end(edges, 1000)]


def test_transactions_keep_every_step_once_in_order_and_within_the_bound():
    steps = _steps()
    txs = _transactions(steps, 1000)
    assert [s for tx in txs for s in tx] == steps
    assert all(sum(map(_size, tx)) <= 1000 for tx in txs)
    assert [len(tx) for tx in txs][:3] == [2, 1, 1]  # 700+300, then 50 cannot join 1000, …


def test_a_step_larger_than_the_bound_is_its_own_transaction():
    big = Step("create_nodes", kind=NodeKind.UNIT, rows=[{"id": str(i)} for i in range(50)])
    small = Step("create_nodes", kind=NodeKind.UNIT, rows=[{"id": "x"}])
    assert _transactions([small, big, small], 10) == [[small], [big], [small]]


def test_edge_chunks_count_their_rows_not_their_groups():
    edges = [{"id": f"e{i}", "src": f"p{i}", "dst": "doc", "p": {}} for i in range(30)]
    (chunk,) = _by_end(edges, 100)
    step = Step("create_edges", edge_type=EdgeType.SOURCED_FROM, src=NodeKind.PERSON, dst=NodeKind.DOCUMENT,
                rows=chunk)
    assert len(chunk) == 1 and _size(step) == 30


def test_every_edge_shape_gets_a_text_without_a_property_map():
    """Keys come from the models, so every type has a text; none sets a map (the source of the ``Eager``)."""
    for edge_type, spec in EDGE_SPECS.items():
        for src in spec.sources:
            for dst in spec.targets:
                text = create_edges(edge_type, src, dst)
                assert "row.props" not in text and " SET " not in text
                assert all(f"{k}: row.p.{k}" in text for k in spec.props.model_fields)
        assert update_edges(edge_type, edge_keys(edge_type)).count(" = row.p.") == len(spec.props.model_fields)
    assert create_edges(EdgeType.PART_OF, NodeKind.UNIT, NodeKind.UNIT) is create_edges(
        EdgeType.PART_OF, NodeKind.UNIT, NodeKind.UNIT)  # built once per shape


def test_a_key_outside_the_model_is_refused_naming_the_edge_and_key():
    check_edge_props([(EdgeType.HOLDS_POST, "e_ok", {"post": "书记", "start": "2020-01-01"})])
    with pytest.raises(StoreError, match="e_bad.*“weight”.*整批写入已取消"):
        check_edge_props([(EdgeType.HOLDS_POST, "e_bad", {"post": "书记", "weight": 1})])
    with pytest.raises(StoreError, match="没有字段：weight"):
        update_edges(EdgeType.HOLDS_POST, ("weight",))


def test_update_rows_are_grouped_by_the_keys_their_text_sets():
    rows = [{"id": "a", "p": {"post": "x"}}, {"id": "b", "p": {"post": "y", "end": "2020-01-01"}},
            {"id": "c", "p": {}}, {"id": "d", "p": {"end": "2021-01-01", "post": "z"}}]
    assert {k: [r["id"] for r in v] for k, v in _by_keys(rows, None).items()} == {
        ("post",): ["a"], ("end", "post"): ["b", "d"]}  # a row holding nothing changes nothing under SET +=
    every = edge_keys(EdgeType.HOLDS_POST)
    assert {k: [r["id"] for r in v] for k, v in _by_keys(rows, every).items()} == {every: ["a", "b", "c", "d"]}
