from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.model import NodeKind
from graph.queries.common import kind_of
from graph.queries.registry import named_query
from graph.stores.embedded import KIND


class Params(BaseModel):
    kind: NodeKind | None = Field(default=None, title="类别")


class Row(BaseModel):
    id: str
    kind: str
    name: str
    aliases: list[str]


@named_query("entity_names", params=Params, result=Row)
def entity_names(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Every named entity with its aliases, by id: what a name index is built from once per graph version."""
    rows = [{"id": node, "kind": kind_of(g, node), "name": attrs["name"], "aliases": list(attrs.get("aliases", []))}
            for node, attrs in g.nodes(data=True)
            if attrs.get("name") is not None and (p.kind is None or attrs[KIND] == p.kind.value)]
    rows.sort(key=lambda r: r["id"])
    return rows
