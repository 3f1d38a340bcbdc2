from __future__ import annotations

from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import SortedIds, in_edges, kind_of, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    unit_id: str = Field(title="村（社区）", min_length=1, max_length=64)


class Row(BaseModel):
    item_id: str
    item_kind: Literal["Petition", "Project", "Benefit", "Round"]
    code: str | None
    label: str | None
    on: str | None
    year: int | None
    status: str | None
    amount: float | None
    party_ids: SortedIds
    party_names: SortedIds


@named_query("village_items", params=Params, result=Row)
def village_items(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """What lies at a village: petitions, projects with contractors, benefits with recipients, rounds inspecting it."""
    if p.unit_id not in g:
        return []
    rows: dict[str, dict[str, Any]] = {}
    blank: dict[str, Any] = {"code": None, "label": None, "on": None, "year": None, "status": None, "amount": None,
             "party_ids": [], "party_names": []}
    for item, _ in in_edges(g, p.unit_id, "LOCATED_AT"):
        a, kind = g.nodes[item], kind_of(g, item)
        if kind == "Petition":
            rows[item] = {**blank, "item_id": item, "item_kind": kind, "code": a["code"], "label": a["topic"],
                          "on": a["received_date"], "status": a["status"]}
        elif kind == "Project":
            firms = [c for c, _ in in_edges(g, item, "CONTRACTED") if kind_of(g, c) == "Company"]
            rows[item] = {**blank, "item_id": item, "item_kind": kind, "code": a["code"], "label": a["name"],
                          "year": a["year"], "amount": a["amount"], "party_ids": firms,
                          "party_names": [g.nodes[c]["name"] for c in firms]}
        elif kind == "Benefit":
            people = [r for r, _ in in_edges(g, item, "RECEIVED") if kind_of(g, r) == "Person"]
            rows[item] = {**blank, "item_id": item, "item_kind": kind, "label": a["benefit_kind"], "year": a["year"],
                          "amount": a["amount"], "party_ids": people,
                          "party_names": [g.nodes[r]["name"] for r in people]}
    for group, _ in in_edges(g, p.unit_id, "INSPECTED"):
        for rnd, _ in out_edges(g, group, "IN_ROUND"):
            a = g.nodes[rnd]
            rows[rnd] = {**blank, "item_id": rnd, "item_kind": "Round", "label": a["title"], "on": a["start"],
                         "status": a["round_kind"]}
    return sorted(rows.values(), key=lambda r: (r["item_kind"], r["item_id"]))
