"""Node kinds of the inspection graph, declared once.

Every field carries its Chinese label as ``title``: the UI legend, templates
and error messages read it from here. ``key_fields`` name the natural key
from which the node's id is derived, so reloading a record updates its node.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, computed_field

from graph.model import enums as e
from graph.model.ids import node_id
from graph.model.records import NodeRecord
from graph.model.taxonomy import load_taxonomy

# A category label: a leaf or top of the taxonomy, or an older label mapped onto it.
Category = Annotated[str, AfterValidator(lambda value: load_taxonomy().canonical(value))]


class NodeModel(BaseModel):
    """Base of all node kinds: validation, id, conversion to a record."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: ClassVar[e.NodeKind]
    key_fields: ClassVar[tuple[str, ...]]

    # Columns of a clerk's ledger that no ledger kind knows, kept on the entity the row declares ("列名：内容").
    extra: list[str] | None = Field(default=None, title="其他列")

    def natural_key(self) -> tuple[object, ...]:
        return tuple(getattr(self, f) for f in self.key_fields)

    @computed_field(title="标识")  # type: ignore[prop-decorator]
    @property
    def id(self) -> str:
        return node_id(self.kind.value, *self.natural_key())

    def to_record(self) -> NodeRecord:
        props = self.model_dump(mode="json", exclude_none=True)
        props.pop("id")
        return NodeRecord(id=self.id, kind=self.kind, props=props)


class Round(NodeModel):
    kind = e.NodeKind.ROUND
    key_fields = ("county", "term", "number")

    county: str = Field(title="县（市、区）")
    term: int = Field(title="届次", ge=1)
    number: int = Field(title="轮次", ge=1)
    round_kind: e.RoundKind = Field(title="巡察类型")
    start: date = Field(title="进驻日期")
    end: date | None = Field(default=None, title="结束日期")
    title: str = Field(title="名称")
    programme: e.LinkageProgramme | None = Field(default=None, title="联动方式")


class Group(NodeModel):
    kind = e.NodeKind.GROUP
    key_fields = ("round_id", "name")

    round_id: str = Field(title="所属轮次")
    name: str = Field(title="组名")
    leader: str | None = Field(default=None, title="组长")


class Unit(NodeModel):
    kind = e.NodeKind.UNIT
    key_fields = ("county", "parent_name", "name")

    name: str = Field(title="单位名称")
    county: str = Field(title="县（市、区）")
    parent_name: str = Field(default="", title="所属乡镇")
    unit_kind: e.UnitKind = Field(title="单位类别")
    party_org_kind: e.PartyOrgKind | None = Field(default=None, title="党组织类型")
    aliases: list[str] = Field(default_factory=list, title="别名")
    code: str | None = Field(default=None, title="单位代码")
    # Village profile (村情社情); empty for other units.
    population: int | None = Field(default=None, title="人口", ge=0)
    households: int | None = Field(default=None, title="户数", ge=0)
    industries: list[str] = Field(default_factory=list, title="主导产业")
    collective_income: float | None = Field(default=None, title="村集体收入（万元）")
    village_class: str | None = Field(default=None, title="村情分类")


class Person(NodeModel):
    kind = e.NodeKind.PERSON
    key_fields = ("id_hash",)

    name: str = Field(title="姓名")
    gender: str | None = Field(default=None, title="性别", pattern="^(男|女)$")
    birth_year: int | None = Field(default=None, title="出生年份", ge=1900, le=2030)
    id_hash: str | None = Field(default=None, title="身份证号摘要")
    notes: str | None = Field(default=None, title="备注")
    origin: str | None = Field(default=None, title="首次出现",
                               description="无身份证号时区分同名者：首次出现的单位与日期（由实体消歧填写）")

    def natural_key(self) -> tuple[object, ...]:
        # Without an ID-number hash, two people of one name stay apart unless
        # entity resolution finds evidence (same unit, overlapping period) joining them.
        if self.id_hash:
            return (self.id_hash,)
        return (self.name, self.birth_year, self.gender, self.origin)


