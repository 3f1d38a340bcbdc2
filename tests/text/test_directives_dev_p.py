"""Directives opened on dev_p (session 10): what a body is told that hands it nothing about an item — the inspection
groups' own conduct (各巡察组要坚守底线), a reminder of procedure to a letter's receiver (请你委…注意保密), and what
a body did, told from a past month without a modal (今年5月，县委巡察办牵头对…开展…). Sentences written for these
tests."""

from __future__ import annotations

import pytest

SPEECH = "在十五届县委第五轮巡察动员部署会上的讲话"


@pytest.mark.parametrize("conduct", [
    "各巡察组要坚守工作底线，客观公正，不得干预被巡察单位正常工作。",
    "各巡察组要恪守保密规定，维护巡察干部的良好形象。",
])
def test_the_inspection_groups_own_conduct_is_no_directive(parse, conduct):
    r = parse(SPEECH, "同志们：", "上一轮巡察中，县统计局专项经费违规列支会议费。", "县纪委监委要对巡察移交的线索优先处置。",
              conduct)
    assert [d.body for d in r.directives] == ["纪委监委"]


@pytest.mark.parametrize("reminder", [
    "请你委在核查过程中注意保密，保护好反映人信息。",
    "请你委严格保密，相关材料不得外传。",
])
def test_a_reminder_of_procedure_to_the_receiver_is_no_directive(parse, reminder):
    r = parse("关于移交巡察发现问题线索的函", "县纪委监委：",
              "1.县统计局某负责人收受企业购物卡，请依规依纪依法处置。", reminder)
    assert [d for d in r.directives if d.text.startswith(reminder[:6])] == []


@pytest.mark.parametrize(("opening", "asked"), [
    ("今年5月，", False), ("去年10月，", False), ("3月以来，", False), ("下一步，", True),
])
def test_what_a_body_did_from_a_past_month_is_no_directive(parse, opening, asked):
    r = parse("关于十五届县委第二轮巡察整改“回头看”情况的报告",
              opening + "县委巡察办牵头对县统计局、县审计局巡察整改情况开展督查。",
              "一是县统计局专项经费违规列支问题整改不到位。")
    assert bool([d for d in r.directives if d.body == "巡察机构"]) is asked


@pytest.mark.parametrize("school", ["宁川县第一中学", "宁川县职业中专"])
def test_a_regulator_asked_about_that_schools_problem_is_about_the_school(parse, finder, school):
    short = school.replace("宁川", "")
    r = parse(f"县委第二巡察组关于巡察{short}党委的反馈意见", "一、存在的主要问题",
              "1.教辅资料征订违规收费。", "2.食堂账目与财务账不一致。",
              "二、整改要求", "县教育局作为行业主管部门要督促该校规范收费，并在全县学校开展收费自查。")
    regulator = [d for d in r.directives if d.body == "行业主管部门"]
    assert [d.unit_name for d in regulator] == [finder.resolve(school).name]


def test_a_request_after_the_problem_in_its_own_entry_is_about_that_entrys_unit(parse, finder):
    r = parse("关于移交巡察发现问题线索的函", "县纪委监委：",
              "1.县统计局某负责人收受企业购物卡，请依规依纪依法处置。",
              "2.县审计局外聘中介费用超标准支付，请派驻第四纪检监察组配合核查。")
    stationed = [d for d in r.directives if d.body == "派驻纪检监察组"]
    assert [d.unit_name for d in stationed] == [finder.resolve("宁川县审计局").name]
