"""Relationship kinds: which node kinds they join and the fields they carry.

Relationships are first-class: each has a pydantic model for its own fields
(``HOLDS_POST`` carries the post, its dates and whether it is the
first-in-command), and a discriminator so parallel edges (two terms in the
same post) stay apart.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from graph.model.enums import EdgeType, NodeKind, RelativeKind, SuccessionKind
from graph.model.ids import edge_id
from graph.model.records import EdgeRecord

K = NodeKind


class EdgeProps(BaseModel):
    """Every relationship may say which ledger row it was read from (edges cannot point at a Document): the file
    that wrote it last (``source_doc``, its sheet and row) and the other files whose rows give it too
    (``also_from``), so a file that no longer gives it does not take it from the others."""

    model_config = ConfigDict(extra="forbid")

    source_doc: str | None = Field(default=None, title="来源文件")
    source_sheet: str | None = Field(default=None, title="来源工作表")
    source_row: int | None = Field(default=None, title="来源行号")
    also_from: list[str] | None = Field(default=None, title="也载于文件")


class NoProps(EdgeProps):
    pass


class PostProps(EdgeProps):
    post: str = Field(title="职务")
    first_in_command: bool = Field(default=False, title="一把手")
    team_member: bool = Field(default=True, title="班子成员")
    start: date = Field(title="任职起")
    end: date | None = Field(default=None, title="任职止")


class PeriodProps(EdgeProps):
    start: date | None = Field(default=None, title="起")
    end: date | None = Field(default=None, title="止")


class InspectedProps(EdgeProps):
    round_id: str = Field(title="巡察轮次")


class ResponsibleProps(EdgeProps):
    role: str = Field(title="责任类型")  # first_in_command | team_member
    derived: bool = Field(default=True, title="推定")


class DatedProps(EdgeProps):
    on: date | None = Field(default=None, title="日期")


class InvolvesProps(EdgeProps):
    role: str | None = Field(default=None, title="涉及身份")


class RelativeProps(EdgeProps):
    relation: RelativeKind = Field(title="亲属关系")


class ContractProps(EdgeProps):
    amount: float | None = Field(default=None, title="合同金额（万元）")


class RepresentsProps(EdgeProps):
    role: str = Field(title="身份")  # 法定代表人 | 股东


class SuccessionProps(EdgeProps):
    on: date | None = Field(default=None, title="日期")
    mode: SuccessionKind = Field(default=SuccessionKind.RENAMED, title="方式")


class RepeatsProps(EdgeProps):
    score: float = Field(title="相似度", ge=0, le=1)
    evidence: str = Field(title="依据")
    relapse: bool = Field(default=False, title="整改后复发")
    chronic: bool = Field(default=False, title="屡查屡犯（≥3轮）")
    long_unrectified: bool = Field(default=False, title="逾期未整改")
    phrases: list[str] = Field(default_factory=list, title="共同要点")
    method: str = Field(default="", title="计算方法")


class SourceProps(EdgeProps):
    sheet: str | None = Field(default=None, title="工作表")
    row: int | None = Field(default=None, title="行号")
    paragraph: int | None = Field(default=None, title="段落")
    place: str | None = Field(default=None, title="位置（报告文本：第几段，或表格第几行）")
    main: bool | None = Field(default=None, title="该行所载的主记录（台账：每行一条的问题、任务、线索…）")
    entry: int | None = Field(default=None, title="复核队列条目（报告文本：接受的是第几条）")


@dataclass(frozen=True)
class EdgeSpec:
    type: EdgeType
    sources: frozenset[NodeKind]
    targets: frozenset[NodeKind]
    props: builtins.type[EdgeProps]  # builtins: the field ``type`` above shadows the name in this body
    discriminator: tuple[str, ...] = ()


def _spec(t: EdgeType, src: set[NodeKind], dst: set[NodeKind], props: type[EdgeProps] = NoProps,
          disc: tuple[str, ...] = ()) -> EdgeSpec:
    return EdgeSpec(t, frozenset(src), frozenset(dst), props, disc)


ALL_KINDS = set(NodeKind)
T = EdgeType
EDGE_SPECS: dict[EdgeType, EdgeSpec] = {s.type: s for s in (
    _spec(T.HOLDS_POST, {K.PERSON}, {K.UNIT}, PostProps, ("post", "start")),
    _spec(T.OVERSEES, {K.PERSON}, {K.UNIT}, PeriodProps, ("start",)),
    _spec(T.PART_OF, {K.UNIT}, {K.UNIT}),
    _spec(T.REGULATED_BY, {K.UNIT}, {K.UNIT}),
    _spec(T.INSPECTED, {K.GROUP}, {K.UNIT}, InspectedProps),
    _spec(T.IN_ROUND, {K.GROUP}, {K.ROUND}),
    _spec(T.FOUND_AT, {K.ISSUE, K.FINDING}, {K.UNIT}),
    _spec(T.FOUND_IN, {K.ISSUE}, {K.ROUND}),
    _spec(T.FOUND_BY, {K.ISSUE}, {K.GROUP}),
    _spec(T.RESPONSIBLE_FOR, {K.PERSON}, {K.ISSUE}, ResponsibleProps),
    _spec(T.RECTIFIES, {K.TASK}, {K.ISSUE}),
    _spec(T.ARISES_FROM, {K.CLUE}, {K.ISSUE, K.FINDING}),
    _spec(T.INVOLVES, {K.CLUE, K.CASE, K.FINDING}, {K.PERSON}, InvolvesProps),
    _spec(T.TRANSFERRED_TO, {K.CLUE}, {K.UNIT}, DatedProps),
    _spec(T.OPENED_FROM, {K.CASE}, {K.CLUE}, DatedProps),
    _spec(T.CONCERNS, {K.LETTER}, {K.ISSUE}),
    _spec(T.ADDRESSED_TO, {K.LETTER}, {K.UNIT}),
    _spec(T.RELATIVE_OF, {K.PERSON}, {K.PERSON}, RelativeProps),
    _spec(T.CONTRACTED, {K.COMPANY}, {K.PROJECT}, ContractProps),
    _spec(T.LOCATED_AT, {K.PROJECT, K.BENEFIT, K.PETITION}, {K.UNIT}),
    _spec(T.OWNS_OR_REPRESENTS, {K.PERSON}, {K.COMPANY}, RepresentsProps, ("role",)),
    _spec(T.RECEIVED, {K.PERSON}, {K.BENEFIT}),
    _spec(T.REPEATS, {K.ISSUE}, {K.ISSUE}, RepeatsProps),
    _spec(T.RESPONDS_TO, {K.MEASURE}, {K.LETTER, K.CASE, K.ISSUE}),
    _spec(T.ISSUED_BY, {K.MEASURE}, {K.UNIT}),
    _spec(T.REQUESTED_IN, {K.DATA_REQUEST}, {K.ROUND}),
    _spec(T.REQUESTED_FROM, {K.DATA_REQUEST}, {K.UNIT}),
    _spec(T.SUCCEEDED_BY, {K.UNIT}, {K.UNIT}, SuccessionProps),  # 机构沿革: old unit → the unit it became
    _spec(T.DIRECTED_TO, {K.DIRECTIVE}, {K.UNIT}),  # a directive in a report or speech → the body asked to act
    _spec(T.DIRECTIVE_ABOUT, {K.DIRECTIVE}, {K.ISSUE, K.UNIT, K.ROUND}),  # … about an issue or a unit, in its round
    _spec(T.SOURCED_FROM, ALL_KINDS - {K.DOCUMENT}, {K.DOCUMENT}, SourceProps),
)}


class EdgeKindError(ValueError):
    """An edge joins kinds its relationship does not allow."""


def make_edge(edge_type: EdgeType, src: tuple[NodeKind, str], dst: tuple[NodeKind, str],
              **fields: Any) -> EdgeRecord:
    """Validate an edge against its spec and return its storage record.

    ``src``/``dst`` are ``(kind, id)`` pairs so a store can match endpoints by
    label, which lets Neo4j use its id constraint index.
    """
    spec = EDGE_SPECS[edge_type]
    (src_kind, src_id), (dst_kind, dst_id) = src, dst
    if src_kind not in spec.sources or dst_kind not in spec.targets:
        raise EdgeKindError(
            f"关系 {edge_type.value}（{edge_type.label_zh}）不能从 {src_kind.label_zh} 指向 {dst_kind.label_zh}")
    props = spec.props(**fields).model_dump(mode="json", exclude_none=True)
    disc = tuple(props.get(f) for f in spec.discriminator)
    return EdgeRecord(id=edge_id(edge_type.value, src_id, dst_id, *disc), type=edge_type,
                      src=src_id, src_kind=src_kind, dst=dst_id, dst_kind=dst_kind, props=props)
