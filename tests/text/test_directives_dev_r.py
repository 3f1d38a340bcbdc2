"""Which unit a request is about, opened on the pooled misses of every development part (session 11): a request
counting units with a word pointing back (对这三个单位挂牌督办, 对上述两个村) means each unit just named, even when they
are all the document's units (a bare count of all of them, 对6个单位开展整改评估, still means none in particular); a
request counting as many units as its paragraph's label names or its problems are at (关于A和B：…，县委组织部要对两个
单位…) means each of them. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id

SPEECH = "在全县巡察整改推进会上的讲话"
REPORT = "县委第二轮巡察情况综合报告"


@pytest.mark.parametrize("line", [
    "对上述问题，请县委巡察办对这三个单位实行挂牌督办。",
    "县委巡察办要对以上三个单位开展整改督查。",
])
def test_a_count_pointing_back_means_each_unit_named(parse, finder, line):
    r = parse(SPEECH, "同志们：", "关于县统计局：档案管理混乱，多年未整理。", "关于县审计局：整改台账更新不及时。",
              "关于县林业局：护林员补助发放不规范。", line)
    d = [x for x in r.directives if x.body == "巡察机构"]
    assert {x.unit_id for x in d} == {unit_id(finder, n) for n in ("县统计局", "县审计局", "县林业局")}


def test_a_bare_count_of_every_unit_still_means_none(parse):
    r = parse(SPEECH, "同志们：", "关于县统计局：档案管理混乱，多年未整理。", "关于县审计局：整改台账更新不及时。",
              "关于县林业局：护林员补助发放不规范。", "县委巡察办要对3个单位开展整改评估。")
    d = [x for x in r.directives if x.body == "巡察机构"]
    assert len(d) == 1 and d[0].unit_id is None


@pytest.mark.parametrize("line", [
    "关于县统计局和县审计局：党组织书记抓党建责任意识淡薄。县委组织部要对两个单位党组织书记进行提醒谈话。",
    "关于县统计局、县审计局：党组理论学习流于形式。县委组织部要对这两个单位班子开展专题调研。",
])
def test_a_count_of_the_units_the_label_names_means_each(parse, finder, line):
    r = parse(SPEECH, "同志们：", "关于县林业局：护林员补助发放不规范。", line)
    d = [x for x in r.directives if x.body == "组织部"]
    assert {x.unit_id for x in d} == {unit_id(finder, "县统计局"), unit_id(finder, "县审计局")}
