"""The result model of the rectification dashboard (整改看板): every figure with the ids of the rows behind it."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

NO_ISSUES = "无问题"
NO_TASKS = "无整改任务"


class RateRow(BaseModel):
    """整改率 of one group of issues (a round, a unit, a category, a township, or the chosen range)."""

    key: str = Field(title="标识")
    label: str = Field(title="名称")
    issues: int = Field(title="发现问题")
    rectified: int = Field(title="已整改")
    rate: float | None = Field(title="整改率", description="已整改 ÷ 发现问题；无问题时为空")
    tasks: int = Field(title="整改任务")
    tasks_done: int = Field(title="已完成任务")
    task_rate: float | None = Field(title="任务完成率", description="已完成（含销号）÷ 整改任务；无任务时为空")
    note: str | None = Field(default=None, title="说明")
    township: str | None = Field(default=None, title="所属乡镇")
    in_progress: bool | None = Field(default=None, title="整改进行中")
    start: date | None = Field(default=None, title="进驻日期")
    end: date | None = Field(default=None, title="结束日期")
    issue_ids: list[str] = Field(default_factory=list, title="问题")
    rectified_ids: list[str] = Field(default_factory=list, title="已整改问题")
    task_ids: list[str] = Field(default_factory=list, title="整改任务")
    done_task_ids: list[str] = Field(default_factory=list, title="已完成任务")


class OverdueTask(BaseModel):
    task_id: str = Field(title="整改任务")
    issue_id: str = Field(title="问题")
    issue_code: str | None = Field(title="问题编号")
    unit_id: str = Field(title="单位")
    unit_name: str = Field(title="单位名称")
    round_id: str = Field(title="轮次")
    severity: str = Field(title="严重程度")
    severity_zh: str = Field(title="严重程度")
    measure: str = Field(title="整改措施")
    owner: str | None = Field(title="责任人")
    deadline: date = Field(title="完成时限")
    days_overdue: int = Field(title="逾期天数")
    limit_days: int = Field(title="逾期认定天数")


class SeverityFigure(BaseModel):
    severity: str = Field(title="严重程度")
    severity_zh: str = Field(title="严重程度")
    limit_days: int = Field(title="逾期认定天数")
    count: int = Field(title="逾期任务")
    max_days: int | None = Field(title="最长逾期天数")
    task_ids: list[str] = Field(default_factory=list, title="逾期任务")


class RelapseLine(BaseModel):
    issue_id: str = Field(title="再次发现的问题")
    earlier_id: str = Field(title="此前已整改的问题")
    unit_id: str = Field(title="单位")
    unit_name: str = Field(title="单位名称")
    issue_round: str = Field(title="再次发现轮次")
    text: str = Field(title="问题描述")


class LetterWaiting(BaseModel):
    letter_id: str = Field(title="建议函")
    code: str = Field(title="文号")
    sent_date: date = Field(title="发函日期")
    regulator_name: str | None = Field(title="主送单位")
    days_waiting: int = Field(title="未反馈天数")


class ClueWaiting(BaseModel):
    clue_id: str = Field(title="问题线索")
    code: str = Field(title="线索编号")
    transfer_date: date = Field(title="移交日期")
    receiver: str | None = Field(title="接收单位")
    days_waiting: int = Field(title="未处置天数")
    source_ids: list[str] = Field(default_factory=list, title="来源")


class TrendPoint(BaseModel):
    round_id: str = Field(title="轮次")
    label: str = Field(title="轮次名称")
    start: date | None = Field(title="进驻日期")
    issues: int = Field(title="发现问题")
    rate: float | None = Field(title="整改率")
    task_rate: float | None = Field(title="任务完成率")
    overdue: int = Field(title="逾期任务")
    relapses: int = Field(title="整改后复发")


class Figure(BaseModel):
    key: str = Field(title="标识")
    label: str = Field(title="指标")
    value: float | int | None = Field(title="数值")
    text: str = Field(title="显示")
    ids: list[str] = Field(default_factory=list, title="背后的记录")


class Dashboard(BaseModel):
    as_of: date = Field(title="统计日期")
    range_label: str = Field(title="统计范围")
    county: str | None = Field(default=None, title="县（市、区）", description="只统计这个县的轮次；空为全部")
    counties: list[str] = Field(default_factory=list, title="数据中的县（市、区）", description="可选的县，供选择")
    round_ids: list[str] = Field(title="轮次")
    limits: dict[str, object] = Field(title="判定时限")
    total: RateRow = Field(title="合计")
    figures: list[Figure] = Field(title="主要数字")
    by_round: list[RateRow] = Field(title="分轮次")
    by_unit: list[RateRow] = Field(title="分单位")
    by_category: list[RateRow] = Field(title="分类别")
    by_township: list[RateRow] = Field(title="分乡镇")
    rounds_in_progress: list[str] = Field(title="整改进行中的轮次")
    overdue: list[OverdueTask] = Field(title="逾期整改任务")
    overdue_by_severity: list[SeverityFigure] = Field(title="逾期任务（按严重程度）")
    relapses: list[RelapseLine] = Field(title="整改后复发")
    letters_unanswered: list[LetterWaiting] = Field(title="未反馈的建议函")
    clues_undisposed: list[ClueWaiting] = Field(title="未处置的问题线索")
    trend: list[TrendPoint] = Field(title="各轮趋势")
    notes: list[str] = Field(default_factory=list, title="说明")
