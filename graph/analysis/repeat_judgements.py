"""An analyst's word on cross-round repeats, remembered and re-applied by every recompute.

Like the namesake judgements (and OpenSanctions' nomenklatura, DefectDojo's false-positive marks), a
judgement settles a pair of issues once, for good:

- **confirm**: a suggested repeat is right; it stays whatever the score does later, its evidence says
  "已由…确认";
- **reject**: a suggested repeat is wrong; the pair never comes back;
- **link**: two issues the method missed are one problem; the pair becomes a repeat, evidence "由…人工关联".

Judgements live in ``repeat_judgements.json`` in the data folder (beside ``graph.sqlite``; the same file serves
a Neo4j store), written whole or not at all (0600), with who, when and why, and who took one back when. The
graph is the store's; this file is the data folder's, so a reload or a restore keeps the judgements and the
next recompute applies them again.
"""

from __future__ import annotations

import json
import os
import secrets
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from graph.model import EdgeType, NodeKind
from graph.stores.base import GraphStore

FILE = "repeat_judgements.json"
Verdict = Literal["confirm", "reject", "link"]
VERDICT_ZH = {"confirm": "确认为重复", "reject": "否定（不是重复）", "link": "人工关联（方法未识别）"}


class RepeatJudgementError(ValueError):
    """A judgement that cannot be made or undone; the message is for the analyst."""


class RepeatJudgement(BaseModel):
    id: str = Field(title="编号")
    verdict: Verdict = Field(title="判断")
    later: str = Field(title="后发现的问题")
    earlier: str = Field(title="此前的问题")
    who: str = Field(title="判断人")
    at: str = Field(title="判断时间")
    why: str | None = Field(default=None, title="理由")
    undone_by: str | None = Field(default=None, title="撤销人")
    undone_at: str | None = Field(default=None, title="撤销时间")

    @property
    def active(self) -> bool:
        return self.undone_at is None

    @property
    def label(self) -> str:
        return VERDICT_ZH[self.verdict]

    def note(self) -> str:
        """What the REPEATS evidence says of it."""
        day = self.at[:10]
        why = f"（理由：{self.why}）" if self.why else ""
        if self.verdict == "link":
            return f"由{self.who}于{day}人工关联为重复问题{why}"
        return f"已由{self.who}于{day}确认为重复问题{why}"


class RepeatJudgements:
    """The repeat judgements of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / FILE
        self.items: list[RepeatJudgement] = []
        if self.path.exists():
            try:
                self.items = [RepeatJudgement.model_validate(j) for j in json.loads(self.path.read_text("utf-8"))]
            except ValueError as exc:
                raise RepeatJudgementError(f"重复问题判断文件 {self.path.name} 无法读取：{exc}") from exc

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps([j.model_dump(mode="json") for j in self.items], ensure_ascii=False, indent=1),
                       "utf-8")
        tmp.chmod(0o600)
        os.replace(tmp, self.path)

    def active(self) -> list[RepeatJudgement]:
        return [j for j in self.items if j.active]

    def of_pair(self, a: str, b: str) -> RepeatJudgement | None:
        return next((j for j in self.active() if {j.later, j.earlier} == {a, b}), None)

    def get(self, judgement_id: str) -> RepeatJudgement:
        found = next((j for j in self.items if j.id == judgement_id), None)
        if found is None:
            raise RepeatJudgementError(f"没有编号为“{judgement_id}”的重复问题判断；可运行 xuncha repeats judgements 查看")
        return found

    def rejected(self) -> set[frozenset[str]]:
        return {frozenset((j.later, j.earlier)) for j in self.active() if j.verdict == "reject"}

    def kept(self) -> dict[frozenset[str], RepeatJudgement]:
        """Confirmed and linked pairs: they stay repeats whatever the score."""
        return {frozenset((j.later, j.earlier)): j for j in self.active() if j.verdict != "reject"}


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _round_start(store: GraphStore, issue_id: str) -> str:
    node = store.get_node(issue_id)
    if node is None or node.kind is not NodeKind.ISSUE:
        raise RepeatJudgementError(f"图谱中没有编号为“{issue_id}”的问题")
    round_node = store.get_node(str(node.props.get("round_id") or ""))
    if round_node is None:
        raise RepeatJudgementError(f"问题“{issue_id}”没有所属的巡察轮次，无法判断先后")
    return str(round_node.props.get("start") or "")


def _issue_id(store: GraphStore, ref: str) -> str:
    """An issue named by its id or by its 问题编号 (a ledger's, or the WB-… of a problem accepted from a report): a
    clerk has the code, the pages show it, and only the id was taken."""
    ref = ref.strip()
    if store.get_node(ref) is not None:
        return ref
    rows = store.run_query("ids_by_code", {"kind": "Issue", "codes": [ref]})
    if len(rows) > 1:
        raise RepeatJudgementError(f"问题编号“{ref}”对应 {len(rows)} 个问题；请改用问题标识（iss_…）")
    return rows[0]["id"] if rows else ref  # not found: said where the issue is looked up


def _suggested(store: GraphStore, a: str, b: str) -> bool:
    """Whether the store holds a REPEATS edge between the two issues now."""
    return any(n.edge.type is EdgeType.REPEATS and n.node.id == b for n in store.neighbours(a, limit=10_000))


def judge(store: GraphStore, judgements: RepeatJudgements, verdict: Verdict, a: str, b: str, *, who: str,
          why: str | None = None) -> RepeatJudgement:
    """Record a judgement on issues ``a`` and ``b`` (ids or 问题编号, either order); the caller recomputes the repeats."""
    if verdict not in VERDICT_ZH:
        raise RepeatJudgementError("判断只能是 confirm（确认）、reject（否定）或 link（人工关联）")
    a, b = _issue_id(store, a), _issue_id(store, b)
    if a == b:
        raise RepeatJudgementError("两个编号相同；请给出两个不同的问题")
    starts = {x: _round_start(store, x) for x in (a, b)}
    if starts[a] == starts[b]:
        raise RepeatJudgementError("两个问题属于同一轮次巡察，不构成跨轮次重复")
    later, earlier = (a, b) if starts[a] > starts[b] else (b, a)
    existing = judgements.of_pair(a, b)
    if existing is not None:
        raise RepeatJudgementError(f"这两个问题已有判断（{existing.id}，{existing.label}，{existing.who}）；"
                                   f"如需改变，先运行 xuncha repeats undo {existing.id}")
    suggested = _suggested(store, a, b)
    if verdict == "confirm" and not suggested:
        raise RepeatJudgementError("这两个问题目前未被识别为重复问题，无从确认；如确属同一问题，请用 link 人工关联")
    if verdict == "link" and suggested:
        raise RepeatJudgementError("这两个问题已被识别为重复问题；如确属同一问题，请用 confirm 确认")
    judgement = RepeatJudgement(id="r" + secrets.token_hex(4), verdict=verdict, later=later, earlier=earlier, who=who,
                                at=_now(), why=(why or "").strip() or None)
    judgements.items.append(judgement)
    judgements.save()
    return judgement


def undo(judgements: RepeatJudgements, judgement_id: str, *, who: str) -> RepeatJudgement:
    """Take a judgement back (kept in the file with who undid it when); the caller recomputes."""
    judgement = judgements.get(judgement_id)
    if not judgement.active:
        raise RepeatJudgementError(f"判断 {judgement_id} 已于 {judgement.undone_at} 由 {judgement.undone_by} 撤销")
    judgement.undone_by, judgement.undone_at = who, _now()
    judgements.save()
    return judgement
