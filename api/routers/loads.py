"""Loading a ledger over HTTP: the same validation and report as ``xuncha load`` (admins).

The token and role were checked, and the body bounded, before the form was
parsed (``api.middleware.BodyGuard``). The handler is a plain ``def`` (a worker
thread), and the load itself — read, validate, build, write, recompute the
repeats — runs in a child process under the memory and time budget of the read
limits (:mod:`loaders.ledgers.worker`), which writes the load and its repeats
in one transaction: a hostile file can cost that child, never the server, and a
child killed at any moment leaves the graph whole. Uploads load one at a time;
the saved alerts re-run here after a load that wrote something.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, File, Form, Request, UploadFile

from api.audit import audit_write
from api.delivery import deliver
from api.deps import Admin, Store
from api.errors import ApiError, ErrorBody
from api.uploads import copy_upload, county_limits, upload_name
from graph.alerts.run import run_after_load
from graph.reviews.warm import warm_quietly
from loaders.ledgers.dropped import SHOWN
from loaders.ledgers.load import FileReport
from loaders.ledgers.readers import SUFFIXES
from loaders.ledgers.worker import LoadJob, WorkerResult

router = APIRouter(tags=["数据载入"])
MAX_PROBLEMS = 1_000
_one_at_a_time = threading.Lock()


def _rejected(report: FileReport) -> ApiError:
    """422 with the report, its problems listed up to MAX_PROBLEMS (a response, like a clerk, reads only so many)."""
    message = f"{report.file} 有 {len(report.problems):,} 处问题，未载入任何数据"
    if len(report.problems) > MAX_PROBLEMS:
        message += f"（仅列出前 {MAX_PROBLEMS:,} 处；命令行 xuncha load 列出全部）"
        report = report.model_copy(update={"problems": report.problems[:MAX_PROBLEMS]})
    return ApiError(422, "ledger_rejected", message, detail=report.model_dump(mode="json"))


def _answer(request: Request, account: Any, name: str, result: WorkerResult) -> FileReport:
    """The child's report, or the error its outcome calls for (rejections and budget refusals audited)."""
    if result.outcome == "loaded" and result.report is not None:
        return result.report
    if result.outcome == "rejected" and result.report is not None:
        audit_write(request, account, "ledger.load.rejected", result.report)
        raise _rejected(result.report)
    audit_write(request, account, "ledger.load.refused", {"file": name, "outcome": result.outcome,
                                                          "seconds": round(result.seconds, 2)})
    if result.outcome == "unavailable":
        raise ApiError(503, "store_unavailable", result.message)
    if result.outcome in ("timeout", "memory", "killed"):
        raise ApiError(422, "load_budget_exceeded", f"{name}：{result.message}")
    raise ApiError(422, "ledger_rejected", result.message or f"{name} 无法载入；未载入任何数据。")


def _ids(text: str | None) -> frozenset[str] | bool:
    """The record and relationship ids a clerk confirmed for removal (an upload is known by its name alone, so only
    what the clerk was shown goes: another office's file of the same name would list everything), or none."""
    ids = frozenset(x.strip() for x in (text or "").replace("，", ",").replace("\n", ",").split(",") if x.strip())
    if len(ids) > 2 * SHOWN or any(len(x) > 80 or not x.isascii() or not x.replace("_", "").isalnum() for x in ids):
        raise ApiError(422, "bad_remove_ids", f"remove_ids 须为载入报告所列记录、关系的标识（至多 {2 * SHOWN} 个）。")
    return ids or False


@router.post("/loads", response_model=FileReport, summary="上传一个台账文件并载入；有任何错误则整份不载入并列出每处错误",
             responses={413: {"model": ErrorBody, "description": "文件过大"},
                        503: {"model": ErrorBody, "description": "图数据库暂时不可用"}})
def load_file(request: Request, store: Store, account: Admin, background: BackgroundTasks,
              file: Annotated[UploadFile, File(description="台账文件（.xlsx/.csv/.json/.jsonl）")],
              kind: Annotated[str | None, Form(description="台账类别（不填则按列名识别）")] = None,
              skip_bad_rows: Annotated[bool, Form(description="跳过有错的行")] = False,
              remove_ids: Annotated[str | None, Form(
                  description="同一文件再次上传时要删除的记录：上次载入报告“文件中已删去”所列的标识，逗号分隔"
                              "（只删这些；有被引用的则整份不载入）")] = None) -> Any:
    name = upload_name(file.filename, SUFFIXES, f"支持 {'、'.join(SUFFIXES)}。")
    chosen = _ids(remove_ids)
    settings = request.app.state.settings
    limits = county_limits(settings.data_dir)
    with tempfile.TemporaryDirectory(prefix="xuncha-upload-") as tmp:
        path = Path(tmp) / name
        copy_upload(file.file, path, limits.max_upload_bytes)
        with _one_at_a_time:
            result = LoadJob(settings, limits).start(path, kind=kind, skip_bad_rows=skip_bad_rows,
                                                     source=f"上传/{name}", folder=Path(tmp),
                                                     remove_dropped=chosen).wait()
            report = _answer(request, account, name, result)
            if report.nodes:
                run_after_load(store, settings.data_dir)  # saved alerts: new hits recorded, seen in GET /alerts/hits
                background.add_task(warm_quietly, store, settings.data_dir)  # after the answer has gone
            audit_write(request, account, "ledger.load", report)
    if report.rejects_file:
        rejects = Path(report.rejects_file)
        if rejects.is_file():
            rejects.chmod(0o600)
            rejects.parent.chmod(0o700)
    return deliver(request, account, report)
