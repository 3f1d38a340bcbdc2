"""Loading ledger files: validate every cell, resolve names, write all or nothing.

A file with any problem writes nothing and the report lists every problem
by file, sheet, row, column, value and reason. With ``skip_bad_rows`` the good
rows are written and the bad ones go to a rejects file beside the data.
Loading the same file twice changes nothing: ids come from natural keys and
the file's Document keeps its first load time while its content is unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from graph.model import EdgeRecord, EdgeType, NodeKind, NodeRecord, make_edge
from graph.model import nodes as m
from graph.model.enums import DocumentKind
from graph.model.nodes import NodeModel
from graph.settings import office_of
from graph.stores.base import GraphStore, NodeInUse, Removing
from loaders.judgements import Judgements, apply_to_load
from loaders.ledgers import building, codes, dropped, edge_sources
from loaders.ledgers.categories import Categories
from loaders.ledgers.cells import CellError, is_blank, parse_cell
from loaders.ledgers.changes import classify
from loaders.ledgers.limits import ReadLimits, read_limits
from loaders.ledgers.mapping import LOAD_ORDER
from loaders.ledgers.planning import Plan as _Plan
from loaders.ledgers.planning import apply_office, number_rows, plan_sheet
from loaders.ledgers.planning import problem as _problem
from loaders.ledgers.readers import FileError, Sheet, read_sheets
from loaders.ledgers.registry import BUILDERS
from loaders.ledgers.rejects import write_rejects
from loaders.ledgers.report import FileReport, LedgerRejected, MergeNote, Problem
from loaders.ledgers.resolve import Merge, PeopleIndex, UnitIndex, load_unit_index
from loaders.successions import apply_successions

# Kinds whose rows each declare one entity, and the kind of that entity: the same entity twice in one file is a
# mistake. The check keys on that node, not on whichever node a builder made first (a benefit row makes its
# recipient before the benefit: the same person in two rows is two benefits, not one record twice).
PRIMARY = {"units": NodeKind.UNIT, "people": NodeKind.PERSON, "rounds": NodeKind.ROUND, "issues": NodeKind.ISSUE,
           "tasks": NodeKind.TASK, "findings": NodeKind.FINDING, "clues": NodeKind.CLUE, "cases": NodeKind.CASE,
           "letters": NodeKind.LETTER, "companies": NodeKind.COMPANY, "projects": NodeKind.PROJECT,
           "benefits": NodeKind.BENEFIT, "petitions": NodeKind.PETITION}


@dataclass
class _Row:
    sheet: Sheet
    number: int
    cells: list[Any]
    values: dict[str, Any] = field(default_factory=dict)
    built: building.Built | None = None
    edges: list[EdgeRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def primary_node(kind: str, built: building.Built | None) -> NodeModel | None:
    """The entity a row of a primary ledger declares (a benefit row's Benefit, not its recipient)."""
    want = PRIMARY.get(kind)
    if want is None or built is None:
        return None
    return next((n for n in built.nodes if n.kind == want), None)


def _parse_row(path: Path, plan: _Plan, row: _Row, salt: str, categories: Categories) -> None:
    for index, col in plan.columns.items():
        raw = row.cells[index] if index < len(row.cells) else None
        if is_blank(raw):
            if col.required:
                row.problems.append(_problem(path, plan.sheet, "必填，不能为空", row=row.number, index=index,
                                             header=plan.sheet.headers[index]))
            continue
        try:
            if col.type == "category":  # never rejects: an unknown label goes to its parent or 其他, said in the report
                row.values[col.field], note = categories.resolve(parse_cell(raw, "code", salt=salt))
                if note:
                    row.warnings.append(_problem(path, plan.sheet, note, row=row.number, index=index,
                                                 header=plan.sheet.headers[index], value=raw))
                continue
            row.values[col.field] = parse_cell(raw, col.type, salt=salt, field=col.field)
        except CellError as exc:
            row.problems.append(_problem(path, plan.sheet, str(exc), row=row.number, index=index,
                                         header=plan.sheet.headers[index], value=raw))


def _field_problem(path: Path, plan: _Plan, row: _Row, error: building.RowError) -> Problem:
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
    data_dir: Path | None = None  # the office's settings and judgements; by default the alias table's folder
    county: str | None = None  # the office's county; by default from the data folder's settings (xuncha init)
    limits: ReadLimits | None = None  # how much of a file is read; by default the data folder's read_limits.json

    def __post_init__(self) -> None:
        if self.data_dir is None and self.alias_table is not None:
            self.data_dir = self.alias_table.parent
        if self.county is None:
            self.county = office_of(self.data_dir).county if self.data_dir is not None else ""
        self.categories = Categories.for_data_dir(self.data_dir)
        self.judgements = Judgements(self.data_dir) if self.data_dir is not None else None
        if self.limits is None:
            self.limits = read_limits(self.data_dir)

    def _context(self, rows: list[_Row], plan_of: dict[int, _Plan], batch: set[str], source: str,
                 by_name: bool) -> building.Context:
        if self.units is None:
            self.units = load_unit_index(self.store, self.alias_table)
            judgements = self.judgements
            if judgements is not None:
                for j in judgements.active():  # a merged unit's name finds the kept one
                    if j.subject == "unit" and j.verdict == "same" and j.node:
                        props = j.node.get("props", {})
                        self.units.alias(judgements.redirects().get(j.b, j.a), str(props.get("name", "")),
                                         str(props.get("county", "")), str(props.get("parent_name") or ""))
        held = codes.stored(self.store, [(plan_of[id(row.sheet)].kind.key, row.values) for row in rows])

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

        assert self.limits is not None
        return building.Context(self.units, PeopleIndex(self.store), dict(held), fic, exists,
                                codes.Recoding(self.store, source, held, self.limits.max_cells, by_name))

    def plan(self, path: Path, sheets: list[Sheet], kind: str | None) -> tuple[list[_Plan], list[Problem]]:
        plans, problems = [], []
        for sheet in sheets:
            plan, found = plan_sheet(path, sheet, kind, self.county or "")
            problems += found
            if plan:
                plans.append(plan)
        if not sheets:
            problems.append(_problem(path, None, "文件是空的，或所有工作表都没有内容"))
        return plans, problems

    def load(self, path: Path, *, kind: str | None = None, skip_bad_rows: bool = False,
             sheets: list[Sheet] | None = None, progress: Callable[[int, int], None] | None = None,
             source: str | None = None, remove_dropped: bool | frozenset[str] = False) -> FileReport:
        """Load one file. Raises :class:`LedgerRejected` (nothing written) if any problem remains.

        ``source`` names the file for provenance when ``path`` is only a temporary copy (an upload);
        ``remove_dropped`` removes what an earlier load of it gave from rows it no longer has (:mod:`.dropped`):
        all of it, or of it the records whose ids are given (those a clerk was shown).
        """
        try:
            report = self._load(path, kind=kind, skip_bad_rows=skip_bad_rows, sheets=sheets, progress=progress,
                                source=source or str(path.resolve()), remove_dropped=remove_dropped)
        finally:
            self.units = None  # names added while building a rejected row must not linger: re-read the store
        if "单位名册" in report.kinds and report.loaded:  # the county's 机构沿革 list, now that its units may exist
            try:
                applied = apply_successions(self.store, self.data_dir, self.alias_table, self.county or "",
                                            lambda p, k, s: self.load(p, kind=k, sheets=s))
                report.lineage = applied.loaded if applied else 0
            except LedgerRejected as exc:  # the register stands; the list's own problems are the clerk's to fix
                report.warnings += exc.report.problems
        return report

    def _load(self, path: Path, *, kind: str | None, skip_bad_rows: bool, sheets: list[Sheet] | None,
              progress: Callable[[int, int], None] | None, source: str,
              remove_dropped: bool | frozenset[str]) -> FileReport:
        report = FileReport(file=path.name)
        try:
            sheets = read_sheets(path, self.limits) if sheets is None else sheets
        except FileError as exc:
            report.problems.append(_problem(path, None, str(exc)))
            raise LedgerRejected(report) from exc
        plans, problems = self.plan(path, sheets, kind)
        problems = dropped.emptied(self.store, source, problems)
        report.kinds = [p.kind.title for p in plans]
        report.columns = [n for p in plans for n in p.notes]
        report.warnings = [w for p in plans for w in p.warnings]
        report.problems += problems
        if problems:
            raise LedgerRejected(report)
        plans.sort(key=lambda p: LOAD_ORDER.index(p.kind.key))
        rows = [_Row(p.sheet, n, cells) for p in plans for n, cells in p.sheet.rows]
        plan_of = {id(p.sheet): p for p in plans}
        report.rows_read = len(rows)
        for row in rows:
            _parse_row(path, plan_of[id(row.sheet)], row, self.salt, self.categories)
            if not row.problems:
                wrong = apply_office(path, plan_of[id(row.sheet)], row.number, row.values)
                if wrong:
                    row.problems.append(wrong)
                elif plan_of[id(row.sheet)].index_of("county") is None and self.county:
                    report.county = self.county
        numbered: set[tuple[int, int]] = set()  # (sheet, row) whose 序号 the loader gave
        for plan in plans:
            numbered |= {(id(plan.sheet), n) for n in number_rows(
                plan, [(r.number, r.values) for r in rows if r.sheet is plan.sheet and not r.problems])}
        batch: set[str] = set()
        ctx = self._context([r for r in rows if not r.problems], plan_of, batch, source,
                            by_name=source != str(path.resolve()))  # an upload's copy, named by the file's name
        first_row: dict[str, int] = {}
        for done, row in enumerate(rows, 1):
            if row.problems:
                continue
            plan = plan_of[id(row.sheet)]
            try:
                row.built = BUILDERS[plan.kind.key](ctx, row.values)
            except building.RowError as exc:
                row.problems.append(_field_problem(path, plan, row, exc))
                continue
            main_node = primary_node(plan.kind.key, row.built)
            if main_node is not None:
                main = main_node.id
                if main in first_row:
                    row.problems.append(_problem(path, row.sheet, f"与第{first_row[main]}行是同一条记录（关键字段相同）",
                                                 row=row.number))
                    continue
                first_row[main] = row.number
                clash = codes.numbered_clash(self.store, main_node) if (id(row.sheet), row.number) in numbered else None
                if clash:
                    row.problems.append(_problem(path, row.sheet, clash, row=row.number))
                    continue
            batch.update(n.id for n in row.built.nodes)
            if progress:
                progress(done, len(rows))
        assert ctx.recoding is not None
        mains = {id(r): primary_node(plan_of[id(r.sheet)].kind.key, r.built) for r in rows if not r.problems}
        clashes = ctx.recoding.clashes(batch, [n for n in mains.values() if n is not None])  # codes.Recoding
        for row in rows:
            main_node = mains.get(id(row))
            if main_node is not None and main_node.id in clashes:
                row.problems.append(_field_problem(path, plan_of[id(row.sheet)], row,
                                                   building.RowError("code", clashes[main_node.id])))
        self._edges(path, rows, plan_of)
        bad = [r for r in rows if r.problems]
        for row in bad:
            report.problems += row.problems
        if bad and not skip_bad_rows:
            raise LedgerRejected(report)
        good = [r for r in rows if not r.problems]
        nodes, edges = self._records(path, source, good, plan_of)
        with self.judgements.changing() if self.judgements is not None else nullcontext():
            if self.judgements is not None:  # records a person judged to be one live on as the one kept
                nodes, edges = apply_to_load(self.judgements, nodes, edges)
            edges = edge_sources.recorded(self.store, nodes[0].id, edges)  # the other files giving an edge too
            report.changes = classify(self.store, [(r.sheet.name, r.number, node.to_record()) for r in good if r.built
                                                   for node in [primary_node(plan_of[id(r.sheet)].kind.key, r.built)]
                                                   if node is not None])
            why = ctx.recoding.refused(batch)  # a removal the clerk did not ask for, refused: why it was to be
            removing, rewritten = self._dropped(path, report, plans, nodes, edges, bad,
                                                ctx.recoding.removal(remove_dropped, batch), why)
            edges += rewritten
            if good or removing:  # every row rejected: nothing is written, not even the file's Document node
                self._write(path, report, nodes, edges, removing, why)
        report.loaded, report.rejected = len(good), len(bad)
        report.nodes, report.edges = len(nodes), len(edges)
        recoded = dict(ctx.recoding.notes(batch))
        for row in good:
            report.warnings += row.warnings
            main_node = mains.get(id(row))
            if main_node is not None and main_node.id in recoded:
                report.warnings.append(_problem(path, row.sheet, recoded[main_node.id], row=row.number))
            for warning in row.built.warnings if row.built else []:
                report.warnings.append(_field_problem(path, plan_of[id(row.sheet)], row, warning))
            for merge in row.built.merges if row.built else []:
                note = MergeNote(sheet=row.sheet.name, row=row.number, value=merge.value, matched=merge.matched,
                                 rule=merge.rule)
                if merge.near_miss and self._settled(merge):
                    continue
                (report.near_misses if merge.near_miss else report.merges).append(note)
        report.merged = len({(m_.sheet, m_.row) for m_ in report.merges})
        if bad:
            report.rejects_file = str(write_rejects(self.rejects_dir or path.parent, path, bad))
        return report

    def _dropped(self, path: Path, report: FileReport, plans: list[_Plan], nodes: list[NodeRecord],
                 edges: list[EdgeRecord], bad: list[_Row], remove: bool | frozenset[str],
                 why: list[str]) -> tuple[Removing | None, list[EdgeRecord]]:
        """What an earlier load of this file gave from rows it no longer has: listed; if asked (all, or the ids the
        clerk was shown) or re-keyed (``why`` it goes, if refused), what the load takes out before its own write and the
        relationships other files still give, rewritten without it — or the whole load refused, nothing written
        (:mod:`loaders.ledgers.dropped`)."""
        if bad:
            if remove:
                report.problems += [_problem(path, None, line) for line in why]
                report.problems.append(_problem(path, None, "有被拒绝的行，无法确定文件中删去了哪些行；请先改正这些行，"
                                                "再载入并删除已删去的行所载记录"))
                raise LedgerRejected(report)
            report.changes.dropped.not_listed = True
            return None, []
        assert self.limits is not None and nodes[0].kind is NodeKind.DOCUMENT  # _records puts the file first
        kinds = {(p.sheet.name or path.name): PRIMARY[p.kind.key] for p in plans if p.kind.key in PRIMARY}
        loaded = {n.id for n in nodes} | {e.src for e in edges if e.type is EdgeType.SOURCED_FROM}  # + merged ones kept
        found = dropped.assess(self.store, nodes[0].id, kinds, loaded, self.limits.max_cells, remove, edges,
                               self.data_dir, self.judgements)
        report.changes.dropped = found.report
        if found.refusals:
            lines = why + found.refusals
            report.problems += [_problem(path, None, line) for line in dict.fromkeys(lines)]
            raise LedgerRejected(report)
        return found.removing, found.rewritten

    def _write(self, path: Path, report: FileReport, nodes: list[NodeRecord], edges: list[EdgeRecord],
               removing: Removing | None, why: list[str]) -> None:
        """The load's one write; with removal, a record something else rests on refuses it, naming that (after
        ``why`` a record re-keyed was to go)."""
        if removing is None:
            self.store.upsert(nodes, edges)
            return
        try:
            self.store.upsert_replacing(nodes, edges, None, (), removing=removing)
        except NodeInUse as exc:
            lines = why + [dropped.tie_line(self.store, tie) for tie in exc.ties]
            report.problems += [_problem(path, None, line) for line in lines]
            raise LedgerRejected(report) from exc

    def _settled(self, merge: Merge) -> bool:
        """A near miss every pair of which a person has already judged (same or different) is not proposed again."""
        return self.judgements is not None and merge.person_id is not None and self.judgements.settles(
            merge.person_id, merge.candidates)

    def _edges(self, path: Path, rows: list[_Row], plan_of: dict[int, _Plan]) -> None:
        """Run every row's deferred edges once; a row whose edges fail, or point at a rejected row, is rejected.

        Rejecting a row can strand rows that point at it, so only that check repeats until nothing changes.
        """
        for row in rows:
            if row.problems or row.built is None:
                continue
            try:
                row.edges = [e for fn in row.built.edges for e in fn()]
            except building.RowError as exc:
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
        doc = m.Document(path=source, doc_kind=DocumentKind.LEDGER, loaded_at=datetime.now(), sha256=digest,
                         edge_sources=True)  # its edges name every file that gives them (edge_sources)
        before = self.store.get_node(doc.id)
        if before and before.props.get("sha256") == digest:  # unchanged file: loading again changes nothing
            doc = doc.model_copy(update={"loaded_at": datetime.fromisoformat(before.props["loaded_at"])})
        return doc

    def _records(self, path: Path, source: str, good: list[_Row],
                 plan_of: dict[int, _Plan]) -> tuple[list[NodeRecord], list[EdgeRecord]]:
        doc = self._document(path, source)
        nodes: list[NodeRecord] = [doc.to_record()]
        edges: list[EdgeRecord] = []
        for row in good:
            assert row.built is not None
            sheet = row.sheet.name or path.name
            main = primary_node(plan_of[id(row.sheet)].kind.key, row.built)
            for node in row.built.nodes:
                record = node.to_record()
                nodes.append(record)
                edges.append(make_edge(EdgeType.SOURCED_FROM, (record.kind, record.id), (NodeKind.DOCUMENT, doc.id),
                                       sheet=sheet, row=row.number, main=True if node is main else None))
            for e in row.edges:
                edges.append(e.model_copy(update={"props": {**e.props, "source_doc": doc.id, "source_sheet": sheet,
                                                            "source_row": row.number}}))
        return nodes, edges
