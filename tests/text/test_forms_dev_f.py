"""Forms opened on dev_f (session 7): a rectification report's 关于…的问题。整改情况：… paragraphs, plans listed
after 下一步 — on short texts written for the test (not the fixtures)."""

from __future__ import annotations

from tests.text.conftest import unit_id


def test_rectification_report_topic_is_the_problem_and_progress_is_not(parse, finder):
    r = parse("中共宁川县统计局党组关于巡察整改落实情况的报告",
              "二、反馈问题整改落实情况",
              "1. 关于我局统计台账登记缺漏的问题。巡察指出，我局对乡镇报表的复核不及时。整改情况：已补齐台账，已完成整改。",
              "2. 关于专项经费报账手续不全的问题。整改进展：已退回重报，正在推进。",
              "3. 关于机关干部考勤走样的问题。完成情况：已修订考勤办法。",
              "三、下一步打算",
              "我局整改仍有差距。下一步，一是继续推进未完成事项，二是健全长效机制。")
    assert len(r.items) == 3
    assert r.items[0].text.startswith("我局统计台账登记缺漏") and "复核不及时" in r.items[0].text
    assert all("整改情况" not in i.text and "整改进展" not in i.text and "已" not in i.text for i in r.items)
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县统计局")}


def test_about_topic_without_progress_still_introduces(parse):
    r = parse("县委第一巡察组关于对宁川县统计局党组巡察情况的反馈意见",
              "关于选人用人方面的问题：一是干部交流不畅；二是试用期考核流于形式。")
    assert [i.text.rstrip("；。") for i in r.items] == ["干部交流不畅", "试用期考核流于形式"]


def test_short_finding_with_a_comma_is_no_summary_of_the_next(parse):
    r = parse("县委第一巡察组关于对宁川县统计局党组巡察情况的反馈意见",
              "二、领导班子建设方面",
              "局党组会议记录多年没整理，有的决定找不到依据。对下属调查队负责人疏于管理，有人长期不在岗。")
    assert len(r.items) == 2 and r.items[1].text.startswith("对下属调查队")


def test_a_topic_then_comment_sentence_still_opens_what_follows(parse):
    r = parse("县委第一巡察组关于对宁川县统计局党组巡察情况的反馈意见",
              "二、作风建设方面",
              "数据质量的事情，基层意见很大。报表层层估算，入户调查走过场。")
    assert len(r.items) == 1 and r.items[0].text.startswith("数据质量的事情")


def test_a_section_of_requirements_states_no_problem(parse):
    r = parse("关于巡察整改情况的通报",
              "二、存在的问题",
              "县统计局整改台账未全部销号，有3项问题未整改。",
              "三、有关要求",
              "由县委巡察办牵头建立复核机制，未经复核的问题一律不得销号。")
    assert len(r.items) == 1 and r.items[0].text.startswith("县统计局")


def test_funds_put_to_another_use_and_entries_without_records(parse):
    r = parse("县委第一巡察组关于对宁川县统计局党组巡察情况的反馈意见",
              "一是将普查专项经费用于办公楼维修；二是普查物资出入库无登记。")
    assert len(r.items) == 2


def test_what_to_look_at_asked_as_a_not_a_is_no_problem(parse):
    r = parse("在巡察动员会上的讲话",
              "这一轮巡察要盯住几个方面：第一，看制度执行严不严；第二，看资金使用规不规范；第三，看整改到没到位。",
              "县统计局报表审核不严，存在数据失真问题。")
    assert len(r.items) == 1 and r.items[0].text.startswith("县统计局")


def test_a_tally_paragraph_and_a_list_of_asks_are_no_problems(parse):
    r = parse("在巡察整改推进会上的讲话",
              "截至6月底，本轮5个单位共有反馈问题80个，已整改60个。县统计局只有50%，排在最后。",
              "第三，讲讲整改。各单位书记是第一责任人，一要认领问题不推脱，二要整改到位不反弹。",
              "县统计局对数据失真问题一直没有拿出措施。")
    assert [i.text[:3] for i in r.items] == ["县统计"]


def test_generic_findings_without_the_older_cues(parse):
    r = parse("县委第一巡察组关于对宁川县统计局党组巡察情况的反馈意见",
              "一是统计调查记录由调查员代填；二是有3户不符合条件的家庭仍享受补贴；三是青年干部培养连续两年为零；"
              "四是办公用房租金五年未作调整，明显低于市场水平。")
    assert len(r.items) == 4


def test_a_partner_counted_with_its_subject_is_a_party_too(parse, finder):
    r = parse("县委第一巡察组关于对宁川县统计局党组巡察情况的反馈意见",
              "此外，巡察发现，人口抽样数据与县公安局户籍台账不一致，两家单位各自上报的数据相差较大。")
    assert {i.unit_id for i in r.items} == {unit_id(finder, "宁川县统计局"), unit_id(finder, "宁川县公安局")}


def test_the_township_own_body_under_a_village_is_the_township(parse, finder):
    r = parse("关于对兴安镇青口村开展提级巡察的情况反馈",
              "村集体资金支出审批不严，大额支出未经村民代表会议讨论。镇纪委对该村信访件办理敷衍，多件举报未核实即了结。")
    units = [i.unit_id for i in r.items]
    assert units == [unit_id(finder, "宁川县兴安镇青口村"), unit_id(finder, "宁川县兴安镇")]
    assert "乡镇" in r.items[1].unit_rule


def test_the_office_own_shortcoming_in_a_paragraph_is_no_finding(parse):
    r = parse("关于专项巡察的综合情况报告",
              "县统计局统计数据审核把关不严，存在数据失真问题。",
              "本轮巡察组自身也暴露出专业力量不足的短板，下一轮将从县审计局抽调人员参与。")
    assert len(r.items) == 1 and r.items[0].text.startswith("县统计局")


def test_who_answers_for_the_problems_is_no_problem_of_its_own(parse, finder):
    r = parse("关于对兴安镇青口村开展提级巡察的情况反馈",
              "兴安镇党委对上述问题负有管理监督责任。镇财政所审核把关不严，对青口村大额支出未发现异常。")
    assert [i.unit_id for i in r.items] == [unit_id(finder, "宁川县兴安镇")]
    assert r.items[0].text.startswith("镇财政所")


def test_a_tally_that_states_a_problem_is_one(parse):
    r = parse("在巡察整改推进会上的讲话",
              "截至6月底，县统计局共有反馈问题12个仍未整改到位，整改进度明显滞后。")
    assert len(r.items) == 1


def test_a_numbered_case_under_its_title(parse):
    r = parse("关于巡察发现的典型问题的通报",
              "1.某站“账面整改”问题。某站上报整改完成率为100%，实地核查发现多数问题原样未动。",
              "2.突出了群众身边的问题。巡察组深入走访群众。")
    assert len(r.items) == 1 and r.items[0].unit_id is None
