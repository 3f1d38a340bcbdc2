"""Finding unit names in running text, and resolving them with the ledgers' own unit resolution.

Speeches name units the short way (县农业农村局, 农业农村局, 青江街道, 湖坝村). The finder knows the written forms
of every unit in the register — the full name, the name without the county, 县 + that, and for a village its
township + its name — and scans a sentence for the longest of them. What a form *means* is decided by
:meth:`loaders.ledgers.resolve.UnitIndex.resolve` (normalisation, township qualification, the county's alias table),
never here: a form that fits several units (南岗村 in two townships) is retried with the township the context names,
and otherwise stays unresolved with its candidates. Offices also shorten names in set ways (发展和改革局 → 发改局,
住房和城乡建设局 → 住建局, …有限公司 → …公司): ``unit_short_forms`` and ``unit_short_suffixes`` of ``text_rules.json``
give those ways, and a short form made from one unit's name only (never one that is another unit's name) stands
for that unit. A document that names a unit in full may then call it by a bare two-character name (县残联 …
残联…, 县总工会 … 工会…): :meth:`UnitFinder.local_forms` gives those for one document only. Redacted names (*局,
县*, XX同志) are found so that an item under them is left unresolved rather than given to the unit of the
surrounding text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from graph.model.enums import UnitKind
from graph.reviews.rules import load_rules
from graph.stores.base import GraphStore
from loaders.ledgers.resolve import ResolveError, UnitIndex, core_name, load_unit_index

REDACTED = re.compile(r"(?:县|镇|乡)(?:[*＊×]{1,3}|XX|ＸＸ)|"
                      r"(?:[*＊×]{1,3}|(?<![A-Za-zＡ-Ｚａ-ｚ])[XＸ]{1,2}|某某?)"
                      r"(?:局|镇|乡|村|办|委|中心|公司|部|社区|街道|单位|党组|组|同志|院|校|所|站|队|馆|社)|"
                      # a star before a short stem (*林场, *水厂): no date (202*年) and no figure (1*万元)
                      r"[*＊×]{1,3}(?![年月日号万元])[\u4e00-\u9fff]{1,2}?(?:场|厂|局|院|所|站|队|馆|中心|公司)|"
                      # a unit whose name the text says it withholds: 一个单位（名称已隐去）, 某乡镇（略）
                      r"(?:单位|部门|乡镇|村|公司)[（(][^）)]{0,4}(?:隐去|略去|从略|略|不点名)[)）]")

# a kind whose units are told by how their names end, not by the kind's word inside them (县住房和城乡建设局 is no
# township: 乡 inside; 湖岭乡 and 新水镇 are townships though 乡镇 is in neither)
KIND_ENDINGS = {"乡镇": ("乡", "镇", "街道"), "局": ("局",)}


def name_endings(noun: str) -> tuple[str, ...]:
    """How the names of a kind's units end (两乡镇: 乡, 镇 or 街道; 三家医院: 院)."""
    return KIND_ENDINGS.get(noun, (noun[-1],))


_NUMERAL = re.compile(r"[一二三四五六七八九十\d]")  # 一中: too common inside words (统一中标) to stand alone


