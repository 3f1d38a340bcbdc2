"""Namesake judgements on the sample county: listing the pending pairs, a merge and its undo (each one transaction
that reads what it moves: ``merge_node``, ``upsert_dropping``; a whole-graph swap before session 12).

Loads the county's ledgers into the embedded store and, when ``NEO4J_URI`` is set, into a real Neo4j, then
times ``pending_namesakes``, ``confirm`` and ``undo`` on a namesake pair, and a reload of the posts ledger with the
merge in force. Prints figures; asserts nothing.

Usage: NEO4J_URI=… NEO4J_PASSWORD=… python bench/judgements.py [scale]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.stores import figures_line, side_by_side  # noqa: E402
from loaders.judgements import Judgements, confirm, undo  # noqa: E402
from loaders.ledgers.export import write_ledgers  # noqa: E402
from loaders.ledgers.files import ledger_files, order_files  # noqa: E402
from loaders.ledgers.load import Loader  # noqa: E402
from loaders.namesakes import pending_namesakes  # noqa: E402
from loaders.sample import generate  # noqa: E402


def _timed(fn):  # noqa: ANN001, ANN202
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


def _plant_namesake(store, loader: Loader, data: Path) -> None:  # noqa: ANN001
    """A person of the county moved to another unit, written without an ID number: a namesake to judge."""
    post = next(e for e in store.iter_edges() if e.type.value == "HOLDS_POST")
    person, unit = store.get_node(post.src), store.get_node(post.dst)
    other = next(n for n in store.iter_nodes() if n.kind.value == "Unit" and n.id != unit.id
                 and n.props.get("unit_kind") == "county_department")
    path = data / "任职台账_调任.csv"
    data.mkdir(parents=True, exist_ok=True)
    path.write_text("姓名,县（市、区）,任职单位,职务,任职起\n"
                    f"{person.props['name']},{other.props['county']},{other.props['name']},副局长,2030-01-01\n", "utf-8")
    loader.load(path)


def _run(store, folder: Path, data: Path) -> dict[str, float | int]:  # noqa: ANN001
    loader = Loader(store, "bench-salt", data_dir=data, county="")
    files = order_files(ledger_files([folder]), None)
    _, load_s = _timed(lambda: [loader.load(p, sheets=s) for p, s in files])
    _plant_namesake(store, loader, data)
    pairs, list_s = _timed(lambda: pending_namesakes(store, Judgements(data)))
    if not pairs:
        return {"load_s": load_s, "pairs": 0, "list_s": list_s}
    pair = pairs[0]
    j, confirm_s = _timed(lambda: confirm(store, Judgements(data), pair.a.person_id, pair.b.person_id, who="bench"))
    posts = data / "任职台账_调任.csv"
    _, reload_s = _timed(lambda: Loader(store, "bench-salt", data_dir=data, county="").load(posts))
    _, undo_s = _timed(lambda: undo(store, Judgements(data), j.id, who="bench"))
    nodes = store.counts().total_nodes
    return {"load_s": load_s, "nodes": nodes, "pairs": len(pairs), "list_s": list_s, "confirm_s": confirm_s,
            "moved": len(j.moved), "reload_s": reload_s, "undo_s": undo_s}


def main(scale: int = 1) -> None:
    bundle = generate(scale, 7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ledgers"
        write_ledgers(bundle.nodes, bundle.edges, folder)
        stores = side_by_side(Path(tmp))
        print(f"规模 {scale}：同名人员判断（合并、撤销各为一次只读写所涉关系的事务）")
        for i, store in enumerate(stores):
            figures = _run(store, folder, Path(tmp) / f"var{i}")
            print(figures_line(store, figures))
            store.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
