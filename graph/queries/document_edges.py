from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, Field

from graph.queries.common import kind_of
from graph.queries.registry import named_query
from graph.stores.embedded import TYPE


class Params(BaseModel):
    doc: str = Field(title="文件（Document 节点）", max_length=200)


class Row(BaseModel):
    id: str
    type: str
    src: str
    src_kind: str
    dst: str
    dst_kind: str
    sheet: str | None
    row: int | None
    source_doc: str | None
    also_from: list[str]


@named_query("document_edges", params=Params, result=Row)
def document_edges(g: nx.MultiDiGraph, p: Params) -> list[dict[str, Any]]:
    """The relationships a ledger file's rows wrote (their ``source_doc``, or it among their ``also_from``) and the
    files that gave each: a reload finds those no row gives now, and which other file still gives one."""
    rows = [{"id": key, "type": data[TYPE], "src": s, "src_kind": kind_of(g, s), "dst": d, "dst_kind": kind_of(g, d),
             "sheet": data.get("source_sheet"), "row": data.get("source_row"), "source_doc": data.get("source_doc"),
             "also_from": list(data.get("also_from") or [])}
            for s, d, key, data in g.edges(keys=True, data=True)
            if data.get("source_doc") == p.doc or p.doc in (data.get("also_from") or ())]
    rows.sort(key=lambda r: r["id"])
    return rows
