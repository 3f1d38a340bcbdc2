"""贯通联动 review of a unit, a person or a round (JSON, an Excel workbook or a Word review).

A unit or person is named by id or by name (see ``api.linkage_subject``); a name
that fits several is refused with the candidates listed. Analysts and admins get
the whole review; a viewer gets the figures only (``LinkageFigures``), people
masked. The payload leaves through ``deliver``: a review names people, so an
analyst's read writes an audit row; the workbook and the Word review are built
from what the JSON showed.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import Field

from api.auth import Role
from api.delivery import deliver
from api.deps import Store, Viewer
from api.downloads import attachment
from api.errors import ApiError
from api.linkage_subject import SubjectAmbiguous, SubjectNotFound, resolve_subject
from api.reports import linkage_docx, linkage_xlsx
from graph.reviews.linkage import LinkageNotFound, review_linkage
from graph.reviews.linkage_model import LinkageFigures, LinkageReview
from graph.reviews.rules import RulesError, load_rules

router = APIRouter(prefix="/reviews", tags=["贯通联动"])
Id = Annotated[str | None, Query(min_length=1, max_length=64)]
Shown = Annotated[LinkageReview | LinkageFigures, Field(union_mode="left_to_right")]


def _subject(request: Request, store: Any, account: Any, unit: str | None, person: str | None
             ) -> tuple[str | None, str | None]:
    try:
        return resolve_subject(store, unit=unit, person=person, alias_table=request.app.state.settings.alias_table)
    except SubjectNotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from exc
    except SubjectAmbiguous as exc:
        message = str(exc)
        if account.role is Role.VIEWER and person is not None:  # a viewer is not shown who the namesakes are
            message = f"有{len(exc.candidates)}名人员名为“{person.strip()}”，无法确定是哪一位；请改用人员 id。"
        raise ApiError(422, "ambiguous_name", message,
                       detail=None if account.role is Role.VIEWER and person is not None else
                       [{"id": cid, "label": label} for cid, label in exc.candidates]) from exc


@router.get("/linkage", response_model=Shown,
            responses={200: {"content": {linkage_xlsx.MEDIA_TYPE: {}, linkage_docx.MEDIA_TYPE: {}},
                             "description": "审查结果（查看者只见联动成效数字）；format=xlsx 时为 Excel 工作簿"
                                            "（每项数字背后的记录），format=docx 时为 Word 审查报告"}},
            summary="贯通联动审查：一个单位、一名人员或一轮巡察的各渠道发现、重合、移交链条、卡滞、应移交未移交和联动成效")
def review(store: Store, account: Viewer, request: Request,
           unit_id: Annotated[str | None, Query(min_length=1, max_length=64, description="单位 id 或名称")] = None,
           person_id: Annotated[str | None, Query(min_length=1, max_length=64, description="人员 id 或姓名")] = None,
           round_id: Id = None,
           date_from: Annotated[date | None, Query(description="发现日期起")] = None,
           date_to: Annotated[date | None, Query(description="发现日期止")] = None,
           as_of: Annotated[date | None, Query(description="审查日期（默认今天），卡滞天数按此日计算")] = None,
           format: Annotated[Literal["json", "xlsx", "docx"], Query(description="json、xlsx 或 docx")] = "json") -> Any:
    if sum(x is not None for x in (unit_id, person_id, round_id)) != 1:
        raise ApiError(422, "invalid_request", "请指定且只指定 unit_id、person_id、round_id 中的一个。")
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, "invalid_request", "发现日期起（date_from）不能晚于发现日期止（date_to）。")
    viewer = account.role is Role.VIEWER
    if viewer and format != "json":
        raise ApiError(403, "forbidden", "查看者只能查看联动成效数字；导出 Excel 或 Word 需分析员及以上角色。")
    try:
        rules = load_rules("linkage", request.app.state.settings.data_dir)
    except RulesError as exc:
        raise ApiError(500, "rules_invalid", f"贯通联动判定规则设置有误：{exc}") from exc
    unit_id, person_id = _subject(request, store, account, unit_id, person_id)
    try:
        result = review_linkage(store, unit_id=unit_id, person_id=person_id, round_id=round_id,
                                date_from=date_from, date_to=date_to, as_of=as_of, rules=rules)
    except LinkageNotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from exc
    delivered = deliver(request, account, LinkageFigures.of(result) if viewer else result)
    if format == "json":
        return delivered
    shown = LinkageReview.model_validate(delivered)  # the download names what the audited JSON named
    if format == "docx":
        content, media, name = (linkage_docx.render(shown, linkage_docx.sources(store, shown)),
                                linkage_docx.MEDIA_TYPE, linkage_docx.file_name(shown))
    else:
        content, media, name = linkage_xlsx.render(shown), linkage_xlsx.MEDIA_TYPE, linkage_xlsx.file_name(shown)
    return attachment(content, media, name, f"linkage-{shown.subject_id}.{format}")
