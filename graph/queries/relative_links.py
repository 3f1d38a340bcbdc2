from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import in_edges, kind_of, nodes_of_kind, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    village_id: str | None = Field(default=None, title="村（社区）（不填为全部）", max_length=64)


class Row(BaseModel):
    cadre_id: str
    cadre_name: str
    relative_id: str
    relative_name: str
    relation: str
    village_id: str
    village_name: str
    via: Literal["benefit", "contract"]
    target_id: str
    year: int
    detail: str | None


def _relatives(g: nx.MultiDiGraph, person: str) -> Iterator[tuple[str, dict[str, Any]]]:
    yield from out_edges(g, person, "RELATIVE_OF")
    yield from in_edges(g, person, "RELATIVE_OF")


def _dealings(g: nx.MultiDiGraph, relative: str, village: str) -> Iterator[tuple[str, str, Any, Any]]:
    """(via, target, year, detail): benefits received in the village, projects there contracted by the relative's firm."""
    for benefit, _ in out_edges(g, relative, "RECEIVED"):
        if any(v == village for v, _ in out_edges(g, benefit, "LOCATED_AT")):
            b = g.nodes[benefit]
            yield "benefit", benefit, b.get("year"), b.get("benefit_kind")
    for company, _ in out_edges(g, relative, "OWNS_OR_REPRESENTS"):
        for project, _ in out_edges(g, company, "CONTRACTED"):
            if any(v == village for v, _ in out_edges(g, project, "LOCATED_AT")):
                yield "contract", project, g.nodes[project].get("year"), g.nodes[company].get("name")


@named_query("relative_links", params=Params, result=Row)
def relative_links(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Cadre ↔ relative ↔ benefit in the cadre's village, or ↔ the relative's company on its project, during the post."""
    villages = [p.village_id] if p.village_id else nodes_of_kind(g, "Unit")
    rows: dict[tuple[str, ...], dict[str, Any]] = {}
    for village in villages:
        if village not in g or kind_of(g, village) != "Unit" or g.nodes[village].get("unit_kind") != "village":
            continue
        for cadre, post in in_edges(g, village, "HOLDS_POST"):
            if kind_of(g, cadre) != "Person":
                continue
            for relative, rel in _relatives(g, cadre):
                for via, target, year, detail in _dealings(g, relative, village):
                    if year is None:
                        continue
                    mid = f"{year}-06-30"
                    if post["start"] <= mid and (post.get("end") is None or mid <= post["end"]):
                        row = {"cadre_id": cadre, "cadre_name": g.nodes[cadre]["name"], "relative_id": relative,
                               "relative_name": g.nodes[relative]["name"], "relation": rel["relation"],
                               "village_id": village, "village_name": g.nodes[village]["name"], "via": via,
                               "target_id": target, "year": year, "detail": detail}
                        rows[tuple(str(v) for v in row.values())] = row
    return sorted(rows.values(), key=lambda r: (r["village_id"], r["cadre_id"], r["relative_id"], r["target_id"]))
