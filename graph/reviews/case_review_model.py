"""The 一案三改 review as data: the contract every renderer of a case review reads.

A review answers four questions about one case: is the unit's own problem
fixed (个案整改), is the same problem fixed at the other units where it occurs
(类案整改), was the system behind it fixed (系统整改), and who answers for it
(一案双查). Each part has a state and the gaps that decide it; each gap is a
sentence a leader can read aloud, with the ids of its evidence and the ledger
rows they came from.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field, computed_field

from graph.model.enums import ZhEnum


class Dimension(ZhEnum):
    INDIVIDUAL = ("individual", "个案整改")
    CATEGORY = ("category", "类案整改")
    SYSTEMIC = ("systemic", "系统整改")
    ACCOUNTABILITY = ("accountability", "一案双查")


class GapKind(ZhEnum):
    NO_TASK = ("no_task", "问题无整改任务")
    OVERDUE = ("overdue", "整改任务逾期")
    NO_EVIDENCE = ("no_evidence", "完成无佐证材料")
    RELAPSE = ("relapse", "整改后复发")
    SUGGESTION_UNANSWERED = ("suggestion_unanswered", "纪检监察建议未反馈")
    SIMILAR_OPEN = ("similar_open", "同类问题未整改")
    SIMILAR_RELAPSE = ("similar_relapse", "同类问题复发")
    BLIND_SPOT = ("blind_spot", "同类单位未覆盖")
    NO_LETTER = ("no_letter", "共性问题未发建议函")
    LETTER_UNANSWERED = ("letter_unanswered", "建议函未反馈")
    NO_SYSTEM_MEASURE = ("no_system_measure", "无系统整改举措")
    FIC_UNACCOUNTABLE = ("fic_unaccountable", "一把手未被追责")
    MEMBER_UNACCOUNTABLE = ("member_unaccountable", "分管班子成员未被追责")
    SUPERVISION_SLOW = ("supervision_slow", "线索处置超期")

    @property
    def dimension(self) -> Dimension:
        return GAP_DIMENSION[self]


GAP_DIMENSION = {
    **dict.fromkeys((GapKind.NO_TASK, GapKind.OVERDUE, GapKind.NO_EVIDENCE, GapKind.RELAPSE,
                     GapKind.SUGGESTION_UNANSWERED), Dimension.INDIVIDUAL),
    **dict.fromkeys((GapKind.SIMILAR_OPEN, GapKind.SIMILAR_RELAPSE, GapKind.BLIND_SPOT), Dimension.CATEGORY),
    **dict.fromkeys((GapKind.NO_LETTER, GapKind.LETTER_UNANSWERED, GapKind.NO_SYSTEM_MEASURE), Dimension.SYSTEMIC),
    **dict.fromkeys((GapKind.FIC_UNACCOUNTABLE, GapKind.MEMBER_UNACCOUNTABLE, GapKind.SUPERVISION_SLOW),
                    Dimension.ACCOUNTABILITY),
}


class State(ZhEnum):
    """到位: no gap. 部分到位: gaps, but something was done. 未到位: gaps and nothing done (rules in case_review)."""

    DONE = ("done", "到位")
    PARTIAL = ("partial", "部分到位")
    NOT_DONE = ("not_done", "未到位")
    UNKNOWN = ("unknown", "无从判断")


class Source(BaseModel):
    id: str = Field(title="节点")
    path: str = Field(title="来源文件")
    sheet: str | None = Field(default=None, title="工作表")
    row: int | None = Field(default=None, title="行号")


class Gap(BaseModel):
    kind: GapKind = Field(title="差距类型")
    subjects: list[str] = Field(title="对象", description="差距所指的问题、任务、单位、建议函、人员或案件的标识")
    sentence: str = Field(title="表述")
    evidence: list[str] = Field(default_factory=list, title="证据")
    sources: list[Source] = Field(default_factory=list, title="出处")

    @computed_field(title="维度")  # type: ignore[prop-decorator]
    @property
    def dimension(self) -> Dimension:
        return self.kind.dimension


class TaskLine(BaseModel):
    task_id: str
    issue_id: str
    level: str = Field(title="整改层级")
    measure: str = Field(title="整改措施")
    owner: str | None = Field(title="责任人")
    deadline: date = Field(title="完成时限")
    done_date: date | None = Field(title="完成日期")
    status: str = Field(title="整改状态")
    evidence: str | None = Field(title="佐证材料")
    days_overdue: int | None = Field(title="逾期天数", description="未完成且已过时限时的天数")


class SourceItem(BaseModel):
    """An issue or a finding of another channel from which the case's clue arose."""

    item_id: str
    kind: str = Field(title="类别")
    code: str | None = Field(title="编号")
    text: str | None = Field(title="问题描述")
    category: str | None = Field(title="问题类别")
    found_date: date | None = Field(title="发现日期")
    status: str | None = Field(title="整改状态")
    unit_id: str | None
    unit_name: str | None = Field(title="单位")
    round_title: str | None = Field(title="巡察轮次")
    tasks: list[TaskLine] = Field(default_factory=list, title="整改任务")
    relapsed_in: list[str] = Field(default_factory=list, title="整改后再次发现的问题")


