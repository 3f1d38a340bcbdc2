"""Categories no rule places are held 待归类: loaded with the clerk's label, listed, and placed once an alias says how."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.audit import AuditLog
from graph.queries.registry import get
from graph.settings import get_settings, write_office
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.categories import Categories, Pending
from loaders.ledgers.load import Loader
from loaders.ledgers.pending import apply_aliases, held
from tests.test_ledger_clerk import ISSUE_HEAD, ROUNDS, UNITS, _issue, xlsx

C = "宁川县"
FINDING_HEAD = ["监督渠道", "编号", "发现日期", "单位", "问题类别", "问题描述"]


def _issues() -> list[list]:
    return [ISSUE_HEAD, _issue("P1", "财务管理"), _issue("P2", "说不清的类别"), _issue("P3", "食堂"),
            _issue("P4", "说不清的类别", text="公车私用"), _issue("P5", "管理"), _issue("P6", "三资")]


def _load(store, data: Path, tmp_path: Path) -> Loader:
    loader = Loader(store, "s", data_dir=data)
    loader.load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    loader.load(xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS))
    return loader


@pytest.fixture()
def office(tmp_path) -> Path:
    data = tmp_path / "var"
    write_office(data, C)
    return data


def _categories(store) -> dict[str, tuple[str, str | None]]:
    return {n.props["code"]: (n.props["category"], n.props.get("raw_category")) for n in store.iter_nodes()
            if n.kind.value in ("Issue", "Finding")}


def test_resolve_holds_what_no_rule_places_and_places_a_unique_near_name():
    cats = Categories()
    label, note = cats.resolve("说不清的类别")
    assert isinstance(label, Pending) and label == "其他" and label.raw == "说不清的类别" and "待归类" in note
    placed, why = cats.resolve("三资管理问题")  # contains one category's name: placed, the rule said
    assert not isinstance(placed, Pending) and placed == "三资管理" and "名称相近" in why
    several, why = cats.resolve("管理")  # inside several names: not guessed
    assert isinstance(several, Pending) and "不能确定" in why


def test_a_label_no_rule_places_loads_held_and_is_listed(tmp_path, office):
    store = EmbeddedStore(tmp_path / "g.sqlite")
    loader = _load(store, office, tmp_path)
    report = loader.load(xlsx(tmp_path / "问题清单.xlsx", _issues()))
    assert report.loaded == 6 and not report.problems
    got = _categories(store)
    held_codes = {code for code, (cat, raw) in got.items() if raw is not None}
    assert all(got[c][0] == "其他" for c in held_codes)
    pending_rows = {p.row for p in report.pending}
    assert {got[code][1] for code in held_codes} == {p.value for p in report.pending}
    assert len(pending_rows) == len(held_codes) and got["P1"] == ("财务管理", None) and got["P6"][1] is None
    listed = held(store)
    assert {h.id for h in listed} == {n.id for n in store.iter_nodes() if n.props.get("code") in held_codes}
    assert all(h.source and "问题清单.xlsx" in h.source and "行" in h.source for h in listed)
    assert report.model_dump(mode="json")["pending"]  # the report's JSON carries the list
    store.close()


def test_an_alias_then_apply_places_them_in_place_in_one_write(tmp_path, office):
    store = EmbeddedStore(tmp_path / "g.sqlite")
    loader = _load(store, office, tmp_path)
    loader.load(xlsx(tmp_path / "问题清单.xlsx", _issues()))
    before = _categories(store)
    ids = {n.props["code"]: n.id for n in store.iter_nodes() if n.kind.value == "Issue"}
    edges = sorted(e.id for e in store.iter_edges())
    nothing = apply_aliases(store, office)
    assert not nothing.moved and "说不清的类别" in nothing.still_pending
    (office / "category_aliases.csv").write_text("别名,标准类别\n说不清的类别,中央八项规定精神/四风\n", "utf-8")
    done = apply_aliases(store, office)
    moved = {m.id for m in done.moved}
    assert moved == {ids["P2"], ids["P4"]} and all(m.category == "中央八项规定精神/四风" for m in done.moved)
    after = _categories(store)
    assert after["P2"][0] == after["P4"][0] == "中央八项规定精神/四风"
    issue = store.get_node(ids["P2"])
    assert issue.props["top_category"] == "全面从严治党战略部署落实" and not issue.props.get("raw_category")
    assert {k: v for k, v in after.items() if k not in ("P2", "P4")} == {k: v for k, v in before.items()
                                                                          if k not in ("P2", "P4")}
    assert sorted(e.id for e in store.iter_edges()) == edges  # same node ids, no edge touched
    assert ids["P2"] not in {h.id for h in held(store)}
    again = Loader(store, "s", data_dir=office).load(xlsx(tmp_path / "问题清单.xlsx", _issues()))  # by the alias now
    assert not any("说不清的类别" in (p.value or "") for p in again.pending)
    store.close()


def test_a_reload_after_the_alias_places_them_and_apply_clears_the_label(tmp_path, office):
    store = EmbeddedStore(tmp_path / "g.sqlite")
    _load(store, office, tmp_path).load(xlsx(tmp_path / "问题清单.xlsx", _issues()))
    (office / "category_aliases.csv").write_text("别名,标准类别\n说不清的类别,财务管理\n", "utf-8")
    Loader(store, "s", data_dir=office).load(xlsx(tmp_path / "问题清单.xlsx", _issues()))  # reloaded, not applied
    stale = [h for h in held(store) if h.raw_category == "说不清的类别"]
    assert len(stale) == 2 and {h.category for h in stale} == {"财务管理"}
    done = apply_aliases(store, office)
    assert {m.raw_category for m in done.moved} == {"说不清的类别"} and {m.rule for m in done.moved} == {"重新载入时已归类"}
    assert {h.raw_category for h in held(store)} == {"食堂", "管理"}
    assert _categories(store)["P2"] == ("财务管理", None)
    store.close()


def test_the_command_line_lists_applies_and_audits(tmp_path, monkeypatch):
    from api.cli import app

    data = tmp_path / "var"
    write_office(data, C)
    monkeypatch.setenv("XUNCHA_DATA_DIR", str(data))
    monkeypatch.setenv("XUNCHA_STORE", "embedded")
    get_settings.cache_clear()
    store = EmbeddedStore(data / "graph.sqlite")
    _load(store, data, tmp_path).load(xlsx(tmp_path / "问题清单.xlsx", _issues()))
    store.close()
    cli = CliRunner()
    listed = cli.invoke(app, ["categories", "pending", "--json"])
    assert listed.exit_code == 0, listed.output
    assert {r["raw_category"] for r in json.loads(listed.stdout)} >= {"说不清的类别"}
    shown = cli.invoke(app, ["categories", "pending"], env={"COLUMNS": "400"})
    assert "category_aliases.csv" in shown.output and "说不清的类别" in shown.output
    (data / "category_aliases.csv").write_text("别名,标准类别\n说不清的类别,中央八项规定精神/四风\n", "utf-8")
    applied = cli.invoke(app, ["categories", "apply", "--no-analyse"])
    assert applied.exit_code == 0 and "已归类 2 条" in applied.output, applied.output
    log = AuditLog(data / "audit.sqlite")
    _, entries = log.read(limit=10, offset=0, kind="write")
    log.close()
    assert [e.action for e in entries].count("categories.apply") == 1
    get_settings.cache_clear()


def _pending_store(store, data: Path, tmp_path: Path) -> None:
    loader = _load(store, data, tmp_path)
    loader.load(xlsx(tmp_path / "问题清单.xlsx", _issues()))
    findings = [FINDING_HEAD, ["审计监督", "F1", "2021-05-01", "教育局", "另一个怪类别", "食堂采购无台账"],
                ["审计监督", "F2", "2021-05-01", "教育局", "财务管理", "账目不清"]]
    loader.load(xlsx(tmp_path / "其他监督发现.xlsx", findings))


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set (run with tools/with-neo4j.sh)")
def test_pending_and_apply_on_neo4j_match_the_embedded_store(scratch_neo4j, tmp_path, office):
    embedded = EmbeddedStore(tmp_path / "g.sqlite")
    scratch_neo4j.clear()
    for store, folder in ((embedded, tmp_path / "e"), (scratch_neo4j, tmp_path / "n")):
        folder.mkdir()
        _pending_store(store, office, folder)
    query = get("pending_categories")
    for params in ({}, {"kind": "Issue"}, {"kind": "Finding"}):
        bound = query.bind(params).model_dump()
        mine = embedded.run_query("pending_categories", bound)
        assert mine == scratch_neo4j.run_query("pending_categories", bound)
        assert mine
    assert {r["kind"] for r in embedded.run_query("pending_categories", {"kind": None})} == {"Issue", "Finding"}
    aliases = "别名,标准类别\n说不清的类别,中央八项规定精神/四风\n另一个怪类别,财务管理\n"
    (office / "category_aliases.csv").write_text(aliases, "utf-8")
    assert len(apply_aliases(scratch_neo4j, office).moved) == len(apply_aliases(embedded, office).moved) == 3
    assert embedded.run_query("pending_categories", {"kind": None}) == \
        scratch_neo4j.run_query("pending_categories", {"kind": None})
    assert not any(n.props.get("raw_category") for n in scratch_neo4j.iter_nodes() if n.props.get("code") == "P2")
    embedded.close()
