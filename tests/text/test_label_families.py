"""Label families and the layouts of session 8 (dev_e): any numbered label opens an item (问题1：, 1）, 【线索一】,
第1项，, 其二，, A. sections, spoken 头一个…再一个), a finding of none is no item, a problem may count the units it
means (三家单位都…) or list several problems of one subject (存在A、B以及C等问题) — on short texts written for the
test (not the fixtures)."""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id

TITLE = "县委第二巡察组关于对宁川县档案馆党组巡察情况的反馈意见"


@pytest.mark.parametrize("labels", [
    ("问题1：", "问题2："), ("问题一、", "问题二、"), ("1）", "2）"), ("【线索一】", "【线索二】"),
    ("第1项，", "第2项，"), ("其一，", "其二，"), ("头一个，", "再一个，"), ("还有一个，", "最后一个，"),
    ("第一个问题是", "第二个问题是"), ("头一个问题，", "还有一个问题是"),
])
def test_every_label_family_numbers_a_paragraph(parse, finder, labels):
    # the second problem has no problem word: a numbered paragraph under a unit is an item all the same
    r = parse(TITLE, f"{labels[0]}档案数字化外包合同审核不严，验收流于形式。", f"{labels[1]}查档登记簿连续两年只记了11页。")
    assert [i.text for i in r.items] == ["档案数字化外包合同审核不严，验收流于形式。", "查档登记簿连续两年只记了11页。"]
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县档案馆")} and r.items[1].form == "段首编号"


@pytest.mark.parametrize("marks", [("问题1：", "问题2："), ("1）", "2）"), ("第一个问题是", "第二个问题是")])
def test_a_label_family_inside_one_paragraph(parse, finder, marks):
    r = parse(TITLE, f"主要有两个问题。{marks[0]}档案库房温湿度记录缺失；{marks[1]}借阅审批手续不全。")
    assert [i.text for i in r.items] == ["档案库房温湿度记录缺失", "借阅审批手续不全。"]
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县档案馆")}


def test_a_spoken_enumeration_inside_one_paragraph(parse, finder):
    # no problem words: the spoken ordinals alone cut the paragraph, each piece under the unit of the title
    r = parse(TITLE, "同志们：",
              "头一个，查档登记簿两年只记了11页。再一个，库房钥匙由一人保管。最后一个，档案移交清单对不上号。")
    assert [i.text for i in r.items] == ["查档登记簿两年只记了11页。", "库房钥匙由一人保管。", "档案移交清单对不上号。"]
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县档案馆")}


def test_an_ordinal_list_inside_one_paragraph_still_counts_from_one(parse):
    r = parse(TITLE, "第一，档案库房温湿度记录缺失。第二，借阅审批手续不全。")
    assert [i.form for i in r.items] == ["第一，", "第一，"] and r.items[1].text.startswith("借阅审批手续不全")


def test_a_numbered_summary_over_a_deeper_list_is_its_heading(parse):
    r = parse(TITLE, "一、巡察发现的主要问题", "（二）档案资金管理存在风险。", "1.数字化项目资金拨付把关不严。",
              "2.库房改造项目化整为零，规避公开招标。")
    assert [i.text for i in r.items] == ["数字化项目资金拨付把关不严。", "库房改造项目化整为零，规避公开招标。"]


def test_letter_sections_are_headings_over_their_lists(parse, finder):
    r = parse("宁川县商务局巡察情况报告", "二、发现的主要问题", "A. 资金管理方面",
              "（1）县商务局外贸奖补资金审核不严；（2）该局专项资金拨付滞后。", "B. 干部作风方面",
              "（1）县商务局窗口人员服务态度生硬。")
    assert len(r.items) == 3 and {i.unit_id for i in r.items} == {unit_id(finder, "宁川县商务局")}


@pytest.mark.parametrize("text", ["检查中未发现问题", "巡察中未发现明显问题。"])
def test_a_finding_of_none_is_no_item(parse, text):
    r = parse(TITLE, "一、落实全面从严治党方面", f"1.{text}", "2.档案借阅审批手续不全。")
    assert [i.text for i in r.items] == ["档案借阅审批手续不全。"]


def test_a_table_row_finding_none_is_no_item(tmp_path, county_store, finder):
    from docx import Document

    from loaders.text.parse import parse_file

    doc = Document()
    doc.add_paragraph(TITLE, style="Heading 1")
    table = doc.add_table(rows=3, cols=2)
    for row, cells in zip(table.rows, (("检查事项", "存在问题"), ("档案安全", "消防器材过期未更换"),
                                       ("保密管理", "未发现问题")), strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    doc.save(tmp_path / "t.docx")
    r = parse_file(tmp_path / "t.docx", county_store, finder=finder)
    assert [i.text for i in r.items] == ["消防器材过期未更换"]


def test_a_unit_doing_well_beside_units_with_problems_is_no_item(parse):
    r = parse("县委巡察办关于整改“回头看”情况的报告",
              "从检查情况看，县总工会整改较好；县妇联有2项问题整改不彻底；县残联补贴发放仍未整改到位。")
    assert [i.unit_name for i in r.items] == ["宁川县妇联", "宁川县残联"]


def test_a_problem_reported_as_handed_on_is_still_an_item(parse):
    r = parse("县委巡察办关于移交问题线索的函", "县纪委监委：",
              "另有县档案馆违规借用下属单位车辆的问题，已按规定移交县机关事务服务中心依规处理。")
    assert [i.text for i in r.items] == ["另有县档案馆违规借用下属单位车辆的问题。"]
    assert r.items[0].unit_name == "宁川县档案馆"


def test_the_township_whose_approval_was_skipped_is_not_the_one_at_fault(parse, finder):
    r = parse("关于永山乡村级巡察情况的通报", "溪宁村、金江村两村均存在工程款支付未经乡党委审核的问题。")
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县永山乡溪宁村"), unit_id(finder, "宁川县永山乡金江村")}


def test_the_unit_inspected_in_the_opening_paragraph_of_a_feedback_report(parse, finder):
    r = parse("县委第四巡察组关于巡察情况的反馈意见", "县委第四巡察组对宁川县科协党组开展了常规巡察。",
              "一、落实全面从严治党方面", "在经费管理上，科普活动经费报销审核不严。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县科协")]


