from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import SortedIds, issues_found_at, kind_of, nodes_of_kind, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    person_id: str | None = Field(default=None, title="人员（不填为全部）", max_length=64)
    min_units: int = Field(default=2, ge=2, le=50, title="至少涉及单位数")


class Row(BaseModel):
    person_id: str
    name: str
    category: str
    units: SortedIds
    issues: SortedIds


@named_query("leader_carry", params=Params, result=Row)
def leader_carry(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Problems following a leader: one category found at several units, each during the person's tenure as 一把手."""
    people = [p.person_id] if p.person_id else nodes_of_kind(g, "Person")
    rows = []
    for person in people:
        if person not in g or kind_of(g, person) != "Person":
            continue
        found: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
        for unit, post in out_edges(g, person, "HOLDS_POST"):
            if post.get("first_in_command") is not True:
                continue
            for issue, a in issues_found_at(g, unit):
                if post["start"] <= a["found_date"] and (post.get("end") is None or a["found_date"] <= post["end"]):
                    units, issues = found[a["category"]]
                    units.add(unit)
                    issues.add(issue)
        rows += [{"person_id": person, "name": g.nodes[person]["name"], "category": category, "units": list(units),
                  "issues": list(issues)} for category, (units, issues) in found.items() if len(units) >= p.min_units]
    rows.sort(key=lambda r: (r["person_id"], r["category"]))
    return rows
