from __future__ import annotations

from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import SortedIds
from graph.queries.registry import named_query
from graph.stores.embedded import KIND, TYPE

Kind = Literal["Petition", "Project", "Benefit", "Finding", "Round"]


class Params(BaseModel):
    unit_ids: list[str] = Field(title="单位（可多个）", max_length=20_000)
    kinds: list[Kind] | None = Field(default=None, title="只取这几类（不填为全部）")


class Row(BaseModel):
    """One item at a unit. A finding's channel is in ``status``, its category in ``label``."""

    unit_id: str
    item_id: str
    item_kind: Kind
    code: str | None
    label: str | None
    on: str | None
    year: int | None
    status: str | None
    amount: float | None
    party_ids: SortedIds
    party_names: SortedIds
    text: str | None


_BLANK: dict[str, Any] = {"code": None, "label": None, "on": None, "year": None, "status": None, "amount": None,
          "party_ids": [], "party_names": [], "text": None}


def edges_in(g: nx.MultiDiGraph, node: str, edge_type: str, kind: str) -> list[str]:
    """Sources of ``node``'s incoming edges of one type from nodes of one kind (the adjacency read directly: the
    batch queries walk tens of thousands of nodes and networkx's edge views cost more than the walk)."""
    nodes = g._node  # noqa: SLF001
    return [src for src, keyed in g._pred[node].items() if nodes[src][KIND] == kind  # noqa: SLF001
            and any(a[TYPE] == edge_type for a in keyed.values())]


def _item(g: nx.MultiDiGraph, unit: str, item: str, kind: str) -> dict[str, Any]:
    a = g._node[item]  # noqa: SLF001
    row = {**_BLANK, "unit_id": unit, "item_id": item, "item_kind": kind}
    if kind == "Petition":
        return {**row, "code": a["code"], "label": a["topic"], "on": a["received_date"], "status": a["status"]}
    if kind == "Project":
        firms = edges_in(g, item, "CONTRACTED", "Company")
        return {**row, "code": a["code"], "label": a["name"], "year": a["year"], "amount": a["amount"],
                "party_ids": firms, "party_names": [g._node[c]["name"] for c in firms]}  # noqa: SLF001
    if kind == "Benefit":
        people = edges_in(g, item, "RECEIVED", "Person")
        return {**row, "label": a["benefit_kind"], "year": a["year"], "amount": a["amount"], "party_ids": people,
                "party_names": [g._node[r]["name"] for r in people]}  # noqa: SLF001
    return {**row, "code": a["code"], "label": a["category"], "on": a["found_date"], "status": a["channel"],
            "text": a["text"]}


_AT = {"Petition": "LOCATED_AT", "Project": "LOCATED_AT", "Benefit": "LOCATED_AT", "Finding": "FOUND_AT"}


@named_query("profile_items", params=Params, result=Row)
def profile_items(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """What lies at several units in one pass: petitions, projects, benefits, other channels' findings, rounds."""
    nodes, succ = g._node, g._succ  # noqa: SLF001
    kinds = set(p.kinds) if p.kinds is not None else {"Petition", "Project", "Benefit", "Finding", "Round"}
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for unit in set(p.unit_ids):
        if unit not in nodes or nodes[unit][KIND] != "Unit":
            continue
        for src, keyed in g._pred[unit].items():  # noqa: SLF001
            kind, types = nodes[src][KIND], {a[TYPE] for a in keyed.values()}
            if kind not in kinds and not (kind == "Group" and "Round" in kinds):
                continue
            if _AT.get(kind) in types:
                rows[(unit, src)] = _item(g, unit, src, kind)
            elif kind == "Group" and "INSPECTED" in types:
                for rnd, edges in succ[src].items():
                    if nodes[rnd][KIND] == "Round" and any(a[TYPE] == "IN_ROUND" for a in edges.values()):
                        a = nodes[rnd]
                        rows[(unit, rnd)] = {**_BLANK, "unit_id": unit, "item_id": rnd, "item_kind": "Round",
                                             "label": a["title"], "on": a["start"], "status": a["round_kind"]}
    return sorted(rows.values(), key=lambda r: (r["unit_id"], r["item_kind"], r["item_id"]))
