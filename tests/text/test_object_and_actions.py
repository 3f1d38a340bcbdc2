"""A feedback report's inspected unit named in its opening paragraph; bodies asked without a modal verb, joined
by 、 after 建议, or with a helper named in the request (session 7, dev_d). Short texts written for the test
(not the fixtures)."""

from __future__ import annotations


def test_feedback_title_without_a_unit_takes_the_inspected_object(parse):
    r = parse("关于专项巡察情况的反馈意见",
              "县委第一巡察组开展了专项巡察，巡察对象为县统计局。",
              "一、发现的主要问题",
              "（1）统计台账登记混乱，原始凭证缺失。",
              "（2）该局数据审核把关不严。")
    assert [it.unit_name for it in r.items] == ["宁川县统计局", "宁川县统计局"]


def test_a_speech_does_not_take_a_unit_from_its_opening(parse):
    r = parse("在巡察工作会议上的讲话",
              "今天我们对县统计局开展巡察的情况进行通报。",
              "一、存在的问题",
              "（1）部分单位台账登记混乱。")
    assert [it.unit_name for it in r.items] == [None]


def test_bodies_joined_after_jianyi_are_each_asked(parse):
    r = parse("关于县统计局：一是统计数据审核不严。",
              "对整改敷衍的县统计局，建议县纪委监委、县委组织部约谈其主要负责人。")
    assert {(d.body, d.unit_name) for d in r.directives} == {("组织部", "宁川县统计局"), ("纪委监委", "宁川县统计局")}


def test_a_regulator_told_to_act_without_yao(parse, finder):
    r = parse("关于县统计局：一是统计经费报销不规范。",
              "县财政局作为行业主管部门，对统计经费报销问题依法核查。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("行业主管部门", "宁川县统计局")]


def test_a_helper_in_the_request_is_not_what_it_is_about(parse):
    r = parse("关于县统计局巡察情况的反馈意见", "一、统计经费被挤占。",
              "二、整改要求", "对被挤占的经费，由县纪委监委牵头会同县审计局开展追缴。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("纪委监委", "宁川县统计局")]


def test_a_receiver_asked_to_act_on_what_is_handed_over(parse):
    r = parse("关于县统计局：一是统计经费被挤占。",
              "建议将县统计局经费被挤占的问题线索移交县纪委监委依规处置。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("纪委监委", "宁川县统计局")]


def test_a_plain_hand_over_report_asks_nobody(parse):
    r = parse("关于县统计局：一是统计经费被挤占。",
              "巡察组已将县统计局的问题线索移交县纪委监委。")
    assert r.directives == []


def test_a_regulator_sentence_with_zuowei_is_a_request_not_an_item(parse):
    r = parse("关于县统计局巡察情况的反馈意见",
              "一、统计经费报销不规范。",
              "二、县财政局作为履行预算管理职责的行业主管部门，要督促其完善报销制度。")
    assert [it.text for it in r.items] == ["统计经费报销不规范。"]
    assert [d.body for d in r.directives] == ["行业主管部门"]


def test_a_request_counting_units_makes_one_directive_each(parse):
    r = parse("关于专项巡察情况的反馈意见",
              "一、县统计局台账登记混乱，原始凭证缺失。",
              "二、县档案馆台账登记不规范。",
              "三、由派驻纪检监察组负责督促两个单位规范台账登记。")
    assert sorted(d.unit_name for d in r.directives) == ["宁川县档案馆", "宁川县统计局"]


def test_an_office_that_organises_a_check_is_asked(parse):
    r = parse("关于县统计局：一是统计数据审核不严。",
              "县委巡察办适时组织对县统计局整改情况进行抽查。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("巡察机构", "宁川县统计局")]


def test_a_unit_under_another_is_the_subject(parse):
    r = parse("关于专项巡察情况的报告", "一、存在的问题",
              "（一）县教育局下属的县第一中学食堂采购不规范。")
    assert [it.unit_name for it in r.items] == ["宁川县第一中学"]


def test_a_request_in_the_paragraph_links_to_the_item_it_speaks_of(parse):
    r = parse("在巡察工作会议上的讲话",
              "县统计局台账登记混乱。县档案馆库房消防设施老化。县纪委监委要对库房消防设施问题跟踪督办。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("纪委监委", "宁川县档案馆")]
