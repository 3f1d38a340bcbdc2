"""One error shape for the whole API: a code and a Chinese sentence."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from graph.stores.base import StoreError, StoreUnavailable


class ErrorBody(BaseModel):
    code: str
    message: str


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(ErrorBody(code=exc.code, message=exc.message).model_dump(), exc.status, headers=headers)

    @app.exception_handler(StoreUnavailable)
    async def _unavailable(_: Request, exc: StoreUnavailable) -> JSONResponse:
        return JSONResponse(ErrorBody(code="store_unavailable", message=str(exc)).model_dump(), 503)

    @app.exception_handler(StoreError)
    async def _store(_: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse(ErrorBody(code="store_error", message=str(exc)).model_dump(), 500)
