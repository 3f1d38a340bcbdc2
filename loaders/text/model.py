"""What the report-text parser finds, and what the review queue holds: one pydantic model each."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from pydantic import BaseModel, Field

from graph.model.enums import Severity


class EntryKind(str, Enum):
    ISSUE = "issue"
    DIRECTIVE = "directive"

    @property
    def label_zh(self) -> str:
        return {"issue": "问题", "directive": "交办事项"}[self.value]


class EntryState(str, Enum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    EDITED = "edited"  # edited and still waiting to be accepted
    REJECTED = "rejected"

    @property
    def label_zh(self) -> str:
        return {"pending": "待审核", "accepted": "已接受", "edited": "已修改待接受", "rejected": "已驳回"}[self.value]


class ParsedItem(BaseModel):
    """One problem at one unit, as read from a paragraph."""

    paragraph: int = Field(title="段落")
    place: str = Field(default="", title="位置（第几段，或表格第几行）")
    text: str = Field(title="问题描述")
    form: str = Field(title="列举方式")
    unit_id: str | None = Field(default=None, title="单位标识")
    unit_name: str | None = Field(default=None, title="单位")
    unit_rule: str = Field(default="", title="单位依据")
    category: str | None = Field(default=None, title="建议类别")
    top_category: str | None = Field(default=None, title="问题大类")
    category_reason: str = Field(default="", title="类别依据")
    severity: Severity | None = Field(default=None, title="建议严重程度")  # loaders.text.severity
    severity_reason: str = Field(default="", title="严重程度依据")
    confidence: float = Field(title="置信度", ge=0, le=1)
    reasons: list[str] = Field(default_factory=list, title="置信度依据")


class ParsedDirective(BaseModel):
    """A sentence asking another body to act, with what it is about."""

    paragraph: int = Field(title="段落")
    place: str = Field(default="", title="位置（第几段，或表格第几行）")
    body: str = Field(title="交办对象")
    request: str = Field(title="交办事项")
    text: str = Field(title="原文")
    unit_id: str | None = Field(default=None, title="涉及单位标识")
    unit_name: str | None = Field(default=None, title="涉及单位")
    unit_rule: str = Field(default="", title="单位依据")
    item_index: int | None = Field(default=None, title="涉及问题（本文件中的序号）")
    body_unit_id: str | None = Field(default=None, title="交办对象单位标识")  # a 行业主管部门 named by its name
    confidence: float = Field(title="置信度", ge=0, le=1)
    reasons: list[str] = Field(default_factory=list, title="置信度依据")


class ParseResult(BaseModel):
    file: str = Field(title="文件")
    sha256: str = Field(title="文件摘要")
    doc_kind: str = Field(title="文件类别")  # feedback | comprehensive | speech
    encoding: str = Field(title="编码")
    round_text: str | None = Field(default=None, title="文中轮次")
    round_id: str | None = Field(default=None, title="对应轮次标识")
    blocks: int = Field(title="段落数")
    items: list[ParsedItem] = Field(default_factory=list)
    directives: list[ParsedDirective] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, title="提示（如文件含未接受的修订）")


def issue_code(sha256: str, entry_id: int) -> str:
    """The 问题编号 an accepted report item carries in the graph: a ledger row (整改台账) cites the problem by it."""
    return f"WB-{sha256[:8]}-{entry_id}"


class QueueEntry(BaseModel):
    """One item or directive waiting for (or past) an analyst's decision."""

    id: int
    kind: EntryKind
    state: EntryState
    document: str = Field(title="文件")
    sha256: str
    doc_kind: str
    paragraph: int = Field(title="段落")
    place: str = Field(default="", title="位置（第几段，或表格第几行）")
    twin_of: int | None = Field(default=None, title="与之相同的条目（另一文件，同一轮次、同一单位）")
    seq: int = Field(title="文件内序号")
    text: str = Field(title="内容")
    unit_id: str | None = None
    unit_name: str | None = None
    unit_rule: str = ""
    category: str | None = None
    top_category: str | None = None
    category_reason: str = ""
    severity: Severity | None = Field(default=None, title="严重程度")  # an issue's
    severity_reason: str = Field(default="", title="严重程度依据")
    body: str | None = Field(default=None, title="交办对象")
    request: str | None = Field(default=None, title="交办事项")
    item_ref: int | None = Field(default=None, title="涉及问题（队列编号）")
    round_text: str | None = None
    round_id: str | None = None
    confidence: float
    reasons: list[str] = Field(default_factory=list)
    node_id: str | None = Field(default=None, title="图中节点")
    issue_code: str | None = Field(default=None, title="问题编号（已接受的问题；整改台账等引用它）")
    created_at: datetime
    decided_by: str | None = None
    decided_at: datetime | None = None
    edited_by: str | None = None
    edited_at: datetime | None = None
    withdrawn_by: str | None = Field(default=None, title="撤销接受人（曾接受，后撤销）")
    withdrawn_at: datetime | None = Field(default=None, title="撤销接受时间")


class QueueAddition(BaseModel):
    """What storing a parse did: the file's entries, how many were new, and the entries that repeat one another
    document already put in the queue (one line each, for the clerk; stored, marked, left out of bulk acceptance)."""

    entries: list[QueueEntry]
    new: int = Field(title="新存入审核队列的条目数")
    same: list[str] = Field(default_factory=list, title="与其他文件中已有条目相同的条目（已存入并标明）")


class Refused(ValueError):
    """A change of several entries refused whole (nothing written); ``problems`` says why, one line per entry."""

    lead = "未处理任何条目："

    def __init__(self, problems: list[str]) -> None:
        super().__init__(self.lead + "；".join(problems))
        self.problems = problems
