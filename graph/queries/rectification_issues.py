from __future__ import annotations

from operator import itemgetter
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import SortedIds, in_edges, nodes_of_kind
from graph.queries.registry import named_query
from graph.stores.embedded import KIND, TYPE


class Params(BaseModel):
    round_ids: list[str] | None = Field(default=None, title="轮次（不填为全部）", max_length=1000)


class Row(BaseModel):
    issue_id: str
    code: str | None
    text: str
    category: str
    top_category: str | None
    severity: str
    status: str
    found_date: str
    round_id: str
    unit_id: str
    relapse_of: SortedIds
    letter_ids: SortedIds


@named_query("rectification_issues", params=Params, result=Row, trusted=True)
def rectification_issues(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Issues found in some rounds (or all): unit, category, severity, status, the rectified issues each is a
    relapse of (REPEATS marked relapse) and the letters concerning it, for rectification rates."""
    rounds = [r for r in p.round_ids if r in g] if p.round_ids is not None else nodes_of_kind(g, "Round")
    nodes, rows = g._node, []  # the raw node dict: NodeView lookups cost as much as the rest
    for rnd in set(rounds):
        if nodes[rnd][KIND] != "Round":
            continue
        for issue, _ in in_edges(g, rnd, "FOUND_IN"):
            i = nodes[issue]
            if i[KIND] != "Issue":
                continue
            relapse_of, units = [], []
            for other, keyed in g._succ[issue].items():  # one pass over the issue's edges for both
                for attrs in keyed.values():
                    if attrs[TYPE] == "FOUND_AT" and nodes[other][KIND] == "Unit":
                        units.append(other)
                    elif attrs[TYPE] == "REPEATS" and attrs.get("relapse") is True and nodes[other][KIND] == "Issue":
                        relapse_of.append(other)
            letters = sorted({x for x, keyed in g._pred[issue].items()  # the kind first: most are tasks
                              if nodes[x][KIND] == "Letter" and any(a[TYPE] == "CONCERNS" for a in keyed.values())})
            relapse_of = sorted(set(relapse_of))
            rows += [{"issue_id": issue, "code": i.get("code"), "text": i["text"], "category": i["category"],
                      "top_category": i.get("top_category"), "severity": i["severity"], "status": i["status"],
                      "found_date": i["found_date"], "round_id": rnd, "unit_id": unit, "relapse_of": relapse_of,
                      "letter_ids": letters} for unit in units]
    rows.sort(key=itemgetter("round_id", "unit_id", "issue_id"))
    return rows
