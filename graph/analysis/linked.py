"""Linked problems (关联问题): issues, clues, cases and findings tied into clusters.

Items are joined when they share a person (responsible leader, person named in
a clue or case) or a suggestion letter, or when one leads to the other (a clue
arising from an issue, a case opened from a clue, an issue repeating another).
A connector tied to more than ``max_degree`` items is a supernode — a county
leader overseeing sixty units would join everything and explain nothing — so
it is listed but does not join. Clusters are ranked by weight: severe issues,
clues and especially cases count more.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from pydantic import BaseModel, Field

from graph.analysis.disjoint import DisjointSet
from graph.model.ids import kind_of_id
from graph.queries.link_edges import Row as LinkRow
from graph.stores.base import GraphStore

MAX_DEGREE = 8  # measured at scale 1: 15 makes one 822-item cluster, 8 keeps the largest near 27
WEIGHT = {"Case": 4.0, "Clue": 2.0, "Finding": 1.5}
SEVERITY_WEIGHT = {"high": 3.0, "medium": 2.0, "low": 1.0}


class Supernode(BaseModel):
    id: str
    kind: str
    degree: int = Field(title="连接事项数")


class Cluster(BaseModel):
    rank: int
    weight: float = Field(title="权重")
    size: int = Field(title="事项数")
    kinds: dict[str, int] = Field(title="各类事项数")
    items: list[str]
    connectors: list[str] = Field(title="连接它们的人员/建议函")


class LinkedReport(BaseModel):
    clusters: list[Cluster]
    supernodes: list[Supernode] = Field(title="未展开的超级节点")
    max_degree: int


def _kind(node: str) -> str:
    return kind_of_id(node) or ""


def _weight(item: str, severity: str | None) -> float:
    kind = _kind(item)
    return SEVERITY_WEIGHT.get(severity or "", 1.0) if kind == "Issue" else WEIGHT.get(kind, 1.0)


def cluster_links(rows: list[LinkRow], *, max_degree: int = MAX_DEGREE, top: int = 50,
                  min_size: int = 3) -> LinkedReport:
    joined: DisjointSet[str] = DisjointSet()
    severity: dict[str, str | None] = {}
    items_of: dict[str, set[str]] = defaultdict(set)
    supernodes: dict[str, int] = {}
    for row in rows:
        severity[row.item_id] = row.item_severity.value if row.item_severity else None
        direct = _kind(row.via_id) in ("Issue", "Clue", "Case", "Finding")
        if direct:
            severity.setdefault(row.via_id, row.via_severity.value if row.via_severity else None)
            joined.union(row.item_id, row.via_id)
        elif row.via_degree > max_degree:
            supernodes[row.via_id] = row.via_degree
            joined.add(row.item_id)
        else:
            items_of[row.via_id].add(row.item_id)
    for ids in items_of.values():
        first, *rest = sorted(ids)
        joined.add(first)
        for item in rest:
            joined.union(item, first)
    connectors: dict[str, set[str]] = defaultdict(set)
    for via, ids in items_of.items():
        connectors[joined.find(next(iter(ids)))].add(via)
    clusters = []
    for items in joined.groups():
        root = joined.find(items[0])
        if len(items) < min_size:
            continue
        kinds = Counter(_kind(i) for i in items)
        clusters.append(Cluster(rank=0, weight=round(sum(_weight(i, severity.get(i)) for i in items), 2),
                                size=len(items), kinds=dict(sorted(kinds.items())), items=sorted(items),
                                connectors=sorted(connectors[root])))
    clusters.sort(key=lambda c: (-c.weight, -c.size, c.items[0]))
    for rank, cluster in enumerate(clusters[:top], 1):
        cluster.rank = rank
    return LinkedReport(clusters=clusters[:top], max_degree=max_degree,
                        supernodes=[Supernode(id=i, kind=_kind(i), degree=d)
                                    for i, d in sorted(supernodes.items(), key=lambda s: (-s[1], s[0]))])


def linked_clusters(store: GraphStore, *, max_degree: int = MAX_DEGREE, top: int = 50) -> LinkedReport:
    rows = [LinkRow.model_validate(r) for r in store.run_query("link_edges", {})]
    return cluster_links(rows, max_degree=max_degree, top=top)
