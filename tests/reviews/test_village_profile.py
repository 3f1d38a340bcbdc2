"""巡前画像 on small hand-written villages: each factor counts its signal exactly, not its decoy; weights and
class schemes from the settings file change the score and the class."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from graph.model import EdgeType as T
from graph.model import nodes as m
from graph.reviews.rules import RulesError
from graph.reviews.village_profile import ProfileNotFound, profile_village, rank_villages, resolve_village
from graph.stores.embedded import EmbeddedStore
from tests.reviews.graphs import Scene

AS_OF = date(2024, 6, 30)
TEXT = "村集体资源对外发包未经四议两公开民主程序，租金明显偏低"


def scene() -> Scene:
    """东村 (100 households, income 20 万元): 王建国 first-in-command since 2021; round 1 (2023-05-01) found one
    problem, rectified with a task done on time. Only ``since_inspection`` fires. 西村 is empty and never inspected."""
    s = Scene()
    s.unit("jw", "县纪委监委", "county_department")
    s.unit("town", "青山镇", "township")
    s.unit("v1", "东村", "village", parent="town")
    s.unit("v2", "西村", "village", parent="town")
    s.change("v1", households=100, population=320, collective_income=20.0, industries=["茶叶"])
    s.change("v2", households=80, collective_income=20.0)
    s.person("fic", "王建国")
    s.link(T.HOLDS_POST, "fic", "v1", post="党支部书记", first_in_command=True, start=date(2021, 1, 1))
    s.round("r1", 1, date(2023, 5, 1))
    s.group("g1", "r1", "v1")
    s.issue("i1", "r1", "v1", 1, TEXT, date(2023, 5, 20))
    s.task("t1", "i1", 1, date(2023, 9, 30), done=date(2023, 9, 1))
    return s


@pytest.fixture()
def profile(tmp_path: Path):
    stores: list[EmbeddedStore] = []

    def run(s: Scene, unit: str = "v1", **kw):
        store = s.load(EmbeddedStore(tmp_path / f"g{len(stores)}.sqlite"))
        stores.append(store)
        return profile_village(store, s.id(unit), as_of=AS_OF, **kw), store

    yield run
    for store in stores:
        store.close()


def values(p) -> dict[str, float]:
    return {f.key: f.value for f in p.factors if f.value}


def test_calm_village_fires_only_the_time_since_inspection(profile):
    p, _ = profile(scene())
    assert values(p) == {"since_inspection": 1.17}
    assert p.score == round(1.17 * 0.5, 2) and p.village_class == "和谐稳定类" and p.mode == "巡镇带村"
    assert [c.name for c in p.cadres if c.current] == ["王建国"] and p.facts.industries == ["茶叶"]
    assert p.sources[p.issues[0].issue_id][0].sheet == "问题清单"
    assert all(f.explanation.endswith("分。") for f in p.factors)


def test_relapse_is_counted_and_a_plain_repeat_is_not_a_relapse(profile):
    s = scene()
    s.round("r0", 9, date(2021, 5, 1))
    s.group("g0", "r0", "v1")
    s.issue("i0", "r0", "v1", 1, TEXT, date(2021, 5, 20))
    p, _ = profile(s)
    assert values(p).get("relapse") == 1 and "repeat" not in values(p)
    s.change("i0", status="open")
    p, _ = profile(s)
    assert "relapse" not in values(p) and values(p)["repeat"] == 1


def test_overdue_tasks_count_as_of_the_day(profile):
    s = scene()
    s.task("t2", "i1", 2, date(2024, 1, 31), status="in_progress")
    s.task("t3", "i1", 3, date(2024, 12, 31), status="in_progress")  # not yet due
    s.task("t4", "i1", 4, date(2024, 1, 31), done=date(2024, 7, 15))  # done after the day: overdue on it
    p, _ = profile(s)
    assert values(p)["overdue_task"] == 2
    assert set(next(f for f in p.factors if f.key == "overdue_task").evidence_ids) == {s.id("t2"), s.id("t4")}


def test_petitions_open_and_recent(profile):
    s = scene()
    s.add("p1", m.Petition(code="XF-1", received_date=date(2024, 2, 1), topic="低保评定", status="open"))
    s.add("p2", m.Petition(code="XF-2", received_date=date(2019, 3, 1), topic="征地补偿", status="resolved"))
    s.add("p3", m.Petition(code="XF-3", received_date=date(2024, 8, 1), topic="征地补偿", status="open"))  # after
    for name in ("p1", "p2", "p3"):
        s.link(T.LOCATED_AT, name, "v1")
    p, _ = profile(s)
    assert values(p)["open_petition"] == 1 and values(p)["petition_recent"] == 1
    assert p.petitions.count == 2 and p.petitions.by_year == {2019: 1, 2024: 1}
    assert next(f for f in p.factors if f.key == "petition_recent").evidence_ids == [s.id("p1")]


def test_a_stalled_clue_counts_only_about_a_current_cadre(profile):
    s = scene()
    s.person("old", "赵前任")
    s.link(T.HOLDS_POST, "old", "v1", post="党支部书记", first_in_command=True, start=date(2015, 1, 1),
           end=date(2020, 12, 31))
    for name, who in (("c1", "fic"), ("c2", "old")):
        s.add(name, m.Clue(code=f"XS-{name}", summary="反映问题", source_channel="inspection",
                           transfer_date=date(2023, 6, 1), receiver="县纪委监委", status="transferred"))
        s.link(T.ARISES_FROM, name, "i1")
        s.link(T.TRANSFERRED_TO, name, "jw", on=date(2023, 6, 1))
        s.link(T.INVOLVES, name, who)
    p, _ = profile(s)
    assert values(p)["stalled_clue"] == 1 and [h.clue_code for h in p.handoffs] == ["XS-c1"]


def test_relative_link_fires_and_a_same_surname_beneficiary_does_not(profile):
    s = scene()
    s.person("son", "王小明")
    s.person("other", "王大海")  # same surname, no relation
    s.link(T.RELATIVE_OF, "son", "fic", relation="child")
    for who in ("son", "other"):
        s.add(f"b_{who}", m.Benefit(benefit_kind="minimum_living", recipient_id=s.id(who), village_id=s.id("v1"),
                                    year=2023, amount=3600))
        s.link(T.RECEIVED, who, f"b_{who}")
        s.link(T.LOCATED_AT, f"b_{who}", "v1")
    p, _ = profile(s)
    assert values(p)["relative_link"] == 1 and len(p.benefits) == 2
    assert p.mode == "巡镇带村"


def test_project_money_per_household_and_the_audit_mode(profile):
    s = scene()
    s.add("pr", m.Project(code="XM-1", name="村道硬化", year=2023, amount=150.0))
    s.link(T.LOCATED_AT, "pr", "v1")
    s.add("co", m.Company(name="青山建设有限公司", credit_code="91330000000000001X"))
    s.link(T.CONTRACTED, "co", "pr")
    p, _ = profile(s)
    assert values(p)["project_money"] == 1.5 and p.projects[0].party_names == ["青山建设有限公司"]
    assert p.mode == "巡审联动"


def test_weights_and_class_scheme_come_from_the_settings_file(profile, tmp_path: Path):
    s = scene()
    s.add("p1", m.Petition(code="XF-1", received_date=date(2024, 2, 1), topic="低保评定", status="open"))
    s.link(T.LOCATED_AT, "p1", "v1")
    base, _ = profile(s)
    assert base.village_class == "和谐稳定类"  # 2 + 0.5 + 0.58 < 6
    data = tmp_path / "data"
    data.mkdir()
    (data / "village_profile.json").write_text(json.dumps({"weights": {"open_petition": 10}}), "utf-8")
    heavier, _ = profile(s, data_dir=data)
    assert heavier.score == round(base.score + 8, 2) and heavier.village_class == "社情复杂类"
    assert next(f for f in heavier.factors if f.key == "relapse").weight == 4.0  # others keep the shipped weight
    (data / "village_profile.json").write_text(json.dumps({"scheme": "abc", "weights": {"open_petition": 10}}), "utf-8")
    abc, _ = profile(s, data_dir=data)
    assert abc.village_class == "B类（关注）"
    (data / "village_profile.json").write_text(json.dumps({"weights": {"无此因素": 1}}), "utf-8")
    with pytest.raises(RulesError, match="未知的风险因素"):
        profile(s, data_dir=data)


def test_unknown_unit_and_ranking(profile):
    s = scene()
    s.add("p1", m.Petition(code="XF-1", received_date=date(2024, 2, 1), topic="低保评定", status="open"))
    s.link(T.LOCATED_AT, "p1", "v2")
    _, store = profile(s)
    with pytest.raises(ProfileNotFound, match="没有 id 为"):
        profile_village(store, s.id("town"), as_of=AS_OF)
    ranking = rank_villages(store, township_id=s.id("town"), as_of=AS_OF)
    assert [r.name for r in ranking.rows] == ["西村", "东村"] and ranking.scope == "青山镇"
    assert sum(ranking.class_counts.values()) == 2
    with pytest.raises(ProfileNotFound, match="乡镇"):
        rank_villages(store, township_id=s.id("v1"), as_of=AS_OF)


def test_a_village_resolves_by_id_or_name_and_an_unknown_name_gets_close_matches(profile):
    s = scene()
    s.unit("town2", "白水镇", "township")
    s.unit("v3", "东村", "village", parent="town2")
    _, store = profile(s)
    assert resolve_village(store, s.id("v2")) == s.id("v2")
    assert resolve_village(store, "西村") == s.id("v2")
    assert resolve_village(store, "东村", "白水镇") == s.id("v3")
    with pytest.raises(ProfileNotFound, match="不止一个.*白水镇、青山镇"):
        resolve_village(store, "东村")
    with pytest.raises(ProfileNotFound, match="相近的有：西村"):
        resolve_village(store, "西村村")
    with pytest.raises(ProfileNotFound, match="没有"):
        resolve_village(store, s.id("town"))
