from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import issues_found_at, kind_of, out_edges
from graph.queries.registry import named_query
from graph.stores.embedded import TYPE


class Params(BaseModel):
    unit_id: str | None = Field(default=None, title="单位", max_length=64)
    issue_id: str | None = Field(default=None, title="问题", max_length=64)
    flag: Literal["relapse", "chronic", "long_unrectified"] | None = Field(
        default=None, title="标记：整改后复发 relapse / 屡查屡犯 chronic / 逾期未整改 long_unrectified")
    limit: int = Field(default=1000, ge=1, le=1_000_000, title="最多返回条数")


class Row(BaseModel):
    issue_id: str
    earlier_id: str
    unit_id: str
    unit_name: str
    issue_round: str
    earlier_round: str
    issue_text: str
    earlier_text: str
    score: float
    relapse: bool
    chronic: bool
    long_unrectified: bool
    phrases: list[str]
    evidence: str


def _candidate_edges(g: nx.MultiDiGraph, p: Params) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Only the edges that can match: around one issue, from one unit's issues, or else all."""
    if p.issue_id:
        if p.issue_id in g:
            yield from g.out_edges(p.issue_id, data=True)
            yield from g.in_edges(p.issue_id, data=True)
    elif p.unit_id:
        if p.unit_id in g:
            for issue, _ in issues_found_at(g, p.unit_id):
                yield from g.out_edges(issue, data=True)
    else:
        yield from g.edges(data=True)


@named_query("repeats_at", params=Params, result=Row)
def repeats_at(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Computed repeats (later issue → earlier issue), by unit, issue or flag."""
    rows = []
    for a, b, r in _candidate_edges(g, p):
        if r[TYPE] != "REPEATS" or kind_of(g, a) != "Issue" or kind_of(g, b) != "Issue":
            continue
        if p.issue_id and p.issue_id not in (a, b) or p.flag and r.get(p.flag) is not True:
            continue
        for unit, _ in out_edges(g, a, "FOUND_AT"):
            if p.unit_id and unit != p.unit_id:
                continue
            ia, ib = g.nodes[a], g.nodes[b]
            rows.append({"issue_id": a, "earlier_id": b, "unit_id": unit, "unit_name": g.nodes[unit]["name"],
                         "issue_round": ia["round_id"], "earlier_round": ib["round_id"], "issue_text": ia["text"],
                         "earlier_text": ib["text"], **{k: r.get(k) for k in (
                             "score", "relapse", "chronic", "long_unrectified", "phrases", "evidence")}})
    rows.sort(key=lambda r: (r["unit_id"], r["issue_id"], r["earlier_id"]))
    return rows[:p.limit]
