from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import kind_of, nodes_of_kind, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    name: str = Field(title="姓名", min_length=1, max_length=64)


class Row(BaseModel):
    person_id: str
    name: str
    birth_year: int | None
    gender: str | None
    has_id: bool
    unit_id: str | None
    start: str | None
    end: str | None


@named_query("people_named", params=Params, result=Row)
def people_named(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """People of exactly this name with each post they held: the evidence for telling namesakes apart."""
    rows = []
    for person in nodes_of_kind(g, "Person"):
        a = g.nodes[person]
        if a.get("name") != p.name:
            continue
        base = {"person_id": person, "name": a["name"], "birth_year": a.get("birth_year"), "gender": a.get("gender"),
                "has_id": a.get("id_hash") is not None}
        posts = [(u, e) for u, e in out_edges(g, person, "HOLDS_POST") if kind_of(g, u) == "Unit"]
        rows += [{**base, "unit_id": u, "start": e.get("start"), "end": e.get("end")} for u, e in posts] or [
            {**base, "unit_id": None, "start": None, "end": None}]
    rows.sort(key=lambda r: (r["person_id"], r["unit_id"] is None, r["unit_id"] or "", r["start"] or ""))
    return rows
