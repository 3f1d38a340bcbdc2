from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges, kind_of, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    round_id: str = Field(title="巡察轮次", min_length=1, max_length=64)


class Row(BaseModel):
    request_id: str
    code: str
    request: str
    requested_date: str
    due_date: str
    answered_date: str | None
    response: str | None
    body_id: str | None
    body_name: str | None


@named_query("round_data_requests", params=Params, result=Row)
def round_data_requests(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """The data requests of a round (巡前数据调取): the body asked, the days, and what came back."""
    if p.round_id not in g or kind_of(g, p.round_id) != "Round":
        return []
    rows = []
    for q, _ in in_edges(g, p.round_id, "REQUESTED_IN"):
        if kind_of(g, q) != "DataRequest":
            continue
        n = g.nodes[q]
        bodies: list[str | None] = [u for u, _ in out_edges(g, q, "REQUESTED_FROM") if kind_of(g, u) == "Unit"] or [None]
        for body in bodies:
            rows.append({"request_id": q, "code": n["code"], "request": n["request"],
                         "requested_date": n["requested_date"], "due_date": n["due_date"],
                         "answered_date": n.get("answered_date"), "response": n.get("response"),
                         "body_id": body, "body_name": g.nodes[body]["name"] if body else None})
    rows.sort(key=lambda r: (r["requested_date"], r["code"], r["request_id"]))
    return rows
