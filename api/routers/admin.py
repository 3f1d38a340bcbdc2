"""Audit log and accounts (admins). Every change to accounts is audited, and so is reading the audit log.

A new account gets an API token (for scripts) and a one-time password (for the pages; it must be changed at the
first sign-in); ``reset-password`` gives a new one-time password and ends the account's sessions. The account
routes answer under ``/users`` and, the same routes, under ``/admin/users`` (the pages' path).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field

from api.audit import AuditEntry, AuditKind, audit_write
from api.auth import Account, Role, one_time_password
from api.deps import Admin
from api.errors import ApiError, ErrorBody
from api.pages import Limit, Offset, Page

router = APIRouter(tags=["管理"])


@router.get("/audit", response_model=Page[AuditEntry],
            summary="审计日志：谁在何时读取了哪些人员的数据、做了哪些写入、被拒绝了哪些请求（查阅本身也记入审计）")
def audit(request: Request, admin: Admin, limit: Limit = 100, offset: Offset = 0,
          account: Annotated[str | None, Query(max_length=64, description="只看某账号")] = None,
          kind: Annotated[AuditKind | None, Query(description="只看某类：read / write / refused / audit")] = None
          ) -> Any:
    log = request.app.state.audit
    total, items = log.read(limit=limit, offset=offset, account=account, kind=kind.value if kind else None)
    log.audit_read(account=admin.name, role=admin.role.value, method=request.method, endpoint=request.url.path,
                   detail={"account": account, "kind": kind.value if kind else None, "limit": limit,
                           "offset": offset, "returned": len(items), "total": total,
                           "people": len({p for e in items for p in e.person_ids})})
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/users", response_model=list[Account], summary="列出账号")
def users(request: Request, _: Admin) -> list[Account]:
    return request.app.state.accounts.list()


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=64, pattern=r"^[\w.\-]+$", title="账号名")
    role: Role = Field(Role.VIEWER, title="角色（默认 viewer）")


class NewToken(BaseModel):
    name: str
    role: Role
    token: str = Field(title="令牌（只显示这一次）")
    password: str = Field(title="一次性密码（只显示这一次；首次登录须修改）")


class NewPassword(BaseModel):
    name: str
    password: str = Field(title="一次性密码（只显示这一次；首次登录须修改）")


@router.post("/users", response_model=NewToken, status_code=201, summary="新增账号，返回一次性令牌（记入审计）",
             responses={409: {"model": ErrorBody, "description": "账号已存在"}})
def add_user(body: NewUser, request: Request, admin: Admin) -> NewToken:
    password = one_time_password()
    try:
        token = request.app.state.accounts.add(body.name, body.role, password, must_change=True)
    except ValueError as exc:
        raise ApiError(409, "exists", str(exc)) from exc
    audit_write(request, admin, "user.add", {"name": body.name, "role": body.role.value, "accounts": 1})
    return NewToken(name=body.name, role=body.role, token=token, password=password)


@router.post("/users/{name}/reset-password", response_model=NewPassword,
             summary="重置账号的密码：返回新的一次性密码，首次登录须修改；结束其全部会话（记入审计）")
def reset_password(name: Annotated[str, Path(min_length=1, max_length=64)], request: Request, admin: Admin
                   ) -> NewPassword:
    password = one_time_password()
    if not request.app.state.accounts.set_password(name, password, must_change=True):
        raise ApiError(404, "not_found", f"没有名为 {name} 的账号。")
    ended = request.app.state.sessions.end_all(name)
    request.app.state.sessions.unlock(name)
    audit_write(request, admin, "user.reset_password", {"name": name, "sessions_ended": ended})
    return NewPassword(name=name, password=password)


@router.delete("/users/{name}", status_code=204, summary="吊销账号：令牌失效、会话结束、不能再登录（记入审计）")
def revoke_user(name: Annotated[str, Path(min_length=1, max_length=64)], request: Request, admin: Admin) -> None:
    if not request.app.state.accounts.revoke(name):
        raise ApiError(404, "not_found", f"没有名为 {name} 的账号。")
    request.app.state.sessions.end_all(name)
    audit_write(request, admin, "user.revoke", {"name": name, "accounts": 1})


for _route in list(router.routes):  # the same account routes under /admin (not repeated in the API docs)
    if isinstance(_route, APIRoute) and _route.path.startswith("/users"):
        router.add_api_route("/admin" + _route.path, _route.endpoint, methods=sorted(_route.methods or ()),
                             response_model=_route.response_model, status_code=_route.status_code,
                             responses=_route.responses, summary=_route.summary, include_in_schema=False)
