"""Forms opened on dev_x (session 13). Sentences written for these tests.

- A letter handing numbered matters over that cites them by number inside its request (请对第2、4项线索依规处置;
  请你委重点关注第1、第3件线索) asks about the units of those entries, one directive each — as a citation ahead of
  the request already did (第2项…，请…). dev_w's and dev_x's writers both wrote it.
- A numbered matter named just before 请, with no comma (第3项线索请指导X镇纪委办理), opens an asking clause of the
  letter's addressee, like 以上线索请…; and it names the matter, so it is no bare report-back.
"""

from __future__ import annotations

from tests.text.conftest import unit_id

LETTER = ("关于移交县委第三轮巡察问题线索的函", "县纪委监委：",
          "第三轮巡察中，巡察组发现问题线索4件，现移交你委，具体如下：",
          "1.县统计局违规发放值班补助；", "2.县审计局公车私用；", "3.湖坝村会计挪用集体资金；",
          "4.县统计局办公用房超标。")


def test_a_request_citing_entries_by_number_is_about_their_units(parse, finder):
    r = parse(*LETTER, "请对第2、4项线索依规依纪依法进行处置。请于两个月内将结果反馈县委巡察办。")
    asked = sorted((d.body, d.unit_id) for d in r.directives)
    assert asked == sorted([("纪委监委", unit_id(finder, "县审计局")), ("纪委监委", unit_id(finder, "县统计局"))])


def test_a_body_asked_to_watch_cited_entries_is_asked_about_their_units(parse, finder):
    r = parse(*LETTER, "请县纪委监委重点关注第1、第2件线索，尽快组织初步核实。")
    assert sorted(d.unit_id for d in r.directives) == sorted([unit_id(finder, "县统计局"), unit_id(finder, "县审计局")])


def test_an_entry_named_just_before_please_opens_a_request_about_it(parse, finder):
    r = parse(*LETTER, "第3项线索请指导相关乡镇纪委办理。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("纪委监委", unit_id(finder, "湖坝村"))]