class Issue(NodeModel):
    kind = e.NodeKind.ISSUE
    key_fields = ("round_id", "unit_id", "seq")

    round_id: str = Field(title="巡察轮次")
    unit_id: str = Field(title="被巡察单位")
    seq: int = Field(title="序号", ge=1)
    text: str = Field(title="问题描述", min_length=2)
    category: Category = Field(title="问题类别")
    top_category: str = Field(default="", title="问题大类")
    raw_category: str | None = Field(default=None, title="待归类（原填类别）")  # with 其他: no rule placed it
    severity: e.Severity = Field(default=e.Severity.MEDIUM, title="严重程度")
    status: e.IssueStatus = Field(title="整改状态")
    found_date: date = Field(title="发现日期")
    source: str | None = Field(default=None, title="问题来源")
    code: str | None = Field(default=None, title="问题编号")

    def model_post_init(self, _context: object) -> None:
        if not self.top_category:
            self.top_category = load_taxonomy().top_of(self.category)


class Task(NodeModel):
    kind = e.NodeKind.TASK
    key_fields = ("issue_id", "seq")

    issue_id: str = Field(title="对应问题")
    seq: int = Field(title="序号", ge=1)
    measure: str = Field(title="整改措施")
    level: e.TaskLevel = Field(title="整改层级")
    owner: str | None = Field(default=None, title="责任人")
    deadline: date = Field(title="完成时限")
    done_date: date | None = Field(default=None, title="完成日期")
    status: e.TaskStatus = Field(title="整改状态")
    evidence: str | None = Field(default=None, title="佐证材料")


class Clue(NodeModel):
    kind = e.NodeKind.CLUE
    key_fields = ("code",)

    code: str = Field(title="线索编号")
    summary: str = Field(title="线索摘要")
    source_channel: e.Channel = Field(title="线索来源")
    transfer_date: date = Field(title="移交日期")
    receiver: str = Field(title="接收单位")
    disposal: e.ClueDisposal | None = Field(default=None, title="处置方式")
    disposal_date: date | None = Field(default=None, title="处置日期")
    status: e.ClueStatus = Field(title="办理状态")


class Case(NodeModel):
    kind = e.NodeKind.CASE
    key_fields = ("code",)

    code: str = Field(title="案件编号")
    opened: date = Field(title="立案日期")
    closed: date | None = Field(default=None, title="结案日期")
    outcome: e.CaseOutcome = Field(title="处理结果")
    summary: str = Field(title="案情摘要")
    suggestion: str | None = Field(default=None, title="纪检监察建议")
    suggestion_response: str | None = Field(default=None, title="建议书反馈情况")
    suggestion_response_date: date | None = Field(default=None, title="建议书反馈日期")


class Letter(NodeModel):
    kind = e.NodeKind.LETTER
    key_fields = ("code",)

    code: str = Field(title="文号")
    sent_date: date = Field(title="发函日期")
    subject: str = Field(title="事由")
    response: str | None = Field(default=None, title="反馈情况")
    response_date: date | None = Field(default=None, title="反馈日期")


class Finding(NodeModel):
    kind = e.NodeKind.FINDING
    key_fields = ("channel", "code")

    code: str = Field(title="编号")
    channel: e.Channel = Field(title="监督渠道")
    found_date: date = Field(title="发现日期")
    category: Category = Field(title="问题类别")
    raw_category: str | None = Field(default=None, title="待归类（原填类别）")  # with 其他: no rule placed it
    text: str = Field(title="问题描述")


class Project(NodeModel):
    kind = e.NodeKind.PROJECT
    key_fields = ("code",)

    code: str = Field(title="项目编号")
    name: str = Field(title="项目名称")
    year: int = Field(title="年度", ge=1990, le=2100)
    amount: float = Field(title="金额（万元）", ge=0)
    fund_source: str | None = Field(default=None, title="资金来源")


