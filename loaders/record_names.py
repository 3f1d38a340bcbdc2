"""How a message names a record for the clerk who must find it: its code or what it says, and where it was loaded
from (file, sheet, row) — as its page shows it. A person is never named: these lines reach people entitled to the
ledger, not to the names in it (the audit log and refusals are read more widely)."""

from __future__ import annotations

from graph.model import NodeKind, NodeRecord
from graph.stores.base import GraphStore, Tie

SHOWN_CHARS = 20


def called(node: NodeRecord | None) -> str:
    """The record's code, or what it says (a task's measure, a unit's name), quoted; empty for a person."""
    if node is None or node.kind is NodeKind.PERSON:
        return ""
    for key in ("code", "measure", "title", "name"):
        value = node.props.get(key)
        if value:
            text = str(value)
            return f"“{text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + '…'}”"
    return ""


def loaded_from(store: GraphStore, node_id: str) -> str:
    """Where the record was read from (file, sheet, row), in brackets; empty if it names no source."""
    rows = store.run_query("sources_of", {"ids": [node_id]})
    if not rows:
        return ""
    r = rows[0]
    where = " · ".join(x for x in (r["path"], r["sheet"], f"第 {r['row']} 行" if r["row"] else r["place"]) if x)
    return f"（载入自 {where}）"


def tie_phrase(store: GraphStore, tie: Tie, other: NodeRecord | None) -> str:
    """How a record is tied to what stops its removal (``other``, the tie's far end as read): 指向/被, its kind, its
    code or words (else its id), where it was loaded from, and by which relationship."""
    what = other.kind.label_zh if other else "节点"
    way = "指向" if tie.outgoing else "被"
    return f"{way}{what}{called(other) or ' ' + tie.other}{loaded_from(store, tie.other)}以“{tie.edge_type.label_zh}”关联"
