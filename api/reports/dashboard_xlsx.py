"""The rectification dashboard as an Excel workbook: one sheet per breakdown, every row with the ids behind it.

Sheets: 主要数字, 分轮次, 分单位, 分类别, 分乡镇, 逾期任务, 整改后复发, 未反馈建议函, 未处置线索 (frozen header, filter,
widths through :mod:`api.reports.sheets`). It reads the :class:`Dashboard` and derives nothing.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from api.reports.sheets import MEDIA_TYPE, fill_sheet, workbook_bytes, write_file
from graph.reviews.dashboard import percent
from graph.reviews.dashboard_model import NO_TASKS, Dashboard, RateRow

__all__ = ["MEDIA_TYPE", "SHEETS", "build", "file_name", "render", "write"]
SHEETS = ("主要数字", "分轮次", "分单位", "分类别", "分乡镇", "逾期任务", "整改后复发", "未反馈建议函", "未处置线索")
RATE_HEADERS = ["发现问题", "已整改", "整改率", "整改任务", "已完成任务", "任务完成率", "说明", "问题", "整改任务编号"]


def file_name(d: Dashboard) -> str:
    return f"整改看板（{d.range_label}，截至{d.as_of.isoformat()}）.xlsx"


def _rate_cells(r: RateRow) -> list[object]:
    return [r.issues, r.rectified, percent(r.rate), r.tasks, r.tasks_done,
            percent(r.task_rate) if r.tasks else NO_TASKS, r.note, "、".join(r.issue_ids), "、".join(r.task_ids)]


def build(d: Dashboard) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEETS[0]
    fill_sheet(ws, ["指标", "数值", "背后的记录"], [[f.label, f.text, "、".join(f.ids)] for f in d.figures])
    fill_sheet(wb.create_sheet(SHEETS[1]), ["轮次", "进驻日期", "结束日期", "整改进行中", *RATE_HEADERS],
               [[r.label, r.start, r.end, "是" if r.in_progress else "否", *_rate_cells(r)] for r in d.by_round])
    fill_sheet(wb.create_sheet(SHEETS[2]), ["单位", "所属乡镇", *RATE_HEADERS],
               [[r.label, r.township, *_rate_cells(r)] for r in d.by_unit])
    fill_sheet(wb.create_sheet(SHEETS[3]), ["问题类别", *RATE_HEADERS], [[r.label, *_rate_cells(r)] for r in d.by_category])
    fill_sheet(wb.create_sheet(SHEETS[4]), ["乡镇（街道）", *RATE_HEADERS],
               [[r.label, *_rate_cells(r)] for r in d.by_township])
    fill_sheet(wb.create_sheet(SHEETS[5]),
               ["单位", "问题编号", "严重程度", "整改措施", "责任人", "完成时限", "逾期天数", "逾期认定天数", "整改任务",
                "问题"],
               [[o.unit_name, o.issue_code, o.severity_zh, o.measure, o.owner, o.deadline, o.days_overdue,
                 o.limit_days, o.task_id, o.issue_id] for o in d.overdue])
    fill_sheet(wb.create_sheet(SHEETS[6]), ["单位", "问题描述", "再次发现的问题", "此前已整改的问题"],
               [[x.unit_name, x.text, x.issue_id, x.earlier_id] for x in d.relapses])
    fill_sheet(wb.create_sheet(SHEETS[7]), ["文号", "发函日期", "主送单位", "未反馈天数", "建议函"],
               [[x.code, x.sent_date, x.regulator_name, x.days_waiting, x.letter_id] for x in d.letters_unanswered])
    fill_sheet(wb.create_sheet(SHEETS[8]), ["线索编号", "移交日期", "接收单位", "未处置天数", "问题线索", "来源"],
               [[c.code, c.transfer_date, c.receiver, c.days_waiting, c.clue_id, "、".join(c.source_ids)]
                for c in d.clues_undisposed])
    return wb


def render(d: Dashboard) -> bytes:
    return workbook_bytes(build(d))


def write(d: Dashboard, path: Path) -> Path:
    return write_file(render(d), path)
