"""What every Excel workbook the service hands out shares: fonts, widths, a plain table sheet, the bytes.

A table sheet has Chinese headers in a bold grey frozen first row with an
auto-filter, dates as yyyy-mm-dd and columns as wide as their contents (CJK
counted double, at most ``MAX_WIDTH``): how an office expects a ledger to open.
"""

from __future__ import annotations

import unicodedata
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FONT = "仿宋"
MAX_WIDTH = 60


def display_width(value: object) -> int:
    """Columns a value needs: CJK and full-width characters count double.

    >>> display_width("到位"), display_width("LA2017")
    (4, 6)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(value))


def fill_sheet(ws: Worksheet, headers: list[str], rows: list[list[object]]) -> None:
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


def workbook_bytes(book: Workbook) -> bytes:
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_file(content: bytes, path: Path) -> Path:
    """Write a rendered document, making its folder; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path
