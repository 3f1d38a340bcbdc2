"""Forms opened on dev_ai (session 15). Sentences written for these tests.

- What an inspection looked at, put as whether (巡察组看了A是否落实、B是否严格), states no problem: a 是否 phrase is
  cleared before the problem words are sought, as 未发现问题 is (no_problem_patterns in text_rules.json); a finding
  around it (对资金是否到位未进行核查) still states one.
- A sentence set in a round (按照县委要求，第四轮巡察中，X巡察组对Y开展…回头看) tells what was done, as one set
  in 期间/本轮巡察 does: without a modal it asks no one (NARRATED_FRAME in asking.py).
- Refunding an improper fee of any name (已清退违规资料费, 已退还违规补课费) reports a rectification, as 已清退违规
  收费 did: a 违规 cleared with it (no_problem_patterns in text_rules.json).
"""

from __future__ import annotations


def test_what_the_inspection_looked_at_is_no_finding(parse):
    r = parse("县委第三巡察组关于对县林业局党组开展专项巡察的反馈意见",
              "县委第三巡察组于2041年5月对县林业局党组开展了专项巡察。巡察组看了护林责任是否落实、"
              "群众反映强烈的问题是否解决。", "一、发现的问题", "（一）生态护林员选聘程序不公开。")
    assert [it.text for it in r.items] == ["生态护林员选聘程序不公开。"]


def test_a_failing_around_a_whether_is_still_a_finding(parse):
    r = parse("县委第三巡察组关于对县林业局党组开展专项巡察的反馈意见", "一、发现的问题",
              "（一）局党组对护林补助是否发放到位未进行核查。")
    assert len(r.items) == 1


def test_a_round_told_in_a_report_asks_no_one(parse):
    r = parse("关于第四轮巡察“回头看”情况的报告",
              "按照县委要求，二十一届县委第四轮巡察中，县委第一巡察组对县林业局党组开展巡察“回头看”，"
              "重点检查整改成效。", "一、县林业局生态护林员选聘程序仍不公开。")
    assert r.directives == []


def test_an_improper_fee_refunded_is_no_finding(parse):
    r = parse("在第三轮巡察整改推进会上的讲话", "同志们：",
              "总体看，多数单位整改及时，县一中已清退违规补课费，县林业局也完成了整改。",
              "县二中食堂承包合同至今没有重新签订。")
    assert [it.unit_name for it in r.items] == ["宁川县第二中学"]
