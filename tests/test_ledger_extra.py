"""Columns no ledger knows are kept on the entity the row declares (其他列), with a warning; never fatal."""

from __future__ import annotations

import os

import pytest

from graph.explore.entity_card import facts
from graph.settings import write_office
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.load import LedgerRejected, Loader
from tests.test_ledger_clerk import ISSUE_HEAD, ROUNDS, UNITS, _issue, xlsx

C = "宁川县"


@pytest.fixture()
def loader(tmp_path):
    data = tmp_path / "var"
    write_office(data, C)
    store = EmbeddedStore(tmp_path / "g.sqlite")
    load = Loader(store, "s", data_dir=data)
    load.load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    load.load(xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS))
    yield load
    store.close()


def _issues(store) -> dict[str, dict]:
    return {n.props["code"]: n.props for n in store.iter_nodes() if n.kind.value == "Issue"}


def test_unknown_columns_are_kept_on_the_issue_as_written_with_a_warning(loader, tmp_path):
    head = ISSUE_HEAD + ["督办领导", "整改难度", "督办领导"]
    rows = [head, _issue("E1", "财务管理") + ["王某", "较大", "李某"], _issue("E2", "财务管理") + [None, None, None],
            _issue("E3", "财务管理") + ["=SUM(A1)", "手机13912345678", None]]
    report = loader.load(xlsx(tmp_path / "问题清单.xlsx", rows))
    assert report.loaded == 3 and not report.problems
    got = _issues(loader.store)
    assert got["E1"]["extra"] == ["督办领导：王某", "整改难度：较大", "督办领导（K）：李某"]
    assert "extra" not in got["E2"]
    assert got["E3"]["extra"][0] == "督办领导：'=SUM(A1)" and "13912345678" not in got["E3"]["extra"][1]
    kept = [w for w in report.warnings if "原样保留" in w.reason]
    assert sorted(w.column for w in kept) == ["I", "J", "K"] and all("其他列" in w.reason for w in kept)
    notes = {n.column: n for n in report.columns}
    assert notes["I"].read_as == "其他列" and notes["K"].read_as == "其他列"
    shown = {f.label: f.value for f in facts("Issue", got["E1"])}
    assert shown["其他列"] == "督办领导：王某、整改难度：较大、督办领导（K）：李某"


def test_a_relationship_ledger_reports_its_unknown_columns_without_keeping_them(loader, tmp_path):
    posts = [["姓名", "单位", "职务", "是否一把手", "任职起始", "督办领导"],
             ["周某", "教育局", "局长", "是", "2018-01-01", "王某"]]
    report = loader.load(xlsx(tmp_path / "任职台账.xlsx", posts))
    assert report.loaded == 1
    assert any(w.header == "督办领导" and "未载入" in w.reason for w in report.warnings)
    assert not any(n.props.get("extra") for n in loader.store.iter_nodes())


def test_an_error_elsewhere_in_the_row_still_rejects_the_file(loader, tmp_path):
    rows = [ISSUE_HEAD + ["督办领导"], _issue("E1", "财务管理") + ["王某"],
            [15, 1, "E2", "教育局", "公车私用", "财务管理", "未整改", "2019-02-30", "李某"]]
    with pytest.raises(LedgerRejected) as info:
        loader.load(xlsx(tmp_path / "问题清单.xlsx", rows))
    assert [(p.row, p.column) for p in info.value.report.problems] == [(3, "H")]
    assert not _issues(loader.store)


def test_the_entity_card_lists_the_kept_columns_after_the_declared_facts(loader, tmp_path):
    rows = [ISSUE_HEAD + ["督办领导"], _issue("E1", "财务管理") + ["王某"]]
    loader.load(xlsx(tmp_path / "问题清单.xlsx", rows))
    labels = [f.label for f in facts("Issue", _issues(loader.store)["E1"])]
    assert labels[-1] == "其他列" and labels[0] != "其他列"


def test_xuncha_load_prints_how_headers_were_read_and_the_warnings(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from api.cli import app
    from graph.settings import get_settings

    data = tmp_path / "var"
    write_office(data, C)
    monkeypatch.setenv("XUNCHA_DATA_DIR", str(data))
    monkeypatch.setenv("XUNCHA_STORE", "embedded")
    get_settings.cache_clear()
    units = xlsx(tmp_path / "单位名册.xlsx", UNITS)
    rounds = xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS)
    issues = xlsx(tmp_path / "问题清单.xlsx", [ISSUE_HEAD + ["督办领导"], _issue("E1", "说不清的类别") + ["王某"]])
    result = CliRunner().invoke(app, ["load", str(units), str(rounds), str(issues), "--no-analyse"],
                                env={"COLUMNS": "400"})
    get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    out = result.output
    assert "列名识别" in out and "“单位全称” → 单位名称" in out and "“督办领导” → 其他列" in out
    assert "已按规则处理、请留意" in out and "内容原样保留" in out and "按名称推定" in out
    assert "类别待归类 1 条" in out and "xuncha categories apply" in out


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set (run with tools/with-neo4j.sh)")
def test_kept_columns_are_held_as_a_list_on_neo4j(scratch_neo4j, tmp_path):
    scratch_neo4j.clear()
    data = tmp_path / "var"
    write_office(data, C)
    load = Loader(scratch_neo4j, "s", data_dir=data)
    load.load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    load.load(xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS))
    load.load(xlsx(tmp_path / "问题清单.xlsx", [ISSUE_HEAD + ["督办领导", "整改难度"],
                                                _issue("E1", "财务管理") + ["王某", "较大"]]))
    assert _issues(scratch_neo4j)["E1"]["extra"] == ["督办领导：王某", "整改难度：较大"]
