"""Forms opened on dev_aa (session 13). Sentences written for these tests.

- Work said to drag (工作拖沓, 办理拖沓: the office word for slowness beside 拖延 and 滞后) states a problem
  (problem_cues in text_rules.json).
- A summing-up of the findings listed above opened by an overall view (总的看，上述问题反映出…; 总体看，以上问题暴露出…)
  comments on them, as 上述问题反映出… alone already did (COMMENT in asides.py): dev_g's and dev_aa's writers count
  no finding in it, though it holds problem words and names units.
- A speaker turning to a unit (X镇的问题要单独说一说。; 讲一讲, 谈一谈, 点一点) asks nothing of it (REQUIREMENT in
  problem_split.py): the sentence stays with the findings it opens, so 镇党委 after it is that township's; nor is
  it the requirement after a problem naming no unit (Walker.next_requirement; SPEAKER_TURNS in segments.py).
- A finder named with what it found handed on (县审计局审计发现问题移送不及时; X检查发现问题线索移交…), with no 的
  between, is the subject of its own handing-on, not the finder of someone else's problem (HANDS_ON in items.py);
  X审计发现的问题整改不到位 stays the audited unit's.
- Improper money recovered or refunded (追回违规资金5.2万元, 已清退违规收费, 追缴违规资金) is what rectification
  achieved, not a problem: the phrase is cleared before the cues are read (no_problem_patterns in text_rules.json),
  as 未发现问题 is; 未追回违规资金 and 追回违规资金未及时上缴 still state one. Two of dev_aa's overviews were read as
  findings at every unit they named; no other part moved.
- A list's entry opening with a township's own body (四是乡农经站审计监督流于形式) after an entry naming villages of
  one township (三是A乡B村、C村…) is at that township, as under a village's heading (OWN_TOWNSHIP), not at the
  villages the entry before named (_carried_township in attribution.py). A problem naming no unit that opens with
  a township's own body (一是镇纪委信访件办理超期) is at the only township of that kind (镇, 乡 or 街道) the
  document names, when it names just one (_sole_township): no other can be meant.
- A failing stated of the unit a feedback is about, then illustrated by an example (…谋划不科学，部分项目闲置，
  如A镇B村大棚两年未投产), stays that unit's: the example says where the failing showed, not whose it is (EXAMPLE in
  attribution.py); a unit named before the 如 keeps the problem.
- Bodies joined by 、 before one request (建议县纪委监委、驻X局纪检监察组对…一查到底) are each asked: the first is
  read with the request after the whole chain (_chain_end in addressing.py), as the later ones already were with
  the words before it; a short chain had passed only because the request was within reach of the first body.
- In a sentence opening 建议, a ；-clause whose body is followed by its own modal (…问责；县委巡察办要建立…台账) asks
  that body, as a sentence of its own would; after a comma the stricter reading stays (addressed in addressing.py).
"""

from __future__ import annotations


def test_dragging_work_is_a_problem(parse):
    r = parse("在县委第三轮巡察情况汇报会上的讲话", "同志们：", "县统计局普查数据核查工作拖沓。")
    assert [(it.text, it.unit_name) for it in r.items] == [("县统计局普查数据核查工作拖沓。", "宁川县统计局")]


def test_a_summing_up_after_an_overall_view_is_no_finding(parse):
    r = parse("县委第二巡察组关于巡察石河镇柳城村党支部的反馈意见", "巡察发现以下问题：",
              "1.村级财务台账登记混乱。", "2.村干部考勤制度执行不严。",
              "总的看，上述问题反映出村党支部管党治党意识不强，石河镇党委对村级组织的指导监督也有缺位。"
              "请石河镇党委督促柳城村党支部逐项整改。")
    assert [it.text for it in r.items] == ["村级财务台账登记混乱。", "村干部考勤制度执行不严。"]


def test_a_speaker_turning_to_a_unit_asks_nothing_of_it(parse):
    r = parse("在县委第三轮巡察情况汇报会上的讲话", "同志们：",
              "石河镇的问题要单独说一说。镇党委违规发放村干部误工补贴，柳城村集体资产出租未经民主程序。")
    assert [it.unit_name for it in r.items] == ["宁川县石河镇", "宁川县石河镇柳城村"]


