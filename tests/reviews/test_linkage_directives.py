"""交办事项 in the 贯通联动 review: directives accepted from a parsed speech are found by ``linkage_directives``
the same way on both stores, and the review says which are done, open or overdue."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from graph.reviews.linkage import review_linkage
from graph.stores.embedded import EmbeddedStore
from loaders.text.load import accept
from loaders.text.parse import finder_for, parse_file
from loaders.text.queue import TextQueue

SPEECH = ("十五届县委第三轮巡察反馈会讲话\n"
          "关于县水利局：一是小型水库除险加固项目验收资料缺失。二是河道采砂监管缺位，夜间偷采问题群众反映强烈。\n"
          "县纪委监委要把河道采砂领域问题纳入监督重点，跟进督促整改。\n"
          "会后，县委巡察办要牵头对各被巡察党组织整改情况开展一次督查。\n")


def _accept_speech(store, folder) -> list[str]:
    path = folder / "讲话.txt"
    path.write_text(SPEECH, encoding="utf-8")
    queue = TextQueue.for_data_dir(folder)
    entries = queue.add(parse_file(path, store, data_dir=folder), "甲").entries
    accept(store, queue, [e.id for e in entries], "甲", finder=finder_for(store, folder), data_dir=folder)
    return [queue.get(e.id).node_id for e in entries]


def _check(store, folder) -> list[dict]:
    folder.mkdir(parents=True, exist_ok=True)
    nodes = _accept_speech(store, folder)
    unit = next(n.id for n in store.iter_nodes() if n.props.get("name") == "宁川县水利局")
    rows = store.run_query("linkage_directives", {"about_ids": [unit, *nodes]})
    assert len({r["directive_id"] for r in rows}) == 1 and rows[0]["body_unit_name"] == "宁川县纪委监委"
    round_id = next(n.id for n in store.iter_nodes() if n.kind.value == "Round" and n.props.get("term") == 15
                    and n.props.get("number") == 3)
    in_round = review_linkage(store, round_id=round_id)  # the office's request names no unit: its round lists it
    assert {d.body for d in in_round.directives} >= {"纪委监委", "巡察机构"}, in_round.directives
    issued = date.fromisoformat(rows[0]["issued_date"])
    soon = review_linkage(store, unit_id=unit, as_of=issued + timedelta(days=30))
    late = review_linkage(store, unit_id=unit, as_of=issued + timedelta(days=200))
    assert [d.overdue for d in soon.directives] == [False] and "办理中" in soon.directives[0].sentence
    assert [d.overdue for d in late.directives] == [True] and late.directives[0].days_open == 200
    assert "超过90天时限" in late.directives[0].sentence and "纪委监委" in late.directives[0].sentence
    return rows


def test_directives_in_the_review_embedded(county, tmp_path):
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    store.upsert(county.nodes, county.edges)
    try:
        _check(store, tmp_path)
    finally:
        store.close()


@pytest.mark.usefixtures("county")
def test_directives_in_the_review_on_neo4j_equal_the_embedded_ones(scratch_neo4j, county, tmp_path):
    scratch_neo4j.upsert(county.nodes, county.edges)
    neo = _check(scratch_neo4j, tmp_path / "neo")
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    store.upsert(county.nodes, county.edges)
    try:
        assert _check(store, tmp_path / "emb") == neo  # the named query's twin and its Cypher give one answer
    finally:
        store.close()
