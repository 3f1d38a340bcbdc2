"""Forms met in the eleventh development part, in general form: a register typed as dash-joined fields under a line
naming them (单位—问题—处理方式), each row's hand-off asking its body about the row's unit (移送, 请…研处, 由…跟进,
抄告…作为行业主管部门); a requirement whose topic is a problem (针对X的问题，要…) stating that problem; a request
counting as many units as the document found problems at (对6个单位…) about none of them in particular; and a
numbered ；-entry ending the request of the body before it. Short texts written for the test (not the fixtures)."""

from __future__ import annotations

import pytest

from loaders.text.dash_rows import register_fields
from tests.text.conftest import unit_id

LETTER = "县委巡察办关于巡察发现问题移交情况的函"


@pytest.mark.parametrize(("handoff", "body"), [
    ("移送县纪委监委处置", "纪委监委"),
    ("请县委组织部研处", "组织部"),
    ("由驻县教育局纪检监察组跟进", "派驻纪检监察组"),
    ("抄告县财政局作为行业主管部门督促整改", "行业主管部门"),
])
def test_a_dash_register_row_asks_its_body_about_its_unit(parse, finder, handoff, body):
    r = parse(LETTER, "移交清单（单位—问题—处理方式）", "1. 县水利局—河道采砂监管缺位—" + handoff,
              "2. 县审计局—公车使用登记缺失—移送县纪委监委处置")
    first = [d for d in r.directives if d.paragraph == 3]
    assert [(d.body, d.unit_id) for d in first] == [(body, unit_id(finder, "宁川县水利局"))]
    assert [it.text for it in r.items if it.paragraph == 3] == ["河道采砂监管缺位"]
    assert r.items[0].unit_id == unit_id(finder, "宁川县水利局")


@pytest.mark.parametrize("lines", [
    ["县水利局—河道采砂监管缺位—移送县纪委监委处置"],  # no line naming the fields
    ["移交清单（单位—问题—处理方式）", "县水利局—河道采砂监管缺位—移送处置"],  # one row only
    ["移交清单（单位—问题—处理方式）", "县水利局——河道采砂监管缺位", "县审计局——公车登记缺失"],  # a dash of speech
])
def test_lines_that_are_no_dash_register(lines):
    assert register_fields(lines) == {}


def test_a_requirement_topic_states_its_problem(parse, finder):
    r = parse("县委第一巡察组关于巡察县水利局党组的反馈意见", "整改要求",
              "针对河道采砂监管缺位、全年仅巡查2次的问题，要建立巡查制度，落实到人。",
              "针对公务用车登记不规范的问题，局党组要逐车核查。")
    assert [it.text for it in r.items] == ["河道采砂监管缺位、全年仅巡查2次", "公务用车登记不规范"]
    assert {it.unit_id for it in r.items} == {unit_id(finder, "宁川县水利局")}


def test_a_requirement_topic_repeating_a_finding_is_not_taken_twice(parse):
    r = parse("县委第一巡察组关于巡察县水利局党组的反馈意见", "一、存在的问题", "河道采砂监管缺位，全年仅巡查2次。",
              "二、整改要求", "针对河道采砂监管缺位的问题，要建立巡查制度。")
    assert len(r.items) == 1


def test_a_request_counting_every_unit_found_is_about_none(parse):
    r = parse("关于第八轮巡察情况的综合报告", "县水利局：河道采砂监管缺位。", "县审计局：公车使用登记缺失。",
              "县林业局：护林员补贴发放滞后。", "县委巡察办要在半年后组织对3个单位开展整改评估。")
    asked = [d for d in r.directives if d.body == "巡察机构"]
    assert len(asked) == 1 and asked[0].unit_id is None


def test_a_numbered_entry_ends_the_request_before_it(parse):
    r = parse("关于第八轮巡察情况的综合报告", "县水利局：河道采砂监管缺位。",
              "几点建议：一是巡察机构要把发现的问题纳入下一轮巡察重点；二是县水利局要在10月底前完成整改。")
    asked = [d for d in r.directives if d.body == "巡察机构"]
    assert len(asked) == 1 and asked[0].unit_id is None and "县水利局" not in asked[0].request
