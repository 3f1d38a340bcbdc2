from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import kind_of, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    unit_ids: list[str] = Field(title="单位", max_length=100_000)


class Row(BaseModel):
    unit_id: str
    unit_name: str
    unit_kind: str
    township_id: str | None
    township_name: str | None


@named_query("rectification_units", params=Params, result=Row, trusted=True)
def rectification_units(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Units of the dashboard with kind and township (a township is its own; a village's is its PART_OF)."""
    rows = []
    for unit in set(p.unit_ids):
        if unit not in g or kind_of(g, unit) != "Unit":
            continue
        u = g.nodes[unit]
        towns = sorted(t for t, _ in out_edges(g, unit, "PART_OF") if g.nodes[t].get("unit_kind") == "township")
        town = unit if u["unit_kind"] == "township" else (towns[0] if towns else None)
        rows.append({"unit_id": unit, "unit_name": u["name"], "unit_kind": u["unit_kind"], "township_id": town,
                     "township_name": g.nodes[town]["name"] if town else None})
    rows.sort(key=lambda r: r["unit_id"])
    return rows
