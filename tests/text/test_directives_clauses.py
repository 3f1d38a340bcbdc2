"""Directives clause by clause (session 8, dev_e): a receiver asked to act (建议移交X处置, 建议由X进行处置), two
bodies joined by 和, one body asked twice in a sentence, a ；-clause with its own topic, two units each with its
problem (对A…问题和B…问题), a topic clause that names the problem but no unit, and a count of hospitals. Short texts
written for the test (not the fixtures)."""

from __future__ import annotations

from tests.text.conftest import unit_id


def _bodies(result) -> list[tuple[str, str | None]]:
    return [(d.body, d.unit_name) for d in result.directives]


def test_a_receiver_asked_to_act(parse):
    r = parse("关于县科协：一是科普经费报销审核不严。",
              "对科普经费报销问题线索，建议移交县纪委监委依规处置。",
              "建议由驻县卫生健康局纪检监察组进行核查。", "科普经费问题交由县委巡察办跟进督办。")
    assert [d.body for d in r.directives] == ["纪委监委", "派驻纪检监察组", "巡察机构"]
    assert r.directives[0].unit_name == "宁川县科协"


def test_two_bodies_joined_by_he_are_both_asked(parse):
    r = parse("下面我强调一点。", "巡察机构和纪委监委要建立问题线索双向反馈机制。")
    assert [d.body for d in r.directives] == ["巡察机构", "纪委监委"]


def test_a_body_asked_twice_in_one_sentence(parse, finder):
    r = parse("关于县商务局：一是外贸奖补资金以“企业注销”为由长期挂账。",
              "各巡察组要加强对整改情况的跟踪督导，县委巡察办要对“企业注销”挂账资金逐笔建立台账。")
    assert [d.body for d in r.directives] == ["巡察机构", "巡察机构"]
    assert r.directives[0].unit_id is None and r.directives[1].unit_id == unit_id(finder, "宁川县商务局")


def test_each_semicolon_clause_has_its_own_topic(parse):
    r = parse("县委第三巡察组关于对永山乡党委开展巡察的反馈意见",
              "1）溪宁村党支部书记长期不在岗；", "2）金江村、凤林村低保动态管理不到位。",
              "整改要求：对溪宁村党支部书记不在岗问题，建议县委组织部督促乡党委按程序调整；"
              "对金江村、凤林村低保问题，县民政局作为行业主管部门要组织全面复核。")
    assert _bodies(r) == [("组织部", "宁川县永山乡溪宁村"), ("行业主管部门", "宁川县永山乡金江村"),
                          ("行业主管部门", "宁川县永山乡凤林村")]


def test_a_topic_clause_before_a_later_body_is_not_its_topic(parse):
    r = parse("宁川县商务局巡察情况报告", "县商务局外贸奖补资金审核不严。",
              "建议：由县纪委监委牵头，对县商务局奖补资金问题立案审查；县财政局要切实履行行业主管部门职责，对全县奖补资金开展一次清理。")
    assert _bodies(r) == [("纪委监委", "宁川县商务局"), ("行业主管部门", None)]


def test_two_units_each_with_its_problem(parse):
    r = parse("宁川县综合情况报告", "县公安局警务辅助人员管理不规范。", "县审计局审计整改跟踪不到位。",
              "请县纪委监委对县公安局辅警管理问题、县审计局整改跟踪问题依纪依法调查处理。")
    assert _bodies(r) == [("纪委监委", "宁川县公安局"), ("纪委监委", "宁川县审计局")]


def test_an_ordinal_before_the_topic_clause(parse):
    r = parse("宁川县综合情况报告", "三、干部作风方面", "（1）县科协个别工作人员与培训机构存在不正当经济往来。",
              "四、意见建议", "二是对巡察发现的工作人员与培训机构不正当往来问题线索，建议移交县纪委监委依纪依法处置。")
    assert _bodies(r) == [("纪委监委", "宁川县科协")]


