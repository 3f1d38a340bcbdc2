"""``xuncha template`` and ``xuncha load`` as a clerk would use them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from api.cli import app
from graph.settings import get_settings
from tests.loaders.test_malformed import ISSUE_HEAD, ROUNDS, UNITS, issue, write_csv


@pytest.fixture()
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XUNCHA_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("XUNCHA_STORE", "embedded")
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_template_has_headers_example_and_dropdowns(cli, tmp_path):
    out = tmp_path / "问题清单模板.xlsx"
    result = cli.invoke(app, ["template", "issues", "--out", str(out)])
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    ws = wb["问题清单"]
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["县（市、区）", "届次", "轮次"] and "问题描述" in headers
    assert ws.cell(row=2, column=headers.index("问题描述") + 1).value
    ranges = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    status_col = chr(65 + headers.index("整改状态"))
    assert any(r.startswith(status_col) for r in ranges)
    options = [c.value for c in wb["选项"][status_col] if c.value]
    assert options == ["未整改", "整改中", "已整改"]
    assert "填写说明" in wb.sheetnames


def test_a_filled_template_loads(cli, tmp_path):
    out = tmp_path / "单位名册模板.xlsx"
    assert cli.invoke(app, ["template", "单位名册", "--out", str(out)]).exit_code == 0
    result = cli.invoke(app, ["load", str(out), "--no-analyse", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report[0]["loaded"] == 1 and report[0]["kinds"] == ["单位名册"]


def test_load_a_folder_in_dependency_order_and_report_problems(cli, tmp_path):
    folder = tmp_path / "ledgers"
    folder.mkdir()
    write_csv(folder / "a_issues.csv", [ISSUE_HEAD, issue()])  # named first, but needs units and rounds
    write_csv(folder / "b_rounds.csv", ROUNDS)
    write_csv(folder / "c_units.csv", UNITS)
    write_csv(folder / "d_bad.csv", [ISSUE_HEAD, issue(问题编号="z", 序号=2, 发现日期="前天")])
    result = cli.invoke(app, ["load", str(folder)])
    assert result.exit_code == 1
    assert "d_bad.csv，第2行，K列“发现日期”：“前天” —— 不是可识别的日期" in result.output
    assert "未载入" in result.output
    stats = json.loads(cli.invoke(app, ["stats", "--json"]).output)
    assert stats["nodes"]["Issue"] == 1 and stats["nodes"]["Unit"] == 7


def test_unknown_template_kind_lists_the_choices(cli):
    result = cli.invoke(app, ["template", "问题单"])
    assert result.exit_code == 1 and "问题清单" in result.output


def test_a_reload_reports_creates_updates_and_unchanged_rows_truly(cli, tmp_path):
    write_csv(tmp_path / "units.csv", UNITS)
    write_csv(tmp_path / "rounds.csv", ROUNDS)
    assert cli.invoke(app, ["load", str(tmp_path / "units.csv"), str(tmp_path / "rounds.csv"), "--no-analyse"]
                      ).exit_code == 0
    first = tmp_path / "issues.csv"
    write_csv(first, [ISSUE_HEAD, issue(), issue(问题编号="NC-15-1-02", 序号=2, 问题描述="公务接待无公函，超标准接待3次")])
    report = json.loads(cli.invoke(app, ["load", str(first), "--no-analyse", "--json"]).output)[0]
    assert report["changes"]["created"] == 2 and report["changes"]["updated"] == 0
    again = json.loads(cli.invoke(app, ["load", str(first), "--no-analyse", "--json"]).output)[0]
    assert {k: v for k, v in again["changes"].items() if k != "dropped"} == {
        "created": 0, "updated": 0, "unchanged": 2, "updates": []}
    assert again["changes"]["dropped"]["count"] == 0
    changed = tmp_path / "issues2.csv"  # the same round, unit and 序号: an overwrite, reported with before/after
    write_csv(changed, [ISSUE_HEAD, issue(整改状态="已整改")])
    report = json.loads(cli.invoke(app, ["load", str(changed), "--no-analyse", "--json"]).output)[0]
    assert report["changes"]["updated"] == 1 and report["changes"]["created"] == 0
    (note,) = report["changes"]["updates"]
    assert note["row"] == 2 and {"field": "status", "before": "in_progress", "after": "rectified"} in note["changes"]
    shown = cli.invoke(app, ["load", str(first), "--no-analyse"]).output
    assert "改写了已有记录 1 条" in shown and "status：rectified → in_progress" in shown


def test_a_row_deleted_from_a_file_is_listed_then_removed_with_remove_dropped(cli, tmp_path):
    assert cli.invoke(app, ["load", str(write_csv(tmp_path / "units.csv", UNITS)),
                            str(write_csv(tmp_path / "rounds.csv", ROUNDS)), "--no-analyse"]).exit_code == 0
    ledger = tmp_path / "issues.csv"
    write_csv(ledger, [ISSUE_HEAD, issue(), issue(问题编号="NC-15-1-02", 序号=2, 问题描述="公务接待无公函，超标准接待3次")])
    assert cli.invoke(app, ["load", str(ledger), "--no-analyse"]).exit_code == 0
    write_csv(ledger, [ISSUE_HEAD, issue()])
    shown = cli.invoke(app, ["load", str(ledger), "--no-analyse"]).output
    assert "文件中已删去、图中仍有的记录 1 条" in shown and "问题“NC-15-1-02”（原issues.csv第3行）" in shown
    removed = cli.invoke(app, ["load", str(ledger), "--no-analyse", "--remove-dropped"])
    assert removed.exit_code == 0 and "已删除文件中已删去的行所载记录 1 条" in removed.output
    assert json.loads(cli.invoke(app, ["stats", "--json"]).output)["nodes"]["Issue"] == 1


def test_skip_bad_rows_with_every_row_bad_writes_nothing(cli, tmp_path):
    write_csv(tmp_path / "units.csv", UNITS)
    write_csv(tmp_path / "rounds.csv", ROUNDS)
    assert cli.invoke(app, ["load", str(tmp_path / "units.csv"), str(tmp_path / "rounds.csv"), "--no-analyse"]
                      ).exit_code == 0
    before = json.loads(cli.invoke(app, ["stats", "--json"]).output)
    bad = write_csv(tmp_path / "bad.csv", [ISSUE_HEAD, issue(发现日期="前天")])
    cli.invoke(app, ["load", str(bad), "--no-analyse", "--skip-bad-rows"])
    assert json.loads(cli.invoke(app, ["stats", "--json"]).output) == before  # no Document node either


def test_xuncha_load_reads_within_the_data_folders_read_limits(cli, tmp_path):
    """The county's read_limits.json (or XUNCHA_MAX_ROWS) binds the command line as it binds uploads."""
    from graph.settings import get_settings

    data = get_settings().data_dir
    units = tmp_path / "单位名册.csv"
    units.write_text("单位名称,县（市、区）,单位类别\n" + "".join(f"宁川县测试{i}局,宁川县,县直单位\n" for i in range(5)),
                     encoding="utf-8")
    data.mkdir(parents=True, exist_ok=True)
    (data / "read_limits.json").write_text('{"max_rows": 3}', encoding="utf-8")
    try:
        refused = cli.invoke(app, ["load", str(units), "--no-analyse"])
        assert refused.exit_code != 0 and "max_rows" in refused.output and "3" in refused.output
    finally:
        (data / "read_limits.json").unlink()
    assert cli.invoke(app, ["load", str(units), "--no-analyse"]).exit_code == 0


def test_the_notes_say_what_a_code_column_wants_not_a_drop_down(cli, tmp_path):
    """A 整改台账's 问题编号 is typed, not chosen: the notes said 从下拉列表选择 though the column had no list."""
    out = tmp_path / "整改台账模板.xlsx"
    assert cli.invoke(app, ["template", "tasks", "--out", str(out)]).exit_code == 0
    notes = {row[0]: row[2] for row in load_workbook(out)["填写说明"].iter_rows(values_only=True) if row and row[0]}
    assert notes["问题编号"].startswith("已载入的问题的编号") and "WB-" in notes["问题编号"]
    assert notes["整改层级"] == "从下拉列表选择"
