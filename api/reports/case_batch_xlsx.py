"""The Excel workbook of a batch of 一案三改 reviews: the table a 联席会议 on rectification looks at.

Sheet 审查汇总: one row per case, Chinese headers in a frozen first row with an
auto-filter, the state and the gap count of each of the four dimensions, the
total and the kinds of gap; states are coloured (到位 green, 部分到位 amber,
未到位 red, others grey) and the sheet prints landscape on A4, one page wide, the header
row on every page. Sheet 说明 records the scope, the review date and how to read it.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from api.reports.sheets import FONT, MAX_WIDTH, display_width, workbook_bytes, write_file
from api.reports.sheets import MEDIA_TYPE as MEDIA_TYPE  # the routers read it here
from graph.reviews.case_review_model import CaseBatch, Dimension, State

ORDER = (Dimension.INDIVIDUAL, Dimension.CATEGORY, Dimension.SYSTEMIC, Dimension.ACCOUNTABILITY)
SHEET = "审查汇总"
HEADERS = ("序号", "案件编号", "立案日期", "发案单位",
           *(f"{d.label_zh}{what}" for d in ORDER for what in ("状态", "差距数")), "差距合计", "差距类型")
FILLS = {State.DONE: "C6EFCE", State.PARTIAL: "FFEB9C", State.NOT_DONE: "FFC7CE"}  # any other state: grey
OTHER_FILL = "EDEDED"
THIN = Side(style="thin", color="999999")


def file_name(batch: CaseBatch) -> str:
    return f"一案三改审查汇总（截至{batch.as_of.isoformat()}）.xlsx"


def _rows(batch: CaseBatch) -> list[list[object]]:
    out = []
    for n, row in enumerate(batch.rows, 1):
        per = []
        for d in ORDER:
            state = row.states.get(d)
            per += [state.label_zh if state else "未审查", row.gap_counts.get(d, 0)]
        kinds = "、".join(dict.fromkeys(k.label_zh for k in row.gap_kinds))
        out.append([n, row.case_code, row.opened, row.unit_name or "", *per, sum(row.gap_counts.values()), kinds])
    return out


def _summary(ws: Worksheet, batch: CaseBatch) -> None:
    ws.append(["项目", "内容"])
    ws.append(["范围", batch.scope])
    ws.append(["审查日期", batch.as_of])
    ws.append(["案件数", len(batch.rows)])
    for d in ORDER:
        tally = [sum(1 for r in batch.rows if r.states.get(d) is s) for s in State]
        ws.append([f"{d.label_zh}", "，".join(f"{s.label_zh}{n}件" for s, n in zip(State, tally, strict=True))])
    ws.append(["状态说明", "到位：没有差距；部分到位：有差距，但已有整改或处置；未到位：有差距，且未见整改或处置；"
                       "无从判断：没有可据以核对的问题记录（如案件背后没有问题或线索）。"])
    ws.append(["差距数", "每个方面列出的差距条数；差距的具体表述和证据出处见单个案件的审查报告（xuncha review case）。"])
    for cell in ws["A"]:
        cell.font = Font(name=FONT, bold=True)
    ws["B3"].number_format = "yyyy-mm-dd"
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 14, 90
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def build(batch: CaseBatch) -> Workbook:
    book = Workbook()
    ws = book.active
    ws.title = SHEET
    ws.append(list(HEADERS))
    rows = _rows(batch)
    for values in rows:
        ws.append(values)
    header_font, body_font = Font(name=FONT, bold=True), Font(name=FONT)
    for cell in ws[1]:
        cell.font = header_font
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
    state_columns = {5 + 2 * i for i in range(len(ORDER))}
    by_label = {s.label_zh: s for s in State}
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.font = body_font
            cell.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
            cell.alignment = Alignment(vertical="center", wrap_text=cell.column == len(HEADERS))
            if cell.column == 3:
                cell.number_format = "yyyy-mm-dd"
            if cell.column in state_columns and cell.value in by_label:
                cell.fill = PatternFill("solid", fgColor=FILLS.get(by_label[cell.value], OTHER_FILL))
                cell.alignment = Alignment(horizontal="center", vertical="center")
    for i, header in enumerate(HEADERS, 1):
        values = [header, *(r[i - 1] for r in rows)]
        widest = max(display_width("0000-00-00" if i == 3 and v != header else v) for v in values)
        ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, widest + 2)
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{max(1, len(rows) + 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    _summary(book.create_sheet("说明"), batch)
    book.properties.title, book.properties.creator = "一案三改审查汇总", "巡察知识图谱"
    return book


def render(batch: CaseBatch) -> bytes:
    """The batch as the bytes of an .xlsx file."""
    return workbook_bytes(build(batch))


def write(batch: CaseBatch, path: Path) -> Path:
    return write_file(render(batch), path)
