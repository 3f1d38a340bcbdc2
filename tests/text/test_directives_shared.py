"""A request about a problem one sentence told of two units (县A、县B合计拖欠…) is about each (one directive per
unit); 对A…、B…等问题线索 names both; a clause giving a matter to a body (对X问题，由县委巡察办…) is a request, not a
problem (session 11, dev_j). Short texts written for the test (not the fixtures)."""

from __future__ import annotations

from tests.text.conftest import unit_id


def test_a_request_about_a_problem_of_two_units_is_about_each(parse, finder):
    r = parse("关于专项巡察情况的报告",
              "一、欠款问题突出。县统计局、县审计局合计拖欠印刷企业货款80余万元。",
              "二、几点建议",
              "对拖欠货款问题，由县委巡察办建立台账、跟踪督办。")
    assert len(r.items) == 2
    assert sorted((d.body, d.unit_id) for d in r.directives) == sorted(
        [("巡察机构", unit_id(finder, "宁川县统计局")), ("巡察机构", unit_id(finder, "宁川县审计局"))])


def test_a_matter_given_to_a_body_is_no_problem(parse):
    r = parse("关于专项巡察情况的报告",
              "一、县统计局差旅费报销审核不严。",
              "二、几点建议",
              "对违规报销问题，由县纪委监委会同县财政局核查处理。")
    assert [it.unit_name for it in r.items] == ["宁川县统计局"]
    assert [d.body for d in r.directives] == ["纪委监委"]


def test_two_units_each_with_its_problem_before_a_closing_deng(parse, finder):
    r = parse("关于专项巡察情况的报告",
              "一、县统计局虚报普查补助；县审计局违规发放津贴。",
              "二、建议",
              "对县统计局虚报补助、县审计局违规发放津贴等问题线索，移交县纪委监委处置。")
    assert sorted(d.unit_id for d in r.directives) == sorted(
        [unit_id(finder, "宁川县统计局"), unit_id(finder, "宁川县审计局")])


def test_a_body_following_up_after_the_request(parse):
    # a second body given its part after the request without a modal (…，县委巡察办跟踪问效)
    r = parse("关于巡察县统计局党组的反馈意见",
              "一、县统计局普查经费超付问题至今未追回。",
              "二、意见建议",
              "针对上述问题，由县纪委监委督促追缴超付经费，县委巡察办跟踪问效。")
    assert sorted(d.body for d in r.directives) == ["巡察机构", "纪委监委"]


def test_a_request_under_a_line_naming_several_units_is_about_none(parse):
    r = parse("县委巡察工作领导小组办公室",
              "关于对整改不力单位主要负责人进行约谈的通知",
              "县统计局党组、县审计局党组：",
              "约谈的原因：县统计局普查经费超付问题整改无实质进展；县审计局审计整改台账与实际不符。",
              "请县委组织部派人列席约谈会，约谈记录存入本人档案。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("组织部", None)]


def test_please_each_team_to_complete_is_a_request(parse):
    r = parse("关于做好巡察进驻前准备工作的提示",
              "请各巡察组于进驻前完成被巡察单位有关情况的沟通了解，形成熟悉情况报告。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("巡察机构", None)]


def test_a_request_about_listed_problems_of_two_units_is_about_each(parse, finder):
    r = parse("关于专项巡察情况的报告",
              "一、县统计局普查外包合同未经集体研究。",
              "二、县审计局公务用车管理混乱。",
              "三、建议",
              "派驻纪检监察组要对普查外包、公务用车问题开展专项监督。")
    assert sorted((d.body, d.unit_id) for d in r.directives) == sorted(
        [("派驻纪检监察组", unit_id(finder, "宁川县统计局")), ("派驻纪检监察组", unit_id(finder, "宁川县审计局"))])
