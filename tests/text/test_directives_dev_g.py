"""Requests worded the ways met in dev_g, made general (session 7): a receiver asked later in its sentence (移交X…，
请依法处理), a body told what to do with an adverb and no modal (抓紧对…进行督导) or a time word before its modal
(下一步要), each ；-clause after 建议： opened by a body, 依照行业主管部门职责, 追究… — and a body a hand-off only
reports is still not asked. Short texts written for the test (not the fixtures)."""

from __future__ import annotations

from tests.text.conftest import unit_id

ABOUT = "关于县统计局：一是统计执法检查走过场，二是违规发放加班补贴。"


def _bodies(result) -> list[str]:
    return [d.body for d in result.directives]


def test_a_receiver_asked_later_in_its_sentence(parse, finder):
    r = parse(ABOUT, "移交县纪委监委审查的县统计局违规发放加班补贴问题，请依规依纪处理。")
    assert _bodies(r) == ["纪委监委"] and r.directives[0].unit_id == unit_id(finder, "宁川县统计局")


def test_a_receiver_is_not_asked_when_the_please_names_another(parse):
    r = parse(ABOUT, "该问题线索已移交县纪委监委，请县委组织部对相关干部进行函询。")
    assert _bodies(r) == ["组织部"]


def test_an_adverb_without_a_modal_and_a_time_word_before_the_modal(parse, finder):
    r = parse(ABOUT, "组织部抓紧对县统计局领导班子运行情况进行督导。巡察办下一步要把专项巡察扩展到全县各单位。")
    assert _bodies(r) == ["组织部", "巡察机构"]
    assert r.directives[0].unit_id == unit_id(finder, "宁川县统计局") and r.directives[1].unit_id is None


def test_each_semicolon_clause_after_jianyi_opened_by_a_body(parse):
    r = parse(ABOUT, "建议：由县纪委监委牵头对问题线索分类处置；县委组织部将选人用人问题纳入干部日常监督；"
                     "县委巡察办会同各巡察组开展整改督查。")
    assert _bodies(r) == ["纪委监委", "组织部", "巡察机构"]


def test_a_regulator_by_its_duty_and_a_commission_asked_to_pursue(parse, finder):
    r = parse(ABOUT, "县财政局应当依照行业主管部门职责，对统计系统经费使用开展检查。",
              "对违规发放加班补贴问题，建议县纪委监委追究相关责任人责任。")
    assert _bodies(r) == ["行业主管部门", "纪委监委"]
    assert r.directives[0].body_unit_id == unit_id(finder, "宁川县财政局")


def test_a_request_citing_a_code_that_opens_a_paragraph(parse, finder):
    r = parse("关于移交问题线索的函", "县纪委监委：",
              "编号TJ-01，县统计局：统计执法人员收受企业礼品。",
              "编号TJ-02，县审计局：审计报告未按程序复核。",
              "请县纪委监委依规处置。编号TJ-02线索建议由派驻第三纪检监察组办理。")
    stationed = [d for d in r.directives if d.body == "派驻纪检监察组"]
    assert len(stationed) == 1 and stationed[0].unit_id == unit_id(finder, "宁川县审计局")


def test_more_ways_of_asking(parse, finder):
    r = parse(ABOUT, "县纪委监委应对违规发放加班补贴问题跟踪督办。",
              "希望县委组织部对统计局领导班子开展专题研判。",
              "县委巡察办务必跟踪督促统计局整改。",
              "违规发放加班补贴问题交由派驻第三纪检监察组核查。")
    assert _bodies(r) == ["纪委监委", "组织部", "巡察机构", "派驻纪检监察组"]
    assert {d.unit_id for d in r.directives} == {unit_id(finder, "宁川县统计局")}


def test_reports_of_what_a_body_did_ask_nothing(parse):
    r = parse(ABOUT, "巡察组已将违规发放加班补贴问题移交县纪委监委。县纪委监委已对相关人员立案调查。")
    assert r.directives == []
