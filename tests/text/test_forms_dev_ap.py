"""Forms opened on dev_ap (session 15, H104). Sentences written for these tests.

- A village led in with a colon (Y村：…) keeps its problem when the same sentence then tells its township to act
  (…，X镇党委要负起责任): the township answers for its village, the village is at fault (attribution.py; writers
  give items at a village to the village even under a township).
"""

from __future__ import annotations

SPEECH = ("在巡察情况汇报会上的讲话", "同志们：")


def test_a_village_keeps_its_problem_when_its_township_is_told_to_act(parse):
    r = parse(*SPEECH, "我点几个单位。", "龙桥村：集体鱼塘发包不公开，新水镇党委要督促整改。")
    assert [it.unit_name for it in r.items] == ["宁川县新水镇龙桥村"]

