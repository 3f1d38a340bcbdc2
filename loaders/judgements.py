"""A person's judgements on who is who: two records are one person (or unit), or they are different.

Without an ID number, namesakes stay apart and the load report lists them "for a person to confirm"
(:mod:`loaders.ledgers.resolve`). A judgement settles a pair once, for good:

- **same** (``confirm``): the second record is merged into the first. Its relationships move to the first (each
  moved edge gets a new id derived from its old one, so nothing collapses) and the node goes; what moved is kept
  in the judgement, so ``undo`` puts back the node and every edge, with none left orphaned. Later loads that make
  the merged record again are redirected to the kept one (and what they redirect is added to the judgement).
- **different** (``refuse``): nothing changes in the graph; the pair is never proposed again.

Judgements live in ``judgements.json`` in the data folder (0600, written whole or not at all): who, when, by which
rule, with a note, and who undid them when. Each graph change is one transaction of the store that reads what it
moves (``merge_node``, ``upsert_dropping``): readers see the graph before or after, and a write another process makes
meanwhile (a text accepted, a load) is kept.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from graph.model import EdgeRecord, NodeKind, NodeRecord
from graph.model.edges import EDGE_SPECS
from graph.model.ids import edge_id
from graph.stores.base import GraphStore

FILE = "judgements.json"
Subject = Literal["person", "unit"]
Verdict = Literal["same", "different"]
JUDGEABLE: dict[NodeKind, Subject] = {NodeKind.PERSON: "person", NodeKind.UNIT: "unit"}


class JudgementError(ValueError):
    """A judgement that cannot be made or undone; the message is for the person who asked."""


class Judgement(BaseModel):
    id: str = Field(title="编号")
    subject: Subject = Field(title="对象")
    verdict: Verdict = Field(title="判断")
    a: str = Field(title="保留的记录")
    b: str = Field(title="并入或区分的记录")
    names: list[str] = Field(default_factory=list, title="名称")
    who: str = Field(title="判断人")
    at: str = Field(title="判断时间")
    rule: str = Field(title="依据")
    note: str | None = Field(default=None, title="说明")
    undone_by: str | None = Field(default=None, title="撤销人")
    undone_at: str | None = Field(default=None, title="撤销时间")
    node: dict | None = Field(default=None, title="并入记录的原节点")
    moved: list[dict] = Field(default_factory=list, title="移到保留记录上的关系（原样）")
    kept: list[str] = Field(default_factory=list, title="保留记录原有、与移来的关系重合的关系")

    @property
    def active(self) -> bool:
        return self.undone_at is None

    @property
    def label(self) -> str:
        return "同一人" if self.subject == "person" and self.verdict == "same" else (
            "不同的人" if self.subject == "person" else "同一单位" if self.verdict == "same" else "不同单位")


def moved_id(edge: EdgeRecord, redirect: dict[str, str]) -> str:
    """The id the edge has once its merged end is moved: the id a load naming the kept record would give it."""
    disc = tuple(edge.props.get(f) for f in EDGE_SPECS[edge.type].discriminator)
    return edge_id(edge.type.value, redirect.get(edge.src, edge.src), redirect.get(edge.dst, edge.dst), *disc)


def _moved(edge: EdgeRecord, redirect: dict[str, str]) -> EdgeRecord:
    """The edge as it is once its merged end is moved (ends redirected, :func:`moved_id`)."""
    return edge.model_copy(update={"id": moved_id(edge, redirect), "src": redirect.get(edge.src, edge.src),
                                   "dst": redirect.get(edge.dst, edge.dst)})


class Judgements:
    """The judgements of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE
        self.items: list[Judgement] = self._read()
        self.held = False

    def _read(self) -> list[Judgement]:
        if not self.path.exists():
            return []
        return [Judgement.model_validate(j) for j in json.loads(self.path.read_text("utf-8"))]

    @contextmanager
    def changing(self) -> Iterator[Judgements]:
        """Read the file again and hold it (an exclusive lock on ``judgements.lock``) while judging, undoing or
        loading: two people judging at once, or a load redirecting while someone judges, each see the other's
        judgements and lose none, and no merge lands between a load's redirecting and its write."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = self.path.with_suffix(".lock")
        with open(lock, "a") as held:
            lock.chmod(0o600)
            fcntl.flock(held, fcntl.LOCK_EX)
            try:
                self.items, self.held = self._read(), True
                yield self
            finally:
                self.held = False
                fcntl.flock(held, fcntl.LOCK_UN)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps([j.model_dump(mode="json") for j in self.items], ensure_ascii=False, indent=1),
                       "utf-8")
        tmp.chmod(0o600)
        os.replace(tmp, self.path)

    def get(self, judgement_id: str) -> Judgement:
        found = next((j for j in self.items if j.id == judgement_id), None)
        if found is None:
            raise JudgementError(f"没有编号为“{judgement_id}”的判断；可运行 xuncha people list 查看")
        return found

    def active(self) -> list[Judgement]:
        return [j for j in self.items if j.active]

    def of_pair(self, a: str, b: str) -> Judgement | None:
        return next((j for j in self.active() if {j.a, j.b} == {a, b}), None)

    def judged(self) -> set[frozenset[str]]:
        """Every pair settled either way (a merged record stands for the one it went into)."""
        redirect = self.redirects()
        return {frozenset((redirect.get(j.a, j.a), j.b)) for j in self.active()} | {
            frozenset((j.a, j.b)) for j in self.active()}

    def settles(self, person: str, candidates: Iterable[str]) -> bool:
        """Whether a person has judged every pair of a near miss already (same or different): then it is not
        proposed again."""
        redirect, judged = self.redirects(), self.judged()
        if person in redirect:
            return True
        return all(frozenset((person, c)) in judged or frozenset((person, redirect.get(c, c))) in judged
                   for c in candidates)

    def redirects(self) -> dict[str, str]:
        """Merged id → the id it lives on as (chains followed: B into A, then A into C gives B → C)."""
        step = {j.b: j.a for j in self.active() if j.verdict == "same"}
        out = {}
        for b in step:
            seen, target = {b}, step[b]
            while target in step and target not in seen:
                seen.add(target)
                target = step[target]
            out[b] = target
        return out


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _pair(store: GraphStore, a: str, b: str) -> tuple[NodeRecord, NodeRecord, Subject]:
    if a == b:
        raise JudgementError("两个编号相同；请给出两条不同的记录")
    nodes = [store.get_node(x) for x in (a, b)]
    for x, node in zip((a, b), nodes, strict=True):
        if node is None:
            raise JudgementError(f"图谱中没有编号为“{x}”的记录")
        if node.kind not in JUDGEABLE:
            raise JudgementError(f"“{x}”是{node.kind.label_zh}；只能判断人员或单位")
    na, nb = nodes
    assert na is not None and nb is not None
    if na.kind != nb.kind:
        raise JudgementError("一条是人员、一条是单位，不能判断为同一对象")
    return na, nb, JUDGEABLE[na.kind]


def _unjudged(judgements: Judgements, a: str, b: str) -> None:
    earlier = judgements.of_pair(a, b)
    if earlier is not None:
        raise JudgementError(f"这两条记录已判断为“{earlier.label}”（{earlier.id}，{earlier.who}，{earlier.at}）；"
                             f"如需改判，请先撤销：xuncha people undo {earlier.id}")


def _new(judgements: Judgements, subject: Subject, verdict: Verdict, na: NodeRecord, nb: NodeRecord, who: str, rule: str,
         note: str | None) -> Judgement:
    return Judgement(id="j" + secrets.token_hex(4), subject=subject, verdict=verdict, a=na.id, b=nb.id,
                     names=[str(na.props.get("name", "")), str(nb.props.get("name", ""))], who=who, at=_now(),
                     rule=rule, note=note)


def refuse(store: GraphStore, judgements: Judgements, a: str, b: str, *, who: str, note: str | None = None,
           rule: str = "人工判断：不是同一对象") -> Judgement:
    with judgements.changing():
        _unjudged(judgements, a, b)
        na, nb, subject = _pair(store, a, b)
        judgement = _new(judgements, subject, "different", na, nb, who, rule, note)
        judgements.items.append(judgement)
        judgements.save()
    return judgement


def confirm(store: GraphStore, judgements: Judgements, a: str, b: str, *, who: str, note: str | None = None,
            rule: str = "人工判断：同一对象") -> Judgement:
    """Merge ``b`` into ``a`` in one transaction of the store and record how, so it can be undone.

    The judgement is saved before the graph changes and completed after: a process that dies in between leaves a
    judgement that loads already follow and that ``undo`` takes back (the merged record is put back as it was read;
    with nothing recorded as moved, nothing else changes), never a merge with no record of it."""
    with judgements.changing():
        _unjudged(judgements, a, b)
        na, nb, subject = _pair(store, a, b)
        judgement = _new(judgements, subject, "same", na, nb, who, rule, note)
        judgement.node = nb.model_dump(mode="json")
        judgements.items.append(judgement)
        judgements.save()
        try:
            merged = store.merge_node(b, a, lambda e: moved_id(e, {b: a}))  # its edges read in the write
        except BaseException:
            judgements.items.remove(judgement)
            judgements.save()
            raise
        judgement.node = merged.node.model_dump(mode="json")  # as it was when merged
        judgement.moved = [e.model_dump(mode="json") for e in merged.moved]
        judgement.kept = merged.kept  # the kept record's own: stay on undo
        judgements.save()
    return judgement


def rewrite(edges: list[EdgeRecord], redirect: dict[str, str]) -> tuple[list[EdgeRecord], list[EdgeRecord]]:
    """(edges with merged ends moved, the originals of those that moved)."""
    unique = {e.id: e for e in edges if e.src not in redirect and e.dst not in redirect}  # the kept record's own …
    moved = [e for e in edges if e.src in redirect or e.dst in redirect]
    for e in moved:  # … first: a moved edge the same as one of them adds nothing
        copy = _moved(e, redirect)
        unique.setdefault(copy.id, copy)
    return list(unique.values()), moved


def undo(store: GraphStore, judgements: Judgements, judgement_id: str, *, who: str) -> Judgement:
    """Take a judgement back: a merge is split again (node and edges as they were), a refusal is forgotten. A merge
    whose kept record, or a record its moved edges lead to, was merged again since is undone after that one."""
    with judgements.changing():
        judgement = judgements.get(judgement_id)
        if not judgement.active:
            raise JudgementError(f"判断 {judgement_id} 已于 {judgement.undone_at} 由 {judgement.undone_by} 撤销")
        if judgement.verdict == "same":
            _nothing_merged_since(judgements, judgement)
            store.upsert_dropping(*_split(store, judgement))
        judgement.undone_by, judgement.undone_at = who, _now()
        judgements.save()
    return judgement


def _nothing_merged_since(judgements: Judgements, judgement: Judgement) -> None:
    """Refuse to split a merge while a later merge holds what it would give back: the kept record merged elsewhere,
    or the other end of an edge it moved (undone first, each edge goes back between the records it joined)."""
    ends = {x for e in judgement.moved for x in (e["src"], e["dst"])} - {judgement.a, judgement.b}
    for j in judgements.active():
        if j.verdict != "same" or j is judgement:
            continue
        if j.b == judgement.a:
            raise JudgementError(f"保留的记录已再并入他处（{j.id}）；请先撤销 {j.id}")
        if j.b in ends:
            raise JudgementError(f"被移动关系的另一端记录已并入他处（{j.id}）；请先撤销 {j.id}")


def _split(store: GraphStore, judgement: Judgement) -> tuple[list[NodeRecord], list[EdgeRecord], list[EdgeRecord]]:
    """A merge undone as one write: the merged node and its edges back (those whose other end is still stored), and
    the copies the merge moved to the kept node dropped — but the kept node's own: those it held before (``kept``)
    and those a later row about the kept record itself wrote again (their source is no longer a moved edge's)."""
    redirect = {judgement.b: judgement.a}
    originals = [EdgeRecord.model_validate(e) for e in judgement.moved]
    nodes = [NodeRecord.model_validate(judgement.node)] if judgement.node else []
    back = {n.id for n in nodes}
    ends = {end for e in originals for end in (e.src, e.dst)} - back
    live = back | {end for end in ends if store.get_node(end) is not None}
    stored = {n.edge.id: _source(n.edge) for n in store.neighbours(judgement.a, limit=1_000_000)}
    moved_from: dict[str, set[tuple]] = {}
    for e in originals:
        moved_from.setdefault(moved_id(e, redirect), set()).add(_source(e))
    dropping = [c for c in (_moved(e, redirect) for e in originals)
                if c.id not in judgement.kept and c.id in stored and stored[c.id] in moved_from[c.id] | {(None, None, None)}]
    unique = {c.id: c for c in dropping}
    return nodes, [e for e in originals if e.src in live and e.dst in live], list(unique.values())


def _source(edge: EdgeRecord) -> tuple:
    """The ledger row an edge was written from (``(None, None, None)`` for one no row wrote)."""
    return edge.props.get("source_doc"), edge.props.get("source_sheet"), edge.props.get("source_row")


def apply_to_load(judgements: Judgements, nodes: list[NodeRecord], edges: list[EdgeRecord]
                  ) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    """A load's records with merged records redirected to the kept ones; what moved is added to the judgement (and
    a moved edge the same as one the load gives the kept record itself is that record's own, kept on undo). Called
    inside ``judgements.changing()``, held until the load is written."""
    if not judgements.held:
        raise RuntimeError("apply_to_load outside judgements.changing()")
    redirect = judgements.redirects()
    if not redirect:
        return nodes, edges
    kept_nodes = [n for n in nodes if n.id not in redirect]
    own = {e.id for e in edges if e.src not in redirect and e.dst not in redirect}
    out, moved = rewrite(edges, redirect)
    if moved:
        owner = {j.b: j for j in judgements.active() if j.verdict == "same"}
        for e in moved:
            copy_id = moved_id(e, redirect)
            for end in (e.src, e.dst):
                if end not in owner:
                    continue
                if e.id not in {m["id"] for m in owner[end].moved}:
                    owner[end].moved.append(e.model_dump(mode="json"))
                if copy_id in own and copy_id not in owner[end].kept:
                    owner[end].kept.append(copy_id)
        judgements.save()
    return kept_nodes, out
