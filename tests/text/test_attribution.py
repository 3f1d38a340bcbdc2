"""Unit attribution and list forms added for the second development part (issue 19): short names, sentences that
turn to other units, a unit written as 某乡。, a problem heading over its paragraph, self-references, objects of
对, a unit told in the same sentence, units carried on along an inline list, and prose that is not an item. Each
text is written for the test (not taken from the fixtures)."""

from __future__ import annotations

from tests.text.conftest import unit_id


def _pairs(result) -> list[tuple[str | None, str]]:
    return [(i.unit_name, i.text) for i in result.items]


def test_short_names_of_departments_and_firms_resolve(parse, finder):
    r = parse("一是县人社局就业补助资金审核不严。二是县市场监管局食品抽检流于形式。三是县城投公司资金调度混乱。"
              "四是县水务集团管网维修台账缺失。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, n) for n in (
        "宁川县人力资源和社会保障局", "宁川县市场监督管理局", "宁川县城市建设投资有限公司", "宁川县水务集团有限公司")]
    assert "简称" in " ".join(r.items[0].reasons)
    assert finder.resolve("县农业局").unit_id == unit_id(finder, "宁川县农业农村局")


def test_sentences_that_turn_to_other_units_are_items_of_their_own(parse):
    r = parse("（一）新水镇。松坪村、山乐村集体鱼塘发包未经村民代表会议。丰源村账目公开不及时，只公布总额。"
              "新水镇党委要督促各村整改。")
    assert [u for u, _ in _pairs(r)] == ["宁川县新水镇松坪村", "宁川县新水镇山乐村", "宁川县新水镇丰源村"]
    assert r.items[0].text == r.items[1].text and "丰源村" not in r.items[0].text
    assert "要督促" not in r.items[2].text and "分为2条" in " ".join(r.items[2].reasons)


def test_a_redacted_clause_after_a_semicolon_is_its_own_unresolved_item(parse, finder):
    r = parse("在财经纪律方面，县统计局、县档案馆差旅费报销审核不严；XX村会计私自挪用集体资金3万元。")
    assert [u for u, _ in _pairs(r)] == ["宁川县统计局", "宁川县档案馆", None]
    assert r.items[2].text.startswith("XX村") and "已隐去" in r.items[2].unit_rule


def test_a_problem_heading_and_the_paragraph_under_it_are_one_item(parse, finder):
    r = parse("县委第三巡察组关于巡察宁川县司法局党组的反馈意见", "一、政治监督方面",
              "（一）普法责任制落实有差距。", "以案释法活动开展次数少，普法宣传台账记录不全。")
    assert len(r.items) == 1 and r.items[0].text.startswith("普法责任制落实有差距。以案释法")
    assert r.items[0].unit_id == unit_id(finder, "宁川县司法局")


def test_a_bare_self_reference_keeps_the_unit_of_the_context(parse, finder):
    r = parse("关于河河乡：一是山口村反映的宅基地纠纷长期未处理，乡党委未能及时组织调处。")
    assert [u for u, _ in _pairs(r)] == ["宁川县河河乡"]


def test_a_unit_after_dui_behind_another_is_the_object_not_at_fault(parse):
    r = parse("一是竹湾镇党委对金宁村工程项目管理督导不力，镇财政所审核把关流于形式。")
    assert [u for u, _ in _pairs(r)] == ["宁川县竹湾镇"]


def test_a_unit_told_in_the_same_sentence_owns_the_problem_over_the_heading(parse, finder):
    r = parse("三、石河镇", "走访中还了解到，镇区部分路段路灯长期损坏、夜间照明不足，县交通运输局要会同镇里限期修复。")
    assert [u for u, _ in _pairs(r)] == ["宁川县交通运输局"] and "要会同" not in r.items[0].text
    assert r.directives == []  # the department fixing its own problem is no hand-off


