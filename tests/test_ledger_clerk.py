"""Ledgers written the way a clerk writes them: no county column, no 序号, natural headers, short categories.

Every workbook is written here with openpyxl, as a clerk would save it from Excel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.settings import write_office
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.load import LedgerRejected, Loader

C = "宁川县"


def xlsx(path: Path, rows: list[list[Any]], title: str | None = None, sheet: str = "Sheet1") -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if title:  # a title line above the header, as offices print them
        ws.append([title])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


UNITS = [["序号", "单位全称", "所在乡镇", "主要负责人", "联系电话"],
         [1, "宁川县扶贫办", None, "王某", "0000-1234567"],
         [2, "宁川县乡村振兴局", None, "李某", "0000-7654321"],
         [3, "宁川县清河镇", None, "赵某", None],
         [4, "青山村", "清河镇", "钱某", None],
         [5, "宁川县教育局", None, "孙某", None]]
ROUNDS = [["届次", "轮次", "巡察类型", "进驻日期", "结束日期"],
          [15, 1, "常规巡察", "2019-03-01", "2019-05-01"],
          [15, 3, "常规巡察", "2022-03-01", "2022-05-01"]]


@pytest.fixture()
def office(tmp_path) -> Path:
    data = tmp_path / "var"
    write_office(data, C, "江州市")
    return data


@pytest.fixture()
def store(tmp_path):
    s = EmbeddedStore(tmp_path / "graph.sqlite")
    yield s
    s.close()


def loader(store, data: Path | None) -> Loader:
    return Loader(store, "s", data_dir=data)


def test_a_clerks_unit_register_loads_with_the_office_county(store, office, tmp_path):
    path = xlsx(tmp_path / "单位名册.xlsx", UNITS, title="宁川县单位名册（2023年）")
    report = loader(store, office).load(path)
    assert report.loaded == 5 and report.county == C
    units = {n.props["name"]: n.props for n in store.iter_nodes() if n.kind.value == "Unit"}
    assert {u["county"] for u in units.values()} == {C}
    assert units["青山村"]["unit_kind"] == "village" and units["宁川县清河镇"]["unit_kind"] == "township"
    assert units["宁川县教育局"]["unit_kind"] == "county_department"
    read = {n.header: (n.read_as, n.rule) for n in report.columns}
    assert read["单位全称"][0] == "单位名称" and read["所在乡镇"][0] == "所属乡镇"
    assert read["主要负责人"][0] is None and read["联系电话"][0] is None and read["序号"][0] is None
    assert sum("按名称推定" in w.reason for w in report.warnings) == 5


def test_without_init_and_without_a_county_column_the_clerk_is_told_to_run_init(store, tmp_path):
    path = xlsx(tmp_path / "单位名册.xlsx", UNITS)
    with pytest.raises(LedgerRejected) as info:
        loader(store, tmp_path / "empty").load(path)
    assert any("xuncha init --county" in p.reason for p in info.value.report.problems)
    assert not list(store.iter_nodes())


def test_a_county_column_that_disagrees_is_refused_by_row_and_column(store, office, tmp_path):
    rows = [["单位名称", "县（市、区）", "单位类别"], ["宁川县教育局", C, "县直单位"],
            ["临江县教育局", "临江县", "县直单位"]]
    with pytest.raises(LedgerRejected) as info:
        loader(store, office).load(xlsx(tmp_path / "单位名册.xlsx", rows))
    [bad] = info.value.report.problems
    assert (bad.row, bad.column, bad.header, bad.value) == (3, "B", "县（市、区）", "临江县")
    assert C in bad.reason and "不一致" in bad.reason
    assert not list(store.iter_nodes())


def test_a_county_column_that_agrees_or_is_blank_loads(store, office, tmp_path):
    rows = [["单位名称", "县（市、区）"], ["宁川县教育局", "宁川县"], ["宁川县财政局", None]]
    report = loader(store, office).load(xlsx(tmp_path / "单位名册.xlsx", rows))
    assert report.loaded == 2


def test_the_environment_overrides_the_office_file(store, office, tmp_path, monkeypatch):
    monkeypatch.setenv("XUNCHA_COUNTY", "临江县")
    rows = [["单位名称"], ["临江县教育局"]]
    report = loader(store, office).load(xlsx(tmp_path / "单位名册.xlsx", rows))
    assert report.county == "临江县"


def test_an_issue_list_without_number_or_county_columns_is_numbered_in_file_order(store, office, tmp_path):
    load = loader(store, office)
    load.load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    load.load(xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS))
    issues = [["届次", "轮次", "问题编号", "被巡察单位", "问题描述", "问题类别", "整改状态", "发现日期", "经办人"],
              [15, 1, "R1-01", "扶贫办", "扶贫项目资金拨付滞后", "惠民资金", "已整改", "2019-04-01", "甲"],
              [15, 1, "R1-02", "宁川县扶贫办", "档案管理混乱", "财务管理", "已整改", "2019-04-01", "乙"],
              [15, 1, "R1-03", "教育局", "食堂账目不清", "财务管理", "未整改", "2019-04-02", "丙"]]
    report = load.load(xlsx(tmp_path / "问题清单.xlsx", issues))
    assert report.loaded == 3
    seqs = sorted((n.props["unit_id"], n.props["seq"]) for n in store.iter_nodes() if n.kind.value == "Issue")
    assert sorted(s for _, s in seqs) == [1, 2, 3]
    assert any(w.header == "经办人" and "原样保留" in w.reason for w in report.warnings)  # kept as 其他列


def _units_and_rounds(store, office, tmp_path) -> Loader:
    load = loader(store, office)
    load.load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    load.load(xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS))
    return load


ISSUE_HEAD = ["届次", "轮次", "问题编号", "被巡察单位", "问题描述", "问题类别", "整改状态", "发现日期"]


def _issue(code: str, category: str, unit: str = "教育局", text: str = "食堂账目不清") -> list[Any]:
    return [15, 1, code, unit, text, category, "未整改", "2019-04-02"]


def test_short_and_unknown_categories_load_with_a_warning_each(store, office, tmp_path):
    load = _units_and_rounds(store, office, tmp_path)
    (office / "category_aliases.csv").write_text("别名,标准类别\n吃拿卡要,中央八项规定精神/四风\n", "utf-8")
    load = loader(store, office)
    rows = [ISSUE_HEAD, _issue("C1", "财务管理"), _issue("C2", "全面从严治党"), _issue("C3", "八项规定"),
            _issue("C4", "全面从严治党/村务公开"), _issue("C5", "吃拿卡要"), _issue("C6", "说不清的类别")]
    report = load.load(xlsx(tmp_path / "问题清单.xlsx", rows))
    assert report.loaded == 6
    got = {n.props["code"]: n.props["category"] for n in store.iter_nodes() if n.kind.value == "Issue"}
    assert got == {"C1": "财务管理", "C2": "全面从严治党战略部署落实", "C3": "中央八项规定精神/四风",
                   "C4": "全面从严治党战略部署落实", "C5": "中央八项规定精神/四风", "C6": "其他"}
    noted = {w.row: w.reason for w in report.warnings if w.header == "问题类别"}
    assert set(noted) == {3, 4, 5, 6, 7}
    assert "上级" in noted[5] and "category_aliases.csv" in noted[7]


def test_without_numbers_an_issue_keeps_its_id_when_a_row_is_inserted_before_it(store, office, tmp_path):
    load = _units_and_rounds(store, office, tmp_path)
    first = load.load(xlsx(tmp_path / "问题清单.xlsx", [ISSUE_HEAD, _issue("QH-1-01", "财务管理"),
                                                      _issue("QH-1-03", "财务管理", text="公车私用")]))
    assert first.changes.created == 2
    ids = {n.props["code"]: n.id for n in store.iter_nodes() if n.kind.value == "Issue"}
    again = load.load(xlsx(tmp_path / "问题清单2.xlsx", [ISSUE_HEAD, _issue("QH-1-01", "财务管理"),
                                                        _issue("QH-1-02", "财务管理", text="超标准接待"),
                                                        _issue("QH-1-03", "财务管理", text="公车私用")]))
    assert (again.changes.created, again.changes.unchanged, again.changes.updated) == (1, 2, 0)
    after = {n.props["code"]: n.id for n in store.iter_nodes() if n.kind.value == "Issue"}
    assert {k: after[k] for k in ids} == ids
    # codes without digits are numbered 1, 2 …: the same numbers as issues already held, with other codes: refused
    codes_without_digits = [ISSUE_HEAD, _issue("甲", "财务管理", text="账目不清"), _issue("乙", "财务管理", text="白条入账")]
    with pytest.raises(LedgerRejected) as info:
        load.load(xlsx(tmp_path / "问题清单3.xlsx", codes_without_digits))
    assert [p.row for p in info.value.report.problems if "请填写“序号”" in p.reason] == [2, 3]
    assert {n.props["code"]: n.id for n in store.iter_nodes() if n.kind.value == "Issue"} == after