def _occurrences(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    form: str


@dataclass(frozen=True)
class Resolved:
    unit_id: str | None
    name: str  # the register's name (with township for a village), or the form as written when unresolved
    rule: str  # how it was resolved, or why not


def short_names(index: UnitIndex, forms: dict[str, list[str]], suffixes: dict[str, list[str]],
                min_chars: int) -> dict[str, str]:
    """Short core name → unit id, for the short forms only one unit's name gives and no unit is called (one a
    character shorter than ``min_chars`` is kept to be found with the county's 县 before it: 县一中)."""
    made: dict[str, set[str]] = {}
    for uid, entry in index.entries.items():
        if entry.parent:
            continue  # villages are not shortened
        core = core_name(entry.name, entry.county)
        variants = {core}
        for long, shorts in forms.items():
            variants |= {v.replace(long, s) for v in list(variants) if long in v for s in shorts}
        for long, shorts in suffixes.items():
            variants |= {v[: -len(long)] + s for v in list(variants) if v.endswith(long) for s in shorts}
        for v in variants - {core}:
            made.setdefault(v, set()).add(uid)
    taken = {key for (_, key) in index.by_core}
    return {v: next(iter(uids)) for v, uids in made.items()
            if len(uids) == 1 and v not in taken and len(v) + 1 >= min_chars}


class UnitFinder:
    """Unit mentions in text, resolved through a :class:`UnitIndex` (the store's register and alias table)."""

    def __init__(self, index: UnitIndex, county: str, kinds: dict[str, str], *, min_chars: int = 3,
                 stop: tuple[str, ...] = (), aliases: tuple[str, ...] = (),
                 short_forms: dict[str, list[str]] | None = None,
                 short_suffixes: dict[str, list[str]] | None = None) -> None:
        self.index, self.county, self.kinds = index, county, kinds
        forms: set[str] = set()
        for entry in index.entries.values():
            core = core_name(entry.name, entry.county)
            candidates = {entry.name, core, "县" + core}
            if entry.parent:
                candidates.add(core_name(entry.parent, entry.county) + core)
            forms |= {f for f in candidates if len(f) >= min_chars and f not in stop}
        self.short = short_names(index, short_forms or {}, short_suffixes or {}, min_chars)
        forms |= {f for core in self.short for f in (core, "县" + core) if f not in stop and len(f) >= min_chars}
        for (_, alias) in index.user_aliases:
            if len(alias) >= min_chars:
                forms.add(alias)
        forms |= {a for a in aliases if len(a) >= min_chars and a not in stop}  # the register's own 别名
        ordered = sorted(forms, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        self._cache: dict[tuple[str, str], Resolved] = {}
        # units with a two-character name (残联; 工会 by a short form), and their full written forms, longest first
        self._two_char: dict[str, str] = {}
        for uid, entry in index.entries.items():
            core = core_name(entry.name, entry.county)
            for short in [core, *(s for s, owner in self.short.items() if owner == uid)]:
                if len(short) == 2 and not entry.parent and short not in stop and not _NUMERAL.search(short):
                    self._two_char.setdefault(short, uid)
        self._full_forms = {uid: sorted({f for f in (self.index.entries[uid].name,
                                                     "县" + core_name(self.index.entries[uid].name, county),
                                                     *("县" + s for s, o in self.short.items() if o == uid),
                                                     core_name(self.index.entries[uid].name, county))
                                         if len(f) >= 3}, key=len, reverse=True)
                            for uid in set(self._two_char.values())}

    @classmethod
    def for_store(cls, store: GraphStore, alias_table: object = None, county: str = "", **kw: object) -> UnitFinder:
        index = load_unit_index(store, alias_table)  # type: ignore[arg-type]
        rows = store.run_query("unit_directory", {})
        kinds = {r["id"]: r["unit_kind"] for r in rows if "unit_kind" in r}
        kw.setdefault("aliases", tuple(a for r in rows for a in r.get("aliases") or ()))
        if "short_forms" not in kw or "short_suffixes" not in kw:  # the shipped rules when the caller gives none
            shipped = load_rules("text_rules", None, package="loaders.text")
            kw.setdefault("short_forms", shipped["unit_short_forms"])
            kw.setdefault("short_suffixes", shipped["unit_short_suffixes"])
        if not county:
            counts = Counter(e.county for e in index.entries.values())
            county = counts.most_common(1)[0][0] if counts else ""
        return cls(index, county, kinds, **kw)  # type: ignore[arg-type]

    def mentions(self, text: str, local: dict[str, str] | None = None) -> list[Mention]:
        """The unit names in a text, longest first; with ``local`` (:meth:`local_forms`), also the bare short names a
        document uses for units it names in full, each as the full form it stands for."""
        if self._pattern is None:
            return []
        found = [Mention(m.start(), m.end(), m.group()) for m in self._pattern.finditer(text)]
        if not local:
            return found
        more = [Mention(i, i + len(short), full) for short, full in local.items()
                for i in _occurrences(text, short) if not any(f.start < i + len(short) and i < f.end for f in found)]
        return sorted(found + more, key=lambda m: m.start)

    def local_forms(self, texts: list[str]) -> dict[str, str]:
        """Two-character names (残联, 工会) of the units the texts name in full (县残联, 县总工会) → the full form: a
        document that has named a unit may call it so afterwards; such short words are no name anywhere else."""
        joined = "\n".join(texts)
        out: dict[str, str] = {}
        for short, uid in self._two_char.items():
            if short in joined:
                full = next((f for f in self._full_forms[uid] if f in joined), None)
                if full is not None and self.resolve(full).unit_id == uid:
                    out[short] = full
        return out

    def resolve(self, form: str, township: str = "") -> Resolved:
        key = (form, township)
        if key not in self._cache:
            self._cache[key] = self._resolve(form, township)
        return self._cache[key]

    def _resolve(self, form: str, township: str) -> Resolved:
        try:
            uid, merge = self.index.resolve(self.county, form)
            return Resolved(uid, self.label(uid), merge.rule if merge else "名称一致")
        except ResolveError as exc:
            first = str(exc)
        short = self.short.get(core_name(form, self.county))
        if short:
            return Resolved(short, self.label(short), f"简称“{form}”")
        if township:
            try:
                uid, merge = self.index.resolve(self.county, form, township)
                return Resolved(uid, self.label(uid), f"按上下文的乡镇“{township}”限定")
            except ResolveError:
                pass
        return Resolved(None, form, first)

    def label(self, uid: str) -> str:
        e = self.index.entries[uid]
        return f"{e.parent}{e.name}" if e.parent else e.name

    def township_of(self, uid: str | None) -> str:
        """The township a unit is or lies in ('' for a county department)."""
        if uid is None:
            return ""
        e = self.index.entries[uid]
        if e.parent:
            return e.parent
        return e.name if self.kinds.get(uid) == UnitKind.TOWNSHIP.value else ""

    def kind(self, uid: str | None) -> str:
        return self.kinds.get(uid or "", "")

    def is_parent(self, parent: str | None, child: str | None) -> bool:
        if not parent or not child:
            return False
        return self.index.entries[child].parent == self.index.entries[parent].name
