from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import SortedIds, kind_of, nodes_of_kind, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    letter_id: str | None = Field(default=None, title="建议函（不填为全部）", max_length=64)


class Row(BaseModel):
    letter_id: str
    code: str
    sent_date: str | None
    response: str | None
    regulator_id: str | None
    regulator_name: str | None
    issues: SortedIds


@named_query("letter_coverage", params=Params, result=Row)
def letter_coverage(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Which issues a suggestion letter covers, which regulator it went to, and its response."""
    letters = [p.letter_id] if p.letter_id else nodes_of_kind(g, "Letter")
    rows = []
    for letter in letters:
        if letter not in g or kind_of(g, letter) != "Letter":
            continue
        issues = [i for i, _ in out_edges(g, letter, "CONCERNS") if kind_of(g, i) == "Issue"]
        if not issues:
            continue
        a = g.nodes[letter]
        regulators: list[str | None] = [r for r, _ in out_edges(g, letter, "ADDRESSED_TO")
                                        if kind_of(g, r) == "Unit"] or [None]
        rows += [{"letter_id": letter, "code": a["code"], "sent_date": a.get("sent_date"), "response": a.get("response"),
                  "regulator_id": reg, "regulator_name": g.nodes[reg]["name"] if reg else None, "issues": issues}
                 for reg in set(regulators)]
    rows.sort(key=lambda r: (r["letter_id"], r["regulator_id"] is None, r["regulator_id"] or ""))  # nulls last, as Cypher
    return rows
