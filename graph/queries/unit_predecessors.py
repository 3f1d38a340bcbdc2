from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges, out_edges
from graph.queries.registry import named_query

MAX_STEPS = 5  # reforms chained further back than this are not followed (as first_in_command_on)


class Params(BaseModel):
    unit_ids: list[str] = Field(title="单位", max_length=100_000)


class Row(BaseModel):
    unit_id: str
    predecessor_id: str
    on: str | None


@named_query("unit_predecessors", params=Params, result=Row)
def unit_predecessors(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """机构沿革 backwards: each unit's former units (renamed or merged into it, up to five reforms back), with the
    day each former unit ended. Walks only the units asked about, so a profile does not scan the whole graph."""
    rows = []
    for unit in sorted(set(p.unit_ids)):
        if unit not in g:
            continue
        found: dict[str, str | None] = {}
        frontier = [unit]
        for _ in range(MAX_STEPS):
            later = []
            for node in frontier:
                for old, _ in in_edges(g, node, "SUCCEEDED_BY"):
                    if old != unit and old not in found:
                        ended = [str(a["on"]) for _, a in out_edges(g, old, "SUCCEEDED_BY") if a.get("on") is not None]
                        found[old] = min(ended, default=None)  # the day it ended: its earliest reform
                        later.append(old)
            frontier = later
        rows += [{"unit_id": unit, "predecessor_id": old, "on": on} for old, on in found.items()]
    rows.sort(key=lambda r: (r["unit_id"], r["predecessor_id"]))
    return rows
