"""What every ledger builder builds with: the row's error on a field, what a row built, what builders may consult,
and the few steps every kind shares (a node from fields, a unit or person named by the row, codes, edges).

The per-kind builders (:mod:`loaders.ledgers.builders` and its siblings) are functions of one row; this module is
the vocabulary they share, so a sibling does not import another's private helpers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from graph.model import EdgeRecord, EdgeType, NodeKind, make_edge
from graph.model.nodes import NodeModel
from loaders.ledgers.codes import Recoding, clash_message
from loaders.ledgers.resolve import Merge, PeopleIndex, ResolveError, UnitIndex

_Node = TypeVar("_Node", bound=NodeModel)

T = EdgeType
K = NodeKind
EdgeFn = Callable[[], list[EdgeRecord]]


class RowError(ValueError):
    def __init__(self, field: str | None, reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


@dataclass
class Built:
    nodes: list[NodeModel] = field(default_factory=list)
    edges: list[EdgeFn] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)  # what was assumed for the row, for the report


@dataclass
class Context:
    """What builders may consult: the unit and people indexes, codes already known, first-in-commands."""

    units: UnitIndex
    people: PeopleIndex
    codes: dict[tuple[str, str], str]  # (kind, code) → id; filled from the store and from this load
    fic: Callable[[str, str], list[str]]  # (unit id, ISO date) → first-in-command person ids
    exists: Callable[[str], bool]  # is a node with this id in the store or in this load?
    recoding: Recoding | None = None  # this file's records a row with a corrected key may take the code of


def model(cls: type[_Node], **fields: Any) -> _Node:
    """Build a node, turning the first validation error into a :class:`RowError` on its field."""
    try:
        return cls(**{k: v for k, v in fields.items() if v is not None})
    except ValidationError as exc:
        raise row_error(exc) from exc


def row_error(exc: ValidationError, default_field: str | None = None) -> RowError:
    """The first validation error, on the field it names (the loader maps fields back to columns)."""
    first = exc.errors()[0]
    return RowError(str(first["loc"][0]) if first["loc"] else default_field, _zh(first))


def _zh(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind == "missing":
        return "必填，不能为空"
    if kind in ("string_too_short", "string_too_long"):
        return f"长度不符合要求（{error.get('ctx', {})}）"
    if kind == "string_pattern_mismatch":
        return "格式不符合要求"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"超出允许范围（{error.get('ctx', {})}）"
    return f"不符合要求：{error['msg']}"


def unit_ref(ctx: Context, out: Built, r: dict[str, Any], name_field: str = "unit") -> str:
    """The unit a row names (by the county, the name in ``name_field`` and the township); merges are noted in ``out``."""
    try:
        uid, merge = ctx.units.resolve(r["county"], r[name_field], r.get("township") or "")
    except ResolveError as exc:
        raise RowError(name_field, str(exc)) from exc
    if merge:
        out.merges.append(merge)
    return uid


def register_code(ctx: Context, kind: str, code: str, node: NodeModel) -> None:
    """Remember a code this row declares; one code naming two entries would make references ambiguous — unless the
    row is this file's record with its key corrected (:class:`~loaders.ledgers.codes.Recoding`)."""
    known = ctx.codes.get((kind, code))
    if known and known != node.id:
        why = clash_message(kind, code) if ctx.recoding is None else ctx.recoding.takes(kind, code, known, node)
        if why:
            raise RowError("code", why)
    ctx.codes[(kind, code)] = node.id


def code_ref(ctx: Context, kind: str, code: str, field_name: str) -> str:
    found = ctx.codes.get((kind, code))
    if not found:
        raise RowError(field_name, f"找不到编号为“{code}”的{NodeKind(kind).label_zh}；请先载入对应台账")
    return found


def edge(t: EdgeType, src: tuple[NodeKind, str], dst: tuple[NodeKind, str], **props: Any) -> EdgeRecord:
    return make_edge(t, src, dst, **{k: v for k, v in props.items() if v is not None})


def person(ctx: Context, out: Built, r: dict[str, Any], *, name: str = "name", id_hash: str = "id_hash",
           id_number: str = "id_number", unit_id: str | None = None, on: str | None = None) -> str:
    try:
        pid, new, merge = ctx.people.resolve(r[name], id_hash=r.get(id_number) or r.get(id_hash), unit_id=unit_id,
                                             on=on, gender=r.get("gender"), birth_year=r.get("birth_year"))
    except ResolveError as exc:
        raise RowError(name, str(exc)) from exc
    except ValidationError as exc:
        raise row_error(exc, name) from exc
    if new is not None:
        out.nodes.append(new)
        ctx.people.remember(r[name], pid, has_id=new.id_hash is not None)
    if merge:
        out.merges.append(merge)
    return pid
