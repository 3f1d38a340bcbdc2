"""From the ``incident_edges`` rows to the workbench's nodes and links (labels in Chinese, supernodes marked)."""

from __future__ import annotations

from typing import Any

from graph.explore.model import Link, Node
from graph.model import EdgeType, NodeKind


def kind_zh(kind: str) -> str:
    try:
        return NodeKind(kind).label_zh
    except ValueError:
        return kind


def edge_zh(edge_type: str) -> str:
    try:
        return EdgeType(edge_type).label_zh
    except ValueError:
        return edge_type


def link_of(row: dict[str, Any], supernode_degree: int) -> Link:
    node = Node(id=row["neighbour_id"], kind=row["neighbour_kind"], kind_zh=kind_zh(row["neighbour_kind"]),
                name=row["neighbour_name"], degree=row["neighbour_degree"],
                supernode=row["neighbour_degree"] > supernode_degree)
    return Link(edge_type=row["edge_type"], label_zh=edge_zh(row["edge_type"]), direction=row["direction"],
                start=row["start"], end=row["end"], when=row["when"], node=node)


def date_of(link: Link) -> str | None:
    """The date a link is placed by: when the relationship began, else when the other end happened."""
    return link.start or link.when


def in_period(link: Link, since: str | None, until: str | None) -> bool:
    """A dated link inside [since, until] (a post counts while it lasted); an undated one always."""
    first = date_of(link)
    if first is None:
        return True
    last = link.end or first
    return (since is None or last >= since) and (until is None or first <= until)


def group_key(link: Link) -> tuple[str, str, str]:
    return link.edge_type, link.direction, link.node.kind
