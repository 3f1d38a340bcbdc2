"""Forms opened on dev_q (session 10) and on a clerk's own form: 该乡 under village headings is the township; a
starred short name (*林场) is a withheld unit; 不正常, 无A、无B, 跑冒滴漏 and 亲属承包 state a problem (so
a second one after ；is an item); a short sentence setting acts side by side (…长期不到岗、照领工资。) is a finding,
not a summary opening the next; a finding after a list of what
to look at (三是看…是否到位。从上轮看，X局…未解决) is an item; an overview sending the reader to the table below
(…作用发挥不够充分。具体问题见下表。) is none; a 一是… list opened in one
paragraph under its unit (关于X：一是…。) and taken up in the next paragraph (二是…。) keeps its unit and every
entry; a feedback report titled …情况的反馈 or saying 反馈如下 is feedback. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id

FEEDBACK = "县委第二巡察组关于巡察县统计局党组的反馈意见"
SPEECH = "在全县巡察工作推进会上的讲话"


@pytest.mark.parametrize("later", [
    ["二是档案室门禁登记长期空白。"],
    ["二是固定资产盘点走过场。", "三是临聘人员考勤由他人代签。"],
])
def test_a_list_opened_under_its_unit_goes_on_in_the_next_paragraph(parse, finder, later):
    r = parse(SPEECH, "关于县审计局：一是审计整改台账更新不及时。", *later)
    texts = [it.text for it in r.items]
    assert len(texts) == 1 + len(later)
    assert all(not t.startswith(("二是", "三是")) for t in texts)
    assert {it.unit_id for it in r.items} == {unit_id(finder, "宁川县审计局")}


def test_a_paragraph_opening_with_a_later_entry_after_no_list_is_no_entry(parse):
    r = parse(SPEECH, "关于县审计局：审计整改台账更新不及时。", "二是要加强学习。")
    assert all("加强学习" not in it.text for it in r.items)


VILLAGES = "关于对湖岭乡南丰村等村党组织开展村级巡察的反馈意见"


@pytest.mark.parametrize("opening", ["该乡对村级财务监督指导缺位。", "该乡对村务公开督促检查流于形式。"])
def test_this_township_under_village_headings_is_the_township(parse, finder, opening):
    r = parse(VILLAGES, "一、南丰村", "村务公开栏长期未更新，公开内容不完整。", "二、乡党委层面", opening)
    assert r.items[-1].unit_id == unit_id(finder, "宁川县湖岭乡")


@pytest.mark.parametrize("line", ["另外，*林场职工违规占用林地搭建房屋。", "此外，*水厂负责人长期在外兼职取酬。"])
def test_a_starred_short_name_is_a_withheld_unit(parse, line):
    r = parse("关于对县林业局党组巡察情况的反馈", "县委第一巡察组对县林业局党组进行了巡察。", line)
    assert [it.unit_id for it in r.items] == [None]


@pytest.mark.parametrize("pair", [
    "村党支部组织生活不正常，党员大会很少召开。村级账目与合作社账目混用，收支不清。",
    "村级项目未公开招标，由村主任指定施工队。村干部报销差旅费无事由、无清单。",
])
def test_two_findings_of_a_village_in_two_sentences_are_two_items(parse, pair):
    r = parse(VILLAGES, "一、南丰村", pair)
    assert len(r.items) == 2


@pytest.mark.parametrize("finding", [
    "从上一轮巡察看，县统计局专项经费违规列支问题至今未解决。",
    "据了解，县审计局审计整改台账长期未更新。",
])
def test_a_finding_after_a_list_of_what_to_look_at_is_an_item(parse, finding):
    r = parse(SPEECH, "同志们：", "本轮巡察要重点看三个方面：一是看主体责任是否落实，二是看群众身边问题是否解决，"
              "三是看上轮整改是否到位。" + finding)
    assert len(r.items) == 1 and r.items[0].unit_id is not None


@pytest.mark.parametrize("entry", [
    "1.县统计局档案管理混乱，多份档案缺失；专项经费收支存在跑冒滴漏。",
    "1.南丰村村务公开不及时，财务收支未按季度公开；村内道路工程由村干部亲属承包。",
])
def test_a_second_finding_after_a_semicolon_is_an_item_of_its_own(parse, entry):
    r = parse(VILLAGES, "一、主要问题", entry)
    assert len(r.items) == 2


@pytest.mark.parametrize("pointer", ["具体问题见下表。", "详细情况见附表。"])
def test_an_overview_sending_the_reader_to_the_table_is_no_item(parse, pointer):
    r = parse(FEEDBACK, "巡察发现，县统计局党组在把方向、管大局方面作用发挥不够充分。" + pointer,
              "1.专项经费违规列支会议费。")
    assert [it.text for it in r.items] == ["专项经费违规列支会议费。"]


@pytest.mark.parametrize("opening", [
    ("关于对县统计局党组巡察情况的反馈", "县委第二巡察组对县统计局党组进行了巡察。"),
    ("县委第二巡察组巡察县统计局党组情况", "现将巡察发现的问题反馈如下："),
])
def test_a_feedback_not_titled_feedback_opinions_is_feedback(parse, opening):
    r = parse(*opening, "一是专项经费违规列支会议费。二是档案管理混乱。")
    assert r.doc_kind == "feedback"


@pytest.mark.parametrize(("first", "items"), [
    ("南丰村保洁员长期不到岗、照领工资。", 2),
    ("南丰村村干部值班缺岗、脱岗。", 2),
    ("南丰村村务公开、财务公开有薄弱环节。", 1),  # a summing up opens the finding after it
])
def test_a_short_sentence_setting_acts_side_by_side_is_a_finding(parse, first, items):
    r = parse(VILLAGES, "一、南丰村", first + "村级账目与合作社账目混用，收支不清。")
    assert len(r.items) == items
