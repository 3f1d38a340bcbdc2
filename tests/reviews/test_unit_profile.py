"""巡前画像 of units other than villages (a county bureau, a township) with the parts that apply; rankings of a
list of villages and of a township named by name; and the batch reading agreeing with one profile at a time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.model import EdgeType as T
from graph.model import nodes as m
from graph.reviews.village_profile import ProfileNotFound, profile_unit, profile_village, rank_villages
from graph.reviews.village_resolve import ProfileAmbiguous, resolve_unit
from graph.reviews.village_risk import VILLAGE_ONLY
from graph.stores.embedded import EmbeddedStore
from tests.reviews.test_village_profile import AS_OF, TEXT, scene


def bureau_scene():
    """县农业农村局: 李局长 first-in-command since 2015 (long tenure), 张副局长 before him; round 1 found a problem
    there, rectified, found again in round 2 (a relapse); an audit finding; a clue naming 李局长, never disposed
    of; a clue naming 张副局长 (no longer in post) that must not show."""
    s = scene()
    s.unit("nj", "县农业农村局", "county_department")
    s.person("li", "李局长")
    s.person("zhang", "张副局长")
    s.link(T.HOLDS_POST, "li", "nj", post="局长", first_in_command=True, start=date(2015, 1, 1))
    s.link(T.HOLDS_POST, "zhang", "nj", post="副局长", first_in_command=False, start=date(2012, 1, 1),
           end=date(2019, 12, 31))
    s.round("r0", 9, date(2021, 5, 1))
    s.group("g0", "r0", "nj")
    s.issue("n0", "r0", "nj", 1, TEXT, date(2021, 5, 20))
    s.group("g2", "r1", "nj")
    s.issue("n1", "r1", "nj", 2, TEXT, date(2023, 5, 20), status="open")
    s.add("f1", m.Finding(code="SJ-1", channel="audit", found_date=date(2023, 9, 1), category="三资管理",
                          text="专项资金拨付不及时"))
    s.link(T.FOUND_AT, "f1", "nj")
    for name, who in (("c1", "li"), ("c2", "zhang")):
        s.add(name, m.Clue(code=f"XS-{name}", summary="反映问题", source_channel="inspection",
                           transfer_date=date(2023, 6, 1), receiver="县纪委监委", status="transferred"))
        s.link(T.ARISES_FROM, name, "n1")
        s.link(T.TRANSFERRED_TO, name, "jw", on=date(2023, 6, 1))
        s.link(T.INVOLVES, name, who)
    return s


@pytest.fixture()
def store(tmp_path: Path):
    from graph.analysis import repeats

    s = bureau_scene()
    st = s.load(EmbeddedStore(tmp_path / "g.sqlite"))
    repeats.recompute(st)
    yield s, st
    st.close()


def test_a_county_bureau_gets_the_parts_that_apply(store):
    s, st = store
    p = profile_unit(st, s.id("nj"), as_of=AS_OF)
    assert p.unit_kind == "county_department" and p.unit_kind_zh == "县直单位" and p.team_title == "领导班子"
    assert not {f.key for f in p.factors} & VILLAGE_ONLY and len(p.factors) == 14 - len(VILLAGE_ONLY)
    fired = {f.key: f.value for f in p.factors if f.contribution > 0}
    assert fired["relapse"] == 1 and fired["open_issue"] == 1 and fired["other_finding"] == 1
    assert fired["stalled_clue"] == 1 and fired["long_tenure"] == pytest.approx(9.5 - 6, abs=0.01)
    assert [h.clue_code for h in p.handoffs] == ["XS-c1"] and p.handoffs[0].person_ids == [s.id("li")]
    assert [c.name for c in p.cadres if c.current] == ["李局长"] and len(p.cadres) == 2
    assert [f.channel_zh for f in p.findings] == ["审计监督"] and p.last_inspected == date(2023, 5, 1)
    assert p.mode in ("巡审联动", "提级巡察")  # an audit finding, or a high score with a stalled clue
    for item in [p.issues[0].issue_id, p.handoffs[0].clue_id, p.findings[0].item_id, s.id("li")]:
        assert p.sources[item][0].path  # every item with its source
    with pytest.raises(ProfileNotFound, match="村（社区）"):
        profile_village(st, s.id("nj"), as_of=AS_OF)


def test_a_calm_unit_gets_routine_inspection_and_a_township_inspection_with_its_villages(store):
    s, st = store
    bureau = profile_unit(st, s.id("jw"), as_of=AS_OF)
    assert bureau.mode == "常规巡察" and bureau.cadres == [] and bureau.issues == []
    town = profile_unit(st, s.id("town"), as_of=AS_OF)
    assert town.mode == "巡镇带村" and town.unit_kind_zh == "乡镇（街道）"


def test_a_unit_resolves_by_name_and_namesakes_are_refused(store):
    s, st = store
    assert resolve_unit(st, "县农业农村局") == s.id("nj")
    with pytest.raises(ProfileNotFound, match="相近的有：县农业农村局"):
        resolve_unit(st, "县农业农村")
    s.unit("town2", "白水镇", "township")
    s.unit("v3", "东村", "village", parent="town2")
    s.load(st)
    with pytest.raises(ProfileAmbiguous, match="白水镇、青山镇"):
        resolve_unit(st, "东村")


def test_ranking_a_list_and_a_township_by_name(store):
    s, st = store
    s.unit("town2", "白水镇", "township")
    s.unit("v3", "东村", "village", parent="town2")
    s.add("p1", m.Petition(code="XF-1", received_date=date(2024, 2, 1), topic="低保评定", status="open"))
    s.link(T.LOCATED_AT, "p1", "v3")
    s.load(st)
    listed = rank_villages(st, villages=["白水镇/东村", s.id("v2"), "西村"], as_of=AS_OF)
    assert [r.unit_id for r in listed.rows] == [s.id("v3"), s.id("v2")]  # 西村 once; open petition first
    assert listed.unit_ids == [s.id("v3"), s.id("v2")] and listed.scope == "指定的2个村（社区）"
    assert sum(listed.class_counts.values()) == 2
    named = rank_villages(st, township_id="青山镇", as_of=AS_OF)
    assert named.scope == "青山镇" and {r.name for r in named.rows} == {"东村", "西村"}
    assert rank_villages(st, township_id=s.id("town"), as_of=AS_OF) == named
    with pytest.raises(ProfileNotFound, match="不止一个"):
        rank_villages(st, villages=["东村"], as_of=AS_OF)
    with pytest.raises(ProfileNotFound, match="相近的有"):
        rank_villages(st, villages=["西村村"], as_of=AS_OF)


def test_the_batch_ranking_agrees_with_each_village_profiled_alone(county, loaded_embedded):
    as_of = date.fromisoformat(county.truth["as_of"])
    ranking = rank_villages(loaded_embedded, as_of=as_of)
    assert len(ranking.rows) == sum(1 for n in county.nodes if n.kind.value == "Unit"
                                    and n.props["unit_kind"] == "village")
    for row in ranking.rows[:15] + ranking.rows[-5:]:
        alone = profile_village(loaded_embedded, row.unit_id, as_of=as_of)
        assert (alone.score, alone.village_class, alone.mode) == (row.score, row.village_class, row.mode)
        assert {f.key: f.contribution for f in alone.factors} == row.factor_scores
