from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges
from graph.queries.registry import named_query

LINEAGE_DEPTH = 5  # successions followed back from the unit (the Cypher's *0..5)


class Params(BaseModel):
    unit_id: str = Field(title="单位", min_length=1, max_length=64)
    on: date = Field(title="日期")


class Row(BaseModel):
    person_id: str
    name: str
    post: str
    start: str
    end: str | None
    unit_id: str = Field(title="任职单位")
    predecessor: bool = Field(title="前身单位（机构改革前）")


def held_on(g: nx.MultiDiGraph, unit_id: str, day: str) -> set[str]:
    """The unit and its predecessors not yet reformed on ``day``: SUCCEEDED_BY edges (old → new) followed back
    from the unit, each dated after the day or undated, at most LINEAGE_DEPTH steps."""
    seen, frontier = {unit_id}, [unit_id]
    for _ in range(LINEAGE_DEPTH):
        step = []
        for unit in frontier:
            for old, e in in_edges(g, unit, "SUCCEEDED_BY"):
                if old not in seen and (e.get("on") is None or day < e["on"]):
                    seen.add(old)
                    step.append(old)
        frontier = step
    return seen


@named_query("first_in_command_on", params=Params, result=Row)
def first_in_command_on(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Who was the unit's first-in-command (一把手) on a date, following its lineage back before a reform."""
    if p.unit_id not in g:
        return []
    day = p.on.isoformat()
    rows = {(person, e["post"], e["start"], e.get("end"), held): {
                "person_id": person, "name": g.nodes[person]["name"], "post": e["post"], "start": e["start"],
                "end": e.get("end"), "unit_id": held, "predecessor": held != p.unit_id}
            for held in held_on(g, p.unit_id, day)
            for person, e in in_edges(g, held, "HOLDS_POST")
            if e.get("first_in_command") and e["start"] <= day and (e.get("end") is None or day <= e["end"])}
    return sorted(rows.values(), key=lambda r: (r["start"], r["person_id"], r["unit_id"]))
