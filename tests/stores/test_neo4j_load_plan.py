"""How a large Neo4j write is packed into transactions (pure planning: no server needed)."""

from __future__ import annotations

from graph.model import EdgeType, NodeKind
from graph.stores.neo4j_journal import Step
from graph.stores.neo4j_load import _by_end, _size, _transactions


def _steps() -> list[Step]:
    nodes = [Step("create_nodes", kind=NodeKind.PERSON, rows=[{"id": f"p{i}"} for i in range(n)])
             for n in (700, 300, 50, 1000, 999, 1)]
    edges = [{"id": f"e{i}", "src": f"p{i}", "dst": f"d{i % 3}", "props": {}} for i in range(2500)]
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
    edges = [{"id": f"e{i}", "src": f"p{i}", "dst": "doc", "props": {}} for i in range(30)]
    (chunk,) = _by_end(edges, 100)
    step = Step("create_edges", edge_type=EdgeType.SOURCED_FROM, src=NodeKind.PERSON, dst=NodeKind.DOCUMENT,
                rows=chunk)
    assert len(chunk) == 1 and _size(step) == 30
