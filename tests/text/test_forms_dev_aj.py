"""Forms opened on dev_aj (session 15). Sentences written for these tests.

- A run-in category label closed by a comma (领导班子建设方面，A；B。) files what follows as a finding, as one closed
  by 。 or ： does: the clause model does not veto its first entry for the label's words (CATEGORY_LABEL in
  classifier.py).
- 跟踪 (follow up) is something a body is asked to do, as 跟进 is (ASKED_TO in asking.py): 请X跟踪….
- A body joined by 和 to another before 共同 (请县纪委监委和县X局作为行业主管部门共同跟踪…) is asked with it: two
  requests, one to each (JOINTLY in addressing.py).
- A ；-clause opening on the unit the sentence made the 行业主管部门, with its modal (X局要履行行业主管部门职责，督促A…；
  X局要督促B…), asks that body again (regulator_again in addressing.py).
- In a letter to a body, a ；-clause that names the matter and asks by a bare 请 (A村、B村两条线索请合并核查；C公司线索
  请纪委监委…) asks the addressee, though a later clause names its body (addressee_clauses in asking.py; PLEASE takes
  …线索请 as it took 第N项线索请).
- A body opening a ；-clause after one that asked with a modal, told to act on a matter without its own (X局作为行业
  主管部门，要组织检查；县纪委监委对…问题依规处置), is asked: the modal carries over the list (ACTS_ON in
  addressing.py).
- Staffing beyond the posts allowed (超职数配备, 超编) is a problem word (problem_cues in text_rules.json), as 超标准
  and 超范围 are.
- A speaker's plain verdict with 很/较 (落实很差, 管理很乱) states a problem, as one with 太/有点 did (太松, 有点乱:
  problem_patterns in text_rules.json); 差 joins 松/软/宽/散/乱.
- A deed judged 影响恶劣 / 性质恶劣 / 造成恶劣影响 is a finding (problem_patterns), and so a request after it in
  the speech is about its unit.
"""

from __future__ import annotations


def test_a_category_label_closed_by_a_comma_keeps_its_first_entry(parse):
    r = parse("县委第二巡察组关于巡察兴安镇党委的反馈意见", "一、发现的问题",
              "领导班子和干部队伍建设方面，镇党委班子分工调整未履行程序；驻村干部考勤管理流于形式。")
    assert [it.text.endswith(("未履行程序", "流于形式。")) for it in r.items] == [True, True]


FEEDBACK = ("县委第二巡察组关于巡察兴安镇党委的反馈意见", "一、发现的问题",
            "落实全面从严治党方面，一是惠农补贴发放存在截留；二是镇属门面出租收入未纳入预算。", "二、意见")


def test_a_body_asked_to_follow_up_is_asked(parse):
    r = parse(*FEEDBACK, "请县纪委监委跟踪惠农补贴截留问题的处置。")
    assert [d.body for d in r.directives] == ["纪委监委"]


def test_two_bodies_asked_jointly_are_each_asked(parse):
    r = parse(*FEEDBACK, "请县纪委监委和县农业农村局作为行业主管部门共同跟踪惠农补贴问题。")
    assert sorted(d.body for d in r.directives) == ["纪委监委", "行业主管部门"]


def test_a_regulator_named_again_in_a_later_clause_is_asked_again(parse):
    r = parse(*FEEDBACK, "县卫健局要履行行业主管部门职责，督促镇卫生院规范收费；县卫健局要督促各村卫生室开展自查。")
    assert [d.body for d in r.directives] == ["行业主管部门", "行业主管部门"]


def test_a_bare_request_in_a_letter_asks_its_addressee_beside_a_named_body(parse):
    r = parse("县委巡察办关于移交问题线索的函", "县纪委监委：", "现将巡察中发现的问题线索移交你委。",
              "一、宁岗村集体资金被挪用。", "二、县城投公司工程款结算不规范。",
              "宁岗村资金线索请优先核查；县城投公司结算线索请纪委监委一并审查调查。")
    assert [(d.body, d.unit_name) for d in r.directives] == [
        ("纪委监委", "宁川县城市建设投资有限公司"), ("纪委监委", "宁川县石阳乡宁岗村")]


def test_a_body_in_a_list_of_requests_is_asked_without_its_own_modal(parse):
    r = parse(*FEEDBACK, "镇党委要制定整改方案。县农业农村局作为行业主管部门，要组织专项检查；"
                         "县纪委监委对惠农补贴截留问题依规处置。")
    assert sorted(d.body for d in r.directives) == ["纪委监委", "行业主管部门"]


def test_staffing_beyond_the_posts_allowed_is_a_finding(parse):
    r = parse("关于第五轮巡察情况的综合报告", "一、发现的主要问题", "（一）领导班子和干部队伍建设方面",
              "县林业局、县统计局均存在中层干部超职数配备。")
    assert sorted(it.unit_name for it in r.items) == ["宁川县林业局", "宁川县统计局"]


def test_a_plain_verdict_in_a_speech_is_a_finding(parse):
    r = parse("在第八轮巡察整改推进会上的讲话", "同志们：", "县林业局、县统计局，整改台账做得很细，落实很差。")
    assert sorted(it.unit_name for it in r.items) == ["宁川县林业局", "宁川县统计局"]


def test_a_deed_judged_grave_is_a_finding(parse):
    r = parse("在第六轮巡察情况汇报会上的讲话", "同志们：",
              "再说宁岗村。村干部亲属冒名领补贴，影响恶劣。县纪委监委要查清楚。")
    assert [it.unit_name for it in r.items] == ["宁川县石阳乡宁岗村"]
    assert [(d.body, d.unit_name) for d in r.directives] == [("纪委监委", "宁川县石阳乡宁岗村")]
