"""A partner named beside the subject (与X, 配合X) is at fault too when the problem counts them both — 两家公司…,
两村均…, 两头… — as with 两家单位都/双方 before (session 11; dev_c, dev_d and dev_h writers agree). Short texts
written for the test (not the fixtures)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("problem", [
    "县统计局调查经费与县审计局的课题重复立项，一笔钱两头拿。",
    "县统计局在配合县审计局开展资产清查时，两家单位账实不符的问题长期未予核对。",
    "县统计局与县审计局合办的培训班经费重复报销，两家均报销了同一批住宿费。",
])
def test_a_partner_counted_with_the_subject_is_at_fault_too(parse, problem):
    r = parse("关于巡察情况的综合报告", problem)
    assert sorted(it.unit_name for it in r.items) == ["宁川县审计局", "宁川县统计局"]


def test_a_partner_alone_is_still_no_unit_at_fault(parse):
    r = parse("关于巡察情况的综合报告", "县统计局与县审计局对账不及时，差额长期未予核对。")
    assert [it.unit_name for it in r.items] == ["宁川县统计局"]
