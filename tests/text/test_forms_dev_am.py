"""Forms opened on dev_am (session 15). Sentences written for these tests.

- A title that ends on the feedback itself (县委第四巡察组对县统计局党组的巡察反馈) names a feedback report
  (feedback_title_ends in text_rules.json; is_title in items.py): its problems are the titled unit's.
"""

from __future__ import annotations


def test_a_title_ending_on_the_feedback_is_a_feedback_report(parse):
    r = parse("县委第四巡察组对县统计局党组的巡察反馈",
              "县委第四巡察组对县统计局党组进行了常规巡察。",
              "政治监督方面：一是统计数据核查不细；二是统计执法检查流于形式。")
    assert r.doc_kind == "feedback"
    assert [it.unit_name for it in r.items] == ["宁川县统计局", "宁川县统计局"]
