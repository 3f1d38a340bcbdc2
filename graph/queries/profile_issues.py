from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import SortedIds
from graph.queries.profile_items import edges_in
from graph.queries.registry import named_query
from graph.stores.embedded import KIND, TYPE


class Params(BaseModel):
    unit_ids: list[str] = Field(title="单位（可多个）", max_length=20_000)
    as_of: date = Field(title="截至日期")


class Row(BaseModel):
    unit_id: str
    id: str
    round_id: str
    round_title: str | None
    seq: int
    category: str
    status: str
    found_date: str
    text: str
    repeats_of: SortedIds
    relapse_of: SortedIds
    overdue_task_ids: SortedIds


@named_query("profile_issues", params=Params, result=Row)
def profile_issues(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """The issues found at several units by a day, in one pass: round title, tasks overdue that day, repeats."""
    nodes, succ, day = g._node, g._succ, p.as_of.isoformat()  # noqa: SLF001
    rows = []
    for unit in set(p.unit_ids):
        if unit not in nodes or nodes[unit][KIND] != "Unit":
            continue
        for issue in edges_in(g, unit, "FOUND_AT", "Issue"):
            a = nodes[issue]
            if a["found_date"] > day:
                continue
            repeats = [(b, e) for b, keyed in succ[issue].items() if nodes[b][KIND] == "Issue"
                       for e in keyed.values() if e[TYPE] == "REPEATS"]
            rnd = nodes.get(a["round_id"])
            rows.append({"unit_id": unit, "id": issue, "round_id": a["round_id"],
                         "round_title": rnd.get("title") if rnd is not None and rnd[KIND] == "Round" else None,
                         **{k: a[k] for k in ("seq", "category", "status", "found_date", "text")},
                         "repeats_of": [b for b, _ in repeats],
                         "relapse_of": [b for b, e in repeats if e.get("relapse") is True],
                         "overdue_task_ids": [t for t in edges_in(g, issue, "RECTIFIES", "Task")
                                              if nodes[t]["deadline"] < day and (nodes[t].get("done_date") is None
                                                                                 or nodes[t]["done_date"] > day)]})
    rows.sort(key=lambda r: (r["unit_id"], r["found_date"], r["seq"], r["id"]))
    return rows
