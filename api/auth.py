"""Accounts, roles and API tokens.

Tokens are long random strings shown once and stored only as SHA-256
digests: they carry 256 bits of entropy, so a fast hash is enough and no
password-stretching is needed. We chose API keys over OAuth2/JWT because the
clients are scripts and a small office UI on a county intranet, with no
identity provider to federate with; a key can be revoked at once, which a
stateless JWT cannot.

People sign in to the browser pages with a user name and a password instead
(see :mod:`api.sessions`): passwords are hashed with Argon2id (argon2-cffi,
its RFC 9106 low-memory profile), re-hashed when those parameters change, and
an account made by an admin, or the first admin made by ``make run``, gets a
one-time password that must be changed at the first sign-in. A file made
before passwords existed gains the two columns in place on opening.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import threading
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel

MIN_PASSWORD = 10
MAX_PASSWORD = 256
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"  # no 0/O, 1/l/I: read off a screen
_COLUMNS = {"password_hash": "TEXT", "must_change_password": "INTEGER NOT NULL DEFAULT 0"}
_SELECT = "name, role, created_at, revoked, password_hash IS NOT NULL, must_change_password"
_hasher = PasswordHasher()


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
    password_set: bool = False
    must_change_password: bool = False


def _account(row: tuple) -> Account:
    return Account(name=row[0], role=Role(row[1]), created_at=row[2], revoked=bool(row[3]), password_set=bool(row[4]),
                   must_change_password=bool(row[5]))


def one_time_password() -> str:
    """Twelve characters a person can copy off a screen (about 69 bits), grouped for reading: ``Xk7m-P2qa-9TzR``."""
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    return "-".join(chars[i:i + 4] for i in range(0, 12, 4))


def password_problem(name: str, password: str) -> str | None:
    """Why a new password is refused (a Chinese sentence), or None.

    >>> password_problem("alice", "short")
    '新密码至少需要 10 个字符。'
    >>> password_problem("alice12345", "Alice12345")
    '新密码不能与账号名相同。'
    >>> password_problem("alice", "correct horse") is None
    True
    """
    if len(password) < MIN_PASSWORD:
        return f"新密码至少需要 {MIN_PASSWORD} 个字符。"
    if len(password) > MAX_PASSWORD:
        return f"新密码不能超过 {MAX_PASSWORD} 个字符。"
    if password.strip().casefold() == name.strip().casefold():
        return "新密码不能与账号名相同。"
    return None


def _dummy_hash() -> str:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = _hasher.hash(secrets.token_urlsafe(16))
    return _DUMMY


_DUMMY: str | None = None


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


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
        self._migrate()
        self._lock = threading.Lock()

    def _migrate(self) -> None:
        """Add the password columns to a file from before them, once, even with several processes opening it."""
        db = self._db
        if set(_COLUMNS) <= {row[1] for row in db.execute("PRAGMA table_info(accounts)")}:
            return
        db.execute("BEGIN IMMEDIATE")
        try:
            have = {row[1] for row in db.execute("PRAGMA table_info(accounts)")}
            for name, decl in _COLUMNS.items():
                if name not in have:
                    db.execute(f"ALTER TABLE accounts ADD COLUMN {name} {decl}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def add(self, name: str, role: Role, password: str | None = None, *, must_change: bool = False) -> str:
        """Create an account and return its token; the token is not kept (nor the password, only its hash)."""
        token = "xg_" + secrets.token_urlsafe(32)
        hashed = _hasher.hash(password) if password is not None else None
        with self._lock:
            try:
                self._db.execute("INSERT INTO accounts (name, role, token_sha256, created_at, revoked, password_hash, "
                                 "must_change_password) VALUES (?, ?, ?, ?, 0, ?, ?)",
                                 (name, role.value, _digest(token), datetime.now(UTC).isoformat(), hashed,
                                  int(must_change and hashed is not None)))
            except sqlite3.IntegrityError as exc:
                raise ValueError(f"账号 {name} 已存在") from exc
        return token

    def get(self, name: str) -> Account | None:
        with self._lock:
            row = self._db.execute(f"SELECT {_SELECT} FROM accounts WHERE name = ?", (name,)).fetchone()
        return None if row is None else _account(row)

    def set_password(self, name: str, password: str, *, must_change: bool) -> bool:
        """Set (or reset) an account's password; False when there is no such account."""
        hashed = _hasher.hash(password)
        with self._lock:
            return self._db.execute("UPDATE accounts SET password_hash = ?, must_change_password = ? WHERE name = ?",
                                    (hashed, int(must_change), name)).rowcount == 1

    def check_password(self, name: str, password: str) -> Account | None:
        """The account when the password is its own (revoked or not: the caller decides); else None.

        An unknown name, or an account without a password, is checked against a dummy hash, so the answer
        takes about as long either way and does not tell which names exist.
        """
        with self._lock:
            row = self._db.execute(f"SELECT {_SELECT}, password_hash FROM accounts WHERE name = ?",
                                   (name,)).fetchone()
        stored = row[6] if row is not None and row[6] else None
        if not _verify(stored or _dummy_hash(), password) or stored is None:
            return None
        if _hasher.check_needs_rehash(stored):  # the hashing parameters changed since: keep the stronger hash
            with self._lock:
                self._db.execute("UPDATE accounts SET password_hash = ? WHERE name = ? AND password_hash = ?",
                                 (_hasher.hash(password), name, stored))
        return _account(row)

    def authenticate(self, token: str) -> Account | None:
        with self._lock:
            row = self._db.execute(f"SELECT {_SELECT} FROM accounts WHERE token_sha256 = ?",
                                   (_digest(token),)).fetchone()
        if row is None or row[3]:
            return None
        return _account(row)

    def identify(self, token: str) -> Account | None:
        """The account a token belongs to, revoked or not (to say who was refused; never to let anyone in)."""
        with self._lock:
            row = self._db.execute(f"SELECT {_SELECT} FROM accounts WHERE token_sha256 = ?",
                                   (_digest(token),)).fetchone()
        return None if row is None else _account(row)

    def list(self) -> list[Account]:
        with self._lock:
            rows = self._db.execute(f"SELECT {_SELECT} FROM accounts ORDER BY name").fetchall()
        return [_account(r) for r in rows]

    def revoke(self, name: str) -> bool:
        with self._lock:
            return self._db.execute("UPDATE accounts SET revoked = 1 WHERE name = ?", (name,)).rowcount == 1

    def close(self) -> None:
        self._db.close()
