"""Units and their roles (session 11, dev_j and dev_i): a problem found again (又被查出, 又出现, 再次发生) is a
problem and a unit named after 巡察 (巡察X时指出的…) is the one inspected, not the one that found it; X作为…，对Y的…
makes Y what X failed at; a unit whose name is withheld (一个单位（名称已隐去）) is redacted. Short texts written for
the test (not the fixtures)."""

from __future__ import annotations


def test_a_problem_found_again_at_the_unit_inspected(parse):
    r = parse("在巡察工作动员部署会上的讲话",
              "比如，上轮巡察县统计局时指出的普查外包问题，今年审计时又被查出来了。")
    assert [it.unit_name for it in r.items] == ["宁川县统计局"]


def test_the_unit_that_found_it_is_still_no_subject(parse):
    r = parse("在巡察工作动员部署会上的讲话",
              "一是县审计局去年审计指出的普查经费问题，今年又出现了。")
    assert all(it.unit_name != "宁川县审计局" for it in r.items)


def test_a_unit_acting_as_something_over_another_is_the_one_at_fault(parse):
    # X作为出资人代表，对Y的…监管停留在报表层面: Y is what X failed at, as in X对Y…不到位
    r = parse("关于巡察县统计局党组的反馈意见",
              "同时，县审计局作为主管单位，对县统计局的日常监管长期停留在报表层面。")
    assert [it.unit_name for it in r.items] == ["宁川县审计局"]


def test_a_unit_whose_name_is_withheld_is_redacted(parse):
    r = parse("关于巡察情况的综合报告",
              "县统计局向外包公司购买服务时，有3笔资金无合同即支付。另有一个单位（名称已隐去）违规发放加班补助2万元。")
    assert [it.unit_name for it in r.items] == ["宁川县统计局", None]
