"""Ordinary sentences an independent review of the parser (session 8) found taken wrongly — praise and routine facts
read as problems, a request dropped as a headline, a numbered requirement read as a citation, a special
inspection's first object given problems of others — and a long dash-typed register that took minutes. Each
text carries one real problem so the document parses; the assertions are about the other sentences."""

from __future__ import annotations

import pytest

from loaders.text import dash_rows
from loaders.text.model import ParsedItem
from loaders.text.request_scope import every_unit
from tests.text.conftest import unit_id

TITLE = "十五届县委第三轮巡察综合情况报告"
PROBLEM = "县水利局河道采砂监管缺位，全年仅巡查2次。"


@pytest.mark.parametrize("praise", [
    "惠农补贴资金全部通过一卡通打入农户个人账户，发放及时。",
    "各村坚持脱贫路上一户都不能少，一个都不能落下。",
    "回头看中又发现一批好做法，已在全县推广。",
    "县市场监管局对无证经营的流动摊贩依法予以没收，共2处。",
])
def test_praise_and_routine_facts_are_no_problem(parse, praise):
    r = parse(TITLE, "一、总体情况", praise, "二、存在的问题", PROBLEM)
    assert [it.text for it in r.items if praise[:6] in it.text] == []
    assert len(r.items) == 1


def test_money_an_official_keeps_in_a_personal_account_is_a_problem(parse):
    r = parse(TITLE, "二、存在的问题", "石阳乡财政所出纳将收取的押金存入本人个人账户。", PROBLEM)
    assert any("押金" in it.text for it in r.items)


def test_a_short_request_about_a_named_problem_is_kept_when_the_next_sentence_asks_again(parse, finder):
    r = parse(TITLE, "二、存在的问题", PROBLEM,
              "对县水利局的问题，县纪委监委要严肃查处。县纪委监委要对全县采砂领域开展专项监督。")
    asked = [d for d in r.directives if d.body == "纪委监委"]
    assert len(asked) == 2 and unit_id(finder, "宁川县水利局") in [d.unit_id for d in asked]


def test_a_numbered_requirement_is_no_citation_of_a_problem(parse):
    r = parse(TITLE, "二、存在的问题", "（一）" + PROBLEM, "（二）县审计局审计整改跟踪不到位。",
              "三、工作要求", "第二个要求，县纪委监委要加强日常监督。")
    assert [d.unit_id for d in r.directives if d.body == "纪委监委"] == [None]


def test_some_of_the_objects_are_not_the_first_object(parse, finder):
    r = parse("关于工程建设领域专项巡察情况的报告",
              "本次专项巡察，对象为县住建局、县交通运输局、县水利局。",
              "部分乡镇存在未批先建问题，有的项目验收资料缺失。", "县交通运输局农村公路养护资金拨付滞后。")
    first = unit_id(finder, "宁川县住房和城乡建设局")
    assert all(it.unit_id != first for it in r.items if it.text.startswith("部分"))


def test_a_long_register_is_split_once_per_line(monkeypatch):
    """The register reader once tried every line as a header against every line after it (minutes for a few
    thousand pasted rows): each line is now split once."""
    calls = []
    split = dash_rows._split
    monkeypatch.setattr(dash_rows, "_split", lambda text: calls.append(text) or split(text))
    lines = ["问题移交登记（单位—问题—移交对象）"] + [f"{i}. 县A局—问题{i}—移送县纪委监委" for i in range(1, 3001)]
    found = dash_rows.register_fields(lines)
    assert len(found) == 3001 and len(calls) <= len(lines) + 1


def test_a_body_that_acted_before_is_no_request(parse, finder):
    r = parse(TITLE, "二、存在的问题", "县林业局对上轮巡察反馈的问题，由县纪委监委约谈后仍未整改到位。", PROBLEM)
    assert unit_id(finder, "宁川县林业局") in [it.unit_id for it in r.items]
    assert not [d for d in r.directives if d.body == "纪委监委"]


@pytest.mark.parametrize(("request_text", "units", "about_all"), [
    ("对十二个单位开展整改评估", 12, True),
    ("对十五个单位开展整改评估", 12, True),
    ("对6个单位开展整改评估", 5, True),
    ("对两个单位开展整改评估", 2, False),  # two are each named, not "all"
    ("对三个单位开展整改评估", 12, False),  # fewer than the units found: some of them
])
def test_a_request_counting_every_unit_found_reads_chinese_numerals(request_text, units, about_all):
    found = [ParsedItem(paragraph=1, text="问题", form="", unit_id=f"u{i}", unit_name=f"单位{i}", unit_rule="",
                        category=None, top_category=None, category_reason="", confidence=0.5, reasons=[])
             for i in range(units)]
    assert every_unit(request_text, found) is about_all


def test_a_unit_that_still_has_to_act_is_asked_not_at_fault(parse, finder):
    """还要 is a requirement on a unit (县水利局还要加强…); only people's burdens (企业还要跑…) stay problems."""
    r = parse(TITLE, "二、存在的问题", "县水利局的问题，河道采砂监管缺位。县水利局还要加强对采砂行为的整治。",
              "县市场监管局窗口服务不到位，企业办一个证还要跑四个窗口。")
    texts = [it.text for it in r.items]
    assert not [t for t in texts if "还要加强" in t] and [t for t in texts if "还要跑四个窗口" in t]
