"""Forms opened on dev_p (session 10): a round's overview naming its units and only announcing weak points (本轮对A、
B开展…。总体看，…，但…仍有不少薄弱点。) is no finding; the units of a special inspection listed as 对A、B和C开展…专项
巡察 give the first as the unit in charge, except for a problem told of some of them (在X方面，个别部门…) or a row of
a withheld unit; problem words of ordinary reports (诱导, 撒胡椒面, 效益低). Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from docx import Document

from loaders.text.parse import parse_file
from tests.text.conftest import unit_id

ROUND = "关于十五届县委第二轮巡察情况的综合报告"


@pytest.mark.parametrize("overview", [
    "总体看，各单位内控制度逐步健全，但在采购、验收等环节仍有不少薄弱点。",
    "从巡察情况看，各单位制度逐步健全，但是在选人用人方面还存在一些短板。",
    "总的看，各单位制度逐步健全，但在基层党建上也存在若干弱项。",
])
def test_a_rounds_overview_announcing_weak_points_is_no_finding(parse, overview):
    r = parse(ROUND, "按照县委安排，本轮对县统计局、县审计局、县林业局和湖岭乡开展专项巡察，抽查项目30个。" + overview,
              "一、主要问题", "1.县统计局。专项经费违规列支会议费。", "2.县审计局。审计底稿归档不及时。")
    assert [it.text for it in r.items if "本轮对" in it.text] == []
    assert len(r.items) == 2


SPECIAL = "关于十五届县委第三轮巡察公共资源交易专项巡察情况的报告"
OBJECTS = "本轮对县财政局、县审计局和湖岭乡开展公共资源交易专项巡察，抽查项目20个。"


def test_the_first_object_of_a_special_inspection_answers_for_a_problem_naming_no_unit(parse, finder):
    r = parse(SPECIAL, OBJECTS, "一、主要问题", "一是评标专家抽取管理不规范，个别项目专家重复抽中。")
    assert [it.unit_id for it in r.items] == [unit_id(finder, "宁川县财政局")]


@pytest.mark.parametrize("problem", [
    "在采购方面，个别部门工作人员向供应商索要好处费。",
    "在合同管理环节，部分单位合同审核流于形式。",
])
def test_a_problem_of_some_of_the_objects_is_at_none_of_them(parse, problem):
    r = parse(SPECIAL, OBJECTS, "一、主要问题", "一是" + problem)
    assert [it.unit_id for it in r.items] == [None]


def test_a_withheld_units_row_is_not_given_to_the_first_object(county_store, finder, tmp_path):
    doc = Document()
    for line in (SPECIAL, OBJECTS, "一、问题清单"):
        doc.add_paragraph(line)
    rows = [("序号", "单位", "问题描述"), ("1", "*村", "村级工程款结算不规范，多付工程款"),
            ("2", "县审计局", "审计整改督办不力")]
    table = doc.add_table(rows=len(rows), cols=3)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            table.cell(i, j).text = cell
    doc.save(tmp_path / "list.docx")
    r = parse_file(tmp_path / "list.docx", county_store, finder=finder)
    assert [it.unit_name for it in r.items if "工程款" in it.text] == [None]


@pytest.mark.parametrize("problem", [
    "部分科室诱导患者重复检查。",
    "产业奖补资金“撒胡椒面”，项目小而散。",
    "合作社项目效益低，分红难以兑现。",
])
def test_ordinary_problem_words_state_a_problem_of_their_own(parse, problem):
    r = parse("关于医保基金专项巡察情况的报告", "县人民医院：住院病历书写不规范；" + problem)
    assert [it.text for it in r.items if it.text.startswith(problem[:6])]
