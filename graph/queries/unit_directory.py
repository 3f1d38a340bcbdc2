from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import nodes_of_kind
from graph.queries.registry import named_query


class Params(BaseModel):
    county: str | None = Field(default=None, title="县（市、区）（不填为全部）", max_length=64)


class Row(BaseModel):
    id: str
    name: str
    county: str
    parent_name: str
    aliases: list[str]
    unit_kind: str


@named_query("unit_directory", params=Params, result=Row)
def unit_directory(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Units with their township, aliases and kind: what ledger loading resolves names against."""
    rows = []
    for unit in nodes_of_kind(g, "Unit"):
        a = g.nodes[unit]
        if p.county is None or a.get("county") == p.county:
            rows.append({"id": unit, "name": a["name"], "county": a["county"], "parent_name": a.get("parent_name") or "",
                         "aliases": a.get("aliases") or [], "unit_kind": a["unit_kind"]})
    rows.sort(key=lambda r: r["id"])
    return rows
