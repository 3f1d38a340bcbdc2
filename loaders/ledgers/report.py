"""What a load tells the clerk: every problem by file, sheet, row and column, and what the load did."""

from __future__ import annotations

from pydantic import BaseModel, Field, computed_field

from loaders.ledgers.categories import PENDING_MARK
from loaders.ledgers.changes import Changes


class Problem(BaseModel):
    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = Field(default=None, title="列（字母）")
    header: str | None = None
    value: str | None = None
    reason: str
    records: bool = False

    @property
    def message(self) -> str:
        where = [self.file]
        if self.sheet:
            where.append(f"工作表“{self.sheet}”")
        if self.row is not None:
            where.append(f"第{self.row}{'条记录' if self.records else '行'}")
        if self.column or self.header:
            where.append(f"{self.column or ''}列“{self.header or ''}”" if self.column else f"“{self.header}”")
        value = f"：“{self.value}”" if self.value not in (None, "") else ""
        return "，".join(where) + f"{value} —— {self.reason}"


class ColumnNote(BaseModel):
    """How one header of a sheet was read: as which column, by which rule, or ignored."""

    sheet: str | None = None
    column: str | None = Field(default=None, title="列（字母）")
    header: str = Field(title="表中列名")
    read_as: str | None = Field(default=None, title="按此列读取")
    rule: str = Field(title="依据")


class MergeNote(BaseModel):
    sheet: str | None
    row: int
    value: str
    matched: str
    rule: str


class FileReport(BaseModel):
    file: str
    kinds: list[str] = Field(default_factory=list, title="台账类别")
    rows_read: int = 0
    loaded: int = 0
    merged: int = 0
    rejected: int = 0
    nodes: int = 0
    edges: int = 0
    merges: list[MergeNote] = Field(default_factory=list, title="按规则合并的名称")
    near_misses: list[MergeNote] = Field(default_factory=list, title="同名未合并，请确认")
    problems: list[Problem] = Field(default_factory=list)
    warnings: list[Problem] = Field(default_factory=list, title="已按规则处理、请留意")
    columns: list[ColumnNote] = Field(default_factory=list, title="列名识别")
    county: str | None = Field(default=None, title="未填县时采用的本机构所在县")
    lineage: int | None = Field(default=None, title="载入后套用的机构沿革条数（unit_successions.csv）")
    rejects_file: str | None = None
    changes: Changes = Field(default_factory=Changes, title="对图谱的改动")

    @computed_field(title="待归类的类别（已载入，暂归“其他”；补充 category_aliases.csv 后运行 xuncha categories apply）")  # type: ignore[prop-decorator]  # pydantic's documented form; mypy cannot type a decorator over @property
    @property
    def pending(self) -> list[Problem]:
        return [w for w in self.warnings if PENDING_MARK in w.reason]

    @computed_field(title="随本次载入删除的记录（文件中已删去的行所载）")  # type: ignore[prop-decorator]  # as above
    @property
    def removed(self) -> int:
        return self.changes.dropped.removed

    @property
    def ok(self) -> bool:
        return not self.problems or self.rejects_file is not None


class LedgerRejected(ValueError):
    def __init__(self, report: FileReport) -> None:
        super().__init__(f"{report.file} 有 {len(report.problems)} 处问题，未载入任何数据")
        self.report = report
