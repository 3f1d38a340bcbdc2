"""The embedded store's SQLite file: its tables, how a commit writes them and the graph is read from them, and the
version row every commit moves.

Every commit bumps the generation and draws a new token in the same transaction: a snapshot, a caught-up reader
and a kept analysis result (graph.analysis.cache) name both, so none of them is ever mistaken for another graph.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from typing import Any

import networkx as nx

from graph.stores import changelog
from graph.stores.changelog import EdgeRows, NodeRows

KIND = "_kind"  # the node attribute holding its kind in the in-memory graph
TYPE = "_type"  # the edge attribute holding its type

SCHEMA = """
CREATE TABLE IF NOT EXISTS nodes (id TEXT PRIMARY KEY, kind TEXT NOT NULL, props TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges (id TEXT PRIMARY KEY, type TEXT NOT NULL, src TEXT NOT NULL,
                                  dst TEXT NOT NULL, props TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO meta(key, value) VALUES ('generation', '0');
INSERT OR IGNORE INTO meta(key, value) VALUES ('token', lower(hex(randomblob(8))));
""" + changelog.SCHEMA
BUMP = ("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'",
        "UPDATE meta SET value = lower(hex(randomblob(8))) WHERE key='token'")


def generation(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0])


def token(db: sqlite3.Connection) -> str:
    return str(db.execute("SELECT value FROM meta WHERE key='token'").fetchone()[0])


def _dumps(props: dict[str, Any]) -> str:
    return json.dumps(props, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write(db: sqlite3.Connection, node_rows: NodeRows, edge_rows: EdgeRows, *, drop_type: str | None = None,
          clear: bool = False, gone: tuple[Collection[str], Collection[str]] = ((), ())) -> int:
    """Inside the caller's transaction: empty the tables (``clear``), drop one edge type, delete ``gone``'s nodes
    and edges (ids), then write the rows whole; the count of edges dropped by type."""
    if clear:
        db.execute("DELETE FROM nodes")
        db.execute("DELETE FROM edges")
    dropped = db.execute("DELETE FROM edges WHERE type = ?", (drop_type,)).rowcount if drop_type else 0
    db.executemany("DELETE FROM edges WHERE id = ?", ((eid,) for eid in gone[1]))
    db.executemany("DELETE FROM nodes WHERE id = ?", ((nid,) for nid in gone[0]))
    db.executemany(
        "INSERT INTO nodes(id, kind, props) VALUES (?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, props=excluded.props",
        ((nid, kind, _dumps(props)) for nid, (kind, props) in node_rows.items()))
    db.executemany(
        "INSERT INTO edges(id, type, src, dst, props) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET props=excluded.props",
        ((eid, t, s, d, _dumps(p)) for eid, (t, s, d, p) in edge_rows.items()))
    return dropped


def read_graph(db: sqlite3.Connection) -> nx.MultiDiGraph:
    """The graph from the tables, every repeated string (node id, property name or value) one shared object:
    ~40% less memory, and a snapshot marshal writes as back-references (70 → 42 MB, read in 0.7 s not 1.2)."""
    shared: dict[Any, Any] = {}

    def attrs(first: str, value: str, props: str) -> dict[str, Any]:
        out = {first: shared.setdefault(value, value)}
        for k, v in json.loads(props).items():
            out[shared.setdefault(k, k)] = shared.setdefault(v, v) if isinstance(v, str) else v
        return out

    graph = nx.MultiDiGraph()
    graph.add_nodes_from((shared.setdefault(nid, nid), attrs(KIND, kind, props))
                         for nid, kind, props in db.execute("SELECT id, kind, props FROM nodes"))
    graph.add_edges_from((shared.get(src, src), shared.get(dst, dst), eid, attrs(TYPE, etype, props))
                         for eid, etype, src, dst, props in db.execute("SELECT id, type, src, dst, props FROM edges"))
    return graph
