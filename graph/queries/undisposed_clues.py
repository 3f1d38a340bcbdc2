from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import SortedIds, nodes_of_kind, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    transferred_before: date | None = Field(default=None, title="移交日期早于（不填为全部）")


class Row(BaseModel):
    clue_id: str
    code: str
    transfer_date: str
    receiver: str | None
    source_ids: SortedIds
    round_ids: SortedIds


@named_query("undisposed_clues", params=Params, result=Row, trusted=True)
def undisposed_clues(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Clues not yet disposed of (transferred before a day, or all), with receiver, sources and their rounds."""
    before = p.transferred_before.isoformat() if p.transferred_before else None
    rows = []
    for clue in nodes_of_kind(g, "Clue"):
        c = g.nodes[clue]
        if c.get("disposal") is not None or (before is not None and not c["transfer_date"] < before):
            continue
        sources = [s for s, _ in out_edges(g, clue, "ARISES_FROM")]
        rounds = [r for s in sources for r, _ in out_edges(g, s, "FOUND_IN")]
        rows.append({"clue_id": clue, "code": c["code"], "transfer_date": c["transfer_date"],
                     "receiver": c.get("receiver"), "source_ids": sorted(set(sources)),
                     "round_ids": sorted(set(rounds))})
    rows.sort(key=lambda r: (r["transfer_date"], r["clue_id"]))
    return rows
