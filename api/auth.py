"""Accounts, roles and API tokens.

Tokens are long random strings shown once and stored only as SHA-256
digests: they carry 256 bits of entropy, so a fast hash is enough and no
password-stretching is needed. We chose API keys over OAuth2/JWT because the
clients are scripts and a small office UI on a county intranet, with no
identity provider to federate with; a key can be revoked at once, which a
stateless JWT cannot.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import threading
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from pydantic import BaseModel


class Role(str, Enum):
    ADMIN = "admin"
    ANALYST = "analyst"
    VIEWER = "viewer"

    @property
    def rank(self) -> int:
        return {"viewer": 0, "analyst": 1, "admin": 2}[self.value]


class Account(BaseModel):
    name: str
    role: Role
    created_at: str
    revoked: bool


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class AccountStore:
    """Accounts in a small SQLite file beside the graph data."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS accounts (name TEXT PRIMARY KEY, role TEXT NOT NULL, "
                         "token_sha256 TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked INTEGER NOT NULL)")
        self._lock = threading.Lock()

    def add(self, name: str, role: Role) -> str:
        """Create an account and return its token; the token is not kept."""
        token = "xg_" + secrets.token_urlsafe(32)
        with self._lock:
            try:
                self._db.execute("INSERT INTO accounts VALUES (?, ?, ?, ?, 0)",
                                 (name, role.value, _digest(token), datetime.now(UTC).isoformat()))
            except sqlite3.IntegrityError as exc:
                raise ValueError(f"账号 {name} 已存在") from exc
        return token

    def authenticate(self, token: str) -> Account | None:
        with self._lock:
            row = self._db.execute("SELECT name, role, created_at, revoked FROM accounts WHERE token_sha256 = ?",
                                   (_digest(token),)).fetchone()
        if row is None or row[3]:
            return None
        return Account(name=row[0], role=Role(row[1]), created_at=row[2], revoked=bool(row[3]))

    def identify(self, token: str) -> Account | None:
        """The account a token belongs to, revoked or not (to say who was refused; never to let anyone in)."""
        with self._lock:
            row = self._db.execute("SELECT name, role, created_at, revoked FROM accounts WHERE token_sha256 = ?",
                                   (_digest(token),)).fetchone()
        return None if row is None else Account(name=row[0], role=Role(row[1]), created_at=row[2], revoked=bool(row[3]))

    def list(self) -> list[Account]:
        with self._lock:
            rows = self._db.execute("SELECT name, role, created_at, revoked FROM accounts ORDER BY name").fetchall()
        return [Account(name=r[0], role=Role(r[1]), created_at=r[2], revoked=bool(r[3])) for r in rows]

    def revoke(self, name: str) -> bool:
        with self._lock:
            return self._db.execute("UPDATE accounts SET revoked = 1 WHERE name = ?", (name,)).rowcount == 1

    def close(self) -> None:
        self._db.close()
