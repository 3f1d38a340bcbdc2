"""The alerts file: saved alerts and their hits in SQLite (``alerts.sqlite`` beside the graph in the data folder).

A hit is unique per (alert, key): recording reads the alert's known keys and runs ``INSERT OR IGNORE`` for the
others inside one ``BEGIN IMMEDIATE`` transaction (WAL journal), so two runs at once (two loads) cannot record
one hit twice, and a hit seen before keeps its first-seen time and its state: a dismissed hit stays dismissed.
Each call opens its own connection, so threads and processes may share the file.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from graph.alerts.model import Alert, AlertIn, Candidate, Hit, HitState

SCHEMA = """
CREATE TABLE IF NOT EXISTS alerts (
  id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, owner TEXT NOT NULL, kind TEXT NOT NULL,
  params TEXT NOT NULL, threshold INTEGER, created_at TEXT NOT NULL, last_run_at TEXT);
CREATE TABLE IF NOT EXISTS hits (
  id INTEGER PRIMARY KEY AUTOINCREMENT, alert_id INTEGER NOT NULL REFERENCES alerts(id) ON DELETE CASCADE,
  key TEXT NOT NULL, summary TEXT NOT NULL, ids TEXT NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'new', note TEXT, actor TEXT, acted_at TEXT, UNIQUE (alert_id, key));
