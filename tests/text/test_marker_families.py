"""Any enumeration family a writer may bring (session 7): typeset ordinals (Ⅰ、, ㈠, 一), ⑴, (a), a.), more bullets
(★, √, ——, * ), a labelled family whose label is any word repeated with a rising ordinal (表现一：…表现二：…), 一则…二则…,
and the spoken 一个是…再一个是…还有一个是… — each one item per marker, the marker left out of the text. Short texts
written for the test (not the fixtures)."""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id

TITLE = "县委第三巡察组关于对宁川县统计局党组巡察情况的反馈意见"
A, B = "统计数据审核把关不严", "执法检查流于形式"


@pytest.mark.parametrize(("first", "second"), [
    ("Ⅰ、", "Ⅱ、"), ("㈠", "㈡"), ("一）", "二）"), ("⑴", "⑵"), ("(a) ", "(b) "), ("a. ", "b. "),
    ("★", "★"), ("√ ", "√ "), ("——", "——"), ("* ", "* "),
])
def test_a_paragraph_numbered_by_any_typeset_ordinal_or_bullet(parse, finder, first, second):
    r = parse(TITLE, f"{first}{A}。", f"{second}{B}。")
    assert [i.text for i in r.items] == [f"{A}。", f"{B}。"]
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县统计局")}


@pytest.mark.parametrize("body", [
    f"主要表现在：表现一：{A}；表现二：{B}。",
    f"主要表现在：⑴{A}；⑵{B}。",
    f"主要表现在：a){A}；b){B}。",
    f"一则{A}，二则{B}。",
])
def test_an_inline_family_of_any_kind(parse, body):
    r = parse(TITLE, body)
    assert [i.text.rstrip("。") for i in r.items] == [A, B]


def test_a_labelled_family_needs_the_same_label_each_time(parse):
    r = parse(TITLE, f"表现一：{A}；情况二：{B}。")
    assert r.items[0].form == "段落" and r.items[0].text.startswith("表现一：")  # no family: cut as ；-clauses


def test_the_spoken_family_opening_with_yi_ge_shi(parse, finder):
    r = parse("在巡察情况汇报会上的讲话", f"县统计局，一个是{A}，再一个是{B}，还有一个是公务接待无公函。")
    assert [i.text.rstrip("。") for i in r.items] == [A, B, "公务接待无公函"]
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县统计局")}


def test_paragraphs_numbered_by_a_label_of_their_own(parse, finder):
    r = parse(TITLE, f"检查发现1：{A}。", f"检查发现2：{B}。", "检查发现3：公务接待无公函。", "附件1：问题线索登记表")
    assert [i.text for i in r.items] == [f"{A}。", f"{B}。", "公务接待无公函。"]
    assert all(i.form == "段首编号" for i in r.items)
