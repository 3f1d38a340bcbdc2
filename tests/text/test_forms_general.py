"""The general list grammar and clause rules (session 6, dev_c): any enumerator family, a unit named in the lead
of a list, one item per ；-clause that states a problem, reports left out clause by clause — on short texts written
for the test (not the fixtures)."""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id


def _texts(result) -> list[str]:
    return [i.text for i in result.items]


def test_circled_numbers_inside_a_paragraph(parse, finder):
    r = parse("县委第一巡察组关于对宁川县商务局党组巡察情况的反馈意见",
              "第一，服务企业发展不够有力。①帮扶政策宣传不到位，企业知晓率低；②外贸奖补资金审核不严；"
              "③电商项目验收走过场。")
    assert len(r.items) == 3 and all(i.form == "①" for i in r.items)
    assert r.items[1].text.startswith("外贸奖补资金审核不严")
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县商务局")}


@pytest.mark.parametrize("body", [
    "一方面，统计数据审核把关不严；另一方面，统计执法检查流于形式。",
    "首先，统计数据审核把关不严；其次，统计执法检查流于形式。",
    "第一条，统计数据审核把关不严；第二条，统计执法检查流于形式。",
    "其一，统计数据审核把关不严；其二，统计执法检查流于形式。",
])
def test_word_enumerators_and_the_unit_of_the_lead(parse, finder, body):
    r = parse(f"再看县统计局。这个局的问题我点两条：{body}")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县统计局")] * 2
    assert r.items[0].text.startswith("统计数据审核把关不严") and "执法" not in r.items[0].text
    assert "引语" in r.items[0].unit_rule


def test_each_semicolon_clause_stating_a_problem_is_an_item(parse, finder):
    r = parse("县委第二巡察组关于对宁川县审计局党组巡察情况的反馈意见",
              "二、落实全面从严治党方面",
              "机关财务报销审核不严，有3笔支出缺少附件；公务接待超标准，2025年有2次未附公函；"
              "干部请销假制度执行不到位。")
    assert len(r.items) == 3
    assert r.items[1].text.startswith("公务接待超标准") and r.items[2].text.startswith("干部请销假")
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县审计局")}


def test_a_short_summary_sentence_opens_the_first_clause(parse, finder):
    r = parse("县委第二巡察组关于对宁川县审计局党组巡察情况的反馈意见",
              "第二，内部管理存在短板。财务报销审核不严；档案管理混乱。")
    # 第二， at the paragraph's start numbers it (session 8), so the marker is not part of the text
    assert _texts(r) == ["内部管理存在短板。财务报销审核不严", "档案管理混乱。"]


def test_a_clause_without_a_problem_stays_with_the_one_before(parse):
    r = parse("县委第二巡察组关于对宁川县审计局党组巡察情况的反馈意见",
              "一、巡察整改方面",
              "审计整改跟踪不到位，2项问题仍挂账；这与班子重视程度有关。")
    assert len(r.items) == 1 and r.items[0].text.endswith("这与班子重视程度有关。")


def test_a_report_sentence_is_left_out_but_the_problems_after_it_stay(parse, finder):
    r = parse("本届以来累计移交问题线索50余件。比如，县司法局法律援助案件评查走过场；"
              "县信访局信访事项办理超期。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县司法局"), unit_id(finder, "宁川县信访局")]
    assert all("移交" not in t for t in _texts(r))


def test_praise_vocabulary_keeps_a_paragraph_out(parse):
    r = parse("县司法局公共法律服务走在了全市前列，县信访局办理量创新高，应当肯定。",
              "一是县统计局统计执法检查流于形式。")
    assert len(r.items) == 1 and "统计执法" in r.items[0].text


def test_an_introducing_line_ending_in_a_colon_is_not_a_problem_heading(parse, finder):
    r = parse("从整改评估情况看，部分单位仍有不少差距：",
              "县统计局统计数据审核不严；县审计局审计整改跟踪不到位。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县统计局"), unit_id(finder, "宁川县审计局")]
    assert not any(t.startswith("从整改评估") for t in _texts(r))


def test_new_problem_vocabulary(parse):
    r = parse("关于县统计局：一是内控基本失灵。二是整改后又出现反弹。三是以电话询问代替现场检查。"
              "四是材料拼凑现象较为突出。五是补贴重复申报。")
    assert len(r.items) == 5


def test_the_speaker_saying_what_he_will_say_sets_no_requirement(parse):
    r = parse("有一个情况我要特别说一下：汇报中提到XX村村干部截留征地补偿款，群众反映很强烈。",
              "一是县统计局统计数据审核不严的问题依然存在。")
    assert len(r.items) == 2 and r.items[0].unit_id is None and "截留" in r.items[0].text
