from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import SortedIds, kind_of, out_edges
from graph.queries.registry import named_query
from graph.stores.embedded import TYPE


class Params(BaseModel):
    min_matters: int = Field(default=2, ge=1, le=100, title="至少涉及几件事")


class Row(BaseModel):
    person_id: str
    name: str
    matters: int
    items: SortedIds


@named_query("people_in_many_clues", params=Params, result=Row)
def people_in_many_clues(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """People named in several clues or cases; a case counts with the clue it was opened from."""
    matters: dict[str, set[str]] = defaultdict(set)
    items: dict[str, set[str]] = defaultdict(set)
    for x, person, attrs in g.edges(data=True):
        if attrs[TYPE] != "INVOLVES" or kind_of(g, x) not in ("Clue", "Case") or kind_of(g, person) != "Person":
            continue
        clues = [c for c, _ in out_edges(g, x, "OPENED_FROM") if kind_of(g, c) == "Clue"]
        matters[person].update(clues or [x])
        items[person].add(x)
    rows = [{"person_id": person, "name": g.nodes[person]["name"], "matters": len(m), "items": list(items[person])}
            for person, m in matters.items() if len(m) >= p.min_matters]
    rows.sort(key=lambda r: (-r["matters"], r["person_id"]))
    return rows
