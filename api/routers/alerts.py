"""Saved alerts (预警): analysts save and run their own alerts and act on their hits; admins see and act on all.

Viewers see the dashboard's figures only, not alerts. Every change (save, remove, run, acknowledge, dismiss) is audited,
and hits leave through ``deliver``: a summary quoting an issue's text may name someone, and such a read is audited.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from api.audit import audit_write
from api.auth import Role
from api.delivery import deliver
from api.deps import Analyst, Store
from api.errors import ApiError, ErrorBody
from api.masking import matcher_for
from api.pages import SQLITE_MAX, Offset, RowId
from graph.alerts.model import Alert, AlertIn, Hit, HitState, RunResult
from graph.alerts.run import alert_store, check, run_alerts, with_gone
from graph.alerts.store import AlertError, AlertNotFound, AlertStore

router = APIRouter(tags=["预警"])


class HitPage(BaseModel):
    items: list[Hit]
    total: int
    limit: int
    offset: int


class HitNote(BaseModel):
    note: str | None = Field(default=None, max_length=500, title="备注")


def _alerts(request: Request) -> AlertStore:
    return alert_store(request.app.state.settings.data_dir)


def _owner(account: Any) -> str | None:
    """Whose alerts an account sees: an admin everyone's, an analyst their own."""
    return None if account.role is Role.ADMIN else account.name


@router.get("/alerts", response_model=list[Alert], summary="预警列表（分析员只见自己的，管理员见全部）")
def list_alerts(account: Analyst, request: Request) -> Any:
    return _alerts(request).alerts(_owner(account))


@router.post("/alerts", response_model=Alert, status_code=201,
             summary="保存一个预警：命名查询或分析（乡镇复发、亲属领取补贴、线索超期未处置、同类问题未发函）及参数和阈值")
def add_alert(body: AlertIn, account: Analyst, request: Request) -> Any:
    try:
        check(body)
    except AlertError as exc:
        raise ApiError(422, "invalid_request", str(exc)) from exc
    saved = _alerts(request).add(body, account.name)
    audit_write(request, account, "alert.add", {"alert_id": saved.id, "kind": saved.kind.value, "alerts": 1})
    return saved


@router.delete("/alerts/{alert_id}", response_model=Alert, responses={404: {"model": ErrorBody}},
               summary="删除一个预警及其全部命中（分析员删自己的，管理员可删任何人的）")
def remove_alert(alert_id: RowId, account: Analyst, request: Request) -> Any:
    store = _alerts(request)
    try:
        alert = store.get(alert_id)
        if _owner(account) is not None and alert.owner != account.name:
            raise AlertNotFound(f"没有编号为 {alert_id} 的预警。")  # another analyst's alert is not shown to exist
        removed, hits = store.remove(alert_id)
    except AlertNotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from exc
    audit_write(request, account, "alert.remove", {"alert_id": alert_id, "alerts": 1, "hits": hits})
    return removed


@router.post("/alerts/run", response_model=RunResult, summary="立即运行预警（分析员运行自己的，管理员运行全部），返回新命中")
def run(store: Store, account: Analyst, request: Request) -> Any:
    result = run_alerts(store, _alerts(request), owner=_owner(account), data_dir=request.app.state.settings.data_dir)
    audit_write(request, account, "alert.run", {"alerts": result.alerts, "new_hits": len(result.new)})
    return deliver(request, account, result)


@router.get("/alerts/hits", response_model=HitPage, summary="预警命中（可按状态、预警筛选；分页）")
def hits(graph: Store, account: Analyst, request: Request,
         state: Annotated[HitState | None, Query(description="new / acknowledged / dismissed")] = None,
         alert_id: Annotated[int | None, Query(ge=1, le=SQLITE_MAX)] = None,
         limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Offset = 0) -> Any:
    items, total = _alerts(request).hits(owner=_owner(account), state=state, alert_id=alert_id, limit=limit,
                                         offset=offset)
    return deliver(request, account, HitPage(items=with_gone(graph, items), total=total, limit=limit, offset=offset))


def _act(request: Request, graph: Any, account: Any, hit_id: int, state: HitState, body: HitNote | None) -> Hit:
    """Change a hit's state, once the graph its answer is read against answers (else 503, nothing changed); the hit
    as changed, with the records it names that the graph no longer holds."""
    matcher_for(graph)
    store = _alerts(request)
    try:
        hit = store.hit(hit_id)
        if _owner(account) is not None and hit.owner != account.name:
            raise AlertNotFound(f"没有编号为 {hit_id} 的预警命中。")  # another analyst's hit is not shown to exist
        changed = store.set_state(hit_id, state, actor=account.name, note=body.note if body else None)
    except AlertNotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from exc
    except AlertError as exc:
        raise ApiError(409, "conflict", str(exc)) from exc
    audit_write(request, account, f"alert.{state.value}", {"hit_id": hit_id, "hits": 1})
    return with_gone(graph, [changed])[0]


DECIDED: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorBody, "description": "这条命中已被处理（已忽略的不能再确认）"}}


@router.post("/alerts/hits/{hit_id}/ack", response_model=Hit, summary="确认一条预警命中（可附备注）", responses=DECIDED)
def ack(hit_id: RowId, graph: Store, account: Analyst, request: Request, body: HitNote | None = None) -> Any:
    return deliver(request, account, _act(request, graph, account, hit_id, HitState.ACKNOWLEDGED, body))


@router.post("/alerts/hits/{hit_id}/dismiss", response_model=Hit, summary="忽略一条预警命中（可附备注）；此后不再提醒",
             responses=DECIDED)
def dismiss(hit_id: RowId, graph: Store, account: Analyst, request: Request, body: HitNote | None = None) -> Any:
    return deliver(request, account, _act(request, graph, account, hit_id, HitState.DISMISSED, body))
