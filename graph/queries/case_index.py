from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import SortedIds, nodes_of_kind, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    round_id: str | None = Field(default=None, title="轮次", max_length=64)
    item_id: str | None = Field(default=None, title="案件、线索或问题", max_length=64)
    opened_from: dt.date | None = Field(default=None, title="立案日期起")
    opened_to: dt.date | None = Field(default=None, title="立案日期止")


class Row(BaseModel):
    case_id: str
    code: str
    opened: str
    clue_ids: SortedIds
    source_ids: SortedIds
    round_ids: SortedIds


@named_query("case_index", params=Params, result=Row)
def case_index(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Cases with their clues, source issues and rounds; filter by round, opening period, or a clue/issue behind them."""
    lo = p.opened_from.isoformat() if p.opened_from else None
    hi = p.opened_to.isoformat() if p.opened_to else None
    rows = []
    for case in nodes_of_kind(g, "Case"):
        k = g.nodes[case]
        if (lo and k["opened"] < lo) or (hi and k["opened"] > hi):
            continue
        clues = [c for c, _ in out_edges(g, case, "OPENED_FROM")]
        sources = [s for c in clues for s, _ in out_edges(g, c, "ARISES_FROM")]
        rounds = [r for s in sources for r, _ in out_edges(g, s, "FOUND_IN")]
        if p.round_id is not None and p.round_id not in rounds:
            continue
        if p.item_id is not None and p.item_id != case and p.item_id not in clues and p.item_id not in sources:
            continue
        rows.append({"case_id": case, "code": k["code"], "opened": k["opened"], "clue_ids": clues,
                     "source_ids": sources, "round_ids": rounds})
    rows.sort(key=lambda r: (r["opened"], r["case_id"]))
    return rows
