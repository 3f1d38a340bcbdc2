from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges, nodes_of_kind, out_edges
from graph.queries.registry import named_query

DONE = ("done", "closed")


class Params(BaseModel):
    category: str = Field(title="问题类别", max_length=64)
    county: str | None = Field(default=None, title="县（市、区）", max_length=64)


class Row(BaseModel):
    issue_id: str
    unit_id: str
    unit_name: str
    round_id: str
    round_title: str | None
    round_start: str
    found_date: str
    status: str
    text: str
    deadline: str | None
    open_tasks: int
    relapse: bool


@named_query("category_issues", params=Params, result=Row)
def category_issues(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Every issue of one category with unit, round, status, deadline, open tasks and relapse: 类案 candidates."""
    rows = []
    for issue in nodes_of_kind(g, "Issue"):
        a = g.nodes[issue]
        if a.get("category") != p.category:
            continue
        for unit, _ in out_edges(g, issue, "FOUND_AT"):
            if p.county is not None and g.nodes[unit].get("county") != p.county:
                continue
            for rnd, _ in out_edges(g, issue, "FOUND_IN"):
                tasks = [g.nodes[t] for t, _ in in_edges(g, issue, "RECTIFIES")]
                deadlines = [t["deadline"] for t in tasks if t.get("deadline") is not None]
                rows.append({"issue_id": issue, "unit_id": unit, "unit_name": g.nodes[unit]["name"], "round_id": rnd,
                             "round_title": g.nodes[rnd].get("title"), "round_start": g.nodes[rnd]["start"],
                             "found_date": a["found_date"], "status": a["status"], "text": a["text"],
                             "deadline": max(deadlines) if deadlines else None,
                             "open_tasks": sum(t["status"] not in DONE for t in tasks),
                             "relapse": any(e.get("relapse") for _, e in out_edges(g, issue, "REPEATS"))})
    rows.sort(key=lambda r: r["issue_id"])
    return rows
