from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.model.enums import Severity
from graph.queries.common import kind_of
from graph.queries.registry import named_query
from graph.stores.embedded import TYPE

ITEMS = {"Issue", "Clue", "Case", "Finding"}
CONNECTORS = {"Person", "Letter"}
VIA_TYPES = {"RESPONSIBLE_FOR", "INVOLVES", "CONCERNS"}
DIRECT = {"ARISES_FROM": ({"Clue"}, {"Issue", "Finding"}), "OPENED_FROM": ({"Case"}, {"Clue"}),
          "REPEATS": ({"Issue"}, {"Issue"})}


class Params(BaseModel):
    item_id: str | None = Field(default=None, title="只看与此事项相连的（不填为全部）", max_length=64)


class Row(BaseModel):
    item_id: str
    item_severity: Severity | None
    via_id: str
    via_severity: Severity | None
    via_degree: int


@named_query("link_edges", params=Params, result=Row)
def link_edges(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """What ties issues, clues, cases and findings together: shared people and letters, or a direct edge."""
    via_links: set[tuple[str, str]] = set()
    direct: set[tuple[str, str]] = set()
    for s, d, attrs in g.edges(data=True):
        t, ks, kd = attrs[TYPE], kind_of(g, s), kind_of(g, d)
        if t in VIA_TYPES:
            via_links.update((item, via) for item, via, kv in ((s, d, kd), (d, s, ks))
                             if kind_of(g, item) in ITEMS and kv in CONNECTORS)
        elif t in DIRECT and ks in DIRECT[t][0] and kd in DIRECT[t][1]:
            direct.add((s, d))
    degree = Counter(via for _, via in via_links)
    rows = [{"item_id": item, "item_severity": g.nodes[item].get("severity"), "via_id": via, "via_severity": None,
             "via_degree": degree[via]} for item, via in via_links]
    rows += [{"item_id": s, "item_severity": g.nodes[s].get("severity"), "via_id": d,
              "via_severity": g.nodes[d].get("severity"), "via_degree": 1} for s, d in direct]
    rows = [r for r in rows if p.item_id is None or p.item_id in (r["item_id"], r["via_id"])]
    rows.sort(key=lambda r: (r["item_id"], r["via_id"]))
    return rows
