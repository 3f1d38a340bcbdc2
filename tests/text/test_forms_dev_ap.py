"""Forms opened on dev_ap (session 15, H104). Sentences written for these tests.

- A village led in with a colon (Y村：…) keeps its problem when the same sentence then tells its township to act
  (…，X镇党委要负起责任): the township answers for its village, the village is at fault (attribution.py; writers
  give items at a village to the village even under a township).
- A speaker who turns to a unit in a paragraph's opening sentence (再看县X院。…) speaks of it until naming the next:
  a later problem of the paragraph naming no unit is that unit's, not the unit of a request closing the paragraph
  (驻县Y局纪检监察组要…: ``_paragraph_subject`` in attribution.py).
- A township followed by 延伸 (这是X镇延伸了解到的, X镇延伸巡察时发现) is where the inspection reached out from,
  not the unit at fault (``not_subject_after`` in text_rules.json).
- 无X即Y (无验收报告即付款, 无合同即开工): a step taken without the document it needs is a problem (a form of
  problem_patterns in text_rules.json), also as the second of two problems after a semicolon.
- Posts left unfilled (班子成员缺配, 股室负责人长期空缺) are a staffing problem (problem_patterns).
"""

from __future__ import annotations

SPEECH = ("在巡察情况汇报会上的讲话", "同志们：")


def test_a_village_keeps_its_problem_when_its_township_is_told_to_act(parse):
    r = parse(*SPEECH, "我点几个单位。", "龙桥村：集体鱼塘发包不公开，新水镇党委要督促整改。")
    assert [it.unit_name for it in r.items] == ["宁川县新水镇龙桥村"]



def test_a_problem_later_in_a_paragraph_stays_at_the_unit_it_opened_on(parse):
    r = parse(*SPEECH, "接下来讲县人民医院。药品回扣问题反映较多，这个风气必须刹住。还有基建项目招标绕开党委会，"
              "院长负责制落得不实。驻县卫健局纪检监察组要把医院作为监督重点。")
    assert {it.unit_name for it in r.items} == {"宁川县人民医院"}


def test_a_township_the_inspection_reached_out_from_is_not_at_fault(parse):
    r = parse(*SPEECH, "最后说说龙桥村。这是新水镇延伸了解到的，村里公章使用无登记，群众意见较大。")
    assert [it.unit_name for it in r.items] == ["宁川县新水镇龙桥村"]


def test_paying_without_the_report_needed_is_a_problem(parse):
    r = parse("关于对县统计局党组巡察的反馈意见", "巡察发现的问题：",
              "湖坝村：村务公开栏长期不更新；修路工程无验收报告即付款。")
    assert [it.unit_name for it in r.items] == ["宁川县青江街道湖坝村"] * 2


def test_posts_left_unfilled_are_a_problem(parse):
    r = parse(*SPEECH, "县统计局班子成员缺配，工作运转吃力。")
    assert [it.unit_name for it in r.items] == ["宁川县统计局"]
