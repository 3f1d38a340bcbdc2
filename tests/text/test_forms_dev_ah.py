"""Forms opened on dev_ah (session 14). Sentences written for these tests.

- A bracketed line under a feedback report's title that names no unit, holding only a unit and its party organ
  (专项巡察反馈意见 / （县X局党组）), names whom the report is about, as a dash-led subtitle does (subtitles.py); it
  is never a heading at the （一） level that the first section would close.
"""

from __future__ import annotations


def test_a_bracketed_unit_under_the_title_names_the_unit_of_a_feedback_report(parse):
    r = parse("林业专项巡察反馈意见", "（县林业局党组）", "一、发现的问题",
              "（一）护林员管理松散。生态护林员选聘程序不公开。", "（二）林木采伐审批把关不严。")
    assert [it.unit_name for it in r.items] == ["宁川县林业局"] * len(r.items) and r.items


def test_a_bracketed_issuer_line_names_no_unit(parse):
    r = parse("林业专项巡察反馈意见", "（县委巡察办供稿）", "1.生态护林员选聘程序不公开。")
    assert [it.unit_name for it in r.items] == [None]
