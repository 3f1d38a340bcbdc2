from __future__ import annotations

from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import nodes_of_kind, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    kind: Literal["Issue", "Finding"] | None = Field(default=None, title="类别（问题或监督发现；不填为两者）")


class Row(BaseModel):
    id: str
    kind: str
    code: str | None
    raw_category: str
    category: str
    text: str | None
    unit_id: str | None
    unit_name: str | None


@named_query("pending_categories", params=Params, result=Row)
def pending_categories(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Issues and findings held 待归类: under 其他 with the clerk's own label kept (``raw_category``).

    A record whose file was loaded again after an alias was added has its category but still the label (a load
    never removes a property): listed too, so ``xuncha categories apply`` clears it.
    """
    rows = []
    for kind in ("Issue", "Finding"):
        if p.kind not in (None, kind):
            continue
        for node in nodes_of_kind(g, kind):
            a = g.nodes[node]
            if a.get("raw_category") is None:
                continue
            units: list[str | None] = [u for u, _ in out_edges(g, node, "FOUND_AT")] or [None]
            for unit in units:
                rows.append({"id": node, "kind": kind, "code": a.get("code"), "raw_category": a["raw_category"],
                             "category": a["category"], "text": a.get("text"), "unit_id": unit,
                             "unit_name": g.nodes[unit].get("name") if unit is not None else None})
    rows.sort(key=lambda r: (r["raw_category"], r["id"]))
    return rows
