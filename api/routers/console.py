"""The read-only Cypher console for analysts (Neo4j store only).

Two locks (see :mod:`graph.console`): the text guard here, then Neo4j's own
plan of the query, judged in the store before a single row is read. Every
answer that may name people is written to the audit log.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from api.auth import Account
from api.delivery import person_ids
from api.deps import Analyst, Store
from api.errors import ApiError, ErrorBody
from graph.console import ConsoleLimits, ConsoleRefused, ConsoleRequest, ConsoleResult, check_read_only
from graph.stores.base import StoreError, StoreUnavailable

router = APIRouter(tags=["Cypher 控制台"])

AUDIT_QUERY_CHARS = 2000  # the console text kept in the audit row


def limits_from(settings: Any) -> ConsoleLimits:
    """The default limits, with any ``console_max_rows`` / ``console_max_bytes`` / ``console_timeout_s`` set."""
    overrides = {name: getattr(settings, f"console_{name}", None) for name in ConsoleLimits.model_fields}
    return ConsoleLimits(**{k: v for k, v in overrides.items() if v is not None})


@router.post("/cypher", response_model=ConsoleResult,
             summary="只读 Cypher 控制台：先由 Neo4j 给出执行计划，只执行由读取操作组成的查询；"
                     "有超时、行数和字节数上限；涉及人员的结果记入审计日志",
             responses={403: {"model": ErrorBody, "description": "查询含写操作、管理命令、LOAD CSV 或未允许的过程"},
                        409: {"model": ErrorBody, "description": "当前为嵌入式存储，不支持 Cypher（不是服务器故障）"}})
def console(body: ConsoleRequest, store: Store, account: Analyst, request: Request) -> Any:
    runner = getattr(store, "run_read_only", None)
    if runner is None:
        raise ApiError(409, "console_unavailable",
                       "当前使用本地嵌入式存储（networkx），它不执行 Cypher。请改用“命名查询”接口（/queries），"
                       "或设置 XUNCHA_STORE=neo4j 连接 Neo4j 后再使用控制台。")
    try:
        check_read_only(body.query)
        answer = runner(body.query, body.params, limit=body.limit,
                        limits=limits_from(getattr(request.app.state, "settings", None)))
    except ConsoleRefused as exc:
        raise ApiError(403, "write_refused", str(exc)) from exc
    except StoreUnavailable:
        raise
    except StoreError as exc:
        raise ApiError(400, "query_failed", str(exc)) from exc
    data = {"columns": answer.columns, "rows": answer.rows, "truncated": answer.truncated, "note": answer.note}
    _audit(request, account, body.query, data, may_name_people=answer.names_people and bool(answer.rows))
    return data  # analysts and admins only (the Analyst dependency): people whole, and audited


def _audit(request: Request, account: Account, query: str, data: dict[str, Any], *, may_name_people: bool) -> None:
    """One audit row per answer that names people: the person ids it holds, and the query that was run.

    Ids alone would miss ``RETURN p.name, p.id_hash``; so an answer whose plan reached people (a person
    label, or nodes of any label) is recorded too, with the query text standing for what it returned.
    """
    people = person_ids(data)
    if not people and not may_name_people:
        return
    request.app.state.audit.record(account=account.name, role=account.role.value, method=request.method,
                                   endpoint=request.url.path, person_ids=sorted(people),
                                   query=query[:AUDIT_QUERY_CHARS])
