from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import display_name, kind_of, props_of
from graph.queries.registry import named_query
from graph.stores.embedded import TYPE


class Params(BaseModel):
    source: str = Field(title="起点", min_length=1, max_length=64)
    target: str = Field(title="终点", min_length=1, max_length=64)
    max_depth: int = Field(default=6, ge=1, le=6, title="最大步数")


class Step(BaseModel):
    id: str
    kind: str
    name: str | None


class Row(BaseModel):
    length: int
    nodes: list[Step]


@named_query("shortest_path", params=Params, result=Row)
def shortest_path(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """The shortest connection between two entities, ignoring provenance links.

    Of several shortest paths the one with the smallest sequence of ids is
    returned, so both stores agree.
    """
    if p.source not in g or p.target not in g or p.source == p.target:
        return []
    view = nx.subgraph_view(g, filter_edge=lambda u, v, k: g.edges[u, v, k][TYPE] != "SOURCED_FROM")
    undirected = view.to_undirected(as_view=True)
    try:
        paths = list(nx.all_shortest_paths(undirected, p.source, p.target))
    except nx.NetworkXNoPath:
        return []
    best = min(paths)
    if len(best) - 1 > p.max_depth:
        return []
    return [{"length": len(best) - 1,
             "nodes": [{"id": n, "kind": kind_of(g, n), "name": display_name(props_of(g, n))} for n in best]}]
