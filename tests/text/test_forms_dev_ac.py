"""Forms opened on dev_ac (session 14). Sentences written for these tests.

- A post left empty for long (股室负责人长期空缺) and a time too long (办理时限偏长) state problems, as 偏高 and 偏低
  already did (problem_cues in text_rules.json): a ；-clause saying so is a problem of its own, not the tail of the
  one before. dev_ab's, dev_q's, dev_r's, dev_t's, dev_u's, dev_x's and dev_y's writers say it the same way.
- An ordinal right after a bracketed label (【落实全面从严治党方面】一是…。二是…) opens an inline list, as one after
  a colon or a full stop does (_BREAK in segments.py): the first entry is an entry, not the label's paragraph (which
  the classifier could veto whole). dev_ac's and dev_ad's writers label sections so.
- Stationed groups listed by their ordinals (派驻第四、第五纪检监察组要…) are the stationed-group body, as one group
  is (bodies in text_rules.json); asked about 这两家单位, each of the two units named before has its directive.
- A lead counting what follows its colon (问题主要在两个方面：A，B。) cuts the sentence at its commas when they make
  just as many entries (COUNTED_LEAD in segments.py), as ；-clauses after such a lead already were; with other
  counts of commas the sentence stays whole.
"""

from __future__ import annotations


def test_a_post_empty_for_long_and_a_time_too_long_are_problems(parse):
    r = parse("县委第二巡察组关于县林业局党组巡察情况的反馈意见",
              "一、关于服务群众。林权登记政策宣传不到位，群众知晓率不高；林木采伐许可办理时限偏长。",
              "二、关于干部队伍。后备干部培养缺乏规划；两个股室负责人长期空缺。")
    assert [it.text.rstrip("。；") for it in r.items] == [
        "林权登记政策宣传不到位，群众知晓率不高", "林木采伐许可办理时限偏长", "后备干部培养缺乏规划",
        "两个股室负责人长期空缺"]


def test_an_ordinal_list_after_a_bracketed_label_is_a_list(parse):
    r = parse("县委第三巡察组关于对石阳乡党委巡察情况的反馈意见", "县委第三巡察组对石阳乡党委进行了常规巡察。",
              "【落实全面从严治党方面】一是乡纪委执纪力量薄弱，专职干部长期被借调。二是公务用车登记不全。")
    assert [(it.form, it.text) for it in r.items] == [
        ("一是", "乡纪委执纪力量薄弱，专职干部长期被借调。"), ("一是", "公务用车登记不全。")]


def test_stationed_groups_listed_by_ordinal_are_a_body(parse):
    r = parse("在县委巡察工作情况汇报会上的讲话", "同志们：",
              "第四个是县林业局、县教育局这两家单位。县林业局护林员选聘不公开，县教育局食堂承包不规范。"
              "派驻第二、第三纪检监察组要盯住这两家单位的整改。")
    assert sorted((d.body, d.unit_name) for d in r.directives) == [
        ("派驻纪检监察组", "宁川县教育局"), ("派驻纪检监察组", "宁川县林业局")]


def test_a_counted_lead_cuts_at_as_many_commas(parse):
    r = parse("在县委巡察工作情况汇报会上的讲话", "同志们：",
              "县林业局，问题主要在两个方面：护林员选聘不公开，林下经济项目拆分规避招标。",
              "县教育局，问题主要在两个方面：食堂承包不规范，有的学校还存在违规收费、乱订教辅等情况。")
    assert [it.text.rstrip("。") for it in r.items][:2] == ["护林员选聘不公开", "林下经济项目拆分规避招标"]
