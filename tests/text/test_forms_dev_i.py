"""General forms met in the ninth development part: a list announced by a colon and cut at ； (问题主要有三：A；
B；C。 / 具体有以下几个问题：…) is one item per entry, whatever words each entry uses, while a colon before what is
asked (建议如下：) announces no problems; and a record's form field naming whom it is about (约谈对象：县X局…) gives
its unit to a record with a bare title. Short texts written for the test (not the fixtures)."""

from __future__ import annotations

from loaders.text.segments import inline_pieces
from tests.text.conftest import unit_id

TITLE = "县委第三巡察组关于对宁川县湖岭乡党委巡察情况的反馈意见"


def test_a_colon_announced_list_is_cut_at_each_semicolon():
    lead, pieces = inline_pieces("工作中还有不足。主要问题有三：台账更新慢；值班表无人签字；采购单据缺编号。")
    assert lead.endswith("主要问题有三：")
    assert [p.text for p in pieces] == ["台账更新慢", "值班表无人签字", "采购单据缺编号。"]


def test_a_colon_before_requests_or_plain_facts_lists_nothing():
    assert inline_pieces("针对上述情况，建议如下：完善制度；加强培训。")[1] == []
    assert inline_pieces("会议地点：三楼会议室；参会人员：班子成员。")[1] == []


def test_each_entry_of_an_announced_list_is_an_item_of_the_unit_inspected(parse, finder):
    r = parse(TITLE, "一、在落实管党治党责任上还有差距。突出表现为：乡党委会研究党建工作每年仅一次；"
                     "机关食堂采购由一人经手；村级账目公开栏两年没有更新。")
    assert len(r.items) == 3
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县湖岭乡")}
    assert "一人经手" in r.items[1].text


def test_a_record_field_names_the_unit_of_a_record_with_a_bare_title(parse, finder):
    r = parse("谈话记录", "谈话对象：湖岭乡党委书记", "谈话人指出：你乡存在以下几个问题：村级工程结算审核不严；"
              "党费收缴台账记录不全；干部考勤流于形式。")
    assert len(r.items) == 3
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县湖岭乡")}


def test_a_question_and_answer_record_takes_its_findings_from_the_questions(parse, finder):
    r = parse("县委第一巡察组与湖岭乡党委座谈记录",
              "问：乡机关2025年有6笔差旅费没有审批单，请说明情况。",
              "答：确实没有及时补办，我们认领这个问题。",
              "问：村级工程结算审核不严，这是谁把关的？")
    assert len(r.items) == 2 and all(i.text.startswith(("乡机关", "村级")) for i in r.items)
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县湖岭乡")}
    assert not any(d.paragraph == 1 for d in r.directives)  # the title asks nothing of the inspection team


def test_a_unit_over_an_unnamed_subordinate_is_the_unit_at_fault(parse, finder):
    r = parse("关于全县巡察发现问题的综合情况报告", "一、主要问题",
              "1.县水利局下属工程队将部分渠道工程分包给无资质的个人。",
              "2.县水利局下属单位XX同志违规收受礼金。")
    assert r.items[0].unit_id == unit_id(finder, "宁川县水利局")
    assert r.items[1].unit_id != unit_id(finder, "宁川县水利局")  # the redacted subordinate: unknown
