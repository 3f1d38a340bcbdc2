"""Withdrawing accepted entries (撤销接受): an item taken into the graph by mistake comes out whole.

An accepted entry's node (its ``Issue`` or ``Directive``) leaves the graph with every edge the acceptance wrote, and
so does the report's ``Document`` once nothing else is sourced from it; the entry returns to the open queue (pending,
or edited if an analyst had changed it), to be corrected and accepted again, or rejected. A request accepted about a
withdrawn problem (its node ``DIRECTIVE_ABOUT`` the problem's) goes with it — it would otherwise be about nothing —
and the report lists it; a request accepted about the unit only stays.

What the acceptance wrote is named in :data:`MAY_CUT`, together with the repeats recomputed from it. Anything else
that has since come to rest on those nodes — a ledger's rectification task, clue or letter citing the problem — makes
the store refuse the whole withdrawal (one transaction on either store): the graph and the queue stay as they were and
the message says which entry is cited by what, so the ledger is dealt with first. So does an analyst's standing
judgement on the problem as a repeat (``repeat_judgements.json``): it would wait unseen for a problem that may come
back at another unit.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from graph.analysis.repeat_judgements import RepeatJudgements
from graph.model import EdgeType
from graph.stores.base import Cuttable, GraphStore, NodeInUse, Tie
from loaders.record_names import tie_phrase
from loaders.text.model import EntryKind, EntryState, QueueEntry, Refused
from loaders.text.queue import EntryNotFound, QueueError, TextQueue

MAY_CUT = Cuttable(
    outgoing=frozenset({EdgeType.FOUND_AT, EdgeType.FOUND_IN, EdgeType.SOURCED_FROM, EdgeType.DIRECTED_TO,
                        EdgeType.DIRECTIVE_ABOUT, EdgeType.REPEATS}),
    incoming=frozenset({EdgeType.RESPONSIBLE_FOR, EdgeType.REPEATS}))


class WithdrawReport(BaseModel):
    withdrawn: list[int] = Field(default_factory=list, title="已撤销接受的条目（回到待审核）")
    along: list[int] = Field(default_factory=list, title="随所涉问题一并撤销的交办事项")
    issues: int = Field(default=0, title="问题")
    directives: int = Field(default=0, title="交办事项")
    documents: int = Field(default=0, title="不再有条目来源、一并移出的文件")
    nodes: int = 0
    edges: int = 0


class WithdrawRefused(Refused):
    """Nothing was withdrawn; ``problems`` says what still cites which entry."""

    lead = "未撤销任何条目："


def withdraw(store: GraphStore, queue: TextQueue, ids: list[int], actor: str, *,
             data_dir: Path | None = None) -> WithdrawReport:
    """Take these accepted entries (and the requests accepted about them) out of the graph and back to the queue;
    raises :class:`WithdrawRefused` (nothing changed), :class:`EntryNotFound` or :class:`QueueError`."""
    wanted = sorted(set(ids))
    entries, _ = queue.entries(ids=wanted, limit=max(len(wanted), 1))
    missing = sorted(set(wanted) - {e.id for e in entries})
    if missing:
        raise EntryNotFound(f"审核队列中没有编号为 {'、'.join(map(str, missing))} 的条目。")
    open_ = [f"条目 {e.id} {e.state.label_zh}" for e in entries if e.state != EntryState.ACCEPTED]
    if open_:
        raise QueueError("；".join(open_) + "：未载入图谱，无需撤销。")
    problems = {e.node_id for e in entries if e.kind == EntryKind.ISSUE and e.node_id}
    along = [d for d in queue.accepted_about([e.id for e in entries if e.kind == EntryKind.ISSUE])
             if d.id not in wanted and _about(store, d, problems)]
    every = entries + along
    owners = {e.node_id: e for e in every if e.node_id}
    judged = _judged(store, data_dir, owners) if data_dir is not None else []
    if judged:
        raise WithdrawRefused(judged)
    documents = _left_without_sources(store, set(owners))
    try:
        nodes, edges = store.delete_nodes([*owners, *documents], may_cut=MAY_CUT)
    except NodeInUse as exc:
        raise WithdrawRefused([_tie_line(store, owners, tie) for tie in exc.ties]) from exc
    queue.mark_withdrawn([e.id for e in every], actor)
    return WithdrawReport(withdrawn=wanted, along=[d.id for d in along], nodes=nodes, edges=edges,
                          issues=sum(e.kind == EntryKind.ISSUE for e in every),
                          directives=sum(e.kind == EntryKind.DIRECTIVE for e in every), documents=len(documents))


def _about(store: GraphStore, directive: QueueEntry, problems: set[str]) -> bool:
    """Whether an accepted request's node is about one of these problems (not only about their unit)."""
    return bool(directive.node_id) and any(
        n.edge.type is EdgeType.DIRECTIVE_ABOUT and n.node.id in problems
        for n in store.neighbours(str(directive.node_id), direction="out"))


def _judged(store: GraphStore, data_dir: Path, owners: dict[str, QueueEntry]) -> list[str]:
    """The analysts' standing repeat judgements on these problems, one line each, naming the other problem by its
    问题编号 as the 重复问题 page shows the pair."""
    lines = []
    for j in RepeatJudgements(data_dir).active():
        for issue, other in ((j.later, j.earlier), (j.earlier, j.later)):
            if issue in owners:
                node = store.get_node(other)
                code = (node.props.get("code") if node else None) or other
                lines.append(f"条目 {owners[issue].id}（问题 {owners[issue].issue_code}）已有人工重复问题研判 {j.id}："
                             f"与问题 {code}“{j.label}”（{j.who}）；请先在“重复问题”页撤销该研判，再撤销接受")
    return lines


def _left_without_sources(store: GraphStore, leaving: set[str]) -> list[str]:
    """The documents every node sourced from which is leaving: they go too (a document nothing in the graph comes
    from would only be an empty name)."""
    docs = {n.node.id for node_id in sorted(leaving) for n in store.neighbours(node_id, direction="out")
            if n.edge.type is EdgeType.SOURCED_FROM}
    gone = []
    for doc in sorted(docs):
        sources = store.neighbours(doc, direction="in", limit=len(leaving) + 1)
        if all(n.node.id in leaving for n in sources):
            gone.append(doc)
    return gone


def _tie_line(store: GraphStore, owners: dict[str, QueueEntry], tie: Tie) -> str:
    """One tie, as the analyst can act on it: which entry (its 问题编号), what cites it and where that was loaded
    from, and how a ledger row comes out (deleted from its file, the file loaded again removing it) before this."""
    entry = owners.get(tie.node)
    who = (f"条目 {entry.id}（{entry.kind.label_zh}{' ' + entry.issue_code if entry.issue_code else ''}）" if entry
           else "来源文件")
    return (f"{who}{tie_phrase(store, tie, store.get_node(tie.other))}，已被其他数据引用，不能撤销接受；如确属误收，"
            "请先从该台账文件删去这一行，勾选“删除文件中已删去的行所载记录”重新载入，再撤销")
