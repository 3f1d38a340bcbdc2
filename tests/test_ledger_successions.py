"""Units renamed or merged (机构改革): a repeat across 扶贫办 (round 1) → 乡村振兴局 (round 3) is found.

The data folder's unit_successions.csv is applied after the unit register; the 机构沿革 ledger loads on its own
too. The named query unit_successions answers the same on both stores (Neo4j when NEO4J_URI is set).
"""

from __future__ import annotations

import os

import pytest

from graph.analysis import repeats
from graph.analysis.lineage import unit_lineage
from graph.settings import write_office
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.load import LedgerRejected, Loader
from loaders.successions import FILE, write_default
from tests.test_ledger_clerk import ISSUE_HEAD, ROUNDS, UNITS, xlsx

TEXT = "扶贫项目资金拨付滞后，部分资金闲置超过一年未使用"
LATER = "衔接资金项目资金拨付滞后，部分资金闲置一年以上未使用"


def _issues(tmp_path, later_unit: str):
    rows = [ISSUE_HEAD, [15, 1, "R1-01", "扶贫办", TEXT, "惠民资金", "已整改", "2019-04-01"],
            [15, 3, "R3-01", later_unit, LATER, "惠民资金", "未整改", "2022-04-01"]]
    return xlsx(tmp_path / "问题清单.xlsx", rows)


def _county(tmp_path, store, successions: str | None):
    data = tmp_path / "var"
    write_office(data, "宁川县")
    if successions is not None:
        (data / FILE).write_text(successions, "utf-8")
    loader = Loader(store, "s", data_dir=data)
    units = loader.load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    loader.load(xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS))
    loader.load(_issues(tmp_path, "乡村振兴局"))
    return loader, units


@pytest.fixture()
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "graph.sqlite")
    yield s
    s.close()


def test_a_repeat_across_a_rename_is_found_and_says_so(store, tmp_path):
    _, units = _county(tmp_path, store, "旧名称,新名称,日期,方式\n扶贫办,乡村振兴局,2021-03-01,更名\n"
                                        "国土资源局,自然资源局,2019-03-01,合并\n")  # the second: units not held
    assert units.lineage == 1
    found = repeats.find_repeats(repeats.load_candidates(store), lineage=unit_lineage(store))
    [r] = found
    assert r.relapse and "经机构改革（2021-03-01）" in r.evidence and "扶贫办" in r.evidence
    repeats.recompute(store)
    assert sum(1 for e in store.iter_edges() if e.type.value == "REPEATS") == 1


def test_without_the_succession_the_two_units_stay_apart(store, tmp_path):
    _county(tmp_path, store, None)
    assert repeats.find_repeats(repeats.load_candidates(store), lineage=unit_lineage(store)) == []
    assert unit_lineage(store).root == {}


def test_the_default_list_names_the_common_reforms_and_init_never_overwrites(tmp_path):
    path = write_default(tmp_path)
    text = path.read_text("utf-8-sig")
    assert text.startswith("旧名称,新名称,日期,方式") and "扶贫办,乡村振兴局" in text
    path.write_text("旧名称,新名称\n", "utf-8")
    assert write_default(tmp_path) is None and path.read_text("utf-8") == "旧名称,新名称\n"


def test_the_lineage_ledger_loads_on_its_own_and_refuses_a_unit_succeeding_itself(store, tmp_path):
    loader, _ = _county(tmp_path, store, None)
    bad = xlsx(tmp_path / "机构沿革.xlsx", [["原单位", "现单位", "改革日期"], ["扶贫办", "宁川县扶贫办", "2021-03-01"]])
    with pytest.raises(LedgerRejected) as info:
        loader.load(bad)
    assert any("同一个单位" in p.reason for p in info.value.report.problems)
    good = xlsx(tmp_path / "机构沿革2.xlsx", [["原单位", "现单位", "改革日期", "方式"],
                                             ["扶贫办", "乡村振兴局", "2021-03-01", "更名"]])
    assert loader.load(good).kinds == ["机构沿革"]
    [step] = store.run_query("unit_successions", {})
    assert (step["unit_name"], step["successor_name"], step["on"], step["mode"]) == (
        "宁川县扶贫办", "宁川县乡村振兴局", "2021-03-01", "renamed")
    assert store.run_query("unit_successions", {"unit_id": step["successor_id"]}) == [step]
    assert store.run_query("unit_successions", {"unit_id": "uni_0000000000000000"}) == []


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set (run with tools/with-neo4j.sh)")
def test_lineage_and_the_repeat_are_the_same_on_neo4j(store, tmp_path, scratch_neo4j):
    _county(tmp_path, store, "旧名称,新名称,日期,方式\n扶贫办,乡村振兴局,2021-03-01,更名\n")
    scratch_neo4j.upsert(list(store.iter_nodes()), list(store.iter_edges()))
    steps = store.run_query("unit_successions", {})
    assert len(steps) == 1
    for params in ({}, {"unit_id": steps[0]["unit_id"]}, {"unit_id": steps[0]["successor_id"]}, {"unit_id": "x"}):
        assert scratch_neo4j.run_query("unit_successions", params) == store.run_query("unit_successions", params)
    on_neo4j = repeats.find_repeats(repeats.load_candidates(scratch_neo4j), lineage=unit_lineage(scratch_neo4j))
    assert len(on_neo4j) == 1
    assert on_neo4j == repeats.find_repeats(repeats.load_candidates(store), lineage=unit_lineage(store))
