"""Forms opened on dev_al (session 15). Sentences written for these tests.

- A sentence telling the groups a round sends out (本次共派出N个巡察组，其中第X巡察组对…开展“回头看”) announces the
  deployment: without a modal it asks no one (NARRATED_FRAME in asking.py), as a sentence set in 本轮巡察，… does.
- Regulators named in a list's entry (…；二是建议县A局、县B局作为行业主管部门，联合开展…) are asked, as they are at
  the opening of a sentence or clause (REGULATOR_NAMED in addressing.py).
- A unit's name before 片区 (湖岭乡片区的…) names an area, as …辖区 and …一带 do (not_subject_after in
  text_rules.json): the problem stays with the unit the feedback is about.
- A clue named as the topic of its hand-over (对…的问题线索，已移交乡纪委处理) reports what was done with it
  (HANDED_TOPIC in itemize.py); …的问题，已移交… still states its problem.
- A meeting standing in for the committee's (局长办公会代替党组会, 支委会代替党员大会) states a problem
  (problem_patterns in text_rules.json), as 以X代替Y does.
"""

from __future__ import annotations


def test_the_groups_a_round_sends_out_are_not_asked(parse):
    r = parse("关于县委第五轮巡察进驻的公告",
              "根据县委巡察工作安排，县委巡察组将于近日进驻。本次共派出3个巡察组，其中县委第二巡察组对县统计局、"
              "石阳乡开展“回头看”。",
              "一、巡察发现县统计局数据核查不细。建议县纪委监委对县统计局问题线索依规处置。")
    assert [d.body for d in r.directives] == ["纪委监委"]


def test_regulators_named_in_a_list_entry_are_asked(parse):
    r = parse("关于县委第五轮巡察情况的报告", "县委：",
              "一是县统计局数据核查不细；二是县商务局合同管理不规范。",
              "一是建议县纪委监委对县统计局问题线索依规处置；二是建议县财政局、县审计局作为行业主管部门，"
              "联合开展合同管理专项检查。")
    assert sorted(d.body for d in r.directives) == ["纪委监委", "行业主管部门"]


def test_a_unit_before_pianqu_names_an_area(parse):
    r = parse("县委第二巡察组关于巡察县卫生健康局党组的反馈意见",
              "根据县委统一部署，县委第二巡察组对县卫生健康局党组进行了巡察。",
              "一、政治监督方面",
              "1.基层医疗资源统筹不力，湖岭乡片区村卫生室缺医少药问题长期未能解决。")
    assert [it.unit_name for it in r.items] == ["宁川县卫生健康局"]


def test_a_clue_handed_over_is_no_finding(parse):
    r = parse("县委第三巡察组关于巡察湖岭乡丰桥村的反馈意见",
              "根据县委统一部署，县委第三巡察组对丰桥村党支部进行了巡察。", "一、主要问题",
              "1.村干部亲属承揽村级工程，未按规定回避。", "2.村务公开不及时。",
              "对村干部亲属承揽工程的问题线索，已移交湖岭乡纪委处理。")
    assert len(r.items) == 2


def test_a_meeting_standing_in_for_the_committee_is_a_problem(parse):
    r = parse("在巡察情况汇报会上的讲话", "同志们：",
              "再说县统计局。数据核查不细，专业人才断档。",
              "再说县商务局。局长办公会代替党组会研究重大事项，这是方向性问题。")
    assert [it.unit_name for it in r.items if "办公会" in it.text] == ["宁川县商务局"]
