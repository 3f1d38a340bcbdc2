from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges, kind_of
from graph.queries.registry import named_query


class Params(BaseModel):
    unit_id: str = Field(title="单位", min_length=1, max_length=64)


class Row(BaseModel):
    person_id: str
    person_name: str
    post: str
    first_in_command: bool
    team_member: bool
    start: str
    end: str | None


@named_query("unit_posts", params=Params, result=Row)
def unit_posts(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Everyone who held a post at a unit (村两委 of a village): post, first-in-command, from and to."""
    if p.unit_id not in g:
        return []
    rows = [{"person_id": person, "person_name": g.nodes[person]["name"], "post": e["post"],
             "first_in_command": e.get("first_in_command", False), "team_member": e.get("team_member", True),
             "start": e["start"], "end": e.get("end")}
            for person, e in in_edges(g, p.unit_id, "HOLDS_POST") if kind_of(g, person) == "Person"]
    rows.sort(key=lambda r: (r["start"], r["person_id"], r["post"]))
    return rows
