"""巡前画像: the profile of one village (analysts: it names the 村两委) and the village ranking (viewers: scores,
classes and factors, no names; ``format=xlsx`` for the workbook).

Payloads leave through ``deliver``: an analyst's read of a profile writes an audit row, a viewer sees any name
masked.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request

from api.delivery import deliver
from api.deps import Analyst, Store, Viewer
from api.downloads import attachment
from api.errors import ApiError
from api.reports import village_profile_docx, village_ranking_xlsx
from graph.reviews.rules import RulesError
from graph.reviews.village_profile import ProfileNotFound, profile_village, rank_villages
from graph.reviews.village_profile_model import VillageProfile, VillageRanking

router = APIRouter(prefix="/reviews", tags=["巡前画像"])
AsOf = Annotated[date | None, Query(description="截至日期（默认今天），各项风险因素按此日计算")]


def _invalid(exc: RulesError) -> ApiError:
    return ApiError(500, "rules_invalid", f"巡前画像设置有误：{exc}")


@router.get("/villages", response_model=VillageRanking,
            responses={200: {"content": {village_ranking_xlsx.MEDIA_TYPE: {}},
                             "description": "排名；format=xlsx 时为 Excel 工作簿（每村一行、每个风险因素一列）"}},
            summary="村情风险排名：一个乡镇或全县的村按风险分排序，附主要风险因素和各类村数")
def ranking(store: Store, account: Viewer, request: Request,
            township_id: Annotated[str | None, Query(max_length=64, description="乡镇（街道）id")] = None,
            county: Annotated[str | None, Query(max_length=64, description="县（市、区）名称")] = None,
            as_of: AsOf = None,
            format: Annotated[Literal["json", "xlsx"], Query(description="json 或 xlsx")] = "json") -> Any:
    try:
        result = rank_villages(store, township_id=township_id, county=county, as_of=as_of,
                               data_dir=request.app.state.settings.data_dir)
    except ProfileNotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from exc
    except RulesError as exc:
        raise _invalid(exc) from exc
    delivered = deliver(request, account, result)
    if format == "json":
        return delivered
    shown = VillageRanking.model_validate(delivered)
    name = village_ranking_xlsx.file_name(shown)
    return attachment(village_ranking_xlsx.render(shown), village_ranking_xlsx.MEDIA_TYPE, name, "village-ranking.xlsx")


@router.get("/villages/{unit_id}", response_model=VillageProfile,
            responses={200: {"content": {village_profile_docx.MEDIA_TYPE: {}},
                             "description": "巡前画像；format=docx 时为 Word 文档（交巡察组带到现场）"}},
            summary="巡前画像：一个村的村情、村两委、历轮问题、信访、项目、补贴、线索、亲属关联和逐项列明的风险分")
def profile(store: Store, account: Analyst, request: Request,
            unit_id: Annotated[str, Path(max_length=64)], as_of: AsOf = None,
            format: Annotated[Literal["json", "docx"], Query(description="json 或 docx")] = "json") -> Any:
    try:
        result = profile_village(store, unit_id, as_of=as_of, data_dir=request.app.state.settings.data_dir)
    except ProfileNotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from exc
    except RulesError as exc:
        raise _invalid(exc) from exc
    delivered = deliver(request, account, result)
    if format == "json":
        return delivered
    shown = VillageProfile.model_validate(delivered)
    name = village_profile_docx.file_name(shown)
    return attachment(village_profile_docx.render(shown), village_profile_docx.MEDIA_TYPE, name,
                      f"village-{shown.unit_id}.docx")
