"""Forms opened on dev_ae (session 14). Sentences written for these tests.

- A paragraph going on with a 一是… list of the paragraph before (七是A。八是B。 after one ending on 六是…) holds as
  many entries as ordinals it counts on (continued_pieces in segments.py), as a list counted from one does; the
  paragraph was one entry.
- The inspection group's reading of what it found (巡察组认为，…问题的根子在于…) is a comment, as 这说明… is (COMMENT
  in asides.py): sixteen writers' parts hold the opening, none counts a problem in it.
- 不细 (审核不细, 排查不深不细) and 只改了 (整改只改了报表) state a problem (problem_cues in text_rules.json): three
  writers each use them so.
- A count of bureaus or townships with 都/均 (两局均…, 两乡镇均…) is the units of that kind the problems before were
  found at, told by how their names end (counted_units.py: 湖岭乡 and 新水镇 hold no 乡镇; 县住房和城乡建设局 holds a
  乡 and is no township); a request counting them with the numeral bare (要对两乡镇开展…指导) is one request for
  each (COUNTED in asking.py, counted_links in linking.py), as 对两家医院… was.
- Bodies joined by 和/及/与 after 请 or 建议 (请县纪委监委和派驻第五纪检监察组对…) are each asked, as a chain joined by 、
  was (addressing.py): dev_aa's, dev_d's and dev_v's writers key one request per body so, as dev_ae's does.
- A matter a speaker puts first with the body right after it (“一卡通”问题县纪委监委要专项督办) is what the request
  is about (request_topic.py), as X问题请Y…/X问题交由Y… were.
- A request whose head names a problem already listed above (X村虚报工程量问题，建议县纪委监委予以核查。) cites it:
  the head is the request's topic, not one more problem (without_cited in problem_split.py), as a requirement's
  topic repeating a problem is not taken twice (requirement_topics.py).
- A body copied in for handling (同时抄送县委组织部处理) is asked, as one copied in with 请 was (addressing.py); a bare
  copy (第2、6项同时抄送县委组织部。, dev_v) asks nothing.
"""

from __future__ import annotations


def test_a_paragraph_going_on_with_a_list_holds_each_entry(parse):
    r = parse("县委第二巡察组关于湖坝村的巡察反馈意见", "巡察发现的主要问题：",
              "一是村务公开栏长期未更新。二是低保评议程序不规范。",
              "三是集体鱼塘发包未经公开竞价。四是村务监督委员会履职不到位。")
    assert [it.text for it in r.items][-2:] == ["集体鱼塘发包未经公开竞价。", "村务监督委员会履职不到位。"]


def test_the_groups_reading_is_no_finding(parse):
    r = parse("县委第三巡察组关于县林业局党组巡察情况的反馈意见", "1.生态护林员选聘程序不公开。", "2.林木采伐审批把关不严。",
              "巡察组认为，县林业局党组对生态保护的责任认识还不够深，日常监管手段比较薄弱。")
    assert [it.text for it in r.items] == ["生态护林员选聘程序不公开。", "林木采伐审批把关不严。"]


def test_not_fine_and_only_changed_state_problems(parse):
    r = parse("在巡察整改推进会上的讲话", "同志们：", "县审计局项目复核把关不细。",
              "县交通运输局超限治理整改只改了台账。")
    assert [it.unit_name for it in r.items] == ["宁川县审计局", "宁川县交通运输局"]


def test_two_bureaus_counted_are_the_bureaus_named_before(parse):
    r = parse("关于县委第一轮巡察情况的综合报告", "（一）县住建局", "保障性住房分配把关不严。", "（二）县交通运输局",
              "农村公路养护资金挪作他用。", "（三）青江街道", "老旧小区改造群众参与不够。",
              "此外，两局均存在档案管理混乱问题。")
    counted = sorted(it.unit_name or "" for it in r.items if "两局" in it.text)
    assert counted == ["宁川县交通运输局", "宁川县住房和城乡建设局"]


def test_two_townships_counted_in_a_request_are_asked_for_each(parse):
    r = parse("关于农村集体“三资”专项巡察情况的报告", "一、湖岭乡。村级财务审核流于形式。",
              "二、新水镇。镇“三资”管理平台数据录入滞后。", "三、共性问题。两乡镇均未建立合同到期预警。",
              "四、意见建议。县农业农村局作为行业主管部门要对两乡镇开展专项指导。")
    assert sorted(it.unit_name or "" for it in r.items if "两乡镇" in it.text) == ["宁川县新水镇", "宁川县湖岭乡"]
    assert sorted(d.unit_name or "" for d in r.directives) == ["宁川县新水镇", "宁川县湖岭乡"]


def test_a_request_to_two_bodies_joined_by_and_asks_both(parse):
    r = parse("县委第四巡察组关于县市场监管局党组的巡察反馈意见", "1.执法人员接受管理对象宴请。",
              "请县纪委监委和派驻第五纪检监察组对违规宴请问题开展追查。")
    assert [d.body for d in r.directives] == ["纪委监委", "派驻纪检监察组"]


def test_a_matter_put_before_the_body_is_what_it_is_asked_about(parse):
    r = parse("在巡察工作汇报会上的讲话", "同志们：",
              "第三巡察组报告的县卫健局药品集采执行率偏低，县财政局惠民资金“一卡通”发放存在漏洞，这些都要抓紧整改。"
              "“一卡通”问题县纪委监委要专项督办。")
    assert [d.unit_name for d in r.directives] == ["宁川县财政局"]


def test_a_request_citing_a_problem_listed_above_adds_no_problem(parse):
    r = parse("县委第四巡察组关于石阳乡党委的巡察反馈意见", "一、群众身边腐败问题",
              "1.宁岗村集体经济收益分配未公示；东溪村水毁修复工程虚报工程量。", "2.乡财政所票据管理混乱。",
              "石阳乡党委要对上述问题逐一回应。东溪村虚报工程量问题，建议县纪委监委予以核查。")
    assert [it.text for it in r.items if "东溪村" in it.text] == ["东溪村水毁修复工程虚报工程量。"]
    assert [(d.body, d.unit_name) for d in r.directives] == [("纪委监委", "宁川县石阳乡东溪村")]


def test_a_body_copied_in_for_handling_is_asked(parse):
    r = parse("县委巡察办关于移交问题线索的函", "县纪委监委：", "现移交以下问题线索：",
              "1.县林业局护林员选聘涉嫌弄虚作假。", "2.县林业局中层干部选任涉嫌程序造假。",
              "请县纪委监委依规依纪依法处置。", "第2项涉及选人用人，同时抄送县委组织部处理。")
    assert "组织部" in [d.body for d in r.directives]
