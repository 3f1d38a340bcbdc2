"""What a load does to the graph, row by row: creates an entry, changes one (before → after), or repeats it —
and the entries an earlier load of the file gave from rows it no longer has (``dropped``).

A ledger row whose key (round, unit and 序号 of an issue; a clue's code …) names
an entry already in the graph overwrites that entry's fields. The report must
say so, with the fields before and after, instead of counting it as loaded like
a new one; a row identical to what is stored changes nothing and is counted as
unchanged.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from graph.model import NodeRecord
from graph.stores.base import GraphStore

HIDDEN = frozenset({"id_hash"})  # shown as changed, never with its value
MAX_SHOWN = 200


class FieldChange(BaseModel):
    field: str = Field(title="字段")
    before: Any = Field(title="原值")
    after: Any = Field(title="新值")


class UpdateNote(BaseModel):
    sheet: str | None = Field(title="工作表")
    row: int = Field(title="行号")
    id: str = Field(title="标识")
    kind: str = Field(title="类别")
    changes: list[FieldChange] = Field(title="改动")


class DroppedRecord(BaseModel):
    """A record an earlier load of the file gave from a row the file no longer has (see ``loaders.ledgers.dropped``);
    named by its code or words, never by a person's name."""

    kind: str = Field(title="类别")
    id: str = Field(title="标识")
    called: str = Field(default="", title="编号或内容")
    sheet: str | None = Field(default=None, title="原工作表")
    row: int | None = Field(default=None, title="原行号")


class DroppedLink(BaseModel):
    """A relationship an earlier load of the file wrote from a row it no longer has, or no longer gives (a task row
    now citing another problem); its ends named by code or name, a person only as 人员."""

    id: str = Field(title="标识")
    type: str = Field(title="关系")
    src: str = Field(title="起点")
    dst: str = Field(title="终点")
    sheet: str | None = Field(default=None, title="原工作表")
    row: int | None = Field(default=None, title="原行号")
    elsewhere: bool = Field(default=False, title="另见于其他文件：删除时保留，仅去掉本文件来源")


class Dropped(BaseModel):
    count: int = Field(default=0, title="文件中已删去、图中仍有的记录")
    records: list[DroppedRecord] = Field(default_factory=list, title="明细（前 200 条）")
    unrelated: bool = Field(default=False, title="上次载入的记录本文件一条也没有：可能是同名的另一份文件，请勿删除")
    emptied: bool = Field(default=False, title="文件已没有数据行：上次载入的记录都已删去")
    not_listed: bool = Field(default=False, title="有被拒绝的行，未列出已删去的行")
    removed: int = Field(default=0, title="已随本次载入删除")
    named_only: int = Field(default=0, title="只被删去的行提及、一并删除的记录（如人员）")
    unsourced: int = Field(default=0, title="另见于其他文件、仅去掉本文件来源（记录和关系）")
    links: int = Field(default=0, title="文件中已删去或已改的行所载关系（如任职、分管）")
    link_records: list[DroppedLink] = Field(default_factory=list, title="关系明细（前 200 条）")
    links_removed: int = Field(default=0, title="已随本次载入删除的关系")


class Changes(BaseModel):
    created: int = Field(default=0, title="新增")
    updated: int = Field(default=0, title="改写")
    unchanged: int = Field(default=0, title="无变化")
    updates: list[UpdateNote] = Field(default_factory=list, title="改写明细（前 200 条）")
    dropped: Dropped = Field(default_factory=Dropped, title="文件中已删去的行")


def _diff(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    out = []
    for key in sorted(new):
        if key == "id" or old.get(key) == new[key]:
            continue
        hidden = key in HIDDEN
        out.append(FieldChange(field=key, before="（已隐去）" if hidden else old.get(key),
                               after="（已隐去）" if hidden else new[key]))
    return out


def classify(store: GraphStore, rows: list[tuple[str | None, int, NodeRecord]]) -> Changes:
    """Compare each row's main record (sheet, row number, record) with what the graph holds now."""
    stored = {r["id"]: r["props"] for r in store.run_query("entities_by_ids", {"ids": [rec.id for _, _, rec in rows]})}
    changes = Changes()
    for sheet, number, record in rows:
        if record.id not in stored:
            changes.created += 1
            continue
        diff = _diff(stored[record.id], record.props)
        if not diff:
            changes.unchanged += 1
            continue
        changes.updated += 1
        if len(changes.updates) < MAX_SHOWN:
            changes.updates.append(UpdateNote(sheet=sheet, row=number, id=record.id, kind=record.kind.value,
                                              changes=diff))
    return changes
