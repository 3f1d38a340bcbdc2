"""Every dependency the routers use, defined once as ``Annotated`` aliases."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.auth import Account, AccountStore, Role
from api.errors import ApiError
from api.sessions import Refusal, SessionStore, resolve
from graph.stores import open_store
from graph.stores.base import GraphStore

_opening = threading.Lock()

_bearer = HTTPBearer(auto_error=False, description="API 令牌（xuncha user add 生成）；网页用登录会话 Cookie（xg_session）")


async def get_store(request: Request) -> GraphStore:
    """The store; if it was down at start-up, try again now, so it recovers without a restart (else 503).

    Dependencies are ``async`` so a request does not hop through the thread
    pool once per dependency; only the (rare) reconnect runs in a thread.
    """
    state = request.app.state
    if state.store is None:
        await run_in_threadpool(_open_once, state)
    return state.store


def _open_once(state: Any) -> None:
    with _opening:
        if state.store is None:
            state.store = open_store(state.settings)


def get_accounts(request: Request) -> AccountStore:
    return request.app.state.accounts


def get_sessions(request: Request) -> SessionStore | None:
    return getattr(request.app.state, "sessions", None)


async def current_account(request: Request,
                    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> Account:
    """The account behind an API token or a session cookie (see :func:`api.sessions.resolve`: CSRF token on a
    cookie request that may change something; a one-time password must be changed first).

    The account is left on ``request.state.account`` (refused or not, when known) for the audit of refusals,
    and the session, if any, on ``request.state.session``.
    """
    found = resolve(request.headers, request.method, request.url.path, get_accounts(request), get_sessions(request))
    if isinstance(found, Refusal):
        if found.account is not None:
            request.state.account = found.account
        raise ApiError(found.status, found.code, found.message)
    request.state.account, request.state.session = found.account, found.session
    return found.account


def require(role: Role):  # noqa: ANN201 - returns a dependency
    async def check(account: Annotated[Account, Depends(current_account)]) -> Account:
        if account.role.rank < role.rank:
            raise ApiError(403, "forbidden", "当前账号的角色无权访问此功能。")
        return account

    return check


Store = Annotated[GraphStore, Depends(get_store)]
Viewer = Annotated[Account, Depends(require(Role.VIEWER))]
Analyst = Annotated[Account, Depends(require(Role.ANALYST))]
Admin = Annotated[Account, Depends(require(Role.ADMIN))]