def test_inline_pieces_carry_the_unit_the_piece_before_named(parse):
    r = parse("二、其他单位", "一是县司法局人民调解员培训走过场，全年仅培训1次。"
              "二是调解卷宗归档不规范，部分卷宗缺少回访记录。三是县档案馆档案数字化进度滞后。")
    assert [u for u, _ in _pairs(r)] == ["宁川县司法局", "宁川县司法局", "宁川县档案馆"]
    assert "承接" in r.items[1].unit_rule


def test_prose_that_lists_no_problem_is_no_item(parse):
    r = parse("在巡察宁川县林业局党组的反馈会上的讲话",
              "巡察认为，县林业局党组能够围绕生态立县部署开展工作，林长制落实有力。",
              "同时，巡察也发现了一些问题和不足，主要有以下几个方面。",
              "一、巡察工作自身存在的不足", "一是巡察组发现问题的深度还不够。二是底稿整理不及时。",
              "二、重点监督内容", "一是看项目审批是否规范，有没有越权审批等问题。二是看资金是否安全。",
              "一是县林业局森林防火巡护记录缺失。")
    assert [u for u, _ in _pairs(r)] == ["宁川县林业局"]


def test_a_redacted_unit_under_a_named_heading_stays_unresolved(parse):
    r = parse("（四）新水镇", "1.镇党委落实基层党建责任不到位。", "2.某村村委会主任长期不在岗。",
              "3.X镇财政所报账审核不严。", "4.XX同志违规兼职取酬。")
    assert [u for u, _ in _pairs(r)] == ["宁川县新水镇", None, None, "宁川县新水镇"]  # XX同志 is a person


def test_a_partner_named_after_yu_or_xiang_is_not_at_fault(parse):
    r = parse("县委第四巡察组关于巡察宁川县林业局党组的反馈意见",
              "1.林长制落实有差距，与县自然资源局信息共享不及时。", "2.向县财政局申报的抚育项目资金长期闲置。")
    assert [u for u, _ in _pairs(r)] == ["宁川县林业局", "宁川县林业局"]


def test_a_comma_clause_opening_with_another_unit_and_its_own_problem_is_its_own_item(parse):
    r = parse("关于河河乡：泉丰村、山口村集体资产台账缺失，宁庄村存在优亲厚友问题。乡党委要认真组织整改。")
    assert [u for u, _ in _pairs(r)] == ["宁川县河河乡泉丰村", "宁川县河河乡山口村", "宁川县河河乡宁庄村"]
    assert r.items[0].text == "泉丰村、山口村集体资产台账缺失" and r.items[2].text == "宁庄村存在优亲厚友问题。"
    kept = parse("一是金宁村、石坪村财务公开不及时，石坪村尤为突出。")  # the second clause states no problem of its own
    assert [i.text for i in kept.items] == ["金宁村、石坪村财务公开不及时，石坪村尤为突出。"] * 2


def test_the_requirement_closing_an_inline_list_or_the_next_paragraph_names_the_unit(parse):
    r = parse("一、需要县直部门协同解决的问题",
              "一是部分农村公路安全防护设施缺失。二是客运班线停运后群众出行难问题反映强烈。县交通运输局要尽快研究解决。",
              "还有，部分村反映灌溉渠道年久失修。", "县水利局要组织专项排查。")
    assert [u for u, _ in _pairs(r)] == ["宁川县交通运输局", "宁川县交通运输局", "宁川县水利局"]


def test_a_sentence_whose_own_requirement_names_a_unit_is_cut_from_a_redacted_one(parse):
    r = parse("（三）其他问题。群众反映的排涝泵站年久失修，至今没有解决，县水利局要尽快维修。"
              "此外，某村会计在低保评定中优亲厚友。")
    assert [u for u, _ in _pairs(r)] == ["宁川县水利局", None]
    assert "要尽快维修" not in r.items[0].text and r.items[1].text.startswith("此外，某村")


def test_what_to_look_at_is_no_item_but_a_problem_starting_with_kan_is(parse):
    r = parse("关于县人民医院：一是看病难问题突出，门诊排队时间长。二是看药品采购是否规范。")
    assert [t for _, t in _pairs(r)] == ["看病难问题突出，门诊排队时间长。"]
