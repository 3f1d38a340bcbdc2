"""The duplicate-record check keys on the entity a row declares, for every primary ledger kind.

A row also names people (a benefit's recipient, a finding's person, a company's legal representative…): the same
person in two rows is two records, not one record twice. The same entity twice in one file is still refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model.enums import NodeKind
from graph.settings import write_office
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.building import Built
from loaders.ledgers.load import PRIMARY, LedgerRejected, Loader, primary_node
from loaders.ledgers.registry import BUILDERS
from tests.test_ledger_clerk import ROUNDS, UNITS, xlsx


@pytest.fixture()
def load(tmp_path):
    data = tmp_path / "var"
    write_office(data, "宁川县")
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    loader = Loader(store, "s", data_dir=data)
    loader.load(xlsx(tmp_path / "单位名册.xlsx", UNITS))
    loader.load(xlsx(tmp_path / "巡察轮次.xlsx", ROUNDS))
    yield loader
    store.close()


def _count(store, kind: str) -> int:
    return sum(1 for n in store.iter_nodes() if n.kind.value == kind)


BENEFITS = ["领取人", "补贴类别", "所在村", "所属乡镇", "年度", "金额（元）"]
# kind → (header, two rows naming the same person but declaring two entities, node kind of the entity)
SAME_PERSON = {
    "benefits": (BENEFITS, [["赵六", "低保", "青山村", "清河镇", 2022, 3600],
                            ["赵六", "低保", "青山村", "清河镇", 2023, 3800]], "Benefit"),
    "benefits-two-kinds": (BENEFITS, [["赵六", "低保", "青山村", "清河镇", 2023, 3600],
                                      ["赵六", "耕地地力保护补贴", "青山村", "清河镇", 2023, 420]], "Benefit"),
    "findings": (["编号", "监督渠道", "发现日期", "问题类别", "问题描述", "单位", "涉及人员"],
                 [["F1", "审计监督", "2023-05-06", "财务管理", "违规列支费用", "教育局", "孙某"],
                  ["F2", "审计监督", "2023-06-06", "财务管理", "超标准接待", "教育局", "孙某"]], "Finding"),
    "clues": (["线索编号", "线索摘要", "线索来源", "移交日期", "接收单位", "办理状态", "被反映人"],
              [["X1", "违规发放津补贴", "巡察监督", "2023-08-10", "教育局", "已移交", "孙某"],
               ["X2", "违规收受礼金", "巡察监督", "2023-08-11", "教育局", "已移交", "孙某"]], "Clue"),
    "cases": (["案件编号", "立案日期", "处理结果", "案情摘要", "被审查调查人"],
              [["A1", "2023-09-01", "审查中", "违规收受礼金", "孙某"],
               ["A2", "2023-10-01", "审查中", "违规发放津补贴", "孙某"]], "Case"),
    "companies": (["企业名称", "统一社会信用代码", "法定代表人"],
                  [["清河建筑工程有限公司", "91000000000000000X", "王五"],
                   ["清河劳务有限公司", "91000000000000001X", "王五"]], "Company"),
    "issues": (["届次", "轮次", "问题编号", "被巡察单位", "问题描述", "问题类别", "整改状态", "发现日期", "分管班子成员"],
               [[15, 1, "I1", "教育局", "食堂账目不清", "财务管理", "未整改", "2019-04-02", "孙某"],
                [15, 1, "I2", "教育局", "公车私用", "四风", "未整改", "2019-04-02", "孙某"]], "Issue"),
}


@pytest.mark.parametrize("case", sorted(SAME_PERSON))
def test_the_same_person_in_two_rows_is_two_records(load, tmp_path, case):
    head, rows, kind = SAME_PERSON[case]
    report = load.load(xlsx(tmp_path / f"{case}.xlsx", [head, *rows]), kind=case.split("-")[0])
    assert report.loaded == 2 and not report.problems
    assert _count(load.store, kind) == 2
    assert report.changes.created == 2  # each row counted by its own entity, not by the person it names


@pytest.mark.parametrize("case", sorted(SAME_PERSON))
def test_the_same_entity_twice_is_still_one_record_twice(load, tmp_path, case):
    head, rows, kind = SAME_PERSON[case]
    with pytest.raises(LedgerRejected) as info:
        load.load(xlsx(tmp_path / f"{case}.xlsx", [head, rows[0], rows[0]]), kind=case.split("-")[0])
    # 同一条记录; or, for an issue list without 序号 (numbered in file order), its code used twice
    assert [p.row for p in info.value.report.problems if "同一条记录" in p.reason or "编号" in p.reason] == [3]
    assert _count(load.store, kind) == 0


def test_every_primary_kind_names_the_node_kind_its_builder_declares():
    assert set(PRIMARY) <= set(BUILDERS)
    for kind, node_kind in PRIMARY.items():
        assert isinstance(node_kind, NodeKind), kind
    assert primary_node("relatives", Built()) is None  # a relation is not an entity: no duplicate check


def test_a_clerks_benefits_ledger_with_one_recipient_twice_loads(load, tmp_path: Path):
    rows = [["序号", "户主姓名", "补贴项目", "村（社区）", "所属乡镇", "发放年度", "发放金额（元）"],
            [1, "钱七", "低保", "青山村", "清河镇", 2022, 3600], [2, "钱七", "低保", "青山村", "清河镇", 2023, 3600],
            [3, "钱七", "残疾人两项补贴", "青山村", "清河镇", 2023, 1200]]
    report = load.load(xlsx(tmp_path / "惠民补贴.xlsx", rows))
    assert report.loaded == 3 and report.kinds == ["惠民补贴"]
    assert _count(load.store, "Benefit") == 3 and _count(load.store, "Person") == 1
