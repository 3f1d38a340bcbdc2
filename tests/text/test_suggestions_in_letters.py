"""建议… naming no body asks a letter's addressee only when the letter hands matters over (…移交问题线索的函); in a
unit's own report addressed to a body it is the unit's plan. The review of session 9 found a unit's report to the
inspection office giving the office a directive about the unit. Sentences written for this test."""

from __future__ import annotations


def test_a_units_own_report_to_the_office_asks_the_office_nothing(parse):
    r = parse("县审计局关于巡察反馈问题整改进展情况的报告", "县委巡察办：",
              "一、整改进展", "对审计项目质量不高的问题，已修订审计质量控制办法。",
              "二、下一步打算", "下一步，建议将整改工作纳入全局年度目标考核。")
    assert [d for d in r.directives if d.body == "巡察机构"] == []


def test_a_hand_off_letters_suggestion_asks_its_addressee(parse):
    r = parse("县委巡察办关于移交巡察发现问题线索的函", "县纪委监委：", "1.县林业局生态护林员补助发放不规范。",
              "上述线索现移交你委。其中涉及村干部的，建议督促乡镇纪委先行核实。")
    assert "纪委监委" in [d.body for d in r.directives if "督促乡镇纪委" in d.text]
