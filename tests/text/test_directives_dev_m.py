"""Directive forms met in the thirteenth development part (session 9), in sentences written for the test: a request
over every unit of a kind (对各公立医院…, 对各村…) or about a kind of conduct (对…的，建议…问责) is about no unit in
particular; the body another helps (请乡纪委配合县纪委监委开展核查) is asked, and about what its topic names."""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id

TITLE = "关于巡察整改情况的通报"
PROBLEMS = ("县审计局审计整改台账与实际不符。", "县林业局护林员补助发放不规范。")


@pytest.mark.parametrize(("request_text", "body"), [
    ("县自然资源局作为行业主管部门，要对各林场护林员补助发放情况开展自查。", "行业主管部门"),
    ("县自然资源局要履行行业主管部门职责，对各林场护林员补助发放开展检查。", "行业主管部门"),
    ("对护林员补助发放不规范的，建议县纪委监委严肃问责。", "纪委监委"),
    ("凡整改台账弄虚作假的，县纪委监委要严肃追责。", "纪委监委"),
])
def test_a_request_over_a_kind_is_about_no_unit(parse, request_text, body):
    r = parse(TITLE, *PROBLEMS, request_text)
    assert [(d.body, d.unit_id) for d in r.directives] == [(body, None)]


@pytest.mark.parametrize("asked", ["请镇纪委配合县纪委监委开展核查。", "建议乡纪委配合县纪委监委依规处置。"])
def test_the_body_helped_is_asked(parse, finder, asked):
    r = parse(TITLE, *PROBLEMS, "对县林业局护林员补助问题，" + asked)
    assert [(d.body, d.unit_id) for d in r.directives] == [("纪委监委", unit_id(finder, "宁川县林业局"))]


@pytest.mark.parametrize("asked", ["建议指导湖岭乡纪委做好初步核实。", "请督促湖岭乡纪委按期反馈核查结果。"])
def test_a_letter_asks_its_addressee_without_naming_it(parse, asked):
    r = parse("县委巡察办关于移交问题线索的函", "县纪委监委：", "1.县林业局护林员补助发放不规范。",
              "以上线索移交你委。其中涉及村干部的线索，" + asked)
    assert "纪委监委" in [d.body for d in r.directives if asked[:4] in d.text]
