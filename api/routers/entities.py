"""Entities, neighbourhoods, paths and search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from api.delivery import deliver
from api.deps import Analyst, Store, Viewer
from api.errors import ApiError
from api.pages import Limit, Offset, Page, page
from graph.explore.name_index import name_index
from graph.model import NodeKind
from graph.queries.neighbourhood import Row as NeighbourRow
from graph.queries.search_by_name import Row as SearchRow
from graph.queries.shortest_path import Row as PathRow

router = APIRouter(tags=["实体与关系"])
EntityId = Annotated[str, Path(min_length=1, max_length=64, description="实体标识，如 unit_… / per_… / iss_…")]


class Entity(BaseModel):
    id: str
    kind: str
    label_zh: str = Field(title="类别")
    props: dict[str, Any]


@router.get("/entities/{entity_id}", response_model=Entity, summary="按标识查看一个实体的全部属性（查看员看到的人员已脱敏）")
def entity(entity_id: EntityId, store: Store, account: Viewer, request: Request) -> Any:
    rows = store.run_query("entity_by_id", {"id": entity_id})
    if not rows:
        raise ApiError(404, "not_found", f"没有标识为 {entity_id} 的实体。")
    row = rows[0]
    return deliver(request, account, {**row, "label_zh": NodeKind(row["kind"]).label_zh})


@router.get("/entities/{entity_id}/neighbourhood", response_model=Page[NeighbourRow],
            summary="某实体若干步以内的关联实体（度数过高的节点列出但不展开）")
def neighbourhood(entity_id: EntityId, store: Store, account: Viewer, request: Request, limit: Limit = 100,
                  offset: Offset = 0, depth: Annotated[int, Query(ge=1, le=3, description="步数（1–3）")] = 1,
                  fanout: Annotated[int, Query(ge=1, le=1000, description="超过此度数的节点不再展开")] = 50) -> Any:
    if store.get_node(entity_id) is None:
        raise ApiError(404, "not_found", f"没有标识为 {entity_id} 的实体。")
    rows = store.run_query("neighbourhood", {"id": entity_id, "depth": depth, "fanout": fanout, "limit": 5000})
    return deliver(request, account, page(rows, limit, offset))


class PathAnswer(BaseModel):
    found: bool
    path: PathRow | None


@router.get("/paths", response_model=PathAnswer, summary="两个实体之间的最短关联路径（不经来源文件）")
def path(store: Store, account: Analyst, request: Request,
         source: Annotated[str, Query(min_length=1, max_length=64, description="起点实体标识")],
         target: Annotated[str, Query(min_length=1, max_length=64, description="终点实体标识")],
         max_depth: Annotated[int, Query(ge=1, le=6, description="最多几步")] = 6) -> Any:
    rows = store.run_query("shortest_path", {"source": source, "target": target, "max_depth": max_depth})
    return deliver(request, account, {"found": bool(rows), "path": rows[0] if rows else None})


@router.get("/search", response_model=Page[SearchRow], summary="按名称或别名搜索实体")
def search(store: Store, account: Viewer, request: Request,
           text: Annotated[str, Query(min_length=1, max_length=64, description="名称中包含的文字")],
           kind: Annotated[NodeKind | None, Query(description="只找某类实体")] = None,
           limit: Limit = 50, offset: Offset = 0) -> Any:
    rows = name_index(store).search(text, kind.value if kind is not None else None, limit=500)
    return deliver(request, account, page(rows, limit, offset))