def test_a_unit_that_passed_the_matter_on_is_not_at_fault(parse, finder):
    r = parse("县委第四巡察组对宁川县科协党组巡察的反馈意见",
              "在信访办理上，科协对县信访局转办的来信答复不及时。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县科协")]


def test_a_lead_announcing_requests_lists_no_problems(parse):
    r = parse("宁川县商务局巡察情况报告", "县商务局外贸奖补资金审核不严。",
              "针对上述问题，提出以下建议：县商务局要对违规套取的奖补资金全部追回。")
    assert len(r.items) == 1


def test_a_problem_counting_the_units_before_it(parse, finder):
    r = parse("县委巡察工作领导小组会议纪要", "会议指出，县公安局警务辅助人员管理不规范。",
              "会议指出，县审计局审计整改跟踪不到位。", "会议指出，县商务局外贸奖补资金审核不严。",
              "会议还指出，三家单位都存在对意识形态工作不重视的问题。")
    last = [i for i in r.items if "意识形态" in i.text]
    assert {i.unit_id for i in last} == {unit_id(finder, n) for n in ("宁川县公安局", "宁川县审计局", "宁川县商务局")}


def test_a_count_that_does_not_match_the_units_before_it_names_none(parse):
    r = parse("县委巡察工作领导小组会议纪要", "会议指出，县公安局警务辅助人员管理不规范。",
              "会议还指出，两家单位都存在对意识形态工作不重视的问题。")
    assert [i.unit_id for i in r.items if "意识形态" in i.text] == []


def test_a_clause_naming_no_unit_carries_only_the_subject_before_it(parse, finder):
    r = parse("宁川县永山乡巡察情况报告",
              "永山乡党委对村级财务监管不到位，溪宁村、金江村集体资金被挪作他用；乡里征地补偿标准执行不规范。")
    last = [i for i in r.items if "征地" in i.text]
    assert [i.unit_id for i in last] == [unit_id(finder, "宁川县永山乡")]


def test_several_problems_listed_after_one_subject(parse, finder):
    r = parse("宁川县商务局巡察情况报告",
              "第一，县商务局存在项目申报材料审核不严、专项资金拨付进度缓慢以及绩效评价流于形式等问题。")
    assert len(r.items) == 3 and {i.unit_id for i in r.items} == {unit_id(finder, "宁川县商务局")}
    assert "拨付进度缓慢" in r.items[1].text and "审核不严" not in r.items[1].text


def test_a_clue_is_no_requirement_and_extortion_is_no_requirement(parse, finder):
    r = parse("宁川县商务局巡察情况报告", "二、存在的问题",
              "第三，在作风方面，个别工作人员向申报企业索要好处费。",
              "第四，巡察发现的问题线索要逐件移交。")
    assert [i.text for i in r.items] == ["在作风方面，个别工作人员向申报企业索要好处费。"]
    assert r.items[0].unit_id == unit_id(finder, "宁川县商务局")


@pytest.mark.parametrize("labels", [("存在问题：", "整改建议："), ("【问题表现】", "【整改建议】"),
                                    ("主要问题：", "整改措施：")])
def test_problem_and_request_pairs(parse, finder, labels):
    r = parse("县委第三巡察组关于巡察宁川县审计局党组情况的反馈意见", "一、政治监督方面",
              f"{labels[0]}审计项目计划执行率偏低；对县委交办的专项审计推进缓慢。",
              f"{labels[1]}对未完成的审计项目逐项研究，限期完成。", "二、落实全面从严治党方面",
              f"{labels[0]}公务接待无公函。", f"{labels[1]}清退违规接待费用。")
    assert [i.text for i in r.items] == ["审计项目计划执行率偏低", "对县委交办的专项审计推进缓慢。", "公务接待无公函。"]
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县审计局")}


def test_a_table_is_read_by_the_header_that_names_its_problems(tmp_path, county_store, finder):
    from docx import Document

    from loaders.text.parse import parse_file

    doc = Document()
    doc.add_paragraph(TITLE, style="Heading 1")
    rows = (("问题类型", "整改措施", "主要问题", "责任单位"),
            ("作风", "开展专项整治", "值班人员脱岗", "宁川县档案馆"),
            ("财务", "清退违规款项", "公务接待无公函", "宁川县档案馆"))
    table = doc.add_table(rows=len(rows), cols=4)
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    doc.save(tmp_path / "t.docx")
    r = parse_file(tmp_path / "t.docx", county_store, finder=finder)
    assert [i.text for i in r.items] == ["值班人员脱岗", "公务接待无公函"]
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县档案馆")}
