"""Report text over HTTP (issue 19): upload a report or speech to parse it into the review queue, read the queue,
and accept, edit or reject its entries.

Analysts and admins upload and decide; viewers may read the queue, people masked. Accepting writes to the graph
all or nothing (``loaders.text.load``), withdrawing takes an accepted entry out again (``loaders.text.withdraw``);
either then recomputes repeats and re-runs saved alerts, like ``POST /loads``. Every change is audited. Handlers
are plain ``def``: parsing and loading run in a worker thread.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Query, Request, UploadFile
from pydantic import BaseModel, Field

from api.audit import audit_write
from api.delivery import deliver
from api.deps import Analyst, Store, Viewer
from api.errors import ApiError, ErrorBody
from api.pages import SQLITE_MAX, Offset, RowId
from api.uploads import copy_upload, upload_name
from graph.alerts.run import run_after_load
from graph.analysis import repeats
from loaders.text.load import AcceptRejected, AcceptReport, accept
from loaders.text.model import EntryKind, EntryState, ParseResult, QueueEntry
from loaders.text.parse import TextParseError, finder_for, parse_file
from loaders.text.queue import OPEN, EntryNotFound, QueueError, TextQueue
from loaders.text.readers import DEFAULT_TEXT_LIMITS, SUFFIXES, TextFileError
from loaders.text.review import accept_open, edit_entry
from loaders.text.withdraw import WithdrawRefused, WithdrawReport, withdraw

router = APIRouter(tags=["报告文本"])
_one_at_a_time = threading.Lock()


class EntryPage(BaseModel):
    items: list[QueueEntry]
    total: int
    limit: int
    offset: int


class ParseSummary(BaseModel):
    result: ParseResult
    entries: list[QueueEntry]
    new: int = Field(title="新存入审核队列的条目数")
    same: list[str] = Field(default_factory=list, title="与其他文件中已有条目相同的条目（已存入并标明）")


class AcceptBody(BaseModel):
    round: str | None = Field(default=None, max_length=100, title="轮次（文中未写明或图中没有时必填）")


class BulkAccept(BaseModel):
    min_confidence: float = Field(ge=0, le=1, title="置信度下限")
    document: str | None = Field(default=None, max_length=200, title="只接受此文件（文件名或摘要）")
    round: str | None = Field(default=None, max_length=100, title="轮次")


class EntryEdit(BaseModel):
    unit: str | None = Field(default=None, max_length=100, title="单位名称或标识")
    category: str | None = Field(default=None, max_length=100, title="问题类别")
    text: str | None = Field(default=None, max_length=5000, title="问题描述")
    round: str | None = Field(default=None, max_length=100, title="轮次")
    severity: str | None = Field(default=None, max_length=10, title="严重程度（一般/较重/严重）")


def _queue(request: Request) -> TextQueue:
    return TextQueue.for_data_dir(request.app.state.settings.data_dir)


def _after_accept(request: Request, store: Any, account: Any, report: AcceptReport, action: str) -> AcceptReport:
    _issues_changed(request, store, report.issues)
    audit_write(request, account, action, {"accepted": len(report.accepted), "issues": report.issues,
                                           "directives": report.directives, "skipped": len(report.skipped)})
    return report


def _issues_changed(request: Request, store: Any, issues: int) -> None:
    """Problems came into the graph or left it: the repeats and the saved alerts are worked out again."""
    if issues:
        repeats.recompute(store)
        run_after_load(store, request.app.state.settings.data_dir)


@router.post("/texts", response_model=ParseSummary, status_code=201,
             summary="上传巡察反馈意见、综合情况报告或讲话稿（.docx/.txt），识别问题和交办事项，存入审核队列（分析员）",
             responses={413: {"model": ErrorBody, "description": "文件过大"}})
def upload_text(request: Request, store: Store, account: Analyst,
                file: Annotated[UploadFile, File(description="报告或讲话稿（.docx/.txt）")]) -> Any:
    name = upload_name(file.filename, SUFFIXES, "请上传 Word（.docx）或文本（.txt）文件。")
    settings = request.app.state.settings
    with tempfile.TemporaryDirectory(prefix="xuncha-text-") as tmp:
        path = Path(tmp) / name
        copy_upload(file.file, path, DEFAULT_TEXT_LIMITS.max_upload_bytes)
        with _one_at_a_time:
            try:
                result = parse_file(path, store, data_dir=settings.data_dir, name=name)
            except (TextFileError, TextParseError) as exc:
                audit_write(request, account, "text.parse.rejected", {"items": 0})
                raise ApiError(422, "text_rejected", str(exc)) from exc
            added = _queue(request).add(result, account.name)
    audit_write(request, account, "text.parse", {"file_sha256": result.sha256, "items": len(result.items),
                                                 "directives": len(result.directives), "new_entries": added.new})
    return deliver(request, account, ParseSummary(result=result, entries=added.entries, new=added.new,
                                                  same=added.same))


@router.get("/text-items", response_model=EntryPage,
            summary="审核队列（可按状态、文件、置信度筛选；分页；查看员所见人名已遮蔽）")
def list_items(request: Request, account: Viewer,
               state: Annotated[EntryState | Literal["open"] | None,
                                Query(description="pending / edited / accepted / rejected；"
                                                  "open：待审核与已修改待接受")] = None,
               kind: Annotated[EntryKind | None, Query(description="issue / directive")] = None,
               document: Annotated[str | None, Query(max_length=200, description="文件名（部分）或文件摘要")] = None,
               min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
               entry: Annotated[int | None, Query(ge=1, le=SQLITE_MAX,
                                                  description="只取这一条（图谱中来源所记的条目号）")] = None,
               limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Offset = 0) -> Any:
    items, total = _queue(request).entries(state=OPEN if state == "open" else state, kind=kind, document=document,
                                           min_confidence=min_confidence, ids=None if entry is None else [entry],
                                           limit=limit, offset=offset)
    return deliver(request, account, EntryPage(items=items, total=total, limit=limit, offset=offset))


def _accept(request: Request, store: Any, account: Any, ids: list[int], round_ref: str | None) -> AcceptReport:
    settings = request.app.state.settings
    with _one_at_a_time:
        try:
            report = accept(store, _queue(request), ids, account.name, round_ref=round_ref,
                            finder=finder_for(store, settings.data_dir), data_dir=settings.data_dir)
        except EntryNotFound as exc:
            raise ApiError(404, "not_found", str(exc)) from exc
        except AcceptRejected as exc:
            audit_write(request, account, "text.accept.rejected", {"entries": len(ids)})
            raise ApiError(422, "accept_rejected", str(exc), detail={"problems": exc.problems}) from exc
        except QueueError as exc:
            raise ApiError(422, "invalid_request", str(exc)) from exc
        return _after_accept(request, store, account, report, "text.accept")


@router.post("/text-items/accept", response_model=AcceptReport,
             summary="批量接受置信度不低于下限的待审核条目；缺单位或轮次的留在队列中并列出")
def accept_bulk(body: BulkAccept, request: Request, store: Store, account: Analyst) -> Any:
    settings = request.app.state.settings
    with _one_at_a_time:
        try:
            report = accept_open(store, _queue(request), finder_for(store, settings.data_dir), account.name,
                                 min_confidence=body.min_confidence, document=body.document, round_ref=body.round,
                                 data_dir=settings.data_dir)
        except (QueueError, AcceptRejected) as exc:
            raise ApiError(422, "invalid_request", str(exc)) from exc
        return _after_accept(request, store, account, report, "text.accept")


@router.post("/text-items/{entry_id}/accept", response_model=AcceptReport,
             summary="接受一个条目并载入图谱（文中未写明轮次时须给出轮次）")
def accept_one(entry_id: RowId, request: Request, store: Store, account: Analyst, body: AcceptBody | None = None) -> Any:
    return _accept(request, store, account, [entry_id], body.round if body else None)


@router.post("/text-items/{entry_id}/withdraw", response_model=WithdrawReport,
             summary="撤销接受：把已接受的条目移出图谱、退回审核队列（涉及该问题的交办事项一并撤销；台账已引用的不能撤销）",
             responses={409: {"model": ErrorBody, "description": "已被其他数据引用，未撤销"}})
def withdraw_one(entry_id: RowId, request: Request, store: Store, account: Analyst) -> Any:
    with _one_at_a_time:
        try:
            report = withdraw(store, _queue(request), [entry_id], account.name,
                              data_dir=request.app.state.settings.data_dir)
        except EntryNotFound as exc:
            raise ApiError(404, "not_found", str(exc)) from exc
        except WithdrawRefused as exc:
            audit_write(request, account, "text.withdraw.refused", {"entry_id": entry_id, "why": "in_use"})
            raise ApiError(409, "in_use", str(exc), detail={"problems": exc.problems}) from exc
        except QueueError as exc:
            audit_write(request, account, "text.withdraw.refused", {"entry_id": entry_id, "why": "not_accepted"})
            raise ApiError(409, "conflict", str(exc)) from exc
        _issues_changed(request, store, report.issues)
    audit_write(request, account, "text.withdraw", {"entry_id": entry_id, "withdrawn": report.withdrawn,
                                                    "along": report.along, "issues": report.issues,
                                                    "directives": report.directives})
    return report


@router.post("/text-items/{entry_id}/reject", response_model=QueueEntry, summary="驳回一个条目（不载入图谱）")
def reject_one(entry_id: RowId, request: Request, account: Analyst) -> Any:
    try:
        entry = _queue(request).reject(entry_id, account.name)
    except EntryNotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from exc
    except QueueError as exc:
        audit_write(request, account, "text.reject.refused", {"entry_id": entry_id})
        raise ApiError(409, "conflict", str(exc)) from exc
    audit_write(request, account, "text.reject", {"entry_id": entry_id})
    return deliver(request, account, entry)


@router.patch("/text-items/{entry_id}", response_model=QueueEntry,
              summary="修改条目的单位、类别、文字、轮次或严重程度（修改后仍需接受）")
def edit_one(entry_id: RowId, body: EntryEdit, request: Request, store: Store, account: Analyst) -> Any:
    settings = request.app.state.settings
    try:
        entry = edit_entry(store, _queue(request), finder_for(store, settings.data_dir), entry_id, account.name,
                           unit=body.unit, category=body.category, text=body.text, round_ref=body.round,
                           severity=body.severity, data_dir=settings.data_dir)
    except EntryNotFound as exc:
        raise ApiError(404, "not_found", str(exc)) from exc
    except QueueError as exc:
        audit_write(request, account, "text.edit.refused", {"entry_id": entry_id, "fields": _fields(body)})
        raise ApiError(422, "invalid_request", str(exc)) from exc
    audit_write(request, account, "text.edit", {"entry_id": entry_id, "fields": _fields(body), "unit": entry.unit_id,
                                                "category": entry.category, "round": entry.round_id,
                                                "severity": entry.severity})
    return deliver(request, account, entry)


def _fields(body: EntryEdit) -> list[str]:
    """Which fields an edit asked to change (the audit names them; the text itself, which may name people, is not
    copied into the audit)."""
    return [k for k, v in body.model_dump().items() if v is not None]
