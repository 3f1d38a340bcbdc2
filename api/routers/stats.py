"""Counts of what the graph holds (kept per graph version, not walked per request)."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import Store, Viewer
from graph.analysis import kept
from graph.model import EdgeType, NodeKind

router = APIRouter(tags=["统计"])


class KindCount(BaseModel):
    kind: str
    label_zh: str
    count: int


class Stats(BaseModel):
    store: str = Field(title="存储后端")
    total_nodes: int = Field(title="节点总数")
    total_edges: int = Field(title="关系总数")
    nodes: list[KindCount]
    edges: list[KindCount]


@router.get("/stats", response_model=Stats, summary="图谱统计：各类节点和关系的数量")
def stats(store: Store, _: Viewer) -> Stats:
    counts = kept.counts(store)
    return Stats(
        store=store.name, total_nodes=counts.total_nodes, total_edges=counts.total_edges,
        nodes=[KindCount(kind=k, label_zh=NodeKind(k).label_zh, count=n) for k, n in counts.nodes.items()],
        edges=[KindCount(kind=k, label_zh=EdgeType(k).label_zh, count=n) for k, n in counts.edges.items()])
