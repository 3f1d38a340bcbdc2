from __future__ import annotations

from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import nodes_of_kind
from graph.queries.registry import named_query


class Params(BaseModel):
    kind: Literal["Issue", "Clue", "Case", "Finding", "Letter", "Project", "Company", "Petition",
                  "Measure"] = Field(title="类别")
    codes: list[str] = Field(title="编号", max_length=100_000)


class Row(BaseModel):
    code: str
    id: str


@named_query("ids_by_code", params=Params, result=Row)
def ids_by_code(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Nodes by their human code (issue, clue, finding codes; a company's credit code)."""
    wanted = set(p.codes)
    rows = []
    for node in nodes_of_kind(g, p.kind):
        a = g.nodes[node]
        code = a.get("code") if a.get("code") is not None else a.get("credit_code")
        if code in wanted:
            rows.append({"code": code, "id": node})
    rows.sort(key=lambda r: (r["code"], r["id"]))
    return rows
