"""The hostile-input corpus: what each file is, how it is made, and what the loader must answer.

Small files are committed beside this script (regenerate them with
``python tests/data/hostile/make_hostile.py``); large ones (bombs, files over
the limits) are made by :func:`make` into a temporary folder at test time.

``expect`` is a fragment the rejection must contain (a clear Chinese reason),
or an ``int``: the odd-but-valid file loads that many rows.
Each case is against a store holding the two-township county of
``tests/loaders/test_malformed.py`` (units and rounds).
"""

from __future__ import annotations

import struct
import sys
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
HEAD = ["县（市、区）", "届次", "轮次", "问题编号", "被巡察单位", "所属乡镇", "序号", "问题描述", "问题类别", "整改状态",
        "发现日期"]
ROW = ["宁川县", 15, 1, "NC-15-1-01", "县教育局", "", 1, "报销凭证不全，5笔支出无正规发票", "财务管理", "整改中",
       "2022-05-26"]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
HIDDEN = ' state="hidden"'
STYLES = (f'<styleSheet xmlns="{MAIN}"><fonts count="1"><font/></fonts>'
          '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
          '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')


@dataclass(frozen=True)
class Case:
    name: str  # what it is, for the table
    file: str
    expect: str | int
    make: Callable[[Path], Any]
    large: bool = False  # made at test time, not committed


def col(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell(ref: str, value: Any, attrs: str = "") -> str:
    if isinstance(value, int | float):
        return f'<c r="{ref}"{attrs}><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"{attrs}><is><t>{escape(str(value))}</t></is></c>'


def rows_xml(rows: Iterable[list[Any]], start: int = 1) -> str:
    return "".join(f'<row r="{r}">' + "".join(cell(f"{col(c)}{r}", v) for c, v in enumerate(cells, 1) if v != "")
                   + "</row>" for r, cells in enumerate(rows, start))


def sheet_xml(body: str, dimension: str | None = None, before: str = "", after: str = "", prolog: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'{prolog}<worksheet xmlns="{MAIN}">{dim}{before}<sheetData>{body}</sheetData>{after}</worksheet>'


def xlsx(path: Path, sheets: dict[str, Any], strings: str | None = None, hidden: Iterable[str] = (),
         extra: dict[str, bytes] | None = None, workbook_prolog: str = "", target: str | None = None) -> Path:
    """A minimal workbook written part by part; a sheet may be a str or an iterable of byte chunks (streamed)."""
    names = list(sheets)
    over = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{CT}.worksheet+xml"/>'
                   for i in range(1, len(names) + 1))
    if strings is not None:
        over += f'<Override PartName="/xl/sharedStrings.xml" ContentType="{CT}.sharedStrings+xml"/>'
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.main+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{CT}.styles+xml"/>{over}</Types>',
        "_rels/.rels": f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Target="xl/workbook.xml" '
        f'Type="{REL}/officeDocument"/></Relationships>',
        "xl/workbook.xml": f'{workbook_prolog}<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>' + "".join(
            f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"{HIDDEN if n in hidden else ""}/>'
            for i, n in enumerate(names, 1)) + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PKG}">' + "".join(
            f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="{target or f"worksheets/sheet{i}.xml"}"/>'
            for i in range(1, len(names) + 1)) + f'<Relationship Id="rS" Type="{REL}/styles" Target="styles.xml"/>'
        + (f'<Relationship Id="rT" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>' if strings is not None
           else "") + "</Relationships>",
        "xl/styles.xml": STYLES,
    }
    if strings is not None:
        parts["xl/sharedStrings.xml"] = strings
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [*parts.items(), *((f"xl/worksheets/sheet{i}.xml", body)
                                             for i, body in enumerate(sheets.values(), 1)), *(extra or {}).items()]:
            with z.open(name, "w") as out:
                for chunk in [data] if isinstance(data, str | bytes) else data:
                    out.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
    return path


def issue_sheet(extra_rows: str = "", **kw: Any) -> str:
    return sheet_xml(rows_xml([HEAD, ROW]) + extra_rows, **kw)


