"""Checking a ledger over HTTP without loading it: the clerk's own workbook back with the bad cells marked.

``POST /loads/check`` (analysts and admins) validates an uploaded ledger exactly as a load would, on a scratch
copy of the graph (:mod:`loaders.ledgers.check`), writes nothing to the graph, and answers with the marked
workbook as a download (a first sheet 检查结果 lists every problem; ``format=json`` gives the report instead).
The sign-in and the upload limit are checked before the body is read (``api.middleware.UPLOADS``).
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Request, UploadFile

from api.deps import Analyst, Store
from api.downloads import attachment
from api.errors import ApiError, ErrorBody
from api.uploads import copy_upload, county_limits, upload_name
from loaders.ledgers.annotate import CHECKED_SUFFIX
from loaders.ledgers.check import check_files
from loaders.ledgers.readers import SUFFIXES
from loaders.ledgers.report import FileReport

router = APIRouter(tags=["数据载入"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_one_at_a_time = threading.Lock()  # a check stages a copy of the graph: one at a time, like uploads


@router.post("/loads/check", summary="检查一个台账文件但不载入：返回标注了问题单元格的副本（或 format=json 返回检查报告）",
             response_model=FileReport,
             responses={200: {"content": {XLSX: {}}, "description": "标注副本（首页“检查结果”列出全部问题）"},
                        413: {"model": ErrorBody, "description": "文件过大"}})
def check_file(request: Request, store: Store, account: Analyst,
               file: Annotated[UploadFile, File(description="台账文件（.xlsx/.csv/.json/.jsonl）")],
               kind: Annotated[str | None, Form(description="台账类别（不填则按列名识别）")] = None,
               format: Annotated[Literal["xlsx", "json"], Form(description="xlsx：标注副本；json：检查报告")] = "xlsx",
               ) -> Any:
    name = upload_name(file.filename, SUFFIXES, f"支持 {'、'.join(SUFFIXES)}。")
    settings = request.app.state.settings
    limits = county_limits(settings.data_dir)
    with tempfile.TemporaryDirectory(prefix="xuncha-check-") as tmp:
        path = Path(tmp) / "in" / name
        path.parent.mkdir()
        copy_upload(file.file, path, limits.max_upload_bytes)
        with _one_at_a_time:
            [result] = check_files(store, [path], salt=settings.salt(), alias_table=settings.alias_table,
                                   data_dir=settings.data_dir, kind=kind, out_dir=Path(tmp) / "out", limits=limits,
                                   mark_all=True, names={path: name})
        if format == "json" or result.marked is None:  # an unreadable file has no copy to mark: its report says why
            if result.marked is None and format == "xlsx":
                raise ApiError(422, "ledger_unreadable", "；".join(p.reason for p in result.report.problems),
                               detail=result.report.model_dump(mode="json"))
            return result.report
        content = result.marked.read_bytes()
    response = attachment(content, XLSX, f"{Path(name).stem}{CHECKED_SUFFIX}", "checked.xlsx")
    response.headers["X-Check-Problems"] = str(len(result.report.problems))
    response.headers["X-Check-File"] = quote(result.report.file)
    return response
