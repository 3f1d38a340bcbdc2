"""Problems told as a deviation without the usual problem words (session 11, dev_j): a count with a bare 没, 没几条
(few of what was due), 无实质进展, money put into a private account, 超付 / 混入, a ranking at the bottom, and
存在…的问题 naming a long problem. Short texts written for the test (not the fixtures)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("problem", [
    "县统计局抽调的干部至今仍有三名没回原岗位。",
    "县统计局整改方案列了十几项，能见到效果的没几项。",
    "县统计局数据质量整改无实质进展。",
    "县统计局出纳把普查补助资金存放在个人账户上。",
    "县统计局向外包公司超付服务费。",
    "县统计局把会议费混入培训费列支。",
    "县统计局数据报送及时率排在全市倒数第二位。",
    "县统计局存在普查员劳务报酬由他人代签代领的问题。",
    "县统计局违规收取的费用退了，责任人没处理。",  # 没 + a verb, as 未 + a verb
    "县统计局整改方案列了五条措施，一条都没落实。",  # none at all
    "县统计局普查经费与县审计局的项目重复申报。",
    "县统计局大型设备采购论证程序倒置。",
    "群众到县统计局办事得托关系、找熟人。",
    "县统计局有9个问题整改停滞。",
])
def test_a_deviation_told_without_a_problem_word_is_an_item(parse, problem):
    r = parse("宁川县统计局巡察情况报告", problem)
    assert [(it.text, it.unit_name) for it in r.items] == [(problem, "宁川县统计局")]


@pytest.mark.parametrize("fact", [
    "县统计局全年完成专项调查九项。",
    "县统计局按时将普查补助发放到普查员个人账户。",
])
def test_a_fact_without_a_deviation_is_no_item(parse, fact):
    r = parse("宁川县统计局巡察情况报告", "巡察期间，县统计局积极配合。", fact, "一、存在问题", "一是台账登记混乱。")
    assert all(fact not in it.text for it in r.items)


def test_still_having_to_is_no_requirement(parse):
    # spoken 还要 inside a clause (企业还要跑三个科室) says what people still have to do, not what is asked
    r = parse("在巡察情况汇报会上的讲话",
              "第一点，问题要正视。县统计局“数据直报”喊了三年，企业报数还要跑三个科室，群众意见很大。")
    assert [it.unit_name for it in r.items] == ["宁川县统计局"]


def test_a_requirement_opening_with_still_is_one(parse):
    r = parse("在巡察情况汇报会上的讲话", "县统计局台账登记混乱。", "还要加强对普查员的培训，防止数据失真问题。")
    assert [it.text for it in r.items] == ["县统计局台账登记混乱。"]


@pytest.mark.parametrize("fact", ["县统计局今年没发生统计数据造假问题。", "县统计局干部说没想到整改这么快。"])
def test_mei_that_states_no_deviation(parse, fact):
    r = parse("宁川县统计局巡察情况报告", "一、存在问题", "一是台账登记混乱。", "二、其他情况", fact)
    assert all(fact not in it.text for it in r.items)


def test_a_unit_whose_last_round_findings_are_told_is_their_unit(parse):
    r = parse("在巡察整改推进会上的讲话",
              "比如，县审计局对公车超编问题只报数字不见行动；县统计局上轮指出的劳务费问题，整改计划列了四项，至今一项都没做。")
    assert [it.unit_name for it in r.items] == ["宁川县审计局", "宁川县统计局"]
