"""How requests are written in the eighth development part's kind of texts (session 9): a labelled line that only
says who is to act (办理建议：由X核查 / 转X按程序处置), investigative and staffing verbs after 请/建议 (初核, 一查到底,
选调), and an attendance line (参加：X、Y负责同志) that asks no one. Short texts written for the test."""

from __future__ import annotations


def test_a_labelled_line_saying_who_is_to_act(parse):
    r = parse("问题线索转办单", "被反映单位：县统计局", "反映内容：统计人员虚报调查数据。",
              "办理建议：由县纪委监委派驻第三纪检监察组核查。", "被反映单位：县林业局", "反映内容：补偿资金被冒领。",
              "办理建议：转县纪委监委信访室按程序处置。")
    assert [d.body for d in r.directives] == ["派驻纪检监察组", "纪委监委"]


def test_a_report_of_what_was_handed_on_asks_no_one(parse):
    r = parse("关于县统计局：一是统计数据审核不严。", "本轮巡察共转县纪委监委问题线索3件。")
    assert r.directives == []


def test_investigative_and_staffing_verbs_after_please(parse):
    r = parse("关于县统计局：一是统计数据审核不严。", "请县纪委监委一查到底。", "建议派驻第三纪检监察组先行初核。",
              "建议县委组织部从县直单位选调业务骨干充实统计力量。")
    assert [d.body for d in r.directives] == ["纪委监委", "派驻纪检监察组", "组织部"]


def test_an_attendance_line_asks_no_one(parse):
    r = parse("约谈记录", "约谈事由：县统计局整改进度滞后。", "参加：县委组织部、县纪委监委、县委巡察办负责同志",
              "请县纪委监委一查到底。")
    assert [d.body for d in r.directives] == ["纪委监委"]


def test_a_body_then_please_is_asked(parse):
    r = parse("关于开展第八轮巡察的通知", "一、巡察对象：县统计局。",
              "县委组织部请于月底前提供班子成员年度考核情况；县纪委监委请提供信访举报处置情况。",
              "县统计局请示的事项另行答复。")
    assert [d.body for d in r.directives] == ["组织部", "纪委监委"]


def test_you_x_qiantou_huitong_y_asks_both(parse):
    r = parse("关于县统计局：一是统计数据审核不严。",
              "对未整改的问题，由县委巡察办牵头，会同派驻纪检监察组逐项督办。")
    assert [d.body for d in r.directives] == ["巡察机构", "派驻纪检监察组"]


def _units(result) -> list[tuple[str, str | None]]:
    return [(d.body, d.unit_id) for d in result.directives]


def test_a_request_about_a_redacted_unit_names_none(parse):
    r = parse("县委第三巡察组关于对宁川县湖岭乡党委巡察情况的反馈意见", "一是XX村挪用扶贫资金偿还村级债务。",
              "建议县纪委监委对XX村挪用资金问题跟进处理。")
    assert _units(r) == [("纪委监委", None)]


def test_a_request_about_several_counted_problems_names_no_unit(parse):
    r = parse("关于县统计局：一是统计数据审核不严。二是执法检查流于形式。",
              "对未销号的2个问题，由县委巡察办牵头逐项跟踪督办。")
    assert _units(r) == [("巡察机构", None)]
