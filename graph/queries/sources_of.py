from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    ids: list[str] = Field(title="节点", max_length=10_000)


class Row(BaseModel):
    id: str
    path: str
    sheet: str | None
    row: int | None
    paragraph: int | None
    place: str | None
    entry: int | None


@named_query("sources_of", params=Params, result=Row)
def sources_of(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Where some nodes were read from: file, sheet and row (or paragraph)."""
    rows = []
    for node in set(p.ids):
        if node not in g:
            continue
        for doc, e in out_edges(g, node, "SOURCED_FROM"):
            rows.append({"id": node, "path": g.nodes[doc]["path"], "sheet": e.get("sheet"), "row": e.get("row"),
                         "paragraph": e.get("paragraph"), "place": e.get("place"), "entry": e.get("entry")})
    rows.sort(key=lambda r: (r["id"], r["path"], r["sheet"] or "", r["row"] or 0))
    return rows
