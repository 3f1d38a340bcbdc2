"""Reading a report or speech into numbered blocks: .docx (python-docx: paragraphs, numbered lists, tables) and
.txt (UTF-8, with or without BOM, or GB18030/GBK, detected).

A block is one non-empty paragraph or one table row, numbered from 1 in reading order: that number is the
provenance an accepted item carries (``SOURCED_FROM`` … ``paragraph``). Every file is bounded before it is read
(:class:`TextLimits`, in the manner of ``loaders/ledgers/limits.py``); a file that cannot be read raises
:class:`TextFileError` with a Chinese message naming the file.

ID card and mobile numbers are replaced as each block is read (:func:`graph.text_privacy.redact_text`, as ledger
cells are), so neither the queue, the graph nor a printed parse ever holds them. A document is known by the digest
of the text read from it, not of its bytes: the same report saved again by Word or WPS, or in another encoding, is
the same document and re-parsing it adds nothing. A Word draft with tracked changes is read as if they were
accepted (inserted words kept, deleted ones dropped) and says so (``revisions``), so an item is not silently
missing the words a reviser added.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field

from graph.text_privacy import redact_text
from loaders.ledgers.limits import MB, limit_message, size_text
from loaders.text.dash_rows import register_fields
from loaders.text.docx_text import W, has_revisions, mark_deleted, paragraph_text, paragraphs_of_cell

SUFFIXES = (".docx", ".txt")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .docx (or an old .doc) is an OLE compound file
_DTD = (b"<!DOCTYPE", b"<!ENTITY")


class TextLimits(BaseModel):
    """Bounds on what one report file may make the service read."""

    max_upload_bytes: int = Field(default=20 * MB, ge=1, title="上传文件大小上限（字节）")
    max_decompressed_bytes: int = Field(default=100 * MB, ge=1, title="解压后（Word）或文本文件的大小上限（字节）")
    max_compression_ratio: int = Field(default=200, ge=1, title="Word 压缩包内单个部件的压缩比上限")
    max_zip_entries: int = Field(default=5_000, ge=1, title="Word 压缩包内部件数上限")
    max_blocks: int = Field(default=50_000, ge=1, title="段落与表格行数上限")
    max_chars: int = Field(default=5_000_000, ge=1, title="全文字数上限")


DEFAULT_TEXT_LIMITS = TextLimits()


class TextFileError(ValueError):
    """A report file that cannot be read; the message names the file."""


@dataclass
class Block:
    """One paragraph or table row. ``level`` is a Word list level (0-based) when the paragraph is auto-numbered."""

    number: int
    text: str
    heading: bool = False
    bold: bool = False
    level: int | None = None
    cells: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    row: int = 0  # a Word table row's number in its table (empty rows counted; 0 when not known)
    place: str = ""  # where a clerk finds it: 第 3 段 (paragraphs counted alone), or 表 1 第 2 行 (header row 1)

    @property
    def in_table(self) -> bool:
        return bool(self.cells)


@dataclass
class TextDocument:
    name: str
    sha256: str  # of the text read (see the module's docstring), not of the file's bytes
    blocks: list[Block]
    encoding: str
    revisions: int = 0  # Word paragraphs holding tracked changes not yet accepted, read as accepted


def read_document(path: Path, limits: TextLimits = DEFAULT_TEXT_LIMITS, name: str | None = None) -> TextDocument:
    """Read a .docx or .txt file into numbered blocks (raises :class:`TextFileError`)."""
    name = redact_text(name or path.name)  # a file named after a person's mobile number keeps no number
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise TextFileError(f"{name}：不支持的文件类型“{path.suffix}”；请上传 Word（.docx）或文本（.txt）文件")
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise TextFileError(f"{name}：找不到文件；请检查文件名和所在文件夹") from exc
    except OSError as exc:
        raise TextFileError(f"{name}：无法读取文件") from exc
    if size == 0:
        raise TextFileError(f"{name}：文件是空的")
    cap = limits.max_upload_bytes if suffix == ".docx" else limits.max_decompressed_bytes
    if size > cap:
        raise TextFileError(f"{name}：" + limit_message("文件大小", size_text(size), size_text(cap),
                                                       "max_upload_bytes" if suffix == ".docx" else
                                                       "max_decompressed_bytes", "请拆分后分别上传"))
    data = path.read_bytes()
    revised = 0
    if suffix == ".docx":
        (blocks, revised), encoding = _read_docx(path, data, name, limits), "docx"
    else:
        text, encoding = decode_text(data, name)
        blocks = _text_blocks(text)
    blocks = _numbered(_redacted(blocks), name, limits)
    if not blocks:
        raise TextFileError(f"{name}：文件中没有文字内容")
    return TextDocument(name=name, sha256=content_digest(blocks), blocks=blocks, encoding=encoding,
                        revisions=revised)


def content_digest(blocks: list[Block]) -> str:
    """The digest of what was read — each block's text and cells, in order — so a re-saved copy matches."""
    h = hashlib.sha256()
    for b in blocks:
        h.update("\x1f".join((b.text, *b.cells)).encode())
        h.update(b"\x1e")
    return h.hexdigest()


