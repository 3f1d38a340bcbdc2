"""Pagination: every list comes back as a page with the total, so a client can walk it."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from fastapi import Path, Query
from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(title="总数")
    limit: int = Field(title="每页条数")
    offset: int = Field(title="起始位置")


Limit = Annotated[int, Query(ge=1, le=1000, description="每页条数（1–1000）")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="起始位置（从 0 开始）")]
SQLITE_MAX = 2**63 - 1  # a row number SQLite can hold: a larger one is refused with 422, not a server error
RowId = Annotated[int, Path(ge=1, le=SQLITE_MAX, description="编号")]


def page(items: list, limit: int, offset: int) -> dict:
    return {"items": items[offset:offset + limit], "total": len(items), "limit": limit, "offset": offset}
