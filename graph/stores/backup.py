"""Backup and restore of the graph, on either store.

The embedded store is copied with SQLite's online backup (consistent while
others read); Neo4j is exported as the same JSON lines ``export_jsonl``
writes. A restore reads either kind of file and swaps the whole graph in with
one transaction (``replace_all``), so it too leaves the old graph or the new
one, never a mix. For a production Neo4j, ``neo4j-admin database dump`` /
``load`` remain the tools of record (README); this file travels between the
two stores.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from graph.model import EdgeRecord, NodeRecord
from graph.stores.base import GraphStore, StoreError, export_jsonl, read_jsonl

SQLITE_MAGIC = b"SQLite format 3\x00"


def backup(store: GraphStore, path: Path) -> str:
    """Write the whole graph to ``path``; returns the format written ("sqlite" or "jsonl")."""
    from graph.stores.embedded import EmbeddedStore

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    if isinstance(store, EmbeddedStore):
        store.backup_to(tmp)
        kind = "sqlite"
    else:
        export_jsonl(store, tmp)
        kind = "jsonl"
    tmp.chmod(0o600)
    tmp.replace(path)  # a backup cut short never takes the name of a good one
    return kind


def read_backup(path: Path) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    """The records of a backup file of either format."""
    if not path.is_file():
        raise StoreError(f"找不到备份文件 {path}")
    with path.open("rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:
        return read_jsonl(path)
    from graph.stores.embedded import EmbeddedStore

    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        db.execute("SELECT 1 FROM nodes LIMIT 1")
        db.close()
    except sqlite3.Error as exc:
        raise StoreError(f"备份文件 {path.name} 不是本系统的图谱备份：{exc}") from exc
    source = EmbeddedStore(path)
    try:
        return list(source.iter_nodes()), list(source.iter_edges())
    finally:
        source.close()


def restore(store: GraphStore, path: Path) -> tuple[int, int]:
    """Replace the whole graph with a backup's, in one transaction; returns (nodes, edges)."""
    nodes, edges = read_backup(path)
    store.replace_all(nodes, edges)
    return len(nodes), len(edges)
