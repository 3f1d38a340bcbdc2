"""Forms opened on dev_ad (session 14). Sentences written for these tests.

- An inspection's focus listed as 一是看X，二是看Y (two or more entries opening on 看 after their ordinals) is what the
  inspectors look at, never a finding (FOCUS_ENTRY), though a unit stands before it or a problem word
  inside it (看群众反映强烈问题的解决情况). Fifteen parts' writers list a focus so; none counts one as a problem.
  It is read where focus_patterns (一是看…是否…) are (focus_entry in segments.py), so the sentences after the last
  entry (…。对于前期掌握的情况，县X局…信访举报较多) are still read for findings.
- A dash-led subtitle under a feedback report's title that names no unit (专项巡察反馈意见 / ——县委第六巡察组对县X局
  党组) names whom the report is about, as a title naming the unit does (subtitles.py): the problems after it that
  name no unit are that unit's.
- The causes of the problems above (以上问题，既有…的客观原因，也有…的主观原因) are a comment on them, as 以上问题
  反映出… already was (COMMENT in asides.py), not one more problem.
- A sentence set in an inspection's time (…期间，X巡察组对A局、B镇开展整改“回头看”; 本轮巡察，X组对…开展…) tells
  what was or will be done: without a modal it asks nothing (NARRATED_FRAME in asking.py), where X组对…开展核查 in a
  list of suggestions does.
- Under a heading stating a problem (1.惠民资金管理不规范), a paragraph whose first sentence or ；-clause states a
  problem naming no unit and whose next names a unit (…公示时间不足；Y村重复发放…) holds two problems, the heading's
  unit's and the named one's (segment_groups in clauses.py), as it did without the heading; dev_h's writer and
  dev_ad's count them apart.
- A township's cadres (镇干部…, 乡干部…) are its own people, as its commission and offices are (OWN_TOWNSHIP in
  attribution.py), also after a lead telling what else was found (回头看中还发现：镇干部…): with one township named
  in the document, the problem is that township's.
- A short sentence whose subject is a township's own body (镇财政所对村级报账把关不严。) followed by a village's
  finding (龙桥村…) is that body's failing, not a summary opening the village's (village_turn in clauses.py);
  followed by the same township's further findings (乡党委对村级监督缺位。X乡党委…，乡纪委…), as dev_r's writer
  has it, it still sums them up.
- A short sentence telling a step skipped (…未按程序报批。) is a finding, as …未经… was (SKIPPED_STEP in
  clauses.py), never a title summing up the sentence after it; a gap in a staff's ranks (人才梯队断层) states a
  problem (断层, problem_cues in text_rules.json), as dev_aa's, dev_ac's and dev_n's writers also say it.
- A count of villages with 都/均 (两村均存在…, 三社区都…) is the villages the problems before were found at, under
  whichever township (counted_units in text_rules.json, counted_units.py), as 两个村都… already was: the villages,
  not only the units at the top.
- A request naming its unit by kind (B要对该乡…) after a clause asking another body with its own modal (A要对X村…处置，)
  does not take X村 from A's clause (request_topic.py): 该乡 is the document's township.
- In a list of requests inside a sentence (第一，A要…；第二，B要…；第三，巡察办每月通报…), a body opening a later
  entry is asked, with or without its modal, once two entries before it asked theirs (ENTRY_OPENING in
  addressing.py), as paragraphs after a lead announcing requests were (dev_ab).
- 会后 before the modal (巡察办会后要…) keeps the body the one asked, as 下一步 and 随后 did (addressing.py).
"""

from __future__ import annotations


def test_a_focus_list_of_kan_is_no_finding(parse):
    r = parse("关于县林业局专项巡察情况的反馈意见",
              "县委第三巡察组对县林业局党组开展了专项巡察。巡察重点：一是看生态保护责任落实，二是看群众反映问题的办理情况。",
              "巡察发现，县林业局生态护林员选聘不公开。")
    assert [it.text for it in r.items if it.text.startswith("看")] == []
    assert len(r.items) == 1


def test_a_dash_subtitle_names_the_unit_of_a_feedback_report(parse):
    r = parse("林业专项巡察反馈意见", "——县委第三巡察组对县林业局党组", "发现的问题",
              "1.生态护林员选聘程序不公开。", "2.林木采伐审批把关不严。")
    assert [it.unit_name for it in r.items] == ["宁川县林业局", "宁川县林业局"]


def test_the_causes_of_the_problems_above_are_no_problem(parse):
    r = parse("关于县林业局专项巡察情况的反馈意见", "县委第三巡察组对县林业局党组开展了专项巡察。",
              "1.生态护林员选聘程序不公开。", "2.林木采伐审批把关不严。",
              "以上问题，既有人员不足的客观原因，也有局党组管理责任落实不到位的主观原因。")
    assert [it.text for it in r.items] == ["生态护林员选聘程序不公开。", "林木采伐审批把关不严。"]


