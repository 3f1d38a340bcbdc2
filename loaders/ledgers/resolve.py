"""Entity resolution: which unit or person a ledger row means. Explainable and reversible.

Units: names are compared after normalisation (full-width characters, spaces,
the county prefix and party-organisation suffixes such as 党组/党委/党总支), a
village is qualified by its township (某镇某村), and an alias table the users
edit (``unit_aliases.csv`` in the data folder: 别名,标准名称,所属乡镇,县) maps
what normalisation cannot. Every match that is not an exact name records the
rule that made it, so the load report can list it and a person can undo it
(by editing the alias table or the ledger) before or after loading.

People: an ID-number digest joins rows for certain. Without one, a row joins
an existing person only on evidence — the same name holding a post at the
same unit in an overlapping period; two people of one name elsewhere stay
apart, and the report lists them as near-misses for a person to confirm.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import nodes as m
from graph.stores.base import GraphStore

PARTY_SUFFIXES = ("党组织", "党总支部委员会", "党总支", "党支部委员会", "党支部", "党工委", "党委", "党组")
UNIT_SUFFIXES = ("委员会",)


class ResolveError(ValueError):
    """A reference that names nothing known, or names several things."""


@dataclass(frozen=True)
class Merge:
    """One resolution a person may want to check."""

    value: str
    matched: str
    rule: str
    near_miss: bool = False
    person_id: str | None = None  # a near miss: the record this row made, and the namesakes it was kept apart from
    candidates: tuple[str, ...] = ()


def core_name(name: str, county: str = "") -> str:
    """The distinctive part of a unit name.

    >>> core_name("宁川县农业农村局党组", "宁川县") == core_name(" 农业农村局 ") == core_name("县农业农村局")
    True
    """
    t = "".join(unicodedata.normalize("NFKC", name).split())
    if county and t.startswith(county):
        t = t[len(county):]
    elif county and len(county) > 1 and t.startswith(county[:-1]) and len(t) > len(county):
        t = t[len(county) - 1:]
    if t.startswith("县") and len(t) > 2:
        t = t[1:]
    for suffix in PARTY_SUFFIXES:
        if t.endswith(suffix) and len(t) > len(suffix) + 1:
            t = t[: -len(suffix)]
            break
    return t


@dataclass
class UnitEntry:
    id: str
    name: str
    county: str
    parent: str


@dataclass
class UnitIndex:
    """Units of the store and of the rows being loaded, looked up by name."""

    exact: dict[tuple[str, str, str], str] = field(default_factory=dict)
    by_core: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    entries: dict[str, UnitEntry] = field(default_factory=dict)
    user_aliases: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def add(self, uid: str, name: str, county: str, parent: str = "", aliases: tuple[str, ...] = ()) -> None:
        self.entries[uid] = UnitEntry(uid, name, county, parent)
        self.exact[(county, parent, name)] = uid
        keys = {core_name(name, county), *(core_name(a, county) for a in aliases)}
        if parent:
            township = core_name(parent, county)
            keys |= {township + k for k in list(keys)}
        for key in keys:
            self.by_core[(county, key)].add(uid)

    def alias(self, uid: str, name: str, county: str, parent: str = "") -> None:
        """Another name of a known unit (a record a person judged to be this unit): looked up, never shown."""
        if uid not in self.entries:
            return
        self.exact.setdefault((county, parent, name), uid)
        key = core_name(name, county)
        self.by_core[(county, key)].add(uid)
        if parent:
            self.by_core[(county, core_name(parent, county) + key)].add(uid)

    def resolve(self, county: str, name: str, township: str = "") -> tuple[str, Merge | None]:
        name, township = name.strip(), (township or "").strip()
        uid = self.exact.get((county, township, name))
        if uid:
            return uid, None
        alias = self.user_aliases.get((county, core_name(name, county)))
        if alias:
            canonical, parent = alias
            target = self.exact.get((county, parent, canonical))
            if target:
                return target, Merge(name, self._label(target), "别名表")
        candidates = set(self.by_core.get((county, core_name(name, county)), set()))
        rule = "名称规范化"
        if township:
            qualified = self.by_core.get((county, core_name(township, county) + core_name(name, county)), set())
            in_township = {u for u in candidates if core_name(self.entries[u].parent, county) == core_name(
                township, county)}
            candidates, rule = qualified | in_township, "乡镇限定+名称规范化"  # a named township must agree
        if len(candidates) == 1:
            target = next(iter(candidates))
            exact = self.entries[target].name == name and not township
            return target, None if exact else Merge(name, self._label(target), rule)
        if not candidates:
            where = f"{county}{township}" if township else county
            raise ResolveError(f"在{where}找不到单位“{name}”（已去掉县名、党组/党委等前后缀，并查了别名表）；"
                               "请先载入单位名册，或在别名表 unit_aliases.csv 中补充")
        names = "、".join(sorted(self._label(u) for u in candidates))
        raise ResolveError(f"单位“{name}”可能是多个单位（{names}）；请填写“所属乡镇”或使用完整名称")

    def _label(self, uid: str) -> str:
        e = self.entries[uid]
        return f"{e.parent}{e.name}" if e.parent else e.name


def read_alias_table(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """``unit_aliases.csv``: 别名,标准名称,所属乡镇,县 (UTF-8 or GBK)."""
    from loaders.ledgers.readers import decode

    if not path.exists():
        return {}
    table = {}
    for row in csv.DictReader(decode(path.read_bytes()).splitlines()):
        county = (row.get("县") or "").strip()
        alias, canonical = (row.get("别名") or "").strip(), (row.get("标准名称") or "").strip()
        if alias and canonical:
            table[(county, core_name(alias, county))] = (canonical, (row.get("所属乡镇") or "").strip())
    return table


def load_unit_index(store: GraphStore, alias_table: Path | None = None) -> UnitIndex:
    index = UnitIndex()
    for row in store.run_query("unit_directory", {}):
        index.add(row["id"], row["name"], row["county"], row["parent_name"], tuple(row["aliases"]))
    if alias_table:
        index.user_aliases = read_alias_table(alias_table)
    return index


@dataclass
class PersonEvidence:
    person_id: str
    unit_id: str | None
    start: str | None
    end: str | None
    has_id: bool


@dataclass
class PeopleIndex:
    """People already known by name (store, then rows of this load), with the posts that tell them apart."""

    store: GraphStore
    cache: dict[str, list[PersonEvidence]] = field(default_factory=dict)
    added: dict[str, list[PersonEvidence]] = field(default_factory=lambda: defaultdict(list))

    def named(self, name: str) -> list[PersonEvidence]:
        """Store evidence (asked only when a row has no ID digest) plus what this load has added."""
        if name not in self.cache:
            self.cache[name] = [PersonEvidence(r["person_id"], r["unit_id"], r["start"], r["end"], r["has_id"])
                                for r in self.store.run_query("people_named", {"name": name})]
        return self.cache[name] + self.added[name]

    def remember(self, name: str, person_id: str, unit_id: str | None = None, start: str | None = None,
                 end: str | None = None, has_id: bool = False) -> None:
        self.added[name].append(PersonEvidence(person_id, unit_id, start, end, has_id))

    def resolve(self, name: str, *, id_hash: str | None, unit_id: str | None, on: str | None,
                gender: str | None = None, birth_year: int | None = None
                ) -> tuple[str, m.Person | None, Merge | None]:
        """(id, new person or None when an existing one is meant, merge to report) for a named person."""
        if id_hash:
            person = m.Person(name=name, id_hash=id_hash, gender=gender, birth_year=birth_year)
            return person.id, person, None
        known = self.named(name)
        if unit_id:
            covering = {e.person_id for e in known if e.unit_id == unit_id and (on is None or (
                (e.start or "") <= on and (e.end is None or on <= e.end)))}
            if len(covering) == 1:
                pid = next(iter(covering))
                return pid, None, Merge(name, pid, "姓名+单位+任期")
            if len(covering) > 1:
                raise ResolveError(f"“{name}”在该单位同一时期有 {len(covering)} 人同名，无法区分；请填写身份证号")
        person = m.Person(name=name, gender=gender, birth_year=birth_year, origin=f"{unit_id or '-'}@{on or '-'}")
        namesakes = sorted({e.person_id for e in known if e.person_id != person.id})
        if not namesakes:
            return person.id, person, None
        return person.id, person, Merge(name, "、".join(namesakes[:5]), "同名但无任职重叠，按不同人员处理", near_miss=True,
                                        person_id=person.id, candidates=tuple(namesakes))
