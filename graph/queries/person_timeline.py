from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    person_id: str = Field(title="人员", min_length=1, max_length=64)


class Row(BaseModel):
    unit_id: str
    unit_name: str
    post: str
    first_in_command: bool
    start: str
    end: str | None


@named_query("person_timeline", params=Params, result=Row)
def person_timeline(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """A person's posts in time order: where, what, whether first-in-command, from and to."""
    if p.person_id not in g:
        return []
    rows = [{"unit_id": unit, "unit_name": g.nodes[unit]["name"], "post": e["post"],
             "first_in_command": e.get("first_in_command", False), "start": e["start"], "end": e.get("end")}
            for unit, e in out_edges(g, p.person_id, "HOLDS_POST")]
    rows.sort(key=lambda r: (r["start"], r["unit_id"], r["post"]))
    return rows
