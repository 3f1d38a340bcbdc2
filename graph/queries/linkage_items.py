from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import SortedIds, in_edges, kind_of, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    unit_id: str | None = Field(default=None, title="单位", max_length=64)
    person_id: str | None = Field(default=None, title="人员", max_length=64)
    round_id: str | None = Field(default=None, title="巡察轮次", max_length=64)
    date_from: dt.date | None = Field(default=None, title="发现日期起")
    date_to: dt.date | None = Field(default=None, title="发现日期止")


class Row(BaseModel):
    item_id: str
    item_kind: str
    channel: str
    code: str | None
    text: str | None
    category: str | None
    found_date: str
    unit_id: str | None
    unit_name: str | None
    round_id: str | None
    person_ids: SortedIds


def _scope(g: nx.MultiDiGraph, p: Params) -> set[str]:
    items: set[str] = set()
    if p.unit_id is not None and p.unit_id in g and kind_of(g, p.unit_id) == "Unit":
        items |= {s for s, _ in in_edges(g, p.unit_id, "FOUND_AT") if kind_of(g, s) in ("Issue", "Finding")}
    if p.person_id is not None and p.person_id in g and kind_of(g, p.person_id) == "Person":
        items |= {i for i, _ in out_edges(g, p.person_id, "RESPONSIBLE_FOR") if kind_of(g, i) == "Issue"}
        items |= {f for f, _ in in_edges(g, p.person_id, "INVOLVES") if kind_of(g, f) == "Finding"}
    if p.round_id is not None and p.round_id in g and kind_of(g, p.round_id) == "Round":
        items |= {i for i, _ in in_edges(g, p.round_id, "FOUND_IN") if kind_of(g, i) == "Issue"}
        for group, _ in in_edges(g, p.round_id, "IN_ROUND"):
            if kind_of(g, group) != "Group":
                continue
            for unit, _ in out_edges(g, group, "INSPECTED"):
                if kind_of(g, unit) == "Unit":
                    items |= {f for f, _ in in_edges(g, unit, "FOUND_AT") if kind_of(g, f) == "Finding"}
    return items


@named_query("linkage_items", params=Params, result=Row)
def linkage_items(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Issues and other channels' findings about a unit, a person or a round's units, in a period, with their people."""
    lo = p.date_from.isoformat() if p.date_from else None
    hi = p.date_to.isoformat() if p.date_to else None
    rows = []
    for item in _scope(g, p):
        a = g.nodes[item]
        if (lo and a["found_date"] < lo) or (hi and a["found_date"] > hi):
            continue
        kind = kind_of(g, item)
        people = [x for x, _ in in_edges(g, item, "RESPONSIBLE_FOR") if kind_of(g, x) == "Person"]
        people += [x for x, _ in out_edges(g, item, "INVOLVES") if kind_of(g, x) == "Person"]
        units: list[str | None] = [u for u, _ in out_edges(g, item, "FOUND_AT") if kind_of(g, u) == "Unit"] or [None]
        rounds: list[str | None] = [r for r, _ in out_edges(g, item, "FOUND_IN") if kind_of(g, r) == "Round"] or [None]
        for unit in units:
            for rnd in rounds:
                rows.append({"item_id": item, "item_kind": kind,
                             "channel": "inspection" if kind == "Issue" else a.get("channel"),
                             "code": a.get("code"), "text": a.get("text"), "category": a.get("category"),
                             "found_date": a["found_date"], "unit_id": unit,
                             "unit_name": g.nodes[unit].get("name") if unit else None, "round_id": rnd,
                             "person_ids": people})
    rows.sort(key=lambda r: (r["found_date"], r["item_id"], r["unit_id"] or "", r["round_id"] or ""))
    return rows
