"""Which files a load reads, and in what order: a ledger comes after the ledgers it names.

Kept apart from the loader, which writes one file at a time: the command line, the checker and the benches choose
and order the files first, read each once within the county's limits, and hand the sheets over.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from loaders.ledgers.limits import ReadLimits
from loaders.ledgers.mapping import LOAD_ORDER, detect, kind_by_name
from loaders.ledgers.readers import SUFFIXES, FileError, Sheet, read_sheets


def ledger_files(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, and ledger files inside folders (sorted; rejects files, Excel lock files and the
    marked copies ``xuncha check`` writes beside a ledger left out)."""
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES
                            and not p.name.endswith((".rejects.csv", ".检查结果.xlsx")) and not p.name.startswith("~$"))
        else:
            found.append(path)
    return found


def order_files(files: list[Path], kind: str | None,
                limits: ReadLimits | None = None) -> list[tuple[Path, list[Sheet] | None]]:
    """Read each file once (within ``limits``, the county's when given) and order them so a ledger comes after
    the ledgers it names. A file that cannot be read is kept with no sheets; loading it says why."""
    items: list[tuple[int, Path, list[Sheet] | None]] = []
    for path in files:
        try:
            sheets = read_sheets(path, limits)
        except FileError:
            items.append((len(LOAD_ORDER), path, None))
            continue
        ranks = [LOAD_ORDER.index(k.key) for s in sheets for k in ([kind_by_name(kind)] if kind else
                                                                  detect(s.headers, path.name))[:1] if k]
        items.append((min(ranks, default=len(LOAD_ORDER)), path, sheets))
    items.sort(key=lambda t: (t[0], str(t[1])))
    return [(path, sheets) for _, path, sheets in items]
