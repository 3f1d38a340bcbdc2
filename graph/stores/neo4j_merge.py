"""A node merged into another on Neo4j, and undone, each in one transaction that reads what it changes.

A merge reads the merged node's edges inside its own write transaction, after writing the node (``_deleting``):
a session tying an edge to that node meanwhile meets the write and waits or is retried by the server's deadlock
detection; one committed between the reading and the deletion makes the node's ``DELETE`` (without ``DETACH``)
fail, and the store runs the merge again, reading it this time. Relationship types come from the model's enum.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from neo4j import ManagedTransaction

from graph.model import EdgeRecord, EdgeType
from graph.stores.base import Merged, StoreError, check_merge, moved_copies
from graph.stores.neo4j_records import edge_record, node_record


def _by_type(edges: Iterable[EdgeRecord]) -> dict[EdgeType, list[EdgeRecord]]:
    out: dict[EdgeType, list[EdgeRecord]] = defaultdict(list)
    for e in edges:
        out[e.type].append(e)
    return out


def drop(tx: ManagedTransaction, edges: Iterable[EdgeRecord]) -> None:
    """Delete these edges (by type and id); those not stored are passed over."""
    for t, group in _by_type(edges).items():
        tx.run(f"UNWIND $ids AS id MATCH ()-[r:{t.value} {{id: id}}]->() DELETE r",
               ids=sorted({e.id for e in group})).consume()


def merge(tx: ManagedTransaction, node_id: str, into: str, renamed: Callable[[EdgeRecord], str]) -> Merged:
    """Move every edge of ``node_id`` to ``into`` under the ids ``renamed`` gives (an id ``into`` already holds keeps
    its own edge as it is), then delete ``node_id``."""
    tx.run("MATCH (n:Entity {id: $id}) SET n._deleting = true", id=node_id).consume()  # others wait from here
    found = {row["n"]["id"]: node_record(row["n"]) for row in tx.run(
        "MATCH (n:Entity) WHERE n.id IN [$id, $into] RETURN n", id=node_id, into=into)}
    node = found.get(node_id)
    check_merge(node, found.get(into), node_id, into)
    assert node is not None
    node.props.pop("_deleting", None)
    originals = sorted({(e := edge_record(r["r"], r["a"], r["b"])).id: e for r in tx.run(
        "MATCH (n:Entity {id: $id})-[r]-() RETURN r, startNode(r) AS a, endNode(r) AS b", id=node_id)}.values(),
        key=lambda e: e.id)
    copies = moved_copies(originals, node_id, into, renamed)
    kept: set[str] = set()
    for t, group in _by_type(copies).items():
        kept.update(r["id"] for r in tx.run(f"UNWIND $ids AS id MATCH ()-[r:{t.value} {{id: id}}]->() RETURN r.id AS id",
                                            ids=sorted({c.id for c in group})))
    drop(tx, originals)
    for t, group in _by_type([c for c in copies if c.id not in kept]).items():
        rows = [{"id": c.id, "src": c.src, "dst": c.dst, "p": c.props} for c in group]
        made = tx.run(f"UNWIND $rows AS row MATCH (a:Entity {{id: row.src}}) MATCH (b:Entity {{id: row.dst}}) "
                      f"MERGE (a)-[r:{t.value} {{id: row.id}}]->(b) SET r += row.p RETURN count(*) AS n",
                      rows=rows).single(strict=True)["n"]
        if made != len(rows):  # an end was deleted meanwhile: the whole merge is rolled back
            raise StoreError(f"合并时关系 {t.value} 的另一端已被删除，未合并；请重试")
    tx.run("MATCH (n:Entity {id: $id}) DELETE n", id=node_id).consume()
    return Merged(node, originals, sorted(kept))
