"""The rejects file: the rows a load skipped (``--skip-bad-rows``), as they were, each with its reasons, in a CSV
the clerk opens in Excel, fixes and loads again."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol


class RejectedRow(Protocol):
    """What the file needs of a rejected row (the loader's own row type)."""

    @property
    def sheet(self) -> Any: ...  # the Sheet it was read from: its name and headers

    @property
    def number(self) -> int: ...

    @property
    def cells(self) -> Sequence[Any]: ...

    @property
    def problems(self) -> Sequence[Any]: ...  # each with its reason


def write_rejects(folder: Path, path: Path, bad: Iterable[RejectedRow]) -> Path:
    """Write ``<stem>.rejects.csv`` in ``folder`` (a header line per sheet before its first row); returns its path."""
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
