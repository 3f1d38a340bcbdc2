"""Withdrawing accepted entries (撤销接受) on both stores: the graph goes back to exactly what it was before the
acceptance, the entries back to the open queue, a request about a withdrawn problem goes with it, and a problem a
ledger has since cited is refused with nothing changed. The Neo4j case runs under ``tools/with-neo4j.sh``."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from graph.model import EdgeType, NodeKind, make_edge
from graph.model import nodes as m
from loaders.text.load import accept
from loaders.text.model import EntryKind, EntryState
from loaders.text.parse import finder_for, parse_file
from loaders.text.queue import EntryNotFound, QueueError, TextQueue
from loaders.text.review import edit_entry
from loaders.text.withdraw import WithdrawRefused, withdraw
from tests.text.conftest import DEV


def _everything(store) -> tuple[list, list]:  # noqa: ANN001
    return sorted(n.id for n in store.iter_nodes()), sorted(e.id for e in store.iter_edges())


def withdrawal(store, tmp_path) -> None:  # noqa: ANN001
    queue, finder = TextQueue.for_data_dir(tmp_path), finder_for(store, tmp_path)
    entries = queue.add(parse_file(DEV / "speech_guanyu.txt", store, data_dir=tmp_path), "甲").entries
    linked = next(d for d in entries if d.kind == EntryKind.DIRECTIVE and d.item_ref is not None)
    problem = next(e for e in entries if e.id == linked.item_ref)
    other = next(e for e in entries if e.kind == EntryKind.ISSUE and e.id != problem.id)
    edit_entry(store, queue, finder, other.id, "甲", category="财务")
    before = _everything(store)

    accept(store, queue, [problem.id, linked.id], "甲", finder=finder)
    accept(store, queue, [other.id], "甲", finder=finder)
    first_node = queue.get(problem.id).node_id
    doc = next(n.node.id for n in store.neighbours(first_node, direction="out")
               if n.edge.type is EdgeType.SOURCED_FROM)

    report = withdraw(store, queue, [problem.id], "乙")  # its request goes with it; the document stays for the other
    assert report.withdrawn == [problem.id] and report.along == [linked.id]
    assert (report.issues, report.directives, report.documents) == (1, 1, 0)
    assert store.get_node(first_node) is None and store.get_node(doc) is not None
    assert [queue.get(i).state for i in (problem.id, linked.id, other.id)] == \
        [EntryState.PENDING, EntryState.PENDING, EntryState.ACCEPTED]
    assert queue.get(problem.id).node_id is None and queue.get(problem.id).decided_by is None
    assert queue.get(problem.id).withdrawn_by == "乙" and queue.get(problem.id).withdrawn_at is not None  # it was in once

    report = withdraw(store, queue, [other.id], "乙")  # the last item from that report: the document goes too
    assert report.documents == 1 and store.get_node(doc) is None
    assert queue.get(other.id).state == EntryState.EDITED  # it keeps the analyst's change
    assert _everything(store) == before  # exactly the graph before anything was accepted

    accept(store, queue, [problem.id, linked.id], "甲", finder=finder)  # accepted again, as it was
    assert queue.get(problem.id).node_id == first_node and store.get_node(first_node) is not None
    assert queue.get(problem.id).issue_code == store.get_node(first_node).props["code"]  # what a ledger cites
    assert queue.get(other.id).issue_code is None  # not in the graph: no code to cite
    with pytest.raises(QueueError, match="已修改待接受：未载入图谱，无需撤销"):
        withdraw(store, queue, [other.id], "乙")
    with pytest.raises(EntryNotFound):
        withdraw(store, queue, [999_999], "乙")

    task = m.Task(issue_id=first_node, seq=1, measure="建立补贴发放复核制度", level="individual",
                  deadline=date(2026, 6, 30), status="in_progress")
    ledger = m.Document(path="上传/民政局整改台账.xlsx", doc_kind="ledger", loaded_at=datetime(2026, 12, 1, 9, 0))
    store.upsert([task.to_record(), ledger.to_record()],
                 [make_edge(EdgeType.RECTIFIES, (NodeKind.TASK, task.id), (NodeKind.ISSUE, first_node)),
                  make_edge(EdgeType.SOURCED_FROM, (NodeKind.TASK, task.id), (NodeKind.DOCUMENT, ledger.id),
                            sheet="整改台账", row=7)])
    cited = _everything(store)
    with pytest.raises(WithdrawRefused) as refused:
        withdraw(store, queue, [problem.id], "乙")  # a ledger's rectification task now cites the problem
    assert len(refused.value.problems) == 1
    said = refused.value.problems[0]  # the entry and its 问题编号, what cites it, where that was loaded from
    assert said.startswith(f"条目 {problem.id}（问题 {queue.get(problem.id).issue_code}）被整改任务“建立补贴发放复核制度”"
                           "（载入自 上传/民政局整改台账.xlsx · 整改台账 · 第 7 行）以“整改”关联"), said
    assert _everything(store) == cited
    assert queue.get(problem.id).state == queue.get(linked.id).state == EntryState.ACCEPTED


def test_withdrawal_embedded(store, tmp_path):
    withdrawal(store, tmp_path)


def test_withdrawal_neo4j(scratch_neo4j, county, tmp_path):
    scratch_neo4j.upsert(county.nodes, county.edges)
    withdrawal(scratch_neo4j, tmp_path)


def test_a_request_about_the_unit_only_stays_and_repeats_are_cut(store, county, tmp_path):
    """A request accepted before its problem went in about the unit alone: withdrawing the problem leaves it. A
    computed repeat between the problem and a ledger's goes with the problem (the next recompute works it out)."""
    queue, finder = TextQueue.for_data_dir(tmp_path), finder_for(store, tmp_path)
    entries = queue.add(parse_file(DEV / "speech_guanyu.txt", store, data_dir=tmp_path), "甲").entries
    linked = next(d for d in entries if d.kind == EntryKind.DIRECTIVE and d.item_ref is not None)
    accept(store, queue, [linked.id], "甲", finder=finder)  # alone: about its unit and round
    accept(store, queue, [linked.item_ref], "甲", finder=finder)
    problem = queue.get(linked.item_ref).node_id
    earlier = next(n for n in county.nodes if n.kind is NodeKind.ISSUE)
    store.upsert([], [make_edge(EdgeType.REPEATS, (NodeKind.ISSUE, problem), (NodeKind.ISSUE, earlier.id),
                                score=0.9, evidence="测试")])
    report = withdraw(store, queue, [linked.item_ref], "乙", data_dir=tmp_path)
    assert report.along == [] and queue.get(linked.id).state == EntryState.ACCEPTED
    assert store.get_node(queue.get(linked.id).node_id) is not None and store.get_node(problem) is None
    assert not [n for n in store.neighbours(earlier.id) if n.edge.type is EdgeType.REPEATS and n.node.id == problem]


