from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges, kind_of, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    person_ids: list[str] = Field(title="人员", max_length=10_000)


class Row(BaseModel):
    person_id: str
    item_id: str
    item_kind: str
    code: str
    on: str
    result: str | None
    role: str | None
    source_unit_id: str | None


def _source_units(g: nx.MultiDiGraph, item: str, kind: str) -> list[str | None]:
    """Units of the issues or findings behind a clue (a case: behind the clues it was opened from)."""
    clues = [c for c, _ in out_edges(g, item, "OPENED_FROM")] if kind == "Case" else [item]
    units: list[str | None] = []
    for clue in clues or [item]:
        found = [u for src, _ in out_edges(g, clue, "ARISES_FROM") for u, _ in out_edges(g, src, "FOUND_AT")]
        units.extend(found or [None])
    return units


@named_query("involvements", params=Params, result=Row)
def involvements(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """The clues and cases that name some people, with date, result and the unit they came from."""
    rows = []
    for person in set(p.person_ids):
        if person not in g:
            continue
        for item, e in in_edges(g, person, "INVOLVES"):
            kind = kind_of(g, item)
            if kind not in ("Clue", "Case"):
                continue
            a = g.nodes[item]
            for unit in _source_units(g, item, kind):
                rows.append({"person_id": person, "item_id": item, "item_kind": kind, "code": a["code"],
                             "on": a.get("opened") or a.get("transfer_date"),
                             "result": a.get("outcome") or a.get("disposal"), "role": e.get("role"),
                             "source_unit_id": unit})
    rows.sort(key=lambda r: (r["person_id"], r["on"], r["item_id"], r["source_unit_id"] or ""))
    return rows
