"""Directives in a table: a hand-off list (线索移交清单, 交办清单) gives each row's matter to the body its hand-off
column names (移交对象, 交办对象, 承办单位), about the unit of the row.

The columns are read by their headers, never by position: the body column is the one whose header says the matter
is handed to it; what it is asked to do is the column of the request (办理要求, 交办事项, 处置建议), else the
matter itself (the problem column). A row whose hand-off cell names no body asks nothing, and a table that
says no matter (移交单位 | 件数) counts what was handed on rather than asking.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from loaders.text.items import Context
from loaders.text.model import ParsedDirective, ParsedItem
from loaders.text.readers import Block
from loaders.text.tables import problem_column

HANDOFF_COLUMN = re.compile(r"移交|交办|转办|承办|移送|(?:处理|处置|办理)(?:方式|意见)")
REQUEST_COLUMN = re.compile(r"要求|建议|方式|措施|事项")


def _column(header: list[str], pattern: re.Pattern[str], but: int | None = None) -> int | None:
    return next((i for i, h in enumerate(header) if pattern.search(h) and i != but), None)


def table_directives(bodies_in: Callable[[str], list[str]], block: Block, items: list[ParsedItem],
                     contexts: list[Context]) -> list[ParsedDirective]:
    """One directive for each body a table row's hand-off cell names (``bodies_in``: the bodies a text names, in
    order — the directive finder's, passed in so this module needs nothing of it)."""
    header = block.header
    body_col = _column(header, HANDOFF_COLUMN)
    if body_col is None or body_col >= len(block.cells):
        return []
    request_col = _column(header, REQUEST_COLUMN, body_col)
    problem_col = problem_column(header)
    if request_col is None and problem_col is None:
        return []  # 移交单位 | 件数: a count of what was handed on, no matter asked about
    cell = block.cells[body_col]
    request = block.cells[request_col] if request_col is not None and request_col < len(block.cells) else ""
    if not request and problem_col is not None and problem_col < len(block.cells):
        request = block.cells[problem_col]
    row_items: list[tuple[int | None, ParsedItem | None]] = [
        (i, it) for i, it in enumerate(items) if it.paragraph == block.number]
    out = []
    for body in bodies_in(cell):
        for index, it in row_items or [(None, None)]:
            out.append(ParsedDirective(
                paragraph=block.number, body=body, request=request, text=block.text,
                unit_id=it.unit_id if it else None, unit_name=it.unit_name if it else None,
                unit_rule="表格同一行的问题" if it else "未写明", item_index=index,
                confidence=0.75, reasons=[f"表格“{header[body_col]}”一栏写明{body}"]))
    return out