def declare_size(path: Path, member: str, size: int) -> Path:
    """Rewrite the uncompressed size the zip directory declares for one member (a lying header)."""
    data = bytearray(path.read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + name_len].decode() == member:
            struct.pack_into("<I", data, pos + 24, size)
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    return path


def repeat(chunk: str, times: int, head: str = "", tail: str = "") -> Iterable[str]:
    yield head
    block = chunk * 1000
    for _ in range(times // 1000):
        yield block
    yield tail


def text(data: str | bytes, encoding: str = "utf-8") -> Callable[[Path], Path]:
    def write(path: Path) -> Path:
        path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        return path
    return write


def csv_text(rows: list[list[Any]]) -> str:
    return "".join(",".join(str(v) for v in r) + "\r\n" for r in rows)


def _bomb_row() -> str:
    return '<row><c t="inlineStr"><is><t>巡察发现问题</t></is></c><c><v>1</v></c></row>'


def _many_entries(path: Path) -> Path:
    xlsx(path, {"问题清单": issue_sheet()})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as z:
        for i in range(20_000):
            z.writestr(f"x/{i}", b"")
    return path


def _encrypted(path: Path) -> Path:
    xlsx(path, {"问题清单": issue_sheet()})
    data = bytearray(path.read_bytes())
    pos = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, pos + 8, struct.unpack_from("<H", data, pos + 8)[0] | 1)
    path.write_bytes(bytes(data))
    return path


def _truncated(path: Path) -> Path:
    data = xlsx(path, {"问题清单": issue_sheet()}).read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _sparse(size: int) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        with path.open("wb") as f:
            f.write(csv_text([HEAD, ROW]).encode())
            f.truncate(size)
        return path
    return make


