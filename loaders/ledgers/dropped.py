"""Rows a clerk deleted from a ledger file loaded before: what the graph still holds from them, and their removal.

A load adds and updates: a row taken out of the file and the file loaded again left the record it gave in the graph,
still saying it came from that file. So each load of a file the graph already holds lists the main records (a row's
issue, task, clue… — the ``PRIMARY`` kind of its sheet) that the earlier load sourced from the file and no row gives
now — a whole sheet taken out included (each row's main record is marked on its ``SOURCED_FROM``) — and the clerk
may ask the load to remove them.

Removal takes out what the file's own rows wrote (``Cuttable.written_from``: the record, its ``SOURCED_FROM`` and
the edges its rows wrote, and the repeats recomputed after). Anything else resting on the record — another file's
task rectifying the problem, a request accepted from a report, a row of this file still citing it, an analyst's
standing judgement — refuses the whole load, naming it; nothing is written. A record another file also gives stays,
no longer sourced from this one. Listing needs every row read: when a row is rejected (``skip_bad_rows``) nothing
is listed and removal is refused, since the rejected row's record would look dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from graph.analysis.repeat_judgements import RepeatJudgements
from graph.model import EdgeRecord, EdgeType, NodeKind
from graph.stores.base import Cuttable, GraphStore, Neighbour, Removing, Tie
from loaders.judgements import Judgements
from loaders.ledgers.changes import Dropped, DroppedRecord
from loaders.record_names import called, loaded_from

SHOWN = 200


def find(store: GraphStore, document_id: str, main_kinds: dict[str, NodeKind], loaded: set[str],
         limit: int) -> list[Neighbour]:
    """The main records sourced from this document that this load does not give (``loaded``: every id it writes):
    marked so on their ``SOURCED_FROM`` (``main``), or, loaded before the mark, of the kind whose rows the sheet
    still in the file declares; ``limit`` bounds the read (a file's cells bound its records)."""
    return sorted((n for n in store.neighbours(document_id, direction="in", limit=limit)
                   if n.edge.type is EdgeType.SOURCED_FROM and n.node.id not in loaded
                   and (n.edge.props.get("main") or main_kinds.get(n.edge.props.get("sheet") or "") is n.node.kind)),
                  key=lambda n: (n.edge.props.get("sheet") or "", n.edge.props.get("row") or 0, n.node.id))


def listed(found: list[Neighbour]) -> Dropped:
    """The report's list: kind, code or words, and the sheet and row the record was read from last time."""
    return Dropped(count=len(found), records=[
        DroppedRecord(kind=n.node.kind.label_zh, id=n.node.id, called=called(n.node), sheet=n.edge.props.get("sheet"),
                      row=n.edge.props.get("row")) for n in found[:SHOWN]])


def plan(store: GraphStore, document_id: str, found: list[Neighbour], limit: int) -> Removing:
    """What the load takes out before it writes: the dropped records (with what the file's rows wrote and their
    repeats, recomputed after), but of one another document gives too only its source in this file."""
    dropping, deleted = [], []
    for n in found:
        if any(x.edge.type is EdgeType.SOURCED_FROM and x.node.id != document_id
               for x in store.neighbours(n.node.id, direction="out", limit=limit)):
            dropping.append(n.edge)
        else:
            deleted.append(n.node.id)
    repeats = frozenset({EdgeType.REPEATS})
    return Removing(nodes=deleted, may_cut=Cuttable(outgoing=repeats, incoming=repeats, written_from=document_id),
                    dropping=dropping)


def refusals(found: list[Neighbour], edges: Iterable[EdgeRecord], data_dir: Path | None) -> list[str]:
    """Why the dropped records cannot go, before anything is written: a row of this load still citing one (its sheet
    and row), or an analyst's standing judgement on one (a repeat pair, or the record a merged one lives on as)."""
    line = {n.node.id: _named(n) for n in found}
    out = [f"{e.props.get('source_sheet') or ''}第 {e.props.get('source_row')} 行仍引用{line[x]}，"
           "该行也须删去或改正" for e in edges for x in (e.src, e.dst) if x in line and e.type is not EdgeType.REPEATS]
    if data_dir is not None:
        out += [f"{line[x]}有人工重复问题研判 {j.id}，请先在“重复问题”页撤销该研判"
                for j in RepeatJudgements(data_dir).active() for x in (j.later, j.earlier) if x in line]
        out += [f"{line[j.a]}是人工判断 {j.id}（{j.label}）保留的记录，请先撤销该判断"
                for j in Judgements(data_dir).active() if j.verdict == "same" and j.a in line]
    return out


def _named(n: Neighbour) -> str:
    where = f"（原{n.edge.props.get('sheet') or ''}第 {n.edge.props.get('row')} 行）" if n.edge.props.get("row") else ""
    return f"已删去的{n.node.kind.label_zh}{called(n.node)}{where}"


def tie_line(store: GraphStore, tie: Tie) -> str:
    """A tie that stopped the removal, as the clerk can act on it: the record, what rests on it, where from."""
    node, other = store.get_node(tie.node), store.get_node(tie.other)
    what = other.kind.label_zh if other else "节点"
    way = "指向" if tie.outgoing else "被"
    return (f"已删去的{node.kind.label_zh if node else '记录'}{called(node)}{way}{what}"
            f"{called(other)}{loaded_from(store, tie.other)}以“{tie.edge_type.label_zh}”关联，未删除；"
            "请先处理引用它的记录")
