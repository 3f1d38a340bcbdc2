"""Forms opened on dev_aa (session 13). Sentences written for these tests.

- Work said to drag (工作拖沓, 办理拖沓: the office word for slowness beside 拖延 and 滞后) states a problem
  (problem_cues in text_rules.json).
"""

from __future__ import annotations


def test_dragging_work_is_a_problem(parse):
    r = parse("在县委第三轮巡察情况汇报会上的讲话", "同志们：", "县统计局普查数据核查工作拖沓。")
    assert [(it.text, it.unit_name) for it in r.items] == [("县统计局普查数据核查工作拖沓。", "宁川县统计局")]
