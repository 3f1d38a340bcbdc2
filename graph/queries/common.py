"""Small helpers the networkx twins share (reading the store's attribute layout)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import networkx as nx
from pydantic import AfterValidator

from graph.stores.embedded import KIND, TYPE


def kind_of(g: nx.MultiDiGraph, node: str) -> str:
    return g.nodes[node][KIND]


def props_of(g: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    return {k: v for k, v in g.nodes[node].items() if k != KIND}


def out_edges(g: nx.MultiDiGraph, node: str, edge_type: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(target, edge attributes) of ``node``'s outgoing edges of one type."""
    for _, dst, attrs in g.out_edges(node, data=True):
        if attrs[TYPE] == edge_type:
            yield dst, attrs


def in_edges(g: nx.MultiDiGraph, node: str, edge_type: str) -> Iterator[tuple[str, dict[str, Any]]]:
    for src, _, attrs in g.in_edges(node, data=True):
        if attrs[TYPE] == edge_type:
            yield src, attrs


def issues_found_at(g: nx.MultiDiGraph, unit: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(id, attributes) of the issues found at a unit (findings of other channels left out)."""
    for src, _ in in_edges(g, unit, "FOUND_AT"):
        if g.nodes[src][KIND] == "Issue":
            yield src, g.nodes[src]


def nodes_of_kind(g: nx.MultiDiGraph, kind: str) -> Iterator[str]:
    return (n for n, k in g.nodes(data=KIND) if k == kind)


def display_name(props: dict[str, Any]) -> str | None:
    """What a person reads as the node's name (names, codes, titles, texts)."""
    for key in ("name", "title", "code", "path", "text"):
        if props.get(key) is not None:
            return str(props[key])
    return None


def _sorted_unique(values: list[str]) -> list[str]:
    return sorted(set(values))


# Lists collected in Cypher come in no guaranteed order; both backends sort them in the result model.
SortedIds = Annotated[list[str], AfterValidator(_sorted_unique)]
