"""``xuncha dashboard``: the rectification dashboard (整改看板) for some rounds, at a terminal, as JSON, or saved as
Excel (one sheet per breakdown) and a one-page Word summary. It calls the same function the API calls."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from api.analysis_commands import _print_json, _store, console, err
from api.review_commands import _date, _fail
from graph.reviews.dashboard import DashboardError, kept_dashboard, parse_rounds, percent
from graph.reviews.dashboard_model import NO_TASKS, Dashboard, RateRow
from graph.reviews.rules import RulesError
from graph.settings import get_settings

TOP = 15


def _rate_table(title: str, rows: list[RateRow], first: str, *, limit: int | None = None) -> Table:
    table = Table(first, "发现问题", "已整改", "整改率", "整改任务", "已完成", "任务完成率", title=title)
    for r in rows[:limit]:
        table.add_row(r.label + ("（整改中）" if r.in_progress else ""), str(r.issues), str(r.rectified),
                      percent(r.rate), str(r.tasks), str(r.tasks_done),
                      percent(r.task_rate) if r.tasks else NO_TASKS)
    return table


def print_dashboard(d: Dashboard) -> None:
    console.print(f"[bold]整改看板：{d.range_label}[/bold]（截至 {d.as_of}）", highlight=False)
    figures = Table("指标", "数值", title="主要数字")
    for f in d.figures:
        figures.add_row(f.label, f.text)
    console.print(figures)
    console.print(_rate_table("分轮次", d.by_round, "轮次"))
    console.print(_rate_table("分乡镇", d.by_township, "乡镇（街道）"))
    console.print(_rate_table("分类别", d.by_category, "问题类别"))
    worst = sorted(d.by_unit, key=lambda r: (r.rate is None, r.rate if r.rate is not None else 1.0, r.key))
    console.print(_rate_table(f"整改率最低的单位（前{TOP}个，全部见 --xlsx）", worst, "单位", limit=TOP))
    overdue = Table("严重程度", "逾期认定（天）", "逾期任务", "最长逾期（天）", title="逾期整改任务")
    for s in d.overdue_by_severity:
        overdue.add_row(s.severity_zh, str(s.limit_days), str(s.count), str(s.max_days or "—"))
    console.print(overdue)
    for note in d.notes:
        console.print(f"说明：{note}", highlight=False)


def dashboard_command(
        rounds: Annotated[str | None, typer.Option(
            "--rounds", help="轮次范围，按进驻先后排的第几轮，如 1-4（前四轮）或 1,3,5；不填为全部",
            show_default=False)] = None,
        today: Annotated[str | None, typer.Option("--as-of", help="统计日期 YYYY-MM-DD（默认今天）", show_default=False)]
        = None,
        county: Annotated[str | None, typer.Option(
            "--county", help="只统计这个县（市、区）的轮次；数据含多个县时按第几轮统计须指明", show_default=False)] = None,
        as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
        xlsx: Annotated[Path | None, typer.Option("--xlsx", help="另存为 Excel（每个分组一个工作表）", show_default=False)]
        = None,
        docx: Annotated[Path | None, typer.Option("--docx", help="另存为一页 Word 整改情况报告", show_default=False)]
        = None) -> None:
    try:
        chosen = parse_rounds(rounds)
    except DashboardError as exc:
        _fail(str(exc))
    when = _date(today, "--as-of")
    with _store() as store:
        try:
            result = kept_dashboard(store, chosen, when, county=county, data_dir=get_settings().data_dir)
        except (DashboardError, RulesError) as exc:
            _fail(str(exc))
    if xlsx is not None:
        from api.reports import dashboard_xlsx

        path = dashboard_xlsx.write(result, xlsx if xlsx.suffix else xlsx.with_suffix(".xlsx"))
        err.print(f"已写出 Excel → {path}", highlight=False)
    if docx is not None:
        from api.reports import dashboard_docx

        path = dashboard_docx.write(result, docx if docx.suffix else docx.with_suffix(".docx"))
        err.print(f"已写出 Word → {path}", highlight=False)
    if as_json:
        _print_json(result.model_dump(mode="json"))
    elif xlsx is None and docx is None:
        print_dashboard(result)


def register(app: typer.Typer) -> None:
    app.command("dashboard", help="整改看板：分轮次、单位、类别、乡镇的整改率，逾期任务、整改后复发、未反馈的建议函、"
                                  "未处置的线索；可另存为 Excel 或 Word。")(dashboard_command)
