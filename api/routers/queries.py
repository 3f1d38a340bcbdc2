"""Every named query, by name, with its own parameter model (analysts)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Request
from pydantic import BaseModel, ValidationError

from api.delivery import deliver
from api.deps import Analyst, Store
from api.errors import ApiError, validation_message
from api.pages import Limit, Offset, Page, page
from graph.queries.registry import UnknownQuery, all_queries, get

router = APIRouter(tags=["命名查询"])


class QueryInfo(BaseModel):
    name: str
    description: str
    params: dict[str, Any]


@router.get("/queries", response_model=list[QueryInfo], summary="列出全部命名查询及其参数")
def list_queries(_: Analyst) -> list[QueryInfo]:
    return [QueryInfo(name=q.name, description=q.description, params=q.params.model_json_schema())
            for q in all_queries().values()]


@router.post("/queries/{name}", response_model=Page[dict[str, Any]], summary="按名称运行命名查询（参数放在请求体中）")
def run_query(name: str, store: Store, account: Analyst, request: Request, limit: Limit = 100, offset: Offset = 0,
              params: dict[str, Any] = Body(default_factory=dict, description="查询参数")) -> Any:  # noqa: B008
    try:
        query = get(name)
        query.bind(params)
    except UnknownQuery as exc:
        raise ApiError(404, "not_found", f"没有名为 {name} 的命名查询。") from exc
    except ValidationError as exc:
        raise ApiError(422, "invalid_params", validation_message(exc.errors())) from exc
    return deliver(request, account, page(store.run_query(name, params), limit, offset))
