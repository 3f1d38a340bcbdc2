"""Ordinary forms met in the twelfth development part, in general form: 该村/该局 after a problem at a village or
bureau refers to that unit, not to the township or report the heading names; a feedback report's object named
with a long inspection name (对县X局党组开展了…专项巡察); a feedback report's requests about 村级… or a 施工单位
are about its inspected unit; several cited items said to concern one township (其中第1项和第2项涉及X乡) give one
request about it; 停留在“…”层面; a praising paragraph that turns (…取得了明显成效。但…) keeps the findings after
the turn. Short texts written for the test (not the fixtures)."""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id


def _township_with_villages(finder) -> tuple[str, list[str]]:
    """A township of the sample county with two of its villages (their names)."""
    villages: dict[str, list[str]] = {}
    for entry in finder.index.entries.values():
        if entry.parent and entry.parent.endswith(("乡", "镇")) and entry.name.endswith("村"):
            villages.setdefault(entry.parent, []).append(entry.name)
    township = next(t for t, vs in villages.items() if len(vs) >= 2)
    return township, villages[township][:2]


@pytest.mark.parametrize("ref", ["该村", "同时该村"])
def test_this_village_is_the_village_just_named_not_the_township(parse, finder, ref):
    township, (a, b) = _township_with_villages(finder)
    r = parse(f"关于{township}村级巡察情况的综合报告", "一、存在的问题",
              f"一是{a.removeprefix(township)}集体资产登记不全，有3处房产未入账。二是{ref}村务公开不及时。"
              f"三是{b.removeprefix(township)}财务审批不严。")
    assert [it.unit_id for it in r.items] == [unit_id(finder, a), unit_id(finder, a), unit_id(finder, b)]


def test_this_bureau_after_a_village_is_not_the_village(parse, finder):
    township, (a, _) = _township_with_villages(finder)
    r = parse(f"关于{township}村级巡察情况的综合报告", "一、存在的问题",
              f"一是{a.removeprefix(township)}集体资产登记不全。二是该局审批不严。")
    assert r.items[1].unit_id != unit_id(finder, a)


@pytest.mark.parametrize("opening", [
    "县委第二巡察组对县水利局党组开展了河道采砂管理使用专项巡察。",
    "县委第二巡察组对县水利局党组进行了农村饮水安全工程专项巡察。",
])
def test_a_feedback_report_object_named_with_a_long_inspection_name(parse, finder, opening):
    r = parse("县委第八轮巡察专项巡察的反馈意见", opening, "（一）内部管理方面",
              "1.局机关物资采购未经询价，部分合同未经法律审核。")
    assert [it.unit_id for it in r.items] == [unit_id(finder, "宁川县水利局")]


@pytest.mark.parametrize("request_", [
    "建议县纪委监委对违规确定施工单位的问题进行核查。",
    "请县纪委监委对工程项目中违规指定中标单位的问题进行核查处理。",
])
def test_a_feedback_request_about_a_contractor_is_about_the_inspected_unit(parse, finder, request_):
    r = parse("县委第一巡察组关于巡察县水利局党组的反馈意见", "一、存在的问题",
              "1.工程项目未按规定公开招标，直接指定施工单位。", "二、整改要求", request_)
    asked = [d for d in r.directives if d.body == "纪委监委"]
    assert [d.unit_id for d in asked] == [unit_id(finder, "宁川县水利局")]


def test_village_wide_wording_in_a_villages_own_report_is_about_the_village(parse, finder):
    township, (a, _) = _township_with_villages(finder)
    r = parse(f"县委第一巡察组关于对{a}党支部提级巡察的反馈意见",
              f"县委第一巡察组对{a}党支部开展了提级巡察。", "一、存在的问题",
              "村里的道路硬化工程未经村民代表会议讨论，由村干部自行确定施工队。", "二、整改要求",
              "请县纪委监委对村级工程发包中的违规行为一并核查。")
    assert [d.unit_id for d in r.directives if d.body == "纪委监委"] == [unit_id(finder, a)]


@pytest.mark.parametrize("request_", [
    "建议县纪委监委对全县村级工程项目开展专项检查。",  # the whole county
    "建议县纪委监委对下一轮巡察中村级工程项目问题开展专项检查。",  # inspections to come
])
def test_county_wide_requests_in_a_feedback_report_stay_general(parse, request_):
    r = parse("县委第一巡察组关于巡察县水利局党组的反馈意见", "一、存在的问题",
              "1.工程项目未按规定公开招标，直接指定施工单位。", "二、整改要求", request_)
    assert [d.unit_id for d in r.directives if d.body == "纪委监委"] == [None]


def test_cited_items_said_to_concern_one_township_give_one_request(parse, finder):
    township, (a, b) = _township_with_villages(finder)
    r = parse("县委巡察办关于移交巡察发现问题线索的函", "县纪委监委：", "现将巡察发现的问题线索移交如下：",
              f"1.{a}村干部虚报冒领低保金。", f"2.{b}村干部截留救灾物资。",
              f"以上线索，请县纪委监委依规处置。其中第1项和第2项线索涉及{township}，"
              f"建议县纪委监委指导{township}纪委同步开展村级“三资”清查。")
    last = [d for d in r.directives if "三资" in d.text]
    assert [d.unit_id for d in last] == [unit_id(finder, township)]


def test_a_measure_kept_at_the_level_of_slogans_is_a_problem(parse, finder):
    r = parse("关于巡察整改情况的通报", "巡察整改中仍存在以下问题：",
              "一是县水利局整改措施停留在“开会学习”“提高站位”层面。")
    assert [it.unit_id for it in r.items] == [unit_id(finder, "宁川县水利局")]


def test_findings_after_a_praising_paragraph_turns_are_kept(parse, finder):
    r = parse("在全县巡察工作会议上的讲话", "同志们：",
              "过去一年，全县巡察工作取得了明显成效，发现问题300余个。但也要看到，整改还有差距。"
              "比如县水利局河道采砂整治工作停滞，群众反映强烈。",
              "今年以来，各单位积极配合，巡察工作取得了明显成效，共完成2轮巡察。")
    assert [it.unit_id for it in r.items] == [unit_id(finder, "宁川县水利局")]


def test_findings_of_two_units_after_the_turn_are_both_kept(parse, finder):
    r = parse("在全县巡察整改推进会上的讲话", "同志们：",
              "去年以来，全县巡察整改取得了明显成效，共推动建章立制60余项。但也要清醒看到，一些部门整改还有差距。"
              "比如上一轮巡察中，县水利局河道采砂整治推进缓慢，至今没有改观；县审计局公车登记工作停滞，问题依旧。")
    assert [it.unit_id for it in r.items] == [unit_id(finder, "宁川县水利局"), unit_id(finder, "宁川县审计局")]


@pytest.mark.parametrize(("header", "status", "kept"), [
    ("问题\t整改时限\t整改状态", "已完成", False), ("问题\t整改时限\t完成情况", "已整改", False),
    ("问题\t整改时限\t备注", "已完成", True),  # no status column: the row is read as a problem
])
def test_a_ledger_row_done_and_stating_no_problem_is_no_item(parse, header, status, kept):
    r = parse("县委巡察组关于县水利局巡察整改“回头看”的反馈意见", "整改台账", header,
              "办公楼门厅翻新工程\t2024年5月\t" + status, "河道巡查记录缺失\t2024年6月\t" + status)
    texts = [it.text for it in r.items]
    assert ("办公楼门厅翻新工程" in texts) is kept
    assert "河道巡查记录缺失" in texts  # a done row stating a problem stays one
