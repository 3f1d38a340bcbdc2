"""Turning one spreadsheet cell into a typed value, or a reason a clerk can act on.

Text cells keep no ID or mobile numbers: before a record is built, each one
found in a text cell is replaced by a marked token (〔身份证号已脱敏〕,
〔手机号已脱敏〕; see :mod:`graph.text_privacy`). Codes used for linking are
left as written; a raw ID number put in an ID-digest column is digested, as
the ID-number column would have done, so it still links the person.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from graph.model import enums
from graph.model.ids import hash_identity_number
from graph.model.taxonomy import load_taxonomy
from graph.text_privacy import is_digest, is_id_number, redact_text

MAX_CELL = 32_767  # Excel's own limit for one cell
EXCEL_EPOCH = date(1899, 12, 30)
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_ID_NUMBER = re.compile(r"^\d{17}[\dX]$|^\d{15}$")
_LIST_SPLIT = re.compile(r"[、，,；;／/\n]+")
# Identifiers other records link to by their exact text: never rewritten.
CODE_FIELDS = {"code", "credit_code", "source_code"}
# Columns of ID digests (身份证号摘要): a raw number found there is digested instead of stored.
DIGEST_FIELDS = {"id_hash", "person_id_hash", "cadre_id_hash", "relative_id_hash"}
TRUE = {"是", "√", "y", "yes", "true", "1", "一把手"}
FALSE = {"否", "×", "n", "no", "false", "0", ""}


class CellError(ValueError):
    """The reason a cell cannot be read; the caller adds file, sheet, row and column."""


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    text = unicodedata.normalize("NFKC", str(value)).strip() if not isinstance(value, str) else value.strip()
    if len(text) > MAX_CELL:
        raise CellError(f"内容过长（{len(text):,} 字），超过单元格上限 {MAX_CELL:,} 字")
    return text


def _guard_formula(text: str) -> str:
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        raise CellError(f"以“{text[0]}”开头，可能是公式或公式注入；如是文字，请去掉开头的“{text[0]}”")
    return text


def parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2_958_466:  # Excel serial numbers (1900 date system)
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError("不是有效的 Excel 日期序号")
    text = _text(value)
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError as exc:
                raise CellError("不是存在的日期") from exc
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return EXCEL_EPOCH + timedelta(days=int(float(text)))
    raise CellError("不是可识别的日期；请写成 2023-04-02、2023/4/2、2023.4.2 或 2023年4月2日")


def _number(value: Any, kind: type) -> int | float:
    if isinstance(value, bool):
        raise CellError("应为数字")
    if isinstance(value, int | float):
        number = value
    else:
        text = _text(value).replace(",", "").replace("，", "")
        try:
            number = float(text)
        except ValueError as exc:
            raise CellError("应为数字" if kind is float else "应为整数") from exc
    if kind is int:
        if not float(number).is_integer():
            raise CellError("应为整数")
        return int(number)
    return float(number)


def private_text(text: str, *, field: str | None, salt: str) -> str:
    """A text cell as it may be stored: ID and mobile numbers in it replaced by tokens.

    ``field`` is the column's field name. Without it (a caller that does not say), a cell that is a digest is
    kept and a cell that is nothing but an ID number is digested (it may be a digest column's raw number);
    every other cell is redacted.

    >>> private_text("经查，张三（身份证号110101199003071234，手机13912345678）多领补贴", field="text", salt="s")
    '经查，张三（身份证号〔身份证号已脱敏〕，手机〔手机号已脱敏〕）多领补贴'
    >>> private_text("110101199003071234", field="id_hash", salt="s") == hash_identity_number("110101199003071234", salt="s")
    True
    """
    if field in CODE_FIELDS:
        return text
    if field in DIGEST_FIELDS or field is None:
        if is_digest(text):
            return text
        if is_id_number(text):
            return hash_identity_number(text.upper(), salt=salt)
        if field is not None:
            return text
    return redact_text(text)


def parse_cell(value: Any, type_name: str, *, salt: str, field: str | None = None) -> Any:
    """The typed value of a non-blank cell; raises :class:`CellError` with a Chinese reason.

    ``field`` (the column's field name) lets a text cell be judged by its column; see :func:`private_text`.
    """
    if type_name == "date":
        return parse_date(value).isoformat()
    if type_name in ("int", "float"):
        return _number(value, int if type_name == "int" else float)
    if type_name == "bool":
        text = _text(value).lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise CellError("只能填“是”或“否”")
    if type_name.startswith("enum:"):
        enum = getattr(enums, type_name.split(":", 1)[1])
        text = _text(value)
        try:
            return enum.from_label(text).value
        except ValueError as exc:
            raise CellError(f"只能是：{'、'.join(m.label_zh for m in enum)}") from exc
    if type_name == "category":
        text = _text(value)
        try:
            return load_taxonomy().canonical(text)
        except (KeyError, ValueError) as exc:
            raise CellError("不是已知的问题类别；请用模板下拉列表中的类别，或在分类表中补充") from exc
    if type_name == "list":
        return [_guard_formula(part.strip()) for part in _LIST_SPLIT.split(_text(value)) if part.strip()]
    if type_name == "id_number":
        text = _text(value).upper()
        if not _ID_NUMBER.match(text):
            raise CellError("不是有效的身份证号（应为 18 位，末位可为 X）")
        return hash_identity_number(text, salt=salt)
    if type_name == "extra":  # a column no ledger knows, kept as written: never a reason to reject the row
        try:
            text = _text(value)
        except CellError:
            return None
        text = "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
        return redact_text(text)
    text = _guard_formula(_text(value))
    return private_text(text, field=field, salt=salt) if type_name == "str" else text
