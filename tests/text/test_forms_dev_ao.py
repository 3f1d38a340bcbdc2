"""Forms opened on dev_ao (session 15). Sentences written for these tests.

- A body given a general charge and then, after a comma, a second one opening on 对 with its own 要 that names a
  unit (县委组织部要把…作为…参考，对县X局班子情况要专门分析) is asked twice: the general charge about nothing in
  particular, the second about the unit it names (``follow_on`` in targets.py). A second clause naming no unit
  (对发现的问题要一查到底) stays part of the one request.
- A body with 在…中 between it and its modal is asked as with a time clause (县纪委监委在日常监督中要…: ``when`` in
  addressing.py).
- 个别/少数 before any kind of staff (个别稽核人员, 少数执法人员), not only the kinds listed, marks a problem (the
  first of problem_patterns in text_rules.json).
- A speaker's 还要提一下，/再说一下， before a finding asks nothing: the 要 of it is no requirement
  (SPEAKER_TURNS in segments.py takes the X一下 forms beside 说一说/点一点).
- 严查/深查/快查 ask a body as 彻查/查处 do (建议驻县X局纪检监察组严查…: ASKED_TO in asking.py).
"""

from __future__ import annotations

SPEECH = ("在巡察整改推进会上的讲话", "同志们：", "今天主要讲整改。县统计局统计执法检查流于形式。")


def test_a_second_charge_naming_a_unit_is_a_directive_about_it(parse):
    r = parse(*SPEECH, "县委组织部要把整改成效作为班子考核的重要依据，对县统计局领导班子情况要专门分析。")
    asked = sorted((d.body, d.unit_name or "") for d in r.directives)
    assert asked == [("组织部", ""), ("组织部", "宁川县统计局")]


def test_a_second_charge_naming_no_unit_stays_one_request(parse):
    r = parse(*SPEECH, "各巡察组要严格执行组长负责制，对发现的问题要查深查透。")
    assert [d.body for d in r.directives] == ["巡察机构"]


def test_a_stationed_group_suggested_to_probe_hard_is_asked(parse):
    r = parse("关于对县统计局党组巡察的反馈意见", "巡察发现的问题：", "一、统计执法检查流于形式。",
              "二、个别干部收受调查对象礼金问题反映强烈。", "建议驻县统计局纪检监察组严查收受礼金问题。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("派驻纪检监察组", "宁川县统计局")]


def test_a_body_with_an_in_clause_before_its_modal_is_asked(parse):
    r = parse(*SPEECH, "县纪委监委在日常监督中要把整改落实情况作为重点内容。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("纪委监委", None)]


def test_some_staff_of_any_kind_mark_a_problem(parse):
    r = parse("在巡察情况汇报会上的讲话", "同志们：", "再说县统计局。个别调查人员与企业老板称兄道弟，吃吃喝喝。")
    assert [it.unit_name for it in r.items] == ["宁川县统计局"]


def test_a_speaker_turning_with_yixia_still_states_a_finding(parse):
    r = parse("在巡察情况汇报会上的讲话", "同志们：", "先说县统计局。统计执法检查流于形式。",
              "还要提一下，县林业局护林员补助发放不规范。")
    assert [it.unit_name for it in r.items] == ["宁川县统计局", "宁川县林业局"]
