"""Forms opened on dev_ab (session 13). Sentences written for these tests.

- A paragraph ending on a lead that announces requests (…督促整改到位。建议：, 几点建议：, 下一步建议如下：) opens the
  paragraphs after it: each that opens on a body, after its ordinal if any (县纪委监委对…开展调查。; 县委组织部会同
  X乡党委，对…; 各巡察组在…中将…), is a request to that body with no modal of its own, as 建议：X… on one line already
  was (led_by_request in asking.py); the run ends at the first paragraph opening on neither a body nor a unit.
  dev_h's and dev_j's writers put such lists under 下一步建议： and 几点建议： with modals; dev_ab's without.
- A clause asking whether something lies behind a matter (X公司借款背后有没有利益输送，县纪委监委要一查到底; 是否存在…)
  is the topic of the request after it (WHETHER in request_topic.py), as 对X问题，… is: the unit it names is what the
  request is about. dev_f's, dev_s's and dev_w's speakers say it the same way (…有没有利益输送，要搞清楚).
  Said in one clause before the request, such a question states no finding either (split in problem_split.py): it
  names what to look into; after a clause that states the failing (…屡查屡犯，背后有没有保护伞，要查清楚) the
  problem stays.
- A request carrying a named problem into the rounds to come (请县委巡察办将X问题纳入下一轮整改督查重点) is about that
  problem's unit when the problem links to an item (carried_problem in request_topic.py), as 各行业主管部门要针对X…
  already was: the next round is the county's, the matter is one found. dev's writer reads 把校园食堂管理纳入下一轮
  巡察重点 the same way (too few shared words there to link).
- A unit named as the measure others check themselves against (组织全县公立医院对照县中医院的问题开展自查; 参照) is
  not what the request is about (_about in directives.py): the request is over the others, here every one of a kind.
- Bodies asked to act severally (县A局、县B局履行行业主管部门职责，分别对…; 驻A组和B组要分别盯紧驻在单位…) are each
  asked on their own: one directive each (SEVERALLY in asking.py, co_regulators in addressing.py), where the chain
  had been one request. A stationed group asked about 驻在单位 is about its own host, the unit in its own name
  (STATIONED_AT), and a unit inside a body's name (驻县X局纪检监察组) is never what a request is about. dev_u's and
  dev_ab's writers both count such a request once per body.
- A share or cost said to be too high (编外人员占比过高) states a problem, as 偏高 already did (problem_cues in
  text_rules.json).
"""

from __future__ import annotations


def test_paragraphs_under_a_suggestion_lead_are_requests(parse):
    r = parse("关于村级财务专项巡察情况的报告",
              "巡察发现，湖坝村村委会主任私自借出集体资金8万元，源桥村集体鱼塘发包未经村民代表会议。",
              "下一步，我办将跟踪问效。建议：",
              "县纪委监委对湖坝村私自借出集体资金问题开展调查。",
              "县委组织部会同青江街道党工委，对源桥村班子进行调整。",
              "各巡察组在下一轮巡察中将湖坝村列为重点。",
              "宁川县委巡察办")
    assert {(d.body, (d.unit_name or "")[-3:]) for d in r.directives} == {
        ("纪委监委", "湖坝村"), ("组织部", "源桥村"), ("巡察机构", "湖坝村")}


def test_a_body_told_of_without_a_lead_is_no_request(parse):
    r = parse("关于村级财务专项巡察情况的报告",
              "巡察发现，湖坝村村委会主任私自借出集体资金8万元。",
              "下一步，我办将跟踪问效。",
              "县纪委监委对湖坝村私自借出集体资金问题开展了调查。")
    assert r.directives == []


def test_a_request_after_asking_whether_is_about_the_matter_asked(parse):
    r = parse("在县委巡察工作情况汇报会上的讲话", "同志们：",
              "县住建局工程款支付背后是否存在利益输送，县纪委监委要查个水落石出。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("纪委监委", "宁川县住房和城乡建设局")]


def test_a_problem_carried_into_the_next_round_is_about_its_unit(parse):
    r = parse("关于县委第二轮巡察情况的综合报告",
              "县林业局对林木采伐许可证审核把关不严，存在先采伐后补证的情况。",
              "请县委巡察办将林木采伐先采伐后补证问题纳入下一轮整改督查重点。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("巡察机构", "宁川县林业局")]


def test_a_unit_named_as_the_measure_is_not_what_a_request_is_about(parse):
    r = parse("在巡察整改推进会上的讲话", "同志们：",
              "县教育局作为行业主管部门，要组织全县中小学对照县第一中学的问题开展自查。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("行业主管部门", None)]


def test_regulators_asked_severally_have_a_directive_each(parse):
    r = parse("关于县人民医院巡察反馈意见",
              "县人民医院药品采购未执行集中带量采购，部分检查项目重复收费。",
              "建议县卫生健康局、县医疗保障局履行行业主管部门职责，分别对药品采购和重复收费问题开展核查。")
    found = [(d.body, d.body_unit_id) for d in r.directives]
    assert len(found) == 2 and {b for b, _ in found} == {"行业主管部门"} and len({u for _, u in found}) == 2


def test_stationed_groups_asked_severally_watch_their_own_hosts(parse):
    r = parse("在县委巡察工作情况汇报会上的讲话", "同志们：",
              "驻县教育局纪检监察组和驻县卫生健康局纪检监察组要分别盯紧驻在单位的整改进度。")
    assert sorted((d.unit_name or "") for d in r.directives) == ["宁川县卫生健康局", "宁川县教育局"]


def test_too_high_is_a_problem(parse):
    r = parse("关于县委第二轮巡察情况的综合报告", "（一）干部队伍建设方面",
              "一是县林业局编外人员占比过高，关键岗位多由临聘人员担任。")
    assert [(it.unit_name) for it in r.items] == ["宁川县林业局"]


def test_a_question_of_whether_before_a_request_is_no_finding(parse):
    r = parse("在县委巡察工作情况汇报会上的讲话", "同志们：",
              "县林业局生态护林员选聘不公开。",
              "县住建局工程款支付背后有没有利益输送，县纪委监委要查个水落石出。")
    assert [it.unit_name for it in r.items] == ["宁川县林业局"]
    assert [d.unit_name for d in r.directives] == ["宁川县住房和城乡建设局"]
