"""整改看板 (rectification dashboard): figures for viewers and up, Excel and Word downloads for analysts and up.

The payload leaves through ``deliver``: a viewer gets it with people masked (task owners, names in issue text);
an analyst's read that names people writes an audit row. The downloads are built from what the JSON showed.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from api.auth import Role
from api.delivery import deliver, deliver_kept
from api.deps import Analyst, Store, Viewer
from api.downloads import attachment
from api.errors import ApiError
from api.reports import dashboard_docx, dashboard_xlsx
from graph.reviews.dashboard import DashboardError, kept_dashboard, parse_rounds
from graph.reviews.dashboard_model import Dashboard
from graph.reviews.rules import RulesError

router = APIRouter(tags=["整改看板"])
RoundsQuery = Annotated[str | None, Query(max_length=200, description="轮次范围：按进驻先后排的第几轮，如 1-4（前四轮）"
                                                                     "或 1,3,5；不填为全部轮次")]
TodayQuery = Annotated[date | None, Query(description="统计日期（默认今天），逾期天数按此日计算")]
CountyQuery = Annotated[str | None, Query(max_length=50, description="只统计这个县（市、区）的轮次；"
                                                                    "数据含多个县时按第几轮统计须指明")]


def _dashboard(request: Request, store: Any, rounds: str | None, today: date | None, county: str | None) -> Dashboard:
    """Kept per graph version, day, range and settings file (graph.reviews.dashboard.kept_dashboard)."""
    try:
        return kept_dashboard(store, parse_rounds(rounds), today, county=county,
                              data_dir=request.app.state.settings.data_dir)
    except DashboardError as exc:
        raise ApiError(422, "invalid_request", str(exc)) from exc
    except RulesError as exc:
        raise ApiError(500, "rules_invalid", f"整改看板设置有误：{exc}") from exc


@router.get("/dashboard", response_model=Dashboard,
            summary="整改看板：分轮次、单位、类别、乡镇的整改率和任务完成率，逾期任务（按严重程度）、整改后复发、"
                    "未反馈的建议函、未处置的线索、各轮趋势；每个数字附背后的记录 id")
def show(store: Store, account: Viewer, request: Request, rounds: RoundsQuery = None, today: TodayQuery = None,
         county: CountyQuery = None) -> Any:
    found = _dashboard(request, store, rounds, today, county)  # kept per graph version: its body is made once
    return deliver_kept(request, account, found, Dashboard, f"dashboard:{rounds}:{county}:{today or date.today()}")


def _shown(request: Request, store: Any, account: Any, rounds: str | None, today: date | None,
           county: str | None) -> Dashboard:
    if account.role is Role.VIEWER:  # Analyst already refused viewers; kept for clarity of intent
        raise ApiError(403, "forbidden", "查看者只能查看看板数字；导出需分析员及以上角色。")
    return Dashboard.model_validate(deliver(request, account, _dashboard(request, store, rounds, today, county)))


@router.get("/dashboard.xlsx", summary="整改看板 Excel（每个分组一个工作表，附背后的记录）",
            responses={200: {"content": {dashboard_xlsx.MEDIA_TYPE: {}}, "description": "Excel 工作簿"}})
def workbook(store: Store, account: Analyst, request: Request, rounds: RoundsQuery = None,
             today: TodayQuery = None, county: CountyQuery = None) -> Any:
    d = _shown(request, store, account, rounds, today, county)
    return attachment(dashboard_xlsx.render(d), dashboard_xlsx.MEDIA_TYPE, dashboard_xlsx.file_name(d), "dashboard.xlsx")


@router.get("/dashboard.docx", summary="整改情况一页 Word 报告（公文格式）",
            responses={200: {"content": {dashboard_docx.MEDIA_TYPE: {}}, "description": "Word 文档"}})
def summary(store: Store, account: Analyst, request: Request, rounds: RoundsQuery = None,
            today: TodayQuery = None, county: CountyQuery = None) -> Any:
    d = _shown(request, store, account, rounds, today, county)
    return attachment(dashboard_docx.render(d), dashboard_docx.MEDIA_TYPE, dashboard_docx.file_name(d), "dashboard.docx")
