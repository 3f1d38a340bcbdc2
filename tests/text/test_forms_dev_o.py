"""Item forms met in the fifteenth development part (session 10), in texts written for the test: a 一是… list set
one entry per paragraph (一是… / 二是… / 三是… each opening its own paragraph) is a list in every paragraph, not
only the first — in a report naming no unit for them its later entries were lost."""

from __future__ import annotations

import pytest

ENTRIES = ("一是专项资金台账登记不全，部分支出缺少原始凭证。",
           "二是项目验收把关不严，个别项目未验先付。",
           "三是资产管护责任不明，部分设施闲置。")


@pytest.mark.parametrize("title", ["关于全县农田水利资金专项巡察情况的报告", "在巡察工作会议上的讲话"])
def test_each_paragraph_of_a_one_entry_per_paragraph_list_is_an_item(parse, title):
    r = parse(title, "从检查情况看，主要有以下问题：", *ENTRIES)
    assert [it.text[:6] for it in r.items] == [e[2:8] for e in ENTRIES]


def test_a_paragraph_opening_two_without_a_first_is_no_entry(parse):
    r = parse("关于全县农田水利资金专项巡察情况的报告", "从检查情况看，主要有以下问题：",
              "一是专项资金台账登记不全，部分支出缺少原始凭证。", "三是资产管护责任不明，部分设施闲置。")
    assert [it.text[:6] for it in r.items] == ["专项资金台账"]