def test_what_was_done_in_a_round_asks_nothing(parse):
    r = parse("关于巡察整改“回头看”情况的报告",
              "第三轮巡察期间，县委第二巡察组对县林业局、湖坝村开展整改“回头看”。两家单位共反馈问题20个。",
              "检查发现，县林业局护林员选聘仍不公开。")
    assert r.directives == []


def test_after_the_meeting_the_body_is_still_asked(parse):
    r = parse("在巡察整改推进会上的讲话", "同志们：", "巡察办会后要拿出督办方案，每月通报一次进度。")
    assert [d.body for d in r.directives] == ["巡察机构"]


def test_a_turn_to_another_unit_under_a_problem_heading_is_a_second_problem(parse):
    r = parse("县委第一巡察组关于巡察兴安镇党委的反馈意见", "一、群众身边腐败和不正之风方面", "1.惠民资金管理不规范",
              "低保动态调整台账更新不及时；青口村重复发放慰问金5户。")
    assert [(it.unit_name or "")[-3:] for it in r.items] == ["兴安镇", "青口村"]


def test_township_cadres_after_a_finding_lead_are_the_sole_townships(parse):
    r = parse("关于巡察整改“回头看”情况的报告", "县委第二巡察组对县林业局、石阳乡开展了整改“回头看”。",
              "三、新发现的问题", "检查中还发现：乡干部违规报销加班餐费。")
    assert [it.unit_name for it in r.items] == ["宁川县石阳乡"]


def test_a_township_bodys_failing_before_a_villages_is_its_own(parse):
    r = parse("关于农村集体“三资”专项巡察情况的综合报告", "二、各乡镇问题",
              "1.新水镇：镇财政所对村级报账把关不严。龙桥村集体鱼塘发包未经公开竞价。",
              "2.石阳乡：乡党委对村级监督缺位。石阳乡党委对村级问题整改督导不力，乡纪委对信访件处置不及时。")
    assert [(it.unit_name or "")[-3:] for it in r.items] == ["新水镇", "龙桥村", "石阳乡"]


def test_a_step_skipped_is_a_finding_and_a_talent_gap_a_problem(parse):
    r = parse("县委第三巡察组对县林业局党组巡察情况的反馈意见", "第三部分 领导班子和干部队伍建设方面",
              "中层干部职务调整未按程序报批。专业技术人才梯队断层。")
    assert [it.text for it in r.items] == ["中层干部职务调整未按程序报批。", "专业技术人才梯队断层。"]


def test_two_villages_counted_are_the_villages_named_before(parse):
    r = parse("县委第二巡察组关于青江街道党工委的巡察反馈意见", "◎关于街道党工委", "（1）街道机关考勤管理松散。",
              "◎关于湖坝村", "（1）湖坝村集体鱼塘发包未经公开竞价。",
              "（2）村干部代领群众补贴。", "◎关于溪江村", "（1）溪江村村务公开栏长期未更新。", "（2）村级账目收支不清。",
              "另外，两村都存在村级工程未经招标的问题。")
    assert sorted((it.unit_name or "")[-3:] for it in r.items if "两村" in it.text) == ["湖坝村", "溪江村"]


def test_another_bodys_matter_before_is_not_what_kind_reference_means(parse):
    r = parse("县委第一巡察组关于石阳乡党委的巡察反馈意见", "一、金河村集体鱼塘发包未经公开竞价。",
              "县纪委监委要对金河村鱼塘发包问题依规处置，县委组织部要对该乡村级后备干部培养加强指导。")
    assert [(d.body, (d.unit_name or "")[-3:]) for d in r.directives] == [("纪委监委", "金河村"), ("组织部", "石阳乡")]


def test_what_follows_the_last_focus_of_kan_is_still_read(parse):
    r = parse("在县委第十轮巡察动员部署会上的讲话", "同志们：",
              "巡察组要紧盯领导班子，一是看决策部署的落实成效，二是看群众反映强烈的突出问题。"
              "对于前期掌握的情况，县林业局护林员选聘不公开问题信访举报较多，要作为进驻后的重点。")
    assert [it.unit_name for it in r.items] == ["宁川县林业局"]


def test_a_body_opening_a_later_entry_of_a_request_list_is_asked(parse):
    r = parse("在巡察整改推进会上的讲话", "同志们：",
              "我提几点要求。第一，县纪委监委要对护林员选聘问题启动问责；第二，县委组织部要把整改情况纳入考核；"
              "第三，巡察办每月通报一次整改进度。")
    assert [d.body for d in r.directives] == ["纪委监委", "组织部", "巡察机构"]
