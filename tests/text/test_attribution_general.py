"""Uniform unit rules (session 6, dev_c): a party 与X之间, the unit that only found a problem, the opening words
of a paragraph up to its colon, a request cut from the problem before it, and numbered siblings — on short texts
written for the test (not the fixtures)."""

from __future__ import annotations

from tests.text.conftest import unit_id


def test_a_unit_between_which_the_problem_lies_is_a_party_to_it(parse, finder):
    r = parse("关于县统计局：一是与县财政局之间数据共享长期未打通。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县统计局"), unit_id(finder, "宁川县财政局")]


def test_the_unit_that_found_a_problem_is_not_at_fault(parse, finder):
    r = parse("县委第二巡察组关于巡察宁川县第一中学党总支的反馈意见",
              "一、巡察整改方面",
              "县审计局2025年专项审计指出的食堂账目问题，学校至今未整改到位。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县第一中学")]


def test_the_inspection_is_not_the_finder_that_clears_the_unit(parse, finder):
    r = parse("一是湖岭乡上轮巡察反馈的土地流转问题至今没有整改到位。",
              "二是县水利局对上级督查发现的隐患整改滞后。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县湖岭乡"), unit_id(finder, "宁川县水利局")]


def test_the_opening_words_up_to_the_colon_name_the_unit(parse, finder):
    r = parse("湖岭乡的情况，我简单说一下：乡里对村级财务监管缺位；丰桥村低保评议走过场。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县湖岭乡"), unit_id(finder, "宁川县湖岭乡丰桥村")]
    assert r.items[0].text.startswith("乡里对村级财务")


def test_a_request_is_cut_from_the_problem_it_follows(parse, finder):
    r = parse("（五）县统计局违规调整一名干部岗位的问题，请县委组织部对该问题认真核查。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县统计局")]
    assert "组织部" not in r.items[0].text
    assert [d.body for d in r.directives] == ["组织部"]


def test_a_paragraph_that_only_asks_is_no_problem(parse):
    r = parse("一是县统计局统计数据审核不严。",
              "对巡察发现的县统计局违规问题线索，建议县纪委监委依规依纪处置。")
    assert len(r.items) == 1 and [d.body for d in r.directives] == ["纪委监委"]


def test_the_last_numbered_item_is_not_a_heading_over_the_next_paragraph(parse, finder):
    r = parse("湖岭乡这几个村，问题集中在集体资产上：",
              "1. 丰桥村集体厂房租金多年不调整，明显低于市场价；",
              "2. 乡里对这些问题长期不闻不问，监管缺位。",
              "县统计局的情况，我概括一下：统计数据审核不严。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县湖岭乡丰桥村"), unit_id(finder, "宁川县湖岭乡"),
                                            unit_id(finder, "宁川县统计局")]


def test_an_unnumbered_paragraph_ending_in_de_wenti_is_not_an_item_by_that(parse):
    r = parse("一是县统计局统计数据审核不严。",
              "巡察组对县审计局开展了回头看，重点了解整改落实情况，同时关注新发生的问题。")
    assert len(r.items) == 1


def test_a_clause_naming_no_unit_takes_the_unit_of_the_clause_before(parse, finder):
    r = parse("县统计局数据审核不到位，有3项数据前后矛盾；同时，该局整改台账与实际进度不符。",
              "县审计局审计整改跟踪不到位；这些问题会不会反弹，要重点盯住。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县统计局")] * 2 + [unit_id(finder, "宁川县审计局")]
    assert r.items[1].text.startswith("同时，该局") and r.items[1].unit_rule.startswith("承接同段")


def test_a_redacted_unit_named_first_is_the_subject(parse):
    r = parse("县委第三巡察组关于湖岭乡丰桥村提级巡察的反馈意见",
              "此外，相邻的XX村水渠维修资金去向不明，丰桥村对此并不知情。")
    assert [i.unit_id for i in r.items] == [None] and "已隐去" in r.items[0].unit_rule


def test_a_school_by_its_county_short_name(parse, finder):
    # session 8 (dev_e): 县一中 is 宁川县第一中学 (一中 alone is too short to be told from other text)
    r = parse("县委第五巡察组关于对县一中党委巡察的反馈意见", "一、落实全面从严治党方面", "1.学校食堂承包合同未经公开招标。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县第一中学")]


def test_gai_ju_in_the_next_numbered_paragraph_is_the_unit_before(parse, finder):
    # session 8: a speech names no unit in its title; 该局 refers to the unit of the problem just before
    r = parse("在巡察情况汇报会上的讲话", "1.县商务局外贸奖补资金审核不严。", "2.该局专项资金拨付滞后。",
              "3.部分单位公务接待超标准。")
    assert [i.unit_name for i in r.items] == ["宁川县商务局", "宁川县商务局", None]


def test_a_label_or_heading_naming_two_units_gives_each_an_item(parse, finder):
    r = parse("县委第九轮巡察综合情况报告", "二、存在的主要问题",
              "关于县林业局、县水利局：两局都存在项目资金拨付缓慢的问题。",
              "（二）兴坪镇和山庄镇", "1. 村级财务代理记账审核走过场；")
    assert [i.unit_name for i in r.items] == ["宁川县林业局", "宁川县水利局", "宁川县兴坪镇", "宁川县山庄镇"]
    assert r.items[0].text == r.items[1].text


def test_a_table_cell_naming_two_units(tmp_path, county_store, finder):
    from docx import Document

    from loaders.text.parse import parse_file

    doc = Document()
    doc.add_paragraph("县委第九轮巡察问题清单", style="Heading 1")
    table = doc.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, (("涉及单位", "存在问题"), ("县林业局、县水利局", "项目资金拨付缓慢")), strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    doc.save(tmp_path / "t.docx")
    r = parse_file(tmp_path / "t.docx", county_store, finder=finder)
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县林业局"), unit_id(finder, "宁川县水利局")}


def test_a_redacted_hospital_or_school_is_unresolved(parse):
    r = parse("县委第二巡察组关于对县医保局党组巡察情况的反馈意见（公开版）",
              "巡察指出：一是基金监管存在漏洞；二是*院存在串换项目收费问题；三是XX校食堂账目混乱。")
    assert [i.unit_name for i in r.items] == ["宁川县医疗保障局", None, None]
