"""Which unit a request is about, opened on the pooled misses of every development part (session 11), and requests
found on dev_r. Sentences written for these tests.

- A count pointing back (对这三个单位, 以上三个单位, 上述两个村) means each unit just named, even all of the document's
  (a bare count of all of them, 对3个单位开展整改评估, still means none in particular); a count equal to the units a
  paragraph's label names or its problems are at (关于A和B：…县委组织部要对两个单位…) means each of them.
- A request with no topic of its own asking a body to work with a township's committee or government (要会同X乡党委
  对…整顿) is about that township; a topic before it keeps its own unit.
- A regulator said to regulate a named unit (作为X公司的行业主管部门) is asked about that unit; its duties may be named
  with another before them (履行国资监管和行业主管部门职责).
- Several regulators asked together naming no unit (请X局、Y局履行行业主管部门职责，对…开展核查) are asked about the
  inspected unit in a feedback report, about none elsewhere or when the request reaches beyond it (今后…).
- A request naming a kind of unit (对学校基建项目…, 医院) with no words shared with a problem is about the one unit of
  that kind problems were found at; with two of them, about none.
- A withheld unit listed beside a named one (对河口村、XX村的问题线索，建议…) is a second unit the request is about,
  not known by name: two directives.
- Every regulator asked to act on a matter it names (各行业主管部门要针对社保基金管理中的漏洞加强监管) is asked about
  the unit whose problem that is; on shared problems (共性问题) or a matter no problem holds, about none.
- 到位 is a stock word (整改不到位的不能销号 shares nothing with a problem 监管不到位).
- A ；-clause opening on a unit told to act itself (…；X镇党委要…) is not part of the request before it.
- A field of work (X领域问题) in a report on several units or a speech means none in particular; in a feedback report
  it stays the inspected unit's.
- The units a result is sent to (…梳理后抄送县财政局、县农业农村局) receive it; they are not what the request is about.
- The inspectors asked only to look into what they heard (巡察组要重点了解 / 要抓紧核实 / 对这些问题要重点关注、跟进了解)
  are given no task (three writers count it so); asked to look into it and report, they are.
- A body said to have led what was done (由县委巡察办牵头，…对X进行了巡察) is asked nothing.
"""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id

SPEECH = "在全县巡察整改推进会上的讲话"
REPORT = "县委第二轮巡察情况综合报告"


@pytest.mark.parametrize("line", [
    "对上述问题，请县委巡察办对这三个单位实行挂牌督办。",
    "县委巡察办要对以上三个单位开展整改督查。",
])
def test_a_count_pointing_back_means_each_unit_named(parse, finder, line):
    r = parse(SPEECH, "同志们：", "关于县统计局：档案管理混乱，多年未整理。", "关于县审计局：整改台账更新不及时。",
              "关于县林业局：护林员补助发放不规范。", line)
    d = [x for x in r.directives if x.body == "巡察机构"]
    assert {x.unit_id for x in d} == {unit_id(finder, n) for n in ("县统计局", "县审计局", "县林业局")}


def test_a_bare_count_of_every_unit_still_means_none(parse):
    r = parse(SPEECH, "同志们：", "关于县统计局：档案管理混乱，多年未整理。", "关于县审计局：整改台账更新不及时。",
              "关于县林业局：护林员补助发放不规范。", "县委巡察办要对3个单位开展整改评估。")
    d = [x for x in r.directives if x.body == "巡察机构"]
    assert len(d) == 1 and d[0].unit_id is None


@pytest.mark.parametrize("line", [
    "关于县统计局和县审计局：党组织书记抓党建责任意识淡薄。县委组织部要对两个单位党组织书记进行提醒谈话。",
    "关于县统计局、县审计局：党组理论学习流于形式。县委组织部要对这两个单位班子开展专题调研。",
])
def test_a_count_of_the_units_the_label_names_means_each(parse, finder, line):
    r = parse(SPEECH, "同志们：", "关于县林业局：护林员补助发放不规范。", line)
    d = [x for x in r.directives if x.body == "组织部"]
    assert {x.unit_id for x in d} == {unit_id(finder, "县统计局"), unit_id(finder, "县审计局")}


@pytest.mark.parametrize("line", [
    "县委组织部要会同石阳乡党委对后进村党组织开展集中整顿。",
    "县委巡察办要联合石阳乡政府对村务公开开展一次督查。",
])
def test_a_township_worked_with_is_what_the_request_is_about(parse, finder, line):
    r = parse(REPORT, "一、主要问题", "1.石阳乡河口村党组织软弱涣散，村务公开不及时。", "二、意见建议", line)
    d = [x for x in r.directives if x.body in ("组织部", "巡察机构")]
    assert len(d) == 1 and d[0].unit_id == unit_id(finder, "石阳乡")


