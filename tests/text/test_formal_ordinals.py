"""The formal numerals (壹、 （壹）) and the heavenly stems (甲、 （甲）) number paragraphs and inline entries like
一、 and （一）; a request citing an entry by its number in any family (第（贰）件, 第3项) is about that entry's
unit (session 11, dev_j). Short texts written for the test (not the fixtures)."""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id

TITLE = "县委第三巡察组关于对宁川县统计局党组巡察情况的反馈意见"
A, B = "统计数据审核把关不严", "执法检查流于形式"


@pytest.mark.parametrize(("first", "second"), [
    ("壹、", "贰、"), ("（壹）", "（贰）"), ("甲、", "乙、"), ("（甲）", "（乙）"),
])
def test_a_paragraph_numbered_by_formal_numerals_or_stems(parse, finder, first, second):
    r = parse(TITLE, f"{first}{A}。", f"{second}{B}。")
    assert [i.text for i in r.items] == [f"{A}。", f"{B}。"]
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县统计局")}


def test_formal_numerals_inline(parse):
    r = parse(TITLE, f"主要问题：（壹）{A}；（贰）{B}。")
    assert [i.text.rstrip("。") for i in r.items] == [A, B]


def test_a_sentence_opening_with_two_stems_is_no_entry(parse):
    r = parse(TITLE, "甲乙双方签订的物业合同未经集体研究。")
    assert r.items and r.items[0].text.startswith("甲乙双方")


def test_a_request_cites_an_entry_by_its_formal_number(parse, finder):
    r = parse("县委巡察办关于移交问题线索的函",
              "县纪委监委：",
              "（壹）县统计局有关人员违规领取普查补助。",
              "（贰）县审计局一名干部长期在外兼职取酬。",
              "其中，第（壹）件请你委依规处置；第（贰）件同时抄送县委组织部，请其在干部考察中予以关注。")
    about = {(d.body, d.unit_id) for d in r.directives}
    assert ("组织部", unit_id(finder, "宁川县审计局")) in about


@pytest.mark.parametrize(("first", "second"), [
    ("第一件事，", "第二件事，"), ("Ⅰ.", "Ⅱ."), ("一）", "二）"), ("甲、", "乙、"), ("（壹）", "（贰）"),
])
def test_any_family_inline_and_as_paragraphs(parse, first, second):
    inline = parse(TITLE, f"主要问题：{first}{A}；{second}{B}。")
    paragraphs = parse(TITLE, f"{first}{A}。", f"{second}{B}。")
    assert [i.text.rstrip("。") for i in inline.items] == [A, B]
    assert [i.text.rstrip("。") for i in paragraphs.items] == [A, B]
