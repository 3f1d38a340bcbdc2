"""Loading ledger files: validate every cell, resolve names, write all or nothing.

A file with any problem writes nothing and the report lists every problem
by file, sheet, row, column, value and reason. With ``skip_bad_rows`` the good
rows are written and the bad ones go to a rejects file beside the data.
Loading the same file twice changes nothing: ids come from natural keys and
the file's Document keeps its first load time while its content is unchanged.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from graph.model import EdgeRecord, EdgeType, NodeKind, NodeRecord, make_edge
from graph.model import nodes as m
from graph.model.enums import DocumentKind
from graph.stores.base import GraphStore
from loaders.ledgers import builders
from loaders.ledgers.cells import CellError, is_blank, parse_cell
from loaders.ledgers.changes import classify
from loaders.ledgers.mapping import (
    LOAD_ORDER,
    Column,
    LedgerKind,
    detect,
    header_key,
    ignored_headers,
    kind_by_name,
    ledger_kinds,
)
from loaders.ledgers.readers import SUFFIXES, FileError, Sheet, column_letter, read_sheets
from loaders.ledgers.registry import BUILDERS
from loaders.ledgers.report import FileReport, LedgerRejected, MergeNote, Problem
from loaders.ledgers.resolve import PeopleIndex, UnitIndex, load_unit_index

# Kinds whose rows each declare one entity: the same entity twice in one file is a mistake.
PRIMARY = {"units", "people", "rounds", "issues", "tasks", "findings", "clues", "cases", "letters", "companies",
           "projects", "benefits", "petitions"}
CODE_KINDS = {"Issue": ("issue_code", "issue_codes", "source_code"), "Finding": ("source_code",),
              "Clue": ("clue_code",), "Company": ("contractor_code",), "Letter": ("letter_code",), "Case": ("case_code",)}
OWN_CODES = {"issues": "Issue", "findings": "Finding", "clues": "Clue"}  # ledgers whose rows declare a code others cite


@dataclass
class _Row:
    sheet: Sheet
    number: int
    cells: list[Any]
    values: dict[str, Any] = field(default_factory=dict)
    built: builders.Built | None = None
    edges: list[EdgeRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _Plan:
    sheet: Sheet
    kind: LedgerKind
    columns: dict[int, Column]  # sheet column index → column


def _problem(path: Path, sheet: Sheet | None, reason: str, *, row: int | None = None, index: int | None = None,
             header: str | None = None, value: Any = None) -> Problem:
    text = None if value is None else str(value)
    if text and len(text) > 60:
        text = text[:57] + "…"
    return Problem(file=path.name, sheet=sheet.name if sheet else None, row=row,
                   column=column_letter(index) if index is not None and not (sheet and sheet.records) else None,
                   header=header, value=text, reason=reason, records=bool(sheet and sheet.records))


def plan_sheet(path: Path, sheet: Sheet, declared: str | None) -> tuple[_Plan | None, list[Problem]]:
    """Which ledger a sheet is and which column is which field; or what is wrong with its header."""
    header_row = sheet.header_row or None
    if declared:
        kind = kind_by_name(declared)
        if kind is None:
            names = "、".join(f"{k.key}（{k.title}）" for k in ledger_kinds().values())
            return None, [_problem(path, sheet, f"没有名为“{declared}”的台账类别；可选：{names}")]
        kinds = [kind]
    else:
        kinds = detect(sheet.headers, path.name + (sheet.name or ""))
    if not kinds:
        best = max(ledger_kinds().values(), key=lambda k: _overlap(k, sheet.headers))
        if _overlap(best, sheet.headers) < 3:
            return None, [_problem(path, sheet, "无法判断是哪类台账（认得的列太少）；请使用模板的列名，或用 --kind 指定",
                                   row=header_row)]
        kinds = [best]  # close enough to say which required columns are missing, one by one
    if len(kinds) > 1:
        return None, [_problem(path, sheet, f"列名同时符合{'、'.join(k.title for k in kinds)}；请用 --kind 指定台账类别",
                               row=header_row)]
    kind = kinds[0]
    lookup, ignored = kind.lookup, ignored_headers()
    columns: dict[int, Column] = {}
    problems = []
    seen: dict[str, int] = {}
    for index, header in enumerate(sheet.headers):
        key = header_key(header)
        if not key:
            if any(not is_blank(cells[index]) for _, cells in sheet.rows):
                problems.append(_problem(path, sheet, "这一列有数据但没有列名；请补上列名或删除该列", row=header_row,
                                         index=index))
            continue
        col = lookup.get(key)
        if col is None:
            if key not in ignored:
                reason = f"“{kind.title}”没有这一列；请改用模板中的列名（可运行 xuncha template {kind.key} 查看）"
                problems.append(_problem(path, sheet, reason, row=header_row, index=index, header=header))
            continue
        if col.field in seen:
            problems.append(_problem(path, sheet, f"与{column_letter(seen[col.field])}列重复（都是“{col.header}”）",
                                     row=header_row, index=index, header=header))
            continue
        seen[col.field] = index
        columns[index] = col
    for col in kind.columns:
        if col.required and col.field not in seen:
            problems.append(_problem(path, sheet, f"缺少必填列“{col.header}”", row=header_row, header=col.header))
    if not sheet.rows:
        problems.append(_problem(path, sheet, "只有表头，没有数据行", row=header_row))
    return _Plan(sheet, kind, columns), problems


def _fields(kind: LedgerKind, headers: list[str]) -> set[str]:
    return {kind.lookup[header_key(h)].field for h in headers if header_key(h) in kind.lookup}


def _overlap(kind: LedgerKind, headers: list[str]) -> int:
    return len(_fields(kind, headers))


def _parse_row(path: Path, plan: _Plan, row: _Row, salt: str) -> None:
    for index, col in plan.columns.items():
        raw = row.cells[index] if index < len(row.cells) else None
        if is_blank(raw):
            if col.required:
                row.problems.append(_problem(path, plan.sheet, "必填，不能为空", row=row.number, index=index,
                                             header=plan.sheet.headers[index]))
            continue
        try:
            row.values[col.field] = parse_cell(raw, col.type, salt=salt, field=col.field)
        except CellError as exc:
            row.problems.append(_problem(path, plan.sheet, str(exc), row=row.number, index=index,
                                         header=plan.sheet.headers[index], value=raw))


def _field_problem(path: Path, plan: _Plan, row: _Row, error: builders.RowError) -> Problem:
    index = next((i for i, c in plan.columns.items() if c.field == error.field), None)
    header = plan.sheet.headers[index] if index is not None else None
    value = row.cells[index] if index is not None and index < len(row.cells) else None
    return _problem(path, plan.sheet, error.reason, row=row.number, index=index, header=header, value=value)


@dataclass
class Loader:
    """Loads ledger files into one store, one all-or-nothing file at a time."""

    store: GraphStore
    salt: str
    alias_table: Path | None = None
    rejects_dir: Path | None = None
    units: UnitIndex | None = None

    def _context(self, rows: list[_Row], plan_of: dict[int, _Plan], batch: set[str]) -> builders.Context:
        if self.units is None:
            self.units = load_unit_index(self.store, self.alias_table)
        codes: dict[tuple[str, str], str] = {}
        wanted: dict[str, set[str]] = {k: set() for k in CODE_KINDS}
        for row in rows:
            for kind, fields in CODE_KINDS.items():
                for f in fields:
                    value = row.values.get(f)
                    wanted[kind].update(value if isinstance(value, list) else [value] if value else [])
            own = OWN_CODES.get(plan_of[id(row.sheet)].kind.key)
            if own and row.values.get("code"):  # a code already used by another entry in the graph is a clash
                wanted[own].add(row.values["code"])
        for kind, values in wanted.items():
            if values:
                for r in self.store.run_query("ids_by_code", {"kind": kind, "codes": sorted(values)}):
                    codes[(kind, r["code"])] = r["id"]

        leaders: dict[tuple[str, str], list[str]] = {}  # per load: a posts file loaded next changes the answer

        def fic(unit_id: str, on: str) -> list[str]:
            if (unit_id, on) not in leaders:
                leaders[(unit_id, on)] = [r["person_id"] for r in self.store.run_query(
                    "first_in_command_on", {"unit_id": unit_id, "on": on})]
            return leaders[(unit_id, on)]

        stored: dict[str, bool] = {}  # rounds and groups are named by many rows: ask the store once each

        def exists(node_id: str) -> bool:
            if node_id in batch:
                return True
            if node_id not in stored:
                stored[node_id] = self.store.get_node(node_id) is not None
            return stored[node_id]

        return builders.Context(self.units, PeopleIndex(self.store), codes, fic, exists)

    def plan(self, path: Path, sheets: list[Sheet], kind: str | None) -> tuple[list[_Plan], list[Problem]]:
        plans, problems = [], []
        for sheet in sheets:
            plan, found = plan_sheet(path, sheet, kind)
            problems += found
            if plan:
                plans.append(plan)
        if not sheets:
            problems.append(_problem(path, None, "文件是空的，或所有工作表都没有内容"))
        return plans, problems

    def load(self, path: Path, *, kind: str | None = None, skip_bad_rows: bool = False,
             sheets: list[Sheet] | None = None, progress: Callable[[int, int], None] | None = None,
             source: str | None = None) -> FileReport:
        """Load one file. Raises :class:`LedgerRejected` (nothing written) if any problem remains.

        ``source`` names the file for provenance when ``path`` is only a temporary copy (an upload).
        """
        try:
            return self._load(path, kind=kind, skip_bad_rows=skip_bad_rows, sheets=sheets, progress=progress,
                              source=source or str(path.resolve()))
        finally:
            self.units = None  # names added while building a rejected row must not linger: re-read the store

    def _load(self, path: Path, *, kind: str | None, skip_bad_rows: bool, sheets: list[Sheet] | None,
              progress: Callable[[int, int], None] | None, source: str) -> FileReport:
        report = FileReport(file=path.name)
        try:
            sheets = read_sheets(path) if sheets is None else sheets
        except FileError as exc:
            report.problems.append(_problem(path, None, str(exc)))
            raise LedgerRejected(report) from exc
        plans, problems = self.plan(path, sheets, kind)
        report.kinds = [p.kind.title for p in plans]
        report.problems += problems
        if problems:
            raise LedgerRejected(report)
        plans.sort(key=lambda p: LOAD_ORDER.index(p.kind.key))
        rows = [_Row(p.sheet, n, cells) for p in plans for n, cells in p.sheet.rows]
        plan_of = {id(p.sheet): p for p in plans}
        report.rows_read = len(rows)
        for row in rows:
            _parse_row(path, plan_of[id(row.sheet)], row, self.salt)
        batch: set[str] = set()
        ctx = self._context([r for r in rows if not r.problems], plan_of, batch)
        first_row: dict[str, int] = {}
        for done, row in enumerate(rows, 1):
            if row.problems:
                continue
            plan = plan_of[id(row.sheet)]
            try:
                row.built = BUILDERS[plan.kind.key](ctx, row.values)
            except builders.RowError as exc:
                row.problems.append(_field_problem(path, plan, row, exc))
                continue
            if plan.kind.key in PRIMARY and row.built.nodes:
                main = row.built.nodes[0].id
                if main in first_row:
                    row.problems.append(_problem(path, row.sheet, f"与第{first_row[main]}行是同一条记录（关键字段相同）",
                                                 row=row.number))
                    continue
                first_row[main] = row.number
            batch.update(n.id for n in row.built.nodes)
            if progress:
                progress(done, len(rows))
        self._edges(path, rows, plan_of)
        bad = [r for r in rows if r.problems]
        for row in bad:
            report.problems += row.problems
        if bad and not skip_bad_rows:
            raise LedgerRejected(report)
        good = [r for r in rows if not r.problems]
        nodes, edges = self._records(path, source, good)
        report.changes = classify(self.store, [(r.sheet.name, r.number, r.built.nodes[0].to_record()) for r in good
                                               if r.built and r.built.nodes and plan_of[id(r.sheet)].kind.key in PRIMARY])
        if good:  # every row rejected: nothing is written, not even the file's Document node
            self.store.upsert(nodes, edges)
        report.loaded, report.rejected = len(good), len(bad)
        report.nodes, report.edges = len(nodes), len(edges)
        for row in good:
            for merge in row.built.merges if row.built else []:
                note = MergeNote(sheet=row.sheet.name, row=row.number, value=merge.value, matched=merge.matched,
                                 rule=merge.rule)
                (report.near_misses if merge.near_miss else report.merges).append(note)
        report.merged = len({(m_.sheet, m_.row) for m_ in report.merges})
        if bad:
            report.rejects_file = str(self._write_rejects(path, bad, plan_of))
        return report

    def _edges(self, path: Path, rows: list[_Row], plan_of: dict[int, _Plan]) -> None:
        """Run every row's deferred edges once; a row whose edges fail, or point at a rejected row, is rejected.

        Rejecting a row can strand rows that point at it, so only that check repeats until nothing changes.
        """
        for row in rows:
            if row.problems or row.built is None:
                continue
            try:
                row.edges = [e for fn in row.built.edges for e in fn()]
            except builders.RowError as exc:
                row.problems.append(_field_problem(path, plan_of[id(row.sheet)], row, exc))
        while True:
            kept = {n.id for r in rows if not r.problems and r.built for n in r.built.nodes}
            dropped = {n.id for r in rows if r.problems and r.built for n in r.built.nodes} - kept
            stranded = [r for r in rows if not r.problems and any(e.src in dropped or e.dst in dropped for e in r.edges)]
            if not stranded:
                return
            for row in stranded:
                row.problems.append(_problem(path, row.sheet, "引用了本文件中被拒绝的另一行", row=row.number))

    def _document(self, path: Path, source: str) -> m.Document:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        doc = m.Document(path=source, doc_kind=DocumentKind.LEDGER, loaded_at=datetime.now(), sha256=digest)
        before = self.store.get_node(doc.id)
        if before and before.props.get("sha256") == digest:  # unchanged file: loading again changes nothing
            doc = doc.model_copy(update={"loaded_at": datetime.fromisoformat(before.props["loaded_at"])})
        return doc

    def _records(self, path: Path, source: str, good: list[_Row]) -> tuple[list[NodeRecord], list[EdgeRecord]]:
        doc = self._document(path, source)
        nodes: list[NodeRecord] = [doc.to_record()]
        edges: list[EdgeRecord] = []
        for row in good:
            assert row.built is not None
            sheet = row.sheet.name or path.name
            for node in row.built.nodes:
                record = node.to_record()
                nodes.append(record)
                edges.append(make_edge(EdgeType.SOURCED_FROM, (record.kind, record.id), (NodeKind.DOCUMENT, doc.id),
                                       sheet=sheet, row=row.number))
            for e in row.edges:
                edges.append(e.model_copy(update={"props": {**e.props, "source_doc": doc.id, "source_sheet": sheet,
                                                            "source_row": row.number}}))
        return nodes, edges

    def _write_rejects(self, path: Path, bad: list[_Row], plan_of: dict[int, _Plan]) -> Path:
        folder = self.rejects_dir or path.parent
        folder.mkdir(parents=True, exist_ok=True)
        out = folder / f"{path.stem}.rejects.csv"
        with out.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            headers_written: set[int] = set()
            for row in bad:
                if id(row.sheet) not in headers_written:
                    writer.writerow(["工作表", "行号", *row.sheet.headers, "错误原因"])
                    headers_written.add(id(row.sheet))
                writer.writerow([row.sheet.name or "", row.number, *(_safe(c) for c in row.cells),
                                 "；".join(p.reason for p in row.problems)])
        return out


def _safe(value: Any) -> str:
    """Cells written back for a person to fix must not run as formulas when the CSV is opened in Excel."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def ledger_files(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, and ledger files inside folders (sorted, rejects files left out)."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES
                            and not p.name.endswith(".rejects.csv") and not p.name.startswith("~$"))
        else:
            found.append(path)
    return found


def order_files(files: list[Path], kind: str | None) -> list[tuple[Path, list[Sheet] | None]]:
    """Read each file once and order them so a ledger comes after the ledgers it names."""
    items = []
    for path in files:
        try:
            sheets = read_sheets(path)
        except FileError:
            items.append((len(LOAD_ORDER), path, None))
            continue
        ranks = [LOAD_ORDER.index(k.key) for s in sheets for k in ([kind_by_name(kind)] if kind else
                                                                  detect(s.headers, path.name))[:1] if k]
        items.append((min(ranks, default=len(LOAD_ORDER)), path, sheets))
    items.sort(key=lambda t: (t[0], str(t[1])))
    return [(path, sheets) for _, path, sheets in items]
