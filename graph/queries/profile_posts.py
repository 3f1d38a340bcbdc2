from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.registry import named_query
from graph.stores.embedded import KIND, TYPE


class Params(BaseModel):
    unit_ids: list[str] = Field(title="单位（可多个）", max_length=20_000)


class Row(BaseModel):
    unit_id: str
    person_id: str
    person_name: str
    post: str
    first_in_command: bool
    start: str
    end: str | None


@named_query("profile_posts", params=Params, result=Row)
def profile_posts(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Everyone who held a post at any of several units, in one pass (the 巡前画像 of a township's villages)."""
    nodes = g._node  # noqa: SLF001
    rows: list[dict[str, Any]] = []
    for unit in set(p.unit_ids):
        if unit not in nodes or nodes[unit][KIND] != "Unit":
            continue
        for person, keyed in g._pred[unit].items():  # noqa: SLF001
            if nodes[person][KIND] != "Person":
                continue
            rows.extend({"unit_id": unit, "person_id": person, "person_name": nodes[person]["name"], "post": e["post"],
                         "first_in_command": e.get("first_in_command", False), "start": e["start"],
                         "end": e.get("end")} for e in keyed.values() if e[TYPE] == "HOLDS_POST")
    rows.sort(key=lambda r: (r["unit_id"], r["start"], r["person_id"], r["post"]))
    return rows
