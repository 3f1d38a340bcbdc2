"""General forms met in the eighth development part (session 9): a sheet pasted into a text file as tab-separated
lines is a table read by its header (the problem column named 问题 wherever it stands, the unit by its column), and a
sentence that only lists whom the problem before it touches (涉及村：A村、B村。) names that problem's units and is no
item itself. Short texts written for the test (not the fixtures)."""

from __future__ import annotations

from loaders.text.readers import _text_blocks
from tests.text.conftest import unit_id

TITLE = "县委第三巡察组关于对宁川县湖岭乡党委巡察情况的反馈意见"


def test_tab_separated_lines_are_a_table_with_a_header():
    blocks = _text_blocks("汇总表\n序号\t村\t存在问题\n1\t甲村\t账目不清\n2\t乙村\t制度缺失\n说明：以上。")
    assert [b.in_table for b in blocks] == [False, True, True, True, False]
    assert blocks[2].header == ["序号", "村", "存在问题"] and blocks[2].cells[2] == "账目不清"


def test_one_tabbed_line_alone_is_a_paragraph():
    blocks = _text_blocks("时间：2026年\t地点：会议室\n正文。")
    assert not any(b.in_table for b in blocks)


def test_a_pasted_sheet_is_read_by_its_problem_column(parse, finder):
    r = parse("湖岭乡村级巡察问题清单",
              "编号\t整改时限\t主要问题\t所在村",
              "1\t2026年12月\t村级财务报销审核不严，白条入账\t丰桥村",
              "2\t2027年1月\t集体资产发包未经村民代表会议讨论\t临丰村")
    assert [i.text for i in r.items] == ["村级财务报销审核不严，白条入账", "集体资产发包未经村民代表会议讨论"]
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县湖岭乡丰桥村"),
                                           unit_id(finder, "宁川县湖岭乡临丰村")]


def test_a_list_of_involved_villages_names_the_problem_before_it(parse, finder):
    r = parse(TITLE, "二、存在的主要问题", "村级工程项目未经公开招标即确定施工方。涉及村：丰桥村、临丰村。",
              "乡机关差旅费报销审核不严，有5笔费用缺少审批单。")
    first = [i for i in r.items if "公开招标" in i.text]
    assert {i.unit_id for i in first} == {unit_id(finder, "宁川县湖岭乡丰桥村"), unit_id(finder, "宁川县湖岭乡临丰村")}
    assert not any(i.text.startswith("涉及") for i in r.items)


def test_any_bracket_pair_or_typeset_ordinal_numbers_paragraphs(parse, finder):
    for first, second in (("〔1〕", "〔2〕"), ("［一］", "［二］"), ("⒈", "⒉"), ("⑾", "⑿"), ("⑪", "⑫")):
        r = parse("县委第三巡察组关于对宁川县统计局党组巡察情况的反馈意见", f"{first}统计数据审核把关不严。",
                  f"{second}执法检查流于形式。")
        assert [i.text for i in r.items] == ["统计数据审核把关不严。", "执法检查流于形式。"], first
        assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县统计局")}


def test_an_inline_list_in_any_bracket_pair(parse):
    r = parse("县委第三巡察组关于对宁川县统计局党组巡察情况的反馈意见",
              "主要问题：〔1〕统计数据审核把关不严；〔2〕执法检查流于形式。")
    assert [i.text.rstrip("。；") for i in r.items] == ["统计数据审核把关不严", "执法检查流于形式"]


def test_a_title_under_the_issuers_line_names_the_unit_inspected(parse, finder):
    r = parse("中共宁川县委第三巡察组", "关于对宁川县统计局党组开展巡察的情况反馈", "一、党组层面",
              "1.统计数据审核把关不严。", "2.执法检查流于形式。")
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县统计局")} and len(r.items) == 2


def test_a_form_field_holding_the_problem_is_an_item_whatever_its_words(parse, finder):
    r = parse("问题线索转办单", "被反映单位：县统计局", "反映内容：统计人员替企业填报调查数据，收取费用。",
              "办理建议：请县纪委监委核查。")
    assert len(r.items) == 1 and r.items[0].text.endswith("统计人员替企业填报调查数据，收取费用。")
    assert r.items[0].unit_id == unit_id(finder, "宁川县统计局")


def test_office_idioms_of_a_problem(parse):
    r = parse("县委第三巡察组关于对宁川县统计局党组巡察情况的反馈意见", "一是局党组重业务轻党建，学习流于应付。",
              "二是班子成员不团结，分管事务推诿扯皮。", "三是主要负责人个人说了算。", "四是整改台账系临时拼凑而成。")
    assert len(r.items) == 4


def test_a_field_telling_facts_is_no_problem_field(parse):
    r = parse("县委第三巡察组关于对宁川县统计局党组巡察情况的反馈意见", "主要情况：县统计局现有干部职工26人，内设5个股室。",
              "具体表现：统计数据审核把关不严。")
    assert [i.text for i in r.items if "26人" in i.text] == []


def test_a_pipe_table_pasted_into_a_text_file():
    blocks = _text_blocks("| 序号 | 单位 | 存在问题 |\n|---|---|---|\n| 1 | 甲村 | 账目不清 |\n| 2 | 乙村 | 制度缺失 |")
    assert [b.cells for b in blocks] == [["序号", "单位", "存在问题"], ["1", "甲村", "账目不清"], ["2", "乙村", "制度缺失"]]
    assert blocks[1].header == ["序号", "单位", "存在问题"]
