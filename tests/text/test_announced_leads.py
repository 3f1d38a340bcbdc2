"""A section heading stating the judgement, then a bare lead (具体讲：, 主要是：, 集中表现在：) and ；-entries: one
item per entry (session 11, dev_j); and a request citing the section by its heading's words is about the section's
first problem. Short texts written for the test (not the fixtures)."""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id


@pytest.mark.parametrize("lead", ["具体讲：", "主要是：", "集中表现在：", "具体来看："])
def test_a_bare_lead_announces_its_semicolon_entries(parse, lead):
    r = parse("县委第二巡察组关于巡察县统计局党组的反馈意见",
              "一、财务管理存在薄弱环节",
              f"{lead}差旅费报销审核不严格，全年有5笔无审批单；固定资产未定期盘点；办公用品采购未经询价。")
    assert [it.text.rstrip("。") for it in r.items] == ["差旅费报销审核不严格，全年有5笔无审批单", "固定资产未定期盘点",
                                                       "办公用品采购未经询价"]
    assert {it.unit_name for it in r.items} == {"宁川县统计局"}


def test_a_lead_asking_for_something_lists_no_problems(parse):
    r = parse("县委第二巡察组关于巡察县统计局党组的反馈意见",
              "一、统计台账登记混乱。",
              "二、意见建议",
              "具体讲：要建立台账登记制度；要定期盘点固定资产。")
    assert [it.text for it in r.items] == ["统计台账登记混乱。"]


def test_a_request_citing_a_section_heading_is_about_its_first_problem(parse, finder):
    r = parse("县委第二巡察组关于巡察县统计局党组的反馈意见",
              "一、干部选任工作不够规范",
              "具体讲：中层干部提拔未经民主推荐；借调人员长期不回原单位。",
              "同时，县审计局对县统计局的审计监督长期停留在报表层面。",
              "二、意见建议",
              "对干部选任不规范问题，建议县委组织部开展专项检查。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("组织部", unit_id(finder, "宁川县统计局"))]
