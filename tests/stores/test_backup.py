"""`xuncha backup` / `xuncha restore` give back exactly the graph that was backed up, on both stores."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.stores.backup import backup, restore
from graph.stores.base import GraphStore, StoreError
from graph.stores.embedded import EmbeddedStore
from loaders.sample import Bundle


def _everything(store: GraphStore) -> tuple[list, list]:
    return (sorted((n.id, n.kind.value, sorted(n.props.items(), key=str)) for n in store.iter_nodes()),
            sorted((e.id, e.type.value, e.src, e.dst, sorted(e.props.items(), key=str)) for e in store.iter_edges()))


def _round_trip(store: GraphStore, county: Bundle, tmp_path: Path) -> str:
    store.replace_all(county.nodes[:3000], [e for e in county.edges if e.src in {n.id for n in county.nodes[:3000]}
                                            and e.dst in {n.id for n in county.nodes[:3000]}])
    before = _everything(store)
    kind = backup(store, tmp_path / "graph.backup")
    assert oct((tmp_path / "graph.backup").stat().st_mode & 0o777) == "0o600"
    store.replace_all(county.nodes[3000:3100], [])  # something else entirely
    assert _everything(store) != before
    assert restore(store, tmp_path / "graph.backup") == (len(before[0]), len(before[1]))
    assert _everything(store) == before
    return kind


def test_embedded_round_trip(county: Bundle, tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.sqlite")
    try:
        assert _round_trip(store, county, tmp_path) == "sqlite"
    finally:
        store.close()


@pytest.mark.neo4j
def test_neo4j_round_trip_and_across_stores(county: Bundle, tmp_path: Path, scratch_neo4j) -> None:
    assert _round_trip(scratch_neo4j, county, tmp_path) == "jsonl"
    embedded = EmbeddedStore(tmp_path / "e.sqlite")
    try:  # the Neo4j backup restores into the embedded store, and the other way round
        restore(embedded, tmp_path / "graph.backup")
        assert _everything(embedded) == _everything(scratch_neo4j)
        backup(embedded, tmp_path / "e.backup")
        scratch_neo4j.clear()
        restore(scratch_neo4j, tmp_path / "e.backup")
        assert _everything(embedded) == _everything(scratch_neo4j)
    finally:
        embedded.close()


def test_a_file_that_is_no_backup_is_refused_and_changes_nothing(county: Bundle, tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "g.sqlite")
    try:
        store.replace_all(county.nodes[:200], [])
        before = _everything(store)
        junk = tmp_path / "junk.backup"
        junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
        with pytest.raises(StoreError):
            restore(store, junk)
        with pytest.raises(StoreError):
            restore(store, tmp_path / "missing.backup")
        assert _everything(store) == before
    finally:
        store.close()


def test_the_commands_round_trip(county: Bundle, tmp_path: Path) -> None:
    env = {**os.environ, "XUNCHA_STORE": "embedded", "XUNCHA_DATA_DIR": str(tmp_path / "var"),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    store = EmbeddedStore(tmp_path / "var" / "graph.sqlite")
    store.replace_all(county.nodes[:500], [])
    before = _everything(store)
    store.close()

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "api.cli", *args], env=env, capture_output=True, text=True,
                              timeout=300)

    assert cli("backup", str(tmp_path / "b.sqlite")).returncode == 0
    store = EmbeddedStore(tmp_path / "var" / "graph.sqlite")
    store.clear()
    store.close()
    done = cli("restore", str(tmp_path / "b.sqlite"))
    assert done.returncode == 0 and "已从" in done.stderr
    store = EmbeddedStore(tmp_path / "var" / "graph.sqlite")
    assert _everything(store) == before
    store.close()
    bad = cli("restore", str(tmp_path / "nothing-here"))
    assert bad.returncode == 1 and "图谱保持原样" in bad.stderr
