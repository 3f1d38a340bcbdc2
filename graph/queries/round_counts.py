from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field, computed_field

from graph.queries.common import in_edges, nodes_of_kind
from graph.queries.registry import named_query


class Params(BaseModel):
    round_id: str | None = Field(default=None, title="轮次", description="不填则列出全部轮次")


class Row(BaseModel):
    round_id: str
    title: str
    start: str
    issues: int = Field(title="发现问题")
    rectified: int = Field(title="已整改")
    tasks: int = Field(title="整改任务")
    tasks_done: int = Field(title="已完成任务")
    clues: int = Field(title="移交线索")
    cases: int = Field(title="立案")

    @computed_field(title="整改率")  # type: ignore[prop-decorator]
    @property
    def rectification_rate(self) -> float | None:
        return round(self.rectified / self.issues, 4) if self.issues else None


@named_query("round_counts", params=Params, result=Row)
def round_counts(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Per round: issues found and rectified, tasks and done, clues transferred, cases opened."""
    rows = []
    for rnd in nodes_of_kind(g, "Round"):
        if p.round_id is not None and rnd != p.round_id:
            continue
        issues = [i for i, _ in in_edges(g, rnd, "FOUND_IN")]
        tasks = [t for i in issues for t, _ in in_edges(g, i, "RECTIFIES")]
        clues = {c for i in issues for c, _ in in_edges(g, i, "ARISES_FROM")}
        cases = {k for c in clues for k, _ in in_edges(g, c, "OPENED_FROM")}
        r = g.nodes[rnd]
        rows.append({"round_id": rnd, "title": r["title"], "start": r["start"], "county": r["county"],
                     "issues": len(issues),
                     "rectified": sum(g.nodes[i]["status"] == "rectified" for i in issues),
                     "tasks": len(tasks), "tasks_done": sum(g.nodes[t]["status"] in ("done", "closed") for t in tasks),
                     "clues": len(clues), "cases": len(cases)})
    rows.sort(key=lambda r: (r["county"], r["start"], r["round_id"]))
    return rows
