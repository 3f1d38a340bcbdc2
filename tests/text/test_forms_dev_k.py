"""Forms met in the eleventh development part, in general form: a register typed as dash-joined fields under a line
naming them (单位—问题—处理方式), each row's hand-off asking its body about the row's unit (移送, 请…研处, 由…跟进,
抄告…作为行业主管部门); a requirement whose topic is a problem (针对X的问题，要…) stating that problem; a request
counting as many units as the document found problems at (对6个单位…) about none of them in particular; and a
numbered ；-entry ending the request of the body before it. Short texts written for the test (not the fixtures)."""

from __future__ import annotations

import pytest

from loaders.text.dash_rows import register_fields
from loaders.text.parse import TextParseError
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
              "县林业局：护林员补贴发放滞后。", "县委巡察办要对3个单位的整改情况组织验收。")
    asked = [d for d in r.directives if d.body == "巡察机构"]
    assert len(asked) == 1 and asked[0].unit_id is None


def test_a_numbered_entry_ends_the_request_before_it(parse):
    r = parse("关于第八轮巡察情况的综合报告", "县水利局：河道采砂监管缺位。",
              "几点建议：一是巡察机构要把发现的问题纳入下一轮巡察重点；二是县水利局要限期拿出整改方案。")
    asked = [d for d in r.directives if d.body == "巡察机构"]
    assert len(asked) == 1 and asked[0].unit_id is None and "县水利局" not in asked[0].request


@pytest.mark.parametrize("sentence", [
    "村级会计委托代理后原始凭证丢失，涉及金额2万元。",
    "集体林地承包合同期限超过法定上限。",
    "社区公益金支取无居民代表签字。",
    "执法人员处罚裁量随意，同类案件罚款差距大。",
    "村级工程先施工后议事，程序倒置。",
    "项目库中无效项目占比偏高。",
    "镇村干部年度考核轮流坐庄。",
])
def test_office_wording_of_a_deviation_states_a_problem(parse, sentence):
    r = parse("县委第一巡察组关于巡察湖岭乡党委的反馈意见", "一、存在的问题", "湖岭乡" + sentence)
    assert len(r.items) == 1


def test_units_counted_then_named_share_a_stated_problem(parse, finder):
    r = parse("关于对湖岭乡所辖村开展提级巡察情况的报告", "2个村的村务公开栏长期未更新，分别是临丰村和丰桥村。")
    assert sorted(it.unit_id for it in r.items) == sorted(unit_id(finder, n) for n in ("临丰村", "丰桥村"))


def test_units_counted_then_named_for_praise_are_no_problem(parse):
    """The shape alone (N个村…，分别是…) is no problem: an independent review found praise taken as four items."""
    with pytest.raises(TextParseError, match="没有识别出问题条目"):
        parse("关于对湖岭乡所辖村开展提级巡察情况的报告", "一、总体情况",
              "湖岭乡2个村被评为省级乡村振兴示范村，分别是临丰村和丰桥村。")


def test_a_form_request_field_is_about_the_matter_above_it(parse, finder):
    r = parse("巡察整改督办单", "督办单第1号", "责任单位：县水利局", "督办事项：河道采砂监管缺位，全年仅巡查2次。",
              "整改时限：2025年10月31日前", "督办要求：由县纪委监委派驻第二纪检监察组督促整改，按月通报进度。")
    asked = [d for d in r.directives if d.body == "派驻纪检监察组"]
    assert [d.unit_id for d in asked] == [unit_id(finder, "宁川县水利局")]


def test_a_plain_suggestion_line_is_no_form_field(parse):
    r = parse("关于第八轮巡察情况的综合报告", "督办事项：县水利局河道采砂监管缺位。",
              "建议：由县纪委监委牵头，对移交的线索逐件研判处置。")
    assert [d.unit_id for d in r.directives if d.body == "纪委监委"] == [None]