class ClueLine(BaseModel):
    clue_id: str
    code: str = Field(title="线索编号")
    transfer_date: date = Field(title="移交日期")
    receiver_id: str | None
    receiver_name: str | None = Field(title="接收单位")
    disposal: str | None = Field(title="处置方式")
    disposal_date: date | None = Field(title="处置日期")
    days_to_disposal: int | None = Field(title="移交至处置天数", description="未处置时为移交至审查日的天数")


class SimilarIssue(BaseModel):
    issue_id: str
    unit_id: str
    unit_name: str = Field(title="单位")
    round_title: str | None = Field(title="巡察轮次")
    found_date: date = Field(title="发现日期")
    status: str = Field(title="整改状态")
    text: str = Field(title="问题描述")
    score: float = Field(title="相似度")
    phrases: list[str] = Field(default_factory=list, title="共同要点")
    overdue: bool = Field(title="整改逾期")
    relapse: bool = Field(title="整改后复发")


class PeerUnit(BaseModel):
    unit_id: str
    unit_name: str = Field(title="单位")
    via_name: str = Field(title="同属")
    last_inspected: date | None = Field(title="最近一次巡察")
    blind_spot: bool = Field(title="立案后未巡察")


class LetterLine(BaseModel):
    letter_id: str
    code: str = Field(title="文号")
    sent_date: date = Field(title="发函日期")
    regulator_name: str | None = Field(title="主送单位")
    response_date: date | None = Field(title="反馈日期")
    days_waiting: int | None = Field(title="待反馈天数")


class MeasureLine(BaseModel):
    measure_id: str
    code: str = Field(title="编号")
    measure_kind: str = Field(title="类别")
    title: str = Field(title="名称")
    issued_date: date = Field(title="出台日期")
    issuer_name: str | None = Field(title="出台单位")


class Duty(ZhEnum):
    PRINCIPAL = ("principal", "主体责任（一把手）")
    TEAM_MEMBER = ("team_member", "一岗双责（分管班子成员）")
    SUPERVISION = ("supervision", "监督责任")


class Responsible(BaseModel):
    duty: Duty = Field(title="责任")
    person_id: str | None = Field(default=None, description="监督责任为单位时为空")
    name: str = Field(title="姓名或单位")
    held_to_account: bool = Field(title="已追责问责")
    by: list[str] = Field(default_factory=list, title="依据（线索、案件编号）")


class Part(BaseModel):
    dimension: Dimension
    state: State = Field(title="状态")
    gaps: list[Gap] = Field(default_factory=list, title="差距")


class CaseReview(BaseModel):
    as_of: date = Field(title="审查日期")
    case_id: str
    case_code: str = Field(title="案件编号")
    opened: date = Field(title="立案日期")
    closed: date | None = Field(title="结案日期")
    outcome: str = Field(title="处理结果")
    summary: str = Field(title="案情摘要")
    suggestion: str | None = Field(title="纪检监察建议")
    suggestion_response: str | None = Field(default=None, title="建议书反馈情况")
    suggestion_response_date: date | None = Field(title="建议书反馈日期")
    unit_id: str | None
    unit_name: str | None = Field(title="发案单位")
    clues: list[ClueLine] = Field(title="问题线索")
    sources: list[SourceItem] = Field(title="问题来源")
    similar: list[SimilarIssue] = Field(title="同类问题")
    peers: list[PeerUnit] = Field(title="同类单位")
    letters: list[LetterLine] = Field(title="巡察建议函")
    measures: list[MeasureLine] = Field(title="专项治理与制度建设")
    systemic_tasks: list[TaskLine] = Field(title="系统整改任务")
    responsible: list[Responsible] = Field(title="责任人")
    parts: list[Part] = Field(title="四个方面")
    notes: list[str] = Field(default_factory=list, title="说明")

    @computed_field(title="全部差距")  # type: ignore[prop-decorator]
    @property
    def gaps(self) -> list[Gap]:
        return [g for part in self.parts for g in part.gaps]

    def part(self, dimension: Dimension) -> Part:
        return next(p for p in self.parts if p.dimension is dimension)


class CaseRow(BaseModel):
    """One line of the batch table a 联席会议 on rectification looks at."""

    case_id: str
    case_code: str = Field(title="案件编号")
    opened: date = Field(title="立案日期")
    unit_name: str | None = Field(title="发案单位")
    states: dict[Dimension, State] = Field(title="状态")
    gap_counts: dict[Dimension, int] = Field(title="差距数")
    gap_kinds: list[GapKind] = Field(title="差距类型")


class CaseBatch(BaseModel):
    as_of: date = Field(title="审查日期")
    scope: str = Field(title="范围")
    rows: list[CaseRow] = Field(title="案件")
