"""The result models of 巡前画像 (the pre-inspection profile of a village) and of the village ranking."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class Source(BaseModel):
    path: str = Field(title="文件")
    sheet: str | None = Field(default=None, title="工作表")
    row: int | None = Field(default=None, title="行号")


class Facts(BaseModel):
    township: str = Field(title="所属乡镇")
    county: str = Field(title="县（市、区）")
    population: int | None = Field(default=None, title="人口")
    households: int | None = Field(default=None, title="户数")
    industries: list[str] = Field(default_factory=list, title="主导产业")
    collective_income: float | None = Field(default=None, title="村集体收入（万元）")
    village_class: str | None = Field(default=None, title="台账村情分类")


class Cadre(BaseModel):
    person_id: str
    name: str = Field(title="姓名")
    post: str = Field(title="职务")
    first_in_command: bool = Field(title="一把手")
    start: date = Field(title="任职起")
    end: date | None = Field(default=None, title="任职止")
    current: bool = Field(title="现任")


class IssueLine(BaseModel):
    issue_id: str
    round_id: str
    round_title: str | None = Field(default=None, title="轮次")
    found_date: date = Field(title="发现日期")
    category: str = Field(title="问题类别")
    text: str = Field(title="问题描述")
    status: str = Field(title="整改状态")
    overdue_task_ids: list[str] = Field(default_factory=list, title="逾期未完成任务")
    repeats_of: list[str] = Field(default_factory=list, title="重复此前问题")
    relapse: bool = Field(default=False, title="整改后复发")


class Petitions(BaseModel):
    count: int = Field(title="件数")
    open_ids: list[str] = Field(default_factory=list, title="办理中")
    topics: dict[str, int] = Field(default_factory=dict, title="反映事项")
    by_year: dict[int, int] = Field(default_factory=dict, title="逐年件数")
    ids: list[str] = Field(default_factory=list)
    years: dict[str, int] = Field(default_factory=dict, title="各件受理年度")


class Dealing(BaseModel):
    """A project (with its contractors) or a benefit (with its recipients) in the village."""

    item_id: str
    kind: str = Field(title="类别")
    label: str | None = Field(default=None, title="名称")
    code: str | None = Field(default=None, title="编号")
    year: int | None = Field(default=None, title="年度")
    amount: float | None = Field(default=None, title="金额")
    party_ids: list[str] = Field(default_factory=list)
    party_names: list[str] = Field(default_factory=list, title="承接企业或领取人")


class HandOffLine(BaseModel):
    clue_id: str
    clue_code: str = Field(title="线索编号")
    person_ids: list[str] = Field(title="涉及现任村干部")
    transfer_date: date = Field(title="移交日期")
    disposal: str | None = Field(default=None, title="处置方式")
    case_id: str | None = None
    case_code: str | None = Field(default=None, title="案件编号")
    outcome: str | None = Field(default=None, title="处理结果")
    stalled: str | None = Field(default=None, title="停滞情形")


class RelativeLine(BaseModel):
    cadre_id: str
    cadre_name: str = Field(title="村干部")
    relative_id: str
    relative_name: str = Field(title="亲属")
    relation: str = Field(title="关系")
    via: str = Field(title="途径")
    target_id: str
    year: int = Field(title="年度")


class FindingLine(BaseModel):
    item_id: str
    channel_zh: str = Field(title="监督渠道")
    found_date: date = Field(title="发现日期")
    category: str | None = Field(default=None, title="问题类别")
    text: str | None = Field(default=None, title="问题描述")


class Factor(BaseModel):
    key: str
    label: str = Field(title="风险因素")
    value: float = Field(title="取值")
    weight: float = Field(title="权重")
    contribution: float = Field(title="得分")
    explanation: str = Field(title="说明")
    focus: str = Field(title="监督重点")
    evidence_ids: list[str] = Field(default_factory=list, title="依据")


class VillageProfile(BaseModel):
    """巡前画像 of a village, or of any unit with the parts that apply (a township or a county bureau has no
    petitions, projects, benefits or relative links of its own, and only the factors in ``factors``)."""

    unit_id: str
    name: str = Field(title="村（社区）")
    unit_kind: str = Field(default="village", title="单位类别代码")
    unit_kind_zh: str = Field(default="村（社区）", title="单位类别")
    team_title: str = Field(default="村两委", title="班子称谓")
    as_of: date = Field(title="截至日期")
    facts: Facts
    cadres: list[Cadre] = Field(title="村两委")
    issues: list[IssueLine] = Field(title="历轮巡察问题")
    petitions: Petitions = Field(title="信访")
    projects: list[Dealing] = Field(title="项目")
    benefits: list[Dealing] = Field(title="惠民补贴")
    handoffs: list[HandOffLine] = Field(title="涉及现任村干部的线索和案件")
    relative_links: list[RelativeLine] = Field(title="亲属关联")
    findings: list[FindingLine] = Field(title="其他监督发现")
    last_inspected: date | None = Field(default=None, title="最近一次巡察")
    factors: list[Factor] = Field(title="风险因素")
    score: float = Field(title="风险分")
    village_class: str = Field(title="建议分类")
    focus: list[str] = Field(title="监督重点")
    mode: str = Field(title="建议巡察方式")
    mode_reason: str = Field(title="方式依据")
    sources: dict[str, list[Source]] = Field(default_factory=dict, title="来源")


class RankRow(BaseModel):
    rank: int = Field(title="名次")
    unit_id: str
    name: str = Field(title="村（社区）")
    township: str = Field(title="所属乡镇")
    score: float = Field(title="风险分")
    village_class: str = Field(title="建议分类")
    mode: str = Field(title="建议巡察方式")
    top_factors: list[str] = Field(title="主要风险因素")
    factor_scores: dict[str, float] = Field(title="各因素得分")


class VillageRanking(BaseModel):
    as_of: date = Field(title="截至日期")
    scope: str = Field(title="范围")
    unit_ids: list[str] = Field(default_factory=list, title="指定的村（按名单排名时）")
    factor_labels: dict[str, str] = Field(title="风险因素")
    rows: list[RankRow] = Field(title="排名")
    class_counts: dict[str, int] = Field(title="各类村数")
