"""What a clerk meets when the same reports arrive more than once, carry personal numbers or come as Word drafts:
numbers never reach the queue or the graph, a re-saved or re-encoded copy is the same document, a problem another
document already put in the queue is not stored twice, and tracked changes are read as accepted — and said so."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from graph.stores.embedded import EmbeddedStore
from loaders.text.model import EntryKind, EntryState
from loaders.text.parse import finder_for, parse_file
from loaders.text.queue import OPEN, QueueError, TextQueue
from loaders.text.readers import TextFileError, read_document
from loaders.text.review import accept_open, edit_entry

ROUND = "十五届县委第三轮巡察反馈意见"
REPORT = ["关于县民政局：",
          "一是低保审核把关不严，有3户不符合条件的家庭仍在享受低保。",
          "二是殡葬服务收费不规范，群众反映强烈。",
          "建议县纪委监委对低保审核把关不严问题跟进监督。"]


def _write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines), encoding=encoding)
    return path


def test_id_and_mobile_numbers_are_replaced_before_the_queue_stores_anything(county_store, finder, tmp_path):
    lines = [*REPORT[:2], "三是补贴发放台账记录不全，举报人电话13812345678，身份证号110101199003078515。"]
    result = parse_file(_write(tmp_path / "含号码.txt", lines), county_store, finder=finder)
    texts = " ".join(it.text for it in result.items)
    assert "〔手机号已脱敏〕" in texts and "〔身份证号已脱敏〕" in texts
    assert "13812345678" not in texts and "110101199003078515" not in texts
    queue = TextQueue.for_data_dir(tmp_path / "data")
    queue.add(result, "甲")
    stored = (tmp_path / "data" / "text_queue.sqlite").read_bytes()
    assert b"13812345678" not in stored and b"110101199003078515" not in stored


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_the_same_text_in_another_encoding_is_the_same_document(county_store, finder, tmp_path, encoding):
    first = parse_file(_write(tmp_path / "反馈意见.txt", REPORT), county_store, finder=finder)
    again = parse_file(_write(tmp_path / "反馈意见（另存）.txt", REPORT, encoding), county_store, finder=finder)
    assert again.sha256 == first.sha256
    queue = TextQueue.for_data_dir(tmp_path)
    assert queue.add(first, "甲").new > 0 and queue.add(again, "乙").new == 0


def test_a_word_report_saved_again_is_the_same_document(tmp_path):
    doc = docx.Document()
    for line in REPORT:
        doc.add_paragraph(line)
    doc.save(tmp_path / "a.docx")
    doc.core_properties.revision = 7  # what Word or WPS changes on every save
    doc.core_properties.last_modified_by = "另一位同事"
    doc.save(tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() != (tmp_path / "b.docx").read_bytes()
    assert read_document(tmp_path / "a.docx").sha256 == read_document(tmp_path / "b.docx").sha256
    assert read_document(tmp_path / "a.docx").sha256 != read_document(_write(tmp_path / "c.txt", REPORT[:3])).sha256


def test_a_problem_another_document_queued_for_the_same_unit_and_round_is_stored_marked(county_store, finder,
                                                                                         tmp_path):
    queue = TextQueue.for_data_dir(tmp_path)
    feedback = [ROUND, *REPORT]
    first = queue.add(parse_file(_write(tmp_path / "反馈意见.txt", feedback), county_store, finder=finder), "甲")
    summary = [ROUND, *REPORT[:2], "三是救助资金发放不及时，部分对象迟领两个月。",
               "请县纪委监委对低保审核把关不严问题加强监督检查。"]
    later = queue.add(parse_file(_write(tmp_path / "综合报告.txt", summary), county_store, finder=finder), "乙")
    twin = next(e for e in first.entries if e.kind == EntryKind.ISSUE and "低保审核" in e.text)
    assert any(f"条目 {twin.id} 相同" in line and "反馈意见.txt" in line for line in later.same), later.same
    issues = [e for e in later.entries if e.kind == EntryKind.ISSUE]
    marked = next(e for e in issues if "低保审核" in e.text)  # stored, nothing hidden, and marked
    assert marked.twin_of == twin.id and [e.twin_of for e in issues if e is not marked] == [None]
    directive = next(e for e in later.entries if e.kind == EntryKind.DIRECTIVE)
    assert directive.item_ref == marked.id and directive.twin_of is None


@pytest.mark.parametrize("other", ["十五届县委第二轮巡察反馈意见", "2025年度工作总结"])
def test_the_same_problem_in_another_round_or_no_round_is_no_twin(county_store, finder, tmp_path, other):
    queue = TextQueue.for_data_dir(tmp_path)
    queue.add(parse_file(_write(tmp_path / "第三轮.txt", [ROUND, *REPORT]), county_store, finder=finder), "甲")
    later = queue.add(parse_file(_write(tmp_path / "另一份.txt", [other, *REPORT]), county_store, finder=finder), "乙")
    assert later.same == [] and all(e.twin_of is None for e in later.entries)  # a repeat across rounds is a finding


def _tracked(paragraph, inserted: str, deleted: str) -> None:
    """Append an insertion and a deletion by a reviser, as Word writes them with 修订 on."""
    ins = paragraph._p.makeelement(qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "审核人"})
    run = copy.deepcopy(paragraph.runs[0]._r)
    run.find(qn("w:t")).text = inserted
    ins.append(run)
    gone = paragraph._p.makeelement(qn("w:del"), {qn("w:id"): "2", qn("w:author"): "审核人"})
    old = copy.deepcopy(paragraph.runs[0]._r)
    t = old.find(qn("w:t"))
    t.tag = qn("w:delText")
    t.text = deleted
    gone.append(old)
    paragraph._p.append(gone)
    paragraph._p.append(ins)


def test_tracked_changes_are_read_as_accepted_and_the_clerk_is_told(county_store, finder, tmp_path):
    doc = docx.Document()
    doc.add_paragraph("关于县教育局：")
    p = doc.add_paragraph("一是")
    _tracked(p, "校舍维修资金使用不规范，部分项目未经验收即付款。", "经费管理混乱。")
    doc.add_paragraph("二是课后服务收费未公示。")
    path = tmp_path / "教育局反馈_修订稿.docx"
    doc.save(path)
    read = read_document(path)
    assert read.revisions == 1
    assert read.blocks[1].text == "一是校舍维修资金使用不规范，部分项目未经验收即付款。"
    result = parse_file(path, county_store, finder=finder)
    assert any("校舍维修资金" in it.text for it in result.items)
    assert not any("经费管理混乱" in it.text for it in result.items)
    assert result.notes and "修订" in result.notes[0] and path.name in result.notes[0]


def _mark_deleted(paragraph) -> None:
    """The reviser joined this paragraph to the next with 修订 on: Word marks its paragraph mark deleted."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.makeelement(qn("w:rPr"), {})
    rpr.append(rpr.makeelement(qn("w:del"), {qn("w:id"): "3", qn("w:author"): "审核人"}))
    ppr.append(rpr)


