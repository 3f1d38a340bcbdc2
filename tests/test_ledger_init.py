"""``xuncha init`` and ``xuncha people`` on the command line, as an office would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.audit import AuditLog
from api.cli import app
from graph.settings import get_settings
from tests.test_ledger_clerk import UNITS, xlsx
from tests.test_ledger_judgements import POSTS


@pytest.fixture()
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XUNCHA_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("XUNCHA_STORE", "embedded")
    monkeypatch.delenv("XUNCHA_COUNTY", raising=False)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_init_records_the_county_and_starts_the_reform_list(cli, tmp_path):
    missing = cli.invoke(app, ["init"])
    assert missing.exit_code == 1 and "--county" in missing.output
    done = cli.invoke(app, ["init", "--county", "宁川县", "--city", "江州市"])
    assert done.exit_code == 0, done.output
    office = json.loads((tmp_path / "var" / "office.json").read_text("utf-8"))
    assert (office["county"], office["city"]) == ("宁川县", "江州市")
    assert (tmp_path / "var" / "unit_successions.csv").exists()
    again = cli.invoke(app, ["init", "--county", "临江县"])
    assert "原设置为“宁川县”" in again.output
    shown = cli.invoke(app, ["init"])
    assert shown.exit_code == 0 and "临江县" in shown.output
    log = AuditLog(tmp_path / "var" / "audit.sqlite")
    _, entries = log.read(limit=10, offset=0, kind="write")
    log.close()
    assert [e.action for e in entries] == ["office.init", "office.init"]


def test_a_clerks_ledgers_load_after_init_and_namesakes_are_settled_on_the_command_line(cli, tmp_path):
    assert cli.invoke(app, ["init", "--county", "宁川县"]).exit_code == 0
    units, posts = xlsx(tmp_path / "单位名册.xlsx", UNITS), xlsx(tmp_path / "任职台账.xlsx", POSTS)
    loaded = cli.invoke(app, ["load", str(units), str(posts), "--no-analyse", "--json"])
    assert loaded.exit_code == 0, loaded.output
    pairs = json.loads(cli.invoke(app, ["people", "namesakes", "--json"]).output)
    assert [p["a"]["name"] for p in pairs] == ["张伟"]
    a, b = pairs[0]["a"]["person_id"], pairs[0]["b"]["person_id"]
    refused = cli.invoke(app, ["people", "refuse", a, b, "--note", "不同的人"])
    assert refused.exit_code == 0, refused.output
    assert json.loads(cli.invoke(app, ["people", "namesakes", "--json"]).output) == []
    [judgement] = json.loads(cli.invoke(app, ["people", "list", "--json"]).output)
    assert (judgement["verdict"], judgement["note"]) == ("different", "不同的人")
    assert cli.invoke(app, ["people", "undo", judgement["id"]]).exit_code == 0
    assert len(json.loads(cli.invoke(app, ["people", "namesakes", "--json"]).output)) == 1
    wrong = cli.invoke(app, ["people", "undo", "jnothing"])
    assert wrong.exit_code == 1 and "没有编号" in wrong.output


def test_the_issues_names_pending_merge_split_distinct_work_beside_the_first_ones(cli, tmp_path):
    from graph.stores.embedded import EmbeddedStore

    assert cli.invoke(app, ["init", "--county", "宁川县"]).exit_code == 0
    units, posts = xlsx(tmp_path / "单位名册.xlsx", UNITS), xlsx(tmp_path / "任职台账.xlsx", POSTS)
    assert cli.invoke(app, ["load", str(units), str(posts), "--no-analyse"]).exit_code == 0
    pending = json.loads(cli.invoke(app, ["people", "pending", "--json"]).output)
    assert pending == json.loads(cli.invoke(app, ["people", "namesakes", "--json"]).output) and len(pending) == 1
    a, b = pending[0]["a"]["person_id"], pending[0]["b"]["person_id"]

    def people() -> set[str]:
        store = EmbeddedStore(tmp_path / "var" / "graph.sqlite")
        try:
            return {n.id for n in store.iter_nodes() if n.kind.value == "Person" and n.props["name"] == "张伟"}
        finally:
            store.close()

    merged = cli.invoke(app, ["people", "merge", a, b, "--note", "同一身份证复印件"])
    assert merged.exit_code == 0 and "people split" in merged.output, merged.output
    assert people() == {a}
    [judgement] = json.loads(cli.invoke(app, ["people", "list", "--json"]).output)
    assert (judgement["verdict"], judgement["note"]) == ("same", "同一身份证复印件")
    split = cli.invoke(app, ["people", "split", b, a])  # by its two records, either order
    assert split.exit_code == 0, split.output
    assert people() == {a, b}
    assert cli.invoke(app, ["people", "merge", a, b]).exit_code == 0
    assert cli.invoke(app, ["people", "split", b]).exit_code == 0  # by the record merged away
    assert people() == {a, b}
    assert cli.invoke(app, ["people", "distinct", a, b, "--note", "两人"]).exit_code == 0
    assert json.loads(cli.invoke(app, ["people", "pending", "--json"]).output) == []
    nothing = cli.invoke(app, ["people", "split", a, "p_nobody"])
    assert nothing.exit_code == 1 and "没有有效的判断" in nothing.output
    helped = cli.invoke(app, ["units", "--help"], env={"COLUMNS": "200"})
    assert all(word in helped.output for word in ("merge", "distinct", "split", "undo"))
