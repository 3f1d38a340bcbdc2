"""Forms opened on dev_ag (session 14). Sentences written for these tests.

- A request after 请 and its body that opens on the verb 组织 (请县委巡察办适时组织回访) asks the body to act, as
  请X开展… already did (ASKED_TO in asking.py).
- A paragraph opening on a run-in label ending in a section word (一、总体情况。各单位…) is background, as the same
  label set apart as a heading (一、总体情况) or with a colon (整改要求：…) already was (items.py,
  section_requirement in text_rules.json, which now holds 总体情况). Only a label ending in the word: a finding
  with the word inside it (湖岭乡对包村干部履职整改措施空泛。) stays a finding.
- A request put against a kind of conduct right after its body (县纪委监委对整改不力的要严肃问责; X要对…的严肃
  问责) is about whoever behaves so, no unit in particular, as 对整改不力的，X要… before the body already was
  (whoever in request_scope.py); dev_e's, dev_m's and dev_ag's writers key such requests without a unit.
- A check or meeting held only N times (检查每年仅一次, 只2次) is too seldom, a problem (problem_patterns), as 仅开展
  …4次 already was; a kickback (返点, with 回扣) and subsidies drawn on another's behalf (代领, with 冒领) are problem
  words (problem_cues): a ；-clause stating one after another problem is a problem of its own (dev_ag's, dev_ac's
  and dev_o's writers count ；-joined problems apart).
- A finding run in after a category label (（四）巡察整改方面。X不规范。) is kept though the clause model alone would
  veto its short words (CATEGORY_LABEL in classifier.py), as an inline list's entry was: the document files it under
  a category as a finding (dev_aa's writer too; weights not retrained).
"""

from __future__ import annotations


def test_a_request_to_organise_a_return_visit_asks_the_office(parse):
    r = parse("县委第二巡察组关于巡察湖坝村的反馈意见", "一、发现的问题", "1.村务公开栏长期未更新。",
              "二、整改要求", "请县委巡察办适时组织回访，查看整改成效。")
    assert [d.body for d in r.directives] == ["巡察机构"]


def test_a_run_in_overall_situation_label_states_no_problem(parse):
    r = parse("关于县教育局专项巡察情况的报告",
              "一、总体情况。各学校基本落实收费公示，未发现普遍性违规收费。",
              "二、存在问题。县教育局：收费检查流于形式，全年仅检查一次。")
    assert [it.text for it in r.items if "公示" in it.text] == []
    assert len(r.items) == 1


def test_a_finding_naming_a_section_word_inside_stays_a_finding(parse):
    r = parse("关于巡察整改情况的通报", "三、湖岭乡对村干部履职整改措施空泛。")
    assert len(r.items) == 1


def test_a_request_against_a_kind_of_conduct_after_the_body_is_about_no_unit(parse):
    r = parse("关于巡察整改情况的通报", "一、县林业局护林员选聘问题整改不力，至今未公开选聘结果。",
              "二、对上述问题，各单位要限期整改。县委组织部要约谈县林业局主要负责同志。"
              "县纪委监委对整改不力、敷衍了事的要严肃问责。")
    assert [(d.body, d.unit_id) for d in r.directives if d.body == "纪委监委"] == [("纪委监委", None)]


def test_a_check_held_only_once_after_a_semicolon_is_a_problem_of_its_own(parse):
    r = parse("关于县教育局专项巡察情况的反馈意见", "一、发现的问题",
              "1.收费政策调整后未及时印发执行口径；对学校收费的检查每年仅一次。")
    assert len(r.items) == 2


def test_a_kickback_after_a_semicolon_is_a_problem_of_its_own(parse):
    r = parse("关于县一中巡察情况的反馈意见", "一、发现的问题",
              "1.个别教师在校外培训机构兼职取酬，涉及5人；学校征订教辅资料收取“返点”2万余元。")
    assert len(r.items) == 2


def test_subsidies_drawn_on_behalf_of_others_are_a_problem(parse):
    r = parse("关于巡察发现问题线索的移交函", "县纪委监委：",
              "一、湖岭乡：乡农技站站长安排亲戚代领耕地补贴，请一并核查。")
    assert len(r.items) == 1


def test_a_finding_under_a_run_in_category_label_is_kept(parse):
    r = parse("关于巡察县林业局党组的反馈意见", "一、巡察发现的主要问题",
              "（一）政治监督方面。一是林长制落实存在差距；二是重点生态项目推进缓慢。",
              "（二）巡察整改方面。巡察整改销号程序不规范。")
    assert [it.text for it in r.items if "销号" in it.text] != []
