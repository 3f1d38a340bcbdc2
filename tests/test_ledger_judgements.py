"""Namesake judgements: confirm, refuse and undo stick across reloads, and an undone merge leaves no orphan."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.settings import write_office
from graph.stores.embedded import EmbeddedStore
from loaders.judgements import JudgementError, Judgements, confirm, refuse, undo
from loaders.ledgers.load import Loader
from loaders.namesakes import pending_namesakes
from tests.test_ledger_clerk import UNITS, xlsx

POSTS = [["姓名", "任职单位", "职务", "任职起", "任职止", "是否一把手"],
         ["张伟", "教育局", "局长", "2016-01-01", "2020-12-31", "是"],
         ["张伟", "乡村振兴局", "局长", "2021-03-01", None, "是"],  # moved without an ID number: a namesake
         ["李强", "教育局", "副局长", "2016-01-01", None, "否"]]


@pytest.fixture()
def setup(tmp_path):
    data = tmp_path / "var"
    write_office(data, "宁川县")
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    Loader(store, "s", data_dir=data).load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    yield store, data, xlsx(tmp_path / "任职台账.xlsx", POSTS)
    store.close()


def _people(store, name: str = "张伟") -> list[str]:
    return sorted(n.id for n in store.iter_nodes() if n.kind.value == "Person" and n.props["name"] == name)


def _posts_of(store, pid: str) -> int:
    return sum(1 for e in store.iter_edges() if e.type.value == "HOLDS_POST" and e.src == pid)


def _orphans(store) -> list[str]:
    ids = {n.id for n in store.iter_nodes()}
    return [e.id for e in store.iter_edges() if e.src not in ids or e.dst not in ids]


def _load(store, data: Path, path: Path):
    return Loader(store, "s", data_dir=data).load(path)


def test_confirm_merges_and_holds_across_a_reload_and_undo_splits_again(setup):
    _confirm_reload_undo(*setup)


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set (run with tools/with-neo4j.sh)")
def test_confirm_reload_undo_on_neo4j(scratch_neo4j, tmp_path):
    data = tmp_path / "var"
    write_office(data, "宁川县")
    Loader(scratch_neo4j, "s", data_dir=data).load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    _confirm_reload_undo(scratch_neo4j, data, xlsx(tmp_path / "任职台账.xlsx", POSTS))


def _confirm_reload_undo(store, data: Path, posts: Path) -> None:
    first = _load(store, data, posts)
    assert [m.value for m in first.near_misses] == ["张伟"]
    [pair] = pending_namesakes(store, Judgements(data))
    a, b = pair.a.person_id, pair.b.person_id
    assert {len(pair.a.posts), len(pair.b.posts)} == {1}
    judgement = confirm(store, Judgements(data), a, b, who="测试员", note="同一人调任")
    assert _people(store) == [a] and _posts_of(store, a) == 2 and not _orphans(store)
    assert (judgement.who, judgement.note, judgement.verdict) == ("测试员", "同一人调任", "same")

    again = _load(store, data, posts)  # the ledger loaded again: the merge holds, nothing proposed
    assert _people(store) == [a] and _posts_of(store, a) == 2 and not again.near_misses
    assert pending_namesakes(store, Judgements(data)) == [] and not _orphans(store)

    undo(store, Judgements(data), judgement.id, who="测试员")
    assert _people(store) == sorted([a, b]) and _posts_of(store, a) == 1 and _posts_of(store, b) == 1
    assert not _orphans(store)
    _load(store, data, posts)  # apart again (each row finds its own by unit and period), and proposed again
    assert _people(store) == sorted([a, b]) and _posts_of(store, a) == 1 and _posts_of(store, b) == 1
    assert len(pending_namesakes(store, Judgements(data))) == 1
    assert not Judgements(data).get(judgement.id).active


def test_refuse_is_never_proposed_again_until_undone(setup):
    store, data, posts = setup
    _load(store, data, posts)
    [pair] = pending_namesakes(store, Judgements(data))
    judgement = refuse(store, Judgements(data), pair.a.person_id, pair.b.person_id, who="测试员")
    assert pending_namesakes(store, Judgements(data)) == []
    assert not _load(store, data, posts).near_misses
    assert len(_people(store)) == 2
    undo(store, Judgements(data), judgement.id, who="测试员")
    assert len(pending_namesakes(store, Judgements(data))) == 1


def test_a_pair_judged_once_cannot_be_judged_again_without_undo(setup):
    store, data, posts = setup
    _load(store, data, posts)
    a, b = _people(store)
    refuse(store, Judgements(data), a, b, who="甲")
    with pytest.raises(JudgementError, match="已判断为"):
        confirm(store, Judgements(data), a, b, who="乙")
    with pytest.raises(JudgementError, match="只能判断人员或单位"):
        confirm(store, Judgements(data), a, next(n.id for n in store.iter_nodes() if n.kind.value == "Document"),
                who="乙")
    with pytest.raises(JudgementError, match="没有编号"):
        undo(store, Judgements(data), "j-none", who="乙")


@pytest.mark.parametrize("verdict", ["same", "different"])
def test_a_graph_rebuilt_from_the_ledgers_keeps_the_judgements(setup, tmp_path, verdict):
    store, data, posts = setup
    _load(store, data, posts)
    a, b = _people(store)
    (confirm if verdict == "same" else refuse)(store, Judgements(data), a, b, who="测试员")
    rebuilt = EmbeddedStore(tmp_path / "rebuilt.sqlite")
    try:
        _load(rebuilt, data, tmp_path / "单位名册.xlsx")
        report = _load(rebuilt, data, posts)
        assert not report.near_misses  # settled pairs are not proposed again
        assert _people(rebuilt) == ([a] if verdict == "same" else [a, b])
        assert _posts_of(rebuilt, a) == (2 if verdict == "same" else 1) and not _orphans(rebuilt)
    finally:
        rebuilt.close()
    fresh = EmbeddedStore(tmp_path / "fresh.sqlite")  # the same ledgers with no judgements: proposed
    try:
        loader = Loader(fresh, "s", county="宁川县")
        loader.load(tmp_path / "单位名册.xlsx")
        assert [m.value for m in loader.load(posts).near_misses] == ["张伟"]
    finally:
        fresh.close()


def test_the_api_confirms_lists_and_undoes_for_analysts_and_audits_each(tmp_path):
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.audit import AuditLog
    from graph.settings import Settings
    from tests.api.county_app import role_tokens

    data = tmp_path / "var"
    write_office(data, "宁川县")
    store = EmbeddedStore(data / "graph.sqlite")
    loader = Loader(store, "s", data_dir=data)
    loader.load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    loader.load(xlsx(tmp_path / "任职台账.xlsx", POSTS))
    store.close()
    tokens = role_tokens(data, "j")
    head = {role: {"Authorization": f"Bearer {t}"} for role, t in tokens.items()}
    with TestClient(create_app(Settings(data_dir=data, store="embedded"))) as client:
        assert client.get("/people/namesakes", headers=head["viewer"]).status_code == 403
        pairs = client.get("/people/namesakes", headers=head["analyst"]).json()
        assert len(pairs) == 1 and pairs[0]["a"]["name"] == "张伟"
        a, b = pairs[0]["a"]["person_id"], pairs[0]["b"]["person_id"]
        made = client.post("/judgements", headers=head["analyst"], json={"a": a, "b": b, "verdict": "same"})
        assert made.status_code == 201 and made.json()["who"] == "j_analyst" and made.json()["moved"] >= 1
        assert client.get("/people/namesakes", headers=head["analyst"]).json() == []
        again = client.post("/judgements", headers=head["analyst"], json={"a": a, "b": b, "verdict": "different"})
        assert again.status_code == 422 and "已判断为" in again.json()["message"]
        done = client.post(f"/judgements/{made.json()['id']}/undo", headers=head["analyst"])
        assert done.status_code == 200 and done.json()["undone_by"] == "j_analyst"
        assert client.post("/judgements/jnothing/undo", headers=head["analyst"]).status_code == 404
        assert len(client.get("/people/namesakes", headers=head["analyst"]).json()) == 1
        assert [j["id"] for j in client.get("/judgements", headers=head["analyst"]).json()] == [made.json()["id"]]
    log = AuditLog(data / "audit.sqlite")
    _, entries = log.read(limit=100, offset=0, kind="write")
    actions = [e.action for e in entries]
    log.close()
    assert {"judgement.same", "judgement.undo"} <= set(actions)


def test_a_unit_merge_holds_for_later_ledgers_naming_the_merged_unit_and_undoes(setup, tmp_path):
    from tests.test_ledger_clerk import ISSUE_HEAD, ROUNDS, _issue

    store, data, _ = setup
    units = {n.props["name"]: n.id for n in store.iter_nodes() if n.kind.value == "Unit"}
    old, new = units["宁川县扶贫办"], units["宁川县乡村振兴局"]
    judgement = confirm(store, Judgements(data), new, old, who="测试员", note="重复建档")
    assert judgement.subject == "unit" and store.get_node(old) is None
    _load(store, data, tmp_path / "单位名册.xlsx")  # the register again: the merged unit is not made again
    _load(store, data, xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS))
    _load(store, data, xlsx(tmp_path / "问题清单.xlsx", [ISSUE_HEAD, _issue("U1", "财务管理", unit="扶贫办")]))
    assert store.get_node(old) is None and not _orphans(store)
    found_at = [e.dst for e in store.iter_edges() if e.type.value == "FOUND_AT"]
    assert found_at == [new]
    undo(store, Judgements(data), judgement.id, who="测试员")
    assert store.get_node(old) is not None and not _orphans(store)
