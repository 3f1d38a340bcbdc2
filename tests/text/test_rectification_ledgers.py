"""A rectification ledger pasted as a table (序号 | 反馈问题 | 整改措施 | 整改情况 | 责任科室): a row whose standing says
the matter is done or under way gives the problem as found, not the standing; only a standing saying the problem is
still there (仍未…, 尚未…) adds it. The review of session 9 found done rows' standings taken as the findings.
Rows written for this test."""

from __future__ import annotations

import pytest

TITLE = "县教育局关于巡察反馈问题整改情况的报告"
HEADER = "\t".join(["序号", "反馈问题", "整改措施", "整改情况", "责任科室"])


@pytest.mark.parametrize("standing", [
    "已完成整改，追回违规发放的补贴2万元",
    "已整改，对落实不到位的2名责任人进行了谈话提醒",
    "正在整改，针对制度不健全问题已起草管理办法",
    "已整改，下一步仍将加强日常监管",
])
def test_a_settled_standing_is_not_the_finding(parse, standing):
    r = parse(TITLE, "一、整改台账", HEADER, "\t".join(["1", "食堂采购台账不健全", "建立采购台账", standing, "后勤科"]))
    texts = [it.text for it in r.items]
    assert any("食堂采购台账不健全" in t for t in texts), texts
    assert not any(standing[:6] in t for t in texts), texts


def test_a_standing_saying_the_problem_is_still_there_adds_it(parse):
    r = parse(TITLE, "一、整改台账", HEADER,
              "\t".join(["1", "校服征订收取回扣", "清退回扣款", "涉及的3所学校至今未清退回扣款", "财务科"]))
    assert any("至今未清退回扣款" in it.text for it in r.items), [it.text for it in r.items]
