from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.registry import named_query
from graph.stores.embedded import TYPE


class Params(BaseModel):
    unit_id: str | None = Field(default=None, title="单位（不填为全部；填则为其前后单位）", max_length=64)


class Row(BaseModel):
    unit_id: str
    unit_name: str
    successor_id: str
    successor_name: str
    on: str | None
    mode: str


@named_query("unit_successions", params=Params, result=Row)
def unit_successions(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """机构沿革: each SUCCEEDED_BY edge (old unit → the unit it became), with its date and mode."""
    rows = []
    for old, new, a in g.edges(data=True):
        if a[TYPE] != "SUCCEEDED_BY":
            continue
        if p.unit_id is not None and p.unit_id not in (old, new):
            continue
        rows.append({"unit_id": old, "unit_name": g.nodes[old]["name"], "successor_id": new,
                     "successor_name": g.nodes[new]["name"], "on": a.get("on"), "mode": a.get("mode", "renamed")})
    rows.sort(key=lambda r: (r["unit_id"], r["successor_id"]))
    return rows
