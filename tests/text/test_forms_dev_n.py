"""General forms met in the fourteenth development part (session 10), in sentences written for the test: sentences
that name no finding though they hold a problem word or a unit — a turn announcing that problems exist (但…仍存在一些
不容忽视的问题。), a speaker's aside (我插一句，…), a summing-up (从以上情况看，…), a spoken topic (再说X乡。); a short
summary opened by an ordinal word (首先，A不够深入。) opening the detail after it; 移交不清 a problem, not a hand-off
reported; spoken and office wording of deviations (有点松, 长期在外, 照发不误, 仍在享受); a review table's
核查情况 column saying what is still there (仍由…)."""

from __future__ import annotations

import pytest
from docx import Document

from loaders.text.parse import parse_document, parse_file, text_rules
from loaders.text.readers import read_document
from tests.text.test_forms_dev_m import _village

TITLE = "关于巡察县审计局党组的反馈意见"
DETAIL = "审计整改台账登记的事项与实际情况对不上。"


@pytest.mark.parametrize("lines", [
    ("巡察组认为，局党组在审计监督方面取得了一定成效。但对照新时代审计工作要求，仍存在一些不容忽视的问题。", DETAIL),
    ("一是" + DETAIL + "我插一句，这件事去年审计就指出过，到现在还没改，说明有的同志没当回事。",),
    (DETAIL, "从以上情况看，局党组对内部管理的督促还有不到位的地方，我们将认真研究。"),
])
def test_sentences_naming_no_finding_are_no_items(parse, lines):
    r = parse(TITLE, *lines)
    assert [it.text.strip("一是") for it in r.items] == [DETAIL]


def test_a_spoken_topic_naming_a_township_is_no_item(county_store, finder, tmp_path):
    township, village = _village(finder)
    path = tmp_path / "speech.txt"
    path.write_text(f"在听取村级巡察情况汇报时的讲话\n再说{township}。{village}的集体资金管理混乱，账目长期不公开。",
                    encoding="utf-8")
    r = parse_document(read_document(path), finder, text_rules(), county_store, clause_model=None)  # rules alone
    assert [it.unit_name for it in r.items] == [finder.resolve(village).name]


@pytest.mark.parametrize("opening", ["首先", "其次", "最后"])
def test_a_summary_after_an_ordinal_word_opens_its_detail(parse, opening):
    r = parse(TITLE, f"{opening}，内部管理制度执行不严格。" + DETAIL)
    assert len(r.items) == 1 and DETAIL in r.items[0].text


def test_a_handover_left_unclear_is_a_problem(parse, finder):
    township, village = _village(finder)
    r = parse(f"{township}党委关于配合村级巡察情况的报告", f"此外，{village}存在换届后村级档案移交不清的问题。")
    assert [it.unit_name for it in r.items] == [finder.resolve(village).name]


@pytest.mark.parametrize("second", [
    "已在城里购房的农户仍在享受危房改造补助",
    "下属宾馆连年亏损，但管理人员的奖金照发不误",
    "后勤服务中心负责人长期在外兼职",
    "局党组对下属单位的日常管理有点松",
])
def test_deviations_told_in_office_and_spoken_words_are_problems(parse, second):
    first = "审计项目档案归档不及时，多份底稿缺少复核人签字"
    r = parse(TITLE, f"一是内部管理存在漏洞。{first}；{second}。")
    assert [it.text.rstrip("。；") for it in r.items] == [f"内部管理存在漏洞。{first}", second]


def test_a_review_tables_verification_column_says_what_is_still_there(county_store, finder, tmp_path):
    township, village = _village(finder)
    doc = Document()
    doc.add_paragraph(f"关于对{township}党委巡察“回头看”情况的反馈意见")
    doc.add_paragraph("经逐项核查，发现以下问题整改不到位。")
    rows = [("序号", "上轮反馈问题", "整改措施", "核查情况"),
            ("1", "村级集体资产出租管理不规范", "收回重新公开招租", f"{village}鱼塘仍由原承租人承包经营"),
            ("2", "村干部报销审核把关不严", "完善报销审批流程", "正在推进")]
    table = doc.add_table(rows=len(rows), cols=4)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    doc.save(tmp_path / "review.docx")
    r = parse_file(tmp_path / "review.docx", county_store, finder=finder)
    assert [(it.text, it.unit_name) for it in r.items] == [
        (f"村级集体资产出租管理不规范：{village}鱼塘仍由原承租人承包经营", finder.resolve(village).name),
        ("村干部报销审核把关不严", finder.resolve(township).name)]


def test_a_duty_falling_short_by_some_way_is_a_problem_not_an_announcement(parse):
    r = parse(TITLE, "（一）落实意识形态工作责任制有一定差距。", "（二）" + DETAIL)
    assert [it.text for it in r.items] == ["落实意识形态工作责任制有一定差距。", DETAIL]
