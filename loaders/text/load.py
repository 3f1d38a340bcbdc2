"""Accepting queue entries into the graph: all of a batch or nothing, like a ledger file.

An accepted item becomes an ``Issue`` (of the severity the analyst saw on the queue) at its unit in a round — the
round the document names when the graph has it, else the round the analyst gives on accepting (the message says
so) — ``FOUND_AT`` its unit, ``FOUND_IN`` the round, the unit's first-in-command then ``RESPONSIBLE_FOR`` it
(derived, as the ledger loader does), and ``SOURCED_FROM`` the report's ``Document`` with the paragraph. A directive
becomes a ``Directive`` ``DIRECTED_TO`` the body (when the register holds it) and ``DIRECTIVE_ABOUT`` its issue
(accepted now or before) or its unit. Every record is validated before one ``upsert``; any problem writes nothing
and names each entry.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from graph.model import EdgeRecord, EdgeType, NodeKind, NodeRecord, make_edge
from graph.model import nodes as m
from graph.model.enums import DocumentKind, IssueStatus
from graph.model.ids import node_id
from graph.stores.base import GraphStore
from loaders.text.model import EntryKind, EntryState, QueueEntry, Refused, issue_code
from loaders.text.parse import ROUND, text_rules
from loaders.text.queue import EntryNotFound, QueueError, TextQueue
from loaders.text.segments import cn_number
from loaders.text.severity import severity_rules, suggest
from loaders.text.units import UnitFinder

SEQ_BASE = 1_000_000  # issues from reports are numbered apart from ledger rows: 1,000,000 + queue id
SOURCE = {"feedback": "巡察反馈意见", "comprehensive": "巡察综合情况报告", "speech": "会议讲话"}


class AcceptReport(BaseModel):
    accepted: list[int] = Field(default_factory=list, title="已接受的条目")
    skipped: list[str] = Field(default_factory=list, title="未接受的条目及原因")
    issues: int = Field(default=0, title="问题")
    directives: int = Field(default=0, title="交办事项")
    nodes: int = 0
    edges: int = 0


class AcceptRejected(Refused):
    """Nothing was written; ``problems`` says why for each entry."""

    lead = "未接受任何条目（全部或全不）："


def resolve_round(store: GraphStore, county: str, ref: str) -> str:
    """A round given by id or as a document names it (十五届县委第三轮巡察)."""
    ref = ref.strip()
    node = store.get_node(ref)
    if node is not None and node.kind == NodeKind.ROUND:
        return ref
    match = ROUND.search(ref if ref.endswith("巡察") else ref + "巡察")
    if match:
        term, number = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        rid = node_id(NodeKind.ROUND.value, county, cn_number(term), cn_number(number))
        if store.get_node(rid) is not None:
            return rid
    raise QueueError(f"图中没有轮次“{ref}”；请给出轮次标识，或写成“十五届县委第三轮巡察”的样子")


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


class Acceptor:
    def __init__(self, store: GraphStore, queue: TextQueue, finder: UnitFinder, rules: dict[str, Any],
                 severity: dict[str, Any]) -> None:
        self.store, self.queue, self.finder, self.rules, self.severity = store, queue, finder, rules, severity
        self.nodes: list[NodeRecord] = []
        self.edges: list[EdgeRecord] = []
        self.documents: dict[str, m.Document] = {}

    def document(self, e: QueueEntry) -> m.Document:
        if e.sha256 not in self.documents:
            kind = DocumentKind.SPEECH if e.doc_kind == "speech" else DocumentKind.REPORT
            doc = m.Document(path=f"报告文本/{e.sha256[:12]}/{e.document}", doc_kind=kind, loaded_at=datetime.now(),
                             sha256=e.sha256)
            before = self.store.get_node(doc.id)
            if before is not None and before.props.get("loaded_at"):
                doc = doc.model_copy(update={"loaded_at": datetime.fromisoformat(before.props["loaded_at"])})
            self.documents[e.sha256] = doc
            self.nodes.append(doc.to_record())
        return self.documents[e.sha256]

    def issue(self, e: QueueEntry, round_id: str | None) -> str:
        if not e.unit_id or self.store.get_node(e.unit_id) is None:
            raise QueueError(f"条目 {e.id}（{e.document} {e.place}）未对应到单位；"
                             "请先修改单位（edit --unit）")
        rid = round_id or e.round_id
        if not rid:
            named = f"文中的“{e.round_text}”在图中没有对应轮次" if e.round_text else "文中未写明巡察轮次"
            raise QueueError(f"条目 {e.id}（{e.document}）{named}；请先填写轮次再接受（网页上填本条或批量接受的“轮次”，"
                             "命令行用 --round）")
        rnd = self.store.get_node(rid)
        if rnd is None:
            raise QueueError(f"条目 {e.id} 的轮次 {rid} 不在图中")
        found = _day(rnd.props.get("end")) or _day(rnd.props.get("start")) or date.today()
        severity = e.severity or suggest(e.text, self.severity)[0]  # an entry queued before severities were
        issue = m.Issue(round_id=rid, unit_id=e.unit_id, seq=SEQ_BASE + e.id, text=e.text, category=e.category or "其他",
                        severity=severity, status=IssueStatus.OPEN, found_date=found,
                        source=SOURCE.get(e.doc_kind, "报告文本"), code=issue_code(e.sha256, e.id))
        doc = self.document(e)
        self.nodes.append(issue.to_record())
        self.edges += [make_edge(EdgeType.FOUND_AT, (NodeKind.ISSUE, issue.id), (NodeKind.UNIT, e.unit_id)),
                       make_edge(EdgeType.FOUND_IN, (NodeKind.ISSUE, issue.id), (NodeKind.ROUND, rid)),
                       make_edge(EdgeType.SOURCED_FROM, (NodeKind.ISSUE, issue.id), (NodeKind.DOCUMENT, doc.id),
                                 paragraph=e.paragraph, place=e.place, entry=e.id)]
        for row in self.store.run_query("first_in_command_on", {"unit_id": e.unit_id, "on": found.isoformat()}):
            self.edges.append(make_edge(EdgeType.RESPONSIBLE_FOR, (NodeKind.PERSON, row["person_id"]),
                                        (NodeKind.ISSUE, issue.id), role="first_in_command"))
        return issue.id

    def directive(self, e: QueueEntry, issue_ids: dict[int, str], round_id: str | None = None) -> str:
        """A Directive node: to the body asked, about its issue (or unit), and about the round its document reports
        on, so a round's 贯通联动 review lists a speech's requests that name no unit."""
        doc = self.document(e)
        rnd = self.store.get_node(e.round_id) if e.round_id else None  # a feedback's directives date from its round
        issued = (_day(rnd.props.get("end")) or _day(rnd.props.get("start"))) if rnd is not None else None
        d = m.Directive(document_id=doc.id, paragraph=e.paragraph, body=e.body or "", request=e.request or e.text,
                        text=e.text, issued_date=issued)
        self.nodes.append(d.to_record())
        self.edges.append(make_edge(EdgeType.SOURCED_FROM, (NodeKind.DIRECTIVE, d.id), (NodeKind.DOCUMENT, doc.id),
                                    paragraph=e.paragraph, place=e.place, entry=e.id))
        body_unit = self.queue.body_unit(e.id)
        name = self.rules["body_unit_names"].get(e.body or "")
        if body_unit is None and name:
            body_unit = self.finder.resolve(name).unit_id
        if body_unit and self.store.get_node(body_unit) is not None:
            self.edges.append(make_edge(EdgeType.DIRECTED_TO, (NodeKind.DIRECTIVE, d.id), (NodeKind.UNIT, body_unit)))
        about = issue_ids.get(e.item_ref) if e.item_ref is not None else None
        if about:
            self.edges.append(make_edge(EdgeType.DIRECTIVE_ABOUT, (NodeKind.DIRECTIVE, d.id), (NodeKind.ISSUE, about)))
        elif e.unit_id and self.store.get_node(e.unit_id) is not None:
            self.edges.append(make_edge(EdgeType.DIRECTIVE_ABOUT, (NodeKind.DIRECTIVE, d.id),
                                        (NodeKind.UNIT, e.unit_id)))
        rid = round_id or e.round_id
        if rid and self.store.get_node(rid) is not None:
            self.edges.append(make_edge(EdgeType.DIRECTIVE_ABOUT, (NodeKind.DIRECTIVE, d.id), (NodeKind.ROUND, rid)))
        return d.id


def accept(store: GraphStore, queue: TextQueue, ids: list[int], actor: str, *, round_ref: str | None = None,
           finder: UnitFinder, data_dir: Any = None, skip_unready: bool = False) -> AcceptReport:
    """Write the entries to the graph in one upsert and mark them accepted; raises :class:`AcceptRejected`.

    With ``skip_unready`` (bulk acceptance) an entry that cannot be accepted (no unit, no round, no category) is left
    pending and listed, and the others go in together."""
    entries, _ = queue.entries(ids=sorted(set(ids)), limit=max(len(ids), 1))
    missing = sorted(set(ids) - {e.id for e in entries})
    if missing:
        raise EntryNotFound(f"审核队列中没有编号为 {'、'.join(map(str, missing))} 的条目。")
    closed = [f"条目 {e.id} {e.state.label_zh}" for e in entries if e.state in (EntryState.ACCEPTED, EntryState.REJECTED)]
    if closed:
        raise AcceptRejected(closed)
    round_id = resolve_round(store, finder.county, round_ref) if round_ref else None
    acceptor = Acceptor(store, queue, finder, text_rules(data_dir), severity_rules(data_dir))
    report, problems = AcceptReport(), list[str]()
    done: dict[int, tuple[str, str | None]] = {}
    issue_ids = {e.id: e.node_id for e in _referenced(queue, entries) if e.node_id}  # accepted before
    for e in sorted(entries, key=lambda x: x.kind != EntryKind.ISSUE):  # issues first: directives point at them
        mark = len(acceptor.nodes), len(acceptor.edges)
        try:
            if skip_unready:
                _ready_for_bulk(e, issue_ids)
            if e.kind == EntryKind.ISSUE:
                issue_ids[e.id] = acceptor.issue(e, round_id)
                done[e.id] = (issue_ids[e.id], round_id or e.round_id)
                report.issues += 1
            else:
                done[e.id] = (acceptor.directive(e, issue_ids, round_id), None)
                report.directives += 1
        except (QueueError, ValidationError, ValueError) as exc:
            del acceptor.nodes[mark[0]:], acceptor.edges[mark[1]:]
            acceptor.documents = {k: v for k, v in acceptor.documents.items()
                                  if any(n.id == v.id for n in acceptor.nodes)}
            message = str(exc) if isinstance(exc, QueueError) else f"条目 {e.id} 的内容不合要求：{exc}"
            (report.skipped if skip_unready else problems).append(message)
    if problems:
        raise AcceptRejected(problems)
    if done:
        store.upsert(acceptor.nodes, acceptor.edges)
        queue.mark_accepted(done, actor)
    report.accepted = sorted(done)
    report.nodes, report.edges = len(acceptor.nodes), len(acceptor.edges)
    return report


def _ready_for_bulk(e: QueueEntry, issue_ids: dict[int, str]) -> None:
    """What bulk acceptance leaves for a person (raises :class:`QueueError` saying why): an item the page asked to
    classify, an entry repeating another document's, and a request about a problem not accepted (it would go in
    about the unit only, for good: an accepted entry does not change)."""
    where = f"条目 {e.id}（{e.document} {e.place}）"
    if e.kind == EntryKind.ISSUE and not e.category:
        raise QueueError(f"{where}未归类；请先选择类别")
    if e.twin_of is not None:
        raise QueueError(f"{where}与条目 {e.twin_of} 相同；请确认后单独接受，或驳回")
    if e.kind == EntryKind.DIRECTIVE and e.item_ref is not None and e.item_ref not in issue_ids:
        raise QueueError(f"{where}涉及的问题（条目 {e.item_ref}）尚未接受；请先处理该问题")


def _referenced(queue: TextQueue, entries: list[QueueEntry]) -> list[QueueEntry]:
    """The items the directives of a batch are about that were accepted before (their graph node known)."""
    refs = sorted({e.item_ref for e in entries if e.item_ref is not None})
    return queue.entries(ids=refs, state=EntryState.ACCEPTED, limit=max(len(refs), 1))[0]
