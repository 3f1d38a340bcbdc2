"""Forms opened on dev_v (session 12). Sentences written for these tests.

- A bulleted short line (■县X局) over a numbered list (1.…2.…), or over a lead ending in a colon and then the list,
  heads that list: its entries are at the unit it names. A bullet is no ordinal, so a bullet heading sits just
  above the list whatever the list's own level.
- An inline list's entry naming no unit that tells a unit to fix it in its own words (三是…资金趴在账上。县Y社要尽快
  拿出计划。) is at that unit, not at the unit the entry before named.
- A paragraph saying a unit played a positive role (…在盘活闲置资产方面发挥了积极作用) praises it (a praise pattern
  in text_rules.json), whatever problem words its objects hold; 未发挥…作用 still states a problem.
- Office wording for a failing (text_rules.json): X与Y不同步 (a problem cue), and a recovery or rectification only
  partly done (只追回了三成, 仅收回了一半: the 仅/只 + a count family, with 追回/收回/退回/清退/整改).
- Units joined by 、/和/及 share what the words after the last of them say (``not_subject_after``): townships named
  where some village groups are (A乡、B乡部分村组自来水断供, the note H61 left on dev_u) are a place, not the
  unit at fault, and so are units joined before a place word or a finder's words (A镇和B镇一带).
- A sentence opening on 对 that states a failing before a body is asked (对村级监督基本空转，…，镇纪委要反思) is a
  problem with a request cut from it, not a request's topic (对…顶岗问题，组织部要… still is one).
- A notice's scope of the complaints the group takes (巡察组主要受理反映县X局党组领导班子…问题的来信来电来访，重点是
  违反…纪律…的举报) names the unit inspected and discipline words but reports no finding (report_cues), as dev_v's
  and dev_w's writers both wrote it.
- Units said to be making quick progress (其中，A局、B乡整改进展较快，A局通过…收回资金…) are praised (a praise
  pattern); 整改进度明显滞后 still states a problem.
- A clause saying none of a kind happened (未发生违反工作纪律的情况, 未出现…现象) is a finding of none, as 未发生…问题
  already was (no_problem_patterns).
"""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id


@pytest.mark.parametrize("bullet", ["■", "◆", "●"])
def test_a_bulleted_unit_line_heads_the_numbered_list_under_it(parse, finder, bullet):
    r = parse("关于县委第五轮巡察整改“回头看”情况的报告", "县委：",
              "县委第二巡察组对县统计局、县审计局开展了整改“回头看”。现将情况报告如下。",
              f"{bullet}县统计局", "整改总体到位，反馈的12个问题已整改11个。抽查发现：",
              "1.统计台账整改停留在纸面，原始记录仍有缺失。", "2.数据报送审核问题出现反弹，部分报表未经复核即上报。",
              f"{bullet}县审计局", "1.审计整改跟踪机制未建立，部分问题销号后无人复查。")
    units = {it.text[:6]: it.unit_id for it in r.items}
    assert units == {"统计台账整改": unit_id(finder, "县统计局"), "数据报送审核": unit_id(finder, "县统计局"),
                     "审计整改跟踪": unit_id(finder, "县审计局")}, [(it.text, it.unit_id) for it in r.items]


def test_an_entry_asking_a_unit_to_fix_it_is_at_that_unit_not_the_entry_befores(parse, finder):
    r = parse("在县委第五轮巡察整改推进会上的讲话", "同志们：",
              "（二）整改标准不高。一是县统计局数据审核制度定了却没执行。二是县审计局整改报告照抄上一轮。"
              "三是专项经费结余挂在账上，两年多没有清理。县财政局要尽快拿出清理方案。")
    found = {it.text[:4]: it.unit_id for it in r.items}
    assert found.get("专项经费") == unit_id(finder, "县财政局"), [(it.text, it.unit_name) for it in r.items]
    assert found.get("县审计局") == unit_id(finder, "县审计局"), found


def test_a_positive_role_played_is_praise_not_a_problem(parse):
    r = parse("县委第二巡察组关于巡察县统计局党组情况的反馈意见", "一、主要成效",
              "近两年县统计局完成了经济普查数据的统一入库，在清理闲置统计台账方面发挥了积极作用。",
              "二、发现的主要问题", "一是统计台账管理混乱，原始记录缺失。二是数据报送审核把关不严。")
    texts = [it.text for it in r.items]
    assert len(texts) == 2 and not any("发挥了积极作用" in t for t in texts), texts


