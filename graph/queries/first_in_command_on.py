from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    unit_id: str = Field(title="单位", min_length=1, max_length=64)
    on: date = Field(title="日期")


class Row(BaseModel):
    person_id: str
    name: str
    post: str
    start: str
    end: str | None


@named_query("first_in_command_on", params=Params, result=Row)
def first_in_command_on(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Who was the unit's first-in-command (一把手) on a date."""
    if p.unit_id not in g:
        return []
    day = p.on.isoformat()
    rows = [{"person_id": person, "name": g.nodes[person]["name"], "post": e["post"], "start": e["start"],
             "end": e.get("end")}
            for person, e in in_edges(g, p.unit_id, "HOLDS_POST")
            if e.get("first_in_command") and e["start"] <= day and (e.get("end") is None or day <= e["end"])]
    rows.sort(key=lambda r: (r["start"], r["person_id"]))
    return rows
