"""Generator → ledgers (xlsx and GBK CSV) → loader gives the graph the generator made."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.export import write_ledgers
from loaders.ledgers.files import ledger_files, order_files
from loaders.ledgers.load import Loader

PROVENANCE = {"source_doc", "source_sheet", "source_row"}


def load_folder(store, folder: Path) -> list:
    loader = Loader(store, "test-salt")
    return [loader.load(path, sheets=sheets) for path, sheets in order_files(ledger_files([folder]), None)]


def _snapshot(store) -> tuple[dict, set]:
    nodes = {n.id: n.props for n in store.iter_nodes() if n.kind.value != "Document"}
    edges = {(e.type.value, e.src, e.dst, tuple(sorted((k, str(v)) for k, v in e.props.items() if k not in PROVENANCE)))
             for e in store.iter_edges() if e.type.value != "SOURCED_FROM"}
    return nodes, edges


@pytest.fixture(scope="module")
def ledgers(county, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("ledgers")
    write_ledgers(county.nodes, county.edges, folder)
    return folder


@pytest.fixture(scope="module")
def from_ledgers(ledgers, tmp_path_factory) -> EmbeddedStore:
    store = EmbeddedStore(tmp_path_factory.mktemp("fromledgers") / "graph.sqlite")
    reports = load_folder(store, ledgers)
    assert all(r.rejected == 0 and not r.problems for r in reports)
    yield store
    store.close()


def test_generator_writes_both_xlsx_and_gbk_csv(ledgers):
    suffixes = {p.suffix for p in ledgers.iterdir()}
    assert suffixes == {".xlsx", ".csv"}
    issues = (ledgers / "问题清单.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        issues.decode("utf-8")
    assert issues.decode("gbk").startswith("县（市、区）")


def test_ledger_load_equals_direct_load(county, ledgers, from_ledgers, tmp_path):
    direct = EmbeddedStore(tmp_path / "direct.sqlite")
    direct.upsert(county.nodes, county.edges)
    want_nodes, want_edges = _snapshot(direct)
    got_nodes, got_edges = _snapshot(from_ledgers)
    assert got_nodes == want_nodes
    assert got_edges == want_edges
    counts, want = from_ledgers.counts(), direct.counts()
    assert {k: v for k, v in counts.nodes.items() if k != "Document"} == {
        k: v for k, v in want.nodes.items() if k != "Document"}
    direct.close()


def test_every_loaded_node_and_edge_names_its_ledger_row(from_ledgers):
    sourced = {e.src for e in from_ledgers.iter_edges() if e.type.value == "SOURCED_FROM"}
    assert all(n.id in sourced for n in from_ledgers.iter_nodes() if n.kind.value != "Document")
    row = next(e for e in from_ledgers.iter_edges() if e.type.value == "SOURCED_FROM")
    assert row.props["row"] >= 2 and row.props["sheet"]
    assert all(e.props.get("source_doc") and e.props.get("source_row") for e in from_ledgers.iter_edges()
               if e.type.value not in ("SOURCED_FROM", "REPEATS"))


def test_loading_the_same_files_again_changes_nothing(ledgers, tmp_path):
    store = EmbeddedStore(tmp_path / "g.sqlite")
    load_folder(store, ledgers)
    before = sorted(n.model_dump_json() for n in store.iter_nodes()), sorted(e.model_dump_json() for e in store.iter_edges())
    load_folder(store, ledgers)
    after = sorted(n.model_dump_json() for n in store.iter_nodes()), sorted(e.model_dump_json() for e in store.iter_edges())
    assert after == before
    store.close()


def test_a_changed_row_updates_its_node(ledgers, tmp_path):
    store = EmbeddedStore(tmp_path / "g.sqlite")
    load_folder(store, ledgers)
    path = ledgers.parent / "changed" / "问题清单.csv"
    path.parent.mkdir(exist_ok=True)
    rows = list(csv.reader((ledgers / "问题清单.csv").read_text("gb18030").splitlines()))
    status = rows[0].index("整改状态")
    rows[1][status] = "已整改" if rows[1][status] != "已整改" else "整改中"
    with path.open("w", encoding="gb18030", newline="") as f:
        csv.writer(f).writerows(rows)
    counts = store.counts()
    Loader(store, "test-salt").load(path)
    code = rows[1][rows[0].index("问题编号")]
    issue = next(n for n in store.iter_nodes() if n.kind.value == "Issue" and n.props.get("code") == code)
    assert issue.props["status"] == ("rectified" if rows[1][status] == "已整改" else "in_progress")
    assert store.counts().nodes["Issue"] == counts.nodes["Issue"]
    store.close()
