"""How a sentence asks a body (session 6, dev_c): a commission named before its stationed group, 建议由X…,
由X会同Y…, 以行业主管部门身份, 请你委 — and a regulator only described is not asked. Short texts written for the
test (not the fixtures)."""

from __future__ import annotations

from tests.text.conftest import unit_id


def _bodies(result) -> list[tuple[str, str | None]]:
    return [(d.body, d.unit_name) for d in result.directives]


def test_the_commission_named_before_its_stationed_group(parse, finder):
    r = parse("关于县统计局：一是统计数据审核不严。",
              "建议县纪委监委派驻第三纪检监察组对县统计局加强日常监督。")
    assert _bodies(r) == [("派驻纪检监察组", "宁川县统计局")]


def test_jianyi_you_and_you_huitong(parse):
    r = parse("关于县统计局：一是统计数据审核不严。",
              "建议由县纪委监委对统计造假问题直接查办。",
              "由县委巡察办会同县纪委监委第二监督检查室对县统计局整改情况开展专项督查。")
    assert [d.body for d in r.directives] == ["纪委监委", "巡察机构", "纪委监委"]


def test_a_body_that_only_helps_is_not_asked(parse):
    r = parse("关于县统计局：一是统计数据审核不严。",
              "县委巡察办要会同县纪委监委对县统计局整改情况开展督查。")
    assert [d.body for d in r.directives] == ["巡察机构"]


def test_a_regulator_asked_in_its_capacity_and_one_only_described(parse, finder):
    r = parse("关于县统计局：一是统计数据审核不严。",
              "（三）建议县财政局以行业主管部门身份对全县统计经费开展专项检查。",
              "县教育局作为行业主管部门，对学校收费监管不到位。")
    assert [(d.body, d.body_unit_id) for d in r.directives] == [("行业主管部门", unit_id(finder, "宁川县财政局"))]


def test_ni_wei_in_a_hand_over_letter(parse):
    r = parse("关于县统计局：一是统计数据审核不严。", "以上线索请你委按照有关规定办理。")
    assert [d.body for d in r.directives] == ["纪委监委"]


def test_a_body_told_to_inspect_without_a_modal_verb(parse, finder):
    r = parse("关于县统计局：一是统计数据审核不严。",
              "县委巡察办对县统计局、县审计局开展整改专项督查，下个月报告。",
              "县委巡察办对县统计局开展了整改督查。")
    assert _bodies(r) == [("巡察机构", "宁川县统计局"), ("巡察机构", "宁川县审计局")]


def test_what_a_request_is_about(parse, finder):
    r = parse("一是县统计局统计数据审核不严。",
              "（二）对巡察发现的县审计局有关负责人违规问题线索，建议县纪委监委及时立案审查。",
              "另有县财政局违规发放津贴的问题，请县委组织部对该问题认真核查。",
              "（三）建议县委巡察办和各巡察组加强对整改情况的日常监督。")
    assert _bodies(r) == [("纪委监委", "宁川县审计局"), ("组织部", "宁川县财政局"), ("巡察机构", None)]


def test_a_township_commission_is_not_what_a_request_is_about(parse, finder):
    r = parse("（三）湖岭乡丰桥村：村委会主任涉嫌私自收取承包费。请你委指导湖岭乡纪委开展核查。")
    assert _bodies(r) == [("纪委监委", "宁川县湖岭乡丰桥村")]
