"""Rows a clerk deleted from a ledger file loaded before: what the graph still holds from them, and their removal.

A load adds and updates: a row taken out of the file and the file loaded again left the record it gave in the graph,
still saying it came from that file. So each load of a file the graph already holds lists the main records (a row's
issue, task, clue… — the ``PRIMARY`` kind of its sheet) that the earlier load sourced from the file and no row gives
now — a whole sheet taken out included (each row's main record is marked on its ``SOURCED_FROM``) — and the clerk
may ask the load to remove them: all of them (the command line, where a file is known by its full path), or only
those the clerk was shown (an upload, known by its name alone: another office's file of the same name lists
everything as dropped, and says the two files have nothing in common).

Removal takes out what the file's own rows wrote (``Cuttable.written_from``: the record, its ``SOURCED_FROM`` and
the edges its rows wrote, and the repeats recomputed after), and the records the deleted rows alone named (a clue's
person, sourced from no other file and tied to nothing else). Anything else resting on a record — another file's
task rectifying the problem, a request accepted from a report, a row of this file still citing it, a record another
file also gives (the edge between them may be that file's too), a relationship another file also gives, an
analyst's standing judgement — refuses the whole load, naming it; nothing is written. A record another file also
gives stays, no longer sourced from this one, and so does any record no row names now that something else holds.
Listing needs every row read: when a row is rejected (``skip_bad_rows``) nothing is listed (the report says so) and
removal is refused, since the rejected row's record would look dropped. Rows of ledgers that declare relationships
only (任职, 分管, 巡察对象, 亲属关系, 机构沿革) have no main record: the relationships the file's rows wrote and this load
does not (``document_edges``: a deleted post, a task row now citing another problem) are listed and taken out
alike — but a relationship another file also gives stays, only this file taken off its sources
(:mod:`.edge_sources`). A file emptied to its header is all its rows deleted (:func:`emptied`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path
from typing import NamedTuple

from graph.analysis.repeat_judgements import RepeatJudgements
from graph.model import EdgeRecord, EdgeType, NodeKind, NodeRecord
from graph.model.ids import node_id
from graph.stores.base import Cuttable, GraphStore, Neighbour, Removing, Tie
from loaders.judgements import Judgement, Judgements
from loaders.ledgers import edge_sources
from loaders.ledgers.changes import Dropped, DroppedLink, DroppedRecord
from loaders.ledgers.planning import HEADER_ONLY
from loaders.ledgers.report import Problem
from loaders.record_names import called, tie_phrase

SHOWN = 200


class Assessed(NamedTuple):
    """The report's lists; what the load takes out (``removing``) and the relationships it rewrites, which other
    files still give (``rewritten``: this file off their sources); or why it cannot (``refusals``)."""

    report: Dropped
    removing: Removing | None = None
    rewritten: list[EdgeRecord] = []
    refusals: list[str] = []


def assess(store: GraphStore, document_id: str, main_kinds: dict[str, NodeKind], loaded: set[str], limit: int,
           remove: bool | frozenset[str], edges: Iterable[EdgeRecord], data_dir: Path | None,
           judgements: Judgements | None) -> Assessed:
    """The report's lists (records and relationships); if removal is asked (all, or the ids the clerk was shown),
    what the load takes out, or why it cannot (then nothing is to be written). ``judgements``: the loader's, read
    under the lock it holds while it loads."""
    if store.get_node(document_id) is None:  # the file's first load: nothing of it to miss
        return Assessed(Dropped())
    edges = list(edges)
    sources = [n for n in store.neighbours(document_id, direction="in", limit=limit)
               if n.edge.type is EdgeType.SOURCED_FROM]
    found, earlier = find(sources, main_kinds, loaded)
    stale = stale_links(store, document_id, {e.id for e in edges})
    links = _off(stale, {n.node.id for n in found})
    report = listed(found, earlier, emptied=loaded <= {document_id})
    report.links, report.link_records = len(links), _shown_links(store, document_id, links)
    only = None if remove is True else remove or frozenset()
    every, found, links = found, chosen(found, only), [e for e in links if only is None or e.id in only]
    if not remove or not (found or links):
        return Assessed(report)
    merges = [j for j in judgements.active() if j.verdict == "same"] if judgements is not None else []
    named_now = {x for e in edges for x in (e.src, e.dst)}  # a person a row names, found in the graph, is not given
    staying = loaded | named_now | {j.a for j in merges} | {n.node.id for n in every}
    removing, rewritten = _removal(store, document_id, sources, found, links, stale, staying, limit)
    lines = refusals(store, every, removing, edges, data_dir, merges, limit)
    if lines:
        return Assessed(report, refusals=lines)
    report.removed = len({n.node.id for n in found} & set(removing.nodes))
    report.named_only = len(removing.nodes) - report.removed
    unsourced = sum(e.type is EdgeType.SOURCED_FROM for e in removing.dropping)
    report.unsourced = unsourced + len(rewritten)
    report.links_removed = len(removing.dropping) - unsourced
    return Assessed(report, removing, rewritten)


def _removal(store: GraphStore, document_id: str, sources: list[Neighbour], found: list[Neighbour],
             links: list[EdgeRecord], stale: list[EdgeRecord], staying: set[str],
             limit: int) -> tuple[Removing, list[EdgeRecord]]:
    """What removing the chosen records and relationships takes out, and the relationships other files still give,
    rewritten without this file. A record another file gives too stays, and its ties this file wrote are taken as
    relationships — when the files giving it say which of its edges are theirs (their Document is marked)."""
    others = {n.node.id: _elsewhere(store, n.node.id, document_id, limit) for n in found}
    elsewhere = {node for node, docs in others.items() if docs}
    known = {node for node, docs in others.items() if docs and all(d.props.get("edge_sources") for d in docs)}
    gone = {n.node.id for n in found} - elsewhere
    links = links + [e for e in _off(stale, gone) if e.src in known or e.dst in known]
    kept = {e.id: edge_sources.without(e, document_id) for e in links}  # None: no other file gives it
    rewritten = [e for e in kept.values() if e is not None]
    links = [e for e in links if kept[e.id] is None]
    ties = [e for e in stale if e.id not in kept]  # this file's still, unless at a record that goes
    return plan(store, document_id, sources, found, links, staying, limit, elsewhere, ties), rewritten


def emptied(store: GraphStore, source: str, problems: list[Problem]) -> list[Problem]:
    """A sheet with a header and no rows is refused — but in a file loaded before, its rows were deleted, as when the
    sheet was taken out: its records are listed (and removed if asked), nothing refused for it."""
    if any(p.reason == HEADER_ONLY for p in problems) and store.get_node(node_id("Document", source)) is not None:
        return [p for p in problems if p.reason != HEADER_ONLY]
    return problems


def find(sources: list[Neighbour], main_kinds: dict[str, NodeKind], loaded: set[str]) -> tuple[list[Neighbour], int]:
    """Of the records sourced from this document (``sources``, read once: a file's cells bound them), the main ones
    this load does not give (``loaded``: every id it writes): marked so on their ``SOURCED_FROM`` (``main``), or,
    loaded before the mark, of the kind whose rows the sheet still in the file declares; and how many main records
    the earlier load gave in all."""
    earlier = [n for n in sources
               if n.edge.props.get("main") or main_kinds.get(n.edge.props.get("sheet") or "") is n.node.kind]
    found = sorted((n for n in earlier if n.node.id not in loaded),
                   key=lambda n: (n.edge.props.get("sheet") or "", n.edge.props.get("row") or 0, n.node.id))
    return found, len(earlier)


def listed(found: list[Neighbour], earlier: int, emptied: bool = False) -> Dropped:
    """The report's list: kind, code or words, and the sheet and row the record was read from last time; whether
    the file gives none of the earlier records (another file of the same name?) or has no rows left (``emptied``)."""
    return Dropped(count=len(found), unrelated=bool(found) and len(found) == earlier and not emptied,
                   emptied=bool(found) and emptied, records=[
        DroppedRecord(kind=n.node.kind.label_zh, id=n.node.id, called=called(n.node), sheet=n.edge.props.get("sheet"),
                      row=n.edge.props.get("row")) for n in found[:SHOWN]])


def chosen(found: list[Neighbour], only: Collection[str] | None) -> list[Neighbour]:
    """The dropped records to remove: all, or those the clerk was shown and confirmed (``only``)."""
    return found if only is None else [n for n in found if n.node.id in only]


def stale_links(store: GraphStore, document_id: str, written: set[str]) -> list[EdgeRecord]:
    """The relationships this file's rows wrote that this load does not write (``written``), each with the files
    that give it."""
    return [EdgeRecord(id=r["id"], type=EdgeType(r["type"]), src=r["src"], src_kind=NodeKind(r["src_kind"]),
                       dst=r["dst"], dst_kind=NodeKind(r["dst_kind"]),
                       props={"source_doc": r["source_doc"], "source_sheet": r["sheet"], "source_row": r["row"],
                              "also_from": r["also_from"] or None})
            for r in store.run_query("document_edges", {"doc": document_id})
            if r["id"] not in written]


def _off(links: list[EdgeRecord], records: set[str]) -> list[EdgeRecord]:
    """The relationships not at these records (a dropped record's go with it)."""
    return [e for e in links if e.src not in records and e.dst not in records]


def _shown_links(store: GraphStore, document_id: str, links: list[EdgeRecord]) -> list[DroppedLink]:
    """The report's list of relationships, their ends named as their pages name them (one read for all); the sheet
    and row only where this file wrote it last (else they are another file's)."""
    shown = links[:SHOWN]
    ends = {r["id"]: NodeRecord(id=r["id"], kind=NodeKind(r["kind"]), props=r["props"]) for r in store.run_query(
        "entities_by_ids", {"ids": sorted({x for e in shown for x in (e.src, e.dst)})})}
    return [DroppedLink(id=e.id, type=e.type.label_zh, src=_end(ends.get(e.src), e.src_kind),
                        dst=_end(ends.get(e.dst), e.dst_kind), sheet=mine.get("source_sheet"), row=mine.get("source_row"),
                        elsewhere=len(edge_sources.writers(e)) > 1)
            for e in shown for mine in [e.props if e.props.get("source_doc") == document_id else {}]]


def _end(node: NodeRecord | None, kind: NodeKind) -> str:
    return f"{kind.label_zh}{called(node)}"


def plan(store: GraphStore, document_id: str, sources: list[Neighbour], found: list[Neighbour],
         links: list[EdgeRecord], staying: set[str], limit: int, elsewhere: set[str],
         ties: list[EdgeRecord]) -> Removing:
    """What the load takes out before it writes: the dropped records and the records only they named (never one
    in ``staying``: loaded or named now, listed, or kept by a merge judgement), but of a record another document
    gives too (``elsewhere``) only its source in this file; the stale relationships; and the source in this file of
    any other record no row names now that stays (a person with a post another file gives) — not while one of this
    file's relationships left in place (``ties``: one to a listed record the clerk did not choose) holds it."""
    dropping, deleted = list(links), []
    for n in found:
        if n.node.id in elsewhere:
            dropping.append(n.edge)
        else:
            deleted.append(n.node.id)
    staying = staying | {n.node.id for n in found}
    candidates = [*(n.node.id for n in sources), *(x for e in links for x in (e.src, e.dst))]
    named = _named_only(store, document_id, candidates, set(deleted), {e.id for e in links}, staying, limit)
    going = {*deleted, *named}
    held = {x for e in ties if e.src not in going and e.dst not in going for x in (e.src, e.dst)}
    dropping += [n.edge for n in sources if n.node.id not in staying | held and n.node.id not in named]
    derived = frozenset({EdgeType.REPEATS, EdgeType.SUCCEEDED_BY})  # recomputed; the county's lineage list waits
    return Removing(nodes=deleted + named, dropping=dropping,
                    may_cut=Cuttable(outgoing=derived, incoming=derived, written_from=document_id))


def _elsewhere(store: GraphStore, node_id: str, document_id: str, limit: int) -> list[NodeRecord]:
    """The other files a record is sourced from."""
    return [d for d in edge_sources.sourced_from(store, node_id, limit) if d.id != document_id]


def _named_only(store: GraphStore, document_id: str, candidates: Iterable[str], deleted: set[str], links: set[str],
                staying: set[str], limit: int) -> list[str]:
    """Of the records this file's earlier load gave or its taken-out relationships join (not main ones: a clue's
    person, a post's holder the row found in the graph), those sourced from no other file whose every edge goes to
    a record being deleted or is a relationship being taken out: only the deleted rows named them."""
    out = []
    for node in sorted(set(candidates) - staying):
        others = [x for x in store.neighbours(node, limit=limit) if x.node.id != document_id]
        if others and all(x.node.id in deleted or x.edge.id in links for x in others):
            out.append(node)
    return out


def refusals(store: GraphStore, found: list[Neighbour], removing: Removing, edges: Iterable[EdgeRecord],
             data_dir: Path | None, merges: list[Judgement], limit: int) -> list[str]:
    """Why the dropped records cannot go, before anything is written: a row of this load still citing one (its sheet
    and row), an edge between one that goes and one another file keeps (that file may have written it too), or an
    analyst's standing judgement on one (a repeat pair, or the record a merged one lives on as)."""
    line = {n.node.id: _named(n) for n in found}
    out = [f"{e.props.get('source_sheet') or ''}第 {e.props.get('source_row')} 行仍引用{line[x]}，该行也须删去或改正"
           for e in edges if e.type not in (EdgeType.REPEATS, EdgeType.SOURCED_FROM) and e.props.get("source_row")
           for x in (e.src, e.dst) if x in line]
    kept = {e.src for e in removing.dropping if e.type is EdgeType.SOURCED_FROM}
    staying = set(line) - set(removing.nodes)  # listed but kept: another file gives it, or not chosen
    out += [_tied_to_staying(line[node], x, x.node.id in kept) for node in removing.nodes if node in line
            for x in store.neighbours(node, limit=limit) if x.node.id in staying]
    if data_dir is not None:
        out += [f"{line[x]}有人工重复问题研判 {j.id}，请先在“重复问题”页撤销该研判"
                for j in RepeatJudgements(data_dir).active() for x in (j.later, j.earlier) if x in line]
    out += [f"{line[j.a]}是人工判断 {j.id}（{j.label}）保留的记录，请先撤销该判断" for j in merges if j.a in line]
    return out


def _tied_to_staying(going: str, x: Neighbour, elsewhere: bool) -> str:
    """A record that goes, tied to a listed one that stays: another file gives that one (their edge may be that
    file's too), or the clerk left it out of the ids chosen."""
    why, may, act = (("另见于其他文件，保留", "该关系也可能来自那份文件，", "请先处理另一文件中的记录") if elsewhere
                     else ("已删去但未选删除", "", "请一并选中删除"))
    return f"{going}与{x.node.kind.label_zh}{called(x.node)}（{why}）以“{x.edge.type.label_zh}”关联，{may}未删除；{act}"


def _named(n: Neighbour) -> str:
    where = f"（原{n.edge.props.get('sheet') or ''}第 {n.edge.props.get('row')} 行）" if n.edge.props.get("row") else ""
    return f"已删去的{n.node.kind.label_zh}{called(n.node)}{where}"


def tie_line(store: GraphStore, tie: Tie) -> str:
    """A tie that stopped the removal, as the clerk can act on it: the record, what rests on it, where from."""
    node, other = store.get_node(tie.node), store.get_node(tie.other)
    if other is not None and other.kind is NodeKind.DOCUMENT:  # sourced from another file since it was checked
        return (f"已删去的{node.kind.label_zh if node else '记录'}{called(node)}另见于文件"
                f"“{Path(str(other.props.get('path'))).name}”，未删除；请重新载入本文件（只去掉本文件的来源）")
    return (f"已删去的{node.kind.label_zh if node else '记录'}{called(node)}{tie_phrase(store, tie, other)}，未删除；"
            "请先处理引用它的记录")
