"""巡前画像: ``GET /profiles/{unit_id}`` the profile of a village or any unit (analysts: it names the people; audited;
``format=docx`` for the Word document) and ``GET /profiles`` the ranking of the villages of a township, of a
county or of a list (viewers: scores, classes and factors, people masked; ``format=xlsx`` for the workbook).
``/reviews/villages/{unit_id}`` and ``/reviews/villages`` are the same endpoints under their first names.

Payloads leave through ``deliver``: an analyst's read of a profile writes an audit row, a viewer sees any name
masked.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import StringConstraints

from api.delivery import deliver
from api.deps import Analyst, Store, Viewer
from api.downloads import attachment
from api.errors import ApiError
from api.profile_subject import resolve, resolve_many
from api.reports import village_profile_docx, village_ranking_xlsx
from graph.reviews.rules import RulesError
from graph.reviews.village_profile import ProfileNotFound, profile_unit, rank_villages
from graph.reviews.village_profile_model import VillageProfile, VillageRanking
from graph.reviews.village_resolve import ProfileAmbiguous

router = APIRouter(tags=["巡前画像"])
AsOf = Annotated[date | None, Query(description="截至日期（默认今天），各项风险因素按此日计算")]
Name = Annotated[str | None, Query(min_length=1, max_length=64)]


def _refused(exc: Exception) -> ApiError:
    if isinstance(exc, ProfileAmbiguous):
        return ApiError(422, "ambiguous_name", str(exc))
    if isinstance(exc, ProfileNotFound):
        return ApiError(404, "not_found", str(exc))
    return ApiError(500, "rules_invalid", f"巡前画像设置有误：{exc}")


@router.get("/profiles", response_model=VillageRanking,
            responses={200: {"content": {village_ranking_xlsx.MEDIA_TYPE: {}},
                             "description": "排名；format=xlsx 时为 Excel 工作簿（每村一行、每个风险因素一列）"}},
            summary="村情风险排名：一个乡镇、一个县或指定的若干村按风险分排序，附主要风险因素和各类村数")
@router.get("/reviews/villages", response_model=VillageRanking, include_in_schema=False)
def ranking(store: Store, account: Viewer, request: Request,
            township: Annotated[str | None, Query(min_length=1, max_length=64,
                                                  description="乡镇（街道）名称或 id")] = None,
            township_id: Annotated[str | None, Query(min_length=1, max_length=64,
                                                     description="乡镇（街道）id（同 township）")] = None,
            county: Name = None,
            villages: Annotated[list[Annotated[str, StringConstraints(min_length=1, max_length=64)]] | None,
                                Query(max_length=2000, description=(
                "只排这些村：id 或名称，可重复（同名村写“乡镇/村”，或同时给 township）"))] = None,
            as_of: AsOf = None,
            format: Annotated[Literal["json", "xlsx"], Query(description="json 或 xlsx")] = "json") -> Any:
    settings = request.app.state.settings
    town = township or township_id
    try:
        if villages:
            ids = resolve_many(store, villages, town, kind="village", alias_table=settings.alias_table)
            result = rank_villages(store, villages=ids, as_of=as_of, data_dir=settings.data_dir)
        else:
            tid = resolve(store, town, kind="township", alias_table=settings.alias_table) if town else None
            result = rank_villages(store, township_id=tid, county=county, as_of=as_of, data_dir=settings.data_dir)
    except (ProfileNotFound, RulesError) as exc:
        raise _refused(exc) from exc
    delivered = deliver(request, account, result)
    if format == "json":
        return delivered
    shown = VillageRanking.model_validate(delivered)
    name = village_ranking_xlsx.file_name(shown)
    return attachment(village_ranking_xlsx.render(shown), village_ranking_xlsx.MEDIA_TYPE, name, "village-ranking.xlsx")


@router.get("/profiles/{unit_id}", response_model=VillageProfile,
            responses={200: {"content": {village_profile_docx.MEDIA_TYPE: {}},
                             "description": "巡前画像；format=docx 时为 Word 文档（交巡察组带到现场）"}},
            summary="巡前画像：一个村（或乡镇、县直单位等）的基本情况、班子及任职、历轮问题、信访、项目、补贴、线索、"
                    "亲属关联、其他监督发现和逐项列明的风险分，每项注明来源")
@router.get("/reviews/villages/{unit_id}", response_model=VillageProfile, include_in_schema=False)
def profile(store: Store, account: Analyst, request: Request,
            unit_id: Annotated[str, Path(min_length=1, max_length=64, description="单位 id 或名称")],
            township: Annotated[str | None, Query(min_length=1, max_length=64,
                                                  description="所属乡镇（区分同名村）")] = None,
            as_of: AsOf = None,
            format: Annotated[Literal["json", "docx"], Query(description="json 或 docx")] = "json") -> Any:
    settings = request.app.state.settings
    try:
        uid = resolve(store, unit_id, township, alias_table=settings.alias_table)
        result = profile_unit(store, uid, as_of=as_of, data_dir=settings.data_dir)
    except (ProfileNotFound, RulesError) as exc:
        raise _refused(exc) from exc
    delivered = deliver(request, account, result)
    if format == "json":
        return delivered
    shown = VillageProfile.model_validate(delivered)
    name = village_profile_docx.file_name(shown)
    return attachment(village_profile_docx.render(shown), village_profile_docx.MEDIA_TYPE, name,
                      f"profile-{shown.unit_id}.docx")
