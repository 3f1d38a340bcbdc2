from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import kind_of, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    case_id: str = Field(title="案件", max_length=64)


class Row(BaseModel):
    case_id: str
    case_code: str
    opened: str
    closed: str | None
    outcome: str
    summary: str
    suggestion: str | None
    suggestion_response: str | None
    suggestion_response_date: str | None
    clue_id: str | None
    clue_code: str | None
    transfer_date: str | None
    receiver_id: str | None
    receiver_name: str | None
    disposal: str | None
    disposal_date: str | None
    source_id: str | None
    source_kind: str | None
    source_code: str | None
    source_text: str | None
    category: str | None
    found_date: str | None
    source_status: str | None
    unit_id: str | None
    unit_name: str | None
    unit_kind: str | None
    county: str | None
    round_id: str | None
    round_title: str | None


def _first(it: Any) -> str | None:
    return next((n for n, _ in it), None)


@named_query("case_chain", params=Params, result=Row)
def case_chain(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """One case with the clue it was opened from and the issue or finding behind that clue."""
    if p.case_id not in g or kind_of(g, p.case_id) != "Case":
        return []
    k = g.nodes[p.case_id]
    rows = []
    clues: list[str | None] = [c for c, _ in out_edges(g, p.case_id, "OPENED_FROM")] or [None]
    for clue in clues:
        c = g.nodes[clue] if clue else {}
        receiver = _first(out_edges(g, clue, "TRANSFERRED_TO")) if clue else None
        sources: list[str | None] = [s for s, _ in out_edges(g, clue, "ARISES_FROM")] if clue else []
        for src in sources or [None]:
            s = g.nodes[src] if src else {}
            unit = _first(out_edges(g, src, "FOUND_AT")) if src else None
            rnd = _first(out_edges(g, src, "FOUND_IN")) if src else None
            rows.append({
                "case_id": p.case_id, "case_code": k["code"], "opened": k["opened"], "closed": k.get("closed"),
                "outcome": k["outcome"], "summary": k["summary"], "suggestion": k.get("suggestion"),
                "suggestion_response": k.get("suggestion_response"),
                "suggestion_response_date": k.get("suggestion_response_date"),
                "clue_id": clue, "clue_code": c.get("code"), "transfer_date": c.get("transfer_date"),
                "receiver_id": receiver, "receiver_name": g.nodes[receiver].get("name") if receiver else None,
                "disposal": c.get("disposal"), "disposal_date": c.get("disposal_date"),
                "source_id": src, "source_kind": kind_of(g, src) if src else None, "source_code": s.get("code"),
                "source_text": s.get("text"), "category": s.get("category"), "found_date": s.get("found_date"),
                "source_status": s.get("status"), "unit_id": unit,
                "unit_name": g.nodes[unit].get("name") if unit else None,
                "unit_kind": g.nodes[unit].get("unit_kind") if unit else None,
                "county": g.nodes[unit].get("county") if unit else None,
                "round_id": rnd, "round_title": g.nodes[rnd].get("title") if rnd else None})
    rows.sort(key=lambda r: (r["clue_id"] or "", r["source_id"] or ""))
    return rows
