"""Repeats, problems following a leader, common problems, linked clusters, relative links.

Whole-graph answers are computed once per graph version (graph.analysis.cache) and paged from there; each row is
masked and serialised once per version too (``deliver_page_kept``), so a page costs its slice, not a walk.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from api.audit import audit_write
from api.delivery import deliver, deliver_kept, deliver_page_kept
from api.deps import Admin, Analyst, Store, Viewer
from api.pages import Limit, Offset, Page
from graph.analysis import kept, linked, repeats
from graph.analysis.common_problems import CommonProblem
from graph.analysis.linked import LinkedReport
from graph.queries.leader_carry import Row as LeaderRow
from graph.queries.people_in_many_clues import Row as NamedRow
from graph.queries.relative_links import Row as RelativeRow
from graph.queries.repeats_at import Row as RepeatRow

router = APIRouter(tags=["分析"])
Id = Annotated[str | None, Query(max_length=64)]


@router.get("/repeats", response_model=Page[RepeatRow],
            summary="跨轮次重复问题（整改后复发、屡查屡犯、逾期未整改），附相似度和依据")
def list_repeats(store: Store, account: Viewer, request: Request, unit_id: Id = None, issue_id: Id = None,
                 flag: Annotated[Literal["relapse", "chronic", "long_unrectified"] | None,
                                 Query(description="relapse 整改后复发 / chronic 屡查屡犯 / long_unrectified 逾期未整改")]
                 = None, limit: Limit = 100, offset: Offset = 0) -> Any:
    rows = kept.repeats_rows(store, unit_id=unit_id, issue_id=issue_id, flag=flag)
    return deliver_page_kept(request, account, rows, limit, offset, RepeatRow, f"repeats_at:{unit_id}:{issue_id}:{flag}")


class RecomputeSummary(BaseModel):
    issues: int
    repeats: int
    relapse: int
    chronic: int
    long_unrectified: int


@router.post("/repeats/recompute", response_model=RecomputeSummary, summary="重新计算全部重复问题（管理员）")
def recompute(store: Store, account: Admin, request: Request) -> Any:
    summary = repeats.recompute(store, data_dir=request.app.state.settings.data_dir)  # the county's judgements
    audit_write(request, account, "repeats.recompute", summary)
    return deliver(request, account, summary)


@router.get("/leaders/carry", response_model=Page[LeaderRow],
            summary="问题跟人走：同一人任一把手期间在不同单位出现的同类问题")
def leader_carry(store: Store, account: Analyst, request: Request, person_id: Id = None,
                 min_units: Annotated[int, Query(ge=2, le=50)] = 2, limit: Limit = 100, offset: Offset = 0) -> Any:
    rows = kept.leader_carry_rows(store, person_id=person_id, min_units=min_units)
    return deliver_page_kept(request, account, rows, limit, offset, LeaderRow, f"leader_carry:{person_id}:{min_units}")


@router.get("/people/in-many-clues", response_model=Page[NamedRow], summary="在多条问题线索或案件中被反映的人员")
def in_many_clues(store: Store, account: Analyst, request: Request,
                  min_matters: Annotated[int, Query(ge=1, le=100)] = 2, limit: Limit = 100, offset: Offset = 0) -> Any:
    rows = kept.in_many_clues_rows(store, min_matters=min_matters)
    return deliver_page_kept(request, account, rows, limit, offset, NamedRow, f"people_in_many_clues:{min_matters}")


@router.get("/common", response_model=Page[CommonProblem],
            summary="共性问题：同一轮多个单位的同类问题，建议函是否覆盖、其后是否再犯")
def common(store: Store, account: Viewer, request: Request, min_units: Annotated[int, Query(ge=2, le=100)] = 3,
           limit: Limit = 50, offset: Offset = 0) -> Any:
    found = kept.common_rows(store, min_units=min_units)
    return deliver_page_kept(request, account, found, limit, offset, CommonProblem, f"common:{min_units}")


@router.get("/linked", response_model=LinkedReport, summary="关联问题群：经人员、建议函或线索关系连在一起的问题、线索、案件")
def linked_groups(store: Store, account: Viewer, request: Request,
                  max_degree: Annotated[int, Query(ge=1, le=1000, description="超级节点阈值")] = linked.MAX_DEGREE,
                  top: Annotated[int, Query(ge=1, le=500)] = 20) -> Any:
    report = kept.linked_report(store, max_degree=max_degree, top=top)
    return deliver_kept(request, account, report, LinkedReport, f"linked:{max_degree}:{top}")


@router.get("/relatives", response_model=Page[RelativeRow], summary="优亲厚友：村干部在任期间亲属在本村领取补贴或承接项目")
def relatives(store: Store, account: Analyst, request: Request, village_id: Id = None, limit: Limit = 100,
              offset: Offset = 0) -> Any:
    rows = kept.relative_rows(store, village_id=village_id)
    return deliver_page_kept(request, account, rows, limit, offset, RelativeRow, f"relative_links:{village_id}")
