"""Sign-in sessions for the browser pages, the lock-out after failed sign-ins, and who a request comes from.

A session is a random id (``secrets.token_urlsafe(32)``) sent in the
``xg_session`` cookie (HttpOnly, SameSite=Strict, Path=/) and kept server-side
only as its SHA-256 digest, with the account, a CSRF token, and when it was
made and last used, in ``accounts.sqlite`` beside the accounts, so it survives
a restart and is shared by the server's worker processes. It ends on logout,
after ``session_idle_minutes`` without a request, or ``session_max_hours`` after
sign-in, whichever comes first.

A request is signed in by an API token (``Authorization: Bearer``, for
scripts) or by the session cookie (for people). A cookie can be sent by a page
the user did not mean to use, so every cookie-signed request that may change
something (any method but GET/HEAD/OPTIONS) must also carry the session's CSRF
token in ``X-CSRF-Token``; a Bearer request needs none (a page cannot make a
browser add that header to another site's request). While an account's
password is a one-time one, its sessions reach only ``/auth/*``.

Failed sign-ins are counted per user name and per client address (both kept as
digests) over ``login_lock_minutes``; at ``login_max_failures`` (or
``login_max_failures_per_ip``) further tries are refused until the window
passes or an admin runs ``xuncha user unlock NAME``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import threading
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path

from api.auth import Account, AccountStore
from graph.settings import Settings

COOKIE = "xg_session"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
OPEN_PREFIXES = ("/auth/", "/health")  # reachable while the password must still be changed
TOUCH_SECONDS = 10.0  # last_seen is written at most this often per session (a write per request is needless)

MISSING = "请先登录：请求缺少登录会话或 API 令牌。"
BAD_TOKEN = "API 令牌无效或已被吊销。"
EXPIRED = "登录已过期，请重新登录。"
CSRF = "缺少或错误的 CSRF 令牌，请刷新页面后重试。"
CHANGE_FIRST = "请先修改初始密码。"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Session:
    digest: str
    account: str
    csrf_token: str
    created: float
    last_seen: float


@dataclass(frozen=True)
class Refusal:
    status: int
    code: str
    message: str
    account: Account | None = None  # who it was, when known (for the audit row); never lets anyone in


@dataclass(frozen=True)
class Identity:
    account: Account
    session: Session | None  # None: signed in by an API token


class SessionStore:
    """Sessions and failed sign-ins in the accounts file (tables ``sessions`` and ``login_failures``)."""

    def __init__(self, path: Path, *, idle_minutes: float = 30, max_hours: float = 12) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.idle_seconds, self.max_seconds = idle_minutes * 60, max_hours * 3600
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS sessions (id_sha256 TEXT PRIMARY KEY, account TEXT NOT NULL, "
                         "csrf_token TEXT NOT NULL, created REAL NOT NULL, last_seen REAL NOT NULL)")
        self._db.execute("CREATE INDEX IF NOT EXISTS sessions_account ON sessions(account)")
        self._db.execute("CREATE TABLE IF NOT EXISTS login_failures (key_sha256 TEXT NOT NULL, at REAL NOT NULL)")
        self._db.execute("CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures(key_sha256, at)")
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> SessionStore:
        return cls(settings.data_dir / "accounts.sqlite", idle_minutes=settings.session_idle_minutes,
                   max_hours=settings.session_max_hours)

    # -- sessions ------------------------------------------------------------------------------------------------------
    def create(self, account: str) -> tuple[str, Session]:
        """A new session; returns the id for the cookie (not kept) and the session."""
        raw, now = secrets.token_urlsafe(32), time.time()
        session = Session(_sha(raw), account, secrets.token_urlsafe(32), now, now)
        with self._lock:
            self._db.execute("DELETE FROM sessions WHERE created < ? OR last_seen < ?",
                             (now - self.max_seconds, now - self.idle_seconds))
            self._db.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)", (session.digest, account,
                             session.csrf_token, now, now))
        return raw, session

    def find(self, raw: str) -> tuple[Session | None, bool]:
        """The live session for a cookie value (and marks it used), or (None, whether one had just expired)."""
        digest, now = _sha(raw), time.time()
        with self._lock:
            row = self._db.execute("SELECT id_sha256, account, csrf_token, created, last_seen FROM sessions "
                                   "WHERE id_sha256 = ?", (digest,)).fetchone()
            if row is None:
                return None, False
            session = Session(*row)
            if now - session.created > self.max_seconds or now - session.last_seen > self.idle_seconds:
                self._db.execute("DELETE FROM sessions WHERE id_sha256 = ?", (digest,))
                return None, True
            if now - session.last_seen > TOUCH_SECONDS:
                self._db.execute("UPDATE sessions SET last_seen = ? WHERE id_sha256 = ?", (now, digest))
        return session, False

    def delete(self, raw: str) -> bool:
        with self._lock:
            return self._db.execute("DELETE FROM sessions WHERE id_sha256 = ?", (_sha(raw),)).rowcount == 1

    def end_all(self, account: str, *, keep: Session | None = None) -> int:
        """End every session of an account (but ``keep``): after a password change, a reset or a revocation."""
        with self._lock:
            return self._db.execute("DELETE FROM sessions WHERE account = ? AND id_sha256 != ?",
                                    (account, keep.digest if keep else "")).rowcount

    def count(self, account: str) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM sessions WHERE account = ?", (account,)).fetchone()[0]

    # -- failed sign-ins -----------------------------------------------------------------------------------------------
    def failures(self, name: str, client: str, window_minutes: float) -> tuple[tuple[int, int], tuple[int, int]]:
        """Failed sign-ins in the window for the user name and for the client: each (how many, seconds until the
        oldest of them lapses)."""
        now, window = time.time(), window_minutes * 60
        found = []
        with self._lock:
            for key in (_user_key(name), _client_key(client)):
                n, first = self._db.execute("SELECT count(*), min(at) FROM login_failures WHERE key_sha256 = ? "
                                            "AND at > ?", (key, now - window)).fetchone()
                found.append((n, max(1, int((first or now) + window - now) + 1)))
        return found[0], found[1]

    def failed(self, name: str, client: str, window_minutes: float) -> None:
        now = time.time()
        with self._lock:
            self._db.execute("DELETE FROM login_failures WHERE at < ?", (now - window_minutes * 60,))
            self._db.executemany("INSERT INTO login_failures VALUES (?, ?)",
                                 [(_user_key(name), now), (_client_key(client), now)])

    def unlock(self, name: str) -> int:
        """Forget the failed sign-ins for a user name; returns how many there were."""
        with self._lock:
            return self._db.execute("DELETE FROM login_failures WHERE key_sha256 = ?", (_user_key(name),)).rowcount

    def close(self) -> None:
        self._db.close()


def _user_key(name: str) -> str:
    return _sha("user:" + name)  # a digest: a name typed by mistake may be someone's password


def _client_key(client: str) -> str:
    return _sha("client:" + client)


def session_cookie(header: str) -> str | None:
    """The session id in a Cookie header, if any.

    >>> session_cookie("a=1; xg_session=abc_-9")
    'abc_-9'
    """
    cookie: SimpleCookie = SimpleCookie()
    try:
        cookie.load(header)
    except Exception:  # noqa: BLE001 - a malformed Cookie header is no session
        return None
    morsel = cookie.get(COOKIE)
    return morsel.value if morsel is not None and morsel.value else None


def resolve(headers: object, method: str, path: str, accounts: AccountStore,
            sessions: SessionStore | None) -> Identity | Refusal:
    """Who sends a request (``headers`` a Starlette ``Headers``): by API token, else by session cookie."""
    scheme, _, token = headers.get("authorization", "").partition(" ")  # type: ignore[attr-defined]
    if scheme.lower() == "bearer" and token.strip():
        account = accounts.authenticate(token.strip())
        return Identity(account, None) if account is not None else Refusal(401, "unauthenticated", BAD_TOKEN)
    raw = session_cookie(headers.get("cookie", "")) if sessions is not None else None  # type: ignore[attr-defined]
    if raw is None or sessions is None:
        return Refusal(401, "unauthenticated", MISSING)
    session, _ = sessions.find(raw)
    account = accounts.get(session.account) if session is not None else None
    if session is None or account is None or account.revoked:
        return Refusal(401, "session_expired", EXPIRED, account)
    if method.upper() not in SAFE_METHODS:
        sent = headers.get(CSRF_HEADER, "")  # type: ignore[attr-defined]
        if not hmac.compare_digest(sent.encode("utf-8"), session.csrf_token.encode("utf-8")):
            return Refusal(403, "csrf", CSRF, account)
    if account.must_change_password and not path.startswith(OPEN_PREFIXES):
        return Refusal(403, "password_change_required", CHANGE_FIRST, account)
    return Identity(account, session)
