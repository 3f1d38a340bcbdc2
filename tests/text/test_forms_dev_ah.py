"""Forms opened on dev_ah (session 14). Sentences written for these tests.

- A bracketed line under a feedback report's title that names no unit, holding only a unit and its party organ
  (专项巡察反馈意见 / （县X局党组）), names whom the report is about, as a dash-led subtitle does (subtitles.py); it
  is never a heading at the （一） level that the first section would close.
- Staff steering the public or a deal to an intermediary (推荐中介, 指定中介) is a problem word (problem_cues in
  text_rules.json), as 收受中介好处费 and 为中介机构介绍业务 are to dev_af's and dev_d's writers; so a problem clause
  ending on it keeps its item before a request in the same sentence (…推荐中介代办，建议对…初核).
- A request in the sentence that opens on a problem (X…，建议对…初核) is about that problem's unit, after 建议 as after
  请 (“同一句中的问题” in directives.py).
- A matter handed to a body (X问题线索移交县纪委监委，建议从严查处) asks the receiver when 建议 follows with what to
  do, as …，请依规处理 did (asked_after_handing in asking.py).
- 请X(配合)了解…情况 asks X to find out, as 请X核实… does (了解, not 了解到, joins ASKED_TO in asking.py).
"""

from __future__ import annotations


def test_a_bracketed_unit_under_the_title_names_the_unit_of_a_feedback_report(parse):
    r = parse("林业专项巡察反馈意见", "（县林业局党组）", "一、发现的问题",
              "（一）护林员管理松散。生态护林员选聘程序不公开。", "（二）林木采伐审批把关不严。")
    assert [it.unit_name for it in r.items] == ["宁川县林业局"] * len(r.items) and r.items


def test_a_bracketed_issuer_line_names_no_unit(parse):
    r = parse("林业专项巡察反馈意见", "（县委巡察办供稿）", "1.生态护林员选聘程序不公开。")
    assert [it.unit_name for it in r.items] == [None]


def test_steering_to_an_intermediary_is_a_problem_before_a_request(parse):
    r = parse("县委巡察办关于移交问题线索的函", "县纪委监委：", "现将巡察中发现的问题线索移交你委处置。",
              "一、县统计局。个别窗口人员向来访企业推荐中介代理，建议对反映的问题进行初核。")
    assert [it.unit_name for it in r.items] == ["宁川县统计局"]
    assert [(d.body, d.unit_name) for d in r.directives] == [("纪委监委", "宁川县统计局")]


def test_a_request_after_a_problem_in_one_sentence_is_about_its_unit(parse):
    r = parse("县委巡察办关于移交问题线索的函", "县纪委监委：", "现将巡察中发现的问题线索移交你委处置。",
              "一、县林业局。生态护林员选聘程序不公开，建议对选聘过程进行核查。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("纪委监委", "宁川县林业局")]


def test_a_receiver_handed_a_matter_is_asked_by_a_later_suggestion(parse):
    r = parse("县委第二巡察组关于巡察石阳乡党委的反馈意见", "巡察发现，宁岗村以白条入账支出1万元。",
              "石阳乡党委要抓好整改。白条入账问题线索移交县纪委监委，建议依规依纪处理。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("纪委监委", "宁川县石阳乡宁岗村")]


def test_a_body_asked_to_find_out_is_asked(parse):
    r = parse("县委巡察办关于移交问题线索的函", "县纪委监委：", "现将巡察中发现的问题线索移交你委处置。",
              "二、县林业局。护林员补助发放给不在岗人员，请派驻第三纪检监察组配合了解补助发放情况。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("派驻纪检监察组", "宁川县林业局")]
