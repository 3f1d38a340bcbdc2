"""Reading ledger files into sheets of raw cells: .xlsx, .csv (UTF-8 or GB18030/GBK), .json, .jsonl.

Nothing is interpreted here beyond finding the header row; cells keep the
types the file gave them (openpyxl gives dates and numbers), so the validator
can say exactly what was in a cell.

Every file is read within :class:`~loaders.ledgers.limits.ReadLimits` and
nothing is materialised before it is known to fit: a workbook's zip directory
is checked before a member is inflated and a sheet's declared dimension before
its cells; cells then stream in one at a time (only those holding something
are kept). CSV and JSON are read record by record, JSON with a depth limit.
"""

from __future__ import annotations

import csv
import json
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from loaders.ledgers.json_records import LINE, SHAPE, json_records
from loaders.ledgers.limits import (
    DEFAULT_LIMITS,
    Budget,
    Cells,
    FileError,
    ReadLimits,
    blank,
    check_depth,
    check_zip,
    limit_message,
    read_bytes,
)
from loaders.ledgers.mapping import header_key, ignored_headers, ledger_kinds, loose_key

SUFFIXES = (".xlsx", ".xlsm", ".csv", ".json", ".jsonl")
HELPER_SHEETS = {"填写说明", "选项", "说明", "检查结果"}  # the template's own sheets and a check's report, never data
HEADER_SCAN_ROWS = 10
_PLAIN = (str, int, float, bool, datetime, date, time, timedelta)


@dataclass
class Sheet:
    name: str | None  # None for CSV/JSON
    header_row: int  # 1-based, as Excel shows it
    headers: list[str]
    rows: list[tuple[int, Any]] = field(default_factory=list)  # (row number, Cells: read like a list of cells)
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
    return known | {loose_key(k) for k in known}


def _split(name: str | None, rows: list[tuple[int, list[Any]]]) -> Sheet | None:
    """Find the header row (the one most cells of which are known headers) and the data under it.

    ``rows`` are the rows holding something, in order, each without trailing empty cells.
    """
    if not rows:
        return None
    known = _known_headers()
    best, best_hits = 0, 0
    for i, (number, cells) in enumerate(rows):
        if number > HEADER_SCAN_ROWS:
            break
        hits = sum(1 for c in cells if c is not None and (header_key(c) in known or loose_key(c) in known))
        if hits > best_hits:
            best, best_hits = i, hits
    header_number, header_cells = rows[best]
    body = rows[best + 1:]
    # As wide as the last column holding anything, so data under a missing header is seen, not dropped.
    width = max(len(cells) for _, cells in rows[best:])
    headers = ["" if c is None else str(c).strip() for c in header_cells] + [""] * (width - len(header_cells))
    return Sheet(name, header_number, headers, [(n, Cells(cells, width)) for n, cells in body])


# -- Excel ----------------------------------------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    """A formula object (array or data-table formula) as the formula text, so the validator sees the '='."""
    if value is None or isinstance(value, _PLAIN):
        return value
    return str(getattr(value, "text", None) or "=")


