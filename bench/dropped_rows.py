"""Rows deleted from a ledger file (loaders/ledgers/dropped.py): what listing them costs a reload, and a removal.

Loads the sample county's ledgers into the embedded store and, when ``NEO4J_URI`` is set, into a real Neo4j, then
side by side on each store: the issue ledger loaded again unchanged as shipped, with the listing turned off (the load
before it), with the reading of which other files give each edge it writes turned off (``edge_sources.recorded``),
and with the check that no row's key lands on another file's problem under another code turned off
(``codes.Recoding._overwrites``; after a warm-up, the four in turn, fastest of three each); loaded again without
every tenth row (listed), and with ``remove_dropped`` (refused: the county's tasks rectify those problems, so
nothing is written); the benefits ledger without every tenth row, removed. Prints figures; asserts nothing.

Usage: NEO4J_URI=… NEO4J_PASSWORD=… python bench/dropped_rows.py [scale]
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.stores import figures_line, side_by_side  # noqa: E402
from loaders.ledgers import codes, dropped, edge_sources  # noqa: E402
from loaders.ledgers.changes import Dropped  # noqa: E402
from loaders.ledgers.export import write_ledgers  # noqa: E402
from loaders.ledgers.files import ledger_files, order_files  # noqa: E402
from loaders.ledgers.load import LedgerRejected, Loader  # noqa: E402
from loaders.sample import generate  # noqa: E402


def _fastest(fn: Callable[[], Any], runs: int = 3) -> tuple[Any, float]:
    best, result = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return result, best


def _without_every_tenth(path: Path, out: Path) -> int:
    """The ledger with every tenth data row deleted (its encoding kept), written to ``out``; how many rows went."""
    raw = path.read_bytes()
    encoding = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        encoding, text = "gb18030", raw.decode("gb18030")
    rows = list(csv.reader(text.splitlines()))
    kept = [rows[0], *(r for i, r in enumerate(rows[1:], 1) if i % 10)]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(kept)
    return len(rows) - len(kept)


def _reload(loader: Loader, path: Path, **kw: Any) -> tuple[Any, float]:
    def once() -> Any:
        try:
            return loader.load(path, **kw)
        except LedgerRejected as exc:
            return exc.report
    return _fastest(once, runs=1 if kw.get("remove_dropped") else 3)


def _side_by_side(loader: Loader, path: Path, runs: int = 3) -> dict[str, float]:
    """The file loaded again unchanged as shipped, with the listing off (the load before it), with the reading of
    other files' edges off and with the other files' codes check off; one warm-up, then the four in turn ``runs``
    times, the fastest of each."""
    listing, recorded, overwrites = dropped.assess, edge_sources.recorded, codes.Recoding._overwrites
    variants: dict[str, Callable[[], None]] = {
        "reload_listing_s": lambda: None,
        "reload_without_listing_s": lambda: setattr(dropped, "assess", lambda *a, **k: dropped.Assessed(Dropped())),
        "reload_without_edge_sources_s": lambda: setattr(edge_sources, "recorded", lambda store, doc, edges: edges),
        "reload_without_code_check_s": lambda: setattr(codes.Recoding, "_overwrites", lambda self, mains: {})}
    loader.load(path)
    best = dict.fromkeys(variants, float("inf"))
    for _ in range(runs):
        for name, patch in variants.items():
            patch()
            try:
                t0 = time.perf_counter()
                loader.load(path)
                best[name] = min(best[name], time.perf_counter() - t0)
            finally:
                dropped.assess, edge_sources.recorded = listing, recorded  # type: ignore[misc]
                codes.Recoding._overwrites = overwrites  # type: ignore[method-assign]
    return best


def _run(store, folder: Path, data: Path) -> dict[str, float | int]:  # noqa: ANN001
    loader = Loader(store, "bench-salt", data_dir=data, county="")
    for p, s in order_files(ledger_files([folder]), None):
        loader.load(p, sheets=s)
    issues, benefits = folder / "问题清单.csv", folder / "惠民补贴.csv"
    unchanged = _side_by_side(loader, issues)
    gone = _without_every_tenth(issues, issues)  # the same file (its path names its Document), rows deleted
    report, fewer_s = _reload(loader, issues)
    refused, refused_s = _reload(loader, issues, remove_dropped=True)
    dropped_benefits = _without_every_tenth(benefits, benefits)
    removed, removed_s = _reload(loader, benefits, remove_dropped=True)
    return {**unchanged, "deleted_rows": gone,
            "listed": report.changes.dropped.count, "reload_listed_s": fewer_s,
            "refused_lines": len(refused.problems), "refuse_s": refused_s, "benefit_rows_deleted": dropped_benefits,
            "removed": removed.changes.dropped.removed, "remove_s": removed_s}


def main(scale: int = 1) -> None:
    bundle = generate(scale, 7)
    with tempfile.TemporaryDirectory() as tmp:
        stores = side_by_side(Path(tmp))
        print(f"规模 {scale}：台账文件删行后再次载入（列出、删除；问题清单每十行删一行，惠民补贴同）")
        for i, store in enumerate(stores):
            folder = Path(tmp) / f"ledgers{i}"  # each store its own files: the same path is the same Document
            write_ledgers(bundle.nodes, bundle.edges, folder)
            figures = _run(store, folder, Path(tmp) / f"var{i}")
            print(figures_line(store, figures))
            store.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
