"""Which ledger a sheet is, which header is which column, and what the office's settings fill in.

Headers are matched leniently (see :func:`loaders.ledgers.mapping.match_header`): the
report lists how each header was read and which were ignored. A header no kind knows
is ignored with a warning, never fatal. A sheet without a county column takes the
office's county (``xuncha init --county``); a county cell that disagrees with it is an
error naming its row and column. Number columns (序号) may be left out: rows are then
numbered in file order within their group.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.ledgers.cells import is_blank
from loaders.ledgers.mapping import (
    Column,
    LedgerKind,
    detect,
    header_key,
    ignored_headers,
    kind_by_name,
    ledger_kinds,
    match_header,
    numbered_fields,
    office_field,
    score,
)
from loaders.ledgers.readers import Sheet, column_letter
from loaders.ledgers.registry import ENTITY_OF, EXTRA
from loaders.ledgers.report import ColumnNote, Problem

_TAIL = re.compile(r"\d+$")
EXTRA_ZH = "其他列"
MAX_HEADER = 60  # a longer "header" is data in the wrong place, not a column a clerk named
NO_OFFICE = "尚未设置本机构所在县，请先运行 xuncha init --county 某某县（只需一次），或在表中填写“县（市、区）”列"

HEADER_ONLY = "只有表头，没有数据行"  # refused, but in a file loaded before: its rows were deleted (dropped.emptied)


def problem(path: Path, sheet: Sheet | None, reason: str, *, row: int | None = None, index: int | None = None,
            header: str | None = None, value: Any = None) -> Problem:
    text = None if value is None else str(value)
    if text and len(text) > 60:
        text = text[:57] + "…"
    return Problem(file=path.name, sheet=sheet.name if sheet else None, row=row,
                   column=column_letter(index) if index is not None and not (sheet and sheet.records) else None,
                   header=header, value=text, reason=reason, records=bool(sheet and sheet.records))


@dataclass
class Plan:
    sheet: Sheet
    kind: LedgerKind
    columns: dict[int, Column]  # sheet column index → column
    county: str = ""  # the office's county, for rows without one
    notes: list[ColumnNote] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def index_of(self, field_name: str) -> int | None:
        return next((i for i, c in self.columns.items() if c.field == field_name), None)


def _choose_kind(path: Path, sheet: Sheet, declared: str | None) -> tuple[LedgerKind | None, list[Problem]]:
    header_row = sheet.header_row or None
    if declared:
        kind = kind_by_name(declared)
        if kind is None:
            names = "、".join(f"{k.key}（{k.title}）" for k in ledger_kinds().values())
            return None, [problem(path, sheet, f"没有名为“{declared}”的台账类别；可选：{names}")]
        return kind, []
    kinds = detect(sheet.headers, path.name + (sheet.name or ""))
    if not kinds:
        best = max(ledger_kinds().values(), key=lambda k: score(k, sheet.headers, True)[1])
        if score(best, sheet.headers, True)[1] < 3:
            return None, [problem(path, sheet, "无法判断是哪类台账（认得的列太少）；请使用模板的列名，或用 --kind 指定",
                                  row=header_row)]
        return best, []  # close enough to say which required columns are missing, one by one
    if len(kinds) > 1:
        return None, [problem(path, sheet, f"列名同时符合{'、'.join(k.title for k in kinds)}；请用 --kind 指定台账类别",
                              row=header_row)]
    return kinds[0], []


def plan_sheet(path: Path, sheet: Sheet, declared: str | None, county: str = "") -> tuple[Plan | None, list[Problem]]:
    """Which ledger a sheet is and which column is which field; or what is wrong with its header."""
    kind, problems = _choose_kind(path, sheet, declared)
    if kind is None:
        return None, problems
    header_row = sheet.header_row or None
    plan = Plan(sheet, kind, {}, county)
    ignored = ignored_headers()
    seen: dict[str, int] = {}
    matches = [(i, h, match_header(kind, h) if header_key(h) else None) for i, h in enumerate(sheet.headers)]
    # Exact and alias matches claim their columns first; a lenient match never takes a column already named.
    matches.sort(key=lambda t: (t[2] is None or t[2].rule not in ("列名相同", "去掉标点后相同"), t[0]))
    for index, header, match in matches:
        letter = column_letter(index) if not sheet.records else None
        if match is None:
            if any(not is_blank(cells[index]) for _, cells in sheet.rows):
                problems.append(problem(path, sheet, "这一列有数据但没有列名；请补上列名或删除该列", row=header_row,
                                        index=index))
            continue
        col = match.column
        if col is None:
            if len(header) > MAX_HEADER:
                reason = f"“{kind.title}”没有这一列，且列名过长（{len(header):,} 字）；请检查表头"
                problems.append(problem(path, sheet, reason, row=header_row, index=index, header=header[:40]))
                continue
            known = header_key(header) in ignored
            filled = any(not is_blank(cells[index]) for _, cells in sheet.rows)
            if not known and filled and kind.key in ENTITY_OF:  # kept on the row's entity as 其他列
                name = header if f"{EXTRA}{header}" not in {c.field for c in plan.columns.values()} else \
                    f"{header}（{letter or index + 1}）"  # the same header twice: both kept, told apart
                plan.columns[index] = Column(f"{EXTRA}{name}", header, "extra", False, (), "")
                plan.notes.append(ColumnNote(sheet=sheet.name, column=letter, header=header, read_as=EXTRA_ZH,
                                             rule=f"“{kind.title}”没有这一列，原样保留为{EXTRA_ZH}"))
                plan.warnings.append(problem(path, sheet, f"“{kind.title}”没有这一列（{match.rule}），内容原样保留在"
                                             f"{ENTITY_OF[kind.key].label_zh}的“{EXTRA_ZH}”中，不参与分析",
                                             row=header_row, index=index, header=header))
                continue
            plan.notes.append(ColumnNote(sheet=sheet.name, column=letter, header=header,
                                         rule="不需要的列，未读取" if known else f"“{kind.title}”没有这一列，未读取"))
            if not known and filled:
                plan.warnings.append(problem(path, sheet, f"“{kind.title}”没有这一列（{match.rule}），这一列未载入",
                                             row=header_row, index=index, header=header))
            continue
        if col.field in seen:
            if match.rule in ("列名相同", "去掉标点后相同"):
                problems.append(problem(path, sheet, f"与{column_letter(seen[col.field])}列重复（都是“{col.header}”）",
                                        row=header_row, index=index, header=header))
            else:
                plan.notes.append(ColumnNote(sheet=sheet.name, column=letter, header=header,
                                             rule=f"像“{col.header}”（{match.rule}），但已有该列，未读取"))
            continue
        seen[col.field] = index
        plan.columns[index] = col
        plan.notes.append(ColumnNote(sheet=sheet.name, column=letter, header=header, read_as=col.header,
                                     rule=match.rule))
    plan.notes.sort(key=lambda n: (len(n.column or ""), n.column or ""))
    for col in kind.columns:
        if col.required and col.field not in seen:
            problems.append(problem(path, sheet, f"缺少必填列“{col.header}”", row=header_row, header=col.header))
    office = office_field()
    if any(c.field == office for c in kind.columns) and office not in seen and not county:
        problems.append(problem(path, sheet, f"表中没有“{kind.column(office).header}”列，且{NO_OFFICE}",
                                row=header_row, header=kind.column(office).header))
    if not sheet.rows:
        problems.append(problem(path, sheet, HEADER_ONLY, row=header_row))
    return plan, problems


def same_county(a: str, b: str) -> bool:
    return "".join(unicodedata.normalize("NFKC", a).split()) == "".join(unicodedata.normalize("NFKC", b).split())


def apply_office(path: Path, plan: Plan, number: int, values: dict[str, Any]) -> Problem | None:
    """Fill the county from the office's settings, or say why the row's county is wrong."""
    office = office_field()
    if not any(c.field == office for c in plan.kind.columns):
        return None
    index = plan.index_of(office)
    header = plan.sheet.headers[index] if index is not None else None
    written = values.get(office)
    if written is None:
        if not plan.county:
            return problem(path, plan.sheet, f"未填写，且{NO_OFFICE}", row=number, index=index, header=header)
        values[office] = plan.county
        return None
    if plan.county and not same_county(str(written), plan.county):
        return problem(path, plan.sheet, f"与本机构所在县“{plan.county}”不一致；本机构只载入本县的台账"
                       "（如设置有误，请运行 xuncha init --county 改正）", row=number, index=index, header=header,
                       value=written)
    return None


def number_rows(plan: Plan, rows: list[tuple[int, dict[str, Any]]]) -> list[int]:
    """Number the rows of a sheet that left its number column (序号) blank or out.

    A row takes the trailing digits of its code when the kind says so (问题编号 QH-15-3-007 → 7: the same on every
    reload, wherever the row moves); otherwise, or when that number is taken in its group, the next free number
    in file order. Numbers written in the sheet are kept and skipped over. Returns the rows it numbered.
    """
    spec = numbered_fields().get(plan.kind.key)
    if spec is None:
        return []
    field_name, within, source = spec
    used: dict[tuple, set[int]] = defaultdict(set)
    for _, values in rows:
        if isinstance(values.get(field_name), int):
            used[tuple(str(values.get(f) or "") for f in within)].add(values[field_name])
    waiting, given = [], []
    for number, values in rows:
        if values.get(field_name) is not None:
            continue
        given.append(number)
        group = tuple(str(values.get(f) or "") for f in within)
        digits = _TAIL.search(str(values.get(source) or "")) if source else None
        n = int(digits.group()) if digits else 0
        if 1 <= n < 10**9 and n not in used[group]:
            used[group].add(n)
            values[field_name] = n
        else:
            waiting.append((group, values))
    for group, values in waiting:
        n = 1
        while n in used[group]:
            n += 1
        used[group].add(n)
        values[field_name] = n
    return given
