"""A body named for what it did (由巡察组交办的…, 由派驻组发现的…, 由纪检监察机关查处的…) is part of a finding, not a
request.

An independent review (session 9) found such clauses read as requests once the asking clause took every body that
``text_rules.json`` lists: a problem was lost, or cut at the clause. Sentences written for this test."""

from __future__ import annotations

import pytest

TITLE = "十五届县委第四轮巡察反馈意见"


@pytest.mark.parametrize(("sentence", "kept"), [
    ("县民政局落实上轮巡察反馈问题整改不力，由巡察组交办的5个问题仍未整改到位。", "交办的5个问题仍未整改"),
    ("县交通运输局财务审核把关不严，由派驻组发现的违规报销费用至今未追回。", "违规报销费用至今未追回"),
    ("县卫生健康局廉政风险防控不到位，由纪检监察机关查处的2起案件均涉及药品采购。", "2起案件均涉及药品采购"),
])
def test_a_clause_telling_what_a_body_did_stays_in_the_problem(parse, sentence, kept):
    r = parse(TITLE, "一、存在的主要问题", sentence)
    assert any(kept in it.text for it in r.items), [it.text for it in r.items]
    assert not any(kept[:4] in d.text for d in r.directives)


def test_a_matter_given_to_a_body_is_still_a_request(parse):
    r = parse(TITLE, "一、存在的主要问题", "县民政局临时救助审批不严，向不符合条件人员发放救助金。",
              "二、整改意见", "对临时救助审批问题，由县纪委监委会同县民政局督促整改。")
    assert any(d.body == "纪委监委" for d in r.directives)
