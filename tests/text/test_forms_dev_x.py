"""Forms opened on dev_x (session 13). Sentences written for these tests.

- A letter handing numbered matters over that cites them by number inside its request (请对第2、4项线索依规处置;
  请你委重点关注第1、第3件线索) asks about the units of those entries, one directive each — as a citation ahead of
  the request already did (第2项…，请…). dev_w's and dev_x's writers both wrote it.
- A numbered matter named just before 请, with no comma (第3项线索请指导X镇纪委办理), opens an asking clause of the
  letter's addressee, like 以上线索请…; and it names the matter, so it is no bare report-back.
- A department asked as the regulator to 配合 another unit (县X局作为行业主管部门，要配合县Y局做好…整改) helps Y with
  Y's own problem: the request is about Y, not a helper's name to pass over (会同/协助/联合 Y still name helpers), as
  dev_w's writer wrote it in a speech and in a feedback report.
- A regulator asked to 督促/指导各X (各中小学, 各医疗机构) speaks to every unit of that kind, as 对各X… already did:
  about none, not the report's inspected unit (dev_x; dev's and dev_j's 指导各乡镇/督促各乡镇 likewise).
- Opened on dev_y (read, not tuned on before): a matter named just before 请 and its body (X问题请纪委监委在30日内…)
  is what the request is about, as X问题交由Y… already was; and a body told to 做好初核 on a matter without a
  modal verb (派驻第四纪检监察组对X局线索做好初核) is asked, as 对X开展核查 already was.
- A 回头看 report on two units closing on what they share (两个单位共性的问题是…; 两单位均存在…, the classifier
  left out) has that problem at each of them, as 两个单位均存在… already had (``counted_units`` in text_rules.json);
  dev_x's and dev_y's writers both wrote it.
- Complaints said to gather on a problem (X问题反映比较集中, 反映较为集中, 反映集中) state it, as 反映强烈 already did
  (problem_cues in text_rules.json; dev_u's and dev_s's writers wrote the family too).
- A problem whose own sentence then tells units joined by 、/和 to act (…问题反映比较集中，县A局、B乡要一起拿出办法)
  is at each unit of that subject, not only the first; a unit after the modal (A局要会同B局…) is still a helper.
- A problem said to come back (超限超载治理出现回潮) states it, as 反弹 does (problem_cues; dev_y): 回潮 is the other
  half of the office idiom 反弹回潮.
- A pair of problems said as 既有X的问题，也有Y的问题 is two items: the 也有… clause names a problem of its own, as a
  clause added by 以及/此外 does (clauses.py); 也有 elaborating the clause before (也有部分…) still does not cut.
"""

from __future__ import annotations

from tests.text.conftest import unit_id

LETTER = ("关于移交县委第三轮巡察问题线索的函", "县纪委监委：",
          "第三轮巡察中，巡察组发现问题线索4件，现移交你委，具体如下：",
          "1.县统计局违规发放值班补助；", "2.县审计局公车私用；", "3.湖坝村会计挪用集体资金；",
          "4.县统计局办公用房超标。")


def test_a_request_citing_entries_by_number_is_about_their_units(parse, finder):
    r = parse(*LETTER, "请对第2、4项线索依规依纪依法进行处置。请于两个月内将结果反馈县委巡察办。")
    asked = sorted((d.body, d.unit_id) for d in r.directives)
    assert asked == sorted([("纪委监委", unit_id(finder, "县审计局")), ("纪委监委", unit_id(finder, "县统计局"))])


def test_a_body_asked_to_watch_cited_entries_is_asked_about_their_units(parse, finder):
    r = parse(*LETTER, "请县纪委监委重点关注第1、第2件线索，尽快组织初步核实。")
    assert sorted(d.unit_id for d in r.directives) == sorted([unit_id(finder, "县统计局"), unit_id(finder, "县审计局")])


def test_an_entry_named_just_before_please_opens_a_request_about_it(parse, finder):
    r = parse(*LETTER, "第3项线索请指导相关乡镇纪委办理。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("纪委监委", unit_id(finder, "湖坝村"))]


def test_a_regulator_told_to_back_another_unit_is_asked_about_that_unit(parse, finder):
    r = parse("在县委第三轮巡察整改推进会上的讲话", "同志们：",
              "从各组汇报看，县统计局基层报表造假问题仍有反弹，县审计局审计整改跟踪不到位。",
              "县财政局作为行业主管部门，要配合县审计局抓好基层报表造假问题的审计复核。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("行业主管部门", unit_id(finder, "县审计局"))]


def test_a_regulator_told_to_urge_every_unit_of_a_kind_is_asked_about_none(parse, finder):
    r = parse("县委第二巡察组对县市场监管局巡察情况的反馈", "一是学校食堂抽检覆盖不全，部分学校全年未抽检。",
              "县教育局作为行业主管部门，要督促各中小学落实食材查验制度。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("行业主管部门", None)]


def test_a_matter_named_just_before_please_and_the_body_is_what_it_asks_about(parse, finder):
    r = parse(*LETTER, "县统计局补助问题请纪委监委在20日内提出处理意见。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("纪委监委", unit_id(finder, "县统计局"))]


def test_a_stationed_group_told_to_do_a_first_check_without_a_modal_is_asked(parse, finder):
    r = parse(*LETTER, "县纪委监委派驻第二纪检监察组对县审计局线索做好初核。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("派驻纪检监察组", unit_id(finder, "县审计局"))]


def test_what_two_units_share_is_a_problem_at_each_of_them(parse, finder):
    for closing in ("两个单位共性的问题是整改责任层层递减，分管领导过问少。", "两单位均存在整改台账销号后无人跟踪的情况。"):
        r = parse("县委巡察“回头看”情况报告", "县委第二巡察组对县统计局、县审计局开展了巡察“回头看”。",
                  "县统计局方面：一是整改资料与实际不符。", "县审计局方面：一是审计整改跟踪不到位。", closing)
        shared = sorted(it.unit_id for it in r.items if it.paragraph == 5)
        assert shared == sorted([unit_id(finder, "县统计局"), unit_id(finder, "县审计局")]), closing


def test_complaints_gathering_on_a_problem_state_it_at_each_unit_told_to_act(parse, finder):
    r = parse("在县委第五轮巡察情况汇报会上的讲话", "同志们：",
              "另外，城乡公交末班车提前收车问题反映比较集中，县交通运输局、湖岭乡要一起研究解决。",
              "再一个，县统计局报表报送不及时，县统计局要会同县审计局抓好整改。")
    at = {(it.paragraph, it.unit_id) for it in r.items}
    assert at == {(3, unit_id(finder, "县交通运输局")), (3, unit_id(finder, "湖岭乡")), (4, unit_id(finder, "县统计局"))}


def test_a_problem_coming_back_is_a_problem(parse, finder):
    r = parse("关于县委第四轮巡察“回头看”情况的报告", "县委第二巡察组对县统计局开展了巡察“回头看”。", "一、县统计局",
              "上轮巡察反馈问题12个，已整改10个。“回头看”发现：统计台账整改不到位；周末加班餐费报销出现回潮。")
    assert (unit_id(finder, "县统计局"), "周末加班") in [(it.unit_id, it.text[:4]) for it in r.items]


def test_a_pair_said_with_both_and_also_is_two_problems(parse, finder):
    r = parse("县委第一巡察组关于巡察湖岭乡党委的反馈意见", "一、作风纪律方面",
              "乡财政所既有备用金借支长期不还的问题，也有专用收据保管混乱的问题。")
    assert [it.text[:6] for it in r.items] == ["乡财政所既有", "也有专用收据"]
