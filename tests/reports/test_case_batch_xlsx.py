"""The batch workbook opens with openpyxl: frozen Chinese header row, auto-filter, widths, one row per case."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO

import pytest
from openpyxl import load_workbook

from api.reports import case_batch_xlsx
from graph.reviews.case_review_model import CaseBatch, CaseRow, Dimension, State
from tests.reports.samples import batch


@pytest.fixture(scope="module")
def book():
    return load_workbook(BytesIO(case_batch_xlsx.render(batch())))


def test_header_row_is_frozen_filtered_and_chinese(book):
    ws = book[case_batch_xlsx.SHEET]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:N3"
    headers = [c.value for c in ws[1]]
    assert headers == ["序号", "案件编号", "立案日期", "发案单位", "个案整改状态", "个案整改差距数", "类案整改状态",
                       "类案整改差距数", "系统整改状态", "系统整改差距数", "一案双查状态", "一案双查差距数", "差距合计",
                       "差距类型"]
    assert ws.print_title_rows == "$1:$1"


def test_one_row_per_case_with_states_and_gap_counts(book):
    ws = book[case_batch_xlsx.SHEET]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert len(rows) == 2
    first, second = rows
    assert first[:4] == [1, "宁川县LA20210007", datetime(2021, 9, 1), "宁川县财政局"]
    assert first[4:13] == ["部分到位", 1, "未到位", 2, "部分到位", 1, "未到位", 1, 5]
    assert first[13] == "整改任务逾期、同类问题未整改、同类单位未覆盖、建议函未反馈、一把手未被追责"
    assert second[4:13] == ["到位", 0, "到位", 0, "到位", 0, "到位", 0, 0] and second[13] is None
    assert ws["C2"].number_format == "yyyy-mm-dd"
    assert ws["E2"].fill.fgColor.rgb.endswith("FFEB9C") and ws["G2"].fill.fgColor.rgb.endswith("FFC7CE")


def test_every_column_has_a_width_that_fits_its_header(book):
    ws = book[case_batch_xlsx.SHEET]
    for cell in ws[1]:
        width = ws.column_dimensions[cell.column_letter].width
        assert width and width >= case_batch_xlsx.display_width(cell.value), cell.value
    assert ws.column_dimensions["D"].width >= case_batch_xlsx.display_width("宁川县湖岭乡青山村")


def test_scope_and_date_on_the_second_sheet(book):
    notes = {r[0].value: r[1].value for r in book["说明"].iter_rows(min_row=2)}
    assert notes["范围"] == "十四届县委第三轮巡察" and notes["案件数"] == 2
    assert notes["个案整改"] == "到位1件，部分到位1件，未到位0件，无从判断0件"


def test_an_empty_batch_still_has_its_header_and_filter():
    empty = CaseBatch(as_of=batch().as_of, scope="全部案件", rows=[])
    ws = load_workbook(BytesIO(case_batch_xlsx.render(empty)))[case_batch_xlsx.SHEET]
    assert ws.max_row == 1 and ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:N1"


def test_a_state_without_a_colour_is_grey():
    row = batch().rows[1].model_copy(update={"states": {**batch().rows[1].states, Dimension.INDIVIDUAL: State.UNKNOWN}})
    ws = load_workbook(BytesIO(case_batch_xlsx.render(CaseBatch(as_of=batch().as_of, scope="x", rows=[row]))))
    assert ws[case_batch_xlsx.SHEET]["E2"].value == "无从判断"
    assert ws[case_batch_xlsx.SHEET]["E2"].fill.fgColor.rgb.endswith(case_batch_xlsx.OTHER_FILL)
    assert isinstance(row, CaseRow)
