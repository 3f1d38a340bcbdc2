"""The list forms met in dev_g, made general (session 7): ；-lists whose first entry uses no problem word, a problem
added by 以及 — on short texts written for the test (not the fixtures)."""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id

TITLE = "县委第三巡察组关于对宁川县统计局党组巡察情况的反馈意见"


def _texts(result) -> list[str]:
    return [i.text for i in result.items]


def test_a_semicolon_entry_without_a_problem_word_is_still_an_entry(parse, finder):
    r = parse(TITLE, "一、落实全面从严治党方面",
              "局机关食堂对外承包给局长同学经营；统计调查队车辆使用登记不全。")
    assert len(r.items) == 2
    assert r.items[1].text.startswith("统计调查队车辆使用登记不全")
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县统计局")}


def test_a_problem_added_by_yiji_is_one_more(parse, finder):
    r = parse(TITLE, "二、存在的问题", "统计执法检查频次不够、力度偏弱，以及统计数据质量核查流于形式等问题比较突出。")
    assert len(r.items) == 2 and r.items[1].text.startswith("以及统计数据质量核查流于形式")


def test_two_comma_clauses_stating_problems_stay_one_item(parse):
    # a problem and its detail side by side: the office's usual way, not two problems
    r = parse(TITLE, "二、存在的问题", "统计执法检查流于形式，多数企业从未被抽查到过且无处罚记录。")
    assert len(r.items) == 1


def test_a_negated_verb_or_a_long_standing_lapse_states_a_problem(parse, finder):
    r = parse("关于第九轮巡察整改情况的通报",
              "县统计局统计执法整改方案未启动。",
              "县审计局门户网站信息长期不更新。",
              "县商务局长期不懈抓好外贸稳增长。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县统计局"), unit_id(finder, "宁川县审计局")]


def test_the_speaker_asking_to_see_the_problems_is_no_request(parse, finder):
    r = parse("在第十轮巡察动员部署会上的讲话",
              "一、正视问题。成绩是主要的，但也要看到，县审计局审计整改跟踪不到位，县统计局执法检查“宽松软”。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县审计局"), unit_id(finder, "宁川县统计局")]


def test_a_section_label_with_its_summary_does_not_join_the_list_below(parse):
    r = parse(TITLE, "二、存在的主要问题", "（一）党风廉政建设方面：监督执纪存在短板",
              "统计执法案件查处未严格执行集体审议程序；外聘人员占比过高，管理不规范。")
    assert len(r.items) == 2 and r.items[1].text.startswith("外聘人员占比过高")


def test_a_stated_heading_still_joins_the_paragraph_that_sets_it_out(parse):
    r = parse(TITLE, "二、存在的主要问题", "（一）统计执法监督存在短板。",
              "统计执法案件查处未严格执行集体审议程序；外聘人员占比过高，管理不规范。")
    assert len(r.items) == 1 and r.items[0].text.startswith("统计执法监督存在短板。")


def test_two_long_problems_listed_before_deng_are_two(parse, finder):
    r = parse("关于第十轮巡察情况的综合报告",
              "县统计局在统计执法中存在“双随机”抽查比例长期偏低、统计违法案件移送迟缓等问题。",
              "县审计局存在公车私用、私车公养等问题。")
    texts = [i.text for i in r.items]
    assert len(texts) == 3 and "移送迟缓" not in texts[0] and "抽查比例" not in texts[1]
    assert texts[2] == "县审计局存在公车私用、私车公养等问题。"  # two short ones: one problem said twice


def test_exceeding_a_set_standard_states_a_problem(parse):
    r = parse(TITLE, "二、存在的问题", "局机关印刷费用支出超出年度预算范围。")
    assert len(r.items) == 1


def test_the_unit_told_to_fix_the_problems_above_is_theirs(parse, finder):
    r = parse("统计执法专项巡察情况报告",
              "在执法检查方面，统计执法“双随机”抽查比例偏低；县财政局统计报表审核把关不严。",
              "在数据质量方面，企业联网直报数据核查流于形式。",
              "以上问题，县统计局要牵头抓好整改。请县纪委监委对统计造假问题依纪依法处理。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, n) for n in ("宁川县统计局", "宁川县财政局",
                                                                          "宁川县统计局")]
    assert [d.body for d in r.directives] == ["纪委监委"]  # a unit told to fix its own problems hands nothing on


def test_a_summing_request_to_a_body_names_no_unit_for_the_problems(parse):
    r = parse("统计执法专项巡察情况报告",
              "在数据质量方面，企业联网直报数据核查流于形式。",
              "对上述问题，县纪委监委要加强监督。")
    assert r.items == [] and [d.body for d in r.directives] == ["纪委监委"]


