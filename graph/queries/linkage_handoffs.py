from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import SortedIds, in_edges, kind_of, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    item_ids: list[str] = Field(default_factory=list, title="问题或监督发现", max_length=20_000)
    person_ids: list[str] = Field(default_factory=list, title="人员", max_length=20_000)


class Row(BaseModel):
    clue_id: str
    clue_code: str
    channel: str | None
    transfer_date: str
    receiver_id: str | None
    receiver_name: str | None
    disposal: str | None
    disposal_date: str | None
    source_ids: SortedIds
    person_ids: SortedIds
    case_id: str | None
    case_code: str | None
    opened: str | None
    closed: str | None
    outcome: str | None
    case_person_ids: SortedIds


def _people(g: nx.MultiDiGraph, node: str) -> list[str]:
    return [x for x, _ in out_edges(g, node, "INVOLVES") if kind_of(g, x) == "Person"]


@named_query("linkage_handoffs", params=Params, result=Row)
def linkage_handoffs(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Clues from some issues or findings, or naming some people, with receiver, disposal and the case opened."""
    clues: set[str] = set()
    for item in set(p.item_ids):
        if item in g:
            clues |= {c for c, _ in in_edges(g, item, "ARISES_FROM") if kind_of(g, c) == "Clue"}
    for person in set(p.person_ids):
        if person not in g or kind_of(g, person) != "Person":
            continue
        for x, _ in in_edges(g, person, "INVOLVES"):
            if kind_of(g, x) == "Clue":
                clues.add(x)
            elif kind_of(g, x) == "Case":
                clues |= {c for c, _ in out_edges(g, x, "OPENED_FROM") if kind_of(g, c) == "Clue"}
    rows = []
    for clue in clues:
        c = g.nodes[clue]
        sources = [s for s, _ in out_edges(g, clue, "ARISES_FROM")]
        receivers: list[str | None] = [u for u, _ in out_edges(g, clue, "TRANSFERRED_TO")
                                       if kind_of(g, u) == "Unit"] or [None]
        cases: list[str | None] = [k for k, _ in in_edges(g, clue, "OPENED_FROM") if kind_of(g, k) == "Case"] or [None]
        for recv in receivers:
            for case in cases:
                k = g.nodes[case] if case else {}
                rows.append({
                    "clue_id": clue, "clue_code": c["code"], "channel": c.get("source_channel"),
                    "transfer_date": c["transfer_date"], "receiver_id": recv,
                    "receiver_name": g.nodes[recv].get("name") if recv else None, "disposal": c.get("disposal"),
                    "disposal_date": c.get("disposal_date"), "source_ids": sources, "person_ids": _people(g, clue),
                    "case_id": case, "case_code": k.get("code"), "opened": k.get("opened"),
                    "closed": k.get("closed"), "outcome": k.get("outcome"),
                    "case_person_ids": _people(g, case) if case else []})
    rows.sort(key=lambda r: (r["transfer_date"], r["clue_id"], r["receiver_id"] is None, r["receiver_id"] or "",
                             r["case_id"] is None, r["case_id"] or ""))
    return rows