def test_a_standing_repeat_judgement_on_the_problem_stops_the_withdrawal(store, county, tmp_path):
    from graph.analysis.repeat_judgements import RepeatJudgement, RepeatJudgements

    queue, finder = TextQueue.for_data_dir(tmp_path), finder_for(store, tmp_path)
    entries = queue.add(parse_file(DEV / "speech_guanyu.txt", store, data_dir=tmp_path), "甲").entries
    item = next(e for e in entries if e.kind == EntryKind.ISSUE)
    accept(store, queue, [item.id], "甲", finder=finder)
    node = queue.get(item.id).node_id
    judgements = RepeatJudgements(tmp_path)
    earlier = next(n for n in county.nodes if n.kind is NodeKind.ISSUE)
    judgements.items.append(RepeatJudgement(id="J1", verdict="link", later=node, earlier=earlier.id, who="丙",
                                            at="2026-12-01T10:00:00"))
    judgements.save()
    before = _everything(store)
    told = rf"条目 {item.id}（问题 WB-[0-9a-f]{{8}}-{item.id}）已有人工重复问题研判 J1：与问题 {earlier.props['code']}"
    with pytest.raises(WithdrawRefused, match=told):
        withdraw(store, queue, [item.id], "乙", data_dir=tmp_path)
    assert _everything(store) == before and queue.get(item.id).state == EntryState.ACCEPTED
    judgements.items[0].undone_at, judgements.items[0].undone_by = "2026-12-02T10:00:00", "丙"
    judgements.save()
    assert withdraw(store, queue, [item.id], "乙", data_dir=tmp_path).issues == 1  # taken back: free to go