def test_a_table_cell_holding_just_a_unit_names_the_row_unit(tmp_path, county_store, finder):
    from docx import Document

    from loaders.text.parse import parse_file

    doc = Document()
    doc.add_paragraph("县委第二巡察组对竹湾镇党委巡察情况的反馈意见", style="Heading 1")
    rows = (("检查内容", "存在问题", "说明"),
            ("村级财务", "村级招待费用未附清单", "白江村"),
            ("村级财务", "集体资产台账登记不全", "镇财政所"),
            ("组织建设", "党员发展程序执行不严", ""))
    table = doc.add_table(rows=len(rows), cols=3)
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    doc.save(tmp_path / "t.docx")
    r = parse_file(tmp_path / "t.docx", county_store, finder=finder)
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县竹湾镇白江村"), unit_id(finder, "宁川县竹湾镇"),
                                            unit_id(finder, "宁川县竹湾镇")]


def test_a_village_the_problem_only_touches_is_named_beside_the_unit_of_the_paragraph(parse, finder):
    r = parse("关于移交第六轮巡察问题线索的函", "县纪委监委：",
              "线索3，竹湾镇：镇干部在低保评审中优亲厚友，涉及白江村2户不符合条件家庭。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县竹湾镇"), unit_id(finder, "宁川县竹湾镇白江村")]


def test_a_village_named_as_the_subject_is_the_unit_alone(parse, finder):
    r = parse("关于移交第六轮巡察问题线索的函", "县纪委监委：",
              "线索3，竹湾镇：白江村村干部在低保评审中优亲厚友。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县竹湾镇白江村")]


def test_a_unit_named_in_full_may_be_called_by_its_bare_short_name_afterwards(parse, finder):
    r = parse("关于群团组织巡察情况的专报",
              "◇ 县妇联、县残联基层组织换届不及时。",
              "◇ 残联专项补贴发放审核不严；妇联项目资金管理不规范。")
    assert [i.unit_id for i in r.items][-2:] == [unit_id(finder, "宁川县残联"), unit_id(finder, "宁川县妇联")]


def test_a_bare_short_name_is_no_unit_in_a_document_that_never_names_it(parse):
    r = parse("关于群团组织巡察情况的专报", "◇ 残联专项补贴发放审核不严。")
    assert [i.unit_id for i in r.items] == [None]


def test_a_township_said_only_to_locate_its_village_is_no_unit_of_the_problem(parse, finder):
    r = parse("在县委巡察工作领导小组会议上的讲话", "湖岭乡那边，临丰村的低保评议走过场。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县湖岭乡临丰村")]


def test_a_problem_and_request_pair_in_one_paragraph_keeps_the_request_apart(parse):
    r = parse(TITLE, "问题：统计数据审核把关不严。整改要求：建立数据复核制度，对弄虚作假的严肃追责。",
              "【问题】执法检查流于形式。【建议】制定年度执法检查计划，杜绝走过场。")
    assert [i.text for i in r.items] == ["统计数据审核把关不严。", "执法检查流于形式。"]


def test_saying_nothing_went_wrong_is_no_problem(parse, finder):
    r = parse("关于第九轮巡察情况的综合报告", "县统计局全年未发生一起统计违法案件。", "县审计局审计整改方案未启动。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县审计局")]


def test_a_numbered_short_name_is_never_a_bare_name(parse, finder):
    r = parse("县委第一巡察组关于对宁川县教育局党组巡察情况的反馈意见",
              "1. 县一中食堂承包经营不规范。", "2. 部分学校教辅资料统一中标价格偏高。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县第一中学"), unit_id(finder, "宁川县教育局")]


def test_how_the_inspection_worked_is_no_list_entry(parse):
    r = parse(TITLE, "二、存在的问题", "巡察组共走访企业十余家，查阅统计台账三百余册；发现统计数据审核把关不严。")
    assert len(r.items) == 1 and r.items[0].text.endswith("发现统计数据审核把关不严。")


@pytest.mark.parametrize("lead", ["白江村。", "白江村，", "【白江村】", "白江村——", "■ 白江村 ", "白江村："])
def test_a_paragraph_led_by_a_unit_name_gives_it_to_every_clause(parse, finder, lead):
    r = parse("县委第三巡察组关于提级巡察竹湾镇部分村情况的反馈",
              f"{lead}村集体鱼塘发包未公开竞价；村务公开栏长期不更新。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县竹湾镇白江村")] * 2


def test_a_paragraph_opening_with_two_units_is_led_by_neither(parse, finder):
    r = parse("关于第九轮巡察情况的综合报告", "县财政局，县审计局都存在公务用车管理不规范的问题。")
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县财政局"), unit_id(finder, "宁川县审计局")}


def test_a_list_entry_naming_its_unit_is_an_item_beside_its_siblings(parse, finder):
    r = parse("关于第九轮巡察情况的综合报告",
              "一是县统计局执法检查流于形式；二是县审计局机关食堂交由局长亲属经营；三是县财政局已完成整改。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县统计局"), unit_id(finder, "宁川县审计局")]
