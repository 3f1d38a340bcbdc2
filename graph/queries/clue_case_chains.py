from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx
from pydantic import BaseModel, Field, computed_field, field_validator

from graph.queries.common import in_edges, kind_of, nodes_of_kind, out_edges
from graph.queries.registry import named_query


class Params(BaseModel):
    unit_id: str | None = Field(default=None, title="单位", description="只看源自该单位问题或发现的线索")
    limit: int = Field(default=500, ge=1, le=10000, title="条数上限")


class Row(BaseModel):
    clue_id: str
    clue_code: str
    source_id: str | None
    source_kind: str | None
    unit_id: str | None
    transfer_date: str
    disposal: str | None
    disposal_date: str | None
    case_id: str | None
    case_code: str | None
    case_opened: str | None
    outcome: str | None
    person_ids: list[str]

    @field_validator("person_ids")
    @classmethod
    def _sorted(cls, value: list[str]) -> list[str]:
        return sorted(value)

    @computed_field(title="移交至处置天数")  # type: ignore[prop-decorator]
    @property
    def days_to_disposal(self) -> int | None:
        if self.disposal_date is None:
            return None
        return (date.fromisoformat(self.disposal_date) - date.fromisoformat(self.transfer_date)).days


@named_query("clue_case_chains", params=Params, result=Row)
def clue_case_chains(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """Each clue with where it came from, how it was disposed of and the case it led to."""
    rows = []
    for clue in nodes_of_kind(g, "Clue"):
        source = next((s for s, _ in out_edges(g, clue, "ARISES_FROM")), None)
        unit = next((u for u, _ in out_edges(g, source, "FOUND_AT")), None) if source else None
        if p.unit_id is not None and unit != p.unit_id:
            continue
        case = next((k for k, _ in in_edges(g, clue, "OPENED_FROM")), None)
        c, k = g.nodes[clue], g.nodes[case] if case else {}
        rows.append({"clue_id": clue, "clue_code": c["code"], "source_id": source,
                     "source_kind": kind_of(g, source) if source else None, "unit_id": unit,
                     "transfer_date": c["transfer_date"], "disposal": c.get("disposal"),
                     "disposal_date": c.get("disposal_date"), "case_id": case, "case_code": k.get("code"),
                     "case_opened": k.get("opened"), "outcome": k.get("outcome"),
                     "person_ids": sorted({x for x, _ in out_edges(g, clue, "INVOLVES")})})
    rows.sort(key=lambda r: (r["transfer_date"], r["clue_id"]))
    return rows[: p.limit]
