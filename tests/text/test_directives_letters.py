"""Directives opened on dev_f (session 7): a letter's 请… to its addressee, a body copied in (抄送X，请…), a bare
建议移交X。, 建议X会同Y研究…, 发挥行业主管部门作用, and a request about the inspections to come. Short texts
written for the test (not the fixtures)."""

from __future__ import annotations


def _bodies(result) -> list[tuple[str, str | None]]:
    return [(d.body, d.unit_name) for d in result.directives]


def test_a_letter_asks_its_addressee_and_the_body_copied_in(parse):
    r = parse("关于移交巡察发现问题线索的函",
              "县纪委监委：",
              "本轮巡察发现问题线索2件，现移交你委，请依规依纪依法处置，并将结果反馈县委巡察办。",
              "（一）县统计局",
              "某科室负责人收受企业购物卡。",
              "同时抄送县委组织部，请对该局班子运行情况进行研判。",
              "如需调阅底稿，请与县委巡察办联系。")
    assert [d.body for d in r.directives] == ["纪委监委", "组织部"]


def test_a_bare_handover_and_a_helper_named_after_the_body(parse):
    r = parse("关于县统计局：一是统计数据审核不严；二是专项经费违规列支。",
              "处置意见：建议移交县纪委监委。",
              "建议县委组织部会同县统计局研究统计干部交流办法。")
    assert [d.body for d in r.directives] == ["纪委监委", "组织部"]


def test_a_regulator_told_to_play_its_part(parse, finder):
    r = parse("关于县统计局：一是统计数据审核不严。",
              "县财政局要发挥行业主管部门作用，对全县统计专项经费开展清理。")
    assert [d.body for d in r.directives] == ["行业主管部门"]
    assert r.directives[0].body_unit_id is not None


def test_a_request_about_the_inspections_to_come_is_about_no_unit(parse):
    r = parse("关于县统计局：一是统计专项经费违规列支。",
              "建议县委巡察办将统计专项经费使用情况作为今后巡察的必查内容。")
    assert _bodies(r) == [("巡察机构", None)]


def test_a_request_citing_problems_by_their_labels(parse, finder):
    r = parse("巡察组问题底稿摘要",
              "被巡察单位：县统计局",
              "- 底稿01：专项经费违规列支会议餐费。",
              "被巡察单位：县审计局",
              "- 底稿02：外聘中介费用超标准支付。",
              "- 底稿03：公务接待无公函。",
              "处置意见：",
              "- 底稿01、底稿02：建议移交县纪委监委。")
    assert [(d.body, d.unit_name) for d in r.directives] == [
        ("纪委监委", "宁川县统计局"), ("纪委监委", "宁川县审计局")]
    assert r.directives[0].unit_rule == "引用问题编号"


def test_a_request_about_that_township_named_before_the_body(parse):
    r = parse("关于移交巡察发现问题线索的函",
              "（一）湖岭乡",
              "乡财政所负责人涉嫌挪用项目资金。",
              "（二）县统计局",
              "某科室负责人收受企业购物卡。",
              "鉴于湖岭乡问题较为集中，同时抄送县委组织部，请对该乡班子运行情况进行研判。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("组织部", "宁川县湖岭乡")]


def test_regulators_asked_are_not_what_their_request_is_about(parse):
    r = parse("关于医保基金专项巡察的综合情况报告",
              "县医保局对定点医院违规收费监管不力，县人民医院违规收取耗材费用。",
              "县卫健局、县医保局要履行行业主管部门职责，联合开展违规收费专项整治。")
    regulator = [d for d in r.directives if d.body == "行业主管部门"]
    assert regulator and all(d.unit_name != "宁川县医疗保障局" for d in regulator)


def test_a_request_about_every_village_is_about_no_unit(parse):
    r = parse("关于竹湾镇村级巡察情况的通报",
              "丰岗村：集体果园承包费连续两年未收缴。",
              "县农业农村局要发挥行业主管部门作用，对村级集体资产发包开展专项清理。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("行业主管部门", None)]
