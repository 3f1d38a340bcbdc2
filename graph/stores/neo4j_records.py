"""Records and plain values from what the Neo4j driver returns: nodes and relationships as the model's records,
console answers as JSON."""

from __future__ import annotations

from typing import Any

from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point

from graph.model import EdgeRecord, EdgeType, NodeKind, NodeRecord


def plain(value: Any) -> Any:
    """Console values as JSON: nodes and relationships as their properties with kind and id, paths as both."""
    if isinstance(value, Node):
        kinds = [label for label in value.labels if label in _KINDS]
        return {"kind": kinds[0] if kinds else ":".join(sorted(value.labels)), **plain(dict(value))}
    if isinstance(value, Relationship):
        return {"type": value.type, **plain(dict(value))}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if hasattr(value, "iso_format"):  # dates, times and durations (a Duration is also a tuple)
        return value.iso_format()
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, bytes | bytearray):
        return value.hex()
    return value


_KINDS = frozenset(kind.value for kind in NodeKind)


def kind_of(node: Node) -> NodeKind:
    return NodeKind(next(label for label in node.labels if label != "Entity"))


def node_record(node: Node) -> NodeRecord:
    props = dict(node)
    return NodeRecord(id=props.pop("id"), kind=kind_of(node), props=props)


def edge_record(rel: Relationship, start: Node, end: Node) -> EdgeRecord:
    """Endpoints come as full nodes: those inside a lone relationship carry no labels."""
    props = dict(rel)
    return EdgeRecord(id=props.pop("id"), type=EdgeType(rel.type), src=start["id"], src_kind=kind_of(start),
                      dst=end["id"], dst_kind=kind_of(end), props=props)
