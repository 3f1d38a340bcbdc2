from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges, kind_of, nodes_of_kind, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    round_ids: list[str] | None = Field(default=None, title="轮次（不填为全部）", max_length=1000)


class Row(BaseModel):
    issue_id: str
    code: str | None
    text: str
    category: str
    top_category: str | None
    severity: str
    status: str
    found_date: str
    round_id: str
    unit_id: str


@named_query("rectification_issues", params=Params, result=Row)
def rectification_issues(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Issues found in some rounds (or all): unit, category, severity and status, for rectification rates."""
    rounds = [r for r in p.round_ids if r in g] if p.round_ids is not None else list(nodes_of_kind(g, "Round"))
    rows = []
    for rnd in set(rounds):
        for issue, _ in in_edges(g, rnd, "FOUND_IN"):
            if kind_of(g, issue) != "Issue" or kind_of(g, rnd) != "Round":
                continue
            i = g.nodes[issue]
            for unit, _ in out_edges(g, issue, "FOUND_AT"):
                if kind_of(g, unit) == "Unit":
                    rows.append({"issue_id": issue, "code": i.get("code"), "text": i["text"],
                                 "category": i["category"], "top_category": i.get("top_category"),
                                 "severity": i["severity"], "status": i["status"], "found_date": i["found_date"],
                                 "round_id": rnd, "unit_id": unit})
    rows.sort(key=lambda r: (r["round_id"], r["unit_id"], r["issue_id"]))
    return rows