def test_a_topic_before_the_partner_keeps_its_unit(parse, finder):
    r = parse(REPORT, "一、主要问题", "1.石阳乡河口村村干部亲属承揽村内工程。", "二、意见建议",
              "对河口村村干部亲属承揽工程问题，由县纪委监委会同石阳乡纪委核查处理。")
    d = [x for x in r.directives if x.body == "纪委监委"]
    assert len(d) == 1 and d[0].unit_id == unit_id(finder, "河口村")


@pytest.mark.parametrize("line", [
    "县财政局作为县城投公司的行业主管部门，要督促追回出借资金。",
    "县财政局作为县城投公司的出资人和行业主管部门，要加强债务监管。",
])
def test_a_regulator_named_for_a_unit_is_asked_about_it(parse, finder, line):
    r = parse(SPEECH, "同志们：", "关于县统计局：档案管理混乱，多年未整理。",
              "关于县城投公司：向关联企业出借资金长期未收回。", line)
    d = [x for x in r.directives if x.body == "行业主管部门"]
    assert len(d) == 1 and d[0].unit_id == unit_id(finder, "县城投公司")


@pytest.mark.parametrize("line", [
    "县委巡察办要建立整改销号机制，整改不到位的不能销号。",
    "县委巡察办要逐项验收，验收不到位的不得销号。",
])
def test_a_request_sharing_only_not_in_place_is_about_no_unit(parse, line):
    r = parse(SPEECH, "同志们：", "关于县统计局：统计执法监管不到位，数据核查流于形式。", line)
    d = [x for x in r.directives if x.body == "巡察机构"]
    assert len(d) == 1 and d[0].unit_id is None


@pytest.mark.parametrize("line", [
    "建议县纪委监委对XX村问题线索依规处理；石阳乡党委要履行好整改督促责任。",
    "建议县纪委监委对*村问题线索依规依纪处理；石阳乡党委要抓好整改。",
])
def test_a_unit_told_to_act_in_the_next_clause_is_not_what_the_request_is_about(parse, line):
    r = parse(REPORT, "一、主要问题", "1.石阳乡XX村村务公开不及时。", "二、意见建议", line)
    d = [x for x in r.directives if x.body == "纪委监委"]
    assert len(d) == 1 and d[0].unit_id is None


@pytest.mark.parametrize("line", [
    "县委巡察办要将工程建设领域问题纳入整改重点督办事项。",
    "县纪委监委要对工程建设领域突出问题开展专项监督。",
])
def test_a_field_of_work_in_a_round_report_is_about_no_unit(parse, line):
    r = parse(REPORT, "一、主要问题", "1.县交通运输局工程建设项目违规分包，监管缺位。",
              "2.县统计局档案管理混乱。", "二、意见建议", line)
    d = [x for x in r.directives if x.body in ("巡察机构", "纪委监委")]
    assert len(d) == 1 and d[0].unit_id is None


def test_a_field_of_work_in_a_feedback_report_is_the_inspected_units(parse, finder):
    r = parse("县委第一巡察组关于巡察县交通运输局党组的反馈意见", "一、主要问题",
              "1.工程建设项目违规分包，监管缺位。", "二、意见建议", "建议县纪委监委对工程建设领域问题线索依规处置。")
    d = [x for x in r.directives if x.body == "纪委监委"]
    assert len(d) == 1 and d[0].unit_id == unit_id(finder, "县交通运输局")


@pytest.mark.parametrize("line", [
    "县财政局履行国资监管和行业主管部门职责，要督促县城投公司健全借款审批制度。",
    "县财政局要履行出资人监管和行业主管部门职责，督促县城投公司清收出借资金。",
])
def test_a_regulator_with_two_duties_named_is_asked(parse, finder, line):
    r = parse(REPORT, "一、主要问题", "1.县城投公司对外借款未履行决策程序，出借资金长期未收回。", "二、意见建议", line)
    d = [x for x in r.directives if x.body == "行业主管部门"]
    assert len(d) == 1 and d[0].unit_id == unit_id(finder, "县城投公司")


@pytest.mark.parametrize(("line", "asked"), [
    ("本次专项巡察由县委巡察办牵头，县审计局抽调人员参加，对县统计局进行了巡察。", False),
    ("本轮巡察由县委巡察办牵头组织，对县统计局开展了专项检查。", False),
    ("下一步，县委巡察办要牵头对县统计局整改情况开展督查。", True),
])
def test_a_body_that_led_what_was_done_is_asked_nothing(parse, line, asked):
    r = parse(REPORT, "一、基本情况", line, "二、主要问题", "1.县统计局档案管理混乱，多年未整理。")
    assert bool([d for d in r.directives if d.body == "巡察机构"]) is asked


