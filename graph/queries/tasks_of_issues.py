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
    task_id: str
    seq: int
    level: str
    measure: str
    owner: str | None
    deadline: str
    done_date: str | None
    status: str
    evidence: str | None


@named_query("tasks_of_issues", params=Params, result=Row)
def tasks_of_issues(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """The rectification tasks of some issues, with level, deadline, done date and evidence."""
    rows = []
    for issue in set(p.issue_ids):
        if issue not in g:
            continue
        for task, _ in in_edges(g, issue, "RECTIFIES"):
            t = g.nodes[task]
            rows.append({"issue_id": issue, "task_id": task, "seq": t["seq"], "level": t["level"],
                         "measure": t["measure"], "owner": t.get("owner"), "deadline": t["deadline"],
                         "done_date": t.get("done_date"), "status": t["status"], "evidence": t.get("evidence")})
    rows.sort(key=lambda r: (r["issue_id"], r["seq"], r["task_id"]))
    return rows
