"""The embedded store's SQLite file: its tables, and the version row every commit moves.

Every commit bumps the generation and draws a new token in the same transaction: a snapshot, a caught-up reader
and a kept analysis result (graph.analysis.cache) name both, so none of them is ever mistaken for another graph.
"""

from __future__ import annotations

import sqlite3

from graph.stores import changelog

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