def test_a_deleted_paragraph_mark_joins_the_two_paragraphs(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("关于县教育局：")
    first = doc.add_paragraph("一是校舍维修资金使用不规范，")
    _mark_deleted(first)
    doc.add_paragraph("部分项目未经验收即付款。")
    last = doc.add_paragraph("二是课后服务收费未公示。")
    _mark_deleted(last)  # before a table it cannot join: it stays a paragraph of its own
    doc.add_table(rows=1, cols=1).cell(0, 0).text = "问题清单"
    doc.save(tmp_path / "并段.docx")
    read = read_document(tmp_path / "并段.docx")
    assert [b.text for b in read.blocks] == ["关于县教育局：", "一是校舍维修资金使用不规范，部分项目未经验收即付款。",
                                             "二是课后服务收费未公示。", "问题清单"]
    assert read.revisions == 2


def test_a_draft_without_tracked_changes_carries_no_note(county_store, finder, tmp_path):
    doc = docx.Document()
    for line in REPORT:
        doc.add_paragraph(line)
    doc.save(tmp_path / "定稿.docx")
    result = parse_file(tmp_path / "定稿.docx", county_store, finder=finder)
    assert result.notes == [] and read_document(tmp_path / "定稿.docx").revisions == 0


def test_a_missing_file_is_called_missing(tmp_path):
    with pytest.raises(TextFileError, match="不存在的报告.docx：找不到文件"):
        read_document(tmp_path / "不存在的报告.docx")


def test_an_unknown_category_is_refused_with_the_categories_to_choose_from(county, tmp_path):
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    store.upsert(county.nodes, county.edges)
    queue = TextQueue.for_data_dir(tmp_path)
    finder = finder_for(store, tmp_path)
    entry = queue.add(parse_file(_write(tmp_path / "反馈意见.txt", REPORT), store, finder=finder), "甲").entries[0]
    with pytest.raises(QueueError) as refused:
        edit_entry(store, queue, finder, entry.id, "甲", category="资金拨付问题", data_dir=tmp_path)
    message = str(refused.value)
    assert "未修改" in message and "惠民资金" in message and "已载入" not in message and ".csv" not in message
    assert queue.get(entry.id).state == EntryState.PENDING
    store.close()


def test_bulk_acceptance_leaves_an_uncategorised_item_for_a_person_to_choose(county, tmp_path):
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    store.upsert(county.nodes, county.edges)
    queue = TextQueue.for_data_dir(tmp_path)
    finder = finder_for(store, tmp_path)
    lines = ["十五届县委第三轮巡察反馈意见", *REPORT]
    entries = queue.add(parse_file(_write(tmp_path / "反馈意见.txt", lines), store, finder=finder), "甲").entries
    first, second = [e for e in entries if e.kind == EntryKind.ISSUE][:2]
    with sqlite3.connect(tmp_path / "text_queue.sqlite") as db:  # as a parse that found no word to classify by
        db.execute("UPDATE entries SET category = NULL, top_category = NULL WHERE id = ?", (first.id,))
    edit_entry(store, queue, finder, second.id, "甲", category="惠民资金", data_dir=tmp_path)  # chosen by a person
    report = accept_open(store, queue, finder, "甲", min_confidence=0.0, data_dir=tmp_path)
    assert first.id not in report.accepted and second.id in report.accepted
    assert any(f"条目 {first.id}" in line and "未归类" in line for line in report.skipped)
    assert queue.get(first.id).state == EntryState.PENDING
    store.close()


def test_the_open_entries_are_the_pending_and_the_edited_ones(county_store, finder, tmp_path):
    queue = TextQueue.for_data_dir(tmp_path)
    entries = queue.add(parse_file(_write(tmp_path / "反馈意见.txt", REPORT), county_store, finder=finder), "甲").entries
    queue.edit(entries[0].id, "甲", text="低保审核把关不严。")
    queue.reject(entries[1].id, "甲")
    shown, total = queue.entries(state=OPEN)
    assert entries[0].id in [e.id for e in shown] and entries[1].id not in [e.id for e in shown]
    assert total == len(entries) - 1


@pytest.mark.parametrize(("title", "kind"), [("关于第三轮巡察整改情况的通报", "comprehensive"),
                                             ("巡察办关于移交问题线索的函", "comprehensive"),
                                             ("县委巡察组关于巡察县林业局党组的反馈意见", "feedback"),
                                             ("在全县巡察整改推进会上的讲话", "speech"),
                                             ("同志们：", "speech")])
def test_a_documents_kind_is_read_from_its_opening_words(county_store, finder, tmp_path, title, kind):
    result = parse_file(_write(tmp_path / "文件.txt", [title, *REPORT]), county_store, finder=finder)
    assert result.doc_kind == kind


def test_a_table_row_is_cited_as_a_row_of_its_table_and_paragraphs_are_counted_alone(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("县委第三巡察组反馈问题清单")
    table = doc.add_table(rows=4, cols=2)
    for r, (unit, problem) in enumerate([("单位", "问题"), ("县民政局", "低保审核把关不严。"), ("", ""),
                                          ("县林业局", "护林员补助发放台账缺失。")]):
        table.cell(r, 0).text, table.cell(r, 1).text = unit, problem  # row 3 left empty, as clerks leave them
    doc.add_paragraph("以上问题请认真整改。")
    doc.save(tmp_path / "清单.docx")
    places = [b.place for b in read_document(tmp_path / "清单.docx").blocks]
    assert places == ["第 1 段", "表 1 第 1 行", "表 1 第 2 行", "表 1 第 4 行", "第 2 段"]


def test_a_queue_from_before_places_gains_the_column_and_keeps_its_entries(tmp_path):
    from loaders.text.queue import SCHEMA
    old = SCHEMA.replace(" place TEXT, twin_of INTEGER,", "")
    assert old != SCHEMA
    with sqlite3.connect(tmp_path / "text_queue.sqlite") as db:
        db.executescript(old)
        db.execute("INSERT INTO documents VALUES ('d1', '旧报告.txt', 'feedback', NULL, NULL, 3, '2026-01-01', '甲')")
        db.execute("INSERT INTO entries (sha256, kind, seq, fingerprint, paragraph, text, confidence, reasons, "
                   "created_at) VALUES ('d1', 'issue', 1, 'f1', 2, '台账缺失。', 0.9, '[]', '2026-01-01')")
    entry = TextQueue.for_data_dir(tmp_path).get(1)
    assert entry.text == "台账缺失。" and entry.place == "第 2 段" and entry.paragraph == 2  # by its block number


def test_bulk_acceptance_leaves_a_marked_twin_and_a_request_about_a_problem_not_accepted(county, tmp_path):
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    store.upsert(county.nodes, county.edges)
    queue = TextQueue.for_data_dir(tmp_path)
    finder = finder_for(store, tmp_path)
    queue.add(parse_file(_write(tmp_path / "反馈意见.txt", [ROUND, *REPORT]), store, finder=finder), "甲")
    summary = [ROUND, REPORT[0], REPORT[1], "请县纪委监委对低保审核把关不严问题加强监督检查。"]
    later = queue.add(parse_file(_write(tmp_path / "综合报告.txt", summary), store, finder=finder), "乙").entries
    marked = next(e for e in later if e.kind == EntryKind.ISSUE)
    request = next(e for e in later if e.kind == EntryKind.DIRECTIVE)
    assert marked.twin_of is not None and request.item_ref == marked.id
    report = accept_open(store, queue, finder, "甲", min_confidence=0.0, document="综合报告", data_dir=tmp_path)
    assert marked.id not in report.accepted and request.id not in report.accepted
    assert any(f"条目 {marked.id}" in line and "相同" in line for line in report.skipped), report.skipped
    assert any(f"条目 {request.id}" in line and "尚未接受" in line for line in report.skipped), report.skipped
    store.close()


def test_an_old_queue_opened_by_many_at_once_is_upgraded_once(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from loaders.text.queue import ADDED, SCHEMA
    older = SCHEMA.replace(" place TEXT, twin_of INTEGER,", "").replace(
        "severity TEXT, severity_reason TEXT NOT NULL DEFAULT '', withdrawn_by TEXT, withdrawn_at TEXT,", "")
    assert not any(name in older for name, _ in ADDED)
    for trial in range(5):
        folder = tmp_path / str(trial)
        folder.mkdir()
        with sqlite3.connect(folder / "text_queue.sqlite") as db:
            db.executescript(older)
        with ThreadPoolExecutor(6) as pool:
            list(pool.map(TextQueue.for_data_dir, [folder] * 6))  # raises if two added a column
        with sqlite3.connect(folder / "text_queue.sqlite") as db:
            assert {name for name, _ in ADDED} <= {row[1] for row in db.execute("PRAGMA table_info(entries)")}


def test_parsing_a_queued_document_again_updates_its_kind_and_round(county_store, finder, tmp_path):
    queue = TextQueue.for_data_dir(tmp_path)
    result = parse_file(_write(tmp_path / "反馈意见.txt", [ROUND, *REPORT]), county_store, finder=finder)
    queue.add(result.model_copy(update={"doc_kind": "speech", "round_id": None}), "甲")  # as an older reading
    entries = queue.add(result, "甲").entries
    assert {(e.doc_kind, e.round_id) for e in entries} == {("feedback", result.round_id)} and result.round_id


def test_a_file_named_with_a_mobile_number_keeps_no_number(tmp_path):
    path = _write(tmp_path / "张三13812345678举报材料.txt", REPORT)
    assert read_document(path).name == "张三〔手机号已脱敏〕举报材料.txt"


def test_a_content_control_and_a_non_breaking_hyphen_are_read_like_the_rest(tmp_path):
    doc = docx.Document()
    p = doc.add_paragraph("一是")
    sdt = p._p.makeelement(qn("w:sdt"), {})
    content = sdt.makeelement(qn("w:sdtContent"), {})
    run = copy.deepcopy(p.runs[0]._r)
    run.find(qn("w:t")).text = "县民政局"  # a 公文 template's field filled in by the clerk
    content.append(run)
    sdt.append(content)
    p._p.append(sdt)
    tail = copy.deepcopy(p.runs[0]._r)
    tail.find(qn("w:t")).text = "低保审核不严，涉及2023"
    tail.append(tail.makeelement(qn("w:noBreakHyphen"), {}))
    p._p.append(tail)
    doc.save(tmp_path / "模板.docx")
    read = read_document(tmp_path / "模板.docx")
    assert read.blocks[0].text == "一是县民政局低保审核不严，涉及2023-" and read.revisions == 0