LAUGHS = ('<!DOCTYPE x [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>")
XXE = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
XXE_PARAM = '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>'
SST = f'<sst xmlns="{MAIN}">'
BIG_INT = "1" * 5000
DEEP = "[" * 100_000 + "]" * 100_000
RECORD = dict(zip(HEAD, ROW, strict=True))


def _json(value: str) -> Callable[[Path], Path]:
    return text(value)


def _rec(**change: Any) -> str:
    import json
    return json.dumps({**RECORD, **change}, ensure_ascii=False)


def _nest(depth: int) -> str:
    return "[" * depth + "1" + "]" * depth


CASES: list[Case] = [
    # -- Excel: dimensions, bombs, XML attacks ---------------------------------------------------------------------
    Case("xlsx dimension bomb (one cell at XFD1048576)", "dimension_bomb.xlsx", "声明的范围",
         lambda p: xlsx(p, {"问题清单": sheet_xml(rows_xml([["x"]], 1048576).replace('r="A1048576"', 'r="XFD1048576"'),
                                                   "A1:XFD1048576")})),
    Case("xlsx dimension that lies (A1:K2, a cell at XFD1048576)", "dimension_lie.xlsx", "第 16,384 列有内容",
         lambda p: xlsx(p, {"问题清单": issue_sheet('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
                                                   dimension="A1:K2")})),
    Case("xlsx without dimension, a cell at A1048576", "far_row.xlsx", "第 1,048,576 行有内容",
         lambda p: xlsx(p, {"问题清单": issue_sheet('<row r="1048576"><c r="A1048576"><v>1</v></c></row>')})),
    Case("xlsx with a value in column 300", "far_column.xlsx", "第 300 列有内容",
         lambda p: xlsx(p, {"问题清单": issue_sheet(f'<row r="3">{cell("KN3", "x")}</row>')})),
    Case("xlsx merged range A1:XFD1048576", "merge_everything.xlsx", "无法判断",
         lambda p: xlsx(p, {"问题清单": issue_sheet(after='<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>')})),
    Case("xlsx 30,000 overlapping merged ranges", "many_merges.xlsx", "合并单元格展开后",
         lambda p: xlsx(p, {"问题清单": issue_sheet(rows_xml([ROW] * 98, 3), after="<mergeCells>" + "".join(
             f'<mergeCell ref="A1:K{100 - i % 7}"/>' for i in range(30_000)) + "</mergeCells>")})),
    Case("xlsx zip bomb: a sheet inflating to 1 GB", "zip_bomb.xlsx", "解压后大小",
         lambda p: xlsx(p, {"问题清单": repeat(_bomb_row(), 13_300_000, f'<worksheet xmlns="{MAIN}"><sheetData>',
                                                "</sheetData></worksheet>")}), large=True),
    Case("xlsx zip bomb whose directory declares 2 KB", "zip_bomb_lying.xlsx", "不是有效的 Excel",
         lambda p: declare_size(xlsx(p, {"问题清单": repeat(_bomb_row(), 1_500_000, f'<worksheet xmlns="{MAIN}">'
                                                             "<sheetData>", "</sheetData></worksheet>")}),
                                "xl/worksheets/sheet1.xml", 2048), large=True),
    Case("xlsx whose directory declares a 2 GB sheet", "declared_huge.xlsx", "解压后大小",
         lambda p: declare_size(xlsx(p, {"问题清单": issue_sheet()}), "xl/worksheets/sheet1.xml", 2**31 - 1)),
    Case("xlsx with 20,000 zip entries", "many_entries.xlsx", "压缩包部件数", _many_entries, large=True),
    Case("xlsx zip bomb: 150 MB sheet at 300:1", "ratio_bomb.xlsx", "压缩比",
         lambda p: xlsx(p, {"问题清单": repeat(_bomb_row(), 1_500_000, f'<worksheet xmlns="{MAIN}"><sheetData>',
                                                "</sheetData></worksheet>")}), large=True),
    Case("xlsx shared-strings bomb (300 MB of strings)", "strings_bomb.xlsx", "解压后大小",
         lambda p: xlsx(p, {"问题清单": issue_sheet()}, strings=repeat("<si><t>巡</t></si>", 15_000_000, SST, "</sst>")),
         large=True),
    Case("xlsx billion laughs in shared strings", "laughs_strings.xlsx", "十亿笑声",
         lambda p: xlsx(p, {"问题清单": issue_sheet()}, strings=LAUGHS + SST + "<si><t>&j;</t></si></sst>")),
    Case("xlsx billion laughs in a sheet", "laughs_sheet.xlsx", "十亿笑声",
         lambda p: xlsx(p, {"问题清单": issue_sheet(prolog=LAUGHS).replace("报销凭证不全", "&j;")})),
    Case("xlsx XXE: shared string is file:///etc/passwd", "xxe_strings.xlsx", "XXE",
         lambda p: xlsx(p, {"问题清单": issue_sheet()}, strings=XXE + SST + "<si><t>&e;</t></si></sst>")),
    Case("xlsx XXE: inline string is file:///etc/passwd", "xxe_sheet.xlsx", "XXE",
         lambda p: xlsx(p, {"问题清单": issue_sheet(prolog=XXE).replace("报销凭证不全", "&e;")})),
    Case("xlsx XXE: external parameter entity (http)", "xxe_param.xlsx", "DTD",
         lambda p: xlsx(p, {"问题清单": issue_sheet()}, workbook_prolog=XXE_PARAM)),
    Case("xlsx formula cell =HYPERLINK()", "formula.xlsx", "可能是公式",
         lambda p: xlsx(p, {"问题清单": issue_sheet().replace(
             '<c r="H2" t="inlineStr"><is><t>报销凭证不全，5笔支出无正规发票</t></is></c>',
             '<c r="H2" t="str"><f>HYPERLINK("http://x","y")</f><v>y</v></c>')})),
    Case("xlsx array formula", "array_formula.xlsx", "可能是公式",
         lambda p: xlsx(p, {"问题清单": issue_sheet().replace(
             '<c r="H2" t="inlineStr"><is><t>报销凭证不全，5笔支出无正规发票</t></is></c>',
             '<c r="H2"><f t="array" ref="H2">SUM(A1:A2)</f><v>1</v></c>')})),
    Case("xlsx shared string index out of range", "bad_string_index.xlsx", "Excel 文件内容有误",
         lambda p: xlsx(p, {"问题清单": issue_sheet('<row r="3"><c r="A3" t="s"><v>99999</v></c></row>')},
                        strings=SST + "</sst>")),
    Case("xlsx cell reference ZZZZZZ0", "bad_reference.xlsx", "Excel 文件内容有误",
         lambda p: xlsx(p, {"问题清单": issue_sheet('<row r="3"><c r="ZZZZZZ0"><v>1</v></c></row>')})),
    Case("xlsx relationship to ../../../../etc/passwd", "rel_traversal.xlsx", "文件是空的",
         lambda p: xlsx(p, {"问题清单": issue_sheet()}, target="../../../../etc/passwd")),
    Case("xlsx holding a member named ../../evil.sh", "member_traversal.xlsx", 1,
         lambda p: xlsx(p, {"问题清单": issue_sheet()}, extra={"../../evil.sh": b"rm -rf /"})),
    Case("xlsx date cell with serial 1e20", "huge_date.xlsx", "日期",
         lambda p: xlsx(p, {"问题清单": issue_sheet().replace(
             '<c r="K2" t="inlineStr"><is><t>2022-05-26</t></is></c>', '<c r="K2" s="1"><v>1e20</v></c>')})),
    Case("xlsx cells without references", "no_refs.xlsx", 1,
         lambda p: xlsx(p, {"问题清单": issue_sheet().replace(' r="A1"', "").replace(' r="B2"', "")})),
    Case("xlsx hidden sheet with 10,000 columns", "hidden_wide.xlsx", 1,
         lambda p: xlsx(p, {"问题清单": issue_sheet(), "隐藏": sheet_xml(rows_xml([["x"] * 10_000]))}, hidden=["隐藏"])),
    Case("xlsx sheet XML encoded as UTF-16", "utf16_sheet.xlsx", 1,
         lambda p: xlsx(p, {"问题清单": [b"\xff\xfe" + ('<?xml version="1.0" encoding="UTF-16"?>' + issue_sheet()
                                                         ).encode("utf-16-le")]})),
    Case("xlsx 50,000 nested elements before the data", "deep_xml.xlsx", 1,
         lambda p: xlsx(p, {"问题清单": issue_sheet(before="<x>" * 50_000 + "</x>" * 50_000)})),
    Case("xlsx with 100 empty sheets", "empty_sheets.xlsx", "文件是空的",
         lambda p: xlsx(p, {f"Sheet{i}": sheet_xml("") for i in range(100)})),
    Case("xlsx 40,000-character cell", "long_cell.xlsx", "内容过长",
         lambda p: xlsx(p, {"问题清单": issue_sheet().replace("报销凭证不全", "长" * 40_000)})),
    Case("xlsx 250,000 rows", "rows_250k.xlsx", "第 200,001 行有内容",
         lambda p: xlsx(p, {"问题清单": (f'<worksheet xmlns="{MAIN}"><sheetData>', *(
             f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 250_001)), "</sheetData></worksheet>")}),
         large=True),
    Case("xlsx 10,000-column header", "columns_10000.xlsx", "第 201 列有内容",
         lambda p: xlsx(p, {"问题清单": sheet_xml(rows_xml([[f"列{i}" for i in range(10_000)]]))}), large=True),
    Case("xlsx that is a CSV", "csv_as.xlsx", "不是有效的 Excel", text("a,b\n1,2\n")),
    Case("xlsx truncated half way", "truncated.xlsx", "不是有效的 Excel", _truncated),
    Case("xlsx of 0 bytes", "empty.xlsx", "不是有效的 Excel", text(b"")),
    Case("xlsx that is an old OLE .xls", "ole.xlsx", "不是有效的 Excel",
         text(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))),
    Case("xlsx with the encrypted flag", "encrypted.xlsx", "已加密", _encrypted),
    # -- CSV -------------------------------------------------------------------------------------------------------
    Case("csv 12,000-column header (97 KB)", "columns_12000.csv", "列数（12,000）",
         lambda p: text(csv_text([[f"c{i}" for i in range(12_000)], ["x"] * 12_000]))(p), large=True),
    Case("csv a row reaching column 10,000", "ragged_10000.csv", "列数（10,000）",
         text(csv_text([HEAD, ROW, [""] * 9_999 + ["x"]]))),
    Case("csv ragged rows (1 to 30 cells)", "ragged.csv", "没有列名",
         text(csv_text([HEAD] + [ROW[:k] if k <= 11 else ROW + ["x"] * (k - 11) for k in range(1, 31)]))),
    Case("csv rows shorter than the header", "short_rows.csv", 1, text(csv_text([HEAD + ["备注"], ROW]))),
    Case("csv 300,000 rows", "rows_300k.csv", "超过 200,000",
         lambda p: text(csv_text([HEAD] + [ROW] * 300_000))(p), large=True),
    Case("csv of 250 MB (sparse file)", "huge_250mb.csv", "文件大小", _sparse(250 * 1024 * 1024), large=True),
    Case("csv of a million blank lines", "blank_lines.csv", "文件是空的", text("\n" * 500_000 + ",,,,\r\n" * 500_000),
         large=True),
    Case("csv with NUL bytes", "nul.csv", "二进制", text(csv_text([HEAD, ROW]).replace("县教育局", "县\x00教育局"))),
    Case("csv UTF-16 with BOM", "utf16_bom.csv", 1, text(csv_text([HEAD, ROW]), "utf-16")),
    Case("csv Shift-JIS", "shift_jis.csv", "无法判断", text("県,届次\n寧川県,15\n".encode("shift_jis"))),
    Case("csv random bytes", "random.csv", "无法识别文件编码", text(bytes(range(128, 256)) * 20)),
    Case("csv UTF-8 BOM then GBK", "bom_gbk.csv", "文件标明是 UTF-8",
         text(b"\xef\xbb\xbf" + csv_text([HEAD, ROW]).encode("gbk"))),
    Case("csv half UTF-8, half GBK", "mixed_encoding.csv", "无法识别文件编码",
         text(csv_text([HEAD]).encode("utf-8") + csv_text([ROW]).encode("gbk"))),
    Case("csv DDE formula =cmd|' /C calc'!A0", "dde.csv", "可能是公式",
         text(csv_text([HEAD, [*ROW[:7], "=cmd|' /C calc'!A0", *ROW[8:]]]))),
    Case("csv formula after a tab", "tab_formula.csv", "可能是公式", text(csv_text([HEAD, [*ROW[:7], "\t=1+1", *ROW[8:]]]))),
    Case("csv +HYPERLINK lead", "plus.csv", "以“+”开头", text(csv_text([HEAD, [*ROW[:7], "+HYPERLINK(\"x\")", *ROW[8:]]]))),
    Case("csv unclosed quote over 17 MB", "unclosed_quote.csv", "单元格字数",
         lambda p: text(csv_text([HEAD]) + '"' + "长" * 17_000_000)(p), large=True),
    Case("csv unclosed quote (small)", "unclosed_small.csv", "内容过长", text(csv_text([HEAD]) + '"' + "x" * 40_000)),
    Case("csv old Mac line endings (CR only)", "cr_only.csv", 1, text(csv_text([HEAD, ROW]).replace("\r\n", "\r"))),
    Case("csv newline inside a quoted cell", "quoted_newline.csv", 1,
         text(csv_text([HEAD, [*ROW[:7], '"报销凭证\r\n不全"', *ROW[8:]]]))),
    Case("csv header only", "header_only.csv", "只有表头", text(csv_text([HEAD]))),
    Case("csv of 0 bytes", "empty.csv", "文件是空的", text(b"")),
    Case("csv only a BOM", "bom_only.csv", "文件是空的", text(b"\xef\xbb\xbf")),
    Case("csv only whitespace", "whitespace.csv", "文件是空的", text(" \t\r\n" * 1000)),
    Case("csv separated by semicolons", "semicolons.csv", "无法判断", text(csv_text([HEAD, ROW]).replace(",", ";"))),
    Case("csv 1 MB header name", "long_header.csv", "没有这一列", text(csv_text([[*HEAD, "长" * 350_000], ROW])),
         large=True),
    Case("csv that is HTML with a script", "html.csv", "无法判断", text("<html><script>alert(1)</script></html>\n")),
    # -- JSON ------------------------------------------------------------------------------------------------------
    Case("json nested 100,000 deep", "deep_100k.json", "嵌套层数", _json(DEEP), large=True),
    Case("json a value nested 25 deep", "deep_25.json", "嵌套层数",
         lambda p: _json(f"[{_rec()[:-1]}, \"x\": {_nest(25)}}}]")(p)),
    Case("json objects nested 30 deep", "deep_objects.json", "嵌套层数",
         _json("[{\"a\": " + "{\"a\": " * 30 + "1" + "}" * 31 + "]")),
    Case("jsonl a line nested 100,000 deep", "deep_line.jsonl", "嵌套层数", _json(_rec() + "\n" + DEEP + "\n"), large=True),
    Case("json 'meta' beside rows nested 5,000 deep", "deep_meta.json", "嵌套层数",
         _json('{"meta": ' + _nest(5000) + ', "rows": [' + _rec() + "]}")),
    Case("json a new key in every record (110 KB)", "quadratic_keys.json", "列名（键）数",
         lambda p: _json("[" + ",".join(f'{{"k{i}": {i}}}' for i in range(10_000)) + "]")(p), large=True),
    Case("json one record with 10,000 keys", "wide_record.json", "列名（键）数",
         lambda p: _json("[{" + ",".join(f'"k{i}": 1' for i in range(10_000)) + "}]")(p), large=True),
    Case("json a 5,000-digit integer", "big_int.json", "无法读取的数值", _json(f"[{_rec()[:-1]}, \"序号\": {BIG_INT}}}]")),
    Case("json NaN and Infinity", "nan.json", "应为整数", _json(f"[{_rec()[:-1]}, \"序号\": NaN, \"轮次\": Infinity}}]")),
    Case("json a number at the top", "scalar.json", "JSON 应为对象数组", _json("42")),
    Case("json null at the top", "null.json", "JSON 应为对象数组", _json("null")),
    Case("json rows that is an object", "rows_object.json", "JSON 应为对象数组", _json('{"rows": {"a": 1}}')),
    Case("json without rows", "no_rows.json", "文件是空的", _json('{"data": [' + _rec() + "]}")),
    Case("json array of arrays", "arrays.json", "JSON 应为对象数组", _json("[[1, 2], [3]]")),
    Case("json truncated", "truncated.json", "JSON 格式有误", _json("[" + _rec() + ", " + _rec()[:40])),
    Case("json trailing garbage", "trailing.json", "JSON 格式有误", _json("[" + _rec() + "] <script>")),
    Case("jsonl a broken line", "broken.jsonl", "JSON 格式有误", _json(_rec() + "\n{\"a\": }\n")),
    Case("jsonl 300,000 lines", "lines_300k.jsonl", "记录数", lambda p: _json((_rec() + "\n") * 300_000)(p), large=True),
    Case("json 250,000 empty records", "empty_records.json", "记录数",
         lambda p: _json("[" + ",".join(["{}"] * 250_000) + "]")(p), large=True),
    Case("json UTF-16 with BOM", "utf16.json", 1, text("[" + _rec() + "]", "utf-16")),
    Case("json GBK", "gbk.json", 1, text("[" + _rec() + "]", "gbk")),
    Case("json duplicate keys", "duplicate_keys.json", 1, _json("[" + _rec()[:-1] + ', "轮次": 1}]')),
    Case("json an object as a cell", "object_cell.json", 1, _json(f"[{_rec()[:-1]}, \"问题描述\": {{\"x\": 1}}}}]")),
    # -- names -----------------------------------------------------------------------------------------------------
    Case("an .xls file", "old.xls", "不支持的文件类型", text(b"\xd0\xcf\x11\xe0")),
    Case("an .exe file", "问题清单.csv.exe", "不支持的文件类型", text(b"MZ\x90\x00")),
]


def make(folder: Path, large: bool | None = None) -> dict[str, Path]:
    """Write the cases (all, or only the large or only the small ones) into ``folder``; file name → path."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for case in CASES:
        if large is None or case.large == large:
            made[case.file] = folder / case.file
            case.make(made[case.file])
    return made


if __name__ == "__main__":  # regenerate the committed small files
    written = make(HERE, large=False)
    print(f"{len(written)} small files written to {HERE}", file=sys.stderr)
