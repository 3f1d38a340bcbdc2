"""Requests met in the ninth development part, in general form: a body named at a clause's start after 由 or 移交
with what it is to do (…，由X督促… / …线索，移交X依规处置 / 并由X跟踪督办), a body right after 建议：, a body
asked to 提供 or to take 指定管辖, and a regulator asked by 请 in the middle of its clause (…问题请X局作为行业主管部门
协助…) — while 由X查处的案件 tells what was done. Short texts written for the test (not the fixtures)."""

from __future__ import annotations

import pytest

TITLE = "县委第三巡察组关于对宁川县湖岭乡党委巡察情况的反馈意见"


@pytest.mark.parametrize(("sentence", "body"), [
    ("对丰桥村账目问题，由县纪委监委派驻第二纪检监察组督促乡纪委核实。", "派驻纪检监察组"),
    ("涉嫌违纪的问题线索，移交县纪委监委依规依纪处置。", "纪委监委"),
    ("乡党委要抓好整改，并由派驻第二纪检监察组跟踪督办。", "派驻纪检监察组"),
    ("巡察组建议：县委组织部会同有关部门对乡机关借调人员开展清理。", "组织部"),
    ("对临丰村的问题线索，建议由县纪委监委指定管辖。", "纪委监委"),
    ("请县委组织部在进驻前提供班子成员的有关情况。", "组织部"),
])
def test_a_body_asked_at_its_clause_start(parse, sentence, body):
    r = parse(TITLE, "一、存在的问题", "乡机关差旅费报销审核不严。", "二、意见建议", sentence)
    assert body in {d.body for d in r.directives}


def test_what_a_body_did_is_no_request(parse):
    r = parse(TITLE, "一、存在的问题", "乡机关差旅费报销审核不严，此前由县纪委监委查处的案件仍未通报。")
    assert not r.directives


def test_a_regulator_asked_by_qing_inside_its_clause(parse, finder):
    r = parse(TITLE, "一、存在的问题", "乡里耕地违建问题处置迟缓。", "二、意见建议",
              "三、违建问题请县自然资源局作为行业主管部门协助依法处置。")
    assert [d.body for d in r.directives] == ["行业主管部门"]


def test_a_request_about_a_class_of_units_is_about_no_one_unit(parse):
    r = parse(TITLE, "一、存在的问题", "乡机关差旅费报销审核不严。", "二、意见建议",
              "对整改不力单位的主要负责人，由县委组织部会同县委巡察办进行约谈。")
    asked = [d for d in r.directives if d.body == "组织部"]
    assert asked and asked[0].unit_id is None


def test_a_spoken_topic_names_the_unit_a_request_is_about(parse, finder):
    from tests.text.conftest import unit_id

    r = parse("在巡察工作动员会上的讲话", "第三点，要用好成果。县水利局项目款的事，纪委监委要一查到底。")
    asked = [d for d in r.directives if d.body == "纪委监委"]
    assert asked and asked[0].unit_id == unit_id(finder, "宁川县水利局")


@pytest.mark.parametrize("sentence", [
    "对临丰村的问题，由乡纪委调查处理，县纪委监委派驻第二纪检监察组跟踪督办。",
    "对丰桥村的问题，建议县纪委监委派驻第二纪检监察组提前介入。",
])
def test_a_stationed_group_named_under_its_commission(parse, sentence):
    r = parse(TITLE, "一、存在的问题", "乡机关差旅费报销审核不严。", "二、意见建议", sentence)
    assert "派驻纪检监察组" in {d.body for d in r.directives}


def test_a_regulator_asked_as_qi_is_the_unit_named_before(parse, finder):
    from tests.text.conftest import unit_id

    r = parse(TITLE, "一、存在的问题", "乡里耕地违建问题处置迟缓。", "二、意见建议",
              "违建问题转县自然资源局，请其作为行业主管部门督促依法处置。")
    asked = [d for d in r.directives if d.body == "行业主管部门"]
    assert asked and asked[0].body_unit_id == unit_id(finder, "宁川县自然资源局")


def test_a_request_by_qi_is_about_the_problem_handed_over_in_its_own_clause(parse, finder):
    from tests.text.conftest import unit_id

    r = parse(TITLE, "一、存在的问题", "乡机关差旅费报销审核不严。", "二、意见建议",
              "请县纪委监委对县教育局食堂问题加强督促；县水利局工程款问题转县财政局，请其作为行业主管部门督促整改。")
    asked = [d for d in r.directives if d.body == "行业主管部门"]
    assert asked and asked[0].unit_id == unit_id(finder, "宁川县水利局")
