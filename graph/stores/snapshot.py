"""A snapshot of the embedded store's in-memory graph, read back in one go instead of rebuilt from SQLite.

SQLite stays the source of truth. The snapshot is a cache beside it (``graph.sqlite.snapshot``):

- header: magic, the file's write generation and write token (a random value every commit sets anew), and
  the SHA-256 of the body; body: ``marshal`` of networkx's ``(nodes, successors, predecessors)`` — plain
  dicts, lists, strings and numbers. ``marshal`` builds values only; it never runs code when read (unlike
  ``pickle``), and the body is checked for its shape before use;
- it is trusted only when generation *and* token equal the SQLite file's and the digest matches: a write by
  any process, a restored or replaced file, a truncated or corrupt snapshot all fall back to SQLite, which is
  then written to a new snapshot;
- it is written whole to a temporary file and renamed into place (0600), so a kill leaves the old snapshot or
  the new one; a stale one is simply ignored.

Reading is ``marshal.loads`` of ~40 MB at scale 10 (a million dicts): that is most of the time. marshal writes
an object referred to more than once as a back-reference, so the body is as small as the graph's strings are
shared: the graph rebuilt from SQLite shares every repeated id, property name and value for that reason (70 →
40 MB, 1.2 → 0.7 s CPU). Canonicalising an already shared graph again before writing did not read faster
(measured). The file is mapped, not copied.

What the read saves besides is the garbage collector's work: the new dicts hold no reference cycles and live as
long as the graph, so after a collection of what was already garbage they are frozen out of the collector's
generations (``gc.freeze``) rather than traversed by the next three collections (≈0.3 s at scale 10, and again
at every full collection of a serving worker). Frozen objects are still freed by reference counting when a
newer graph replaces them.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import mmap
import os
import struct
from pathlib import Path
from typing import Any

import networkx as nx

MAGIC = b"XUNCHA-GRAPH-SNAPSHOT-1\n"
_HEADER = struct.Struct(">q16s32s")  # generation, token (utf-8, padded), sha256 of the body


def path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".snapshot")


def write(path: Path, graph: nx.MultiDiGraph, generation: int, token: str) -> None:
    # networkx shares each {key: attrs} dict between successors and predecessors; marshal (version 4) writes a
    # shared object once and refers back to it, so the graph comes back with the same sharing, unbuilt.
    body = marshal.dumps((graph._node, graph._succ, graph._pred), 4)
    header = _HEADER.pack(generation, token.encode()[:16], hashlib.sha256(body).digest())
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + header)
            out.write(body)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)  # no snapshot is fine: the next open rebuilds from SQLite


def read(path: Path, generation: int, token: str) -> nx.MultiDiGraph | None:
    """The graph, if the snapshot is whole and of exactly this generation and token; otherwise None."""
    try:
        with open(path, "rb") as file:
            mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable or empty
        return None
    with mapped, memoryview(mapped) as data:
        start = len(MAGIC) + _HEADER.size
        if len(data) < start or data[:len(MAGIC)] != MAGIC:
            return None
        gen, tok, digest = _HEADER.unpack_from(data, len(MAGIC))
        if gen != generation or tok.rstrip(b"\0") != token.encode()[:16]:
            return None
        with data[start:] as body:
            if hashlib.sha256(body).digest() != digest:
                return None
            loaded = _loads(body)
    return _graph(loaded)


def _loads(body: memoryview) -> Any:
    """``marshal.loads`` with the collector kept out of the million new dicts, then frozen out of its way."""
    enabled = gc.isenabled()
    gc.collect()  # what is garbage now (e.g. a replaced graph's views) must not be frozen with the new graph
    gc.disable()
    try:
        loaded = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None
    else:
        gc.freeze()  # only values: no graph object, hence no cycle, is frozen
        return loaded
    finally:
        if enabled:
            gc.enable()


def _graph(loaded: Any) -> nx.MultiDiGraph | None:
    if not (isinstance(loaded, tuple) and len(loaded) == 3 and all(isinstance(x, dict) for x in loaded)):
        return None
    nodes, succ, pred = loaded
    if not (succ.keys() == nodes.keys() == pred.keys()):
        return None
    graph = nx.MultiDiGraph()
    graph._node, graph._adj, graph._succ, graph._pred = nodes, succ, succ, pred
    return graph
