"""The Excel workbook of a 贯通联动 review: the rows behind every figure, one sheet per table.

Sheets 联动成效 (each figure with the ids behind it), 各渠道发现, 重合发现,
移交链条 (days of each step), 移交卡滞 and 应移交未移交 (and, for a round, 巡前数据调取). Every sheet has Chinese
headers in a frozen first row with an auto-filter and columns as wide as their
contents (CJK counted double, at most 60).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from api.reports.sheets import MEDIA_TYPE as MEDIA_TYPE  # the routers read it here
from api.reports.sheets import fill_sheet, workbook_bytes, write_file
from graph.model.enums import CaseOutcome, ClueDisposal
from graph.reviews.linkage import channel_zh
from graph.reviews.linkage_model import LinkageReview


def file_name(review: LinkageReview) -> str:
    return f"贯通联动审查（{review.subject_name}，截至{review.as_of.isoformat()}）.xlsx"


def _zh(enum: type, value: str | None) -> str:
    try:
        return enum(value).label_zh if value else ""
    except ValueError:
        return value or ""


def build(r: LinkageReview) -> Workbook:
    book = Workbook()
    ws = book.active
    ws.title = "联动成效"
    period = f"{r.date_from or '不限'} 至 {r.date_to or '不限'}"
    fill_sheet(ws, ["指标", "数量", "依据（标识）"], [[f.label, f.value, "、".join(f.ids)] for f in r.figures]
           + [["审查对象", f"{r.scope.label_zh}：{r.subject_name}", r.subject_id], ["期间", period, ""],
              ["审查日期", r.as_of.isoformat(), ""]])
    fill_sheet(book.create_sheet("各渠道发现"),
           ["监督渠道", "发现日期", "编号", "单位", "问题类别", "问题描述", "所涉人员", "标识"],
           [[i.channel_zh, i.found_date, i.code, i.unit_name, i.category, i.text,
             "、".join(r.people.get(p, p) for p in i.person_ids), i.item_id] for i in r.items])
    fill_sheet(book.create_sheet("重合发现"),
           ["重合依据", "单位或人员", "问题类别", "发现渠道", "最先发现渠道", "最先发现日期", "表述", "各次发现"],
           [[o.basis.label_zh, o.unit_name or o.person_name, o.category, "、".join(channel_zh(c) for c in o.channels),
             channel_zh(o.first_channel), o.first_date, o.sentence,
             "；".join(f"{s.channel_zh} {s.found_date} {s.code or s.item_id}" for s in o.sightings)]
            for o in r.overlaps])
    fill_sheet(book.create_sheet("移交链条"),
           ["线索编号", "来源渠道", "问题发现日期", "移交日期", "发现至移交天数", "接收单位", "处置方式", "处置日期",
            "移交至处置天数", "案件编号", "立案日期", "处置至立案天数", "结案日期", "立案至结案天数", "处理结果",
            "涉及人员"],
           [[h.clue_code, channel_zh(h.channel), h.found_date, h.transfer_date, h.days_found_to_transfer,
             h.receiver_name, _zh(ClueDisposal, h.disposal), h.disposal_date, h.days_transfer_to_disposal,
             h.case_code, h.opened, h.days_disposal_to_case, h.closed, h.days_case_to_close,
             _zh(CaseOutcome, h.outcome), "、".join(r.people.get(p, p) for p in h.person_ids)] for h in r.handoffs])
    fill_sheet(book.create_sheet("移交卡滞"), ["卡滞类型", "起算日期", "已过天数", "时限（天）", "表述", "线索", "案件"],
           [[s.kind.label_zh, s.since, s.days, s.limit, s.sentence, s.clue_id, s.case_id] for s in r.stalls])
    fill_sheet(book.create_sheet("应移交未移交"),
           ["人员", "问题类别", "先发现渠道", "先发现日期", "再发现渠道", "再发现日期", "表述", "先发现", "再发现"],
           [[x.person_name, x.category, channel_zh(x.earlier_channel), x.earlier_date, channel_zh(x.later_channel),
             x.later_date, x.sentence, x.earlier_id, x.later_id] for x in r.missing])
    if r.programme_zh:
        fill_sheet(book.create_sheet(r.programme_zh), ["指标", "数量", "依据（标识）"],
               [[f.label, f.value, "、".join(f.ids)] for f in r.programme_figures])
    if r.scope.value == "round":
        fill_sheet(book.create_sheet("巡前数据调取"),
               ["调取编号", "被调取单位", "调取事项", "调取日期", "要求反馈日期", "反馈日期", "反馈内容", "问题", "逾期天数",
                "表述", "标识"],
               [[q.code, q.body_name, q.request, q.requested_date, q.due_date, q.answered_date, q.response,
                 q.gap.label_zh if q.gap else "", q.days_late, q.sentence, q.request_id] for q in r.data_requests])
    if r.directives:
        fill_sheet(book.create_sheet("交办事项"),
               ["交办对象", "承办单位", "交办事项", "交办日期", "办结日期", "办理情况", "未办结天数", "逾期", "表述",
                "涉及", "标识"],
               [[d.body, d.body_unit_name, d.request, d.issued_date, d.answered_date, d.response, d.days_open,
                 "是" if d.overdue else "", d.sentence, d.about_id, d.directive_id] for d in r.directives])
    book.properties.title, book.properties.creator = "贯通联动审查", "巡察知识图谱"
    return book


def render(review: LinkageReview) -> bytes:
    return workbook_bytes(build(review))


def write(review: LinkageReview, path: Path) -> Path:
    return write_file(render(review), path)
