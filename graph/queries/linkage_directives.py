from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    about_ids: list[str] = Field(title="涉及的问题或单位", max_length=200_000)


class Row(BaseModel):
    directive_id: str
    about_id: str
    body: str
    request: str
    text: str
    issued_date: str | None
    answered_date: str | None
    response: str | None
    body_unit_id: str | None
    body_unit_name: str | None


@named_query("linkage_directives", params=Params, result=Row)
def linkage_directives(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """The directives of reports and speeches (交办事项) about some issues or units, with the body asked to act."""
    rows = []
    for about in sorted(set(p.about_ids)):
        if about not in g:
            continue
        for directive, _ in in_edges(g, about, "DIRECTIVE_ABOUT"):
            d = g.nodes[directive]
            bodies: list[tuple[str | None, Any]] = [(u, g.nodes[u].get("name"))
                                                    for u, _ in out_edges(g, directive, "DIRECTED_TO")] or [(None, None)]
            for unit, name in bodies:
                rows.append({"directive_id": directive, "about_id": about, "body": d["body"], "request": d["request"],
                             "text": d["text"], "issued_date": _text(d.get("issued_date")),
                             "answered_date": _text(d.get("answered_date")), "response": d.get("response"),
                             "body_unit_id": unit, "body_unit_name": name})
    rows.sort(key=lambda r: (r["issued_date"] or "", r["directive_id"], r["about_id"], r["body_unit_id"] or ""))
    return rows


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