def test_a_count_of_hospitals_means_the_hospitals(parse):
    r = parse("宁川县医保基金专项巡察情况报告", "县医疗保障局对定点医药机构日常稽核不到位。",
              "县人民医院存在分解住院的问题。", "县中医院串换项目收费。", "县妇幼保健院违规将自费项目纳入报销。",
              "驻县卫生健康局纪检监察组要督促三家医院建立违规收费自查机制。")
    assert {d.unit_name for d in r.directives} == {"宁川县人民医院", "宁川县中医院", "宁川县妇幼保健院"}


def test_a_body_given_its_part_in_the_request_before_it(parse):
    r = parse("下面我提一点要求。", "永山乡纪委要加强对村级财务的日常监督，县纪委监委派驻第三纪检监察组给予指导。",
              "县纪委监委派驻第三纪检监察组给予了大力支持。")
    assert [d.body for d in r.directives] == ["派驻纪检监察组"]
    assert r.directives[0].paragraph == 2


def test_a_count_of_units_means_the_units_found_before(parse):
    r = parse("在全县巡察工作会议上的讲话", "一是县审计局内部审计整改滞后。二是县统计局数据质量不高。",
              "纪委监委要对两个单位的问题开展联合督查。")
    assert _bodies(r) == [("纪委监委", "宁川县审计局"), ("纪委监委", "宁川县统计局")]


def _table_doc(path, title, rows):
    from docx import Document

    doc = Document()
    doc.add_paragraph(title, style="Heading 1")
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    doc.save(path)
    return path


def test_a_hand_off_table_read_by_its_columns(tmp_path, county_store, finder):
    from loaders.text.parse import parse_file

    path = _table_doc(tmp_path / "t.docx", "县委第十轮巡察问题线索移交清单", [
        ("序号", "被巡察单位", "问题线索", "移交对象", "办理要求"),
        ("1", "县水利局", "个别干部为亲属承揽劳务分包", "县纪委监委", "初步核实"),
        ("2", "县妇联", "项目资金以拨代支", "驻县民政局纪检监察组", "跟踪督办")])
    r = parse_file(path, county_store, finder=finder)
    assert [i.unit_name for i in r.items] == ["宁川县水利局", "宁川县妇联"]  # not the body the row is handed to
    assert [(d.body, d.unit_name, d.request) for d in r.directives] == [
        ("纪委监委", "宁川县水利局", "初步核实"), ("派驻纪检监察组", "宁川县妇联", "跟踪督办")]


def test_a_table_counting_what_was_handed_on_asks_nothing(tmp_path, county_store, finder):
    import pytest

    from loaders.text.parse import TextParseError, parse_file

    path = _table_doc(tmp_path / "t.docx", "县委第十轮巡察情况报告", [
        ("移交单位", "件数"), ("县纪委监委", "3"), ("县委组织部", "1")])
    with pytest.raises(TextParseError):  # neither items nor directives: nothing to review
        parse_file(path, county_store, finder=finder)


def test_the_body_that_asks_is_not_asked(parse):
    r = parse("县委第二巡察组关于对县医保局党组巡察情况的反馈意见", "一是基金监管存在漏洞。",
              "巡察组要求，局党组要强化整改责任。")
    assert r.directives == []


def test_a_co_actor_after_the_body_is_not_what_it_is_about(parse):
    r = parse("县委第十轮巡察综合情况报告", "1.县公安局警务辅助人员招录不规范。", "三、意见建议",
              "1.关于县公安局辅警招录问题，建议县委组织部、县人社局联合开展专项检查。")
    assert _bodies(r) == [("组织部", "宁川县公安局")]


def test_a_body_following_up_a_lead_and_a_topic_before_the_modal(parse):
    r = parse("县委第十轮巡察综合情况报告", "1.县司法局社区矫正对象监管存在漏洞。", "三、意见建议",
              "2.县司法局社区矫正问题，由县委巡察办牵头督促整改，县纪委监委跟进监督。",
              "3.纪委监委对巡察移交的线索要优先办理。")
    assert _bodies(r) == [("巡察机构", "宁川县司法局"), ("纪委监委", "宁川县司法局"), ("纪委监委", None)]
