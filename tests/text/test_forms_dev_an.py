"""Forms opened on dev_an (session 15). Sentences written for these tests.

- A hand-off letter's request citing its entries by number in two clauses (请你委对第1项问题线索依规处置，对第2、3项
  问题一并核查) asks about the units of every entry cited, not only the first clause's (request_ordinals in
  references.py); each unit once, and an entry naming no unit goes with the named ones cited with it
  (cited_scope in request_scope.py).
"""

from __future__ import annotations


def test_a_request_citing_entries_in_two_clauses_is_about_both_units(parse):
    r = parse("县委巡察办关于移交巡察发现问题线索的函",
              "县纪委监委：",
              "县委第三巡察组在对县统计局党组和县林业局党组巡察时，发现以下问题，现予移交：",
              "1.县统计局个别干部违规收受统计对象礼金。",
              "2.县林业局护林员补贴被截留挪用。",
              "3.退耕还林补助资金长期滞留未发放。",
              "请你委对第1项问题线索依规依纪处置，对第2、3项问题一并核查。")
    assert sorted(d.unit_name or "" for d in r.directives) == ["宁川县林业局", "宁川县统计局"]

