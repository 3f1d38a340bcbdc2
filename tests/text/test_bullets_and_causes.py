"""Bulleted lists (● ■ ◆ •) are list items like numbered ones; a 原因分析 section explains the problems above and
lists no new ones (session 7, dev_d). Short texts written for the test (not the fixtures)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("bullet", ["●", "■", "◆", "•"])
def test_bulleted_problems_are_items(parse, bullet):
    r = parse("关于专项巡察情况的报告",
              "一、存在的主要问题",
              f"{bullet} 台账管理混乱。县统计局原始凭证缺失。",
              f"{bullet} 档案整理滞后，库房长期未清点。")
    assert len(r.items) == 2
    assert r.items[0].unit_name == "宁川县统计局"


def test_a_cause_section_lists_no_problems(parse):
    r = parse("关于专项巡察情况的报告",
              "一、存在的主要问题",
              "（一）县统计局台账管理混乱。",
              "二、原因分析",
              "一是部分单位负责人风险意识不足；二是制度机制不健全。")
    assert [it.unit_name for it in r.items] == ["宁川县统计局"]