def _stream_cells(src: Any, parser: Any, budget: Budget, limits: ReadLimits) -> tuple[dict[int, dict[int, Any]], list]:
    """The cells holding something, by row and column, and the merged ranges, read with O(one cell) of XML in memory.

    Every element is dropped from the tree once it has been read (a cell's
    children only when the cell ends), so neither the rows read nor markup
    outside the cells accumulates.
    """
    from openpyxl.xml.functions import iterparse

    grid: dict[int, dict[int, Any]] = {}
    merges: list[str] = []
    stack: list[Any] = []
    in_cell = 0
    for event, el in iterparse(src, events=("start", "end")):
        tag = el.tag.rpartition("}")[2]
        if event == "start":
            stack.append(el)
            if tag == "row" and not in_cell:
                r = el.get("r")
                parser.row_counter = int(float(r)) if r else parser.row_counter + 1
                parser.col_counter = 0
            elif tag == "c":
                in_cell += 1
            continue
        stack.pop()
        if tag == "c":
            in_cell -= 1
            if in_cell:
                continue
            cell = parser.parse_cell(el)
            value = _plain(cell["value"])
            if not blank(value):
                row, column = cell["row"], cell["column"]
                if column > limits.max_columns:
                    raise FileError(limit_message("列数", f"第 {column:,} 列有内容", limits.max_columns, "max_columns",
                                                  "请删除多余的列，或检查文件是否为台账"))
                if row > limits.max_rows or row < 1:
                    raise FileError(limit_message("行数", f"第 {row:,} 行有内容", limits.max_rows, "max_rows",
                                                  "请拆分成几个文件分别载入"))
                grid.setdefault(row, {})[column] = value
                budget.add(1)
        elif in_cell:
            continue
        elif tag == "mergeCell":
            merges.append(el.get("ref") or "")
            if len(merges) > limits.max_cells:
                raise FileError(limit_message("合并单元格数", f"超过 {limits.max_cells:,}", limits.max_cells, "max_cells"))
        if stack:
            del stack[-1][-1]  # the element just ended is its parent's last child
    return grid, merges


def _apply_merges(grid: dict[int, dict[int, Any]], merges: list[str], limits: ReadLimits) -> None:
    """A merged range shows its top-left text in every cell it covers (a two-level header spans its columns).

    Ranges are clipped to the rows and columns that hold something; all merges together fill at most max_cells.
    """
    from openpyxl.utils.cell import range_boundaries

    if not grid:
        return
    last_row = max(grid)
    last_col = max(max(cols) for cols in grid.values())
    filled = 0
    for ref in merges:
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        min_col, min_row = min_col or 1, min_row or 1
        top = grid.get(min_row, {}).get(min_col)
        if top is None:
            continue
        rows = range(min_row, min(max_row or last_row, last_row) + 1)
        cols = range(min_col, min(max_col or last_col, last_col) + 1)
        filled += len(rows) * len(cols)
        if filled > limits.max_cells:
            raise FileError(limit_message("合并单元格展开后的单元格数", f"超过 {limits.max_cells:,}", limits.max_cells,
                                          "max_cells", "请取消合并单元格后重新保存"))
        for r in rows:
            row = grid.setdefault(r, {})
            for c in cols:
                row[c] = top


