"""The clerk's own workbook back, with every bad cell marked: a fill and a comment giving the reason in Chinese.

An .xlsx keeps everything it had (sheets, formats, formulas); a CSV or JSON file comes back as a workbook of its
rows (a CSV row at its own row number, so the report's row and column letters point at the marked cell; JSON
record n on row n+1, its keys as the header row). A problem naming a row but no column marks the row's first
cell; one naming no row is only listed. Every problem and warning is listed on a sheet ``检查结果`` that the
loader skips, so the fixed copy loads as it stands. Marks from an earlier check are cleared first.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook as WorkbookType
from openpyxl.worksheet.worksheet import Worksheet

from loaders.ledgers.readers import Sheet, column_letter
from loaders.ledgers.report import FileReport, Problem

CHECKED_SUFFIX = ".检查结果.xlsx"
REPORT_SHEET = "检查结果"  # listed in readers.HELPER_SHEETS: never read as data
AUTHOR = "巡察知识图谱"
BAD = PatternFill("solid", fgColor="FFC7CE")  # Excel's own "bad" red
DATA_SHEET = "台账"


def cell_of(problem: Problem, sheets: list[Sheet], workbook: bool) -> tuple[str, str] | None:
    """The (worksheet, cell) a problem marks in the copy, or None when it names no row.

    >>> cell_of(Problem(file="a.xlsx", sheet="表1", row=3, column="C", reason="x"), [], True)
    ('表1', 'C3')
    >>> cell_of(Problem(file="a.xlsx", sheet="表1", row=3, reason="x"), [], True)
    ('表1', 'A3')
    """
    if problem.row is None:
        return None
    if workbook:
        return (problem.sheet or "", f"{problem.column or 'A'}{problem.row}") if problem.sheet else None
    sheet = sheets[0] if sheets else None
    if sheet is not None and sheet.records:  # JSON: record n on row n+1; its column by the key
        index = sheet.headers.index(problem.header) if problem.header in sheet.headers else 0
        return DATA_SHEET, f"{column_letter(index)}{problem.row + 1}"
    return DATA_SHEET, f"{problem.column or 'A'}{problem.row}"


def annotate(path: Path, sheets: list[Sheet], report: FileReport, out: Path) -> dict[tuple[str, str], list[str]]:
    """Write the marked copy of ``path`` to ``out``; returns the cells marked with their reasons."""
    workbook = path.suffix.lower() in (".xlsx", ".xlsm")
    wb = _open(path) if workbook else _from_rows(sheets)
    _clear(wb)
    marks: dict[tuple[str, str], list[str]] = {}
    for p in report.problems:
        where = cell_of(p, sheets, workbook)
        if where is not None and where[0] in wb.sheetnames:
            marks.setdefault(where, []).append(p.reason)
    for (title, coordinate), reasons in marks.items():
        cell = wb[title][coordinate]
        cell.fill = BAD
        text = "\n".join(dict.fromkeys(reasons))
        cell.comment = Comment(text, AUTHOR, width=320, height=min(60 + 20 * len(reasons), 400))
    _report_sheet(wb, report)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    wb.save(tmp)
    tmp.replace(out)
    return marks


def _open(path: Path) -> WorkbookType:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's notes on data validation and extensions it drops
        return load_workbook(path, data_only=False)


def _clear(wb: WorkbookType) -> None:
    """An earlier check's marks (our comments and their fill) and its report sheet, gone before marking again."""
    if REPORT_SHEET in wb.sheetnames:
        del wb[REPORT_SHEET]
    for ws in wb.worksheets:
        for cell in [c for c in ws._cells.values() if c.comment is not None and c.comment.author == AUTHOR]:
            cell.comment = None
            cell.fill = PatternFill()


def _plain(value: Any) -> Any:
    """A CSV/JSON value as a cell: text stays text (never a formula), control characters dropped."""
    if isinstance(value, (dict, list)):
        value = str(value)
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _from_rows(sheets: list[Sheet]) -> WorkbookType:
    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    if not sheets:
        return wb
    sheet = sheets[0]
    header_row = 1 if sheet.records else sheet.header_row
    for i, header in enumerate(sheet.headers, 1):
        ws.cell(header_row, i, _plain(header)).font = Font(bold=True)
    for number, cells in sheet.rows:
        row = number + 1 if sheet.records else number
        for i in range(len(sheet.headers)):
            value = cells[i] if i < len(cells) else None
            if value is not None:
                _text_cell(ws, row, i + 1, _plain(value))
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    return wb


def _text_cell(ws: Worksheet, row: int, column: int, value: Any) -> None:
    cell = ws.cell(row, column, value)
    if isinstance(value, str) and cell.data_type == "f":  # "=1+1" in a CSV is text the loader refuses, not a formula
        cell.data_type = "s"


def _append(ws: Worksheet, values: list[Any]) -> None:
    row = ws.max_row + 1 if ws.max_row > 1 or ws["A1"].value is not None else 1
    for column, value in enumerate(values, 1):
        _text_cell(ws, row, column, _plain(value))


def _report_sheet(wb: WorkbookType, report: FileReport) -> None:
    ws = wb.create_sheet(REPORT_SHEET, 0)
    summary = (f"{report.file}：{len(report.problems)} 处问题需要改正（已在表中标红并加批注）" if report.problems
               else f"{report.file}：未发现问题，可以载入")
    _append(ws, [summary])
    ws["A1"].font = Font(bold=True)
    if report.warnings:
        _append(ws, [f"另有 {len(report.warnings)} 处已按规则处理、请留意（见下表“提示”）"])
    _append(ws, [None])
    header = ["类别", "工作表", "行", "列", "列名", "单元格内容", "原因"]
    _append(ws, header)
    top = ws.max_row
    for cell in ws[top]:
        cell.font = Font(bold=True)
    for label, items in (("问题", report.problems), ("提示", report.warnings)):
        for p in items:
            _append(ws, [label, p.sheet or "", p.row if p.row is not None else "", p.column or "", p.header or "",
                         p.value or "", p.reason])
    ws.freeze_panes = ws.cell(top + 1, 1)
    ws.auto_filter.ref = f"A{top}:{get_column_letter(len(header))}{max(ws.max_row, top)}"
    for letter, width in zip("ABCDEFG", (8, 16, 8, 6, 20, 30, 70), strict=True):
        ws.column_dimensions[letter].width = width
