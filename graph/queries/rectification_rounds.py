from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import SortedIds, in_edges, nodes_of_kind, out_edges
from graph.queries.registry import named_query
from graph.stores.embedded import KIND


class Params(BaseModel):
    round_ids: list[str] | None = Field(default=None, title="轮次（不填为全部）", max_length=1000)


class Row(BaseModel):
    round_id: str
    title: str
    county: str
    number: int
    start: str
    end_date: str | None
    unit_ids: SortedIds


@named_query("rectification_rounds", params=Params, result=Row, trusted=True)
def rectification_rounds(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Rounds of the rectification dashboard: title, dates and the units inspected (those without issues too)."""
    chosen = set(p.round_ids) if p.round_ids is not None else None
    nodes, rows = g._node, []
    for rnd in nodes_of_kind(g, "Round"):
        if chosen is not None and rnd not in chosen:
            continue
        units = [u for grp, _ in in_edges(g, rnd, "IN_ROUND") if nodes[grp][KIND] == "Group"
                 for u, _ in out_edges(g, grp, "INSPECTED") if nodes[u][KIND] == "Unit"]
        r = nodes[rnd]
        rows.append({"round_id": rnd, "title": r["title"], "county": r["county"], "number": r["number"],
                     "start": r["start"], "end_date": r.get("end"), "unit_ids": sorted(set(units))})
    rows.sort(key=lambda r: (r["county"], r["start"], r["round_id"]))
    return rows
