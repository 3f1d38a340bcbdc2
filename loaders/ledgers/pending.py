"""Categories held 待归类, and moving them once the county has said where they belong.

A label no rule places is loaded under ``其他`` with the clerk's own label kept on the node (``raw_category``,
see :mod:`loaders.ledgers.categories`). ``xuncha categories pending`` lists them (named query
``pending_categories``, with the file and row each came from); after the county adds the label to
``category_aliases.csv``, ``xuncha categories apply`` resolves every held label again and moves the nodes that
now resolve to their category in place, in one write. Nothing is reloaded.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from graph.model import NodeKind, NodeRecord
from graph.model.taxonomy import load_taxonomy
from graph.stores.base import GraphStore
from loaders.ledgers.categories import OTHER, Categories, Pending


class Held(BaseModel):
    """One issue or finding held 待归类."""

    id: str = Field(title="标识")
    kind: str = Field(title="类别")
    code: str | None = Field(default=None, title="编号")
    raw_category: str = Field(title="原填类别")
    category: str = Field(title="现类别")
    text: str | None = Field(default=None, title="问题描述")
    unit_name: str | None = Field(default=None, title="单位")
    source: str | None = Field(default=None, title="来源（文件、工作表、行）")


class Moved(BaseModel):
    id: str = Field(title="标识")
    raw_category: str = Field(title="原填类别")
    category: str = Field(title="归入类别")
    rule: str = Field(title="依据")


class Applied(BaseModel):
    moved: list[Moved] = Field(default_factory=list, title="已归类")
    still_pending: list[str] = Field(default_factory=list, title="仍待归类的原填类别")


def held(store: GraphStore, kind: str | None = None) -> list[Held]:
    """Every issue and finding held 待归类, with the ledger row it came from."""
    rows = store.run_query("pending_categories", {"kind": kind})
    sources: dict[str, str] = {}
    if rows:
        for s in store.run_query("sources_of", {"ids": sorted({r["id"] for r in rows})}):
            sources.setdefault(s["id"], _where(s))
    return [Held(id=r["id"], kind=r["kind"], code=r.get("code"), raw_category=r["raw_category"],
                 category=r["category"], text=r.get("text"),
                 unit_name=r.get("unit_name"), source=sources.get(r["id"])) for r in rows]


def _where(source: dict) -> str:
    path = str(source.get("path") or source.get("document_id") or "")
    parts = [Path(path).name if path else ""]
    if source.get("sheet"):
        parts.append(f"工作表“{source['sheet']}”")
    if source.get("row") is not None:
        parts.append(f"第{source['row']}行")
    return "，".join(p for p in parts if p)


def apply_aliases(store: GraphStore, data_dir: Path | None) -> Applied:
    """Resolve every held label again with the county's alias table; move those that now resolve, in one write."""
    categories = Categories.for_data_dir(data_dir)
    taxonomy = load_taxonomy()
    result = Applied()
    updates: list[NodeRecord] = []
    still: set[str] = set()
    seen: set[str] = set()
    for row in store.run_query("pending_categories", {"kind": None}):
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        note: str | None
        if row["category"] != OTHER:  # a later load placed it (its file fixed, or an alias): only the label goes
            label, note = row["category"], "重新载入时已归类"
        else:
            label, note = categories.resolve(row["raw_category"])
        if isinstance(label, Pending):
            still.add(row["raw_category"])
            continue
        props: dict = {"category": str(label), "raw_category": None}  # null: the property is removed (SET +=)
        if row["kind"] == NodeKind.ISSUE.value:
            props["top_category"] = taxonomy.top_of(str(label))
        updates.append(NodeRecord(id=row["id"], kind=NodeKind(row["kind"]), props=props))
        result.moved.append(Moved(id=row["id"], raw_category=row["raw_category"], category=str(label),
                                  rule=note or "分类表"))
    if updates:
        store.upsert(updates, [])
    result.still_pending = sorted(still)
    return result