class Company(NodeModel):
    kind = e.NodeKind.COMPANY
    key_fields = ("credit_code",)

    name: str = Field(title="企业名称")
    credit_code: str = Field(title="统一社会信用代码", min_length=18, max_length=18)


class Benefit(NodeModel):
    kind = e.NodeKind.BENEFIT
    key_fields = ("benefit_kind", "recipient_id", "village_id", "year")

    benefit_kind: e.BenefitKind = Field(title="补贴类别")
    recipient_id: str = Field(title="领取人")
    village_id: str = Field(title="所在村")
    year: int = Field(title="年度", ge=1990, le=2100)
    amount: float = Field(title="金额（元）", ge=0)


class Petition(NodeModel):
    kind = e.NodeKind.PETITION
    key_fields = ("code",)

    code: str = Field(title="信访编号")
    received_date: date = Field(title="受理日期")
    topic: str = Field(title="反映事项")
    status: e.PetitionStatus = Field(title="办理状态")


class Measure(NodeModel):
    """A special campaign (专项治理) or a rule made (制度建设): the system-level answer to a case or a letter."""

    kind = e.NodeKind.MEASURE
    key_fields = ("code",)

    code: str = Field(title="编号")
    measure_kind: e.MeasureKind = Field(title="类别")
    title: str = Field(title="名称")
    issued_date: date = Field(title="出台日期")


class DataRequest(NodeModel):
    """巡前数据调取: what a round asked a body (纪委监委, 组织部, 审计局, 信访局…) for before it went in, and what came
    back. The body is a ``REQUESTED_FROM`` edge, the round a ``REQUESTED_IN`` edge."""

    kind = e.NodeKind.DATA_REQUEST
    key_fields = ("round_id", "code")

    round_id: str = Field(title="巡察轮次")
    code: str = Field(title="调取编号")
    request: str = Field(title="调取事项")
    requested_date: date = Field(title="调取日期")
    due_date: date = Field(title="要求反馈日期")
    answered_date: date | None = Field(default=None, title="反馈日期")
    response: str | None = Field(default=None, title="反馈内容")


class Directive(NodeModel):
    """A sentence of a feedback report or speech asking another body (纪委监委, 组织部, 巡察机构, 派驻纪检监察组,
    行业主管部门) to act about a problem: the body is a ``DIRECTED_TO`` edge when the register holds it, what it is
    about a ``DIRECTIVE_ABOUT`` edge (an issue or a unit, and the round its document reports on).
    ``answered_date``/``response`` say whether it was done."""

    kind = e.NodeKind.DIRECTIVE
    key_fields = ("document_id", "paragraph", "body", "request")

    document_id: str = Field(title="来源文件")
    paragraph: int = Field(title="段落", ge=1)
    body: str = Field(title="交办对象")
    request: str = Field(title="交办事项", min_length=2)
    text: str = Field(title="原文")
    issued_date: date | None = Field(default=None, title="交办日期")
    answered_date: date | None = Field(default=None, title="办结日期")
    response: str | None = Field(default=None, title="办理情况")


class Document(NodeModel):
    kind = e.NodeKind.DOCUMENT
    key_fields = ("path",)

    path: str = Field(title="文件")
    doc_kind: e.DocumentKind = Field(title="文件类别")
    loaded_at: datetime = Field(title="载入时间")
    sha256: str | None = Field(default=None, title="文件摘要")
    edge_sources: bool | None = Field(default=None, title="载入时已记下其关系的各来源文件")


NODE_MODELS: dict[e.NodeKind, type[NodeModel]] = {
    m.kind: m
    for m in (Round, Group, Unit, Person, Issue, Task, Clue, Case, Letter,
              Finding, Project, Company, Benefit, Petition, Measure, DataRequest, Directive, Document)
}