def test_a_speaker_turning_to_a_unit_is_no_requirement_for_the_problem_before(parse):
    r = parse("在县委第三轮巡察情况汇报会上的讲话", "同志们：",
              "还有一个问题，部分单位公车管理不严。",
              "石河镇的问题要单独说一说。镇党委违规发放村干部误工补贴。")
    assert [it.unit_name for it in r.items] == [None, "宁川县石河镇"]


def test_a_finder_handing_on_its_findings_slowly_is_at_fault(parse):
    r = parse("在县委第三轮巡察情况汇报会上的讲话", "同志们：",
              "县统计局、县审计局的情况，我放在一起讲。两家单位都存在公车管理不严的问题；"
              "县审计局审计发现问题移送不及时，有2件拖了三个月。")
    assert [it.unit_name for it in r.items][-1] == "宁川县审计局"


def test_improper_money_recovered_is_no_problem(parse):
    r = parse("关于对县统计局、县审计局开展巡察整改“回头看”情况的报告",
              "本轮巡察对县统计局、县审计局开展了整改“回头看”。总体看，两家单位已清退违规收费2.6万元，"
              "追回违规资金5.2万元，新建制度6项。",
              "一、发现的问题", "1.县统计局普查台账登记混乱。", "2.县审计局追回违规资金未及时上缴。")
    assert [(it.text, it.unit_name) for it in r.items] == [("县统计局普查台账登记混乱。", "宁川县统计局"),
                                                           ("县审计局追回违规资金未及时上缴。", "宁川县审计局")]


def test_a_townships_own_body_after_its_villages_entry_is_the_townships(parse):
    r = parse("关于十八届县委第五轮农村集体“三资”专项巡察情况的报告", "县委：",
              "本轮对石河镇、永山乡开展了专项巡察。",
              "一是石河镇柳城村集体资产底数不清，部分门面未入账。二是镇农经站审计监督流于形式，审计报告内容雷同。"
              "三是永山乡账外资金未入账。")
    assert [it.unit_name for it in r.items] == ["宁川县石河镇柳城村", "宁川县石河镇", "宁川县永山乡"]


def test_a_townships_own_body_is_the_one_township_the_document_names(parse):
    r = parse("关于对第三轮被巡察单位开展整改“回头看”情况的报告",
              "本轮对县统计局、县审计局、石河镇等3个党组织开展了整改“回头看”。",
              "一、新发现的问题", "一是镇纪委信访件办理超期；二是县统计局普查台账登记混乱。")
    assert [it.unit_name for it in r.items] == ["宁川县石河镇", "宁川县统计局"]


def test_an_example_after_a_failing_of_the_unit_spoken_of_keeps_that_unit(parse):
    r = parse("县委第二巡察组关于巡察县统计局党组的反馈意见", "巡察发现以下问题：",
              "1.普查数据审核不严，部分台账前后矛盾，如石河镇柳城村普查表漏填两户。", "2.干部考勤制度执行不严。")
    assert [it.unit_name for it in r.items] == ["宁川县统计局", "宁川县统计局"]


def test_bodies_joined_before_one_request_are_each_asked(parse):
    r = parse("县委第二巡察组关于巡察县人力资源和社会保障局党组的反馈意见", "巡察发现以下问题：",
              "1.社保待遇审核把关不严。", "二、意见建议",
              "建议县纪委监委、驻县人力资源和社会保障局纪检监察组对经办人员吃拿卡要问题一查到底。")
    assert sorted(d.body for d in r.directives) == ["派驻纪检监察组", "纪委监委"]


def test_a_semicolon_clause_with_its_own_modal_asks_its_body_after_a_suggestion(parse):
    r = parse("县委第二巡察组关于巡察县统计局党组的反馈意见", "巡察发现以下问题：",
              "1.普查台账登记混乱。", "二、意见建议",
              "建议县纪委监委对县统计局台账混乱问题进行问责；县委巡察办要建立整改台账，逐项跟踪销号。")
    assert sorted(d.body for d in r.directives) == ["巡察机构", "纪委监委"]
