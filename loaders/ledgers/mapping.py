"""The ledger kinds and their columns, read from ``columns.json``; matching headers to fields."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Load order: a ledger may name entities from the ledgers before it.
LOAD_ORDER = ("units", "people", "posts", "oversight", "rounds", "data_requests", "targets", "issues", "tasks",
              "findings", "clues", "cases", "letters", "measures", "companies", "projects", "benefits", "petitions",
              "relatives")


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


def header_key(text: str) -> str:
    """Headers compare without width, spaces, case, required-marks or line breaks.

    >>> header_key(" 单位名称* ") == header_key("单位名称")
    True
    """
    t = unicodedata.normalize("NFKC", str(text)).lower()
    return "".join(ch for ch in t if not ch.isspace() and ch not in "*＊:：")


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


def score(kind: LedgerKind, headers: list[str]) -> tuple[bool, int]:
    """(all required columns present, how many headers the kind knows)."""
    lookup = kind.lookup
    fields = {lookup[header_key(h)].field for h in headers if header_key(h) in lookup}
    required = all(c.field in fields for c in kind.columns if c.required)
    return required, len(fields)


def detect(headers: list[str], hint: str = "") -> list[LedgerKind]:
    """Kinds whose required columns are all present, best match first; a file-name hint breaks ties."""
    ranked = []
    for kind in ledger_kinds().values():
        complete, known = score(kind, headers)
        if complete:
            ranked.append((known, kind.title in hint, kind))
    ranked.sort(key=lambda r: (-r[0], not r[1]))
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0] and ranked[0][1] == ranked[1][1]:
        return [r[2] for r in ranked if r[0] == ranked[0][0]]
    return [r[2] for r in ranked[:1]]
