from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.registry import named_query
from graph.queries.relative_links import Row
from graph.stores.embedded import KIND, TYPE


class Params(BaseModel):
    unit_ids: list[str] = Field(title="村（社区）（可多个）", max_length=20_000)


def _typed(adjacency: dict[str, dict[Any, dict[str, Any]]], edge_type: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(neighbour, attributes) of the edges of one type in a node's raw adjacency (networkx views cost more)."""
    for other, keyed in adjacency.items():
        for a in keyed.values():
            if a[TYPE] == edge_type:
                yield other, a


def _at(g: nx.MultiDiGraph, item: str, village: str) -> bool:
    return any(a[TYPE] == "LOCATED_AT" for a in g._succ[item].get(village, {}).values())  # noqa: SLF001


@named_query("profile_relative_links", params=Params, result=Row)
def profile_relative_links(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """优亲厚友 links of several villages in one pass: the pattern of ``relative_links`` (a cadre's relative
    receiving a benefit in the village, or the relative's company contracting its project, during the post)."""
    nodes, succ, pred = g._node, g._succ, g._pred  # noqa: SLF001
    rows: dict[tuple[str, ...], dict[str, Any]] = {}
    for village in set(p.unit_ids):
        v = nodes.get(village)
        if v is None or v[KIND] != "Unit" or v.get("unit_kind") != "village":
            continue
        for cadre, post in _typed(pred[village], "HOLDS_POST"):
            if nodes[cadre][KIND] != "Person":
                continue
            for relative, rel in [*_typed(succ[cadre], "RELATIVE_OF"), *_typed(pred[cadre], "RELATIVE_OF")]:
                if nodes[relative][KIND] != "Person":
                    continue
                dealings = [("benefit", b, nodes[b].get("year"), nodes[b].get("benefit_kind"))
                            for b, _ in _typed(succ[relative], "RECEIVED")
                            if nodes[b][KIND] == "Benefit" and _at(g, b, village)]
                dealings += [("contract", pr, nodes[pr].get("year"), nodes[c].get("name"))
                             for c, _ in _typed(succ[relative], "OWNS_OR_REPRESENTS") if nodes[c][KIND] == "Company"
                             for pr, _ in _typed(succ[c], "CONTRACTED")
                             if nodes[pr][KIND] == "Project" and _at(g, pr, village)]
                for via, target, year, detail in dealings:
                    mid = f"{year}-06-30"
                    if year is None or not (post["start"] <= mid and (post.get("end") is None or mid <= post["end"])):
                        continue
                    row = {"cadre_id": cadre, "cadre_name": nodes[cadre]["name"], "relative_id": relative,
                           "relative_name": nodes[relative]["name"], "relation": rel["relation"],
                           "village_id": village, "village_name": v["name"], "via": via, "target_id": target,
                           "year": year, "detail": detail}
                    rows[tuple(str(x) for x in row.values())] = row
    return sorted(rows.values(), key=lambda r: (r["village_id"], r["cadre_id"], r["relative_id"], r["target_id"]))
