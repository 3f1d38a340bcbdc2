"""Forms opened on dev_ak (session 15). Sentences written for these tests.

- A count of units with 都/均 may put what the units share between them, after 的 (三个单位的整改台账管理都不规范,
  两个乡镇的值班制度都…): the units of the problems before, as many as the count says (``counted_units`` of
  text_rules.json, read in counted_units.py), as 三个单位都… was.
- 松懈 (作风松懈, 纪律有些松懈) is a problem word (problem_cues in text_rules.json), as 松散 is: the verdict pattern
  有些松 stops short of it.
- A count of villages with no measure word as the problem's subject (两村党员积分管理停留在纸面) counts the villages
  named before, as 两个村… does (COUNTED_SUBJECT in counted_units.py).
- 群众意见大 states a problem, as 意见较大/意见很大 do (problem_cues).
- A unit the sentence goes on to ask as the 行业主管部门 (…，县X局要作为行业主管部门跟进) is the body asked, not the
  problem's unit (``not_subject_after``): the problem stays with the unit the speaker is on.
- A regulator the sentence says oversaw a unit too loosely before asking it (X对Y日常监管不够，X作为行业主管部门要…)
  is asked about that unit (overseen_unit in partners.py), as one made 作为Y的行业主管部门 is.
- A duty carried out badly (制度落实不好, 执行不好) states a problem (problem_patterns), as 落实不力 does; 好不好
  (whether it is done well) does not.
- An oversight left open (存在疏漏) is a problem word (problem_cues), as 漏洞 is: a table cell holding two problems
  (…缺乏统筹；…存在疏漏) is then read as two.
- A speaker's verdict that a watch was kept loosely (盯得不紧, 抓得不实, 管得不严) states a problem (problem_patterns).
- Arrears recovered (已…追回拖欠租金, 追缴欠缴水费) report a rectification, as 已清退违规收费 does
  (no_problem_patterns): the arrears word does not make the sentence a finding.
"""

from __future__ import annotations


def test_a_count_with_what_the_units_share_between_it_and_dou(parse):
    r = parse("关于专项巡察情况的报告", "县委：",
              "巡察发现以下问题：县商务局合同管理不规范；县统计局数据核查不细。",
              "此外，两个单位的档案管理都不规范。")
    shared = [it.unit_name for it in r.items if "档案管理" in it.text]
    assert sorted(shared) == ["宁川县商务局", "宁川县统计局"]


def test_a_lax_style_is_a_problem(parse):
    r = parse("在巡察情况汇报会上的讲话", "同志们：",
              "第一家，县统计局。一是数据核查不细；二是专业人才断档。",
              "第二家，湖岭乡。乡机关干部作风有些松懈。")
    assert [it.unit_name for it in r.items if "松懈" in it.text] == ["宁川县湖岭乡"]


def test_a_bare_count_of_villages_counts_the_villages_named_before(parse):
    r = parse("县委第一巡察组关于巡察永山乡党委的反馈意见", "一、存在的问题",
              "乡党委对村级财务监督缺位。金江村集体鱼塘发包未经村民代表会议；凤林村报账员兼任出纳。",
              "两村三务公开更新滞后。")
    shared = [it.unit_name for it in r.items if "三务公开" in it.text]
    assert sorted(shared) == ["宁川县永山乡凤林村", "宁川县永山乡金江村"]


SPEECH = ("在巡察情况汇报会上的讲话", "同志们：", "先说县统计局。统计数据核查不细，专业人才断档。")


def test_people_greatly_displeased_states_a_problem(parse):
    r = parse(*SPEECH, "再说湖岭乡。集镇停车收费的事群众意见大。")
    assert [it.unit_name for it in r.items if "停车" in it.text] == ["宁川县湖岭乡"]


def test_the_regulator_asked_in_the_sentence_is_not_the_problems_unit(parse):
    r = parse(*SPEECH, "再说县人民医院。门诊收费公示不透明，县卫健局要作为行业主管部门跟进。")
    assert [it.unit_name for it in r.items if "门诊" in it.text] == ["宁川县人民医院"]


def test_a_regulator_said_to_oversee_a_unit_too_loosely_is_asked_about_that_unit(parse):
    r = parse(*SPEECH, "再说县融媒体中心。新闻稿件三审制度执行不严。",
              "顺带说一句，县委宣传部对融媒体中心日常监管不够，县委宣传部作为行业主管部门要加强指导。")
    assert [(d.body, d.unit_name) for d in r.directives] == [("行业主管部门", "宁川县融媒体中心")]


def test_a_duty_carried_out_badly_is_a_problem(parse):
    r = parse("县委第二巡察组关于巡察湖岭乡党委的反馈意见", "一、发现的问题",
              "（一）在干部队伍建设方面：年轻干部培养使用不够；村干部值班制度执行不好。")
    assert [it.text.endswith(("使用不够", "执行不好。")) for it in r.items] == [True, True]


def test_an_oversight_left_open_is_a_problem(parse):
    r = parse("县委第三巡察组关于巡察县第一中学党委的反馈意见", "一、发现的问题",
              "（一）在落实全面从严治党方面：食堂采购台账不规范；校园安保值守存在疏漏。")
    assert [it.text.endswith(("台账不规范", "存在疏漏。")) for it in r.items] == [True, True]


def test_a_watch_kept_loosely_is_a_problem(parse):
    r = parse(*SPEECH, "再说湖岭乡。乡里对护林员到岗情况盯得不紧。")
    assert [it.unit_name for it in r.items if "盯得不紧" in it.text] == ["宁川县湖岭乡"]


def test_arrears_recovered_report_a_rectification(parse):
    r = parse("县委第一巡察组关于巡察县水务集团党委的反馈意见", "一、发现的问题",
              "（一）管网漏损率偏高；（二）工程结算审核把关不严。",
              "巡察期间，集团党委已对部分问题即知即改，追回拖欠租金12万元。")
    assert not any("租金" in it.text for it in r.items)
