"""Recent writes of the embedded store, kept in its SQLite file so that other processes catch up by applying them.

A worker that saw the file's generation move on used to re-read the whole graph (seconds at scale 10) even when
the write was one judgement. Now each commit of bounded size also records, in the same SQLite transaction and
under its new generation, the rows it wrote (whole, merged, as they went into the tables) and the edge type it
dropped, with the write token before and after it; a reader a few generations behind applies them in order to
the graph it holds, and only if the chain of tokens starts at the version it holds.

The log is an optimisation, never the truth: a commit that records nothing (too large, clearing or replacing
everything, written by older code) leaves a gap, and a gap, a pruned row or too long a way behind all mean a
full re-read, exactly as before.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

SCHEMA = "CREATE TABLE IF NOT EXISTS changes (generation INTEGER PRIMARY KEY, body TEXT NOT NULL);"
MAX_ROWS = 5_000  # rows a logged commit may carry; a load larger than this is re-read whole by the others
MAX_BEHIND = 50  # generations a reader catches up by applying; further behind, it re-reads
KEEP = MAX_BEHIND  # generations kept: no more are ever applied (the log stays under ~50 × 5,000 rows)

NodeRows = dict[str, tuple[str, dict[str, Any]]]
EdgeRows = dict[str, tuple[str, str, str, dict[str, Any]]]
Change = tuple[NodeRows, EdgeRows, str | None]


def record(db: sqlite3.Connection, generation: int, tokens: tuple[str, str], node_rows: NodeRows,
           edge_rows: EdgeRows, drop_type: str | None) -> None:
    """Inside the writer's transaction: what this generation changed (tokens: before, after), if small enough;
    prune old ones."""
    db.execute("DELETE FROM changes WHERE generation <= ?", (generation - KEEP,))
    if len(node_rows) + len(edge_rows) > MAX_ROWS:
        return
    body = {"tokens": tokens, "drop": drop_type, "nodes": [[nid, kind, props] for nid, (kind, props) in node_rows.items()],
            "edges": [[eid, t, s, d, p] for eid, (t, s, d, p) in edge_rows.items()]}
    db.execute("INSERT OR REPLACE INTO changes(generation, body) VALUES (?, ?)",
               (generation, json.dumps(body, ensure_ascii=False, separators=(",", ":"))))


def forget(db: sqlite3.Connection) -> None:
    """Empty the log (every reader behind then re-reads whole): a rewrite that must not leave the text it replaced
    anywhere in the file (``xuncha privacy rewrite``) calls this before compacting."""
    db.execute(SCHEMA)
    db.execute("DELETE FROM changes")


def since(db: sqlite3.Connection, held: int, token: str, target: int) -> tuple[list[Change], str] | None:
    """Every change from the version held (generation and token) to ``target`` in order, and the token then;
    None if any one is missing or the chain does not start at what is held."""
    if not 0 < target - held <= MAX_BEHIND:
        return None
    rows = db.execute("SELECT generation, body FROM changes WHERE generation > ? AND generation <= ? "
                      "ORDER BY generation", (held, target)).fetchall()
    if [g for g, _ in rows] != list(range(held + 1, target + 1)):
        return None
    changes: list[Change] = []
    for _, text in rows:
        body = json.loads(text)
        before, token_after = body["tokens"]
        if before != token:
            return None
        token = token_after
        changes.append(({nid: (kind, props) for nid, kind, props in body["nodes"]},
                        {eid: (t, s, d, p) for eid, t, s, d, p in body["edges"]}, body["drop"]))
    return changes, token
