"""How much of a ledger file the service will read: the limits, and the checks that enforce them.

:class:`ReadLimits` holds every bound in one model with sane defaults. The
checks here run *before* anything large is materialised: a workbook's zip
directory before a member is inflated (declared sizes, compression ratio,
entry count, and no DTD in any part), a text file's size before it is read,
rows, columns and cells as they stream in (:class:`Budget`), JSON nesting per
record. Rows are kept as :class:`Cells`, which store only what a row holds, so
a ragged file is never padded out. A limit that is exceeded raises
:class:`FileError` (the load report adds the file's name) with a message
naming the limit, its value and the setting that holds it.

The defaults are an order of magnitude above the largest real ledger a county
office keeps (a few thousand rows, fewer than 40 columns). The API reads
``max_upload_bytes`` and ``max_body_bytes`` while a request body streams in.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

MB = 1024 * 1024


class ReadLimits(BaseModel):
    """Bounds on what one ledger file, or one request, may make the service read, and what one upload's load may
    use. The values live in ``read_limits.json`` (shipped here; a county overrides them in its data folder or with
    ``XUNCHA_<NAME>`` in the environment, see :func:`read_limits`)."""

    model_config = ConfigDict(extra="forbid")

    max_upload_bytes: int = Field(ge=1, title="上传文件大小上限（字节）")
    max_body_bytes: int = Field(ge=1, title="其他请求的请求体大小上限（字节）")
    max_decompressed_bytes: int = Field(ge=1, title="解压后（Excel）或文本文件（CSV/JSON）的大小上限（字节）")
    max_compression_ratio: int = Field(ge=1, title="Excel 压缩包内单个部件的压缩比上限")
    max_zip_entries: int = Field(ge=1, title="Excel 压缩包内部件数上限")
    max_rows: int = Field(ge=1, title="每个工作表（文件）的行数上限")
    max_columns: int = Field(ge=1, title="列数上限")
    max_cells: int = Field(ge=1, title="非空单元格总数上限（含合并单元格展开）")
    max_cell_chars: int = Field(ge=1, title="CSV 单个单元格的字数上限")
    max_json_depth: int = Field(ge=2, title="JSON 嵌套层数上限")
    max_load_seconds: float = Field(gt=0, title="一次上传载入（读取、校验、写入、重算重复问题）的时间上限（秒）")
    max_load_memory_bytes: int = Field(ge=16 * MB, title="一次上传载入可另外占用的内存上限（字节，地址空间）")


LIMITS_FILE = "read_limits"  # read_limits.json: shipped defaults, the data folder's overrides on top
ENV_PREFIX = "XUNCHA_"


def read_limits(data_dir: Path | None = None, environ: Mapping[str, str] | None = None) -> ReadLimits:
    """The shipped limits, the data folder's ``read_limits.json`` on top, then ``XUNCHA_MAX_ROWS``-style variables.

    >>> read_limits(environ={"XUNCHA_MAX_ROWS": "5000"}).max_rows, DEFAULT_LIMITS.max_rows
    (5000, 200000)
    >>> read_limits(environ={"XUNCHA_MAX_ROWS": "很多"})
    Traceback (most recent call last):
    ...
    graph.reviews.rules.RulesError: 环境变量 XUNCHA_MAX_ROWS 应为数字，现为“很多”
    """
    from graph.reviews.rules import RulesError, load_rules

    values: dict[str, Any] = load_rules(LIMITS_FILE, data_dir, package="loaders.ledgers")
    environ = os.environ if environ is None else environ
    for name in ReadLimits.model_fields:
        raw = environ.get(ENV_PREFIX + name.upper())
        if raw is not None and raw.strip():
            try:
                values[name] = float(raw) if "." in raw else int(raw)
            except ValueError as exc:
                raise RulesError(f"环境变量 {ENV_PREFIX + name.upper()} 应为数字，现为“{raw}”") from exc
    try:
        return ReadLimits.model_validate(values)
    except ValidationError as exc:
        wrong = "；".join(f"{'.'.join(map(str, e['loc']))}（{ReadLimits.model_fields[str(e['loc'][0])].title}）"
                         f"{_TOO_SMALL if e['type'].startswith(('greater', 'less')) else '取值无效'}"
                         for e in exc.errors() if e["loc"] and str(e["loc"][0]) in ReadLimits.model_fields)
        raise RulesError(f"读取限额设置有误：{wrong or exc}") from exc


_TOO_SMALL = "超出允许范围"


DEFAULT_LIMITS = read_limits(environ={})  # the shipped values, as the readers' default


def size_text(n: int) -> str:
    """Bytes as a clerk reads them.

    >>> size_text(50 * MB), size_text(1536), size_text(12), size_text(1030 * MB)
    ('50 MB', '1.5 KB', '12 字节', '1,030 MB')
    """
    for unit, size in (("MB", MB), ("KB", 1024)):
        if n >= size:
            return f"{n / size:,.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} 字节"


def limit_message(what: str, actual: str | int | None, limit: str | int, setting: str, advice: str = "") -> str:
    """'{what}（actual）超过上限 limit（读取限额 setting）；advice' — one shape for every limit.

    >>> limit_message("行数", 300000, 200000, "max_rows", "请拆分后分别载入")
    '行数（300,000）超过上限 200,000（读取限额 max_rows）；请拆分后分别载入'
    >>> limit_message("JSON 嵌套层数", None, 20, "max_json_depth")
    'JSON 嵌套层数超过上限 20（读取限额 max_json_depth）'
    """
    actual_text = "" if actual is None else f"（{actual:,}）" if isinstance(actual, int) else f"（{actual}）"
    limit_text = f"{limit:,}" if isinstance(limit, int) else limit
    tail = f"；{advice}" if advice else ""
    return f"{what}{actual_text}超过上限 {limit_text}（读取限额 {setting}）{tail}"


class FileError(ValueError):
    """The file as a whole cannot be read (format, encoding, no data, a read limit exceeded)."""


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class Cells(Sequence[Any]):
    """One row's cells as wide as its sheet, storing only up to the last one that holds something.

    A ragged row costs what it holds, not what the widest row holds; past its
    last cell it reads as empty (``None``).

    >>> row = Cells(["a", None, "c"], 5)
    >>> len(row), row[2], row[4], list(row)
    (5, 'c', None, ['a', None, 'c', None, None])
    """

    __slots__ = ("_values", "_width")

    def __init__(self, values: list[Any], width: int) -> None:
        self._values, self._width = values, max(width, len(values))

    def __len__(self) -> int:
        return self._width

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._width))]
        if index < 0:
            index += self._width
        if not 0 <= index < self._width:
            raise IndexError("cell index out of range")
        return self._values[index] if index < len(self._values) else None

    def __iter__(self) -> Iterator[Any]:
        yield from self._values
        for _ in range(self._width - len(self._values)):
            yield None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


class Budget:
    """Counts rows and cells as they are read, and stops the read the moment one passes its limit."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits, self.cells = limits, 0

    def row(self, cells: list[Any], rows_so_far: int, what: str = "行数", always: bool = False) -> list[Any]:
        """The row without its trailing empty cells, after checking its width and the running totals.

        An empty row counts towards max_rows only if ``always`` (a JSON record is a row even when empty).
        """
        end = len(cells)
        while end and blank(cells[end - 1]):
            end -= 1
        if end > self.limits.max_columns:
            raise FileError(limit_message("列数", end, self.limits.max_columns, "max_columns",
                                          "请删除多余的列，或检查文件是否为台账"))
        if (end or always) and rows_so_far + 1 > self.limits.max_rows:
            raise FileError(limit_message(what, f"超过 {self.limits.max_rows:,}", self.limits.max_rows, "max_rows",
                                          "请拆分成几个文件分别载入"))
        self.add(sum(1 for c in cells[:end] if not blank(c)))
        return cells[:end] if end < len(cells) else cells

    def add(self, n: int) -> None:
        self.cells += n
        if self.cells > self.limits.max_cells:
            raise FileError(limit_message("非空单元格数", f"超过 {self.limits.max_cells:,}", self.limits.max_cells,
                                          "max_cells", "请拆分成几个文件分别载入"))


