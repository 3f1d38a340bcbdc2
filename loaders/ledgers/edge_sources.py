"""Every file whose rows give a relationship, not only the last one loaded.

Two ledgers may give one relationship (a post in the 任职台账 and in a team roster; a round's unit in the 巡察对象
list and in the issue ledger): an edge's id is made from what it joins, so the second file's load writes the same
edge and its ``source_doc`` names that file alone. When a row is then deleted from one of them, its load must know
whether the other still gives the relationship — else it takes the relationship out until the other file is loaded
again. So a load records, on each edge it writes that the graph already holds from another file, the others in
``also_from`` (read with the named query ``edge_writers`` before the write); and a file that no longer gives an edge
others give leaves it, taking only itself off (:func:`without`). Each load marks its file's Document
(``edge_sources``): in a graph loaded before, an edge without ``also_from`` may still be another file's too, so the
ties of a record another unmarked file gives are left as they were (``dropped.assess``) until that file is loaded
again. The files a record itself is sourced from are its ``SOURCED_FROM`` edges (:func:`sourced_from`).
"""

from __future__ import annotations

from typing import Any

from graph.model import EdgeRecord, EdgeType, NodeRecord
from graph.stores.base import GraphStore

CHUNK = 100_000  # edges asked about at once (the named query takes up to 500,000; a load may write more)


def recorded(store: GraphStore, document_id: str, edges: list[EdgeRecord]) -> list[EdgeRecord]:
    """The load's edges with, on each the graph holds from other files too (the only ones ``edge_writers`` answers),
    those files in ``also_from`` (a list naming only this file is written again: ``None`` removes it)."""
    refs = [{"id": e.id, "src": e.src, "dst": e.dst} for e in edges if e.props.get("source_doc") == document_id]
    if not refs:
        return edges
    held = {r["id"]: r for at in range(0, len(refs), CHUNK)
            for r in store.run_query("edge_writers", {"edges": refs[at:at + CHUNK], "doc": document_id})}
    return [edge if (row := held.get(edge.id)) is None
            else edge.model_copy(update={"props": {**edge.props, "also_from": _others(row, document_id) or None}})
            for edge in edges]


def _others(row: dict[str, Any], document_id: str) -> list[str]:
    return sorted({row["source_doc"], *row["also_from"]} - {None, document_id})


def writers(edge: EdgeRecord) -> list[str]:
    """The files that give a relationship, the last writer first."""
    last = edge.props.get("source_doc")
    return [*([last] if last else []), *sorted(set(edge.props.get("also_from") or []) - {last})]


def without(edge: EdgeRecord, document_id: str) -> EdgeRecord | None:
    """The edge as it stays once this file no longer gives it: the others' (a file that was only among
    ``also_from`` leaves it; the last writer hands ``source_doc`` to another, whose sheet and row are not known
    until that file is loaded again), or None if no other file gives it."""
    others = [d for d in writers(edge) if d != document_id]
    if not others:
        return None
    props: dict[str, Any] = {"also_from": others[1:] or None}
    if edge.props.get("source_doc") == document_id:
        props |= {"source_doc": others[0], "source_sheet": None, "source_row": None}
    return edge.model_copy(update={"props": props})


def sourced_from(store: GraphStore, node_id: str, limit: int) -> list[NodeRecord]:
    """The files (their Documents) a record is sourced from."""
    return [x.node for x in store.neighbours(node_id, direction="out", limit=limit)
            if x.edge.type is EdgeType.SOURCED_FROM]
