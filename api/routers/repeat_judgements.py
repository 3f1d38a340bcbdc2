"""An analyst's word on cross-round repeats (analysts; every write audited): confirm, reject, link, list, undo.

The same as ``xuncha repeats confirm|reject|link|judgements|undo`` (:mod:`graph.analysis.repeat_judgements`):
judgements live in the data folder with who/when/why, each write recomputes the repeats so the graph shows it at
once, and every later recompute applies them again.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, Field

from api.audit import audit_write
from api.deps import Analyst, Store
from api.errors import ApiError
from graph.analysis import repeats
from graph.analysis.repeat_judgements import RepeatJudgement, RepeatJudgementError, RepeatJudgements, Verdict, judge, undo

router = APIRouter(tags=["重复问题判断"])
JudgementId = Annotated[str, Path(min_length=2, max_length=40, pattern=r"^[A-Za-z0-9_-]+$",
                                  description="判断编号（如 r1a2b3c4d）")]


class RepeatJudgementIn(BaseModel):
    issue_a: str = Field(min_length=1, max_length=64, title="问题甲（编号）")
    issue_b: str = Field(min_length=1, max_length=64, title="问题乙（编号）")
    verdict: Verdict = Field(title="confirm 确认 / reject 否定 / link 人工关联（方法未识别）")
    why: str | None = Field(default=None, max_length=500, title="理由")


class RepeatJudgementOut(BaseModel):
    id: str
    verdict: str
    label: str
    later: str
    earlier: str
    later_code: str | None = Field(default=None, title="后发现的问题的问题编号（图中没有时为空）")
    earlier_code: str | None = Field(default=None, title="此前的问题的问题编号")
    who: str
    at: str
    why: str | None = None
    undone_by: str | None = None
    undone_at: str | None = None
    repeats: int | None = Field(default=None, title="重新计算后的重复问题对数")

    @classmethod
    def of(cls, j: RepeatJudgement, repeats: int | None = None,
           codes: dict[str, str] | None = None) -> RepeatJudgementOut:
        codes = codes or {}
        return cls(**j.model_dump(), label=j.label, repeats=repeats, later_code=codes.get(j.later),
                   earlier_code=codes.get(j.earlier))


def _codes(store: Any, items: list[RepeatJudgement]) -> dict[str, str]:
    """The 问题编号 of the issues judged, as a clerk knows them (the judgements keep ids)."""
    ids = sorted({x for j in items for x in (j.later, j.earlier)})
    rows = store.run_query("entities_by_ids", {"ids": ids}) if ids else []
    return {r["id"]: r["props"]["code"] for r in rows if r["props"].get("code")}


def _judgements(request: Request) -> RepeatJudgements:
    try:
        return RepeatJudgements(request.app.state.settings.data_dir)
    except RepeatJudgementError as exc:
        raise ApiError(500, "judgements_unreadable", str(exc)) from exc


def _recompute(store: Any, request: Request) -> int:
    return int(repeats.recompute(store, data_dir=request.app.state.settings.data_dir)["repeats"])


@router.get("/repeats/judgements", response_model=list[RepeatJudgementOut],
            summary="重复问题的全部人工判断（含已撤销的）：谁、何时、为什么")
def list_repeat_judgements(store: Store, account: Analyst, request: Request) -> Any:
    items = _judgements(request).items
    codes = _codes(store, items)
    return [RepeatJudgementOut.of(j, codes=codes).model_dump() for j in items]


@router.post("/repeats/judgements", response_model=RepeatJudgementOut, status_code=201,
             summary="确认、否定一对重复问题，或人工关联方法未识别的两个问题；随即重新计算")
def judge_repeat(body: RepeatJudgementIn, store: Store, account: Analyst, request: Request) -> Any:
    try:
        judgement = judge(store, _judgements(request), body.verdict, body.issue_a, body.issue_b, who=account.name,
                          why=body.why)
    except RepeatJudgementError as exc:
        raise ApiError(404 if "没有编号" in str(exc) else 422, "repeat_judgement_refused", str(exc)) from exc
    count = _recompute(store, request)
    audit_write(request, account, "repeat_judgement." + judgement.verdict,
                {"judgement": judgement.id, "later": judgement.later, "earlier": judgement.earlier})
    return RepeatJudgementOut.of(judgement, count)


@router.post("/repeats/judgements/{judgement_id}/undo", response_model=RepeatJudgementOut,
             summary="撤销一条重复问题判断（记录保留，注明撤销人）；随即重新计算")
def undo_repeat_judgement(judgement_id: JudgementId, store: Store, account: Analyst, request: Request) -> Any:
    try:
        judgement = undo(_judgements(request), judgement_id, who=account.name)
    except RepeatJudgementError as exc:
        raise (ApiError(404, "not_found", str(exc)) if "没有编号" in str(exc)
               else ApiError(422, "repeat_judgement_refused", str(exc))) from exc
    count = _recompute(store, request)
    audit_write(request, account, "repeat_judgement.undo",
                {"judgement": judgement.id, "later": judgement.later, "earlier": judgement.earlier})
    return RepeatJudgementOut.of(judgement, count)
