from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import display_name, kind_of, props_of
from graph.queries.registry import named_query
from graph.stores.embedded import TYPE

# The date a person places an entity by: when an issue was found, a clue handed over, a case opened…
WHEN_FIELDS = ("found_date", "transfer_date", "opened", "sent_date", "received_date", "issued_date",
               "requested_date", "deadline", "start")


class Params(BaseModel):
    id: str = Field(title="实体", min_length=1, max_length=64)
    types: list[str] = Field(default_factory=list, max_length=40, title="关系类别",
                             description="只要这些关系（空表示除来源文件外的全部）")
    limit: int = Field(default=2000, ge=1, le=20_000, title="条数上限")


class Row(BaseModel):
    edge_type: str
    direction: str
    neighbour_id: str
    neighbour_kind: str
    neighbour_name: str | None
    neighbour_degree: int
    when: str | None
    start: str | None
    end: str | None


def _when(props: dict[str, Any]) -> str | None:
    for key in WHEN_FIELDS:
        if props.get(key) is not None:
            return str(props[key])
    return None


@named_query("incident_edges", params=Params, result=Row)
def incident_edges(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Every relationship of one entity with what is at its other end: kind, name, date and how busy it is.

    The entity page and the graph explorer read this; the neighbour's degree lets them show a supernode
    collapsed instead of expanding it. Provenance (SOURCED_FROM) is left out unless asked for by type.
    """
    if p.id not in g:
        return []
    wanted = set(p.types)
    rows = []
    for direction, edges in (("out", g.out_edges(p.id, data=True)), ("in", g.in_edges(p.id, data=True))):
        for src, dst, attrs in edges:
            edge_type = attrs[TYPE]
            if (wanted and edge_type not in wanted) or (not wanted and edge_type == "SOURCED_FROM"):
                continue
            other = dst if direction == "out" else src
            props = props_of(g, other)
            rows.append({"edge_type": edge_type, "direction": direction, "neighbour_id": other,
                         "neighbour_kind": kind_of(g, other), "neighbour_name": display_name(props),
                         "neighbour_degree": g.degree(other), "when": _when(props),
                         "start": _text(attrs.get("start", attrs.get("on"))), "end": _text(attrs.get("end"))})
    rows.sort(key=lambda r: (r["edge_type"], r["direction"], r["neighbour_id"], r["start"] or ""))
    return rows[: p.limit]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
