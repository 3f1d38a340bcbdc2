"""The read-only Cypher console: what may be run, how much comes back, and who it names.

An allow-list, judged twice, either judgement sufficing to refuse:

1. **The text** is read once, left to right, into code, string literals,
   comments and `quoted names` (one pass, so ``'//'`` is a string and
   ``/* '' */`` a comment — never the other way round). In the code alone, any
   write, administration, ``USE``, ``LOAD CSV``, ``IN TRANSACTIONS``, query
   option, second statement, procedure outside :data:`READ_PROCEDURES` or
   namespaced function outside :data:`FUNCTION_NAMESPACES` is refused.
   Unicode escapes (``\\u0043REATE``) are refused anywhere.
2. **Neo4j's plan**: the store runs ``EXPLAIN`` on the same text first, in the
   same read transaction, and :func:`judge_plan` accepts only a read query
   (``query_type == 'r'``) whose every operator is in :data:`READ_OPERATORS`
   — procedure calls only for :data:`READ_PROCEDURES`. So ``LOAD CSV``,
   ``SHOW …``, ``CALL dbms.…``, ``CALL {…} IN TRANSACTIONS`` and every write
   are refused whatever their spelling.

What passes runs in a read transaction with a timeout, and the answer is
bounded by rows **and** serialised bytes (:class:`ConsoleLimits`): one row
holding ``range(1, 3000000)`` is cut like three million rows would be.
Parameters travel apart from the text, never spliced into it.

Audit: :func:`judge_plan` also says whether the query may reach people — it
names a label of :data:`PERSONAL_LABELS`, or reaches nodes whatever their
label (all-node scans, relationship scans, expansions, id seeks). The router
records such an answer in the audit log, with any person ids it holds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

READ_PROCEDURES = frozenset({"db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
                             "db.schema.nodeTypeProperties", "db.schema.relTypeProperties"})
# Built-in namespaced functions that only compute (dates, points, vectors); `db.nameFromElementId` names a database.
FUNCTION_NAMESPACES = ("POINT.", "VECTOR.SIMILARITY.", "DURATION.", "DATE.", "DATETIME.", "LOCALDATETIME.",
                       "LOCALTIME.", "TIME.", "DB.NAMEFROMELEMENTID")
# Operators (names without "@db", "(mode)" and Directed/Undirected) that only read the graph or shape rows.
READ_OPERATORS = frozenset("""
ProduceResults Projection Filter Limit ExhaustiveLimit Skip Sort PartialSort Top PartialTop Distinct OrderedDistinct
EagerAggregation OrderedAggregation Eager Unwind CacheProperties Argument ArgumentTracker EmptyResult NullifyMetadata
AllNodesScan NodeByLabelScan NodeByIdSeek NodeByElementIdSeek NodeIndexSeek NodeUniqueIndexSeek NodeIndexSeekByRange
NodeUniqueIndexSeekByRange NodeIndexScan NodeIndexContainsScan NodeIndexEndsWithScan MultiNodeIndexSeek
AssertingMultiNodeIndexSeek IntersectionNodeByLabelsScan UnionNodeByLabelsScan SubtractionNodeByLabelsScan
NodeCountFromCountStore RelationshipCountFromCountStore AllRelationshipsScan RelationshipTypeScan
UnionRelationshipTypesScan RelationshipByIdSeek RelationshipByElementIdSeek RelationshipIndexSeek
RelationshipUniqueIndexSeek RelationshipIndexSeekByRange RelationshipIndexScan RelationshipIndexContainsScan
RelationshipIndexEndsWithScan Expand OptionalExpand VarLengthExpand ShortestPath StatefulShortestPath Repeat
BidirectionalRepeat ProjectEndpoints TriadicBuild TriadicFilter TriadicSelection Apply SemiApply AntiSemiApply
LetSemiApply LetAntiSemiApply SelectOrSemiApply SelectOrAntiSemiApply LetSelectOrSemiApply LetSelectOrAntiSemiApply
ConditionalApply AntiConditionalApply RollUpApply CartesianProduct NodeHashJoin ValueHashJoin NodeLeftOuterHashJoin
NodeRightOuterHashJoin Optional Anti Union OrderedUnion AssertSameNode AssertSameRelationship
""".split())
# Operators that may yield a node of any label (so possibly a person) without naming one.
_LABEL_BLIND = re.compile(r"AllNodes|Relationship(?!Count)|Expand|ShortestPath|Repeat|ProjectEndpoints|ById|ByElementId")
PERSONAL_LABELS = ("Person", "Clue", "Case", "Petition")  # people, and free text that accuses them by name
_PERSONAL = re.compile(r"\b(" + "|".join(PERSONAL_LABELS) + r")\b")

_WRITE_WORDS = ("CREATE", "INSERT", "MERGE", "SET", "DELETE", "DETACH", "NODETACH", "REMOVE", "FOREACH")
_ADMIN_WORDS = ("SHOW", "TERMINATE", "DROP", "ALTER", "GRANT", "DENY", "REVOKE", "RENAME", "START", "STOP",
                "ENABLE", "DEALLOCATE", "REALLOCATE", "TRANSACTIONS")
_OPTION_WORDS = ("EXPLAIN", "PROFILE", "CYPHER")
_WORD = re.compile(r"[A-Z_][A-Z0-9_]*")
_DOTTED = r"[A-Z_][A-Z0-9_]*(?:\s*\.\s*[A-Z_][A-Z0-9_]*)*"
_CALL = re.compile(r"\bCALL\s+(?=[A-Z_])(" + _DOTTED + ")")
_FUNCTION = re.compile(r"(?<![\w.$])([A-Z_][A-Z0-9_]*(?:\s*\.\s*[A-Z_][A-Z0-9_]*)+)\s*\(")


class ConsoleRefused(ValueError):
    """The query does something the console does not allow (the message, in Chinese, names what)."""


class ConsoleLimits(BaseModel):
    """Bounds on one console query.

    Defaults suit a page in the browser. A deployment may override them with
    ``console_max_rows`` / ``console_max_bytes`` / ``console_timeout_s`` on the
    app settings, if it defines those; the router reads them when present.
    """

    max_rows: int = Field(default=5000, ge=1, title="最多返回行数")
    max_bytes: int = Field(default=2_000_000, ge=1_000, title="结果（JSON）最多字节数")
    timeout_s: float = Field(default=10.0, gt=0, title="事务超时（秒）")


# -- the text ------------------------------------------------------------------------------------------------------
def tokens(text: str) -> list[tuple[str, str]]:
    """Split the text into ``(kind, text)`` pieces in one pass: code, string, comment, name (backticks).

    >>> [k for k, _ in tokens("WITH '//' AS a /* x */ RETURN `a b` // c")]
    ['code', 'string', 'code', 'comment', 'code', 'name', 'code', 'comment']
    """
    out: list[tuple[str, str]] = []
    i, start, n = 0, 0, len(text)

    def close(kind: str, end: int) -> None:
        nonlocal i, start
        if i > start:
            out.append(("code", text[start:i]))
        out.append((kind, text[i:end]))
        i = start = end

    while i < n:
        ch, two = text[i], text[i:i + 2]
        if ch in "'\"":
            j = i + 1
            while j < n and text[j] != ch:
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise ConsoleRefused("查询中有未闭合的字符串（引号不成对）。")
            close("string", j + 1)
        elif ch == "`":
            j = i + 1
            while True:
                j = text.find("`", j)
                if j < 0:
                    raise ConsoleRefused("查询中有未闭合的反引号名称。")
                if text[j + 1:j + 2] != "`":
                    break
                j += 2
            close("name", j + 1)
        elif two == "//":
            j = text.find("\n", i)
            close("comment", n if j < 0 else j)
        elif two == "/*":
            j = text.find("*/", i + 2)
            if j < 0:
                raise ConsoleRefused("查询中有未闭合的注释（/* 没有对应的 */）。")
            close("comment", j + 2)
        else:
            i += 1
    if start < n:
        out.append(("code", text[start:]))
    return out


def bare(text: str) -> str:
    """The code alone, upper-cased: strings become ``''``, names ``X`` and comments a space (spaced apart).

    >>> bare("WITH '//' AS a LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l")
    "WITH  ''  AS A LOAD CSV FROM  ''  AS L RETURN L"
    """
    blank = {"string": " '' ", "name": " X ", "comment": " "}
    return "".join(blank.get(kind, piece) for kind, piece in tokens(text)).upper()


def check_read_only(text: str) -> None:
    """Raise :class:`ConsoleRefused` unless the text reads only (the first of two locks; see the module).

    >>> check_read_only("MATCH (n:Unit) RETURN n.name LIMIT 5")
    >>> check_read_only("match (n) detach /* hidden */ delete n")
    Traceback (most recent call last):
    ...
    graph.console.ConsoleRefused: 查询中含有写操作“DETACH”；控制台只允许读取。
    """
    if "\\u" in text.lower():
        raise ConsoleRefused("查询中含有 Unicode 转义（\\u…）；控制台不接受转义写法，请直接写出字符。")
    code = bare(text)
    if ";" in code.rstrip().rstrip(";"):
        raise ConsoleRefused("查询中含有多条语句（分号）；控制台一次只执行一条只读语句。")
    for match in _WORD.finditer(code):
        if code[match.start() - 1:match.start()] not in (".", "$"):  # n.start, $set: a property, a parameter
            _check_word(match.group(0))
    for match in _CALL.finditer(code):
        name = re.sub(r"\s+", "", match.group(1))
        if name not in {p.upper() for p in READ_PROCEDURES}:
            raise ConsoleRefused(f"控制台不允许调用过程“{name.lower()}”；{_PROCEDURES_ALLOWED}")
    called = {m.start(1) for m in _CALL.finditer(code)}
    for match in _FUNCTION.finditer(code):
        name = re.sub(r"\s+", "", match.group(1))
        if match.start(1) not in called and not name.startswith(FUNCTION_NAMESPACES):
            raise ConsoleRefused(f"控制台不允许调用函数“{name.lower()}”；只可使用 Cypher 内置函数。")


_PROCEDURES_ALLOWED = "只可调用只读的元数据过程 db.labels、db.relationshipTypes、db.propertyKeys、db.schema.*。"


def _check_word(word: str) -> None:
    if word in _WRITE_WORDS:
        raise ConsoleRefused(f"查询中含有写操作“{word}”；控制台只允许读取。")
    if word == "LOAD":
        raise ConsoleRefused("控制台不允许 LOAD CSV（它会读取服务器上的文件或访问网址）。")
    if word == "USE":
        raise ConsoleRefused("控制台不允许 USE 切换数据库；查询只在图谱数据库中运行。")
    if word == "PERIODIC":
        raise ConsoleRefused("控制台不允许 PERIODIC COMMIT（分批提交）。")
    if word in _ADMIN_WORDS:
        raise ConsoleRefused(f"控制台不允许管理命令（含“{word}”，如 SHOW、TERMINATE、IN TRANSACTIONS）；只允许读取图谱。")
    if word in _OPTION_WORDS:
        raise ConsoleRefused(f"请直接提交查询，不要带 {word} 前缀或查询选项。")


# -- the plan ------------------------------------------------------------------------------------------------------
_QUERY_TYPES = {"w": "写入", "rw": "读写", "s": "模式或系统", "wr": "读写"}
_WRITE_OPERATORS = re.compile(r"Create|Merge|Set|Delete|Remove|Foreach|Lock")
_ADMIN_OPERATORS = re.compile(r"Show|Terminate|Administration|Command|Drop|Index|Constraint|DoNothing")


def judge_plan(plan: dict[str, Any], query_type: str | None, database: str | None = None) -> bool:
    """Refuse (:class:`ConsoleRefused`) unless Neo4j planned a read; return whether it may reach people.

    ``plan`` is the driver's ``summary.plan`` of ``EXPLAIN <query>``: ``operatorType`` (``Name@database``),
    ``args``, ``children``. With ``database``, every operator must run in that database (no ``USE system``).
    """
    people = False
    stack = [plan]
    while stack:
        node = stack.pop()
        operator, _, where = str(node.get("operatorType", "")).partition("@")
        if database and where and where != database:
            raise ConsoleRefused(f"控制台只查询图谱数据库“{database}”，不允许访问数据库“{where}”。")
        base = re.sub(r"^(Directed|Undirected)|\(.*\)$", "", operator)
        details = str((node.get("args") or node.get("arguments") or {}).get("Details", ""))
        _judge_operator(operator, base, details)
        people = people or bool(_LABEL_BLIND.search(base) or _PERSONAL.search(details))
        stack.extend(node.get("children") or [])
    if query_type != "r":
        kind = _QUERY_TYPES.get(str(query_type), str(query_type))
        raise ConsoleRefused(f"Neo4j 判定这条查询的类型为“{kind}”；控制台只执行只读查询。")
    return people


def _judge_operator(operator: str, base: str, details: str) -> None:
    if base in READ_OPERATORS:
        return
    if base.startswith("ProcedureCall"):
        name = details.split("(")[0].strip()
        if name in READ_PROCEDURES:
            return
        raise ConsoleRefused(f"控制台不允许调用过程“{name or '未知'}”；{_PROCEDURES_ALLOWED}")
    if base == "LoadCSV":
        raise ConsoleRefused("控制台不允许 LOAD CSV（它会读取服务器上的文件或访问网址）。")
    if base.startswith("Transaction"):
        raise ConsoleRefused("控制台不允许 CALL {…} IN TRANSACTIONS（分批事务）。")
    if _ADMIN_OPERATORS.search(base):
        raise ConsoleRefused(f"控制台不允许管理命令（查询计划含“{operator}”）；只允许读取图谱。")
    if _WRITE_OPERATORS.search(base):
        raise ConsoleRefused(f"查询计划中含有写操作“{operator}”；控制台只允许读取。")
    raise ConsoleRefused(f"查询计划中含有控制台未允许的操作“{operator}”；控制台只执行由读取操作组成的计划。")


# -- the answer ----------------------------------------------------------------------------------------------------
def json_size(value: Any, budget: int) -> int:
    """Bytes of ``value`` as compact JSON (UTF-8); stops counting once past ``budget`` (then returns > budget)."""
    if isinstance(value, str):
        return len(json.dumps(value, ensure_ascii=False).encode())
    if isinstance(value, dict) or hasattr(value, "items"):  # also a driver Node or Relationship (its properties)
        size = 1
        for key, item in value.items():
            size += json_size(str(key), budget) + 2 + json_size(item, budget - size)
            if size > budget:
                return size
        return size + 1
    if isinstance(value, list | tuple) or hasattr(value, "nodes"):  # a driver Path: counted by its parts
        if hasattr(value, "nodes"):
            value = [*value.nodes, *value.relationships]
        size = 1
        for item in value:
            size += json_size(item, budget - size) + 1
            if size > budget:
                return size
        return size + 1
    return len(json.dumps(value, default=str))


@dataclass
class ConsoleAnswer:
    """What the console gives back: rows within the limits, and whether they may name people."""

    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    truncated: bool = False
    note: str | None = None
    names_people: bool = False
    size: int = 2

    def add(self, row: list[Any], limits: ConsoleLimits, convert: Callable[[Any], Any] | None = None) -> bool:
        """Keep ``row`` (``convert``-ed to JSON values) if it fits; return False, and say why, once full.

        The size is first estimated on the raw row, stopping as soon as it is too big, so one enormous
        value (``range(1, 3000000)``) is never copied.
        """
        if len(self.rows) >= limits.max_rows:
            self.truncated, self.note = True, f"结果超过 {limits.max_rows} 行，只返回前 {limits.max_rows} 行。"
            return False
        room = limits.max_bytes - self.size
        if json_size(row, room) + 1 <= room:
            row = convert(row) if convert else list(row)
            size = json_size(row, room) + 1
            if size <= room:
                self.rows.append(row)
                self.size += size
                return True
        self.truncated = True
        self.note = (f"结果超过 {limits.max_bytes / 1_000_000:g} MB 上限，只返回前 {len(self.rows)} 行；"
                     "请缩小查询（加 LIMIT、只取需要的属性，或避免在一行中汇总大量数据）。")
        return False


class ConsoleRequest(BaseModel):
    query: str = Field(title="Cypher 查询（只读）", min_length=1, max_length=20_000)
    params: dict[str, Any] = Field(default_factory=dict, title="参数（与查询分开传递）")
    limit: int = Field(default=200, ge=1, le=5000, title="最多返回行数")


class ConsoleResult(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = Field(title="是否因行数或字节数上限被截断")
    note: str | None = Field(default=None, title="说明（如截断原因）")
