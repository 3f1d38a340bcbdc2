"""Forms opened on dev_z (session 13). Sentences written for these tests.

- A risk, hidden danger or conflict said to stand out (廉政风险突出, 安全隐患较为突出) states a problem, as 问题突出
  and 现象突出 already did; carrying out a decision 有温差/有落差 (the office idiom for a decision weakening on its way
  down) states one too (problem_patterns in text_rules.json).
- A service or supervision that 跟不上 (cannot keep up) states a problem (problem_cues), as 滞后 does.
- A public notice titled …向X党组反馈巡察情况 (or …巡察反馈情况公开) is a feedback report, even though its opening
  says the leader spoke at the feedback meeting (讲话): dev_p's, dev_x's, dev_y's and dev_z's writers all titled
  their public version so (document_kinds in text_rules.json).
- A body told to act on a matter closed by a comma before the modal (县委组织部对A、B班子运行中的问题，要深入分析研判)
  is asked about the units the matter names, as 对…要… without the comma already was (TOPIC_FIRST in asking.py).
- Two units joined by 与/同 as the subject of a matter they share (县A局与县B局在…制度衔接上不畅; 对接, 协调, 沟通,
  配合, 信息共享: ``joint_words`` in text_rules.json) have the problem each, as 与X之间… already did; 与X对账不及时
  alone keeps X a partner. A regulator then asked about that matter is asked about the other unit, not its own share.
- A hand-over letter's request whose topic counts the units before the body (对3个村的线索，请县纪委监委督促…) is
  about the entries at as many units of that kind, as a count after the body (对两家医院…) already was.
- Purchases or services always placed with the same supplier (采购找的都是同一家商户, 委托同一家中介机构长达六年,
  in three of dev_f's documents; a common audit finding) state a problem: no competition (problem_patterns).
"""

from __future__ import annotations

import pytest

from loaders.text.parse import doc_kind, text_rules
from loaders.text.readers import read_document
from tests.text.conftest import unit_id


@pytest.mark.parametrize("problem", [
    "物资采购领域廉政风险突出。",
    "老旧仓库消防安全隐患较为突出。",
    "执行上级政策有温差。",
    "普查数据审核服务跟不上。",
    "普查宣传品印制找的都是同一家公司。",
])
def test_a_standing_out_risk_a_weakening_decision_and_a_lagging_service_are_problems(parse, problem):
    r = parse("关于县统计局：", f"一是{problem}")
    assert [(it.text, it.unit_name) for it in r.items] == [(problem, "宁川县统计局")]


@pytest.mark.parametrize("title", ["县委第*巡察组向*局党组反馈巡察情况（公开版）", "县委第*轮巡察反馈情况公开"])
def test_a_public_notice_of_feedback_is_a_feedback_report(tmp_path, title):
    path = tmp_path / "notice.txt"
    path.write_text("\n".join([title, "*月*日，巡察组向*局党组反馈了巡察情况，XX同志出席反馈会并讲话。",
                               "巡察发现：统计台账登记混乱，库存设备长期闲置。"]), encoding="utf-8")
    assert doc_kind(read_document(path), text_rules()) == "feedback"


def test_a_body_told_to_act_on_a_matter_closed_by_a_comma_is_asked_about_its_units(parse, finder):
    # 组织部对A、B…的问题，要…: the modal opens the clause after the matter, as 对…要… without the comma did
    r = parse("在县委第三轮巡察情况汇报会上的讲话", "同志们：",
              "县统计局台账登记混乱，县审计局班子分工调整不及时，干部队伍老化。",
              "县委组织部对县统计局、县审计局班子运行中的问题，要深入分析研判，该调整的要调整。")
    asked = sorted((d.body, d.unit_id) for d in r.directives)
    assert asked == sorted([("组织部", unit_id(finder, "县统计局")), ("组织部", unit_id(finder, "县审计局"))])


def test_a_shared_matter_of_two_units_joined_by_yu_is_a_problem_at_each(parse, finder):
    # 县A局与县B局在…衔接上不畅: neither alone is at fault (joint_words); 与B对账不及时 alone keeps B a partner
    r = parse("关于县统计局巡察情况的反馈意见", "一是县统计局与县审计局在统计数据共享上对接不畅。")
    assert sorted(it.unit_id for it in r.items) == sorted([unit_id(finder, "县统计局"), unit_id(finder, "县审计局")])
    r = parse("关于县统计局巡察情况的反馈意见", "一是县统计局与县审计局对账不及时。")
    assert [it.unit_id for it in r.items] == [unit_id(finder, "县统计局")]


def test_a_topic_counting_villages_before_please_is_about_those_villages(parse, finder):
    # 对3个村的线索，请县纪委监委督促…: the count in the topic before the body, as 对两家医院… after it already was
    r = parse("关于移交县委第三轮巡察问题线索的函", "县纪委监委：", "现移交问题线索4件，具体如下：",
              "1.县统计局违规发放值班补助。", "2.湖坝村会计挪用集体资金。", "3.金庄村村干部违规承揽工程。",
              "4.青口村集体土地低价发包。",
              "请县纪委监委对县统计局线索优先核查；对3个村的线索，请县纪委监委督促相关乡镇纪委依规办理。")
    villages = sorted(d.unit_id for d in r.directives if d.unit_id != unit_id(finder, "县统计局"))
    assert villages == sorted(unit_id(finder, v) for v in ("湖坝村", "金庄村", "青口村"))


def test_a_regulator_asked_on_a_matter_it_shares_is_asked_about_the_other_unit(parse, finder):
    # the shared problem is at both units; the regulator's request about it is not about its own share
    r = parse("关于县统计局巡察情况的反馈意见", "一是县统计局与县审计局在统计数据共享上对接不畅。二是台账登记混乱。",
              "整改要求：县统计局党组要压实整改责任。县审计局作为行业主管部门要抓好统计数据共享对接。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("行业主管部门", unit_id(finder, "县统计局"))]
