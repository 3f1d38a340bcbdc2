"""The names of known people, as one matcher per store generation, for masking and auditing free text.

Building the matcher reads every person's name once (0.1 s for a county, about 1 s for 45,000 names); it
is kept until the store changes. The embedded store says when it changed (its generation counter, which
another process's write also moves); for a store that cannot say (Neo4j) the matcher is rebuilt at most
every :data:`REFRESH_SECONDS`, and at once after a write in this process that calls :func:`invalidate`.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Hashable
from contextlib import nullcontext
from typing import Any

from graph.model import NodeKind
from graph.text_privacy import NameMatcher

REFRESH_SECONDS = 30.0
_cache: weakref.WeakKeyDictionary[Any, tuple[Hashable, NameMatcher]] = weakref.WeakKeyDictionary()
_building = threading.Lock()
_EMPTY = NameMatcher({})


def _generation(store: Any) -> Hashable:
    public = getattr(store, "generation", None)
    if public is not None:
        return ("generation", public() if callable(public) else public)
    sync = getattr(store, "sync", None)
    if callable(sync) and hasattr(store, "_generation"):  # the embedded store: catch up with other processes first
        sync()
        return ("generation", store._generation)
    return ("clock", int(time.monotonic() // REFRESH_SECONDS))


def person_names(store: Any) -> dict[str, list[str]]:
    """Every person's name with the ids of the people who bear it."""
    names: dict[str, list[str]] = {}
    own = getattr(store, "person_names", None)
    if callable(own):  # a store may answer this itself
        return dict(own())
    graph = getattr(store, "graph", None)
    if graph is not None and hasattr(graph, "nodes"):  # embedded: read the in-memory graph under its lock
        with getattr(store, "_lock", None) or nullcontext():
            for nid, attrs in graph.nodes(data=True):
                if attrs.get("_kind") == NodeKind.PERSON.value and attrs.get("name"):
                    names.setdefault(attrs["name"], []).append(nid)
        return names
    read = getattr(store, "_read", None)
    if callable(read):  # Neo4j: one query for the names alone
        for row in read("MATCH (p:Person) WHERE p.name IS NOT NULL RETURN p.id AS id, p.name AS name"):
            names.setdefault(row["name"], []).append(row["id"])
        return names
    for node in store.iter_nodes():
        if node.kind is NodeKind.PERSON and node.props.get("name"):
            names.setdefault(node.props["name"], []).append(node.id)
    return names


def matcher_for(store: Any) -> NameMatcher:
    """The matcher for the store as it is now: cached, rebuilt when the store has changed."""
    if store is None:
        return _EMPTY
    key = _generation(store)
    cached = _cache.get(store)
    if cached is not None and cached[0] == key:
        return cached[1]
    with _building:  # one thread builds; the others wait for it rather than build the same thing
        cached = _cache.get(store)
        if cached is not None and cached[0] == key:
            return cached[1]
        matcher = NameMatcher(person_names(store))
        _cache[store] = (key, matcher)
        return matcher


def invalidate(store: Any | None = None) -> None:
    """Forget the matcher of one store (or all): the next response builds it afresh."""
    with _building:
        if store is None:
            _cache.clear()
        else:
            _cache.pop(store, None)
