"""Forms opened on dev_am (session 15). Sentences written for these tests.

- A title that ends on the feedback itself (县委第四巡察组对县统计局党组的巡察反馈) names a feedback report
  (feedback_title_ends in text_rules.json; is_title in items.py): its problems are the titled unit's.
- A closing sentence on what the writer will do (下一步，我们将…对进展缓慢的事项及时督促…) is a plan, kept apart as a
  requirement is (plan_sentence in text_rules.json, read in problem_split.py), whatever problem words it holds.
- A notice's deployment (本轮安排县委第一巡察组巡察县X局，第二巡察组巡察Y乡) announces who goes where: without a
  modal it asks no one (NARRATED_FRAME in asking.py), as 本轮共派出N个巡察组，其中… does.
- A county unit's name right before 纪检监察组 (县卫健局纪检监察组要督促…) names the group stationed there, as
  驻县X局纪检监察组 does (bodies in text_rules.json).
"""

from __future__ import annotations


def test_a_title_ending_on_the_feedback_is_a_feedback_report(parse):
    r = parse("县委第四巡察组对县统计局党组的巡察反馈",
              "县委第四巡察组对县统计局党组进行了常规巡察。",
              "政治监督方面：一是统计数据核查不细；二是统计执法检查流于形式。")
    assert r.doc_kind == "feedback"
    assert [it.unit_name for it in r.items] == ["宁川县统计局", "宁川县统计局"]


def test_a_closing_plan_is_no_finding(parse):
    r = parse("县委第四巡察组关于巡察县统计局党组的反馈意见",
              "县委第四巡察组对县统计局党组进行了常规巡察。",
              "一、主要问题", "1.统计数据核查不细。", "2.统计执法检查流于形式。",
              "下一步，我们将把上述事项纳入监督清单，对进展缓慢的事项及时提醒督促，做到件件有着落。")
    assert len(r.items) == 2


def test_a_notice_of_the_groups_deployed_asks_no_one(parse):
    r = parse("关于县委第九轮巡察进驻的公告",
              "根据县委统一部署，县委第九轮巡察将于近日进驻。本轮安排县委第一巡察组巡察县统计局，第二巡察组对上轮巡察的单位开展“回头看”。",
              "一、巡察发现县统计局数据核查不细。建议县纪委监委对县统计局问题线索依规处置。")
    assert [d.body for d in r.directives] == ["纪委监委"]


def test_a_group_named_by_its_host_unit_is_a_stationed_group(parse):
    r = parse("县委第四巡察组关于巡察县统计局党组的反馈意见",
              "县委第四巡察组对县统计局党组进行了常规巡察。",
              "一、主要问题", "1.统计数据核查不细。", "2.统计执法检查流于形式。",
              "二、整改意见", "县财政局纪检监察组要督促局党组抓好整改。")
    assert [d.body for d in r.directives] == ["派驻纪检监察组"]
