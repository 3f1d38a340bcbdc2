"""Directives to other bodies: who is asked, what, about which item — and sentences that only name a body."""

from __future__ import annotations

from tests.text.conftest import unit_id


def _bodies(result) -> list[tuple[str, str | None]]:
    return [(d.body, d.unit_name) for d in result.directives]


def test_each_body_addressed_and_the_unit_its_request_names(parse, finder):
    r = parse("关于石阳乡：一是宁岗村集体资金管理混乱。",
              "县纪委监委要对宁岗村集体资金问题开展核查。县委组织部要指导石阳乡整顿村党组织。",
              "县委巡察办要组织开展整改“回头看”。县纪委监委派驻第二纪检监察组要跟进监督。")
    # the last two name no unit, echo no item and stand under no heading: about nothing in particular
    assert _bodies(r) == [("纪委监委", "宁川县石阳乡宁岗村"), ("组织部", "宁川县石阳乡"), ("巡察机构", None),
                          ("派驻纪检监察组", None)]
    first = r.directives[0]
    assert first.request.startswith("要对宁岗村") and first.paragraph == 2 and first.item_index == 0


def test_a_list_of_bodies_shares_one_request_and_receivers_are_not_addressed(parse):
    r = parse("关于县水利局：一是山塘巡查不到位。",
              "纪委监委、组织部、巡察机构要加大监督力度。",
              "对发现的问题线索，已移交县纪委监委。202*年县纪委监委暗访发现窗口纪律松弛。",
              "各单位要加强与巡察机构的沟通。")
    assert [d.body for d in r.directives] == ["纪委监委", "组织部", "巡察机构"]


def test_a_department_that_leads_on_another_units_problem_is_the_regulator(parse, finder):
    r = parse("关于湖岭乡：一是丰桥村危房改造补助发放不规范。",
              "县住房和城乡建设局要牵头清查全乡危房改造补助。县教育局作为行业主管部门，要督促各校规范收费。")
    assert [(d.body, d.body_unit_id) for d in r.directives] == [  # 作为行业主管部门 names the department
        ("行业主管部门", unit_id(finder, "宁川县住房和城乡建设局")), ("行业主管部门", unit_id(finder, "宁川县教育局"))]
    assert r.directives[0].unit_name == "宁川县湖岭乡"  # 全乡: the township of the context
    own = parse("关于县水利局：一是山塘巡查不到位。县水利局要牵头完善巡查制度。")
    assert own.directives == []  # a unit told to fix its own problem is not a hand-off


def test_a_directive_without_a_unit_links_to_the_item_it_echoes(parse):
    r = parse("一是县民政局养老机构消防隐患整改不及时。二是县交通运输局农村客运补贴发放不规范。",
              "县纪委监委要对农村客运补贴问题开展专项检查。县委组织部要在全县开展软弱涣散党组织整顿。")
    echo, county_wide = r.directives
    assert echo.item_index == 1 and echo.unit_name == "宁川县交通运输局" and "第1段" in echo.unit_rule
    assert county_wide.unit_id is None and "全县" in county_wide.unit_rule


def test_suggested_and_requested_bodies_are_addressed_and_a_first_second_list_is_items(parse):
    r = parse("从巡察情况看：第一，县档案馆档案数字化项目验收把关不严。第二，县融媒体中心广告收入未纳入财务统一核算。",
              "建议宁川县纪委监委对广告收入问题开展核查。提请县委组织部对档案馆领导班子进行调整。",
              "对问题线索，已移交宁川县纪委监委。")
    assert [i.unit_name for i in r.items] == ["宁川县档案馆", "宁川县融媒体中心"]
    assert [(d.body, d.unit_name) for d in r.directives] == [("纪委监委", "宁川县融媒体中心"), ("组织部", "宁川县档案馆")]


def test_a_unit_marked_as_the_regulator_is_addressed_with_its_duty(parse, finder):
    r = parse("关于县中医院：一是药品耗材采购未执行比价程序。",
              "县卫生健康局要切实履行行业主管部门职责，指导县中医院规范采购。",
              "县财政局作为出资人代表和行业主管部门，要督促县城投公司清理闲置资产。")
    assert [(d.body, d.body_unit_id, d.unit_name) for d in r.directives] == [
        ("行业主管部门", unit_id(finder, "宁川县卫生健康局"), "宁川县中医院"),
        ("行业主管部门", unit_id(finder, "宁川县财政局"), "宁川县城市建设投资有限公司")]
    assert "写明" in " ".join(r.directives[0].reasons)


def test_a_long_list_of_bodies_and_a_request_about_two_units(parse, finder):
    r = parse("县委巡察办、县纪委监委派驻第三纪检监察组要对县统计局、县档案馆整改情况开展跟踪督查。")
    assert [(d.body, d.unit_name) for d in r.directives] == [
        ("巡察机构", "宁川县统计局"), ("巡察机构", "宁川县档案馆"),
        ("派驻纪检监察组", "宁川县统计局"), ("派驻纪检监察组", "宁川县档案馆")]


def test_the_village_beside_its_township_and_the_topic_clause_before_the_body(parse):
    r = parse("县委组织部要指导湖岭乡党委尽快配强北坪村“两委”班子。",
              "对县商务局虚报补贴问题，县纪委监委要严肃追责，并在全县通报。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("组织部", "宁川县湖岭乡北坪村"),
                                                             ("纪委监委", "宁川县商务局")]


def test_requests_to_every_body_of_a_kind_or_about_the_whole_round_name_no_unit(parse):
    r = parse("关于县司法局：一是社区矫正对象监管不到位，档案管理混乱。",
              "各巡察组要聚焦社区矫正档案管理开展监督。县纪委监委要对本轮巡察移交的问题线索优先处置。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("巡察机构", None), ("纪委监委", None)]


def test_one_request_with_a_clause_per_unit_and_a_stationed_group_about_its_host(parse, finder):
    r = parse("县纪委监委要对县司法局法律援助问题深入核查，对县档案馆库房管理问题跟进监督。",
              "派驻县统计局纪检监察组要督促驻在部门按期整改。")
    assert [(d.body, d.unit_name) for d in r.directives] == [
        ("纪委监委", "宁川县司法局"), ("纪委监委", "宁川县档案馆"), ("派驻纪检监察组", "宁川县统计局")]
    assert r.directives[2].unit_rule == "派驻所在单位"


def test_lead_by_you_an_office_of_the_commission_and_stationed_bodies(parse):
    r = parse("由县委组织部牵头，对县档案馆领导班子运行情况进行专题分析。",
              "县纪委监委第二监督检查室要对县档案馆问题线索进行初核。派驻机构要督促驻在部门落实整改。",
              "有关情况已报送县纪委监委。")
    assert [(d.body, d.unit_name) for d in r.directives] == [
        ("组织部", "宁川县档案馆"), ("纪委监委", "宁川县档案馆"), ("派驻纪检监察组", None)]
