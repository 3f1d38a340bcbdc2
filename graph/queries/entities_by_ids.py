from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import kind_of, props_of
from graph.queries.entity_by_id import Row
from graph.queries.registry import named_query


class Params(BaseModel):
    ids: list[str] = Field(title="标识", max_length=200_000)


@named_query("entities_by_ids", params=Params, result=Row)
def entities_by_ids(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Entities of any kind by id, with all their properties (what a load is about to overwrite)."""
    return [{"id": n, "kind": kind_of(g, n), "props": props_of(g, n)} for n in sorted(set(p.ids)) if n in g]
