"""Forms opened on dev_t (session 12). Sentences and rows written for these tests.

- A review of rectification's table (单位 | 原反馈问题 | 回头看发现的问题) states its finding in the column of what the
  review found: the row gives the old problem with what is still wrong, not the old problem alone.
- A count of a named kind opening a problem as its subject (三个村发展党员程序不规范) means each unit of that kind the
  report found problems at, when there are as many (as 三个村都… did); 两个单位… without 都 stays open.
- Units listed as having a problem (延伸检查发现，A医院、B保健院存在…问题，该局…) are at fault for it, though a later
  clause names the inspected unit by 该局 for its own failing; a request counting them (督促两家医院…) is about each.
- A request counting departments (加强对两个部门的日常监督) where two bureaus and a township were inspected is about
  each bureau: a 部门 is a county department, not a township.
- A letter's closing 请于…将处置情况反馈… asks only to be told the outcome: no request to act (以上线索请于…反馈…,
  naming the matters handed over, still asks the addressee, as on dev_s).
- A sentence whose subject is some cadres (局机关个别干部兼任…, 少数党员…) states a finding of its own, whatever its
  verb: reports name 个别干部 only to tell what they did wrong.
- A sentence drawing the lesson of the problems before it (这些问题都说明，…还有不少漏洞。) states no finding of its own.
"""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id

REPORT = "县委第二轮巡察整改“回头看”情况报告"
SPEECH = "在县委第五轮巡察动员部署会上的讲话"


def test_a_review_table_states_what_the_review_found(parse, finder):
    header = "\t".join(["单位", "原反馈问题", "“回头看”发现的问题"])
    r = parse(REPORT, "回头看问题台账", header, "\t".join(["县统计局", "统计台账管理混乱", "乡镇报表仍未建立审核制度"]),
              "\t".join(["县审计局", "公务用车管理不严", "2辆公车停放仍未入库"]))
    texts = {it.text: it.unit_id for it in r.items}
    assert any("乡镇报表仍未建立审核制度" in t and u == unit_id(finder, "县统计局") for t, u in texts.items()), texts
    assert any("2辆公车停放仍未入库" in t and u == unit_id(finder, "县审计局") for t, u in texts.items()), texts


def test_the_lesson_drawn_from_problems_is_no_finding(parse):
    r = parse(SPEECH, "同志们：", "一、提高认识",
              "从上轮巡察看，县统计局数据报送不及时，县审计局公车管理不严。上述问题充分说明，一些单位制度执行还有不少漏洞。")
    texts = [it.text for it in r.items]
    assert len(texts) == 2 and not any("漏洞" in t for t in texts), texts


def test_a_counted_kind_as_subject_is_each_unit_of_that_kind(parse, finder):
    r = parse("关于对石阳乡东溪村、竹水村党组织提级巡察情况的反馈意见", "现将发现的问题反馈如下。", "一、东溪村",
              "1.村集体资金收支未经民主理财。", "二、竹水村", "1.村务公开不及时，半年未更新公开栏。", "三、共性问题",
              "两个村党员发展档案不全，入党积极分子培养记录缺失。")
    units = {it.unit_id for it in r.items if "党员发展档案不全" in it.text}
    assert units == {unit_id(finder, "东溪村"), unit_id(finder, "竹水村")}, [(it.unit_id, it.text) for it in r.items]


def test_units_listed_as_having_a_problem_are_at_fault(parse, finder):
    r = parse("关于对县医疗保障局党组巡察情况的反馈意见", "现将有关情况反馈如下。",
              "一、监管职责方面。延伸检查发现，县中医院、县妇幼保健院存在超标准收取护理费问题，该局发现后未督促退还。",
              "二、下一步要求。县卫生健康局作为行业主管部门，要督促两家医院规范收费。")
    units = {it.unit_id for it in r.items if "超标准收取护理费" in it.text}
    hospitals = {unit_id(finder, "县中医院"), unit_id(finder, "县妇幼保健院")}
    assert units == hospitals, [(it.unit_id, it.text) for it in r.items]
    assert {d.unit_id for d in r.directives if d.body == "行业主管部门"} == hospitals, r.directives


def test_counted_departments_are_the_bureaus_not_the_township(parse, finder):
    r = parse("县委第四轮巡察专项巡察情况综合报告", "县委：", "对县统计局、县审计局、石阳乡开展了专项巡察。",
              "第一，县统计局统计台账管理混乱；县审计局公车管理不严。", "第二，石阳乡项目资金拨付滞后。",
              "县纪委监委派驻第三纪检监察组要加强对两个部门的日常监督。")
    got = {d.unit_id for d in r.directives if d.body == "派驻纪检监察组"}
    assert got == {unit_id(finder, "县统计局"), unit_id(finder, "县审计局")}, r.directives


@pytest.mark.parametrize(("closing", "asked"), [
    ("请于两个月内将核查情况反馈县委巡察办。", False),
    ("以上线索请于两个月内将核查情况反馈县委巡察办。", True),
])
def test_a_letter_asking_only_for_the_outcome_asks_nothing(parse, closing, asked):
    r = parse("关于移交县委第二轮巡察发现问题线索的函", "县纪委监委：", "现将巡察发现的问题线索移交你委，具体如下：",
              "1.县统计局个别干部违规收受礼金。请县纪委监委依规依纪处置。", closing)
    closing_asks = [d for d in r.directives if "反馈" in d.text]
    assert bool(closing_asks) is asked, r.directives


def test_some_cadres_as_subject_state_a_finding(parse):
    r = parse("关于对县统计局党组巡察情况的反馈意见", "现将巡察发现的问题反馈如下。",
              "再次，作风建设方面。统计数据报送不及时，基层反映报表多次退回。局机关少数干部兼任辖区企业顾问。")
    texts = [it.text for it in r.items]
    assert any(t.startswith("局机关少数干部兼任辖区企业顾问") for t in texts), texts