def _read_xlsx(path: Path, limits: ReadLimits) -> list[Sheet]:
    import openpyxl
    from openpyxl.worksheet._reader import WorkSheetParser

    check_zip(path, limits)
    budget = Budget(limits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns once per odd cell: a hostile file would fill the registry
            wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except FileError:
        raise
    except Exception as exc:  # InvalidFileException, BadZipFile, KeyError, XML errors (XXE, entity expansion)…
        raise FileError("不是有效的 Excel（.xlsx）文件，可能已损坏或是旧版 .xls；请用 Excel 另存为 .xlsx") from exc
    sheets = []
    try:
        for ws in wb.worksheets:
            if ws.title in HELPER_SHEETS or ws.sheet_state != "visible":
                continue
            if (ws.max_row or 0) > limits.max_rows or (ws.max_column or 0) > limits.max_columns:
                raise FileError(limit_message(
                    f"工作表“{ws.title}”声明的范围", f"{ws.max_row or 0:,} 行 × {ws.max_column or 0:,} 列",
                    f"{limits.max_rows:,} 行 × {limits.max_columns:,} 列", "max_rows/max_columns",
                    "请删除多余的空行空列（或拆分文件）后重新保存"))
            parser = WorkSheetParser(None, ws._shared_strings, data_only=False, epoch=wb.epoch,
                                     date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
            with warnings.catch_warnings(), wb._archive.open(ws._worksheet_path) as src:
                warnings.simplefilter("ignore")
                grid, merges = _stream_cells(src, parser, budget, limits)
            _apply_merges(grid, merges, limits)
            rows = []
            for number in sorted(grid):
                cols = grid.pop(number)
                cells = [None] * max(cols)
                for c, v in cols.items():
                    cells[c - 1] = v
                rows.append((number, cells))
            sheet = _split(ws.title, rows)
            if sheet is not None:
                sheets.append(sheet)
    except FileError:
        raise
    except Exception as exc:  # a damaged part: bad coordinates, a shared string that is not there, broken XML…
        raise FileError(f"Excel 文件内容有误，无法读取（{type(exc).__name__}）；请用 Excel 打开后重新保存") from exc
    finally:
        wb.close()
    return sheets


# -- text: CSV and JSON ---------------------------------------------------------------------------------------------

def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; otherwise let charset-normalizer decide, preferring GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise FileError("文件标明是 UTF-8，但含有不是 UTF-8 的字节；请用 Excel 另存为“CSV UTF-8”") from exc
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


def _lines(text: str) -> Iterator[str]:
    return (m.group() for m in LINE.finditer(text))


def _read_csv(path: Path, limits: ReadLimits) -> list[Sheet]:
    text = decode(read_bytes(path, limits))
    if "\x00" in text:
        raise FileError("文件含有二进制内容，不是文本 CSV；请用 Excel 另存为“CSV UTF-8”")
    csv.field_size_limit(limits.max_cell_chars)
    budget, rows = Budget(limits), list[tuple[int, list[Any]]]()
    try:
        for number, record in enumerate(csv.reader(_lines(text)), 1):
            cells = budget.row([c if c.strip() else None for c in record], len(rows))
            if cells:
                rows.append((number, cells))
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise FileError(limit_message("单元格字数", f"超过 {limits.max_cell_chars:,}", limits.max_cell_chars,
                                          "max_cell_chars", "可能有未闭合的引号")) from exc
        raise FileError(f"CSV 格式有误：{exc}") from exc
    sheet = _split(None, rows)
    return [sheet] if sheet else []


def _read_json(path: Path, limits: ReadLimits) -> list[Sheet]:
    text = decode(read_bytes(path, limits))
    budget = Budget(limits)
    index: dict[str, int] = {}  # header → column: one dict lookup per key, linear in the file
    rows: list[tuple[int, list[Any]]] = []
    try:
        for n, record in enumerate(json_records(text, path.suffix.lower() == ".jsonl", limits), 1):
            check_depth(record, limits, f"第{n}条记录")
            if not isinstance(record, dict):
                raise FileError(SHAPE)
            for key in record:
                if key not in index:
                    index[key] = len(index)
                    if len(index) > limits.max_columns:
                        raise FileError(limit_message("不同的列名（键）数", f"超过 {limits.max_columns:,}",
                                                      limits.max_columns, "max_columns", "每条记录应使用同一组列名"))
            cells: list[Any] = [None] * (max((index[k] for k in record), default=-1) + 1)
            for key, value in record.items():
                cells[index[key]] = value
            rows.append((n, budget.row(cells, len(rows), "记录数", always=True)))
    except json.JSONDecodeError as exc:
        raise FileError(f"JSON 格式有误（第 {exc.lineno} 行第 {exc.colno} 列）：{exc.msg}") from exc
    except ValueError as exc:  # e.g. an integer longer than Python converts (4,300 digits)
        if isinstance(exc, FileError):
            raise
        raise FileError("JSON 含有无法读取的数值（例如超过 4,300 位的整数）；请检查文件内容") from exc
    if not index:
        return []
    headers = list(index)
    return [Sheet(None, 0, headers, [(n, Cells(cells, len(headers))) for n, cells in rows], records=True)]


def read_sheets(path: Path, limits: ReadLimits | None = None) -> list[Sheet]:
    limits = limits or DEFAULT_LIMITS
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, limits)
    if suffix == ".csv":
        return _read_csv(path, limits)
    if suffix in (".json", ".jsonl"):
        return _read_json(path, limits)
    raise FileError(f"不支持的文件类型“{path.suffix}”；支持 {'、'.join(SUFFIXES)}（旧版 .xls 请另存为 .xlsx）")
