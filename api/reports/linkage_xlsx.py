"""The Excel workbook of a 贯通联动 review: the rows behind every figure, one sheet per table.

Sheets 联动成效 (each figure with the ids behind it), 各渠道发现, 重合发现,
移交链条 (days of each step), 移交卡滞 and 应移交未移交 (and, for a round, 巡前数据调取). Every sheet has Chinese
headers in a frozen first row with an auto-filter and columns as wide as their
contents (CJK counted double, at most 60).
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from api.reports.case_batch_xlsx import display_width
from graph.model.enums import CaseOutcome, ClueDisposal
from graph.reviews.linkage import channel_zh
from graph.reviews.linkage_model import LinkageReview

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FONT = "仿宋"
MAX_WIDTH = 60


def file_name(review: LinkageReview) -> str:
    return f"贯通联动审查（{review.subject_name}，截至{review.as_of.isoformat()}）.xlsx"


def _zh(enum: type, value: str | None) -> str:
    try:
        return enum(value).label_zh if value else ""
    except ValueError:
        return value or ""


def _sheet(ws: Worksheet, headers: list[str], rows: list[list[object]]) -> None:
    ws.append(headers)
    for row in rows:
        ws.append(["" if v is None else v for v in row])
    for cell in ws[1]:
        cell.font = Font(name=FONT, bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.font = Font(name=FONT)
            if hasattr(cell.value, "isoformat"):
                cell.number_format = "yyyy-mm-dd"
    for i, header in enumerate(headers, 1):
        values = [header, *(r[i - 1] for r in rows)]
        widest = max(display_width("0000-00-00" if hasattr(v, "isoformat") else ("" if v is None else v))
                     for v in values)
        ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, widest + 2)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"


def build(r: LinkageReview) -> Workbook:
    book = Workbook()
    ws = book.active
    ws.title = "联动成效"
    period = f"{r.date_from or '不限'} 至 {r.date_to or '不限'}"
    _sheet(ws, ["指标", "数量", "依据（标识）"], [[f.label, f.value, "、".join(f.ids)] for f in r.figures]
           + [["审查对象", f"{r.scope.label_zh}：{r.subject_name}", r.subject_id], ["期间", period, ""],
              ["审查日期", r.as_of.isoformat(), ""]])
    _sheet(book.create_sheet("各渠道发现"),
           ["监督渠道", "发现日期", "编号", "单位", "问题类别", "问题描述", "所涉人员", "标识"],
           [[i.channel_zh, i.found_date, i.code, i.unit_name, i.category, i.text,
             "、".join(r.people.get(p, p) for p in i.person_ids), i.item_id] for i in r.items])
    _sheet(book.create_sheet("重合发现"),
           ["重合依据", "单位或人员", "问题类别", "发现渠道", "最先发现渠道", "最先发现日期", "表述", "各次发现"],
           [[o.basis.label_zh, o.unit_name or o.person_name, o.category, "、".join(channel_zh(c) for c in o.channels),
             channel_zh(o.first_channel), o.first_date, o.sentence,
             "；".join(f"{s.channel_zh} {s.found_date} {s.code or s.item_id}" for s in o.sightings)]
            for o in r.overlaps])
    _sheet(book.create_sheet("移交链条"),
           ["线索编号", "来源渠道", "问题发现日期", "移交日期", "发现至移交天数", "接收单位", "处置方式", "处置日期",
            "移交至处置天数", "案件编号", "立案日期", "处置至立案天数", "结案日期", "立案至结案天数", "处理结果",
            "涉及人员"],
           [[h.clue_code, channel_zh(h.channel), h.found_date, h.transfer_date, h.days_found_to_transfer,
             h.receiver_name, _zh(ClueDisposal, h.disposal), h.disposal_date, h.days_transfer_to_disposal,
             h.case_code, h.opened, h.days_disposal_to_case, h.closed, h.days_case_to_close,
             _zh(CaseOutcome, h.outcome), "、".join(r.people.get(p, p) for p in h.person_ids)] for h in r.handoffs])
    _sheet(book.create_sheet("移交卡滞"), ["卡滞类型", "起算日期", "已过天数", "时限（天）", "表述", "线索", "案件"],
           [[s.kind.label_zh, s.since, s.days, s.limit, s.sentence, s.clue_id, s.case_id] for s in r.stalls])
    _sheet(book.create_sheet("应移交未移交"),
           ["人员", "问题类别", "先发现渠道", "先发现日期", "再发现渠道", "再发现日期", "表述", "先发现", "再发现"],
           [[x.person_name, x.category, channel_zh(x.earlier_channel), x.earlier_date, channel_zh(x.later_channel),
             x.later_date, x.sentence, x.earlier_id, x.later_id] for x in r.missing])
    if r.programme_zh:
        _sheet(book.create_sheet(r.programme_zh), ["指标", "数量", "依据（标识）"],
               [[f.label, f.value, "、".join(f.ids)] for f in r.programme_figures])
    if r.scope.value == "round":
        _sheet(book.create_sheet("巡前数据调取"),
               ["调取编号", "被调取单位", "调取事项", "调取日期", "要求反馈日期", "反馈日期", "反馈内容", "问题", "逾期天数",
                "表述", "标识"],
               [[q.code, q.body_name, q.request, q.requested_date, q.due_date, q.answered_date, q.response,
                 q.gap.label_zh if q.gap else "", q.days_late, q.sentence, q.request_id] for q in r.data_requests])
    book.properties.title, book.properties.creator = "贯通联动审查", "巡察知识图谱"
    return book


def render(review: LinkageReview) -> bytes:
    buffer = BytesIO()
    build(review).save(buffer)
    return buffer.getvalue()


def write(review: LinkageReview, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render(review))
    return path
