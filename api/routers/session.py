"""Sign-in for people: user name and password → a session cookie; who am I; logout; change the password.

The contract the browser pages use (see :mod:`api.sessions` for the cookie, the CSRF token and the expiry):

* ``POST /auth/login`` ``{"username", "password"}`` → ``{"user": {name, role, must_change_password},
  "csrf_token"}`` and the ``xg_session`` cookie; 401 ``bad_credentials`` (the same for an unknown name),
  429 ``locked`` after too many failures for the name or the client;
* ``GET /auth/me`` → the same body, or 401;
* ``POST /auth/logout`` → 204, the session ended and the cookie cleared;
* ``POST /auth/password`` ``{"old_password", "new_password"}`` → 204; clears ``must_change_password``.

Signing in and out and changing a password are audited as writes; a refused sign-in as a refusal (the 401 by
the refusal audit, with the account when the name is one; the 429 here).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from api.audit import audit_write
from api.auth import MAX_PASSWORD, Account, Role, password_problem
from api.deps import current_account, get_accounts, get_sessions
from api.errors import ApiError, ErrorBody
from api.sessions import COOKIE, Identity, Refusal, Session, SessionStore, resolve

router = APIRouter(prefix="/auth", tags=["登录"])
BAD_CREDENTIALS = "用户名或密码错误。"


class Credentials(BaseModel):
    username: str = Field(min_length=1, max_length=64, title="账号名")
    password: str = Field(min_length=1, max_length=MAX_PASSWORD, title="密码")


class SessionUser(BaseModel):
    name: str = Field(title="账号名")
    role: Role = Field(title="角色")
    must_change_password: bool = Field(title="须先修改初始密码")


class SignedIn(BaseModel):
    user: SessionUser
    csrf_token: str | None = Field(title="CSRF 令牌：会话发出的非 GET 请求须放在请求头 X-CSRF-Token（API 令牌登录时为空）")


class PasswordChange(BaseModel):
    old_password: str = Field(min_length=1, max_length=MAX_PASSWORD, title="原密码")
    new_password: str = Field(min_length=1, max_length=MAX_PASSWORD, title="新密码（至少 10 个字符，不能与账号名相同）")


def _signed_in(account: Account, session: Session | None) -> SignedIn:
    return SignedIn(user=SessionUser(name=account.name, role=account.role,
                                     must_change_password=account.must_change_password),
                    csrf_token=session.csrf_token if session is not None else None)


def _client(request: Request) -> str:
    return request.client.host if request.client else ""


def _locked(request: Request, sessions: SessionStore, name: str) -> JSONResponse | None:
    """429 when the name or the client has failed too often in the window (audited here: the refusal audit
    records 401s and 403s only)."""
    settings = request.app.state.settings
    (by_name, name_wait), (by_client, client_wait) = sessions.failures(name, _client(request),
                                                                       settings.login_lock_minutes)
    waits = [w for n, w, limit in ((by_name, name_wait, settings.login_max_failures),
                                   (by_client, client_wait, settings.login_max_failures_per_ip)) if n >= limit]
    if not waits:
        return None
    account = get_accounts(request).get(name)
    request.app.state.audit.refused(
        status=429, code="locked", account=account.name if account else "（未知账号）",
        role=account.role.value if account else "", method=request.method, endpoint=request.url.path,
        detail={"client": _client(request), "reason": "登录失败次数过多，暂时锁定",
                "by": "name" if by_name >= settings.login_max_failures else "client"})
    message = f"登录失败次数过多，请 {settings.login_lock_minutes} 分钟后再试。"
    return JSONResponse({"code": "locked", "message": message}, 429, headers={"Retry-After": str(max(waits))})


def _sessions(request: Request) -> SessionStore:
    sessions = get_sessions(request)
    if sessions is None:
        raise ApiError(503, "store_unavailable", "登录服务尚未就绪，请稍后重试。")
    return sessions


@router.post("/login", response_model=SignedIn, summary="用户名和密码登录：设置会话 Cookie，返回 CSRF 令牌（记入审计）",
             responses={401: {"model": ErrorBody, "description": "用户名或密码错误"},
                        429: {"model": ErrorBody, "description": "登录失败次数过多，暂时锁定"}})
def login(body: Credentials, request: Request, response: Response) -> Any:
    sessions, settings = _sessions(request), request.app.state.settings
    if (refusal := _locked(request, sessions, body.username)) is not None:
        return refusal
    account = get_accounts(request).check_password(body.username, body.password)
    if account is None or account.revoked:
        sessions.failed(body.username, _client(request), settings.login_lock_minutes)
        known = account or get_accounts(request).get(body.username)
        if known is not None:  # the refusal audit names the account (an unknown name is not kept: it may be a password)
            request.state.account = known
        raise ApiError(401, "bad_credentials", BAD_CREDENTIALS)
    sessions.unlock(account.name)
    raw, session = sessions.create(account.name)
    response.set_cookie(COOKIE, raw, max_age=int(sessions.max_seconds), path="/", secure=settings.cookie_secure,
                        httponly=True, samesite="Strict")  # type: ignore[arg-type]
    audit_write(request, account, "session.login", {"client": _client(request)})
    return _signed_in(account, session)


@router.get("/me", response_model=SignedIn, summary="当前登录的账号（会话或 API 令牌）及 CSRF 令牌")
def me(request: Request, account: Annotated[Account, Depends(current_account)]) -> SignedIn:
    return _signed_in(account, getattr(request.state, "session", None))


@router.post("/logout", status_code=204, summary="退出登录：结束会话并清除 Cookie（会话已过期时也清除；记入审计）",
             responses={403: {"model": ErrorBody, "description": "缺少或错误的 CSRF 令牌"}})
def logout(request: Request, response: Response) -> None:
    found = resolve(request.headers, request.method, request.url.path, get_accounts(request), get_sessions(request))
    if isinstance(found, Refusal) and found.code == "csrf":  # a live session: only its own page may end it
        request.state.account = found.account
        raise ApiError(found.status, found.code, found.message)
    if isinstance(found, Identity) and found.session is not None:
        _sessions(request).delete(request.cookies.get(COOKIE, ""))
        audit_write(request, found.account, "session.logout", {"sessions": 1})
    response.delete_cookie(COOKIE, path="/", secure=request.app.state.settings.cookie_secure, httponly=True,
                           samesite="Strict")  # type: ignore[arg-type]


@router.post("/password", status_code=204, response_model=None,
             summary="修改自己的密码（首次登录须先修改初始密码；记入审计）",
             responses={422: {"model": ErrorBody, "description": "原密码不正确，或新密码不符合要求"},
                        429: {"model": ErrorBody, "description": "失败次数过多，暂时锁定"}})
def change_password(body: PasswordChange, request: Request,
                    account: Annotated[Account, Depends(current_account)]) -> Any:
    sessions, settings = _sessions(request), request.app.state.settings
    if (refusal := _locked(request, sessions, account.name)) is not None:
        return refusal
    if get_accounts(request).check_password(account.name, body.old_password) is None:
        sessions.failed(account.name, _client(request), settings.login_lock_minutes)
        raise ApiError(422, "wrong_password", "原密码不正确。")
    problem = password_problem(account.name, body.new_password)
    if problem is None and body.new_password == body.old_password:
        problem = "新密码不能与原密码相同。"
    if problem is not None:
        raise ApiError(422, "weak_password", problem)
    get_accounts(request).set_password(account.name, body.new_password, must_change=False)
    ended = sessions.end_all(account.name, keep=getattr(request.state, "session", None))
    audit_write(request, account, "user.password", {"name": account.name, "other_sessions_ended": ended})
    return Response(status_code=204)
