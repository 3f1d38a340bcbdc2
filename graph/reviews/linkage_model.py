"""The 贯通联动 review as data: the contract every renderer of a linkage review reads.

For a unit, a person or a round (and a period): what each supervision channel
found (巡察 issues count as the channel 巡察监督), where two or more channels
found the same thing (the same unit and category, or the same person), how
each problem was handed on (clue → disposal → case → outcome) with the days
each step took, the hand-offs that stalled past the limits of
``linkage.json``, the hand-offs that never happened, and the figures offices
report, each with the ids behind it.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from graph.model.enums import ZhEnum


class ScopeKind(ZhEnum):
    UNIT = ("unit", "单位")
    PERSON = ("person", "人员")
    ROUND = ("round", "巡察轮次")


class OverlapBasis(ZhEnum):
    UNIT_CATEGORY = ("unit_category", "同一单位同类问题")
    PERSON = ("person", "同一人员")


class StallKind(ZhEnum):
    NO_DISPOSAL = ("no_disposal", "线索移交后久未处置")
    NO_CASE_DECISION = ("no_case_decision", "初步核实后久未作出立案决定")
    NO_OUTCOME = ("no_outcome", "立案后久未办结")


class RequestGap(ZhEnum):
    LATE = ("late", "逾期反馈")
    UNANSWERED = ("unanswered", "逾期未反馈")


class DataRequestLine(BaseModel):
    """One 巡前数据调取 of a round: what was asked of which body, when, and what came back (a gap when late)."""

    request_id: str
    code: str = Field(title="调取编号")
    body_id: str | None = None
    body_name: str | None = Field(title="被调取单位")
    request: str = Field(title="调取事项")
    requested_date: date = Field(title="调取日期")
    due_date: date = Field(title="要求反馈日期")
    answered_date: date | None = Field(title="反馈日期")
    response: str | None = Field(title="反馈内容")
    gap: RequestGap | None = Field(default=None, title="问题")
    days_late: int | None = Field(default=None, title="逾期天数")
    sentence: str | None = Field(default=None, title="表述")


class DirectiveLine(BaseModel):
    """A directive of a report or speech (交办事项) about the scope's issues or unit: which body was asked to do what,
    and whether it is done (an open one past ``directive_days`` is overdue)."""

    directive_id: str
    about_id: str = Field(title="涉及的问题、单位或轮次")
    body: str = Field(title="交办对象")
    body_unit_name: str | None = Field(default=None, title="承办单位")
    request: str = Field(title="交办事项")
    issued_date: date | None = Field(default=None, title="交办日期")
    answered_date: date | None = Field(default=None, title="办结日期")
    response: str | None = Field(default=None, title="办理情况")
    days_open: int | None = Field(default=None, title="未办结天数")
    overdue: bool = Field(default=False, title="逾期未办结")
    sentence: str = Field(title="表述")


class ItemLine(BaseModel):
    """An issue found by inspection or a finding of another channel."""

    item_id: str
    item_kind: str = Field(title="类别")
    channel: str = Field(title="监督渠道")
    channel_zh: str = Field(title="监督渠道名称")
    code: str | None = Field(title="编号")
    text: str | None = Field(title="问题描述")
    category: str | None = Field(title="问题类别")
    found_date: date = Field(title="发现日期")
    unit_id: str | None
    unit_name: str | None = Field(title="单位")
    round_id: str | None
    person_ids: list[str] = Field(default_factory=list, title="所涉人员")


class ChannelColumn(BaseModel):
    channel: str = Field(title="监督渠道")
    channel_zh: str = Field(title="监督渠道名称")
    count: int = Field(title="发现问题数")
    first_date: date | None = Field(title="最早发现")
    last_date: date | None = Field(title="最近发现")
    item_ids: list[str] = Field(title="问题")


class Sighting(BaseModel):
    item_id: str
    channel: str
    channel_zh: str = Field(title="监督渠道")
    found_date: date = Field(title="发现日期")
    code: str | None = Field(title="编号")


class Overlap(BaseModel):
    basis: OverlapBasis = Field(title="重合依据")
    unit_id: str | None = None
    unit_name: str | None = Field(default=None, title="单位")
    category: str | None = Field(default=None, title="问题类别")
    person_id: str | None = None
    person_name: str | None = Field(default=None, title="人员")
    channels: list[str] = Field(title="发现渠道")
    first_channel: str = Field(title="最先发现渠道")
    first_date: date = Field(title="最先发现日期")
    sightings: list[Sighting] = Field(title="各次发现")
    sentence: str = Field(title="表述")

    @property
    def key(self) -> tuple[str, ...]:
        if self.basis is OverlapBasis.PERSON:
            return ("person", self.person_id or "")
        return ("unit", self.unit_id or "", self.category or "")


class HandOff(BaseModel):
    """One clue and what became of it, with the days each step took."""

    clue_id: str
    clue_code: str = Field(title="线索编号")
    channel: str | None = Field(title="线索来源渠道")
    source_ids: list[str] = Field(title="来源问题")
    found_date: date | None = Field(title="问题发现日期")
    transfer_date: date = Field(title="移交日期")
    receiver_name: str | None = Field(title="接收单位")
    disposal: str | None = Field(title="处置方式")
    disposal_date: date | None = Field(title="处置日期")
    case_id: str | None = None
    case_code: str | None = Field(default=None, title="案件编号")
    opened: date | None = Field(default=None, title="立案日期")
    closed: date | None = Field(default=None, title="结案日期")
    outcome: str | None = Field(default=None, title="处理结果")
    person_ids: list[str] = Field(default_factory=list, title="涉及人员")
    days_found_to_transfer: int | None = Field(title="发现至移交天数")
    days_transfer_to_disposal: int | None = Field(title="移交至处置天数")
    days_disposal_to_case: int | None = Field(title="处置至立案天数")
    days_case_to_close: int | None = Field(title="立案至结案天数")


class Stall(BaseModel):
    kind: StallKind = Field(title="卡滞类型")
    clue_id: str
    case_id: str | None = None
    since: date = Field(title="起算日期")
    days: int = Field(title="已过天数")
    limit: int = Field(title="时限（天）")
    sentence: str = Field(title="表述")

    @property
    def subject(self) -> str:
        return self.case_id if self.kind is StallKind.NO_OUTCOME and self.case_id else self.clue_id


class MissingHandOff(BaseModel):
    person_id: str
    person_name: str | None = Field(title="人员")
    category: str | None = Field(title="问题类别")
    earlier_id: str
    earlier_channel: str = Field(title="先发现渠道")
    earlier_date: date = Field(title="先发现日期")
    later_id: str
    later_channel: str = Field(title="再发现渠道")
    later_date: date = Field(title="再发现日期")
    sentence: str = Field(title="表述")


class Figure(BaseModel):
    key: str
    label: str = Field(title="指标")
    value: int = Field(title="数量")
    ids: list[str] = Field(title="依据")


class LinkageReview(BaseModel):
    as_of: date = Field(title="审查日期")
    scope: ScopeKind = Field(title="审查对象类别")
    subject_id: str
    subject_name: str = Field(title="审查对象")
    date_from: date | None = Field(title="期间起")
    date_to: date | None = Field(title="期间止")
    items: list[ItemLine] = Field(title="各渠道发现")
    channels: list[ChannelColumn] = Field(title="分渠道")
    overlaps: list[Overlap] = Field(title="重合发现")
    handoffs: list[HandOff] = Field(title="移交链条")
    stalls: list[Stall] = Field(title="移交卡滞")
    missing: list[MissingHandOff] = Field(title="应移交未移交")
    figures: list[Figure] = Field(title="联动成效")
    data_requests: list[DataRequestLine] = Field(default_factory=list, title="巡前数据调取")
    directives: list[DirectiveLine] = Field(default_factory=list, title="交办事项")
    programme: str | None = Field(default=None, title="联动方式")
    programme_zh: str | None = Field(default=None, title="联动方式名称")
    programme_figures: list[Figure] = Field(default_factory=list, title="联动专项成效")
    people: dict[str, str] = Field(default_factory=dict, title="人员姓名")
    notes: list[str] = Field(default_factory=list, title="说明")

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)

    @property
    def request_gaps(self) -> list[DataRequestLine]:
        return [q for q in self.data_requests if q.gap is not None]


class LinkageFigures(BaseModel):
    """What a viewer sees of a review: the figures and the counts per channel, no rows that name people."""

    figures_only: bool = Field(default=True, title="仅联动成效数字")
    as_of: date = Field(title="审查日期")
    scope: ScopeKind = Field(title="审查对象类别")
    subject_id: str
    subject_name: str = Field(title="审查对象")
    date_from: date | None = Field(title="期间起")
    date_to: date | None = Field(title="期间止")
    channels: list[ChannelColumn] = Field(title="分渠道")
    figures: list[Figure] = Field(title="联动成效")
    overlap_count: int = Field(title="重合发现数")
    stall_count: int = Field(title="移交卡滞数")
    missing_count: int = Field(title="应移交未移交数")
    request_gap_count: int = Field(default=0, title="巡前数据调取逾期数")
    programme_zh: str | None = Field(default=None, title="联动方式名称")
    programme_figures: list[Figure] = Field(default_factory=list, title="联动专项成效")
    notes: list[str] = Field(default_factory=list, title="说明")

    @classmethod
    def of(cls, r: LinkageReview) -> LinkageFigures:
        return cls(as_of=r.as_of, scope=r.scope, subject_id=r.subject_id, subject_name=r.subject_name,
                   date_from=r.date_from, date_to=r.date_to, channels=r.channels, figures=r.figures,
                   overlap_count=len(r.overlaps), stall_count=len(r.stalls), missing_count=len(r.missing),
                   request_gap_count=len(r.request_gaps), programme_zh=r.programme_zh,
                   programme_figures=r.programme_figures, notes=r.notes)
