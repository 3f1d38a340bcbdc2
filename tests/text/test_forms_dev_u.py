"""Forms opened on dev_u (session 12). Sentences written for these tests.

- A rectification bulletin opening with the count of problems fed back (第三轮巡察反馈问题共96个。截至9月底，已完成
  整改80个…) reports progress, whatever units its next sentences praise: no problem.
- A paragraph numbered 1. that holds its list inline (1.A。2.B。, a clerk typing the list in one paragraph) is a
  list written inline, one entry each, as 第一，…。第二，… already was: not a numbered paragraph whose 2. is text.
- Office wording for a failing (problem words in text_rules.json): a plan's measures 空泛; 只报不改, 只说不做 (one
  acts only on paper); a count of those chosen who are relatives (…中有3名为村干部亲属), told as the fact of 优亲厚友.
- A request citing several entries by their numbers joined (其中第1、3件线索…，请你委…) is about each cited entry's
  unit, one directive each, as 第3件 alone was about its entry's.
- A body named as a receiver and then asked (已抄送县委组织部，请县委组织部对…核查) is asked once: one directive.
- A sentence opening on the regulator's role before naming it (作为X管理的行业主管部门，县Y局要督促A乡、B乡…) asks Y
  as a regulator, about each unit it is to press, as 县Y局作为行业主管部门，要… does.
- A speaker announcing a problem (有个问题要特别指出，…执行不严…) asks nothing by that 要: the finding is an item, as
  特别要指出的是，… was.
- A township's own inspection of its villages (X乡党委村级巡察指出的…问题) found the problem: the village inspected
  is at fault, not the township that found it, as for 县审计局…审计指出的.
- A body with a time clause before its modal (县委第二巡察组进驻后，要把…作为县X局巡察的重点) is asked, as 县委第二
  巡察组要… is: the body is still the subject.
"""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id

BULLETIN = "关于县委第三轮巡察整改进展情况的通报"


def test_a_count_of_problems_fed_back_then_done_is_no_problem(parse):
    r = parse(BULLETIN, "各乡镇党委，县直各单位：",
              "县委第三轮巡察反馈问题共96个。截至2027年9月30日，已完成整改80个，整改完成率83.3%。其中，县统计局"
              "建立了数据审核制度，县审计局退回了违规发放的补贴。",
              "一、存在的问题", "一是县统计局整改台账销号把关不严。二是县审计局整改报告报送超期。")
    texts = [it.text for it in r.items]
    assert len(texts) == 2 and not any("共96个" in t for t in texts), texts


def test_a_paragraph_numbered_one_holding_its_list_inline_is_one_item_per_entry(parse, finder):
    r = parse("关于县委第三轮巡察情况的综合报告", "一、巡察发现的主要问题", "（一）县统计局",
              "1.统计台账管理混乱，原始记录缺失。2.数据报送审核把关不严，部分报表未经复核即上报。", "（二）县审计局",
              "1.公务用车管理不规范。2.审计结果运用不够，整改跟踪缺失。")
    texts = [it.text for it in r.items]
    assert any(t.startswith("数据报送审核把关不严") for t in texts), texts
    assert len(texts) == 4, texts


@pytest.mark.parametrize("finding", [
    "整改方案措施空泛。",
    "对数据质量问题只报不改，差错率仍在5%以上。",
    "近三年新招聘的5名协管员中有4名为局领导亲属。",
])
def test_office_wording_for_a_failing_is_its_own_item(parse, finding):
    r = parse("关于对县统计局党组巡察情况的反馈意见", "现将巡察发现的主要问题反馈如下。",
              "一是统计台账管理混乱，原始记录缺失。二是数据报送审核把关不严。",
              f"此外，局机关公务接待审批不规范，部分接待无公函；{finding}")
    texts = [it.text for it in r.items]
    assert len(texts) == 4 and any(t.startswith(finding.rstrip("。")) for t in texts), texts


def test_a_request_citing_entries_by_numbers_joined_is_about_each(parse, finder):
    r = parse("中共宁川县委巡察工作办公室", "关于移交县委第三轮巡察发现问题线索的函", "县纪委监委：",
              "现将巡察发现的问题线索3件移交你委，具体如下：", "1.县统计局某科长涉嫌收受好处费。",
              "2.县审计局个别工作人员涉嫌违规报销差旅费。", "3.县林业局某站长涉嫌违规转包护林工程。",
              "其中第1、3件线索涉及重点领域，请你委对重点领域线索优先处置。")
    units = {d.unit_id for d in r.directives if "优先处置" in d.text}
    assert units == {unit_id(finder, "县统计局"), unit_id(finder, "县林业局")}, r.directives


def test_a_body_copied_then_asked_is_one_directive(parse):
    r = parse("中共宁川县委巡察工作办公室", "关于移交县委第三轮巡察发现问题线索的函", "县纪委监委：",
              "现将巡察发现的问题线索1件移交你委，具体如下：", "1.县统计局某科长涉嫌收受好处费。",
              "该线索同时涉及干部任用问题，已抄送县委组织部，请县委组织部对县统计局干部任用情况一并核查。")
    asked = [d for d in r.directives if d.body == "组织部"]
    assert len(asked) == 1, r.directives


def test_the_regulators_role_told_before_its_name_asks_it(parse, finder):
    r = parse("在县委第三轮巡察整改推进会上的讲话", "同志们：",
              "从督查情况看，石阳乡、湖岭乡集体资产清理进度滞后，合同清理完成率不到一半。",
              "作为集体资产管理的行业主管部门，县农业农村局要督促石阳乡、湖岭乡加快清理。")
    units = {d.unit_id for d in r.directives if d.body == "行业主管部门"}
    assert units == {unit_id(finder, "石阳乡"), unit_id(finder, "湖岭乡")}, r.directives


def test_a_problem_announced_with_yao_zhichu_is_an_item(parse, finder):
    r = parse("在县委第三轮巡察情况汇报会上的讲话", "同志们：",
              "有个问题要特别指出，统计数据审核制度执行不严，去年出现3次数据差错。县统计局要坚决杜绝此类问题。")
    assert any("审核制度执行不严" in it.text and it.unit_id == unit_id(finder, "县统计局") for it in r.items), r.items


def test_a_township_that_found_a_problem_in_its_village_inspection_is_not_at_fault(parse, finder):
    r = parse("县委第二巡察组关于对石阳乡宁岗村党支部提级巡察的反馈意见", "现将巡察发现的主要问题反馈如下。",
              "一是村务公开不及时。二是2026年石阳乡党委村级巡察指出的集体林地承包问题至今未整改到位。")
    units = {it.unit_id for it in r.items if "集体林地承包" in it.text}
    assert units == {unit_id(finder, "宁岗村")}, [(it.unit_name, it.text) for it in r.items]


def test_a_body_asked_after_a_time_clause(parse, finder):
    r = parse("在县委第三轮巡察动员部署会上的讲话", "同志们：",
              "县委第二巡察组进驻后，要把统计数据质量作为县统计局巡察的重点。")
    asked = [d for d in r.directives if d.body == "巡察机构"]
    assert [d.unit_id for d in asked] == [unit_id(finder, "县统计局")], r.directives