@pytest.mark.parametrize("finding", [
    "县统计局机关党支部设置与内设机构调整不同步，党员组织生活难以集中开展。",
    "县统计局应退的补贴只追回了三成，剩下的还挂在账上。",
    "县统计局发放的奖金仅收回了一半。",
])
def test_office_wording_for_a_partial_or_misaligned_fix_is_a_problem(parse, finding):
    r = parse("在县委第五轮巡察情况汇报会上的讲话", "同志们：", "刚才，各巡察组汇报了情况，我都同意。", finding)
    texts = [it.text for it in r.items]
    assert any(t.startswith(finding[:8]) for t in texts), texts


def test_townships_joined_before_where_village_groups_are_are_a_place(parse, finder):
    r = parse("县委第一巡察组关于巡察县水务集团党委情况的反馈意见", "一、发现的主要问题",
              "一是供水保障责任落实不到位，今年春节期间湖岭乡和石山乡部分村组自来水断供，群众意见较大。"
              "二是管网维修资金使用不规范。")
    water = unit_id(finder, "县水务集团")
    assert [it.unit_id for it in r.items] == [water, water], [(it.text, it.unit_name) for it in r.items]


def test_a_failing_opening_on_dui_before_a_request_is_still_a_problem(parse, finder):
    r = parse("在县委第五轮巡察情况汇报会上的讲话", "同志们：",
              "关于石山乡：一是集体资产底数不清。二是对村级财务监督基本空转，几个村都有白条入账，乡纪委要认真反思。")
    texts = [it.text for it in r.items]
    assert any(t.startswith("对村级财务监督基本空转") for t in texts), texts
    assert all(it.unit_id == unit_id(finder, "石山乡") for it in r.items), [(it.text, it.unit_name) for it in r.items]


def test_a_requests_topic_opening_on_dui_is_still_no_problem(parse):
    r = parse("在县委第五轮巡察情况汇报会上的讲话", "同志们：",
              "关于石山乡：一是集体资产底数不清。二是对村干部长期不在岗问题，乡党委要认真核查。")
    assert [it.text for it in r.items] == ["集体资产底数不清。"], [it.text for it in r.items]


def test_a_notices_scope_of_complaints_taken_is_no_problem(parse):
    r = parse("县委第二巡察组进驻县统计局开展巡察的公告", "根据县委统一部署，县委第二巡察组于近日进驻县统计局开展常规巡察。",
              "按照巡察工作条例，巡察组主要受理反映县统计局党组领导班子及其成员、下属单位主要负责人问题的来信来电"
              "来访，重点是关于违反组织纪律、廉洁纪律等方面的举报和反映。其他不属于受理范围的信访问题，按规定转交有关部门"
              "处理。", "上轮巡察反馈的县统计局统计台账管理混乱问题至今未整改到位。")
    assert [it.text[:4] for it in r.items] == ["上轮巡察"], [it.text for it in r.items]


def test_units_making_quick_progress_are_praised(parse):
    r = parse("关于县委第五轮巡察整改进展情况的通报", "各乡镇党委，县直各单位：",
              "县委第五轮巡察反馈后，各单位认真抓整改。其中，县统计局、县审计局整改进展较快，县统计局通过清理违规"
              "发放的补贴收回资金3.2万元。", "但也有单位整改不力，县财政局对违规出借财政资金问题整改进度明显滞后。")
    texts = [it.text for it in r.items]
    assert len(texts) == 1 and "县财政局" in texts[0], texts


def test_no_breach_having_happened_is_no_problem(parse):
    r = parse("县委巡察工作简报（第3期）", "县委第五轮巡察进驻情况",
              "本轮巡察试行“巡察+审计”协作，县审计局抽调2名业务骨干随组参与。各巡察组严格落实工作纪律，进驻以来"
              "未发生违反廉洁纪律的情况。", "巡察中发现，县统计局统计台账管理混乱，原始记录缺失。")
    texts = [it.text for it in r.items]
    assert len(texts) == 1 and texts[0].startswith("巡察中发现"), texts
