"""Each way offices list problems, on short texts written for the test (not the dev fixtures)."""

from __future__ import annotations

import pytest

from loaders.text.parse import TextParseError
from tests.text.conftest import unit_id


def _units(result) -> list[tuple[str | None, str]]:
    return [(i.unit_name, i.text) for i in result.items]


def test_guanyu_x_colon_yishi_ershi(parse, finder):
    r = parse("关于县统计局：一是统计数据审核把关不严，个别数据前后不一致。二是统计执法检查流于形式。",
              "关于县审计局：一是审计整改跟踪不到位的问题。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县统计局")] * 2 + [unit_id(finder, "宁川县审计局")]
    assert r.items[0].text.startswith("统计数据审核把关不严") and "统计执法" not in r.items[0].text
    assert all(i.form == "一是" and i.paragraph in (1, 2) for i in r.items)
    assert "所在“关于…：”" in r.items[0].unit_rule


def test_yishi_with_the_unit_in_each_clause(parse, finder):
    r = parse("点几个问题。一是县司法局法律援助案件质量评查走过场。二是县信访局信访事项办理超期。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县司法局"), unit_id(finder, "宁川县信访局")]
    assert r.items[0].unit_rule == "文中点名"


def test_paren_numbers_as_paragraphs_and_inline(parse, finder):
    r = parse("县委第一巡察组关于对宁川县商务局党组巡察情况的反馈意见",
              "（一）外贸企业帮扶政策落实不到位。部分企业反映申报程序繁琐。",
              "（二）机关财务报销审核不严，存在无发票报销的情况。",
              "县医疗保障局：（一）医保基金监管存在漏洞；（二）定点药店检查不及时。")
    want = [unit_id(finder, "宁川县商务局")] * 2 + [unit_id(finder, "宁川县医疗保障局")] * 2
    assert [i.unit_id for i in r.items] == want
    assert [i.form for i in r.items] == ["段首编号", "段首编号", "（一）", "（一）"]
    assert r.doc_kind == "feedback"


def test_unit_in_a_heading_with_numbered_items_below(parse, finder):
    r = parse("二、发现的主要问题", "（一）县林业局", "1.森林防火责任落实不到位，巡护记录缺失。", "2.林木采伐审批把关不严。",
              "（二）永山乡", "1.溪宁村、金江村集体山林发包未经民主程序。")
    assert [i.unit_name for i in r.items] == ["宁川县林业局", "宁川县林业局", "宁川县永山乡溪宁村", "宁川县永山乡金江村"]
    assert r.items[2].text == r.items[3].text and "同一句点名2个单位" in " ".join(r.items[2].reasons)


def test_unit_named_only_in_the_requirement_after(parse, finder):
    r = parse("一是部分单位公务接待清单填写不全，超标准接待时有发生。县科学技术局要立即规范接待管理。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县科学技术局")]
    assert "要立即规范" not in r.items[0].text and r.items[0].unit_rule.startswith("其后的要求点名")


def test_a_village_name_of_two_townships_takes_the_township_of_its_context(parse, finder):
    r = parse("关于山庄镇：一是南岗村村级债务底数不清。", "关于兴安镇：一是南岗村集体资金被挪用。")
    assert [i.unit_name for i in r.items] == ["宁川县山庄镇南岗村", "宁川县兴安镇南岗村"]
    alone = parse("一是南岗村村级债务底数不清。")
    assert alone.items[0].unit_id is None and "多个单位" in " ".join(alone.items[0].reasons)


def test_redacted_names_stay_unresolved(parse):
    r = parse("关于县*：一是XX同志违规兼职取酬。二是202*年度预算执行不严，超范围列支。", "关于*局：一是资产出租未经评估。")
    assert len(r.items) == 3 and all(i.unit_id is None for i in r.items)
    assert all("隐去" in i.unit_rule for i in r.items)


def test_praise_background_and_requirements_are_not_items(parse):
    with pytest.raises(TextParseError) as caught:
        parse("同志们：", "一年来，县水利局党组高度重视巡察整改，取得了明显成效。",
              "本轮巡察共发现问题46个，移交问题线索3件。", "一要提高政治站位。二要压实整改责任。",
              "各单位要举一反三，切实抓好整改。", name="动员讲话.txt")
    assert str(caught.value).startswith("动员讲话.txt：没有识别出问题条目")


def test_category_and_round_are_suggested_with_reasons(parse, county_store):
    r = parse("在十五届县委第三轮巡察反馈会上的讲话", "一、落实全面从严治党方面",
              "（一）公务用车管理不规范，存在私车公养的问题。县财政局要立即整改。")
    item = r.items[0]
    assert item.category == "中央八项规定精神/四风" and item.top_category == "全面从严治党战略部署落实"
    assert "私车公养" in item.category_reason
    assert r.round_text == "十五届县委第三轮巡察" and county_store.get_node(r.round_id).props["number"] == 3
    assert 0 < item.confidence <= 1 and item.reasons


def test_a_round_the_graph_lacks_is_named_but_not_resolved(parse):
    r = parse("在十六届县委第二轮巡察汇报会上的讲话", "关于县水利局：一是河道巡查不到位。")
    assert r.round_text == "十六届县委第二轮巡察" and r.round_id is None


def test_the_unit_in_the_requirement_of_the_next_paragraph(parse, finder):
    r = parse("点一个问题：一是部分单位临聘人员招录不公开，存在“因人设岗”现象。",
              "县人力资源和社会保障局要牵头规范临聘人员管理。")
    assert [i.unit_name for i in r.items] == ["宁川县人力资源和社会保障局"]
    assert r.directives == []  # its own unit told to act: not a hand-off to a regulator


def test_circled_numbers_open_paragraphs_without_breaking_the_parse(parse, finder):
    # "①".isdigit() is True in Python, so a circled number once reached int() and stopped the whole document.
    r = parse("县委第二巡察组关于对宁川县统计局党组巡察情况的反馈意见",
              "①统计数据审核把关不严，个别数据前后不一致。",
              "②统计执法检查流于形式，全年未立案查处。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县统计局")] * 2
    assert r.items[1].text.startswith("统计执法检查流于形式")
