"""请乙配合甲开展…: when the helper is itself a supervisory body (乡纪委 helping 县纪委监委), the body helped leads and
is asked; when the helper is the unit under inspection (建议县林业局配合县纪委监委开展核查), the request is the unit's
and asks the body nothing. The review of session 9 found the second read like the first. Sentences written here."""

from __future__ import annotations

TITLE = "十五届县委第四轮巡察综合情况报告"
PROBLEM = "县林业局生态护林员补助发放不规范，部分补助被村干部代领。"


def test_a_body_helped_by_another_body_is_asked(parse):
    r = parse(TITLE, "一、存在的主要问题", PROBLEM, "二、意见建议", "对护林员补助问题，请乡纪委配合县纪委监委开展核查。")
    assert "纪委监委" in [d.body for d in r.directives]


def test_a_body_helped_by_the_inspected_unit_is_not_asked(parse):
    r = parse(TITLE, "一、存在的主要问题", PROBLEM, "二、意见建议", "建议县林业局积极配合县纪委监委开展核查。")
    assert [d for d in r.directives if d.body == "纪委监委"] == []
