"""The codes ledger rows declare (问题编号, 监督发现编号, 线索编号) and cite (a task's 问题编号, a clue's 来源编号…): which
the graph holds, and when a row may take a code the graph gives another record.

A code names one record, so a row declaring a code another record holds is refused — except where the clerk corrected
the row's key: a problem's 轮次, 单位 or 序号 (a finding's 渠道) is part of its id, so the row, corrected in the file
and loaded again, is a new record carrying the old one's code and text. The old record was this file's (sourced from
it), and no row of the file gives it now: it is the same problem, re-keyed. Such a row takes the code (:class:`Recoding`)
and the old record is taken out in the same load, as a deleted row's record is when asked (:mod:`.dropped`: its own
edges go, and anything else resting on it — another file's task, an accepted request, an analyst's judgement —
refuses the whole load, naming it). A changed text, another file's record or one a row still gives is a clash, as
before. And a row whose key another file's problem holds under another code would overwrite that problem's code and
text (two offices numbering alike): refused, naming the file; a file's own problem may change its code.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graph.model import EdgeType, NodeKind
from graph.model.ids import node_id
from graph.model.nodes import NodeModel
from graph.stores.base import GraphStore
from loaders.ledgers.edge_sources import sourced_from

CITED = {"Issue": ("issue_code", "issue_codes", "source_code"), "Finding": ("source_code",), "Clue": ("clue_code",),
         "Company": ("contractor_code",), "Letter": ("letter_code",), "Case": ("case_code",)}
DECLARED = {"issues": "Issue", "findings": "Finding", "clues": "Clue"}  # ledgers whose rows declare a code others cite
TEXT = {"Issue": "text", "Finding": "text"}  # kinds whose id is not their code, and the field a correction keeps


def stored(store: GraphStore, rows: Iterable[tuple[str, dict[str, Any]]]) -> dict[tuple[str, str], str]:
    """(kind, code) → id of every code the rows (their ledger's kind key, their values) cite or declare that the
    graph holds: one query per kind."""
    wanted: dict[str, set[str]] = {k: set() for k in CITED}
    for ledger, values in rows:
        for kind, fields in CITED.items():
            for f in fields:
                value = values.get(f)
                wanted[kind].update(value if isinstance(value, list) else [value] if value else [])
        own = DECLARED.get(ledger)
        if own and values.get("code"):  # a code already used by another entry in the graph is a clash
            wanted[own].add(values["code"])
    return {(kind, r["code"]): r["id"] for kind, values in wanted.items() if values
            for r in store.run_query("ids_by_code", {"kind": kind, "codes": sorted(values)})}


def numbered_clash(store: GraphStore, node: NodeModel) -> str | None:
    """A number the loader gave must not make the row another entry already in the graph (its code differs)."""
    before = store.get_node(node.id)
    code = getattr(node, "code", None)
    if before is None or code is None or before.props.get("code") in (None, code):
        return None
    return f"未填序号，自动编的号与图谱中已有的{node.kind.label_zh}（编号“{before.props['code']}”）相同；请填写“序号”"


class Recoding:
    """One load's codes: the records of this file whose code a row with a corrected key takes (for the load to take
    them out), and the rows that may not take or keep the code they declare (:meth:`clashes`)."""

    def __init__(self, store: GraphStore, source: str, stored: dict[tuple[str, str], str], limit: int,
                 by_name: bool) -> None:
        self.store, self.document_id, self.limit = store, node_id("Document", source), limit
        self.stored = dict(stored)  # the graph's codes, as the load began
        self.by_name = by_name  # an upload, known by its name alone: another office's file may share it
        self.taken: dict[str, tuple[str, str, str]] = {}  # old id → (kind, code, the id of the row's record)

    def takes(self, kind: str, code: str, holder: str, node: NodeModel) -> str | None:
        """None if the row's record ``node`` may take ``code`` from ``holder`` — the graph's holder when the load
        began (not another row's), never given to two rows, with the same text, this file's alone (another file's
        would keep it: one code, two records), its new key no other record's — else why not, for the clerk."""
        field = TEXT.get(kind)
        if field is None or self.stored.get((kind, code)) != holder or holder in self.taken:
            return clash_message(kind, code)
        before = self.store.get_node(holder)
        if before is None or before.props.get(field) != node.to_record().props.get(field):
            return clash_message(kind, code)
        sources = {d.id for d in sourced_from(self.store, holder, self.limit)}
        if sources != {self.document_id}:
            also = "；原记录另见于其他文件，不能由本行取代" if self.document_id in sources else ""
            return clash_message(kind, code) + also
        occupant = self.store.get_node(node.id)
        if occupant is not None and occupant.props.get("code") != code:
            other = occupant.props.get("code")
            return f"本行改正后的轮次、单位、序号与已有的另一条{NodeKind(kind).label_zh}（编号“{other}”）相同，不能取代"
        self.taken[holder] = (kind, code, node.id)
        return None

    def clashes(self, loaded: set[str], mains: list[NodeModel]) -> dict[str, str]:
        """Rows whose code a record this load still gives holds (two rows, one code); rows (their main records,
        ``mains``) whose key another file's record holds under another code; and — for an upload whose other rows
        give none of what the file gave before (maybe another office's file of the same name) — every row taking a
        code: the row's record id → why."""
        out = {new: clash_message(kind, code) for old, (kind, code, new) in self.taken.items() if old in loaded}
        out.update(self._overwrites(mains))
        if self.by_name and self.taken and not self._in_common(loaded):
            out.update({new: clash_message(kind, code) + "；本文件与先前载入的同名文件没有共同的记录，可能是另一份文件"
                        for kind, code, new in self.taken.values()})
        return out

    def _overwrites(self, mains: list[NodeModel]) -> dict[str, str]:
        """A row whose key (轮次, 单位, 序号) another file's problem holds under another code would overwrite it — its
        code and text — with this row's: two offices numbering alike, or one problem given two codes."""
        coded = {n.id: (n.kind.label_zh, getattr(n, "code", None)) for n in mains if n.kind.value in TEXT}
        out = {}
        for r in self.store.run_query("entities_by_ids", {"ids": sorted(coded)}) if coded else []:
            (label, code), before = coded[r["id"]], r["props"].get("code")
            if before in (None, code):
                continue
            files = [Path(str(d.props.get("path"))).name for d in sourced_from(self.store, r["id"], self.limit)
                     if d.id != self.document_id]
            if files:
                out[r["id"]] = (f"本行的轮次、单位、序号与文件“{files[0]}”载入的另一条{label}（编号“{before}”）相同；"
                                f"同一条{label}请用同一编号，不同的请改正序号")
        return out

    def _in_common(self, loaded: set[str]) -> bool:
        earlier = {n.node.id for n in self.store.neighbours(self.document_id, direction="in", limit=self.limit)
                   if n.edge.type is EdgeType.SOURCED_FROM}
        return bool((earlier - set(self.taken)) & loaded)

    def removal(self, remove: bool | frozenset[str], loaded: set[str]) -> bool | frozenset[str]:
        """What the load removes of the rows its file no longer has: what was asked and every record re-keyed."""
        forced = frozenset(self.taken) - loaded
        if remove is True or not forced:
            return remove
        return forced | (remove or frozenset())

    def notes(self, loaded: set[str]) -> list[tuple[str, str]]:
        """Each re-keyed record's row (by the id of its new record) and what the report says of it."""
        return [(new, f"编号“{code}”原属本文件已载入的另一条{NodeKind(kind).label_zh}（轮次、单位、序号或渠道已改正）："
                      "原记录随本次载入删除，由本行的记录取代")
                for old, (kind, code, new) in self.taken.items() if old not in loaded]

    def refused(self, loaded: set[str]) -> list[str]:
        """Why a removal the clerk did not ask for is part of a load refused (what rests on it, a rejected row)."""
        forced = sorted(code for old, (_, code, _) in self.taken.items() if old not in loaded)
        if not forced:
            return []
        return ["编号" + "、".join(f"“{c}”" for c in forced) + "的原记录因本文件改正了其轮次、单位、序号或渠道，须随本次载入"
                "删除，但未能删除（原因见下）；请先处理，或改回原来的轮次、单位、序号、渠道"]


def clash_message(kind: str, code: str) -> str:
    return (f"编号“{code}”已被另一条{NodeKind(kind).label_zh}使用；编号必须唯一（本文件先前载入的记录，只改了轮次、单位或"
            "序号而描述未改的，本行可取代它；否则请先删去本行载入并删除原记录，再加回改后的行）")
