"""Nodes deleted on Neo4j inside a write transaction, refusing ties ``may_cut`` does not allow.

The nodes are written first (``_deleting``, gone with them): a session tying one of them to the graph meanwhile
meets that write, and the server's deadlock detection makes one of the two retry. Behind that, only the edges read
and allowed are deleted, then the nodes without ``DETACH``: a tie committed after the ties were read makes the
server refuse the deletion (the caller runs it again, or reports it); a write that comes after finds no node and
refuses too. Edge types and the document travel as parameters.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from neo4j import ManagedTransaction

from graph.model import EdgeType
from graph.stores import base

# base.written_by in Cypher (r, m the edge and its other end; $doc the document or null): coalesce, for a null
# comparison would make NOT of it null and let a tie pass unseen
WRITTEN_BY = ("coalesce((r.source_doc = $doc AND size(coalesce(r.also_from, [])) = 0) "
              "OR (type(r) = 'SOURCED_FROM' AND m.id = $doc), false)")


def delete(tx: ManagedTransaction, node_ids: Iterable[str], may_cut: base.Cuttable) -> tuple[int, int]:
    """Delete these nodes and their edges; (nodes, edges) deleted, or :class:`~graph.stores.base.NodeInUse`."""
    ids = sorted(set(node_ids))
    out_ok, in_ok = sorted(t.value for t in may_cut.outgoing), sorted(t.value for t in may_cut.incoming)
    allowed: dict[str, Any] = {"out_ok": out_ok, "in_ok": in_ok, "doc": may_cut.written_from}
    found = tx.run("UNWIND $ids AS id MATCH (n:Entity {id: id}) SET n._deleting = true "
                   "WITH n OPTIONAL MATCH (n)-[r]-() RETURN count(DISTINCT n) AS nodes, "
                   "count(DISTINCT r) AS edges", ids=ids).single()
    if not found or not found["nodes"]:
        return 0, 0
    ties = [base.Tie(r["node"], EdgeType(r["type"]), r["other"], r["outgoing"]) for r in tx.run(
        "UNWIND $ids AS id MATCH (n:Entity {id: id})-[r]-(m:Entity) WHERE NOT m.id IN $ids "
        "WITH n, r, m, startNode(r) = n AS outgoing "
        f"WHERE NOT type(r) IN CASE WHEN outgoing THEN $out_ok ELSE $in_ok END AND NOT {WRITTEN_BY} "
        "RETURN n.id AS node, type(r) AS type, m.id AS other, outgoing ORDER BY node, type, other, outgoing "
        "LIMIT $shown", ids=ids, shown=base.TIES_SHOWN, **allowed)]
    if ties:
        raise base.NodeInUse(ties)
    tx.run("UNWIND $ids AS id MATCH (n:Entity {id: id})-[r]-(m:Entity) WHERE m.id IN $ids "
           f"OR type(r) IN CASE WHEN startNode(r) = n THEN $out_ok ELSE $in_ok END OR {WRITTEN_BY} "
           "WITH DISTINCT r DELETE r", ids=ids, **allowed).consume()
    tx.run("UNWIND $ids AS id MATCH (n:Entity {id: id}) DELETE n", ids=ids).consume()
    return int(found["nodes"]), int(found["edges"])
