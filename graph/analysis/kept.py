"""The whole-graph analyses as readers ask for them, each kept per graph version under one name and parameter set.

The API's routers, the benches and the warm-up after a load all go through these functions, so a result computed
by one is found by the others (in memory, or in the store's results folder by another process). ``warm`` computes
the ones an analyst's pages ask for with their default parameters; ``xuncha load`` runs it after the load, so even
the first request after a load reads a kept result instead of computing one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, TypeAdapter

from graph.analysis import linked
from graph.analysis.cache import cached
from graph.analysis.common_problems import common_problems
from graph.stores.base import Counts, GraphStore

ROWS = TypeAdapter(list[dict[str, Any]])  # how kept results are written and read back
REPORT = TypeAdapter(dict[str, Any])
COUNTS = TypeAdapter(Counts)
ALL_ROWS = 1_000_000  # whole lists are kept; the API pages them


def _rows(store: GraphStore, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return cached(store, name, params, lambda: store.run_query(name, params), shape=ROWS)


def repeats_rows(store: GraphStore, *, unit_id: str | None = None, issue_id: str | None = None,
                 flag: str | None = None) -> list[dict[str, Any]]:
    """Repeat pairs (all, or at a unit / of an issue / of one flag)."""
    return _rows(store, "repeats_at", {"unit_id": unit_id, "issue_id": issue_id, "flag": flag, "limit": ALL_ROWS})


def leader_carry_rows(store: GraphStore, *, person_id: str | None = None, min_units: int = 2) -> list[dict[str, Any]]:
    return _rows(store, "leader_carry", {"person_id": person_id, "min_units": min_units})


def in_many_clues_rows(store: GraphStore, *, min_matters: int = 2) -> list[dict[str, Any]]:
    return _rows(store, "people_in_many_clues", {"min_matters": min_matters})


def relative_rows(store: GraphStore, *, village_id: str | None = None) -> list[dict[str, Any]]:
    return _rows(store, "relative_links", {"village_id": village_id})


def common_rows(store: GraphStore, *, min_units: int = 3) -> list[dict[str, Any]]:
    """Common problems as plain rows (what the API pages)."""
    return cached(store, "common", {"min_units": min_units},
                  lambda: [c.model_dump(mode="json") for c in common_problems(store, min_units=min_units)],
                  shape=ROWS)


def linked_report(store: GraphStore, *, max_degree: int = linked.MAX_DEGREE, top: int = 20) -> dict[str, Any]:
    return cached(store, "linked", {"max_degree": max_degree, "top": top},
                  lambda: linked.linked_clusters(store, max_degree=max_degree, top=top).model_dump(mode="json"),
                  shape=REPORT)


def counts(store: GraphStore) -> Counts:
    return cached(store, "counts", {}, store.counts, shape=COUNTS)


class Warmed(BaseModel):
    """One result computed (or found kept) after a load, and how long that took."""

    name: str
    seconds: float


USUAL: dict[str, Callable[[GraphStore], Any]] = {
    "counts": counts, "common": common_rows, "linked": linked_report, "leader_carry": leader_carry_rows,
    "people_in_many_clues": in_many_clues_rows, "relative_links": relative_rows, "repeats": repeats_rows,
}


def warm(store: GraphStore, extra: dict[str, Callable[[GraphStore], Any]] | None = None) -> list[Warmed]:
    """Compute and keep the usual analyses (and ``extra`` ones, e.g. the dashboard) at the store's version."""
    done = []
    for name, compute in {**USUAL, **(extra or {})}.items():
        started = time.perf_counter()
        compute(store)
        done.append(Warmed(name=name, seconds=round(time.perf_counter() - started, 3)))
    return done
