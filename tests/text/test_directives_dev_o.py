"""Directive forms met in the fifteenth development part (session 10), in sentences written for the test: in a
feedback report a regulator's county-wide check and a stationed group's follow-up are about the inspected unit; a
department asked as 行业主管部门 counts even when it is no unit of the register; a body's own office (…室要…) is the
body asked; a body invited (邀请…授课) is asked nothing; collusion in bidding (串通, 围标) states a problem."""

from __future__ import annotations

import pytest

from loaders.text.clauses import states
from loaders.text.items import Walker
from loaders.text.parse import text_rules
from tests.text.conftest import unit_id

SCHOOL_TITLE = "关于巡察县第一中学党委的反馈意见"
SCHOOL_PROBLEM = "（一）学校食堂承包管理混乱，承包合同到期后长期未重新招标。"


@pytest.mark.parametrize("request_text", [
    "请县教育局履行行业主管部门职责，在全县中小学开展食堂承包管理专项检查。",
    "建议县教育局作为行业主管部门，对全县学校食堂承包情况进行一次清查。",
])
def test_a_regulators_county_wide_check_is_about_the_inspected_unit(parse, finder, request_text):
    r = parse(SCHOOL_TITLE, "一、存在的主要问题", SCHOOL_PROBLEM, "二、意见建议", request_text)
    assert [(d.body, d.unit_id) for d in r.directives] == [("行业主管部门", unit_id(finder, "县第一中学"))]


def test_a_regulators_county_wide_check_in_a_round_report_is_about_none(parse, finder):
    r = parse("关于本轮巡察情况的综合报告", "县第一中学食堂承包管理混乱。县财政局专项资金拨付迟缓。",
              "请县教育局履行行业主管部门职责，在全县中小学开展食堂承包管理专项检查。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("行业主管部门", None)]


def test_a_stationed_groups_follow_up_is_about_the_inspected_unit(parse, finder):
    r = parse(SCHOOL_TITLE, "一、存在的主要问题", SCHOOL_PROBLEM, "二、意见建议",
              "由县纪委监委派驻县教育局纪检监察组对学校整改落实情况开展跟踪监督。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("派驻纪检监察组", unit_id(finder, "县第一中学"))]


def test_a_department_outside_the_register_asked_as_regulator(parse):
    r = parse(SCHOOL_TITLE, "一、存在的主要问题", SCHOOL_PROBLEM, "二、意见建议",
              "建议县教育督导管理部门作为行业主管部门，对学校食堂承包合同开展专项审查。")
    assert [d.body for d in r.directives] == ["行业主管部门"]


def test_a_bodys_own_office_is_the_body_asked(parse):
    r = parse(SCHOOL_TITLE, "一、存在的主要问题", SCHOOL_PROBLEM, "二、意见建议",
              "对移交的问题线索，县纪委监委派驻第五纪检监察组要认真核查；县纪委监委案件审理室要加强督办。")
    assert [d.body for d in r.directives] == ["派驻纪检监察组", "纪委监委"]


@pytest.mark.parametrize("verb", ["邀请", "聘请"])
def test_a_body_invited_to_help_is_asked_nothing(parse, verb):
    r = parse("巡察工作简报", "县财政局专项资金拨付迟缓，台账登记不全。", "本月，县委巡察办组织巡察干部业务培训，"
              f"{verb}县纪委监委业务骨干围绕财务审查方法进行专题授课，参训人员30余人。")
    assert r.directives == []


@pytest.mark.parametrize("clue", ["办公家具采购时与投标公司串通", "养护工程招标中几家公司围标"])
def test_collusion_in_bidding_states_a_problem(finder, clue):
    assert states(Walker(finder, text_rules()), clue)
    assert not states(Walker(finder, text_rules()), "办公家具采购按规定公开招标")