CREATE INDEX IF NOT EXISTS hits_by_state ON hits (state, alert_id);
"""
_HIT = ("SELECT h.id, h.alert_id, a.name, a.owner, h.key, h.summary, h.ids, h.first_seen, h.last_seen, h.state, "
        "h.note, h.actor, h.acted_at FROM hits h JOIN alerts a ON a.id = h.alert_id")


class AlertError(ValueError):
    """A request about alerts that cannot be done, phrased for the person who made it."""


class AlertNotFound(LookupError):
    pass


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class AlertStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not path.exists()
        with self._connect() as db:
            db.execute("PRAGMA journal_mode = WAL")
            db.executescript(SCHEMA)
        if fresh:
            os.chmod(path, 0o600)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA busy_timeout = 30000")
            db.execute("PRAGMA synchronous = NORMAL")  # with WAL: a commit survives a crash of the process
            yield db
        finally:
            db.close()

    # -- alerts ----------------------------------------------------------------------
    def add(self, alert: AlertIn, owner: str) -> Alert:
        now = _now()
        with self._connect() as db:
            cur = db.execute("INSERT INTO alerts (name, owner, kind, params, threshold, created_at) VALUES (?,?,?,?,?,?)",
                             (alert.name, owner, alert.kind.value, json.dumps(alert.params, ensure_ascii=False),
                              alert.threshold, now.isoformat()))
            new_id = cur.lastrowid
        return self.get(int(new_id or 0))

    def get(self, alert_id: int) -> Alert:
        with self._connect() as db:
            row = db.execute("SELECT id, name, owner, kind, params, threshold, created_at, last_run_at FROM alerts "
                             "WHERE id = ?", (alert_id,)).fetchone()
        if row is None:
            raise AlertNotFound(f"没有编号为 {alert_id} 的预警。")
        return _alert(row)

    def alerts(self, owner: str | None = None) -> list[Alert]:
        sql = "SELECT id, name, owner, kind, params, threshold, created_at, last_run_at FROM alerts"
        with self._connect() as db:
            rows = db.execute(sql + (" WHERE owner = ?" if owner else "") + " ORDER BY id",
                              (owner,) if owner else ()).fetchall()
        return [_alert(r) for r in rows]

    def remove(self, alert_id: int) -> tuple[Alert, int]:
        """Delete an alert with its hits (one transaction); returns the alert and how many hits went with it."""
        alert = self.get(alert_id)
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            hits = db.execute("SELECT count(*) FROM hits WHERE alert_id = ?", (alert_id,)).fetchone()[0]
            gone = db.execute("DELETE FROM alerts WHERE id = ?", (alert_id,)).rowcount  # hits: ON DELETE CASCADE
            db.execute("COMMIT")
        if not gone:
            raise AlertNotFound(f"没有编号为 {alert_id} 的预警。")
        return alert, int(hits)

    # -- hits ------------------------------------------------------------------------
    def record(self, alert_id: int, found: list[Candidate], at: datetime | None = None) -> list[Hit]:
        """Record what a run found; returns the hits seen for the first time (one transaction)."""
        at = at or _now()
        stamp = at.isoformat()
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")  # the write lock first: no other run can insert between read and write
            try:
                known = {k for (k,) in db.execute("SELECT key FROM hits WHERE alert_id = ?", (alert_id,))}
                fresh = {c.key: c for c in found if c.key not in known}
                db.executemany("INSERT OR IGNORE INTO hits (alert_id, key, summary, ids, first_seen, last_seen) "
                               "VALUES (?,?,?,?,?,?)",
                               [(alert_id, c.key, c.summary, json.dumps(c.ids), stamp, stamp) for c in fresh.values()])
                db.executemany("UPDATE hits SET last_seen = ? WHERE alert_id = ? AND key = ?",
                               [(stamp, alert_id, c.key) for c in found if c.key in known])
                db.execute("UPDATE alerts SET last_run_at = ? WHERE id = ?", (stamp, alert_id))
                rows = db.execute(f"{_HIT} WHERE h.alert_id = ? AND h.first_seen = ? ORDER BY h.id",
                                  (alert_id, stamp)).fetchall() if fresh else []
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        return [_hit(r) for r in rows if r[4] in fresh]

    def hits(self, *, owner: str | None = None, state: HitState | None = None, alert_id: int | None = None,
             limit: int = 1000, offset: int = 0) -> tuple[list[Hit], int]:
        where, args = [], []
        for column, value in (("a.owner", owner), ("h.state", state.value if state else None),
                              ("h.alert_id", alert_id)):
            if value is not None:
                where.append(f"{column} = ?")
                args.append(value)
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        with self._connect() as db:
            total = db.execute(f"SELECT count(*) FROM hits h JOIN alerts a ON a.id = h.alert_id{clause}",
                               args).fetchone()[0]
            rows = db.execute(f"{_HIT}{clause} ORDER BY h.first_seen DESC, h.id DESC LIMIT ? OFFSET ?",
                              [*args, limit, offset]).fetchall()
        return [_hit(r) for r in rows], total

    def hit(self, hit_id: int) -> Hit:
        with self._connect() as db:
            row = db.execute(f"{_HIT} WHERE h.id = ?", (hit_id,)).fetchone()
        if row is None:
            raise AlertNotFound(f"没有编号为 {hit_id} 的预警命中。")
        return _hit(row)

    def set_state(self, hit_id: int, state: HitState, *, actor: str, note: str | None = None) -> Hit:
        """Acknowledge or dismiss a hit with a note; a dismissed hit stays dismissed."""
        if state is HitState.NEW:
            raise AlertError("只能确认或忽略预警命中。")
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute("SELECT state FROM hits WHERE id = ?", (hit_id,)).fetchone()
            if row is None:
                db.execute("ROLLBACK")
                raise AlertNotFound(f"没有编号为 {hit_id} 的预警命中。")
            if row[0] == HitState.DISMISSED.value:
                db.execute("ROLLBACK")
                raise AlertError("该预警命中已被忽略，不能再更改。")
            db.execute("UPDATE hits SET state = ?, note = ?, actor = ?, acted_at = ? WHERE id = ?",
                       (state.value, note, actor, _now().isoformat(), hit_id))
            db.execute("COMMIT")
        return self.hit(hit_id)


def _alert(r: tuple) -> Alert:
    return Alert(id=r[0], name=r[1], owner=r[2], kind=r[3], params=json.loads(r[4]), threshold=r[5],
                 created_at=datetime.fromisoformat(r[6]), last_run_at=datetime.fromisoformat(r[7]) if r[7] else None)


def _hit(r: tuple) -> Hit:
    return Hit(id=r[0], alert_id=r[1], alert_name=r[2], owner=r[3], key=r[4], summary=r[5], ids=json.loads(r[6]),
               first_seen=datetime.fromisoformat(r[7]), last_seen=datetime.fromisoformat(r[8]), state=r[9],
               note=r[10], actor=r[11], acted_at=datetime.fromisoformat(r[12]) if r[12] else None)
