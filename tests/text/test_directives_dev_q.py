"""Requests opened on dev_q (session 10): the inspection office asked to keep rectification in hand in general
(建立整改月报制度，定期通报整改进度 / 对未完成事项实行清单化管理) is asked about no unit, although a problem before
reports slow progress (整改进度缓慢) or sits under a heading of unfinished items — those words are stock
(``link_stock_words``), no sign of a topic; a body asked by 请/建议 with the departments named before it (请X局、Y局等
行业主管部门…) or asked to attend to a matter (予以关注) is asked; several regulators asked together with no unit named
are asked about their sectors, no unit; the inspectors' way of working told alone (各巡察组要深入基层，多听群众意见) asks
them nothing. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

SPEECH = "在全县巡察整改工作调度会上的讲话"
REPORT = "县委第二轮巡察整改情况的报告"


@pytest.mark.parametrize("request_text", [
    "县委巡察办要建立整改进度周报制度，按时通报。",
    "县委巡察办要每月汇总整改进度，通报排名。",
])
def test_a_general_request_on_progress_is_about_no_unit(parse, request_text):
    r = parse(SPEECH, "同志们：", "一是县统计局对档案管理问题整改进度迟缓。", "二是县审计局对整改台账更新不及时。",
              "下一步，" + request_text)
    d = [x for x in r.directives if x.body == "巡察机构"]
    assert len(d) == 1 and d[0].unit_id is None


@pytest.mark.parametrize("request_text", [
    "建议县委巡察办对未完成事项逐项跟踪，按月调度。",
    "建议县委巡察办把未完成事项列出清单，定期督办。",
])
def test_a_request_on_unfinished_items_is_about_no_unit(parse, request_text):
    r = parse(REPORT, "二、仍未完成的事项", "1.县统计局档案管理混乱，多年未整理。", "2.县审计局整改台账更新不及时。",
              "三、下一步建议", request_text)
    d = [x for x in r.directives if x.body == "巡察机构"]
    assert len(d) == 1 and d[0].unit_id is None


@pytest.mark.parametrize(("request_text", "body"), [
    ("请县财政局、县审计局等行业主管部门加强对补助资金的监管。", "行业主管部门"),
    ("请县财政局等行业主管部门督促补助资金规范发放。", "行业主管部门"),
    ("对县统计局班子建设问题，请县委组织部予以关注。", "组织部"),
    ("县统计局干部选任问题，请县委组织部予以重视。", "组织部"),
])
def test_a_body_asked_by_please_with_its_departments_or_to_attend_is_a_directive(parse, request_text, body):
    r = parse(REPORT, "一、主要问题", "1.县统计局专项经费违规列支会议费，补助资金发放不规范。", "二、意见建议", request_text)
    assert [d.body for d in r.directives] == [body]


@pytest.mark.parametrize("request_text", [
    "请县财政局、县审计局等行业主管部门加强对专项经费的监管。",
    "县财政局、县审计局等行业主管部门要加强专项经费使用管理。",
])
def test_several_regulators_asked_together_are_asked_about_no_unit(parse, request_text):
    r = parse(REPORT, "一、主要问题", "1.县统计局专项经费违规列支会议费。", "二、意见建议", request_text)
    d = [x for x in r.directives if x.body == "行业主管部门"]
    assert len(d) == 1 and d[0].unit_id is None


@pytest.mark.parametrize(("line", "asked"), [
    ("各巡察组要深入基层，多听群众意见。", False),
    ("各巡察组要深入一线，多到田间地头。", False),
    ("各巡察组要深入基层，对县统计局专项经费使用情况开展延伸检查。", True),
])
def test_the_inspectors_way_of_working_told_alone_is_no_directive(parse, line, asked):
    r = parse(SPEECH, "同志们：", "上一轮巡察中，县统计局专项经费违规列支会议费。",
              "县纪委监委要对巡察移交的线索优先处置。", line)
    assert bool([d for d in r.directives if d.body == "巡察机构"]) is asked
