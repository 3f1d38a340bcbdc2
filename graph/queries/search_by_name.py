from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field, field_validator

from graph.model import NodeKind
from graph.model.ids import normalise_text
from graph.queries.common import kind_of
from graph.queries.registry import named_query
from graph.stores.embedded import KIND


class Params(BaseModel):
    text: str = Field(title="名称片段", min_length=1, max_length=100)
    kind: NodeKind | None = Field(default=None, title="类别")
    limit: int = Field(default=20, ge=1, le=500, title="条数上限")

    @field_validator("text")
    @classmethod
    def _fold(cls, value: str) -> str:
        return normalise_text(value)


class Row(BaseModel):
    id: str
    kind: str
    name: str
    matched_alias: str | None


@named_query("search_by_name", params=Params, result=Row)
def search_by_name(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Entities whose name or an alias contains the text; shortest names first."""
    rows = []
    for node, attrs in g.nodes(data=True):
        if p.kind is not None and attrs[KIND] != p.kind.value:
            continue
        name = attrs.get("name")
        if name is None:
            continue
        alias = next((a for a in attrs.get("aliases", []) if p.text in a), None)
        if p.text in name or alias is not None:
            rows.append({"id": node, "kind": kind_of(g, node), "name": name,
                         "matched_alias": None if p.text in name else alias})
    rows.sort(key=lambda r: (len(r["name"]), r["id"]))
    return rows[: p.limit]
