"""巡前画像 follows the lineage (机构沿革): the profile of 乡村振兴局 includes what its predecessor 扶贫办 recorded —
its issue of round 1 and its former head — and the same graph without the reform does not."""

from __future__ import annotations

from datetime import date

import pytest

from graph.reviews.village_profile import profile_unit
from graph.stores.embedded import EmbeddedStore
from tests.test_ledger_lineage import REFORM, _county


@pytest.fixture()
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "graph.sqlite")
    yield s
    s.close()


def _profile(store, ids):
    return profile_unit(store, ids["宁川县乡村振兴局"], as_of=date(2023, 1, 1))


def test_a_successors_profile_includes_its_predecessors_issues_and_heads(store, tmp_path):
    ids = _county(tmp_path, store, REFORM)
    p = _profile(store, ids)
    found = [(i.found_date.isoformat(), i.round_id) for i in p.issues]
    assert len(found) == 2 and found == sorted(found)  # 扶贫办's of 2019 and its own of 2022
    assert {c.name for c in p.cadres} >= {"王芳", "李强"}
    assert [c.name for c in p.cadres if c.current] == ["李强"]  # the predecessor's head left with the reform
    own = profile_unit(store, ids["宁川县扶贫办"], as_of=date(2023, 1, 1))  # the former unit's profile is its own
    assert len(own.issues) == 1 and {c.name for c in own.cadres} == {"王芳"}


def test_without_the_reform_the_profile_holds_only_the_units_own_record(store, tmp_path):
    ids = _county(tmp_path, store, None)
    p = _profile(store, ids)
    assert len(p.issues) == 1 and "王芳" not in {c.name for c in p.cadres}


def test_the_lineage_in_profiles_is_the_same_on_neo4j(store, tmp_path, scratch_neo4j):
    ids = _county(tmp_path, store, REFORM + "教育局,扶贫办,2018-01-01,合并\n")  # a chain: 教育局 → 扶贫办 → 乡村振兴局
    scratch_neo4j.upsert(list(store.iter_nodes()), list(store.iter_edges()))
    asked = {"unit_ids": sorted(ids.values())}
    rows = store.run_query("unit_predecessors", asked)
    assert rows == scratch_neo4j.run_query("unit_predecessors", asked)
    back = {r["predecessor_id"] for r in rows if r["unit_id"] == ids["宁川县乡村振兴局"]}
    assert back == {ids["宁川县扶贫办"], ids["宁川县教育局"]}
    assert _profile(scratch_neo4j, ids) == _profile(store, ids)
