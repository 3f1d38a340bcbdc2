from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.model.enums import IssueStatus
from graph.queries.common import issues_found_at
from graph.queries.registry import named_query


class Params(BaseModel):
    unit_id: str = Field(title="单位", min_length=1, max_length=64)
    round_id: str | None = Field(default=None, title="轮次")
    category: str | None = Field(default=None, title="问题类别")
    status: IssueStatus | None = Field(default=None, title="整改状态")


class Row(BaseModel):
    id: str
    round_id: str
    seq: int
    category: str
    status: IssueStatus
    found_date: str
    text: str


@named_query("unit_issues", params=Params, result=Row)
def unit_issues(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Issues found at a unit, optionally of one round, category or status, oldest first."""
    if p.unit_id not in g:
        return []
    rows = []
    for issue, a in issues_found_at(g, p.unit_id):
        if (p.round_id and a["round_id"] != p.round_id) or (p.category and a["category"] != p.category) or (
                p.status and a["status"] != p.status.value):
            continue
        rows.append({"id": issue, **{k: a[k] for k in ("round_id", "seq", "category", "status", "found_date", "text")}})
    rows.sort(key=lambda r: (r["found_date"], r["seq"], r["id"]))
    return rows
