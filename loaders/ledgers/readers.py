"""Reading ledger files into sheets of raw cells: .xlsx, .csv (UTF-8 or GB18030/GBK), .json, .jsonl.

Nothing is interpreted here beyond finding the header row; cells keep the
types the file gave them (openpyxl gives dates and numbers), so the validator
can say exactly what was in a cell.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.ledgers.mapping import header_key, ignored_headers, ledger_kinds

SUFFIXES = (".xlsx", ".xlsm", ".csv", ".json", ".jsonl")
HELPER_SHEETS = {"填写说明", "选项", "说明"}  # the template's own sheets, never data
HEADER_SCAN_ROWS = 10


class FileError(ValueError):
    """The file as a whole cannot be read (format, encoding, no data)."""


@dataclass
class Sheet:
    name: str | None  # None for CSV/JSON
    header_row: int  # 1-based, as Excel shows it
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # (row number, cells)
    records: bool = False  # JSON: rows are numbered records, not spreadsheet rows


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (Excel's column names).

    >>> column_letter(27)
    'AB'
    """
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _known_headers() -> set[str]:
    known = set(ignored_headers())
    for kind in ledger_kinds().values():
        known.update(kind.lookup)
    return known


def _blank(cells: list[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _last_filled(cells: list[Any]) -> int:
    return max((i for i, c in enumerate(cells) if not _blank([c])), default=-1)


def _split(name: str | None, grid: list[list[Any]]) -> Sheet | None:
    """Find the header row (the one most cells of which are known headers) and the data under it."""
    known = _known_headers()
    best, best_hits = None, 0
    for i, cells in enumerate(grid[:HEADER_SCAN_ROWS]):
        hits = sum(1 for c in cells if c is not None and header_key(c) in known)
        if hits > best_hits:
            best, best_hits = i, hits
    if best is None:
        if all(_blank(r) for r in grid):
            return None
        best = next(i for i, r in enumerate(grid) if not _blank(r))
    body = [(best + 2 + i, cells) for i, cells in enumerate(grid[best + 1:]) if not _blank(cells)]
    # As wide as the last column holding anything, so data under a missing header is seen, not dropped.
    width = max([_last_filled(grid[best])] + [_last_filled(cells) for _, cells in body]) + 1
    headers = ["" if c is None else str(c).strip() for c in grid[best][:width]] + [""] * (width - len(grid[best]))
    rows = [(n, list(cells[:width]) + [None] * (width - len(cells))) for n, cells in body]
    return Sheet(name, best + 1, headers, rows)


def _read_xlsx(path: Path) -> list[Sheet]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = openpyxl.load_workbook(path, data_only=False)
    except (InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise FileError("不是有效的 Excel（.xlsx）文件，可能已损坏或是旧版 .xls；请用 Excel 另存为 .xlsx") from exc
    except Exception as exc:  # zipfile.BadZipFile and friends
        raise FileError("不是有效的 Excel（.xlsx）文件，可能已损坏；请用 Excel 重新保存") from exc
    sheets = []
    for ws in wb.worksheets:
        if ws.title in HELPER_SHEETS or ws.sheet_state != "visible":
            continue
        grid = [list(r) for r in ws.iter_rows(values_only=True)]
        for merged in ws.merged_cells.ranges:  # a merged header spans its columns: repeat its text
            top = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(grid) else None
            for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
                for c in range(merged.min_col - 1, merged.max_col):
                    if c < len(grid[r]):
                        grid[r][c] = top
        sheet = _split(ws.title, grid)
        if sheet is not None:
            sheets.append(sheet)
    wb.close()
    return sheets


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; otherwise let charset-normalizer decide, preferring GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "utf_8"]).best()
    if best is None:
        raise FileError("无法识别文件编码（不是 UTF-8，也不是 GBK/GB18030）；请用 Excel 另存为“CSV UTF-8”")
    encoding = "gb18030" if best.encoding in ("gb18030", "gbk", "gb2312") else best.encoding
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise FileError("文件编码混杂，无法完整读取；请用 Excel 另存为“CSV UTF-8”") from exc


def _read_csv(path: Path) -> list[Sheet]:
    text = decode(path.read_bytes())
    if "\x00" in text:
        raise FileError("文件含有二进制内容，不是文本 CSV；请用 Excel 另存为“CSV UTF-8”")
    csv.field_size_limit(sys.maxsize)
    try:
        grid = [list(r) for r in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as exc:
        raise FileError(f"CSV 格式有误：{exc}") from exc
    sheet = _split(None, [[c if c.strip() else None for c in r] for r in grid])
    return [sheet] if sheet else []


def _read_json(path: Path) -> list[Sheet]:
    text = decode(path.read_bytes())
    try:
        if path.suffix.lower() == ".jsonl":
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            data = json.loads(text)
            records = data.get("rows", []) if isinstance(data, dict) else data
    except json.JSONDecodeError as exc:
        raise FileError(f"JSON 格式有误（第 {exc.lineno} 行第 {exc.colno} 列）：{exc.msg}") from exc
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise FileError("JSON 应为对象数组（每个对象一行，键为列名），或 {\"rows\": [...]}")
    headers: list[str] = []
    for record in records:
        headers += [k for k in record if k not in headers]
    if not headers:
        return []
    return [Sheet(None, 0, headers, [(i + 1, [r.get(h) for h in headers]) for i, r in enumerate(records)], records=True)]


def read_sheets(path: Path) -> list[Sheet]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".json", ".jsonl"):
        return _read_json(path)
    raise FileError(f"不支持的文件类型“{path.suffix}”；支持 {'、'.join(SUFFIXES)}（旧版 .xls 请另存为 .xlsx）")