def _redacted(blocks: list[Block]) -> list[Block]:
    """Every block without personal numbers; a table's header row, which every row of it carries, once per table."""
    headers: dict[int, list[str]] = {}
    for block in blocks:
        block.text = redact_text(block.text)
        block.cells = [redact_text(c) for c in block.cells]
        if id(block.header) not in headers:
            headers[id(block.header)] = [redact_text(c) for c in block.header]
        block.header = headers[id(block.header)]
    return blocks


RULE_LINE = re.compile(r"^[|｜]?(?:\s*:?-{3,}:?\s*[|｜])+\s*:?-*:?\s*$")


def _fields(line: str) -> list[str]:
    """A line's cells when it is a row of a pasted sheet: split by tabs, or by | between | and | (a text table)."""
    if "\t" in line.strip():
        return [c.strip() for c in line.split("\t")]
    if line.startswith(("|", "｜")) and line.endswith(("|", "｜")) and len(line) > 2:
        return [c.strip() for c in re.split(r"[|｜]", line[1:-1])]
    return []


def _text_blocks(text: str) -> list[Block]:
    """A text file's lines as blocks; a run of two or more lines split by tabs (or | … | …|) into the same number
    (≥2) of fields is a table (its first line the header), as a sheet pasted into a text file is — so a row's problem is
    read by its column's header, as in a Word table."""
    lines = [line.strip(" \u3000\r") for line in text.splitlines() if line.strip()]
    lines = [line for line in lines if not RULE_LINE.match(line)]  # |---|---| under a pasted header
    fields = [_fields(line) for line in lines]
    for i, cells in register_fields(lines).items():  # 单位—问题—移交对象 over rows of as many dash-joined fields
        fields[i] = cells
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and len(fields[i]) >= 2 and len(fields[j + 1]) == len(fields[i]):
            j += 1
        if j > i:
            header = fields[i]
            blocks.append(Block(0, "；".join(c for c in header if c), cells=header, header=[]))
            blocks += [Block(0, "；".join(c for c in f if c), cells=f, header=header) for f in fields[i + 1:j + 1]]
            i = j + 1
            continue
        blocks.append(Block(0, lines[i].strip()))
        i += 1
    return blocks


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030 (which covers GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise TextFileError(f"{name}：文件编码有误，无法读取；请另存为 UTF-8 文本") from exc
    if b"\x00" in data or data.startswith(_OLE) or data.startswith(b"PK\x03\x04"):
        raise TextFileError(f"{name}：不是文本文件（像是 Word、压缩包或其他二进制文件）；Word 文件请保存为 .docx 后上传")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise TextFileError(f"{name}：无法识别文件编码（不是 UTF-8，也不是 GBK/GB18030）；请另存为 UTF-8 文本") from exc


def _numbered(blocks: list[Block], name: str, limits: TextLimits) -> list[Block]:
    if len(blocks) > limits.max_blocks:
        raise TextFileError(f"{name}：" + limit_message("段落与表格行数", len(blocks), limits.max_blocks, "max_blocks",
                                                       "请拆分后分别上传"))
    chars = sum(len(b.text) for b in blocks)
    if chars > limits.max_chars:
        raise TextFileError(f"{name}：" + limit_message("全文字数", chars, limits.max_chars, "max_chars",
                                                       "请拆分后分别上传"))
    paragraphs = tables = rows = 0
    for number, block in enumerate(blocks, 1):
        block.number = number
        if not block.cells:
            paragraphs += 1
            block.place = f"第 {paragraphs} 段"
            continue
        if not block.header:  # a table's first row
            tables, rows = tables + 1, 0
        rows += 1
        block.place = f"表 {tables} 第 {block.row or rows} 行"  # Word's row number, empty rows counted
    return blocks


def _check_zip(path: Path, data: bytes, name: str, limits: TextLimits) -> None:
    if data.startswith(_OLE):
        raise TextFileError(f"{name}：Word 文件已加密（设置了打开密码），或是旧版 .doc；请去掉密码后另存为 .docx")
    bad = f"{name}：不是有效的 Word（.docx）文件，可能已损坏；请用 Word 重新保存为 .docx"
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > limits.max_zip_entries:
                raise TextFileError(f"{name}：" + limit_message("压缩包部件数", len(members), limits.max_zip_entries,
                                                               "max_zip_entries", "文件不像是 Word 文档"))
            total = sum(i.file_size for i in members)
            if total > limits.max_decompressed_bytes:
                raise TextFileError(f"{name}：" + limit_message(
                    "解压后大小", size_text(total), size_text(limits.max_decompressed_bytes), "max_decompressed_bytes",
                    "文件过大或是“压缩炸弹”，未读取"))
            if "word/document.xml" not in {i.filename for i in members}:
                raise TextFileError(bad)
            for info in members:
                if info.flag_bits & 0x1:
                    raise TextFileError(f"{name}：Word 文件已加密（设置了打开密码）；请去掉密码后另存为 .docx")
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > MB and ratio > limits.max_compression_ratio:
                    raise TextFileError(f"{name}：" + limit_message(
                        "部件的压缩比", f"{ratio:,.0f}:1", f"{limits.max_compression_ratio}:1", "max_compression_ratio",
                        "文件可能是“压缩炸弹”，未读取"))
                if info.filename.endswith(".xml") or info.filename.endswith(".rels"):
                    with archive.open(info) as part:
                        head = part.read(4096)
                    if any(m in head for m in _DTD):
                        raise TextFileError(f"{name}：Word 文件含有 DTD/实体声明（Word 从不写入，可能是攻击文件），未读取")
    except (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError) as exc:
        if isinstance(exc, TextFileError):
            raise
        raise TextFileError(bad) from exc


def _read_docx(path: Path, data: bytes, name: str, limits: TextLimits) -> tuple[list[Block], int]:
    """The blocks, and how many paragraphs held tracked changes."""
    _check_zip(path, data, name, limits)
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        doc = Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise TextFileError(f"{name}：不是有效的 Word（.docx）文件，可能已损坏；请用 Word 重新保存为 .docx") from exc
    blocks: list[Block] = []
    revised = 0
    styles: dict[str | None, object] = {}  # python-docx looks a style up by a walk of the styles part: once each
    joined = ""  # the text of paragraphs whose mark was deleted: it runs on into the next paragraph
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            revised += has_revisions(child)
            if mark_deleted(child):
                joined += paragraph_text(child)
                continue
            blocks += _paragraph(Paragraph(child, doc), styles, joined)
            joined = ""
        elif tag == "tbl":
            blocks += _lone(joined)  # a paragraph cannot run on into a table: it stays one of its own
            joined = ""
            revised += sum(has_revisions(p) for p in child.iter(W + "p"))
            blocks += _table(Table(child, doc))
        if len(blocks) > limits.max_blocks:
            break
    return blocks + _lone(joined), revised


def _lone(text: str) -> list[Block]:
    text = " ".join(text.split())
    return [Block(0, text)] if text else []


def _paragraph(p: object, styles: dict[str | None, object], joined: str = "") -> list[Block]:
    """A paragraph's block (``joined``: the text of the paragraphs before it whose marks were deleted)."""
    text = " ".join((joined + paragraph_text(p._p)).split())  # type: ignore[attr-defined]
    if not text:
        return []
    key = p._p.style  # type: ignore[attr-defined]  # the style id written on the paragraph (None: the default)
    if key not in styles:
        styles[key] = p.style  # type: ignore[attr-defined]
    found = styles[key]
    style = (found.name if found is not None else "") or ""  # type: ignore[attr-defined]
    runs = [r for r in p.runs if r.text.strip()]  # type: ignore[attr-defined]
    bold = bool(runs) and all(r.bold for r in runs)
    level = _list_level(p, found)
    heading = style.lower().startswith(("heading", "title")) or style.startswith(("标题",))
    return [Block(0, text, heading=heading, bold=bold, level=level)]


def _list_level(p: object, style: object) -> int | None:
    """The list level of an auto-numbered paragraph, set on the paragraph or by its style (List Number …)."""
    for ppr in (p._p.pPr, *(s.element.pPr for s in _styles(style))):  # type: ignore[attr-defined]
        if ppr is not None and ppr.numPr is not None:
            ilvl = ppr.numPr.ilvl
            return int(ilvl.val) if ilvl is not None else 0
    return None


def _styles(style: object) -> list[object]:
    chain: list[object] = []
    while style is not None and len(chain) < 10:
        chain.append(style)
        style = getattr(style, "base_style", None)
    return chain


def _table(table: object) -> list[Block]:
    rows: list[tuple[int, list[str]]] = []
    for number, row in enumerate(table.rows, 1):  # type: ignore[attr-defined]
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join("\n".join(paragraph_text(p) for p in paragraphs_of_cell(cell._tc)).split()))
        if any(cells):
            rows.append((number, cells))
    if not rows:
        return []
    header = rows[0][1]
    blocks = [Block(0, "；".join(c for c in header if c), cells=header, header=[], row=rows[0][0])]
    blocks += [Block(0, "；".join(c for c in cells if c), cells=cells, header=header, row=number)
               for number, cells in rows[1:]]
    return blocks
