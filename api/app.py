"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from pydantic import BaseModel

from api import audit, errors, middleware, web
from api.audit import AuditLog
from api.auth import AccountStore, Role
from api.routers import (
    admin,
    analyses,
    console,
    entities,
    judgements,
    linkage,
    loads,
    profiles,
    queries,
    reviews,
    stats,
    workbench,
)
from api.routers import alerts as alert_routes
from api.routers import checks as check_routes
from api.routers import dashboard as dashboard_routes
from api.routers import repeat_judgements as repeat_judgement_routes
from api.routers import session as signin
from api.routers import texts as text_routes
from api.sessions import SessionStore
from graph.settings import Settings, get_settings
from graph.stores import StoreUnavailable, open_store
from loaders.ledgers.limits import read_limits


class Health(BaseModel):
    status: str
    store: str


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        try:
            app.state.store = open_store(settings)
        except StoreUnavailable:
            app.state.store = None  # serve anyway: requests answer 503 until the store is back (deps.get_store)
        app.state.accounts = AccountStore(settings.data_dir / "accounts.sqlite")
        app.state.sessions = SessionStore.from_settings(settings)  # sign-in sessions, beside the accounts
        app.state.audit = AuditLog(settings.data_dir / "audit.sqlite")
        try:
            yield
        finally:
            if app.state.store is not None:
                app.state.store.close()
            app.state.accounts.close()
            app.state.sessions.close()
            app.state.audit.close()

    app = FastAPI(title="巡察知识图谱 xuncha-graph", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="县委巡察知识图谱：单位、人员、轮次、问题、整改、线索、案件及其关联。")
    errors.install(app)
    middleware.UPLOADS.setdefault("/texts", Role.ANALYST)  # a report upload: sign-in checked before its body is read
    middleware.UPLOADS.setdefault("/loads/check", Role.ANALYST)  # a ledger to check, not load: the same guard
    middleware.install(app, read_limits(settings.data_dir))  # body limits (read_limits.json) and sign-in before an
    # upload's body; security headers
    audit.install(app)  # after the guard, so the 401s and 403s it answers are recorded too
    for module in (stats, entities, analyses, queries, loads, console, admin, reviews, linkage, profiles, workbench):
        app.include_router(module.router, responses=errors.ERROR_RESPONSES)
    app.include_router(judgements.router, responses=errors.ERROR_RESPONSES)
    app.include_router(repeat_judgement_routes.router, responses=errors.ERROR_RESPONSES)  # 重复问题判断
    for module in (dashboard_routes, alert_routes):  # 整改看板 and 预警
        app.include_router(module.router, responses=errors.ERROR_RESPONSES)
    app.include_router(text_routes.router, responses=errors.ERROR_RESPONSES)  # 报告文本 and its review queue
    app.include_router(check_routes.router, responses=errors.ERROR_RESPONSES)  # 台账检查: marked copy, nothing loaded
    app.include_router(signin.router, responses=errors.ERROR_RESPONSES)  # 登录: sign-in sessions for the pages

    @app.get("/health", response_model=Health, tags=["运行状态"], summary="健康检查（无需登录）")
    def health() -> Health:
        return Health(status="ok", store=settings.store)

    web.install(app)

    return app
