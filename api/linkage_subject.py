"""The subject of a 贯通联动 review named by id or by name, resolved as the ledgers resolve names.

A unit: its id; or its name, matched after the ledgers' normalisation (county
prefix, 党组/党委 suffixes, full-width characters; a village may be qualified by
its township, 青山镇东村) against the directory of units (named query
``unit_directory``) and the county's alias table ``unit_aliases.csv``; failing
that, the units whose name or alias holds the text (``search_by_name``). A
person: their id; or their name (``people_named``). One match is the subject;
none is :class:`SubjectNotFound`; several are :class:`SubjectAmbiguous`, whose
Chinese message lists the candidates with their ids (and a person's posts) so
the reader can repeat the request by id.
"""

from __future__ import annotations

from pathlib import Path

from graph.model.ids import kind_of_id
from graph.stores.base import QueryRunner
from loaders.ledgers.resolve import core_name, load_unit_index

MAX_LISTED = 10


class SubjectNotFound(LookupError):
    """No unit or person has that name."""


class SubjectAmbiguous(LookupError):
    """Several units or people have that name; ``candidates`` are (id, label)."""

    def __init__(self, message: str, candidates: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.candidates = candidates


def _listed(candidates: list[tuple[str, str]]) -> str:
    shown = "；".join(f"{label}（{cid}）" for cid, label in candidates[:MAX_LISTED])
    more = f"等{len(candidates)}个" if len(candidates) > MAX_LISTED else ""
    return shown + more


def resolve_unit(store: QueryRunner, ref: str, alias_table: Path | None = None) -> str:
    """A unit id for ``ref`` (an id, or a name as a ledger would write it)."""
    ref = ref.strip()
    if kind_of_id(ref) == "Unit":
        return ref
    index = load_unit_index(store, alias_table)  # type: ignore[arg-type]
    counties = sorted({e.county for e in index.entries.values()})
    found: set[str] = set()
    for county in counties:
        exact = index.exact.get((county, "", ref))
        if exact:
            found.add(exact)
            continue
        alias = index.user_aliases.get((county, core_name(ref, county)))
        if alias and (target := index.exact.get((county, alias[1], alias[0]))):
            found.add(target)
            continue
        found |= index.by_core.get((county, core_name(ref, county)), set())
    if not found and ref:
        found = {r["id"] for r in store.run_query("search_by_name", {"text": ref, "kind": "Unit", "limit": 50})}
    if len(found) == 1:
        return next(iter(found))
    if not found:
        raise SubjectNotFound(f"找不到名为“{ref}”的单位（已去掉县名、党组/党委等前后缀，并查了别名表）；"
                              "请核对名称或改用单位 id。")
    candidates = sorted(((u, index._label(u) if u in index.entries else u) for u in found), key=lambda c: (c[1], c[0]))
    raise SubjectAmbiguous(f"名称“{ref}”对应{len(candidates)}个单位：{_listed(candidates)}。请使用完整名称"
                           "（村、社区请加所属乡镇，如“某某镇某某村”）或改用单位 id。", candidates)


def resolve_person(store: QueryRunner, ref: str) -> str:
    """A person id for ``ref`` (an id, or a name)."""
    ref = ref.strip()
    if kind_of_id(ref) == "Person":
        return ref
    rows = store.run_query("people_named", {"name": ref}) if ref else []
    people = sorted({r["person_id"] for r in rows})
    if len(people) == 1:
        return people[0]
    if not people:
        raise SubjectNotFound(f"没有名为“{ref}”的人员；请核对姓名或改用人员 id。")
    units = {u["id"]: (f"{u['parent_name']}{u['name']}") for u in store.run_query("unit_directory", {})}
    posts: dict[str, list[str]] = {p: [] for p in people}
    for r in rows:
        if r["unit_id"]:
            span = f"{r['start'] or '?'}起" + (f"至{r['end']}" if r["end"] else "")
            posts[r["person_id"]].append(f"{units.get(r['unit_id'], r['unit_id'])}{span}")
    candidates = [(p, f"{ref}，" + ("；".join(posts[p][:3]) or "无任职记录")) for p in people]
    raise SubjectAmbiguous(f"有{len(people)}名人员名为“{ref}”：{_listed(candidates)}。请改用人员 id。", candidates)


def resolve_subject(store: QueryRunner, *, unit: str | None, person: str | None,
                    alias_table: Path | None = None) -> tuple[str | None, str | None]:
    """(unit id, person id) for the names or ids given (at most one is given; the other stays None)."""
    return (resolve_unit(store, unit, alias_table) if unit is not None else None,
            resolve_person(store, person) if person is not None else None)
