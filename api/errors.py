"""One error shape for the whole API: a code and a Chinese sentence (and, for loads, the report)."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.reviews.rules import RulesError
from graph.stores.base import StoreError, StoreUnavailable

log = logging.getLogger("xuncha.api")
STATUS_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 413: "too_large", 422: "invalid_request"}
STATUS_ZH = {400: "请求有误。", 401: "请先登录。", 403: "无权访问。", 404: "没有这个地址。", 405: "不支持这种请求方法。",
             413: "请求过大。"}


class ErrorBody(BaseModel):
    code: str
    message: str
    detail: Any | None = None


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, *, detail: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


# Documented on every route, so the OpenAPI schema says what an error looks like (and schemathesis checks it).
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in ((400, "请求有误"), (401, "未登录或令牌无效"), (403, "角色无权访问"), (404, "不存在"),
                         (422, "参数或数据有误（中文说明及出错位置）"), (503, "存储暂时不可用，恢复后无需重启即可继续"))}


def validation_message(errors: Sequence[Any]) -> str:
    """FastAPI/pydantic validation errors as one Chinese sentence naming the fields."""
    parts = []
    for e in errors[:5]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"“{where or '请求'}”{'缺少' if e.get('type') == 'missing' else '不符合要求'}")
    return "请求参数有误：" + "；".join(parts) + "。"


def _json(status: int, code: str, message: str, detail: Any = None, headers: Mapping[str, str] | None = None
          ) -> JSONResponse:
    body = ErrorBody(code=code, message=message, detail=detail).model_dump(exclude_none=True)
    return JSONResponse(body, status, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return _json(exc.status, exc.code, exc.message, exc.detail, headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": [str(x) for x in e.get("loc", ())], "type": e.get("type")} for e in exc.errors()]
        return _json(422, "invalid_request", validation_message(exc.errors()), errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = STATUS_CODES.get(exc.status_code, "error")
        return _json(exc.status_code, code, STATUS_ZH.get(exc.status_code, "请求未能完成。"), headers=exc.headers)

    @app.exception_handler(StoreUnavailable)
    async def _unavailable(_: Request, exc: StoreUnavailable) -> JSONResponse:
        return _json(503, "store_unavailable", str(exc), headers={"Retry-After": "5"})

    @app.exception_handler(StoreError)
    async def _store(_: Request, exc: StoreError) -> JSONResponse:
        log.error("store error: %s", type(exc).__name__)
        return _json(500, "store_error", str(exc))

    @app.exception_handler(RulesError)
    async def _settings(_: Request, exc: RulesError) -> JSONResponse:
        """A county's settings file that cannot be used: said as it is (which file, which item), not as an
        unexpected error, wherever it is first read."""
        return _json(500, "settings_error", str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")  # stack trace at error level; no request data
        return _json(500, "internal_error", "服务器内部错误，已记录；请稍后重试或联系管理员。")
