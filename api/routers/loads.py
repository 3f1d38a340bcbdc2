"""Loading a ledger over HTTP: the same validation and report as ``xuncha load`` (admins)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile

from api.delivery import deliver
from api.deps import Admin, Store
from api.errors import ApiError, ErrorBody
from graph.analysis import repeats
from loaders.ledgers.load import FileReport, LedgerRejected, Loader
from loaders.ledgers.readers import SUFFIXES

router = APIRouter(tags=["数据载入"])
MAX_UPLOAD = 200 * 1024 * 1024


def _safe_name(name: str) -> str:
    """Keep the clerk's file name for the report, without any path in it."""
    base = Path(name.replace("\\", "/")).name
    return re.sub(r"[^\w.\-（）()\u4e00-\u9fff]", "_", base)[:120] or "upload"


@router.post("/loads", response_model=FileReport, summary="上传一个台账文件并载入；有任何错误则整份不载入并列出每处错误",
             responses={413: {"model": ErrorBody, "description": "文件过大"}})
async def load_file(request: Request, store: Store, account: Admin,
                    file: Annotated[UploadFile, File(description="台账文件（.xlsx/.csv/.json/.jsonl）")],
                    kind: Annotated[str | None, Form(description="台账类别（不填则按列名识别）")] = None,
                    skip_bad_rows: Annotated[bool, Form(description="跳过有错的行")] = False) -> Any:
    name = _safe_name(file.filename or "upload")
    if Path(name).suffix.lower() not in SUFFIXES:
        raise ApiError(422, "unsupported_file", f"不支持的文件类型“{Path(name).suffix}”；支持 {'、'.join(SUFFIXES)}。")
    data = await file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise ApiError(413, "too_large", "文件超过 200 MB；请拆分后分别上传。")
    settings = request.app.state.settings
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        loader = Loader(store, settings.salt(), alias_table=settings.alias_table,
                        rejects_dir=settings.data_dir / "rejects")
        try:
            report = loader.load(path, kind=kind, skip_bad_rows=skip_bad_rows, source=f"上传/{name}")
        except LedgerRejected as exc:
            raise ApiError(422, "ledger_rejected", str(exc),
                           detail=exc.report.model_dump(mode="json")) from exc
    repeats.recompute(store)
    return deliver(request, account, report)
