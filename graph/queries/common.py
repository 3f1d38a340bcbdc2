"""Small helpers the networkx twins share (reading the store's attribute layout)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import networkx as nx
from pydantic import AfterValidator

from graph.model.edges import EDGE_SPECS
from graph.model.enums import NodeKind
from graph.stores.embedded import KIND, TYPE


def kind_of(g: nx.MultiDiGraph, node: str) -> str:
    return g._node[node][KIND]


def props_of(g: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    return {k: v for k, v in g._node[node].items() if k != KIND}


# The edge helpers read networkx's adjacency dicts directly, in the order its edge views would give: building a
# view per call costs more than the walk itself when a twin visits every issue of a city (issue 18).

def out_edges(g: nx.MultiDiGraph, node: str, edge_type: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(target, edge attributes) of ``node``'s outgoing edges of one type."""
    for dst, keyed in g._succ[node].items():
        for attrs in keyed.values():
            if attrs[TYPE] == edge_type:
                yield dst, attrs


def in_edges(g: nx.MultiDiGraph, node: str, edge_type: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(source, edge attributes) of ``node``'s incoming edges of one type."""
    for src, keyed in g._pred[node].items():
        for attrs in keyed.values():
            if attrs[TYPE] == edge_type:
                yield src, attrs


def only_edge(src: NodeKind, dst: NodeKind, edge_type: str) -> bool:
    """Whether the model joins ``src`` to ``dst`` by ``edge_type`` and nothing else: a twin walking such edges by
    the endpoints' kinds then needs no check of the type (the store refuses edges the model does not allow).

    >>> only_edge(NodeKind.TASK, NodeKind.ISSUE, "RECTIFIES"), only_edge(NodeKind.PERSON, NodeKind.UNIT, "OVERSEES")
    (True, False)
    """
    return [s.type.value for s in EDGE_SPECS.values() if src in s.sources and dst in s.targets] == [edge_type]


def issues_found_at(g: nx.MultiDiGraph, unit: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, attributes) of the issues found at a unit (findings of other channels left out)."""
    for src, _ in in_edges(g, unit, "FOUND_AT"):
        if g.nodes[src][KIND] == "Issue":
            yield src, g.nodes[src]


def nodes_of_kind(g: nx.MultiDiGraph, kind: str) -> list[str]:
    """Nodes of one kind, read from the raw node dict (a third of the time of networkx's node view)."""
    return [n for n, attrs in g._node.items() if attrs[KIND] == kind]


def display_name(props: dict[str, Any]) -> str | None:
    """What a person reads as the node's name (names, titles, codes, files, texts; a rectification task's measure)."""
    for key in ("name", "title", "code", "path", "text", "measure"):
        if props.get(key) is not None:
            return str(props[key])
    return None


def _sorted_unique(values: list[str]) -> list[str]:
    return sorted(set(values))


# Lists collected in Cypher come in no guaranteed order; both backends sort them in the result model.
SortedIds = Annotated[list[str], AfterValidator(_sorted_unique)]