def test_a_regulator_asked_about_two_counted_townships(parse, finder):
    r = parse("在听取第六轮巡察情况汇报时的讲话", "湖岭乡河道非法采砂整治不力。", "兴安镇河道非法采砂整治不力。",
              "县水利局作为行业主管部门，要会同两个镇把河道非法采砂的整治抓实。")
    asked = {d.unit_id for d in r.directives if d.body == "行业主管部门"}
    assert asked == {unit_id(finder, "宁川县湖岭乡"), unit_id(finder, "宁川县兴安镇")}


@pytest.mark.parametrize("sentence", ["各巡察组要做到情况摸得准、问题定得实。",
                                      "巡察组要严格遵守保密纪律。"])
def test_the_inspectors_own_conduct_is_no_hand_off(parse, sentence):
    r = parse("在第九轮巡察动员部署会上的讲话", "县水利局河道采砂监管缺位的问题群众多次反映。", sentence)
    assert not [d for d in r.directives if d.body == "巡察机构"]


def test_a_headline_request_spelled_out_next_is_one_directive(parse):
    r = parse("在第六轮巡察整改推进会上的讲话", "县水利局河道采砂监管缺位。",
              "第四点，巡察办要抓督查。县委巡察办要对整改台账逐项对账销号。")
    asked = [d for d in r.directives if d.body == "巡察机构"]
    assert len(asked) == 1 and "对账销号" in asked[0].request


def test_a_spoken_matter_names_what_a_request_is_about(parse, finder):
    r = parse("在第六轮巡察反馈会上的讲话", "县人社局职业技能培训补贴审核把关不严，有3家机构虚报人数。",
              "职业培训补贴的事，也请市人社局作为行业主管部门把全县的培训机构再梳理一遍。")
    asked = [d for d in r.directives if d.body == "行业主管部门"]
    assert [d.unit_id for d in asked] == [unit_id(finder, "宁川县人力资源和社会保障局")]


def test_a_body_asked_to_find_out_why(parse):
    r = parse("关于专项巡察情况的报告", "县水利局：河道采砂监管缺位。", "涉及采砂监管的问题，建议县纪委监委查明原因。")
    assert [d.body for d in r.directives] == ["纪委监委"]



@pytest.mark.parametrize("opening", ["", "同时，巡察还发现", "此外，我们还发现"])
def test_the_townships_own_body_under_a_village_is_at_fault(parse, finder, opening):
    r = parse("县委第一巡察组关于对湖岭乡临丰村党支部提级巡察的反馈意见", "一、存在的问题",
              f"{opening}乡党委对临丰村集体资金使用监督不到位，大额支出未经集体研究。")
    assert [it.unit_id for it in r.items] == [unit_id(finder, "宁川县湖岭乡")]


@pytest.mark.parametrize(("line", "expected"), [
    ("（一）内部审核把关不严，部分报销单据缺少经办人签字。", "宁川县医疗保障局"),  # no unit named: the first object's
    ("（一）县人民医院存在分解住院问题。", "宁川县人民医院"),  # a unit named keeps it
    ("（一）XX村卫生室违规冒用参保人员身份刷卡。", None),  # a redacted one stays unresolved
])
def test_a_special_inspection_puts_unnamed_problems_at_its_first_object(parse, finder, line, expected):
    r = parse("关于医保基金专项巡察情况的报告",
              "县委巡察办组织开展了医保基金专项巡察，对象为县医疗保障局、县人民医院。", "一、发现的问题", line)
    assert [it.unit_id for it in r.items] == [unit_id(finder, expected) if expected else None]


@pytest.mark.parametrize(("sentence", "count"), [
    ("县水利局河道采砂监管不规范的问题上轮已经指出，但巡察办后来抽查发现砂石堆场审批手续缺失。", 2),  # a new finding
    ("县水利局报称河道采砂问题已整改到位，但实地查看发现砂石堆场仍未清理。", 1),  # the check of one claim
    ("县水利局河道采砂监管不规范，但未发现违规开采。", 1),  # a finding of none adds nothing
])
def test_a_new_finding_after_dan_faxian(parse, sentence, count):
    r = parse("在第九轮巡察动员部署会上的讲话", "同志们：", sentence)
    assert len(r.items) == count
