"""The ledger kinds and their columns, read from ``columns.json``; matching headers to fields."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

# Load order: a ledger may name entities from the ledgers before it.
LOAD_ORDER = ("units", "successions", "people", "posts", "oversight", "rounds", "data_requests", "targets", "issues",
              "tasks", "findings", "clues", "cases", "letters", "measures", "companies", "projects", "benefits",
              "petitions", "relatives")


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    type: str
    required: bool
    aliases: tuple[str, ...]
    example: str


@dataclass(frozen=True)
class LedgerKind:
    key: str
    title: str
    about: str
    columns: tuple[Column, ...]

    def column(self, field: str) -> Column:
        return next(c for c in self.columns if c.field == field)

    @property
    def lookup(self) -> dict[str, Column]:
        table: dict[str, Column] = {}
        for col in self.columns:
            for name in (col.header, *col.aliases, col.field):
                table.setdefault(header_key(name), col)
        return table


_MARKS = re.compile(r"[(\[【〔]\s*(?:必填项?|选填|非必填|可选|可不填|必录|选录)\s*[)\]】〕]")
_PUNCT = set("()[]{}【】〔〕<>《》「」、,，.。/／\\-_—–·'\"“”‘’;；|｜~～")


def header_key(text: str) -> str:
    """Headers compare without width, spaces, case, required-marks such as （必填） or line breaks.

    >>> header_key(" 单位名称* ") == header_key("单位名称（必填）") == header_key("单位名称")
    True
    """
    t = _MARKS.sub("", unicodedata.normalize("NFKC", str(text)).lower())
    return "".join(ch for ch in t if not ch.isspace() and ch not in "*＊:：")


def loose_key(text: str) -> str:
    """A header without punctuation or brackets too (their contents stay: 金额（元） is not 金额（万元）).

    >>> loose_key("县（市、区）") == loose_key("县(市/区)") == loose_key("县市区")
    True
    """
    return "".join(ch for ch in header_key(text) if ch not in _PUNCT)


@dataclass(frozen=True)
class HeaderMatch:
    column: Column | None
    rule: str  # 列名相同 | 去掉标点后相同 | 包含“…” | 不认识 | 多义


def match_header(kind: LedgerKind, header: str) -> HeaderMatch:
    """Which column of ``kind`` a header means: exactly, after dropping punctuation, or by a known name inside it.

    A header holding two known names of different columns, equally long, means neither (多义).

    >>> k = ledger_kinds()["units"]
    >>> [match_header(k, h).column.field for h in ("单位名称", "单位 名称（必填）", "单位全称", "所属乡镇(街道)")]
    ['name', 'name', 'name', 'township']
    """
    key = header_key(header)
    exact = kind.lookup.get(key)
    if exact:
        return HeaderMatch(exact, "列名相同")
    table = _loose_table(kind.key)
    loose = loose_key(header)
    if loose in table:
        return HeaderMatch(table[loose], "去掉标点后相同")
    inside = [(len(variant), variant, col) for variant, col in table.items() if len(variant) >= 2 and variant in loose]
    if not inside:
        return HeaderMatch(None, "不认识")
    inside.sort(key=lambda t: -t[0])
    best = [t for t in inside if t[0] == inside[0][0]]
    if len({t[2].field for t in best}) > 1:
        return HeaderMatch(None, "多义")
    return HeaderMatch(best[0][2], f"包含“{best[0][1]}”")


@cache
def _loose_table(kind_key: str) -> dict[str, Column]:
    table: dict[str, Column] = {}
    for col in ledger_kinds()[kind_key].columns:
        for name in (col.header, *col.aliases, col.field):
            table.setdefault(loose_key(name), col)
    return table


def unit_kind_rules() -> tuple[list[tuple[str, str]], str]:
    """(name ending → unit kind label, in order; the default kind) for registers without 单位类别."""
    data = _data()
    return [(a, b) for a, b in data.get("unit_kind_by_suffix", [])], str(data.get("unit_kind_default", "县直单位"))


def office_field() -> str:
    """The field filled from the office's county when a sheet has no such column (``xuncha init``)."""
    return str(_data().get("office_field", "county"))


def numbered_fields() -> dict[str, tuple[str, tuple[str, ...], str | None]]:
    """Kinds whose number column (序号) may be left out: kind → (field, the fields a number is counted within,
    the field whose trailing digits give the number when they can)."""
    return {k: (v["field"], tuple(v["within"]), v.get("from")) for k, v in _data().get("numbered", {}).items()}


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(resources.files("loaders.ledgers").joinpath("columns.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def ledger_kinds() -> dict[str, LedgerKind]:
    kinds = {}
    for key, k in _data()["kinds"].items():
        cols = tuple(Column(c["field"], c["header"], c["type"], c["required"], tuple(c["aliases"]), c["example"])
                     for c in k["columns"])
        kinds[key] = LedgerKind(key, k["title"], k["about"], cols)
    return {key: kinds[key] for key in LOAD_ORDER}


def ignored_headers() -> set[str]:
    return {header_key(h) for h in _data()["ignored_headers"]}


def kind_by_name(name: str) -> LedgerKind | None:
    """A kind by its key (``issues``) or its Chinese title (``问题清单``)."""
    for kind in ledger_kinds().values():
        if name in (kind.key, kind.title):
            return kind
    return None


def score(kind: LedgerKind, headers: list[str], lenient: bool = False) -> tuple[bool, int]:
    """(all required columns present, how many headers the kind knows).

    Strictly, a header must be a known name (punctuation aside); leniently, it may also contain one.
    """
    matches = (match_header(kind, h) for h in headers if h)
    fields = {m.column.field for m in matches if m.column and (lenient or not m.rule.startswith("包含"))}
    required = all(c.field in fields for c in kind.columns if c.required)
    return required, len(fields)


def detect(headers: list[str], hint: str = "", lenient: bool = False) -> list[LedgerKind]:
    """Kinds whose required columns are all present, best match first; a file-name hint breaks ties."""
    strict = _detect(headers, hint, lenient)
    if strict or lenient:
        return strict
    # Nothing fits by known names: the kind that knows the most headers, if they include all it requires.
    best = max(ledger_kinds().values(), key=lambda k: score(k, headers, True)[1])
    return [best] if score(best, headers, True)[0] else []


def _detect(headers: list[str], hint: str, lenient: bool) -> list[LedgerKind]:
    ranked = []
    for kind in ledger_kinds().values():
        complete, known = score(kind, headers, lenient)
        if complete:
            ranked.append((known, kind.title in hint, kind))
    ranked.sort(key=lambda r: (-r[0], not r[1]))
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0] and ranked[0][1] == ranked[1][1]:
        return [r[2] for r in ranked if r[0] == ranked[0][0]]
    return [r[2] for r in ranked[:1]]
