"""Forms opened on dev_af (session 14). Sentences written for these tests.

- A body told to follow a problem up without a modal verb (派驻第三纪检监察组对X问题跟进监督。), in a paragraph of
  requests, is asked, as 县委巡察办对X局开展专项督查 was (DIRECTED in asking.py): dev_af's writer keys it so and
  dev_ab's asks in the same words after 建议; 跟进 followed by 了/过 tells what was done.
- 过多, 过长, 过大, 过低 state a problem (problem_cues in text_rules.json), as 过高 and 偏长 do: dev_af's
  writer counts 子公司管理层级过多 so, and other writers' parts use the family only in problems.
- An entry of an inline list (一是…；二是…；三是…) whose other entries (two or more) the clause model keeps is kept
  though the model alone would veto it (_listed_with in classifier.py): a short entry (三是基层党组织建设薄弱。)
  reads like a heading, but the list's form says it is one of the problems; dev_af's and dev_y's writers count it.
- A title …巡察反馈情况（公开版） and an opening …反馈了巡察意见 tell a feedback (document_kinds in text_rules.json),
  as …反馈情况公开 did: the public versions of seven writers' parts open so.
- A request naming as its object a problem one sentence found at two units (县人民医院和县中医院都存在X的问题。…
  派驻组对X问题跟进监督。) is about each of them (named_problem in request_topic.py), as a topic clause before the
  body (对X问题，县纪委监委要…) was; a township and its own villages in that sentence stay one matter.
"""

from __future__ import annotations


def test_a_follow_up_without_a_modal_is_a_request(parse):
    r = parse("关于医疗收费专项巡察情况的报告", "县委：",
              "关于县人民医院：一是检查收费项目重复计费；二是医用耗材加价销售。",
              "建议：县委组织部要对县人民医院班子开展专项考察。派驻第三纪检监察组对耗材加价问题跟进监督。")
    assert [d.body for d in r.directives] == ["组织部", "派驻纪检监察组"]
    assert r.directives[1].unit_name == "宁川县人民医院"


def test_a_follow_up_told_as_done_is_no_request(parse):
    r = parse("关于医疗收费专项巡察情况的报告", "县委：",
              "关于县人民医院：一是检查收费项目重复计费；二是医用耗材加价销售。",
              "巡察期间，派驻第三纪检监察组对耗材加价问题跟进了监督。")
    assert [d.body for d in r.directives] == []


def test_a_request_naming_a_problem_of_two_units_is_about_each(parse):
    r = parse("关于医疗收费专项巡察情况的报告", "县委：",
              "关于县人民医院：一是检查收费项目重复计费；二是医用耗材加价销售。",
              "关于县中医院：一是药房盘点账实不符；二是住院押金退还不及时。",
              "此外，县人民医院和县中医院都存在陪护床位由医院指定公司经营的问题。",
              "建议：县卫健局作为行业主管部门，要在全县医疗机构开展收费检查。派驻第三纪检监察组对陪护床位指定公司问题跟进监督。")
    asked = [d.unit_name for d in r.directives if d.body == "派驻纪检监察组"]
    assert sorted(u or "" for u in asked) == ["宁川县中医院", "宁川县人民医院"]


def test_too_many_states_a_problem(parse):
    r = parse("关于县委第四轮巡察情况的综合报告", "县委：", "一、县林业局",
              "林木采伐审批把关不严，有2宗采伐未经现场核查。下属站所设置过多。")
    assert [it.text for it in r.items] == ["林木采伐审批把关不严，有2宗采伐未经现场核查。", "下属站所设置过多。"]


def test_a_short_last_entry_of_a_kept_list_stays(parse):
    r = parse("县委巡察组对县林业局党组巡察反馈情况",
              "巡察指出的主要问题：一是学习贯彻上级精神不够深入；二是财务管理制度执行不严；三是基层党组织建设薄弱。")
    assert [it.text for it in r.items][-1] == "基层党组织建设薄弱。"


def test_a_public_feedback_titled_as_feedback_is_feedback(parse):
    r = parse("县委巡察组对*局党组巡察反馈情况（公开版）",
              "根据县委统一部署，202*年*月，县委第*巡察组对*局党组开展了常规巡察。",
              "巡察指出的主要问题：一是财务管理制度执行不严；二是违规使用公务接待经费。")
    assert r.doc_kind == "feedback"
