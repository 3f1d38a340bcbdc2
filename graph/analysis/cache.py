"""Whole-graph results computed once per graph version and reused until the next write — by every process.

Both stores name their version (``store.version()``): the write generation that every write bumps, in any
process (on the embedded store through the SQLite file, on Neo4j through a ``GraphVersion`` node), and a token
drawn at that write, so a database emptied and loaded again never matches a result of the old one. A result is
kept with the version it was computed at and served while the store is still at that version; the first request
after a write computes it again — once: a store that names a ``results_dir`` also keeps the result there
(:mod:`graph.analysis.result_files`), where the other API workers and the next command read it instead of
computing it themselves, and where a load leaves the usual analyses ready (:mod:`graph.analysis.kept`).

What is returned is shared between callers: read it, never change it (the API pages and masks into new objects).
"""

from __future__ import annotations

import json
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import TypeAdapter

from graph.analysis.result_files import MISSING, ResultFiles

T = TypeVar("T")

_lock = threading.Lock()
_kept: weakref.WeakKeyDictionary[Any, dict[str, tuple[str, Any]]] = weakref.WeakKeyDictionary()
_computing: dict[tuple[int, str], threading.Lock] = {}


def result_files(store: Any) -> ResultFiles | None:
    """Where ``store`` keeps results for other processes, if anywhere."""
    folder: Path | None = getattr(store, "results_dir", None)
    return ResultFiles(folder) if folder is not None else None


def cached(store: Any, name: str, params: dict[str, Any], compute: Callable[[], T], *,
           shape: TypeAdapter[Any] | None = None) -> T:
    """``compute()``'s result for ``name`` and ``params`` at the store's current version.

    ``shape`` (a pydantic adapter of the result's type) writes the result to the store's results folder and reads
    it back; without it the result is kept in this process's memory only (a name index or a matcher: objects no
    other process could read, so no file lock is taken for them). A store without ``version()``, or whose version
    is None, is not cached.
    Two requests arriving together for the same result compute it once, in this process and across processes
    sharing the store's files.
    """
    version_of = getattr(store, "version", None)
    if version_of is None:
        return compute()
    version = version_of()
    if version is None:  # a store that cannot name its version (a Neo4j database just imported): not kept
        return compute()
    key = name + json.dumps(params, sort_keys=True, default=str)
    with _lock:
        kept = _kept.setdefault(store, {})
        hit = kept.get(key)
        gate = _computing.setdefault((id(store), key), threading.Lock())
    if hit is not None and hit[0] == version:
        return hit[1]
    with gate:
        with _lock:
            hit = kept.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        value, whole = _from_files(store, name, key, version, compute, shape)
        if whole:  # not when a write landed while it was computed: it may mix both versions
            with _lock:
                kept[key] = (version, value)
        return value


def _from_files(store: Any, name: str, key: str, version: str, compute: Callable[[], T],
                shape: TypeAdapter[Any] | None) -> tuple[T, bool]:
    """The result from the store's results folder, or computed (and written there) by this process alone; and
    whether it is wholly the result of ``version`` (the store is asked its version once, after computing)."""
    files = result_files(store)
    if files is None or shape is None:
        value = compute()
        return value, store.version() == version
    with files.computing(name, key):
        kept = files.read(name, key, version, shape)
        if kept is not MISSING:
            return kept, True
        value = compute()
        whole = store.version() == version
        if whole:
            files.write(name, key, version, value, shape)
        return value, whole


def forget(store: Any) -> None:
    """Drop everything kept for ``store``, in memory and in its files (tests and benches compare against fresh
    computations; a privacy rewrite must leave no result holding the old text)."""
    with _lock:
        _kept.pop(store, None)
    files = result_files(store)
    if files is not None and files.folder.exists():
        files.purge()
