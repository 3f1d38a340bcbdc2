"""Forms opened on dev_q (session 10) and on a clerk's own form: a 一是… list opened in one paragraph under its
unit (关于X：一是…。) and taken up in the next paragraph (二是…。) keeps its unit and every entry. Sentences written
for these tests.
"""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id

FEEDBACK = "县委第二巡察组关于巡察县统计局党组的反馈意见"
SPEECH = "在全县巡察工作推进会上的讲话"


@pytest.mark.parametrize("later", [
    ["二是档案室门禁登记长期空白。"],
    ["二是固定资产盘点走过场。", "三是临聘人员考勤由他人代签。"],
])
def test_a_list_opened_under_its_unit_goes_on_in_the_next_paragraph(parse, finder, later):
    r = parse(SPEECH, "关于县审计局：一是审计整改台账更新不及时。", *later)
    texts = [it.text for it in r.items]
    assert len(texts) == 1 + len(later)
    assert all(not t.startswith(("二是", "三是")) for t in texts)
    assert {it.unit_id for it in r.items} == {unit_id(finder, "宁川县审计局")}


def test_a_paragraph_opening_with_a_later_entry_after_no_list_is_no_entry(parse):
    r = parse(SPEECH, "关于县审计局：审计整改台账更新不及时。", "二是要加强学习。")
    assert all("加强学习" not in it.text for it in r.items)
