from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import kind_of
from graph.queries.registry import named_query


class Params(BaseModel):
    person_ids: list[str] = Field(title="人员", max_length=20_000)


class Row(BaseModel):
    person_id: str
    name: str


@named_query("linkage_people", params=Params, result=Row)
def linkage_people(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """The names of some people (for the overlaps and missing hand-offs of a linkage review)."""
    rows = [{"person_id": x, "name": g.nodes[x]["name"]} for x in set(p.person_ids)
            if x in g and kind_of(g, x) == "Person"]
    rows.sort(key=lambda r: r["person_id"])
    return rows
