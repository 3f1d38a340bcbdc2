"""The read-only Cypher console for analysts (Neo4j store only)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.delivery import deliver
from api.deps import Analyst, Store
from api.errors import ApiError, ErrorBody
from graph.console import ConsoleRefused, ConsoleRequest, ConsoleResult, check_read_only
from graph.stores.base import StoreError, StoreUnavailable

router = APIRouter(tags=["Cypher 控制台"])


@router.post("/cypher", response_model=ConsoleResult,
             summary="只读 Cypher 控制台：在只读事务中运行，有超时和行数上限；写操作一律拒绝",
             responses={409: {"model": ErrorBody, "description": "当前为嵌入式存储，不支持 Cypher（不是服务器故障）"}})
def console(body: ConsoleRequest, store: Store, account: Analyst, request: Request) -> Any:
    runner = getattr(store, "run_read_only", None)
    if runner is None:
        raise ApiError(409, "console_unavailable",
                       "当前使用本地嵌入式存储（networkx），它不执行 Cypher。请改用“命名查询”接口（/queries），"
                       "或设置 XUNCHA_STORE=neo4j 连接 Neo4j 后再使用控制台。")
    try:
        check_read_only(body.query)
    except ConsoleRefused as exc:
        raise ApiError(403, "write_refused", str(exc)) from exc
    try:
        columns, rows, truncated = runner(body.query, body.params, limit=body.limit)
    except StoreUnavailable:
        raise
    except StoreError as exc:
        raise ApiError(400, "query_failed", str(exc)) from exc
    return deliver(request, account, {"columns": columns, "rows": rows, "truncated": truncated})
