from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges, kind_of, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    unit_id: str = Field(title="单位", max_length=64)


class Row(BaseModel):
    unit_id: str
    unit_name: str
    via_id: str
    via_name: str
    last_inspected: str | None


def _siblings(g: nx.MultiDiGraph, unit: str, edge_type: str) -> set[tuple[str, str]]:
    """(sibling, parent) pairs under every parent the unit has by ``edge_type``."""
    return {(s, parent) for parent, _ in out_edges(g, unit, edge_type)
            for s, _ in in_edges(g, parent, edge_type) if s != unit}


@named_query("peer_units", params=Params, result=Row)
def peer_units(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Units of the same kind as one unit (villages of its township, else units under its regulator), last inspected."""
    if p.unit_id not in g or kind_of(g, p.unit_id) != "Unit":
        return []
    pairs = _siblings(g, p.unit_id, "PART_OF") or _siblings(g, p.unit_id, "REGULATED_BY")
    rows = []
    for peer, via in pairs:
        starts = [g.nodes[r]["start"] for grp, _ in in_edges(g, peer, "INSPECTED") for r, _ in out_edges(g, grp, "IN_ROUND")]
        rows.append({"unit_id": peer, "unit_name": g.nodes[peer]["name"], "via_id": via,
                     "via_name": g.nodes[via]["name"], "last_inspected": max(starts) if starts else None})
    rows.sort(key=lambda r: (r["unit_id"], r["via_id"]))
    return rows
