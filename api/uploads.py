"""An uploaded file on its way to disk: a name safe for the file system and of a kind the router reads, a copy
bounded by the read limits.

Shared by every router that takes a file (ledger loads, checks, report texts), so all three refuse the same names,
kinds and sizes the same way, naming the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO

from api.errors import ApiError
from graph.reviews.rules import RulesError
from loaders.ledgers.limits import ReadLimits, read_limits, size_text


def safe_name(name: str) -> str:
    """Keep the clerk's file name for the report, without any path in it, short enough for any file system
    (60 characters before the suffix: 180 bytes in UTF-8, with room for ``.rejects.csv``).

    >>> safe_name("..\\\\..\\\\etc/passwd.csv"), safe_name("../../问题清单（一）.xlsx"), safe_name("..")
    ('passwd.csv', '问题清单（一）.xlsx', 'upload')
    >>> len(safe_name("长" * 300 + ".csv").encode()), safe_name(".bashrc.csv")
    (184, 'bashrc.csv')
    """
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\-（）()\u4e00-\u9fff]", "_", base).lstrip(".")
    stem, dot, suffix = base.rpartition(".")
    if dot and len(suffix) <= 10:
        return (stem[:60] or "upload") + "." + suffix
    return base[:60] or "upload"


def upload_name(filename: str | None, suffixes: tuple[str, ...], wanted: str) -> str:
    """The upload's :func:`safe_name`, or a 422 naming the file when it is not of a kind the router reads (``wanted``
    says which, for the clerk)."""
    name = safe_name(filename or "upload")
    if Path(name).suffix.lower() not in suffixes:
        raise ApiError(422, "unsupported_file", f"{name}：不支持的文件类型“{Path(name).suffix}”；{wanted}")
    return name


def copy_upload(source: IO[bytes], target: Path, limit: int) -> None:
    """Copy the spooled upload in blocks, refusing it once it passes the limit."""
    copied = 0
    with target.open("wb") as out:
        while block := source.read(1024 * 1024):
            copied += len(block)
            if copied > limit:
                raise ApiError(413, "too_large", f"上传的文件超过 {size_text(limit)} 的上限（读取限额 max_upload_bytes）"
                                                 "；请拆分后分别上传。")
            out.write(block)
    target.chmod(0o600)


def county_limits(data_dir: Path) -> ReadLimits:
    """The data folder's read limits; a broken settings file is the administrator's to mend (500, in Chinese)."""
    try:
        return read_limits(data_dir)
    except RulesError as exc:
        raise ApiError(500, "bad_settings", f"读取限额设置有误，请管理员修改：{exc}") from exc
