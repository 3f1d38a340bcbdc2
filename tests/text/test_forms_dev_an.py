"""Forms opened on dev_an (session 15). Sentences written for these tests.

- A hand-off letter's request citing its entries by number in two clauses (请你委对第1项问题线索依规处置，对第2、3项
  问题一并核查) asks about the units of every entry cited, not only the first clause's (request_ordinals in
  references.py); each unit once, and an entry naming no unit goes with the named ones cited with it
  (cited_scope in request_scope.py).
- A sentence that says it adds one (还有，…/此外，…) after one naming a unit is a problem of its own, even when the
  one before used no problem word (X村资金坐支的问题比较典型。还有，乡纪委…没有…: ADDING in clauses.py); opened
  by the township's own body, it is the township's (OWN_TOWNSHIP in attribution.py takes 还有 as 此外).
"""

from __future__ import annotations

from tests.text.conftest import unit_id
from tests.text.test_village_under_township import _village


def test_a_request_citing_entries_in_two_clauses_is_about_both_units(parse):
    r = parse("县委巡察办关于移交巡察发现问题线索的函",
              "县纪委监委：",
              "县委第三巡察组在对县统计局党组和县林业局党组巡察时，发现以下问题，现予移交：",
              "1.县统计局个别干部违规收受统计对象礼金。",
              "2.县林业局护林员补贴被截留挪用。",
              "3.退耕还林补助资金长期滞留未发放。",
              "请你委对第1项问题线索依规依纪处置，对第2、3项问题一并核查。")
    assert sorted(d.unit_name or "" for d in r.directives) == ["宁川县林业局", "宁川县统计局"]


def test_a_sentence_adding_one_after_a_village_is_the_townships_own(parse, finder):
    township, village = _village(finder)
    short, place = village.removeprefix(township), township.removeprefix("宁川县")
    r = parse("县委书记在巡察汇报会上的讲话要点", "同志们，各组的汇报我都听了，这里再讲几家。",
              f"第一家，{place}。{place[-1]}里对村级账目把关几乎无人过问，{short}集体资金坐支的问题比较典型。还有，{place[-1]}纪委三年来没有对村干部立案审查，监督形同虚设。",
              "第二家，县统计局。统计执法检查流于形式。")
    added = [it.unit_id for it in r.items if it.text.startswith("还有")]
    assert added == [unit_id(finder, township)]
    assert unit_id(finder, village) in [it.unit_id for it in r.items]
