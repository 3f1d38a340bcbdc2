"""What a write of the embedded store will put in the file, worked out against the graph held in memory.

Planning is apart from committing because a plan is only good for the graph it was made against: properties are
merged with what that graph holds, edges' ends and a deletion's ties are checked in it. The store commits a plan
only if no other process wrote since (:meth:`~graph.stores.embedded.EmbeddedStore._planned`), and plans again if
one did — a plan made against an older graph could bring back a deleted node's edge or overwrite another's write.
A merge (:func:`merged`) is planned the same way, so the edges it moves are those the file holds when it commits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from graph.model import EdgeRecord, EdgeType, NodeKind, NodeRecord
from graph.stores import base
from graph.stores.changelog import EdgeRows, NodeRows
from graph.stores.sqlite_file import KIND, TYPE


def merge_nodes(g: nx.MultiDiGraph, nodes: Iterable[NodeRecord]) -> NodeRows:
    """Each node's row as it will be stored: its new properties over those the graph holds (``SET n +=``)."""
    merged: NodeRows = {}
    for node in nodes:
        if node.id in merged:
            props = merged[node.id][1]
        elif node.id in g:
            props = {k: v for k, v in g.nodes[node.id].items() if k != KIND}
        else:
            props = {}
        merged[node.id] = (node.kind.value, {**props, **node.props})
    return merged


def merge_edges(g: nx.MultiDiGraph, edges: Iterable[EdgeRecord], new_nodes: NodeRows) -> EdgeRows:
    """Each edge's row as it will be stored (a property given as None is removed, as Neo4j's ``SET r.k = null``
    removes it); refuses the whole write if an end is neither held nor written now with its kind, or a property is
    not its type's."""
    merged: EdgeRows = {}
    for edge in edges:
        base.check_edge_props(((edge.type, edge.id, edge.props),))
        for end, kind in ((edge.src, edge.src_kind), (edge.dst, edge.dst_kind)):
            have = new_nodes[end][0] if end in new_nodes else g.nodes[end][KIND] if end in g else None
            if have != kind.value:
                raise base.DanglingEdgeError(
                    f"关系 {edge.type.value}（{edge.type.label_zh}）的端点 {end} 不是已有的"
                    f"{kind.label_zh}节点，整批写入已取消")
        if edge.id in merged:
            props = merged[edge.id][3]
        elif g.has_edge(edge.src, edge.dst, edge.id):
            props = {k: v for k, v in g.edges[edge.src, edge.dst, edge.id].items() if k != TYPE}
        else:
            props = {}
        merged[edge.id] = (edge.type.value, edge.src, edge.dst,
                           {k: v for k, v in {**props, **edge.props}.items() if v is not None})  # SET r.k = null
    return merged


def doomed(g: nx.MultiDiGraph, node_ids: Iterable[str], may_cut: base.Cuttable) -> tuple[list[str], list[str]]:
    """The node ids and edge ids a deletion removes (ids not held are passed over); raises
    :class:`~graph.stores.base.NodeInUse` if an edge ``may_cut`` does not allow ties one to a node that stays."""
    nodes = {n for n in node_ids if n in g}
    edges: set[str] = set()
    ties: list[base.Tie] = []
    for n in sorted(nodes):
        for s, d, k, a in [*g.out_edges(n, keys=True, data=True), *g.in_edges(n, keys=True, data=True)]:
            edges.add(k)
            t, (outgoing, other) = EdgeType(a[TYPE]), ((True, d) if s == n else (False, s))
            if (other not in nodes and t not in (may_cut.outgoing if outgoing else may_cut.incoming)
                    and not base.written_by(may_cut, t, a, other)):
                ties.append(base.Tie(n, t, other, outgoing))
    if ties:
        raise base.NodeInUse(sorted(ties)[:base.TIES_SHOWN])
    return sorted(nodes), sorted(edges)


def node_of(nid: str, attrs: dict[str, Any]) -> NodeRecord:
    """A node held in the graph (its attributes) as its record."""
    return NodeRecord(id=nid, kind=NodeKind(attrs[KIND]), props={k: v for k, v in attrs.items() if k != KIND})


def edge_of(g: nx.MultiDiGraph, src: str, dst: str, eid: str, attrs: dict[str, Any]) -> EdgeRecord:
    """An edge held in the graph (its attributes) as its record."""
    return EdgeRecord(id=eid, type=EdgeType(attrs[TYPE]), src=src, src_kind=NodeKind(g.nodes[src][KIND]), dst=dst,
                      dst_kind=NodeKind(g.nodes[dst][KIND]), props={k: v for k, v in attrs.items() if k != TYPE})


def merged(g: nx.MultiDiGraph, node_id: str, into: str, renamed: Callable[[EdgeRecord], str]
           ) -> tuple[EdgeRows, tuple[list[str], list[str]], base.Merged]:
    """A merge of ``node_id`` into ``into``: the moved edges' rows, what goes (the node, its edges), and what moved."""
    node, kept = (node_of(n, g.nodes[n]) if n in g else None for n in (node_id, into))
    base.check_merge(node, kept, node_id, into)
    assert node is not None
    ends = [*g.out_edges(node_id, keys=True), *g.in_edges(node_id, keys=True)]
    originals = sorted({k: edge_of(g, s, d, k, g.edges[s, d, k]) for s, d, k in ends}.values(), key=lambda e: e.id)
    copies = base.moved_copies(originals, node_id, into, renamed)
    held = {c.id for c in copies if g.has_edge(c.src, c.dst, c.id)}
    rows = merge_edges(g, [c for c in copies if c.id not in held], {})
    return rows, ([node_id], [e.id for e in originals]), base.Merged(node, originals, sorted(held))


def dropped_edges(g: nx.MultiDiGraph, dropping: Iterable[EdgeRecord]) -> list[str]:
    """The ids of the edges to drop that the graph holds (by type and id)."""
    return sorted({e.id for e in dropping if g.has_edge(e.src, e.dst, e.id)
                   and g.edges[e.src, e.dst, e.id][TYPE] == e.type.value})


def removed(g: nx.MultiDiGraph, removing: base.Removing) -> tuple[list[str], list[str]]:
    """What a write's ``removing`` takes out: the nodes and edges a deletion removes, and the edges dropped."""
    nodes, edges = doomed(g, removing.nodes, removing.may_cut)
    return nodes, sorted({*edges, *dropped_edges(g, removing.dropping)})
