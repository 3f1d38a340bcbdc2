"""Whole-graph results computed once per graph version and reused until the next write.

Both stores keep a write generation (``store.generation()``) that every write bumps — in any process, on
the embedded store through the SQLite file, on Neo4j through a ``GraphVersion`` node. A result is kept with
the generation it was computed at and served while the store is still at that generation; the first request
after a write computes it again. What is returned is shared between callers: read it, never change it (the
API pages and masks into new objects).
"""

from __future__ import annotations

import json
import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_lock = threading.Lock()
_kept: weakref.WeakKeyDictionary[Any, dict[str, tuple[int, Any]]] = weakref.WeakKeyDictionary()
_computing: dict[tuple[int, str], threading.Lock] = {}


def cached(store: Any, name: str, params: dict[str, Any], compute: Callable[[], T]) -> T:
    """``compute()``'s result for ``name`` and ``params`` at the store's current generation.

    A store without ``generation()`` is not cached. Two requests arriving together for the same result
    compute it once.
    """
    generation_of = getattr(store, "generation", None)
    if generation_of is None:
        return compute()
    key = name + json.dumps(params, sort_keys=True, default=str)
    generation = generation_of()
    with _lock:
        kept = _kept.setdefault(store, {})
        hit = kept.get(key)
        gate = _computing.setdefault((id(store), key), threading.Lock())
    if hit is not None and hit[0] == generation:
        return hit[1]
    with gate:
        with _lock:
            hit = kept.get(key)
        if hit is not None and hit[0] == generation:
            return hit[1]
        value = compute()
        if generation_of() == generation:  # a write landed meanwhile: do not keep what may mix both
            with _lock:
                kept[key] = (generation, value)
        return value


def forget(store: Any) -> None:
    """Drop everything kept for ``store`` (tests and benches compare against fresh computations)."""
    with _lock:
        _kept.pop(store, None)
