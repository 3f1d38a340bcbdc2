"""Forms opened on dev_al (session 15). Sentences written for these tests.

- A sentence telling the groups a round sends out (本次共派出N个巡察组，其中第X巡察组对…开展“回头看”) announces the
  deployment: without a modal it asks no one (NARRATED_FRAME in asking.py), as a sentence set in 本轮巡察，… does.
"""

from __future__ import annotations


def test_the_groups_a_round_sends_out_are_not_asked(parse):
    r = parse("关于县委第五轮巡察进驻的公告",
              "根据县委巡察工作安排，县委巡察组将于近日进驻。本次共派出3个巡察组，其中县委第二巡察组对县统计局、"
              "石阳乡开展“回头看”。",
              "一、巡察发现县统计局数据核查不细。建议县纪委监委对县统计局问题线索依规处置。")
    assert [d.body for d in r.directives] == ["纪委监委"]
