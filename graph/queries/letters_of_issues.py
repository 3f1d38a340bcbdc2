from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import SortedIds, in_edges, kind_of, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    issue_ids: list[str] = Field(title="问题", max_length=10_000)


class Row(BaseModel):
    letter_id: str
    code: str
    subject: str
    sent_date: str
    response: str | None
    response_date: str | None
    regulator_id: str | None
    regulator_name: str | None
    issue_ids: SortedIds


@named_query("letters_of_issues", params=Params, result=Row, trusted=True)
def letters_of_issues(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Suggestion letters that concern some issues: regulator, date and response (rows built in their final shape:
    the dashboard asks for every lettered issue of a city)."""
    covered: dict[str, set[str]] = {}
    for issue in set(p.issue_ids):
        if issue in g and kind_of(g, issue) == "Issue":
            for letter, _ in in_edges(g, issue, "CONCERNS"):
                covered.setdefault(letter, set()).add(issue)
    rows = []
    for letter, issues in covered.items():
        a = g._node[letter]
        regulators: list[str | None] = [u for u, _ in out_edges(g, letter, "ADDRESSED_TO")] or [None]
        for reg in regulators:
            rows.append({"letter_id": letter, "code": a["code"], "subject": a["subject"], "sent_date": a["sent_date"],
                         "response": a.get("response"), "response_date": a.get("response_date"),
                         "regulator_id": reg, "regulator_name": g._node[reg].get("name") if reg else None,
                         "issue_ids": sorted(issues)})
    rows.sort(key=lambda r: (r["sent_date"], r["letter_id"]))
    return rows
