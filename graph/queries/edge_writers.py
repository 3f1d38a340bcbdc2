from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.registry import named_query


class Ref(BaseModel):
    id: str = Field(title="关系标识", max_length=40)
    src: str = Field(title="起点", max_length=40)
    dst: str = Field(title="终点", max_length=40)


class Params(BaseModel):
    edges: list[Ref] = Field(title="关系", max_length=500_000)


class Row(BaseModel):
    id: str
    source_doc: str | None
    also_from: list[str]


@named_query("edge_writers", params=Params, result=Row)
def edge_writers(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Of the relationships a load is about to write, those the graph holds and the files whose rows gave them
    (``source_doc``, the last; ``also_from``, the others): a file written now joins them instead of replacing them."""
    rows = {e.id: g.edges[e.src, e.dst, e.id] for e in p.edges if g.has_edge(e.src, e.dst, e.id)}
    return [{"id": k, "source_doc": d.get("source_doc"), "also_from": list(d.get("also_from") or [])}
            for k, d in sorted(rows.items())]
