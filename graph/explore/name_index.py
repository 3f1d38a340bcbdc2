"""Search by name without walking every node: an index of names built once per graph version.

``search_by_name`` looks at every node (embedded) or every ``Entity`` (Neo4j) on each request: 80–260 ms at scale
10 for a two-character fragment. An analyst types into the search box many times a minute, so the service builds,
once per graph version, one string per kind holding every name and alias in the order results are shown (shortest
name first, then id), and finds a fragment with ``str.find`` — C speed, and it stops after ``limit`` hits because
hits arrive in display order. The answer is the named query's answer (tests compare them on both stores).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from graph.analysis.cache import cached
from graph.model.ids import normalise_text
from graph.stores.base import QueryRunner

ENTRY, ALIAS = "\x00", "\x01"  # between entries; between a name and its aliases


def _hit(row: dict[str, Any], text: str) -> dict[str, Any]:
    """A search answer's row: the alias that matched only when the name itself does not hold the text."""
    alias = None if text in row["name"] else next(a for a in row["aliases"] if text in a)
    return {"id": row["id"], "kind": row["kind"], "name": row["name"], "matched_alias": alias}


class _Haystack:
    """One kind's (or every kind's) names in display order, joined into one string."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = sorted(rows, key=lambda r: (len(r["name"]), r["id"]))
        texts = [ALIAS.join([r["name"], *r["aliases"]]) for r in self.rows]
        self.starts, at = [], 1
        for text in texts:
            self.starts.append(at)
            at += len(text) + 1
        self.text = ENTRY + ENTRY.join(texts) + ENTRY

    def find(self, text: str, limit: int) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        at = self.text.find(text)
        while at >= 0 and len(found) < limit:
            entry = bisect_right(self.starts, at) - 1
            found.append(_hit(self.rows[entry], text))
            following = self.starts[entry + 1] if entry + 1 < len(self.starts) else len(self.text)
            at = self.text.find(text, following)
        return found


class NameIndex:
    """Names and aliases of every named entity, searchable by fragment, per kind or all together."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.exact = not any(ENTRY in t or ALIAS in t for r in rows for t in (r["name"], *r["aliases"]))
        self.all = _Haystack(rows)
        by_kind: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            by_kind.setdefault(row["kind"], []).append(row)
        self.kinds = {kind: _Haystack(part) for kind, part in by_kind.items()}

    def search(self, text: str, kind: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """What ``search_by_name`` answers for the same text, kind and limit."""
        text = normalise_text(text)
        if not text or ENTRY in text or ALIAS in text or not self.exact:
            return self._scan(text, kind, limit)
        haystack = self.all if kind is None else self.kinds.get(kind)
        return haystack.find(text, limit) if haystack is not None else []

    def _scan(self, text: str, kind: str | None, limit: int) -> list[dict[str, Any]]:
        """The plain walk, for a fragment or a name holding the separators (never in practice)."""
        found = []
        for row in self.all.rows:
            if kind is not None and row["kind"] != kind:
                continue
            if text in row["name"] or any(text in a for a in row["aliases"]):
                found.append(_hit(row, text))
                if len(found) == limit:
                    break
        return found


def name_index(store: QueryRunner) -> NameIndex:
    """The store's name index at its current version (built on the first search after a write)."""
    return cached(store, "name_index", {}, lambda: NameIndex(store.run_query("entity_names", {"kind": None})))
