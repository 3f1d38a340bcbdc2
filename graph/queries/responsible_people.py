from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    issue_ids: list[str] = Field(title="问题", max_length=10_000)


class Row(BaseModel):
    issue_id: str
    person_id: str
    name: str
    role: str
    derived: bool | None


@named_query("responsible_people", params=Params, result=Row)
def responsible_people(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Who answers for some issues: the first-in-command then, and the team member in charge."""
    rows = []
    for issue in set(p.issue_ids):
        if issue not in g:
            continue
        for person, e in in_edges(g, issue, "RESPONSIBLE_FOR"):
            rows.append({"issue_id": issue, "person_id": person, "name": g.nodes[person]["name"], "role": e["role"],
                         "derived": e.get("derived")})
    rows.sort(key=lambda r: (r["issue_id"], r["role"], r["person_id"]))
    return rows
