"""``xuncha review case|cases`` on the sample county: tables, --json, --docx, --xlsx, and clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner

from api.cli import app
from api.reports import case_batch_xlsx
from graph.analysis import repeats
from graph.settings import get_settings
from graph.stores.embedded import EmbeddedStore

AS_OF = "2024-12-31"


@pytest.fixture(scope="module")
def data_dir(county, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("review_cli")
    store = EmbeddedStore(folder / "graph.sqlite")
    store.upsert(county.nodes, county.edges)
    repeats.recompute(store)
    store.close()
    return folder


@pytest.fixture()
def cli(data_dir, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XUNCHA_DATA_DIR", str(data_dir))
    monkeypatch.setenv("XUNCHA_STORE", "embedded")
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def case(county):
    return min((n for n in county.nodes if n.kind.value == "Case"), key=lambda n: n.props["code"])


def test_one_case_as_a_table_and_as_json(cli, case):
    shown = cli.invoke(app, ["review", "case", case.props["code"], "--as-of", AS_OF])
    assert shown.exit_code == 0, shown.output
    assert f"关于{case.props['code']}号案件" in shown.output and "一案三改审查结论" in shown.output
    assert "个案整改" in shown.output and "一案双查" in shown.output
    as_json = cli.invoke(app, ["review", "case", case.id, "--json", "--as-of", AS_OF])
    review = json.loads(as_json.output)
    assert review["case_code"] == case.props["code"] and review["as_of"] == AS_OF and len(review["parts"]) == 4


def test_one_case_as_a_word_report(cli, case, tmp_path):
    out = tmp_path / "审查报告"  # no suffix: .docx is added
    result = cli.invoke(app, ["review", "case", case.props["code"], "--docx", str(out), "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    doc = Document(str(out.with_suffix(".docx")))
    assert doc.paragraphs[0].text == f"关于{case.props['code']}号案件“一案三改”情况的审查报告"


def test_an_unknown_case_or_a_bad_date_is_a_clear_message_and_exit_1(cli):
    missing = cli.invoke(app, ["review", "case", "宁川县LA19990001"])
    assert missing.exit_code == 1 and "找不到案件" in missing.output and "Traceback" not in missing.output
    assert missing.exception is None or isinstance(missing.exception, SystemExit)
    bad = cli.invoke(app, ["review", "case", "x", "--as-of", "31/12/2024"])
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.output


def test_the_batch_as_a_table_json_and_workbook(cli, tmp_path):
    period = ["--from", "2017-01-01", "--to", "2017-12-31", "--as-of", AS_OF]
    shown = cli.invoke(app, ["review", "cases", *period])
    assert shown.exit_code == 0, shown.output
    assert "一案三改审查汇总" in shown.output
    batch = json.loads(cli.invoke(app, ["review", "cases", *period, "--json"]).output)
    assert batch["rows"] and all(r["opened"].startswith("2017") for r in batch["rows"])
    out = tmp_path / "汇总.xlsx"
    assert cli.invoke(app, ["review", "cases", *period, "--xlsx", str(out)]).exit_code == 0
    ws = load_workbook(out)[case_batch_xlsx.SHEET]
    assert [r[1].value for r in ws.iter_rows(min_row=2)] == [r["case_code"] for r in batch["rows"]]


def test_an_unknown_round_or_reversed_period_is_refused(cli):
    unknown = cli.invoke(app, ["review", "cases", "--round", "rnd_0000000000000000"])
    assert unknown.exit_code == 1 and "巡察轮次" in unknown.output
    reversed_period = cli.invoke(app, ["review", "cases", "--from", "2020-01-01", "--to", "2019-01-01"])
    assert reversed_period.exit_code == 1 and "--from" in reversed_period.output
