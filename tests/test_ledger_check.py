"""xuncha check: a clerk's files validated without loading, each bad one returned as a copy with its cells marked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from graph.settings import write_office
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.annotate import AUTHOR, REPORT_SHEET, cell_of
from loaders.ledgers.check import check_files
from loaders.ledgers.load import Loader
from loaders.ledgers.readers import read_sheets
from tests.test_ledger_clerk import ISSUE_HEAD, ROUNDS, UNITS, _issue, xlsx

C = "宁川县"


@pytest.fixture()
def office(tmp_path) -> Path:
    data = tmp_path / "var"
    write_office(data, C)
    return data


@pytest.fixture()
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "graph.sqlite")
    yield s
    s.close()


def _marked(path: Path) -> dict[tuple[str, str], str]:
    """Every cell of the copy carrying our fill and comment: (sheet, cell) → comment text."""
    wb = load_workbook(path)
    found = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.comment is not None and cell.comment.author == AUTHOR:
                    assert cell.fill.fgColor.rgb.endswith("FFC7CE"), cell.coordinate
                    found[(ws.title, cell.coordinate)] = cell.comment.text
                elif cell.fill is not None and cell.fill.fgColor is not None:
                    assert not str(cell.fill.fgColor.rgb).endswith("FFC7CE"), cell.coordinate
    return found


def _bad_issues(folder: Path) -> Path:
    rows = [ISSUE_HEAD, _issue("B1", "财务管理"),
            [15, 1, "B2", "教育局", "公车私用", "财务管理", "未整改", "2019-13-45"],  # no such date
            [15, 1, "B3", "不存在的单位", "账目不清", "财务管理", "未整改", "2019-04-02"],  # a unit nobody knows
            [15, 1, "B4", "教育局", None, "财务管理", "未整改", "2019-04-02"],  # 问题描述 blank
            [15, 1, "B5", "教育局", "=1+1", "财务管理", "未整改", "2019-04-02"]]  # a formula
    return xlsx(folder / "问题清单.xlsx", rows, title="宁川县巡察问题清单")


def test_a_bad_file_comes_back_with_exactly_its_bad_cells_marked(store, office, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    xlsx(folder / "单位名册.xlsx", UNITS)
    xlsx(folder / "巡察轮次.xlsx", ROUNDS)
    _bad_issues(folder)
    results = {r.path.name: r for r in check_files(store, [folder], salt="s", alias_table=None, data_dir=office)}
    assert not list(store.iter_nodes())  # nothing loaded
    assert results["单位名册.xlsx"].marked is None and not results["单位名册.xlsx"].report.problems
    checked = results["问题清单.xlsx"]
    assert checked.marked == folder / "问题清单.检查结果.xlsx" and checked.marked.exists()
    problems = checked.report.problems
    assert {p.row for p in problems} == {4, 5, 6, 7}  # the title line shifts rows by one; row 3 (B1) is good
    want = {}
    for p in problems:
        want.setdefault((p.sheet, f"{p.column or 'A'}{p.row}"), []).append(p.reason)
    got = _marked(checked.marked)
    assert set(got) == set(want)
    for where, reasons in want.items():
        assert all(r in got[where] for r in reasons)
    wb = load_workbook(checked.marked)
    assert wb.sheetnames[0] == REPORT_SHEET
    listed = [row for row in wb[REPORT_SHEET].iter_rows(values_only=True) if row[0] == "问题"]
    assert len(listed) == len(problems)
    # the clerk's own cells are untouched, the formula kept as written
    assert wb["Sheet1"]["E7"].value == "=1+1" and wb["Sheet1"]["A1"].value == "宁川县巡察问题清单"
    assert not list(folder.glob("*.rejects.csv"))
    # the marked copy, once fixed in Excel, loads as it stands (the report sheet is skipped)
    ws = wb["Sheet1"]
    ws["H4"], ws["D5"], ws["E6"], ws["E7"] = "2019-04-03", "教育局", "白条入账", "公款吃喝"
    wb.save(checked.marked)
    again = check_files(store, [folder / "单位名册.xlsx", folder / "巡察轮次.xlsx", checked.marked], salt="s",
                        alias_table=None, data_dir=office)
    assert [r.path for r in again][-1] == checked.marked  # named on its own, a marked copy is checked
    assert not again[-1].report.problems and again[-1].marked is None
    assert [r.path.name for r in check_files(store, [folder], salt="s", alias_table=None, data_dir=office)] == [
        "单位名册.xlsx", "巡察轮次.xlsx", "问题清单.xlsx"]  # in a folder, it is not
    assert _marked(checked.marked) == got  # a good file is not rewritten


def test_checked_together_later_files_see_earlier_ones_and_the_real_graph_stays_empty(store, office, tmp_path):
    issues = xlsx(tmp_path / "问题清单.xlsx", [ISSUE_HEAD, _issue("X1", "财务管理")])
    alone = check_files(store, [issues], salt="s", alias_table=None, data_dir=office)
    assert alone[0].report.problems  # no units, no rounds
    together = check_files(store, [xlsx(tmp_path / "单位名册.xlsx", UNITS), xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS),
                                   issues], salt="s", alias_table=None, data_dir=office)
    assert [r.report.problems for r in together] == [[], [], []]
    assert store.counts().total_nodes == 0


def test_a_csv_comes_back_as_a_workbook_of_its_rows_with_the_same_marks(store, office, tmp_path):
    loader = Loader(store, "s", data_dir=office)
    loader.load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    loader.load(xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS))
    before = store.counts().total_nodes
    path = tmp_path / "问题清单.csv"
    lines = [",".join(ISSUE_HEAD), "15,1,K1,教育局,账目不清,财务管理,未整改,2019-04-02",
             "15,1,K2,教育局,公车私用,财务管理,未整改,2019年13月1日", "15,1,K3,火星局,超标准接待,财务管理,未整改,2019-04-02"]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    [result] = check_files(store, [path], salt="s", alias_table=None, data_dir=office)
    assert store.counts().total_nodes == before
    assert result.marked == tmp_path / "问题清单.检查结果.xlsx"
    sheets = read_sheets(path)
    want = {cell_of(p, sheets, False) for p in result.report.problems}
    assert want == {("台账", "H3"), ("台账", "D4")}
    assert set(_marked(result.marked)) == want
    ws = load_workbook(result.marked)["台账"]
    assert [c.value for c in ws[1]] == ISSUE_HEAD and ws["C2"].value == "K1"


def test_a_json_file_marks_its_records_by_key(store, office, tmp_path):
    path = tmp_path / "单位名册.json"
    path.write_text(json.dumps([{"单位名称": "宁川县教育局"}, {"单位名称": "宁川县财政局", "县（市、区）": "临江县"}],
                               ensure_ascii=False), "utf-8")
    [result] = check_files(store, [path], salt="s", alias_table=None, data_dir=office)
    [bad] = result.report.problems
    assert bad.row == 2 and bad.header == "县（市、区）"
    assert set(_marked(result.marked)) == {("台账", "B3")}


def test_an_unreadable_file_is_reported_without_a_copy(store, office, tmp_path):
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(b"not a zip")
    [result] = check_files(store, [path], salt="s", alias_table=None, data_dir=office)
    assert result.marked is None and "Excel" in result.report.problems[0].reason


def test_the_command_line_checks_and_says_where_the_marked_copy_is(office, tmp_path, monkeypatch):
    from api.cli import app

    monkeypatch.setenv("XUNCHA_DATA_DIR", str(office))
    folder = tmp_path / "in"
    folder.mkdir()
    _bad_issues(folder)
    result = CliRunner().invoke(app, ["check", str(folder), "--json"])
    assert result.exit_code == 1, result.output
    [item] = json.loads(result.stdout)
    assert item["marked"].endswith("问题清单.检查结果.xlsx") and item["report"]["problems"]
    assert not (office / "graph.sqlite").exists() or EmbeddedStore(office / "graph.sqlite").counts().total_nodes == 0


def test_the_upload_endpoint_returns_the_marked_workbook_and_loads_nothing(tmp_path):
    from io import BytesIO

    from fastapi.testclient import TestClient

    from api.app import create_app
    from graph.settings import Settings
    from tests.api.county_app import role_tokens

    data = tmp_path / "var"
    write_office(data, C)
    store = EmbeddedStore(data / "graph.sqlite")
    loader = Loader(store, "s", data_dir=data)
    loader.load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    loader.load(xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS))
    before = store.counts()
    store.close()
    bad = _bad_issues(tmp_path).read_bytes()
    head = {role: {"Authorization": f"Bearer {t}"} for role, t in role_tokens(data, "c").items()}
    with TestClient(create_app(Settings(data_dir=data, store="embedded"))) as client:
        files = {"file": ("问题清单.xlsx", bad)}
        assert client.post("/loads/check", headers=head["viewer"], files=files).status_code == 403
        got = client.post("/loads/check", headers=head["analyst"], files=files)
        assert got.status_code == 200, got.text
        assert "filename*=UTF-8''" in got.headers["content-disposition"]
        assert "%E6%A3%80%E6%9F%A5%E7%BB%93%E6%9E%9C" in got.headers["content-disposition"]  # 检查结果
        report = client.post("/loads/check", headers=head["admin"], files=files, data={"format": "json"}).json()
        assert report["file"] == "问题清单.xlsx" and int(got.headers["x-check-problems"]) == len(report["problems"])
        marked = tmp_path / "back.xlsx"
        marked.write_bytes(got.content)
        want = {(p["sheet"], f"{p['column'] or 'A'}{p['row']}") for p in report["problems"]}
        assert set(_marked(marked)) == want and len(want) == 4
        broken = client.post("/loads/check", headers=head["analyst"], files={"file": ("x.xlsx", BytesIO(b"nope"))})
        assert broken.status_code == 422 and "Excel" in broken.json()["message"]
    store = EmbeddedStore(data / "graph.sqlite")
    assert store.counts() == before
    store.close()


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set (run with tools/with-neo4j.sh)")
def test_a_check_against_neo4j_marks_the_same_cells_and_writes_nothing(scratch_neo4j, office, tmp_path):
    scratch_neo4j.clear()
    loader = Loader(scratch_neo4j, "s", data_dir=office)
    loader.load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    loader.load(xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS))
    before = scratch_neo4j.counts()
    folder = tmp_path / "in"
    folder.mkdir()
    [result] = check_files(scratch_neo4j, [_bad_issues(folder)], salt="s", alias_table=None, data_dir=office)
    assert scratch_neo4j.counts() == before
    assert {p.row for p in result.report.problems} == {4, 5, 6, 7}
    assert set(_marked(result.marked)) == {(p.sheet, f"{p.column or 'A'}{p.row}") for p in result.report.problems}
