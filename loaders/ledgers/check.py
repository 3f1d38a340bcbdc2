"""Checking ledgers without loading them: the same validation as a load, on a scratch copy of the graph.

``xuncha check`` and ``POST /loads/check`` run every file through the loader exactly as ``xuncha load`` would —
headers, cells, names, references, duplicates — but into a staged copy of the graph (as an upload's worker
does), so files checked together see each other (a register and the issues at its units) and the real graph is
never written. Each file's report then goes back to the clerk as their own workbook with the bad cells marked
(:mod:`loaders.ledgers.annotate`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.stores.base import GraphStore
from loaders.ledgers.annotate import CHECKED_SUFFIX, annotate
from loaders.ledgers.files import ledger_files, order_files
from loaders.ledgers.limits import FileError, ReadLimits
from loaders.ledgers.load import LedgerRejected, Loader
from loaders.ledgers.planning import problem
from loaders.ledgers.readers import Sheet, read_sheets
from loaders.ledgers.report import FileReport
from loaders.ledgers.worker import stage


@dataclass
class Checked:
    """One file checked: its report and, when it has problems and could be read, the marked copy."""

    path: Path
    report: FileReport
    marked: Path | None = None


def checked_name(path: Path) -> str:
    """The marked copy's name beside the file: 问题清单.xlsx → 问题清单.检查结果.xlsx (CSV/JSON too)."""
    return f"{path.stem}{CHECKED_SUFFIX}"


def check_files(store: GraphStore, paths: Iterable[Path], *, salt: str, alias_table: Path | None,
                data_dir: Path | None, kind: str | None = None, out_dir: Path | None = None,
                limits: ReadLimits | None = None, mark_all: bool = False,
                names: dict[Path, str] | None = None) -> list[Checked]:
    """Check files (or folders of them) against a copy of ``store``; write a marked copy of each bad file.

    The copy goes beside the file (or into ``out_dir``); ``mark_all`` writes one for good files too (an upload
    always gets its workbook back). ``names`` gives the name a temporary copy stands for (an upload's own name).
    Marked copies inside a folder are left out; one named on its own is checked (and marked again in place).
    """
    files = [f for p in paths for f in ledger_files([p])  # a folder's marked copies are not checked again;
             if not (p.is_dir() and f.name.endswith(CHECKED_SUFFIX))]  # one named on its own is (fixed by a clerk)
    results: list[Checked] = []
    with tempfile.TemporaryDirectory(prefix="xuncha-check-") as folder:
        staged = stage(store, Path(folder))
        try:
            loader = Loader(staged, salt, alias_table=alias_table, data_dir=data_dir,
                            rejects_dir=Path(folder) / "rejects")
            for path, sheets in _read_all(files, kind, limits):
                report = _check_one(loader, path, sheets, kind, (names or {}).get(path))
                marked = None
                if not isinstance(sheets, str) and (report.problems or mark_all):
                    target = (out_dir or path.parent) / checked_name(Path(report.file))
                    annotate(path, sheets, report, target)
                    marked = target
                results.append(Checked(path, report, marked))
        finally:
            staged.close()
    return results


def _read_all(files: list[Path], kind: str | None,
              limits: ReadLimits | None) -> list[tuple[Path, list[Sheet] | str]]:
    """Each file's sheets, in load order (a register before the ledgers naming its units), or why it is unreadable."""
    items: list[tuple[Path, list[Sheet] | str]] = []
    ordered = order_files(files, kind) if limits is None else [(p, None) for p in files]
    for path, sheets in ordered:
        if sheets is None:
            try:
                sheets = read_sheets(path, limits)
            except FileError as exc:
                items.append((path, str(exc)))
                continue
        items.append((path, sheets))
    return items


def _check_one(loader: Loader, path: Path, sheets: list[Sheet] | str, kind: str | None,
               name: str | None) -> FileReport:
    if isinstance(sheets, str):  # unreadable: the reader's reason, nothing to mark
        report = FileReport(file=name or path.name)
        report.problems.append(problem(Path(report.file), None, sheets))
        return report
    try:
        report = loader.load(path, kind=kind, sheets=sheets, source=name)
    except LedgerRejected as exc:
        report = exc.report
    return _renamed(report, name) if name else report


def _renamed(report: FileReport, name: str) -> FileReport:
    """A temporary copy's report under the file's own name."""
    fix = {"file": name}
    return report.model_copy(update={"file": name,
                                     "problems": [p.model_copy(update=fix) for p in report.problems],
                                     "warnings": [p.model_copy(update=fix) for p in report.warnings]})