def check_zip(path: Path, limits: ReadLimits) -> None:
    """Refuse a workbook whose zip directory promises more than the limits, before any member is inflated.

    Python's zipfile stops inflating a member at its declared size (a member
    that inflates further fails its CRC), so the declared sizes bound the work.
    """
    bad = "不是有效的 Excel（.xlsx）文件，可能已损坏或是旧版 .xls；请用 Excel 另存为 .xlsx"
    try:
        with path.open("rb") as f:
            end = zipfile._EndRecData(f)  # type: ignore[attr-defined]  # the directory's size, before reading it
    except (OSError, ValueError, EOFError) as exc:
        raise FileError(bad) from exc
    if end is None:
        raise FileError(bad)
    directory = end[zipfile._ECD_SIZE]  # type: ignore[attr-defined]
    if directory > limits.max_zip_entries * 1024:
        raise FileError(limit_message("压缩包目录", size_text(directory), f"{limits.max_zip_entries:,} 个部件",
                                      "max_zip_entries", "文件不像是 Excel 台账"))
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (OSError, zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise FileError(bad) from exc
    if len(members) > limits.max_zip_entries:
        raise FileError(limit_message("压缩包部件数", len(members), limits.max_zip_entries, "max_zip_entries",
                                      "文件不像是 Excel 台账"))
    total = sum(info.file_size for info in members)
    if total > limits.max_decompressed_bytes:
        raise FileError(limit_message("解压后大小", size_text(total), size_text(limits.max_decompressed_bytes),
                                      "max_decompressed_bytes", "文件过大或是“压缩炸弹”，未读取；如是台账请拆分后分别载入"))
    for info in members:
        if info.flag_bits & 0x1:
            raise FileError("Excel 文件已加密（设置了打开密码）；请去掉密码后另存为 .xlsx")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MB and ratio > limits.max_compression_ratio:
            raise FileError(limit_message(f"部件“{info.filename[:60]}”的压缩比", f"{ratio:,.0f}:1",
                                          f"{limits.max_compression_ratio}:1", "max_compression_ratio",
                                          "文件可能是“压缩炸弹”，未读取"))
    _refuse_dtds(path, members)


# Excel never writes a DTD; one in a workbook is there to declare entities (XXE, "billion laughs").
_DTD = [m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def _refuse_dtds(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse any part holding a DTD, before an XML parser sees it (one streaming pass, bounded by the checks above)."""
    overlap = max(len(m) for m in _DTD)
    try:
        with zipfile.ZipFile(path) as archive:
            for info in members:
                with archive.open(info) as part:
                    tail = b""
                    while chunk := part.read(1024 * 1024):
                        window = tail + chunk
                        if any(m in window for m in _DTD):
                            raise FileError(f"Excel 文件的部件“{info.filename[:60]}”含有 DTD/实体声明（Excel 从不写入，"
                                            "可能是 XXE 或“十亿笑声”攻击），未读取；请用 Excel 重新保存")
                        tail = window[-overlap:]
    except (OSError, zipfile.BadZipFile, EOFError, NotImplementedError, RuntimeError) as exc:
        raise FileError("不是有效的 Excel（.xlsx）文件，可能已损坏；请用 Excel 重新保存") from exc


def read_bytes(path: Path, limits: ReadLimits) -> bytes:
    """A text file's bytes, refused by its size before a byte is read."""
    size = path.stat().st_size
    if size > limits.max_decompressed_bytes:
        raise FileError(limit_message("文件大小", size_text(size), size_text(limits.max_decompressed_bytes),
                                      "max_decompressed_bytes", "请拆分成几个文件分别载入"))
    return path.read_bytes()


def check_depth(record: Any, limits: ReadLimits, where: str) -> None:
    """A record (the 2nd level of ``[{...}]``) whose values nest deeper than max_json_depth is refused."""
    children = record.values() if isinstance(record, dict) else record if isinstance(record, list) else ()
    stack = [(value, 3) for value in children if isinstance(value, dict | list)]  # [ { "键": here
    while stack:
        item, level = stack.pop()
        if level > limits.max_json_depth:
            raise FileError(limit_message(f"{where}的 JSON 嵌套层数", None, limits.max_json_depth, "max_json_depth",
                                          "每条记录应是一层“列名: 值”"))
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, level + 1) for child in children if isinstance(child, dict | list))
