"""Problem wordings and labels seen in session 7 (dev_d): 情况较为普遍, 未予核对, 停留在表面, 查处偏软,
与…不对口; a paragraph labelled 整改要求： is no problem; an opening 巡察认为…做了大量工作 is praise. Short texts
written for the test (not the fixtures)."""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id


@pytest.mark.parametrize("problem", [
    "差旅费报销先支后批的情况较为普遍。",
    "固定资产盘亏长期未予核销。",
    "对上轮反馈问题的整改停留在纸面。",
    "对违规占道经营查处偏轻。",
    "新招聘人员岗位与所学专业不匹配。",
    "单位网站信息三年未更新。",
])
def test_a_problem_wording_is_an_item(parse, problem):
    r = parse("关于县统计局：", f"一是{problem}")
    assert [(it.text, it.unit_name) for it in r.items] == [(problem, "宁川县统计局")]


def test_a_requirement_labelled_paragraph_is_no_item(parse):
    r = parse("关于县统计局巡察情况的反馈意见",
              "问题：统计台账登记混乱；库存设备闲置。",
              "整改要求：盘活闲置设备，规范台账登记。")
    assert len(r.items) == 2
    assert all("盘活" not in it.text for it in r.items)


def test_an_opening_that_praises_is_no_item(parse):
    r = parse("关于县统计局巡察情况的反馈意见",
              "巡察认为，县统计局近年来在统计改革等方面做了大量工作，数据质量取得新成效。同时也存在一些问题。",
              "一、统计台账登记混乱。")
    assert [it.text for it in r.items] == ["统计台账登记混乱。"]


def test_a_comment_on_the_problem_is_no_item_of_its_own(parse):
    r = parse("在巡察工作会议上的讲话",
              "县统计局原始凭证缺失，台账登记混乱，这说明什么？说明内部管理没有跟上。")
    assert [it.unit_name for it in r.items] == ["宁川县统计局"]


@pytest.mark.parametrize("problem", [
    "县统计局统计执法检查一年只开展了两次。",  # a shortfall told by a figure
    "县统计局普查经费多付施工方3万元。",
    "县统计局群众来信办理超过规定时限。",
    "县统计局整改报告写了整改完成，实际还没落实。",
    "县统计局以调研名义组织公款旅游。",
    "县统计局个别干部插手普查外包项目。",
    "县统计局抽查的20份台账中有6个未实地核对。",  # a count with a negation is a finding
])
def test_a_plain_paragraph_with_a_general_problem_wording(parse, problem):
    # session 8 (dev_e): an unnumbered paragraph needs a problem wording; these are general office vocabulary
    r = parse("宁川县统计局巡察情况报告", problem)
    assert [(it.text, it.unit_name) for it in r.items] == [(problem, "宁川县统计局")]


def test_the_topic_of_a_request_is_no_problem(parse):
    r = parse("下面我强调一点。", "第二，对这次巡察发现的编外人员顶岗问题，组织部要会同编办拿出解决办法。")
    assert r.items == [] and [d.body for d in r.directives] == ["组织部"]


def test_a_speaker_pointing_out_is_no_requirement(parse):
    r = parse("在巡察情况汇报会上的讲话", "特别要指出的是，县水利局在整改中搞虚假整改。这种问题纪委监委要介入调查。")
    assert [i.unit_name for i in r.items] == ["宁川县水利局"]
    assert [(d.body, d.unit_name) for d in r.directives] == [("纪委监委", "宁川县水利局")]


def test_office_words_for_common_failings_state_a_problem(parse, finder):
    r = parse("关于第九轮巡察情况的综合报告",
              "县统计局执法检查“一刀切”，处罚裁量走样。",
              "县审计局审计整改“挂空挡”，问题屡查屡犯。",
              "全县各单位要坚决防止整改中层层加码、弄虚作假。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县统计局"), unit_id(finder, "宁川县审计局")]
