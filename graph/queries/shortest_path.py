from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import display_name, kind_of, props_of
from graph.queries.registry import named_query
from graph.stores.embedded import TYPE


class Params(BaseModel):
    source: str = Field(title="起点", min_length=1, max_length=64)
    target: str = Field(title="终点", min_length=1, max_length=64)
    max_depth: int = Field(default=6, ge=1, le=6, title="最大步数")


class Step(BaseModel):
    id: str
    kind: str
    name: str | None


class Row(BaseModel):
    length: int
    nodes: list[Step]


@named_query("shortest_path", params=Params, result=Row)
def shortest_path(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """The shortest connection between two entities, ignoring provenance links.

    Of several shortest paths the one with the smallest sequence of ids is
    returned, so both stores agree. The search is bounded by ``max_depth`` while
    it runs (from both ends), not checked afterwards.
    """
    if p.source not in g or p.target not in g or p.source == p.target:
        return []
    length = _distance(g, p.source, p.target, p.max_depth)
    if length is None:
        return []
    to_target = _layers(g, p.target, length - 1)
    best, here = [p.source], p.source
    for step in range(1, length + 1):  # the smallest id that still lies on a shortest path, at every step
        here = min(n for n in _neighbours(g, here) if to_target.get(n) == length - step)
        best.append(here)
    return [{"length": length,
             "nodes": [{"id": n, "kind": kind_of(g, n), "name": display_name(props_of(g, n))} for n in best]}]


def _neighbours(g: nx.MultiDiGraph, node: str) -> set[str]:
    """Neighbours either way along any relationship but provenance (``SOURCED_FROM``)."""
    found: set[str] = set()
    for adjacency in (g._succ[node], g._pred[node]):
        for other, keyed in adjacency.items():
            if any(attrs[TYPE] != "SOURCED_FROM" for attrs in keyed.values()):
                found.add(other)
    return found


def _distance(g: nx.MultiDiGraph, source: str, target: str, max_depth: int) -> int | None:
    """Steps between two nodes by breadth-first search from both ends (the smaller frontier first), never
    looking further than ``max_depth`` steps in all: a far or missing connection costs only that much."""
    seen = ({source: 0}, {target: 0})
    frontier = ([source], [target])
    depth = [0, 0]
    while frontier[0] and frontier[1] and depth[0] + depth[1] < max_depth:
        side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
        mine, theirs = seen[side], seen[1 - side]
        nxt: list[str] = []
        depth[side] += 1
        meet: int | None = None
        for node in frontier[side]:
            for other in _neighbours(g, node):
                if other in mine:
                    continue
                mine[other] = depth[side]
                nxt.append(other)
                if other in theirs:
                    total = depth[side] + theirs[other]
                    meet = total if meet is None else min(meet, total)
        if meet is not None:
            return meet
        frontier = (nxt, frontier[1]) if side == 0 else (frontier[0], nxt)
    return None


def _layers(g: nx.MultiDiGraph, start: str, depth: int) -> dict[str, int]:
    """Distance from ``start`` of every node at most ``depth`` steps away."""
    dist, frontier = {start: 0}, [start]
    for level in range(1, depth + 1):
        nxt = []
        for node in frontier:
            for other in _neighbours(g, node):
                if other not in dist:
                    dist[other] = level
                    nxt.append(other)
        frontier = nxt
    return dist
