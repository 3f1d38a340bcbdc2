"""What every request passes before the routers: a body limit, sign-in before an upload, security headers.

* :class:`BodyGuard` — for an upload (``POST /loads``) the sign-in (API token,
  or session cookie with its CSRF token; :func:`api.sessions.resolve`) and the role
  are checked *before a byte of the body is read* (FastAPI parses a form before
  it runs dependencies, so without this a stranger's 1.5 GB body would be
  spooled to disk before the 401). Every body is then bounded while it
  streams: a declared ``Content-Length`` over the limit is refused at once,
  and a body that keeps coming (chunked, or longer than declared) is cut off
  at the limit. Refusals are the API's usual ``{code, message}`` in Chinese.
* :class:`SecurityHeaders` — ``nosniff``, a CSP (``frame-ancestors 'none'``;
  scripts, styles and requests from the service only; the old page's own
  inline script and style allowed by hash, nothing else inline),
  ``Referrer-Policy: no-referrer`` and ``Cache-Control: no-store`` on every
  response, errors included. At start-up it also makes the data folder
  private (0700, its files 0600): it holds names, ID digests and the salt.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import JSONResponse

from api.auth import Role
from api.sessions import Refusal, resolve
from loaders.ledgers.limits import DEFAULT_LIMITS, ReadLimits, size_text

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("xuncha.api")
UPLOADS = {"/loads": Role.ADMIN}  # POST paths whose body is a file: who may send one
MULTIPART_SLACK = 64 * 1024  # boundaries, part headers and the small form fields around the file
DOCS = ("/docs",)  # the API reference (Swagger UI from the service's own assets)


def _refusal(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"code": code, "message": message}, status, headers={"Connection": "close", **(headers or {})})


def _too_large(limit: int, upload: bool) -> JSONResponse:
    what = "上传的文件" if upload else "请求体"
    setting = "max_upload_bytes" if upload else "max_body_bytes"
    advice = "；请拆分后分别上传" if upload else ""
    return _refusal(413, "too_large", f"{what}超过 {size_text(limit)} 的上限（读取限额 {setting}）{advice}。")


class _TooLarge(Exception):
    """Raised into the application when the body passes its limit; the guard answers 413 instead."""


class BodyGuard:
    def __init__(self, app: ASGIApp, limits: ReadLimits = DEFAULT_LIMITS) -> None:
        self.app, self.limits = app, limits

    def _authorise(self, scope: Scope, headers: Headers, role: Role) -> JSONResponse | None:
        state = scope["app"].state
        accounts = getattr(state, "accounts", None)
        if accounts is None:  # not started (no lifespan): the route's own dependencies still check
            return None
        found = resolve(headers, scope["method"], scope["path"], accounts, getattr(state, "sessions", None))
        if isinstance(found, Refusal):
            if found.account is not None:  # for the audit row of the refusal
                scope.setdefault("state", {})["account"] = found.account
            return _refusal(found.status, found.code, found.message,
                            {"WWW-Authenticate": "Bearer"} if found.status == 401 else None)
        scope.setdefault("state", {})["account"] = found.account
        if found.account.role.rank < role.rank:
            return _refusal(403, "forbidden", "当前账号的角色无权访问此功能。")
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        role = UPLOADS.get(scope["path"].rstrip("/")) if scope["method"] == "POST" else None
        limit = self.limits.max_upload_bytes + MULTIPART_SLACK if role else self.limits.max_body_bytes
        shown = self.limits.max_upload_bytes if role else self.limits.max_body_bytes
        refusal = self._authorise(scope, headers, role) if role else None
        declared = headers.get("content-length")
        if refusal is None and declared is not None:
            if not (declared.strip().isascii() and declared.strip().isdigit()):
                refusal = _refusal(400, "bad_request", "请求头 Content-Length 无效。")
            elif int(declared) > limit:
                refusal = _too_large(shown, bool(role))
        if refusal is not None:
            await refusal(scope, receive, send)  # answers without reading the body; the server drops the rest
            return
        received, tripped, started = 0, False, False

        async def counted() -> Message:
            nonlocal received, tripped
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    tripped = True
                    raise _TooLarge
            return message

        async def guarded(message: Message) -> None:
            nonlocal started
            if tripped:  # whatever the application made of the cut-off body, the answer is 413
                if not started:
                    started = True
                    await _too_large(shown, bool(role))(scope, receive, send)
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except _TooLarge:
            if not started:
                await _too_large(shown, bool(role))(scope, receive, send)


def content_policy() -> tuple[str, str]:
    """The CSP for the app's pages and the one for the API reference (/docs).

    Both: scripts, styles and requests from the service itself only (no inline script, no ``eval``, no CDN — the
    workbench and Swagger UI are built from npm into the package), images also from ``data:`` and ``blob:`` URLs
    (a graph exported as PNG, Swagger's icons). The reference may also start workers from ``blob:`` URLs.
    """
    common = "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    strict = (f"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
              f"connect-src 'self'; {common}")
    return strict, f"{strict}; worker-src 'self' blob:"


def restrict_data_folder(folder: Path) -> None:
    """The data folder 0700 and every file in it (and in rejects/) 0600; SQLite gives its -wal/-shm files the same."""
    if not folder.is_dir():
        return
    try:
        folder.chmod(0o700)
        for sub in (folder, folder / "rejects"):
            for path in sub.iterdir() if sub.is_dir() else ():
                if path.is_dir() and path.name == "rejects":
                    path.chmod(0o700)
                elif path.is_file() and not path.is_symlink():
                    path.chmod(0o600)
    except OSError as exc:  # a folder owned by someone else: say so, and serve anyway
        log.warning("could not make the data folder private: %s", type(exc).__name__)


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.strict, self.docs = content_policy()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            async def started(message: Message) -> None:
                if message["type"] == "lifespan.startup.complete":
                    settings = getattr(scope["app"].state, "settings", None) if "app" in scope else None
                    if settings is not None and os.name == "posix":
                        restrict_data_folder(Path(settings.data_dir))
                await send(message)

            await self.app(scope, receive, started)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self.docs if scope["path"].startswith(DOCS) else self.strict

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Content-Security-Policy", policy)
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("Referrer-Policy", "no-referrer")
                headers.setdefault("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, with_headers)


def install(app: FastAPI, limits: ReadLimits = DEFAULT_LIMITS) -> None:
    """Bound bodies inside the error handling; put the headers outside it, so a 500 carries them too."""
    app.add_middleware(BodyGuard, limits=limits)
    build = app.build_middleware_stack
    app.build_middleware_stack = lambda: SecurityHeaders(build())  # type: ignore[method-assign]
