"""Forms opened on dev_s (session 11). Sentences written for these tests.

- What a body did, told after the warrant it acted on and a past month (按照县委部署，9月，县委巡察办组织…对X开展…)
  asks it nothing.
- The inspectors asked only to look deeper into what they heard (巡察组要深入了解) are given no task.
- 请X会同Y…, two different bodies: both are asked (as with 由X会同Y); a unit joined (会同县审计局) is not.
- In a letter to one body, 以上线索请于…将办理情况反馈… asks the addressee, about no unit in particular.
- A field of work (对X领域的问题线索…) named by a problem of the request's own paragraph is that problem's unit's.
- A post held or money drawn by a cadre's relatives (由村干部亲属担任) and collusion (勾连) state problems.
- A unit that reported the problem (被市X局检查通报) is not the one at fault.
- A short first sentence telling an act that skipped a step (A未经表决。B长期不在岗。) is a finding, not a title summing
  up what follows; a short judging title with its one sentence (一是整改避重就轻。X…, 县X局整改滞后。X…) is one; a
  category lead-in with two findings (巡察整改方面。A流于形式。B未经核实即销号。) is two.
- 该集团 names the latest unit of that kind, not a withheld unit just before.
- The title tells a report's kind first: a 通报 whose opening mentions 反馈意见 is a report; a 反馈问题清单 is feedback.
"""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id

SPEECH = "在全县巡察工作推进会上的讲话"
REPORT = "县委第二轮巡察情况综合报告"


@pytest.mark.parametrize(("line", "asked"), [
    ("按照县委部署，2025年9月，县委巡察办组织两个巡察组对县统计局开展整改督查。", False),
    ("根据县委安排，10月，县委巡察办对县审计局开展整改评估。", False),
    ("县委巡察办要对县统计局开展整改督查。", True),
])
def test_a_past_deed_after_its_warrant_asks_nothing(parse, line, asked):
    r = parse(REPORT, "一、主要问题", "一是县统计局档案管理混乱。", "二、下一步工作", line)
    assert bool([d for d in r.directives if d.body == "巡察机构"]) is asked


@pytest.mark.parametrize(("line", "asked"), [
    ("县统计局数据报送不规范的问题群众有反映，巡察组要深入了解。", False),
    ("县统计局数据报送不规范的问题群众有反映，巡察组要深入了解并形成专题报告。", True),
])
def test_inspectors_asked_to_look_deeper_are_given_no_task(parse, line, asked):
    r = parse(SPEECH, "同志们：", line)
    assert bool([d for d in r.directives if d.body == "巡察机构"]) is asked


@pytest.mark.parametrize(("line", "bodies"), [
    ("请县委巡察办会同县纪委监委党风政风监督室对整改情况开展督查。", ["巡察机构", "纪委监委"]),
    ("建议县委组织部会同县纪委监委对班子运行情况开展专题调研。", ["组织部", "纪委监委"]),
    ("请县委巡察办会同县审计局对整改情况开展督查。", ["巡察机构"]),
])
def test_two_bodies_asked_jointly_are_both_asked(parse, line, bodies):
    r = parse("县审计局党组巡察反馈意见", "一、主要问题", "（一）档案管理混乱，借阅无登记。", line)
    assert sorted(d.body for d in r.directives) == sorted(bodies)


def test_a_letters_closing_request_to_report_back_asks_its_addressee(parse):
    r = parse("县委巡察办关于移交问题线索的函", "县纪委监委：", "现将有关问题线索函告如下：",
              "1.县统计局某干部虚报差旅费。请县纪委监委依规核查。", "以上线索请于两个月内将办理情况反馈县委巡察办。")
    closing = [d for d in r.directives if d.paragraph == 5]
    assert [(d.body, d.unit_id) for d in closing] == [("纪委监委", None)]


@pytest.mark.parametrize(("line", "unit"), [
    ("第一，关于县统计局。统计数据造假问题屡查屡犯。纪委监委要对统计领域的问题线索一查到底。", "县统计局"),
    ("第一，关于县统计局。档案管理混乱。纪委监委要对金融领域的问题线索一查到底。", None),
])
def test_a_field_named_by_its_paragraphs_problem_is_that_units(parse, finder, line, unit):
    r = parse("在听取巡察情况汇报会上的讲话", "同志们：", line)
    [d] = [d for d in r.directives if d.body == "纪委监委"]
    assert d.unit_id == (unit_id(finder, unit) if unit else None)


@pytest.mark.parametrize("line", [
    "河口村村务监督委员会成员由村干部亲属担任。",
    "县统计局财务人员与供应商相互勾连。",
])
def test_relatives_in_post_and_collusion_are_problems(parse, line):
    r = parse(REPORT, "一、主要问题", line)
    assert len(r.items) == 1


def test_the_unit_that_reported_a_problem_is_not_at_fault(parse, finder):
    r = parse("县委第一巡察组关于巡察县统计局党组的反馈意见", "一、主要问题",
              "1.违规向企业收取咨询费，被市审计局检查通报。")
    assert [it.unit_id for it in r.items] == [unit_id(finder, "县统计局")]


@pytest.mark.parametrize(("lines", "n"), [
    (("一、石阳乡", "河口村", "村级工程结算未经审计。村党支部书记长期不在岗。"), 2),
    (("一、主要问题", "一是整改避重就轻。县统计局只整改了制度类问题，数据核查没有推进。"), 1),
    (("一、石阳乡", "河口村", "村务管理混乱。村党支部书记长期不在岗，村委会主任兼任报账员。"), 1),
    (("一、主要问题", "1.巡察整改方面。县统计局对审计问题整改流于形式。整改台账中3项问题未经核实即销号。"), 2),
])
def test_a_short_first_finding_is_a_summary_only_as_an_entrys_title(parse, lines, n):
    r = parse(REPORT, *lines)
    assert len(r.items) == n


def test_the_group_named_is_the_latest_group_not_the_withheld_unit_before(parse, finder):
    r = parse(REPORT, "一、主要问题", "1.县水务集团管网工程违法转包。", "2.*局对施工安全检查流于形式。",
              "3.该集团对供水设施运维管理不到位。")
    assert [it.unit_id for it in r.items if it.paragraph == 5] == [unit_id(finder, "县水务集团")]


@pytest.mark.parametrize(("title", "opening", "kind"), [
    ("关于第三轮巡察整改情况的通报", "多数单位能够认真对待反馈意见，但县统计局整改不到位。", "comprehensive"),
    ("宁川县统计局党组巡察反馈问题清单", "现将问题清单印发你局，请对照整改。", "feedback"),
])
def test_the_title_tells_the_kind_first(parse, title, opening, kind):
    r = parse(title, opening, "1.县统计局档案管理混乱，借阅无登记。")
    assert r.doc_kind == kind
