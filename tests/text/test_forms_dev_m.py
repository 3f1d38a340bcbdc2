"""General forms met in the thirteenth development part (session 9), in sentences written for the test: a review of
rectification whose table holds the old problem beside where it stands now (反馈问题 | 整改现状) states what is still
wrong; a count of a rectification (共收到反馈问题N个，已完成整改N个) is no problem; a township's own body failing at
one of its villages (镇财政所对Y村…未发现) leaves the village out; a village opening a problem under its township
(Y村…群众反映强烈，镇党委没有及时处置) is the one at fault."""

from __future__ import annotations

import pytest
from docx import Document

from loaders.text.parse import parse_file
from tests.text.conftest import unit_id


def _village(finder) -> tuple[str, str]:
    """A township of the sample county and one of its villages (their names)."""
    for entry in finder.index.entries.values():
        if entry.parent and entry.parent.endswith(("乡", "镇")) and entry.name.endswith("村"):
            return entry.parent, entry.name
    raise AssertionError("no village in the sample county")


ROW = "1；食堂管理不规范；食堂采购台账至今仍未建立；后勤科"


@pytest.mark.parametrize(("header", "row", "expected"), [
    ("序号；反馈问题；整改现状；责任科室", ROW, "食堂管理不规范：食堂采购台账至今仍未建立"),  # the old one, and
    ("序号；原反馈问题；目前进展；责任科室", "1；公车管理混乱；车辆派单登记仍不完整；办公室",  # what is still wrong
     "公车管理混乱：车辆派单登记仍不完整"),
    ("序号；问题描述；整改现状；责任科室", ROW, "食堂管理不规范"),  # a finding
    ("序号；反馈问题；整改现状；责任科室", "1；食堂管理不规范；正在推进；后勤科", "食堂管理不规范"),  # no words of a problem
])
def test_a_review_table_states_where_the_old_problem_stands(county_store, finder, tmp_path, header, row, expected):
    doc = Document()
    doc.add_paragraph("关于对县审计局巡察整改情况“回头看”的报告")
    doc.add_paragraph("整改台账中仍未到位的事项列表如下。")
    cols = header.split("；")
    table = doc.add_table(rows=2, cols=len(cols))
    for i, (h, c) in enumerate(zip(cols, row.split("；"), strict=True)):
        table.cell(0, i).text, table.cell(1, i).text = h, c
    doc.save(tmp_path / "review.docx")
    r = parse_file(tmp_path / "review.docx", county_store, finder=finder)
    assert [(it.text, it.unit_name) for it in r.items] == [(expected, "宁川县审计局")]


@pytest.mark.parametrize("count", [
    "局党组共收到反馈问题18个，已完成整改12个，正在整改6个。仍未整改到位的问题如下：",
    "局党组共梳理反馈问题15个，已整改10个。至今仍未整改到位的问题是：",
])
def test_the_count_of_a_rectification_is_no_problem(parse, count):
    r = parse("关于县审计局巡察整改情况的报告", count, "一是审计整改台账与实际不符。")
    assert [it.text for it in r.items] == ["审计整改台账与实际不符。"]


def test_a_village_a_townships_own_body_failed_at_is_not_at_fault(parse, finder):
    township, village = _village(finder)
    r = parse(f"关于巡察{village}党支部的反馈意见",
              f"{township}对村级账务审核不严，镇财政所对{village}超支问题未能及时纠正。")
    assert [it.unit_id for it in r.items] == [unit_id(finder, township)]


def test_a_village_opening_a_problem_under_its_township_is_at_fault(parse, finder):
    township, village = _village(finder)
    r = parse("在听取巡察情况汇报会上的讲话", f"关于{township}：一是{township}集镇规划执行不严。"
              f"二是{village}宅基地审批问题群众反映强烈，镇党委没有及时处置。")
    assert [it.unit_id for it in r.items] == [unit_id(finder, township), unit_id(finder, village)]


@pytest.mark.parametrize("entry", ["（三）XX村。村会计挪用集体资金，至今未归还。",
                                   "3.*村。村集体鱼塘发包未经村民代表会议讨论。"])
def test_an_entry_headed_by_a_withheld_name_is_one_problem_of_an_unknown_unit(parse, finder, entry):
    township, _ = _village(finder)
    r = parse(f"县委第一巡察组关于巡察{township}党委的反馈意见", "二、村级层面", entry)
    assert [it.unit_id for it in r.items] == [None] and not r.items[0].text.startswith(("XX村", "*村"))


@pytest.mark.parametrize("entry", ["个别单位把整改责任推给下属科室，主要负责人过问少。",
                                   "有的单位把巡察整改任务甩给办公室，班子成员很少过问。"])
def test_some_units_unnamed_after_a_named_entry_are_no_unit(parse, entry):
    r = parse("在巡察整改推进会上的讲话", f"一是县审计局整改台账与实际不符。二是{entry}")
    assert [it.unit_name for it in r.items] == ["宁川县审计局", None]
