"""一案三改 reviews: one case (analysts; as JSON or a Word report) and a batch of cases (viewers too; JSON or Excel).

Every payload leaves through ``deliver``: masked for viewers, audited when it
names people to an analyst. A Word download names the same people as the JSON
review, so it writes the same audit row before the file is sent.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request

from api.delivery import deliver
from api.deps import Analyst, Store, Viewer
from api.downloads import attachment
from api.errors import ApiError
from api.reports import case_batch_xlsx, case_review_docx
from graph.model import NodeKind
from graph.reviews.case_review import CaseNotFound, review_case, review_cases
from graph.reviews.case_review_model import CaseBatch, CaseReview
from graph.reviews.rules import RulesError, load_rules

router = APIRouter(prefix="/reviews", tags=["一案三改"])
AsOf = Annotated[date | None, Query(description="审查日期（默认今天），逾期、待反馈天数按此日计算")]
Day = Annotated[date | None, Query()]


def _rules(request: Request) -> dict[str, Any]:
    try:
        return load_rules("case_review", request.app.state.settings.data_dir)
    except RulesError as exc:
        raise ApiError(500, "rules_invalid", f"一案三改判定规则设置有误：{exc}") from exc


@router.get("/cases/{ref}", response_model=CaseReview,
            responses={200: {"content": {case_review_docx.MEDIA_TYPE: {}},
                             "description": "审查结果；format=docx 时为 Word 审查报告"}},
            summary="单个案件的一案三改审查：四个方面的状态、差距及证据出处（format=docx 下载 Word 报告）")
def review_one(store: Store, account: Analyst, request: Request,
               ref: Annotated[str, Path(min_length=1, max_length=100,
                                        description="案件 id 或编号；也可以是引出该案的问题线索、问题的 id 或编号")],
               as_of: AsOf = None,
               format: Annotated[Literal["json", "docx"], Query(description="json 或 docx（Word 审查报告）")] = "json"
               ) -> Any:
    try:
        review = review_case(store, ref, as_of=as_of, rules=_rules(request))
    except CaseNotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from exc
    delivered = deliver(request, account, review)  # the audit row for the people the review names
    if format == "json":
        return delivered
    return attachment(case_review_docx.render(review), case_review_docx.MEDIA_TYPE, case_review_docx.file_name(review),
                       f"case-review-{review.case_id}.docx")


@router.get("/cases", response_model=CaseBatch,
            responses={200: {"content": {case_batch_xlsx.MEDIA_TYPE: {}},
                             "description": "审查汇总；format=xlsx 时为 Excel 汇总表"}},
            summary="一轮巡察或一段时间内全部案件的一案三改审查汇总（format=xlsx 下载 Excel）")
def review_many(store: Store, account: Viewer, request: Request,
                round_id: Annotated[str | None, Query(max_length=64, description="巡察轮次 id")] = None,
                opened_from: Annotated[date | None, Query(description="立案日期起")] = None,
                opened_to: Annotated[date | None, Query(description="立案日期止")] = None,
                as_of: AsOf = None,
                format: Annotated[Literal["json", "xlsx"], Query(description="json 或 xlsx（Excel 汇总表）")] = "json"
                ) -> Any:
    if opened_from and opened_to and opened_from > opened_to:
        raise ApiError(422, "invalid_request", "立案日期起（opened_from）不能晚于立案日期止（opened_to）。")
    found = store.get_node(round_id) if round_id else None
    if round_id and (found is None or found.kind is not NodeKind.ROUND):
        raise ApiError(404, "not_found", f"没有 id 为“{round_id}”的巡察轮次。")
    try:
        batch = review_cases(store, round_id=round_id, opened_from=opened_from, opened_to=opened_to, as_of=as_of,
                             rules=_rules(request))
    except LookupError as exc:
        raise ApiError(404, "not_found", str(exc)) from exc
    delivered = deliver(request, account, batch)
    if format == "json":
        return delivered
    shown = CaseBatch.model_validate(delivered)  # the workbook shows exactly what the JSON shows this account
    return attachment(case_batch_xlsx.render(shown), case_batch_xlsx.MEDIA_TYPE, case_batch_xlsx.file_name(shown),
                       f"case-reviews-{shown.as_of.isoformat()}.xlsx")
