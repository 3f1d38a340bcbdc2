from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.model.enums import IssueStatus, Severity
from graph.queries.common import in_edges, issues_found_at, nodes_of_kind, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    unit_id: str | None = Field(default=None, title="单位（不填为全部）", max_length=64)


class Row(BaseModel):
    issue_id: str
    unit_id: str
    round_id: str
    round_title: str | None
    round_start: str
    category: str
    top_category: str
    status: IssueStatus
    severity: Severity
    found_date: str
    text: str
    deadline: str | None


@named_query("repeat_candidates", params=Params, result=Row)
def repeat_candidates(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Issues with their unit, round, category, status and latest deadline: the input to repeat scoring."""
    units = [p.unit_id] if p.unit_id else list(nodes_of_kind(g, "Unit"))
    rows = []
    for unit in units:
        if unit not in g:
            continue
        for issue, a in issues_found_at(g, unit):
            for rnd, _ in out_edges(g, issue, "FOUND_IN"):
                r = g.nodes[rnd]
                deadlines = [g.nodes[t]["deadline"] for t, _ in in_edges(g, issue, "RECTIFIES")
                             if g.nodes[t].get("deadline") is not None]
                rows.append({"issue_id": issue, "unit_id": unit, "round_id": rnd, "round_title": r["title"],
                             "round_start": r["start"], "deadline": max(deadlines, default=None),
                             **{k: a[k] for k in ("category", "top_category", "status", "severity", "found_date",
                                                  "text")}})
    rows.sort(key=lambda r: r["issue_id"])
    return rows
