from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import display_name, kind_of, props_of
from graph.queries.registry import named_query


class Params(BaseModel):
    id: str = Field(title="中心实体", min_length=1, max_length=64)
    depth: int = Field(default=2, ge=1, le=3, title="层数")
    limit: int = Field(default=200, ge=1, le=5000, title="条数上限")
    fanout: int = Field(default=50, ge=1, le=10000, title="扩展上限",
                        description="关系数超过此值的节点（如来源文件、县领导）列出但不再向外扩展")


class Row(BaseModel):
    id: str
    kind: str
    name: str | None
    distance: int


@named_query("neighbourhood", params=Params, result=Row)
def neighbourhood(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Entities within ``depth`` steps, expanding only through nodes of degree ≤ fanout."""
    if p.id not in g:
        return []
    seen = {p.id}
    levels: list[list[str]] = []
    frontier = [p.id]
    for level in range(1, p.depth + 1):
        expand = frontier if level == 1 else [x for x in frontier if g.degree(x) <= p.fanout]
        found = {m for x in expand for m in nx.all_neighbors(g, x)} - seen
        seen |= found
        levels.append(sorted(found))
        frontier = levels[-1]
    rows = [{"id": n, "kind": kind_of(g, n), "name": display_name(props_of(g, n)), "distance": d}
            for d, level_nodes in enumerate(levels, 1) for n in level_nodes]
    return rows[: p.limit]
