from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field, field_validator

from graph.queries.common import kind_of, props_of
from graph.queries.registry import named_query


class Params(BaseModel):
    id: str = Field(title="标识", min_length=1, max_length=64)


class Row(BaseModel):
    id: str
    kind: str
    props: dict[str, Any]

    @field_validator("props")
    @classmethod
    def _without_id(cls, value: dict[str, Any]) -> dict[str, Any]:
        # Neo4j keeps the id among the properties; the record keeps it apart.
        return {k: v for k, v in value.items() if k != "id"}


@named_query("entity_by_id", params=Params, result=Row)
def entity_by_id(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """One entity of any kind, with all its properties."""
    if p.id not in g:
        return []
    return [{"id": p.id, "kind": kind_of(g, p.id), "props": props_of(g, p.id)}]
