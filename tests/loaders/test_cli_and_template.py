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
