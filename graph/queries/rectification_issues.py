from __future__ import annotations

from operator import itemgetter
from typing import Annotated, Any

import networkx as nx
from pydantic import AfterValidator, BaseModel, Field

from graph.model.enums import NodeKind
from graph.queries.common import SortedIds, nodes_of_kind, only_edge
from graph.queries.registry import named_query
from graph.stores.embedded import KIND, TYPE

# Edges the model allows only one way need no type check (the store refuses edges the model does not allow).
ISSUE_ONLY_FOUND_IN = only_edge(NodeKind.ISSUE, NodeKind.ROUND, "FOUND_IN")
TASK_ONLY_RECTIFIES = only_edge(NodeKind.TASK, NodeKind.ISSUE, "RECTIFIES")
LETTER_ONLY_CONCERNS = only_edge(NodeKind.LETTER, NodeKind.ISSUE, "CONCERNS")


class Params(BaseModel):
    round_ids: list[str] | None = Field(default=None, title="轮次（不填为全部）", max_length=1000)


class TaskLine(BaseModel):
    task_id: str
    status: str
    deadline: str
    measure: str
    owner: str | None


def _by_task_id(tasks: list[TaskLine]) -> list[TaskLine]:
    return sorted(tasks, key=lambda t: t.task_id)


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
    relapse_of: SortedIds
    letter_ids: SortedIds
    tasks: Annotated[list[TaskLine], AfterValidator(_by_task_id)]


@named_query("rectification_issues", params=Params, result=Row, trusted=True)
def rectification_issues(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Issues found in some rounds (or all): unit, category, severity, status, the rectified issues each is a
    relapse of (REPEATS marked relapse), the letters concerning it and its rectification tasks — everything the
    dashboard counts, read in one walk (the tasks and the letters are both among the issue's incoming edges)."""
    rounds = [r for r in p.round_ids if r in g] if p.round_ids is not None else nodes_of_kind(g, "Round")
    nodes, rows = g._node, []  # the raw node dict: NodeView lookups cost as much as the rest
    for rnd in set(rounds):
        if nodes[rnd][KIND] != "Round":
            continue
        for issue, keyed in g._pred[rnd].items():
            i = nodes[issue]
            if i[KIND] != "Issue" or not (ISSUE_ONLY_FOUND_IN or any(a[TYPE] == "FOUND_IN" for a in keyed.values())):
                continue
            relapse_of, units = [], []
            for other, keyed in g._succ[issue].items():  # one pass over the issue's edges for both
                for attrs in keyed.values():
                    if attrs[TYPE] == "FOUND_AT" and nodes[other][KIND] == "Unit":
                        units.append(other)
                    elif attrs[TYPE] == "REPEATS" and attrs.get("relapse") is True and nodes[other][KIND] == "Issue":
                        relapse_of.append(other)
            letters, tasks = [], {}
            for x, keyed in g._pred[issue].items():  # one pass for letters and tasks; each source once
                kind = nodes[x][KIND]
                if kind == "Task":
                    if TASK_ONLY_RECTIFIES or any(a[TYPE] == "RECTIFIES" for a in keyed.values()):
                        t = nodes[x]
                        tasks[x] = {"task_id": x, "status": t["status"], "deadline": t["deadline"],
                                    "measure": t["measure"], "owner": t.get("owner")}
                elif kind == "Letter" and (LETTER_ONLY_CONCERNS or any(a[TYPE] == "CONCERNS" for a in keyed.values())):
                    letters.append(x)
            # Most issues have no relapse and at most one letter or task: sort only what can be out of order.
            if len(relapse_of) > 1:
                relapse_of = sorted(set(relapse_of))
            if len(letters) > 1:
                letters.sort()
            task_lines = list(tasks.values()) if len(tasks) < 2 else [tasks[t] for t in sorted(tasks)]
            rows += [{"issue_id": issue, "code": i.get("code"), "text": i["text"], "category": i["category"],
                      "top_category": i.get("top_category"), "severity": i["severity"], "status": i["status"],
                      "found_date": i["found_date"], "round_id": rnd, "unit_id": unit, "relapse_of": relapse_of,
                      "letter_ids": letters, "tasks": task_lines} for unit in units]
    rows.sort(key=itemgetter("round_id", "unit_id", "issue_id"))
    return rows
