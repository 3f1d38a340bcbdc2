"""Forms opened on dev_aj (session 15). Sentences written for these tests.

- A run-in category label closed by a comma (领导班子建设方面，A；B。) files what follows as a finding, as one closed
  by 。 or ： does: the clause model does not veto its first entry for the label's words (CATEGORY_LABEL in
  classifier.py).
"""

from __future__ import annotations


def test_a_category_label_closed_by_a_comma_keeps_its_first_entry(parse):
    r = parse("县委第二巡察组关于巡察兴安镇党委的反馈意见", "一、发现的问题",
              "领导班子和干部队伍建设方面，镇党委班子分工调整未履行程序；驻村干部考勤管理流于形式。")
    assert [it.text.endswith(("未履行程序", "流于形式。")) for it in r.items] == [True, True]
