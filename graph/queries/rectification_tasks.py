from __future__ import annotations

from operator import itemgetter
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges, nodes_of_kind
from graph.queries.registry import named_query
from graph.stores.embedded import KIND, TYPE


class Params(BaseModel):
    round_ids: list[str] | None = Field(default=None, title="轮次（不填为全部）", max_length=1000)


class Row(BaseModel):
    issue_id: str
    task_id: str
    status: str
    deadline: str
    measure: str
    owner: str | None


@named_query("rectification_tasks", params=Params, result=Row, trusted=True)
def rectification_tasks(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """The tasks of the issues found in some rounds (or all), read at once for the dashboard (``tasks_of_issues``
    takes issue ids, at most 10,000 a call, and reads them one by one)."""
    rounds = [r for r in p.round_ids if r in g] if p.round_ids is not None else nodes_of_kind(g, "Round")
    nodes, seen, rows = g._node, set(), []
    for rnd in set(rounds):
        if nodes[rnd][KIND] != "Round":
            continue
        for issue, _ in in_edges(g, rnd, "FOUND_IN"):
            if nodes[issue][KIND] != "Issue":
                continue
            for task, keyed in g._pred[issue].items():
                t = nodes[task]
                if t[KIND] == "Task" and (issue, task) not in seen and any(a[TYPE] == "RECTIFIES" for a in keyed.values()):
                    seen.add((issue, task))
                    rows.append({"issue_id": issue, "task_id": task, "status": t["status"], "deadline": t["deadline"],
                                 "measure": t["measure"], "owner": t.get("owner")})
    rows.sort(key=itemgetter("issue_id", "task_id"))
    return rows
