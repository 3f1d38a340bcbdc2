"""An entry headed by a withheld name: a withheld unit (（五）XX村。…) leaves its problem's unit unknown, a withheld
person (（三）某某同志。…) does not — the problem is still the reported unit's. The review of session 9 found the
person's heading taken as a withheld unit. Sentences written for this test."""

from __future__ import annotations

from tests.text.conftest import unit_id

TITLE = "关于对县审计局党组开展巡察的反馈意见"


def test_a_withheld_person_heading_keeps_the_reported_unit(parse, finder):
    r = parse(TITLE, "一、存在的主要问题", "（一）县审计局审计整改督促不力，3个项目整改未销号。",
              "（二）某某同志。在项目审计中违规收受被审计单位礼品礼金。")
    gifts = [it for it in r.items if "礼品礼金" in it.text]
    assert gifts and gifts[0].unit_id == unit_id(finder, "宁川县审计局")


def test_a_withheld_unit_heading_leaves_the_unit_unknown(parse):
    r = parse("十五届县委第四轮巡察村级巡察情况通报", "一、存在的主要问题", "（一）XX村。村会计长期挪用村集体资金未归还。")
    owed = [it for it in r.items if "挪用村集体资金" in it.text]
    assert owed and owed[0].unit_id is None
