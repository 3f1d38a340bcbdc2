"""The first-in-command on a date and a unit's timeline follow its lineage (机构沿革) back before a reform.

扶贫办 became 乡村振兴局 on 2021-03-01: asked who led 乡村振兴局 in 2019, the answer is 扶贫办's head, marked as
held at the predecessor; the successor's page shows the predecessor's posts and issues, marked 前身单位.
"""

from __future__ import annotations

import os

import pytest

from graph.explore.entity_card import card
from graph.settings import write_office
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.load import Loader
from loaders.successions import FILE
from tests.test_ledger_clerk import ROUNDS, UNITS, xlsx
from tests.test_ledger_successions import _issues

POSTS = [["姓名", "任职单位", "职务", "任职起", "任职止", "是否一把手"],
         ["王芳", "扶贫办", "主任", "2016-01-01", None, "是"],  # its end not written: the reform ends it
         ["李强", "乡村振兴局", "局长", "2021-03-01", None, "是"],
         ["赵敏", "教育局", "局长", "2016-01-01", None, "是"]]
REFORM = "旧名称,新名称,日期,方式\n扶贫办,乡村振兴局,2021-03-01,更名\n"


def _county(tmp_path, store, successions: str | None) -> dict[str, str]:
    data = tmp_path / "var"
    write_office(data, "宁川县")
    if successions is not None:
        (data / FILE).write_text(successions, "utf-8")
    loader = Loader(store, "s", data_dir=data)
    loader.load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    loader.load(xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS))
    loader.load(xlsx(tmp_path / "任职台账.xlsx", POSTS))
    loader.load(_issues(tmp_path, "乡村振兴局"))
    return {n.props["name"]: n.id for n in store.iter_nodes() if n.kind.value in ("Unit", "Person")}


def _heads(store, unit: str, on: str) -> list[tuple[str, bool]]:
    return [(r["name"], r["predecessor"]) for r in store.run_query("first_in_command_on", {"unit_id": unit, "on": on})]


@pytest.fixture()
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "graph.sqlite")
    yield s
    s.close()


def test_the_first_in_command_before_a_reform_is_the_predecessors(store, tmp_path):
    ids = _county(tmp_path, store, REFORM)
    new, old = ids["宁川县乡村振兴局"], ids["宁川县扶贫办"]
    assert _heads(store, new, "2019-04-01") == [("王芳", True)]
    [row] = store.run_query("first_in_command_on", {"unit_id": new, "on": "2019-04-01"})
    assert row["unit_id"] == old and row["person_id"] == ids["王芳"]
    assert _heads(store, new, "2022-04-01") == [("李强", False)]  # after the reform: only its own head
    assert _heads(store, new, "2021-03-01") == [("李强", False)]  # the day of the reform belongs to the new unit
    assert _heads(store, old, "2019-04-01") == [("王芳", False)]  # a predecessor does not look forward
    assert _heads(store, ids["宁川县教育局"], "2019-04-01") == [("赵敏", False)]


def test_without_the_succession_the_new_unit_had_no_head_before_it_existed(store, tmp_path):
    ids = _county(tmp_path, store, None)
    assert _heads(store, ids["宁川县乡村振兴局"], "2019-04-01") == []


def test_a_chain_of_reforms_is_followed_each_step_by_its_date(store, tmp_path):
    chain = REFORM + "教育局,扶贫办,2018-01-01,合并\n"  # 教育局 merged into 扶贫办 in 2018, which became 乡村振兴局
    ids = _county(tmp_path, store, chain)
    new = ids["宁川县乡村振兴局"]
    assert sorted(_heads(store, new, "2017-06-01")) == [("王芳", True), ("赵敏", True)]
    assert _heads(store, new, "2019-06-01") == [("王芳", True)]


def test_the_successors_timeline_shows_the_predecessors_posts_and_issues_marked(store, tmp_path):
    ids = _county(tmp_path, store, REFORM)
    page = card(store, ids["宁川县乡村振兴局"])
    marked = [item for item in page.timeline if "前身单位：宁川县扶贫办" in item.label_zh]
    kinds = {item.node.kind for item in marked}
    assert {"Person", "Issue"} <= kinds
    assert any(item.node.id == ids["王芳"] and item.when == "2016-01-01" for item in marked)
    own = [item for item in page.timeline if "前身单位" not in item.label_zh]
    assert any(item.node.id == ids["李强"] for item in own)
    assert not any(item.node.id == ids["宁川县乡村振兴局"] for item in page.timeline)
    whens = [item.when for item in page.timeline]
    assert whens == sorted(whens)
    plain = card(store, ids["宁川县扶贫办"])  # the predecessor's own page is unchanged
    assert not any("前身单位" in item.label_zh for item in plain.timeline)


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set (run with tools/with-neo4j.sh)")
def test_the_first_in_command_across_a_reform_is_the_same_on_neo4j(store, tmp_path, scratch_neo4j):
    ids = _county(tmp_path, store, REFORM + "教育局,扶贫办,2018-01-01,合并\n")
    scratch_neo4j.clear()
    scratch_neo4j.upsert(list(store.iter_nodes()), list(store.iter_edges()))
    for unit in ("宁川县乡村振兴局", "宁川县扶贫办", "宁川县教育局"):
        for on in ("2017-06-01", "2019-04-01", "2021-03-01", "2022-04-01"):
            params = {"unit_id": ids[unit], "on": on}
            assert scratch_neo4j.run_query("first_in_command_on", params) == \
                store.run_query("first_in_command_on", params), params
    mine = card(store, ids["宁川县乡村振兴局"]).timeline
    assert card(scratch_neo4j, ids["宁川县乡村振兴局"]).timeline == mine
    assert any("前身单位" in item.label_zh for item in mine)


def test_a_registers_predecessor_column_makes_the_lineage(store, tmp_path):
    data = tmp_path / "var"
    write_office(data, "宁川县")
    register = [["单位名称", "前身单位"], ["宁川县扶贫办", None], ["宁川县乡村振兴局", "扶贫办"],
                ["宁川县自然资源局", "国土资源局、规划局"], ["宁川县国土资源局", None]]
    report = Loader(store, "s", data_dir=data).load(xlsx(tmp_path / "单位名册.xlsx", register))
    assert report.loaded == 4 and not report.problems
    steps = {(s["unit_name"], s["successor_name"], s["mode"]) for s in store.run_query("unit_successions", {})}
    assert steps == {("宁川县扶贫办", "宁川县乡村振兴局", "renamed"), ("宁川县国土资源局", "宁川县自然资源局", "merged")}
    [missing] = [w for w in report.warnings if w.header == "前身单位"]
    assert missing.row == 4 and "规划局" in missing.reason and "unit_successions.csv" in missing.reason
