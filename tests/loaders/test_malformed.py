"""Malformed ledgers: each names the exact place of the problem and leaves the graph exactly as it was.

The fixtures are written here, by hand, for this project: a small county
(two townships, a village name used in both, a department, two rounds) and
one bad file per case.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.load import LedgerRejected, Loader

UNITS = [["单位名称", "县（市、区）", "所属乡镇", "单位类别", "别名", "主管部门"],
         ["宁川县教育局", "宁川县", "", "县直单位", "县教育局", ""],
         ["宁川县农业农村局", "宁川县", "", "县直单位", "", ""],
         ["宁川县清河镇", "宁川县", "", "乡镇（街道）", "清河镇", ""],
         ["宁川县白石乡", "宁川县", "", "乡镇（街道）", "白石乡", ""],
         ["青山村", "宁川县", "宁川县清河镇", "村（社区）", "", "宁川县农业农村局"],
         ["青山村", "宁川县", "宁川县白石乡", "村（社区）", "", "宁川县农业农村局"],
         ["桃源村", "宁川县", "宁川县白石乡", "村（社区）", "", "宁川县农业农村局"]]
ROUNDS = [["县（市、区）", "届次", "轮次", "巡察类型", "进驻日期", "结束日期"],
          ["宁川县", "15", "1", "常规巡察", "2022-04-11", "2022-05-26"],
          ["宁川县", "15", "2", "村（社区）巡察", "2022.11.7", "2022年12月22日"]]
ISSUE_HEAD = ["县（市、区）", "届次", "轮次", "问题编号", "被巡察单位", "所属乡镇", "序号", "问题描述", "问题类别", "整改状态", "发现日期"]


def issue(**change: Any) -> list[Any]:
    row = dict(zip(ISSUE_HEAD, ["宁川县", 15, 1, "NC-15-1-01", "县教育局", "", 1, "报销凭证不全，5笔支出无正规发票", "财务管理",
                                "整改中", "2022-05-26"], strict=True))
    row.update(change)
    return [row[h] for h in ISSUE_HEAD]


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]], merge: list[str] | None = None) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        for cells in merge or []:
            ws.merge_cells(cells)
    wb.save(path)
    return path


@pytest.fixture()
def base(tmp_path: Path) -> tuple[EmbeddedStore, Loader]:
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    loader = Loader(store, "test-salt")
    loader.load(write_csv(tmp_path / "units.csv", UNITS))
    loader.load(write_csv(tmp_path / "rounds.csv", ROUNDS))
    yield store, loader
    store.close()


def snapshot(store: EmbeddedStore) -> tuple[list[str], list[str]]:
    return (sorted(n.model_dump_json() for n in store.iter_nodes()),
            sorted(e.model_dump_json() for e in store.iter_edges()))


def rejected(loader: Loader, path: Path, **kw: Any) -> list:
    with pytest.raises(LedgerRejected) as info:
        loader.load(path, **kw)
    return info.value.report.problems


# (name, make(tmp) -> path, expected (sheet, row, column, header), reason fragment, load kwargs)
def _csv(rows: list[list[Any]], name: str = "问题清单.csv", encoding: str = "utf-8"):
    return lambda tmp: write_csv(tmp / name, rows, encoding)


def _bytes(data: bytes, name: str = "问题清单.csv"):
    def make(tmp: Path) -> Path:
        (tmp / name).write_bytes(data)
        return tmp / name
    return make


def _xlsx(sheets: dict[str, list[list[Any]]], merge: list[str] | None = None, name: str = "问题清单.xlsx"):
    return lambda tmp: write_xlsx(tmp / name, sheets, merge)


def _json(text: str, name: str = "问题清单.json"):
    def make(tmp: Path) -> Path:
        (tmp / name).write_text(text, "utf-8")
        return tmp / name
    return make


HEAD_ONLY = [ISSUE_HEAD]
CASES = [
    ("undecodable bytes", _bytes(bytes(range(128, 256)) * 20), (None, None, None, None), "无法识别文件编码", {}),
    ("shift-jis text", _bytes("县（市、区）,届次,轮次\n宁川县,15,1\n".encode("shift_jis", "replace")),
     (None, 1, None, None), "无法判断是哪类台账", {}),
    ("csv saved as .xlsx", _bytes(b"a,b\n1,2\n", "问题清单.xlsx"), (None, None, None, None), "不是有效的 Excel", {}),
    ("old .xls", _bytes(b"\xd0\xcf\x11\xe0", "问题清单.xls"), (None, None, None, None), "不支持的文件类型", {}),
    ("empty csv", _bytes(b""), (None, None, None, None), "文件是空的", {}),
    ("empty workbook", _xlsx({"Sheet1": []}), (None, None, None, None), "文件是空的", {}),
    ("header only", _csv(HEAD_ONLY), (None, 1, None, None), "只有表头", {}),
    ("missing required column", _csv([ISSUE_HEAD[:-1], issue()[:-1]]), (None, 1, None, "发现日期"), "缺少必填列", {}),
    ("duplicate column", _csv([[*ISSUE_HEAD, "问题描述"], [*issue(), "y"]]), (None, 1, "L", "问题描述"), "与H列重复", {}),
    ("data under a blank header", _csv([[*ISSUE_HEAD, ""], [*issue(), "孤儿"]]), (None, 1, "L", None), "没有列名", {}),
    ("bad date", _csv([ISSUE_HEAD, issue(发现日期="2022-13-45")]), (None, 2, "K", "发现日期"), "不是存在的日期", {}),
    ("date in words", _csv([ISSUE_HEAD, issue(发现日期="去年五月")]), (None, 2, "K", "发现日期"), "不是可识别的日期", {}),
    ("bad enum", _csv([ISSUE_HEAD, issue(整改状态="差不多")]), (None, 2, "J", "整改状态"), "只能是：未整改、整改中、已整改", {}),
    ("bad integer", _csv([ISSUE_HEAD, issue(序号="第一")]), (None, 2, "G", "序号"), "应为整数", {}),
    ("blank required cell", _csv([ISSUE_HEAD, issue(问题描述="  ")]), (None, 2, "H", "问题描述"), "必填", {}),
    ("duplicate key", _csv([ISSUE_HEAD, issue(), issue(问题编号="NC-15-1-02", 问题描述="另一条")]), (None, 3, None, None),
     "与第2行是同一条记录", {}),
    ("duplicate issue code", _csv([ISSUE_HEAD, issue(), issue(序号=2, 问题描述="另一条问题")]), (None, 3, "D", "问题编号"),
     "已被另一条问题使用", {}),
    ("dangling unit", _csv([ISSUE_HEAD, issue(被巡察单位="宁川县不存在局")]), (None, 2, "E", "被巡察单位"), "找不到单位", {}),
    ("ambiguous village", _csv([ISSUE_HEAD, issue(被巡察单位="青山村")]), (None, 2, "E", "被巡察单位"), "可能是多个单位", {}),
    ("round not loaded", _csv([ISSUE_HEAD, issue(轮次=9)]), (None, 2, "C", "轮次"), "找不到宁川县第15届第9轮巡察", {}),
    ("formula in xlsx", _xlsx({"问题清单": [ISSUE_HEAD, issue(问题描述="=HYPERLINK(\"http://x\")")]}),
     ("问题清单", 2, "H", "问题描述"), "可能是公式", {}),
    ("plus sign lead", _csv([ISSUE_HEAD, issue(问题描述="+1 报销不规范")]), (None, 2, "H", "问题描述"), "以“+”开头", {}),
    ("minus sign lead", _csv([ISSUE_HEAD, issue(问题描述="-cmd|' /C calc'!A0")]), (None, 2, "H", "问题描述"), "以“-”开头", {}),
    ("at sign lead", _csv([ISSUE_HEAD, issue(问题描述="@SUM(1+1)")]), (None, 2, "H", "问题描述"), "以“@”开头", {}),
    ("10 MB cell", _csv([ISSUE_HEAD, issue(问题描述="长" * 10_000_000)]), (None, 2, "H", "问题描述"), "内容过长", {}),
    ("random headers", _csv([["甲", "乙", "丙"], [1, 2, 3]], "随便.csv"), (None, 1, None, None), "无法判断是哪类台账", {}),
    ("unknown --kind", _csv([ISSUE_HEAD, issue()]), (None, None, None, None), "没有名为“问题单”的台账类别",
     {"kind": "问题单"}),
    ("broken json", _json('[{"问题编号": "x",]'), (None, None, None, None), "JSON 格式有误（第 1 行", {}),
    ("json not objects", _json('[["问题编号"]]'), (None, None, None, None), "JSON 应为对象数组", {}),
    ("bad id number", _csv([["姓名", "身份证号"], ["张伟", "12345"]], "人员名册.csv"), (None, 2, "B", "身份证号"),
     "不是有效的身份证号", {}),
    ("bad yes/no", _csv([["姓名", "县（市、区）", "任职单位", "职务", "任职起", "是否一把手"],
                         ["张伟", "宁川县", "县教育局", "局长", "2020-01-01", "也许"]], "任职台账.csv"),
     (None, 2, "F", "是否一把手"), "只能填“是”或“否”", {}),
    ("negative population", _csv([UNITS[0] + ["人口"], ["新村", "宁川县", "宁川县清河镇", "村（社区）", "", "", "-5"]],
                                 "单位名册.csv"), (None, 2, "G", "人口"), "超出允许范围", {}),
    ("dangling issue code", _csv([["问题编号", "措施序号", "整改措施", "整改层级", "完成时限", "整改状态"],
                                  ["NC-99", 1, "补齐票据", "个案整改", "2022-09-30", "整改中"]], "整改台账.csv"),
     (None, 2, "A", "问题编号"), "找不到编号为“NC-99”的问题", {}),
    ("bad record in jsonl", _json('{"县（市、区）": "宁川县", "届次": 15, "轮次": 1, "问题编号": "j1", "被巡察单位": "县教育局", '
                                  '"序号": 1, "问题描述": "发票不全", "问题类别": "财务管理", "整改状态": "已整改", '
                                  '"发现日期": "2022/5/26"}\n{"县（市、区）": "宁川县", "届次": 15, "轮次": 1, "问题编号": "j2", '
                                  '"被巡察单位": "县教育局", "序号": 2, "问题描述": "发票不全", "问题类别": "财务管理", '
                                  '"整改状态": "已整改", "发现日期": "五月"}\n', "问题清单.jsonl"),
     (None, 2, None, "发现日期"), "不是可识别的日期", {}),
]


@pytest.mark.parametrize(("name", "make", "where", "reason", "kw"), CASES, ids=[c[0] for c in CASES])
def test_malformed_file_names_the_place_and_changes_nothing(base, tmp_path, name, make, where, reason, kw):
    store, loader = base
    before = snapshot(store)
    path = make(tmp_path)
    problems = rejected(loader, path, **kw)
    match = [p for p in problems if reason in p.reason]
    assert match, [p.message for p in problems]
    p = match[0]
    assert p.file == path.name
    assert (p.sheet, p.row, p.column) == where[:3], p.message
    if where[3]:
        assert p.header == where[3], p.message
    assert path.name in p.message and reason in p.message
    assert snapshot(store) == before


def test_there_are_at_least_thirty_malformed_fixtures():
    assert len(CASES) >= 30


def test_every_bad_cell_in_a_file_is_reported_not_just_the_first(base, tmp_path):
    store, loader = base
    rows = [ISSUE_HEAD, issue(发现日期="昨天"), issue(问题编号="b", 序号=2), issue(问题编号="c", 序号=3, 整改状态="?")]
    problems = rejected(loader, write_csv(tmp_path / "问题清单.csv", rows))
    assert [(p.row, p.header) for p in problems] == [(2, "发现日期"), (4, "整改状态")]


# -- files that look odd but are fine -----------------------------------------------------------------------------
ACCEPTED = [
    ("utf-8 with BOM", lambda tmp: write_csv(tmp / "a.csv", [ISSUE_HEAD, issue()], "utf-8-sig"), 1),
    ("GBK", lambda tmp: write_csv(tmp / "a.csv", [ISSUE_HEAD, issue()], "gbk"), 1),
    ("GB18030", lambda tmp: write_csv(tmp / "a.csv", [ISSUE_HEAD, issue(问题描述="𠀀字库外的字也能读")], "gb18030"), 1),
    ("mixed zh/en headers", lambda tmp: write_csv(tmp / "a.csv", [
        ["county", "届次", "number", "code", "unit", "seq", "text", "问题类别", "status", "found_date"],
        ["宁川县", 15, 1, "e1", "县教育局", 1, "预算执行不严格", "财务管理", "rectified", "2022-05-26"]]), 1),
    ("trailing blank rows", lambda tmp: write_csv(tmp / "a.csv", [ISSUE_HEAD, issue(), [""] * 11, [""] * 11, []]), 1),
    ("all date formats and an Excel serial", lambda tmp: write_xlsx(tmp / "a.xlsx", {"问题清单": [ISSUE_HEAD] + [
        issue(问题编号=f"d{i}", 序号=i + 1, 发现日期=d)
        for i, d in enumerate(["2022-05-26", "2022/5/26", "2022.5.26", "2022年5月26日", 44707, "20220526"])]}), 6),
    ("merged two-level header", lambda tmp: write_xlsx(tmp / "a.xlsx", {"问题清单": [
        ["轮次信息", None, None, "问题信息", None, None, None, None, None, None, None], ISSUE_HEAD, issue()]},
        merge=["A1:C1", "D1:K1"]), 1),
    ("several sheets, default ones empty", lambda tmp: write_xlsx(tmp / "a.xlsx", {
        "问题清单": [ISSUE_HEAD, issue()], "Sheet2": [], "Sheet3": []}), 1),
    ("village qualified by township", lambda tmp: write_csv(tmp / "a.csv", [
        ISSUE_HEAD, issue(被巡察单位="白石乡青山村", 轮次=2)]), 1),
    ("remarks column ignored", lambda tmp: write_csv(tmp / "a.csv", [[*ISSUE_HEAD, "备注"], [*issue(), "无"]]), 1),
]


@pytest.mark.parametrize(("name", "make", "rows"), ACCEPTED, ids=[c[0] for c in ACCEPTED])
def test_odd_but_valid_files_load(base, tmp_path, name, make, rows):
    store, loader = base
    before = store.counts().nodes.get("Issue", 0)
    report = loader.load(make(tmp_path), kind="issues" if name == "mixed zh/en headers" else None)
    assert (report.rows_read, report.loaded, report.rejected) == (rows, rows, 0)
    assert store.counts().nodes.get("Issue", 0) == before + rows


def test_excel_serial_and_chinese_dates_mean_the_same_day(base, tmp_path):
    store, loader = base
    loader.load(ACCEPTED[5][1](tmp_path))
    days = {n.props["found_date"] for n in store.iter_nodes() if n.kind.value == "Issue"}
    assert days == {"2022-05-26"}


def test_skip_bad_rows_loads_the_rest_and_writes_rejects(base, tmp_path):
    store, loader = base
    loader.rejects_dir = tmp_path / "rejects"
    rows = [ISSUE_HEAD, issue(), issue(问题编号="x2", 序号=2, 问题描述="=cmd()"), issue(问题编号="x3", 序号=3)]
    report = loader.load(write_csv(tmp_path / "问题清单.csv", rows), skip_bad_rows=True)
    assert (report.rows_read, report.loaded, report.rejected) == (3, 2, 1)
    rejects = list(csv.reader((tmp_path / "rejects" / "问题清单.rejects.csv").read_text("utf-8-sig").splitlines()))
    assert rejects[0][:2] == ["工作表", "行号"] and rejects[0][-1] == "错误原因"
    assert rejects[1][1] == "3" and rejects[1][2 + ISSUE_HEAD.index("问题描述")] == "'=cmd()"  # neutralised
    assert "公式" in rejects[1][-1]
    assert store.counts().nodes["Issue"] == 2


@pytest.mark.parametrize("store_name", ["embedded", "neo4j"])
def test_rejected_file_leaves_either_store_unchanged(store_name, tmp_path, request):
    if store_name == "neo4j":
        store = request.getfixturevalue("scratch_neo4j")
    else:
        store = EmbeddedStore(tmp_path / "g.sqlite")
    loader = Loader(store, "test-salt")
    loader.load(write_csv(tmp_path / "units.csv", UNITS))
    loader.load(write_csv(tmp_path / "rounds.csv", ROUNDS))
    before = snapshot(store)
    bad = write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, issue(), issue(问题编号="z", 序号=2, 被巡察单位="没有这个局")])
    problems = rejected(loader, bad)
    assert [(p.row, p.column) for p in problems] == [(3, "E")]
    assert snapshot(store) == before
    report = loader.load(write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, issue()]))
    assert report.loaded == 1 and store.counts().nodes["Issue"] == 1
    if store_name == "embedded":
        store.close()


def test_json_rows_object_form_loads(base, tmp_path):
    store, loader = base
    record = dict(zip(ISSUE_HEAD, issue(), strict=True))
    path = tmp_path / "问题清单.json"
    path.write_text(json.dumps({"rows": [record]}, ensure_ascii=False), "utf-8")
    assert loader.load(path).loaded == 1


def test_skip_bad_rows_keeps_the_row_a_duplicate_repeats(base, tmp_path):
    store, loader = base
    loader.rejects_dir = tmp_path / "rejects"
    rows = [ISSUE_HEAD, issue(), issue(问题编号="NC-15-1-09", 问题描述="同一序号的重复行")]
    report = loader.load(write_csv(tmp_path / "问题清单.csv", rows), skip_bad_rows=True)
    assert (report.loaded, report.rejected) == (1, 1)
    assert [p.row for p in report.problems] == [3]
    assert store.counts().nodes["Issue"] == 1
