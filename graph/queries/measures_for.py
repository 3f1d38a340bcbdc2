from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    target_ids: list[str] = Field(title="建议函、案件或问题", max_length=10_000)


class Row(BaseModel):
    measure_id: str
    code: str
    measure_kind: str
    title: str
    issued_date: str
    target_id: str
    issuer_id: str | None
    issuer_name: str | None


@named_query("measures_for", params=Params, result=Row)
def measures_for(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """System-level measures (campaigns, rules) answering some letters, cases or issues."""
    rows = []
    for target in set(p.target_ids):
        if target not in g:
            continue
        for measure, _ in in_edges(g, target, "RESPONDS_TO"):
            m = g.nodes[measure]
            issuers: list[str | None] = [u for u, _ in out_edges(g, measure, "ISSUED_BY")] or [None]
            for issuer in issuers:
                rows.append({"measure_id": measure, "code": m["code"], "measure_kind": m["measure_kind"],
                             "title": m["title"], "issued_date": m["issued_date"], "target_id": target,
                             "issuer_id": issuer, "issuer_name": g.nodes[issuer].get("name") if issuer else None})
    rows.sort(key=lambda r: (r["issued_date"], r["measure_id"], r["target_id"]))
    return rows
