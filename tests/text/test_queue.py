"""The review queue and acceptance on both stores: accept / edit / reject round trip, idempotent re-parse, all or
nothing, and the provenance an accepted item carries. The Neo4j case runs under ``tools/with-neo4j.sh``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph.model import EdgeType, NodeKind
from loaders.text.load import AcceptRejected, accept
from loaders.text.model import EntryKind, EntryState, ParsedItem, ParseResult
from loaders.text.parse import finder_for, parse_file
from loaders.text.queue import QueueError, TextQueue
from loaders.text.review import accept_open, edit_entry
from tests.text.conftest import DEV


def _edges(store, node_id: str, edge_type: EdgeType) -> list:
    return [n.edge for n in store.neighbours(node_id, direction="out") if n.edge.type == edge_type]


def round_trip(store, tmp_path: Path) -> None:
    queue = TextQueue.for_data_dir(tmp_path)
    finder = finder_for(store, tmp_path)
    before = store.counts().nodes.get("Issue", 0)
    result = parse_file(DEV / "speech_guanyu.txt", store, data_dir=tmp_path)
    added = queue.add(result, "甲")
    entries, new = added.entries, added.new
    assert new == len(entries) == len(result.items) + len(result.directives) and result.round_id
    copy = tmp_path / "另存的讲话.txt"  # the same bytes under another name: still the same document
    shutil.copy(DEV / "speech_guanyu.txt", copy)
    added = queue.add(parse_file(copy, store, data_dir=tmp_path), "乙")
    again, new_again = added.entries, added.new
    assert new_again == 0 and [e.id for e in again] == [e.id for e in entries]

    issues = [e for e in entries if e.kind == EntryKind.ISSUE]
    directives = [e for e in entries if e.kind == EntryKind.DIRECTIVE]
    first, second, third = issues[:3]
    edited = edit_entry(store, queue, finder, second.id, "甲", unit="县审计局", category="财务", text="惠农补贴审核不严。")
    assert edited.state == EntryState.EDITED and edited.unit_name == "宁川县审计局" and edited.category == "财务管理"
    assert edited.edited_by == "甲" and edited.edited_at is not None
    rejected = queue.reject(third.id, "乙")
    assert rejected.state == EntryState.REJECTED and rejected.decided_by == "乙"
    with pytest.raises(QueueError):
        queue.edit(third.id, "甲", text="改不了")

    linked = next(d for d in directives if d.item_ref is not None)
    report = accept(store, queue, [first.id, second.id, linked.id], "甲", finder=finder, data_dir=tmp_path)
    assert report.issues == 2 and report.directives == 1
    assert store.counts().nodes["Issue"] == before + 2 and store.counts().nodes["Directive"] == 1
    node = queue.get(second.id).node_id
    props = store.get_node(node).props
    assert props["text"] == "惠农补贴审核不严。" and props["category"] == "财务管理" and props["status"] == "open"
    assert props["round_id"] == result.round_id and props["unit_id"] == finder.resolve("县审计局").unit_id
    source = _edges(store, node, EdgeType.SOURCED_FROM)
    assert len(source) == 1 and source[0].props["paragraph"] == second.paragraph
    assert source[0].props["place"] == second.place and second.place.startswith("第 ")  # as a clerk finds it
    doc = store.get_node(source[0].dst)
    assert doc.kind == NodeKind.DOCUMENT and doc.props["sha256"] == result.sha256 and doc.props["doc_kind"] == "speech"
    directive = store.get_node(queue.get(linked.id).node_id)
    assert directive.props["body"] == linked.body
    about = _edges(store, directive.id, EdgeType.DIRECTIVE_ABOUT)
    to = _edges(store, directive.id, EdgeType.DIRECTED_TO)
    assert sorted(store.get_node(a.dst).kind.value for a in about) == ["Round", "Unit"]  # about its unit, in its round
    assert len(to) == 1 and store.get_node(to[0].dst).kind == NodeKind.UNIT
    assert queue.get(first.id).state == EntryState.ACCEPTED and queue.get(first.id).decided_by == "甲"
    with pytest.raises(AcceptRejected):
        accept(store, queue, [first.id], "甲", finder=finder)  # accepted once only
    assert queue.add(parse_file(DEV / "speech_guanyu.txt", store, data_dir=tmp_path), "乙").new == 0


def test_round_trip_embedded(store, tmp_path):
    round_trip(store, tmp_path)


def test_round_trip_neo4j(neo4j_store, county, tmp_path):
    neo4j_store.clear()
    neo4j_store.upsert(county.nodes, county.edges)
    round_trip(neo4j_store, tmp_path)


def test_all_or_nothing_and_the_round_the_analyst_must_choose(store, tmp_path):
    queue = TextQueue.for_data_dir(tmp_path)
    finder = finder_for(store, tmp_path)
    entries = queue.add(parse_file(DEV / "speech_redacted.txt", store, data_dir=tmp_path), "甲").entries
    before = store.counts()
    named = [e for e in entries if e.unit_id]
    with pytest.raises(AcceptRejected) as caught:
        accept(store, queue, [e.id for e in entries], "甲", finder=finder)
    problems = " ".join(caught.value.problems)
    assert "未对应到单位" in problems and "未写明巡察轮次" in problems and "填写轮次" in problems
    assert store.counts() == before and all(queue.get(e.id).state == EntryState.PENDING for e in entries)
    with pytest.raises(QueueError):
        accept(store, queue, [named[0].id], "甲", finder=finder, round_ref="十九届县委第九轮巡察")
    report = accept(store, queue, [named[0].id], "甲", finder=finder, round_ref="十五届县委第二轮巡察")
    assert report.issues == 1 and queue.get(named[0].id).round_id is not None
    bulk = accept_open(store, queue, finder, "甲", min_confidence=0.0, round_ref="十五届县委第二轮巡察")
    assert bulk.accepted == [] and len(bulk.skipped) == 4  # the redacted ones wait for a unit
    unit_less = next(e for e in entries if not e.unit_id)
    edit_entry(store, queue, finder, unit_less.id, "甲", unit="县商务局")
    bulk = accept_open(store, queue, finder, "甲", min_confidence=0.0, round_ref="十五届县委第二轮巡察")
    assert bulk.accepted == [unit_less.id]


def test_reparse_after_a_rules_change_replaces_the_pending_entries_and_keeps_the_decided(store, tmp_path):
    """The same file parsed again after a county edits its rules: what is still pending is the new parse's work;
    what an analyst decided stays decided and is not added a second time."""
    from loaders.text.parse import text_rules

    queue = TextQueue.for_data_dir(tmp_path)
    doc = tmp_path / "反馈.txt"
    doc.write_text("\n".join(["关于县审计局：一是财务报销不规范。二是公务接待超标准。三是档案管理不到位。",
                              "县商务局合同管理混乱。", "县民政局项目台账有欠账。"]), encoding="utf-8")
    other = tmp_path / "另一份.txt"
    other.write_text("县商务局采购管理混乱。", encoding="utf-8")
    queue.add(parse_file(other, store, data_dir=tmp_path), "甲")
    entries = queue.add(parse_file(doc, store, data_dir=tmp_path), "甲").entries
    texts = {e.text: e for e in entries}
    assert set(texts) == {"财务报销不规范。", "公务接待超标准。", "档案管理不到位。", "县商务局合同管理混乱。"}
    queue.reject(texts["财务报销不规范。"].id, "甲")
    queue.edit(texts["公务接待超标准。"].id, "甲", category="中央八项规定精神/四风")
    kept = texts["档案管理不到位。"].id

    cues = [c for c in text_rules()["problem_cues"] if c != "混乱"] + ["欠账"]
    (tmp_path / "text_rules.json").write_text(json.dumps({"problem_cues": cues}, ensure_ascii=False), "utf-8")
    added = queue.add(parse_file(doc, store, data_dir=tmp_path), "乙")
    again, new = added.entries, added.new
    by_text = {}
    for e in again:
        by_text.setdefault(e.text, []).append(e)
    assert new == 1 and all(len(v) == 1 for v in by_text.values())
    assert set(by_text) == {"财务报销不规范。", "公务接待超标准。", "档案管理不到位。", "县民政局项目台账有欠账。"}
    assert by_text["财务报销不规范。"][0].state == EntryState.REJECTED
    assert by_text["公务接待超标准。"][0].state == EntryState.EDITED
    assert by_text["档案管理不到位。"][0].id == kept and by_text["档案管理不到位。"][0].state == EntryState.PENDING
    assert by_text["县民政局项目台账有欠账。"][0].state == EntryState.PENDING
    assert [e.text for e in queue.entries(document="另一份")[0]] == ["县商务局采购管理混乱。"]  # another file untouched

    (tmp_path / "text_rules.json").unlink()  # back to the shipped rules: the dropped entry returns, once
    added = queue.add(parse_file(doc, store, data_dir=tmp_path), "甲")
    final, new = added.entries, added.new
    assert new == 1 and sorted(e.text for e in final) == sorted(texts)
    assert len({(e.paragraph, e.text) for e in final}) == len(final)


def _result(texts: list[str]) -> ParseResult:
    items = [ParsedItem(paragraph=3, place="第 3 段", text=t, form="一是", confidence=0.8) for t in texts]
    return ParseResult(file="两个未具名单位.txt", sha256="a" * 64, doc_kind="feedback", encoding="utf-8", blocks=5,
                       items=items)


def test_two_items_alike_in_one_paragraph_are_two_entries_found_again_as_two(tmp_path):
    """Two withheld units in one sentence are two items of one text and no unit: the second was taken for the
    first and lost."""
    queue = TextQueue.for_data_dir(tmp_path)
    same = "*镇卫生院、*乡卫生院药品采购未经集体研究。"
    added = queue.add(_result([same, same]), "甲")
    assert added.new == 2 and len(added.entries) == 2
    again = queue.add(_result([same, same]), "甲")
    assert again.new == 0 and [e.id for e in again.entries] == [e.id for e in added.entries]
    assert len(queue.add(_result([same]), "甲").entries) == 1  # one fewer found: the second is dropped


def test_two_entries_that_differ_only_by_a_number_stay_two_after_the_privacy_rewrite(tmp_path):
    from graph.text_privacy import redact_text
    from loaders.text.queue_privacy import redact_queue

    queue = TextQueue.for_data_dir(tmp_path)
    with queue.writing() as db:  # a queue filled before numbers were redacted on reading
        db.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?)", ("b" * 64, "旧报告.txt", "feedback", None, None,
                                                                       5, "2026-01-01T00:00:00", "甲"))
        for n, mobile in enumerate(("13812345678", "13912345678"), 1):
            db.execute("INSERT INTO entries (sha256, kind, seq, fingerprint, paragraph, text, confidence, reasons, "
                       "created_at) VALUES (?,?,?,?,?,?,?,?,?)", ("b" * 64, "issue", n, f"old{n}", 2,
                                                                  f"举报人电话{mobile}，反映低保优亲厚友。", 0.8, "[]",
                                                                  "2026-01-01T00:00:00"))
    changes = redact_queue(queue, redact_text, apply=True)
    entries = queue.entries(limit=10)[0]
    assert len(changes) == 2 and len(entries) == 2 and entries[0].text == entries[1].text
    assert "138" not in entries[0].text and "139" not in entries[1].text
