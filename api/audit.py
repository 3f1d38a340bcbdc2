"""The audit log: who read which people's data, when, through which endpoint.

Kept in ``audit.sqlite`` beside the graph data (not in application logs, which
never carry personal data at info level), so it survives restarts and can be
read back by admins through ``GET /audit``.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field


class AuditEntry(BaseModel):
    seq: int
    at: str = Field(title="时间")
    account: str = Field(title="账号")
    role: str = Field(title="角色")
    method: str
    endpoint: str = Field(title="接口")
    person_ids: list[str] = Field(title="涉及人员")


class AuditLog:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, "
                         "account TEXT NOT NULL, role TEXT NOT NULL, method TEXT NOT NULL, endpoint TEXT NOT NULL, "
                         "person_ids TEXT NOT NULL)")
        self._lock = threading.Lock()

    def record(self, *, account: str, role: str, method: str, endpoint: str, person_ids: list[str]) -> None:
        with self._lock:
            self._db.execute("INSERT INTO audit(at, account, role, method, endpoint, person_ids) VALUES (?,?,?,?,?,?)",
                             (datetime.now(UTC).isoformat(), account, role, method, endpoint,
                              json.dumps(sorted(set(person_ids)))))

    def read(self, *, limit: int, offset: int, account: str | None = None) -> tuple[int, list[AuditEntry]]:
        where, args = ("WHERE account = ?", [account]) if account else ("", [])
        with self._lock:
            total = self._db.execute(f"SELECT count(*) FROM audit {where}", args).fetchone()[0]
            rows = self._db.execute(f"SELECT seq, at, account, role, method, endpoint, person_ids FROM audit {where} "
                                    "ORDER BY seq DESC LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
        return total, [AuditEntry(seq=r[0], at=r[1], account=r[2], role=r[3], method=r[4], endpoint=r[5],
                                  person_ids=json.loads(r[6])) for r in rows]

    def close(self) -> None:
        self._db.close()
