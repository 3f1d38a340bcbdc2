"""The read-only Cypher console: what may be run, and the result shape.

Two locks, either of which suffices: the text is refused if, once comments,
string literals and quoted names are taken out, any write clause remains
(whatever its case or spacing); and what passes still runs in a read
transaction (the driver's read access mode), which Neo4j itself refuses to
write in. A timeout and a row cap bound the cost. Parameters travel apart
from the text, never spliced into it.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field

WRITE_WORDS = ("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP", "FOREACH", "ALTER", "GRANT", "DENY",
               "REVOKE", "RENAME", "START", "STOP", "TERMINATE", "ENABLE", "DEALLOCATE", "USE")
READ_PROCEDURES = frozenset({"DB.LABELS", "DB.RELATIONSHIPTYPES", "DB.PROPERTYKEYS", "DB.SCHEMA.VISUALIZATION",
                             "DB.SCHEMA.NODETYPEPROPERTIES", "DB.SCHEMA.RELTYPEPROPERTIES"})
_COMMENT = re.compile(r"//[^\n]*|/\*.*?(\*/|$)", re.S)
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", re.S)
_QUOTED = re.compile(r"`(?:[^`]|``)*`")
_WRITE = re.compile(r"\b(" + "|".join(WRITE_WORDS) + r")\b|\bLOAD\s+CSV\b|\bIN\s+TRANSACTIONS\b|\bPERIODIC\s+COMMIT\b")
_CALL = re.compile(r"\bCALL\s+([A-Z_][A-Z0-9_.]*)")


class ConsoleRefused(ValueError):
    """The text would write, or does something the console does not allow."""


def bare(text: str) -> str:
    """The query with comments, strings and `quoted names` blanked, upper-cased."""
    text = _COMMENT.sub(" ", text)
    text = _STRING.sub("''", text)
    text = _QUOTED.sub("x", text)
    return text.upper()


def check_read_only(text: str) -> None:
    """Raise :class:`ConsoleRefused` unless the text only reads.

    >>> check_read_only("MATCH (n:Unit) RETURN n.name LIMIT 5")
    >>> check_read_only("match (n) detach /* hidden */ delete n")
    Traceback (most recent call last):
    ...
    graph.console.ConsoleRefused: 查询中含有写操作“DETACH”；控制台只允许读取。
    """
    if "\\u" in text.lower():
        raise ConsoleRefused("查询中含有 Unicode 转义；控制台不接受转义写法。")
    plain = bare(text)
    write = _WRITE.search(plain)
    if write:
        raise ConsoleRefused(f"查询中含有写操作“{' '.join(write.group(0).split())}”；控制台只允许读取。")
    for proc in _CALL.findall(plain):
        if proc not in READ_PROCEDURES:
            raise ConsoleRefused(f"控制台不允许调用过程“{proc.lower()}”；只可调用只读的 db.labels 等元数据过程。")


class ConsoleRequest(BaseModel):
    query: str = Field(title="Cypher 查询（只读）", min_length=1, max_length=20_000)
    params: dict[str, Any] = Field(default_factory=dict, title="参数（与查询分开传递）")
    limit: int = Field(default=200, ge=1, le=5000, title="最多返回行数")


class ConsoleResult(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = Field(title="是否因行数上限被截断")
