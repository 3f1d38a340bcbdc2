"""Judgements on who is who (analysts): namesakes pending a person's judgement, confirm / refuse a pair, undo.

The same as ``xuncha people …`` (:mod:`loaders.judgements`): judgements live in the data folder, every later load
re-applies them, and every one written or undone here is an audit row; lists that name people are audited reads.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BaseModel, Field

from api.audit import audit_write
from api.delivery import deliver
from api.deps import Analyst, Store
from api.errors import ApiError
from loaders.judgements import Judgement, JudgementError, Judgements, confirm, refuse, undo
from loaders.namesakes import Pair, pending_namesakes

router = APIRouter(tags=["人员与单位判断"])
JudgementId = Annotated[str, Path(min_length=2, max_length=40, pattern=r"^[A-Za-z0-9_-]+$",
                                  description="判断编号（如 j1a2b3c4d）")]


class JudgementIn(BaseModel):
    a: str = Field(min_length=1, max_length=64, title="保留的记录（人员或单位编号）")
    b: str = Field(min_length=1, max_length=64, title="另一条记录")
    verdict: Literal["same", "different"] = Field(title="same 同一对象（乙并入甲）/ different 不同对象")
    note: str | None = Field(default=None, max_length=500, title="理由")


class JudgementOut(BaseModel):
    id: str
    subject: str
    verdict: str
    label: str
    a: str
    b: str
    who: str
    at: str
    rule: str
    note: str | None = None
    undone_by: str | None = None
    undone_at: str | None = None
    moved: int = Field(default=0, title="移动的关系条数")

    @classmethod
    def of(cls, j: Judgement) -> JudgementOut:
        return cls(**j.model_dump(exclude={"node", "moved", "kept", "names"}), label=j.label, moved=len(j.moved))


def _judgements(request: Request) -> Judgements:
    return Judgements(request.app.state.settings.data_dir)


def _refused(exc: JudgementError) -> ApiError:
    return ApiError(422, "judgement_refused", str(exc))


@router.get("/people/namesakes", response_model=list[Pair],
            summary="待人工确认的同名人员：每对附任职、关联和来源台账等依据")
def namesakes(store: Store, account: Analyst, request: Request,
              name: Annotated[str | None, Query(max_length=40, description="只看这个姓名")] = None) -> Any:
    return deliver(request, account, [p.model_dump(mode="json") for p in
                                      pending_namesakes(store, _judgements(request), name=name)])


@router.get("/judgements", response_model=list[JudgementOut], summary="所有判断（含已撤销的）：谁、何时、依据")
def list_judgements(account: Analyst, request: Request) -> Any:
    return deliver(request, account, [JudgementOut.of(j).model_dump() for j in _judgements(request).items])


@router.post("/judgements", response_model=JudgementOut, status_code=201,
             summary="判断两条记录是否同一人（或同一单位）：same 乙并入甲，different 今后不再提示")
def judge(body: JudgementIn, store: Store, account: Analyst, request: Request) -> Any:
    make = confirm if body.verdict == "same" else refuse
    try:
        judgement = make(store, _judgements(request), body.a, body.b, who=account.name, note=body.note,
                         rule="人工判断（接口）：" + ("同一对象" if body.verdict == "same" else "不是同一对象"))
    except JudgementError as exc:
        raise _refused(exc) from exc
    audit_write(request, account, "judgement." + body.verdict,
                {"judgement": judgement.id, "a": judgement.a, "b": judgement.b})
    return JudgementOut.of(judgement)


@router.post("/judgements/{judgement_id}/undo", response_model=JudgementOut, summary="撤销一条判断（合并的记录恢复原样）")
def undo_judgement(judgement_id: JudgementId, store: Store, account: Analyst, request: Request) -> Any:
    try:
        judgement = undo(store, _judgements(request), judgement_id, who=account.name)
    except JudgementError as exc:
        raise (ApiError(404, "not_found", str(exc)) if "没有编号" in str(exc) else _refused(exc)) from exc
    audit_write(request, account, "judgement.undo", {"judgement": judgement.id, "a": judgement.a, "b": judgement.b})
    return JudgementOut.of(judgement)
