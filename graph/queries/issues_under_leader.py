from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import issues_found_at, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    person_id: str = Field(title="人员", min_length=1, max_length=64)


class Row(BaseModel):
    issue_id: str
    unit_id: str
    unit_name: str
    round_id: str
    category: str
    found_date: str
    text: str


@named_query("issues_under_leader", params=Params, result=Row)
def issues_under_leader(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Issues found at units while this person was their first-in-command."""
    if p.person_id not in g:
        return []
    found: dict[str, dict[str, Any]] = {}
    for unit, post in out_edges(g, p.person_id, "HOLDS_POST"):
        if not post.get("first_in_command"):
            continue
        for issue, a in issues_found_at(g, unit):
            if post["start"] <= a["found_date"] and (
                    post.get("end") is None or a["found_date"] <= post["end"]):
                found[issue] = {"issue_id": issue, "unit_id": unit, "unit_name": g.nodes[unit]["name"],
                                "round_id": a["round_id"], "category": a["category"],
                                "found_date": a["found_date"], "text": a["text"]}
    return sorted(found.values(), key=lambda r: (r["found_date"], r["unit_id"], r["issue_id"]))
