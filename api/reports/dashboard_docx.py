"""The rectification dashboard as a one-page Word summary in 公文 layout (GB/T 9704, via :mod:`api.reports.gongwen`).

Title, one paragraph of the headline figures (“前4轮巡察共发现问题…，整改率…”), 一、分轮次整改情况 (table),
二、需要关注的问题 (overdue by severity, relapses, unanswered letters, undisposed clues), the date. It reads the
:class:`Dashboard` and derives nothing; the rows behind the figures are in the workbook.
"""

from __future__ import annotations

from pathlib import Path

from api.reports import gongwen as gw
from api.reports.sheets import write_file
from graph.reviews.dashboard import percent
from graph.reviews.dashboard_model import NO_TASKS, Dashboard

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
__all__ = ["MEDIA_TYPE", "build", "file_name", "render", "write"]
MAX_ROUNDS_SHOWN = 10


def document_title(d: Dashboard) -> str:
    return f"关于{d.range_label}巡察整改情况的报告"


def file_name(d: Dashboard) -> str:
    return f"{document_title(d)}（截至{d.as_of.isoformat()}）.docx"


def build(d: Dashboard):  # noqa: ANN201 - a python-docx Document
    doc = gw.new_document(document_title(d), subject="整改看板")
    gw.title(doc, document_title(d))
    t = d.total
    tasks = f"整改任务{t.tasks}项、已完成{t.tasks_done}项，完成率{percent(t.task_rate)}" if t.tasks else NO_TASKS
    gw.body(doc, f"截至{gw.chinese_date(d.as_of)}，{d.range_label}巡察共发现问题{t.issues}个，已整改{t.rectified}个，"
                 f"整改率{percent(t.rate)}；{tasks}。" + "".join(d.notes))
    gw.heading(doc, 1, f"{gw.level_1(1)}分轮次整改情况")
    shown = d.by_round[-MAX_ROUNDS_SHOWN:]
    gw.table(doc, ["轮次", "发现问题", "已整改", "整改率", "任务完成率"],
             [[r.label + ("（整改中）" if r.in_progress else ""), r.issues, r.rectified, percent(r.rate),
               percent(r.task_rate) if r.tasks else NO_TASKS] for r in shown], [7.0, 2.2, 2.2, 2.2, 2.6])
    if len(d.by_round) > len(shown):
        gw.body(doc, f"（仅列最近{len(shown)}轮，全部轮次见整改看板 Excel。）")
    gw.heading(doc, 1, f"{gw.level_1(2)}需要关注的问题")
    severity = "，".join(f"{s.severity_zh}问题{s.count}项" for s in d.overdue_by_severity if s.count)
    overdue = f"逾期未完成的整改任务{len(d.overdue)}项" + (f"（{severity}）" if severity else "")
    items = [overdue, f"整改后又被再次发现（整改后复发）的问题{len(d.relapses)}个",
             f"超过{d.limits.get('letter_answer_days')}天未反馈的巡察建议函{len(d.letters_unanswered)}份",
             f"移交后超过{d.limits.get('clue_disposal_days')}天未处置的问题线索{len(d.clues_undisposed)}件"]
    for n, text in enumerate(items, 1):
        gw.body(doc, text + "。", bold_lead=f"{n}. ")
    gw.flush_right(doc, gw.chinese_date(d.as_of))
    return doc


def render(d: Dashboard) -> bytes:
    return gw.to_bytes(build(d))


def write(d: Dashboard, path: Path) -> Path:
    return write_file(render(d), path)