@pytest.mark.parametrize("line", [
    "县委巡察办要将本次巡察发现的问题梳理后抄送县财政局、县审计局。",
    "县委巡察办要把整改情况汇总后报送县委组织部和县审计局。",
])
def test_units_a_result_is_sent_to_are_not_what_it_is_about(parse, line):
    r = parse(REPORT, "一、主要问题", "1.县统计局专项经费违规列支会议费。", "2.县林业局护林员补助发放不规范。",
              "二、意见建议", line)
    d = [x for x in r.directives if x.body == "巡察机构"]
    assert len(d) == 1 and d[0].unit_id is None


@pytest.mark.parametrize(("line", "asked"), [
    ("有的单位公车私用问题群众反映较多，巡察组要重点了解。", False),
    ("一些单位还有干部亲属承揽工程的情况，巡察组要抓紧核实。", False),
    ("各巡察组对这些问题要重点关注、跟进了解。", False),
    ("各巡察组要对公车私用问题逐车核查，形成专题报告报县委。", True),
])
def test_the_inspectors_asked_only_to_look_into_it_get_no_task(parse, line, asked):
    r = parse(SPEECH, "同志们：", "上一轮巡察中，县统计局专项经费违规列支会议费。", line)
    assert bool([d for d in r.directives if d.body == "巡察机构"]) is asked


FEEDBACK = "县委第二巡察组关于巡察县人民医院党委的反馈意见"


@pytest.mark.parametrize(("title", "line", "unit"), [
    (FEEDBACK, "请县卫生健康局、县医疗保障局履行行业主管部门监管职责，对重复收费问题开展专项核查。", "县人民医院"),
    (FEEDBACK, "请县卫生健康局、县医疗保障局履行行业主管部门职责，今后定期开展收费检查。", None),
    (REPORT, "请县卫生健康局、县医疗保障局履行行业主管部门监管职责，对重复收费问题开展专项核查。", None),
])
def test_several_regulators_in_a_feedback_report_are_asked_about_its_unit(parse, finder, title, line, unit):
    r = parse(title, "一、主要问题", "1.县人民医院重复收取检查费，违规使用医保基金。", "二、意见建议", line)
    d = [x for x in r.directives if x.body == "行业主管部门"]
    assert len(d) == 1 and d[0].unit_id == (unit_id(finder, unit) if unit else None)


@pytest.mark.parametrize(("schools", "unit"), [
    (["3.县第二中学新校区工程超进度支付工程款。"], "县第二中学"),
    (["3.县第二中学新校区工程超进度支付工程款。", "4.县实验小学食堂承包合同未经集体研究。"], None),
])
def test_a_kind_of_unit_named_in_a_request_is_the_one_of_that_kind(parse, finder, schools, unit):
    r = parse(REPORT, "一、主要问题", "1.县交通运输局农村公路工程变更未经审批。", "2.县统计局档案管理混乱。", *schools,
              "二、意见建议", "县教育局作为行业主管部门，要对学校基建项目加强全过程监管。")
    d = [x for x in r.directives if x.body == "行业主管部门"]
    assert len(d) == 1 and d[0].unit_id == (unit_id(finder, unit) if unit else None)


@pytest.mark.parametrize(("topic", "units"), [
    ("对河口村、XX村的问题线索", ["河口村", None]),
    ("对XX村和河口村的问题线索", ["河口村", None]),
    ("对河口村的问题线索", ["河口村"]),
])
def test_a_withheld_unit_beside_a_named_one_is_a_second_directive(parse, finder, topic, units):
    r = parse(REPORT, "一、主要问题", "1.石阳乡河口村集体资金被挪用。", "2.石阳乡XX村虚报工程量。", "二、意见建议",
              topic + "，建议由县纪委监委指定管辖，督促乡纪委限期查结。")
    d = [x for x in r.directives if x.body == "纪委监委"]
    assert sorted(x.unit_id or "" for x in d) == sorted(unit_id(finder, u) if u else "" for u in units)


@pytest.mark.parametrize(("line", "unit"), [
    ("各行业主管部门要针对养老保险基金管理中的漏洞加强监管。", "县人社局"),
    ("各行业主管部门要针对养老保险基金等共性问题开展专项治理。", None),
    ("各行业主管部门要针对本行业安全生产隐患开展排查。", None),
])
def test_every_regulator_aimed_at_a_named_matter_is_asked_about_its_unit(parse, finder, line, unit):
    r = parse(SPEECH, "同志们：", "关于县人社局：养老保险基金违规领取问题突出，有死亡人员冒领养老金。",
              "关于县统计局：档案管理混乱，多年未整理。", line)
    d = [x for x in r.directives if x.body == "行业主管部门"]
    assert len(d) == 1 and d[0].unit_id == (unit_id(finder, unit) if unit else None)
