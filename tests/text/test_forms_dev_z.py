"""Forms opened on dev_z (session 14). Sentences written for these tests.

- A risk, hidden danger or conflict said to stand out (廉政风险突出, 安全隐患较为突出) states a problem, as 问题突出
  and 现象突出 already did; carrying out a decision 有温差/有落差 (the office idiom for a decision weakening on its way
  down) states one too (problem_patterns in text_rules.json).
- A service or supervision that 跟不上 (cannot keep up) states a problem (problem_cues), as 滞后 does.
- A public notice titled …向X党组反馈巡察情况 (or …巡察反馈情况公开) is a feedback report, even though its opening
  says the leader spoke at the feedback meeting (讲话): dev_p's, dev_x's, dev_y's and dev_z's writers all titled
  their public version so (document_kinds in text_rules.json).
- A body told to act on a matter closed by a comma before the modal (县委组织部对A、B班子运行中的问题，要深入分析研判)
  is asked about the units the matter names, as 对…要… without the comma already was (TOPIC_FIRST in asking.py).
"""

from __future__ import annotations

import pytest

from loaders.text.parse import doc_kind, text_rules
from loaders.text.readers import read_document
from tests.text.conftest import unit_id


@pytest.mark.parametrize("problem", [
    "物资采购领域廉政风险突出。",
    "老旧仓库消防安全隐患较为突出。",
    "执行上级政策有温差。",
    "普查数据审核服务跟不上。",
])
def test_a_standing_out_risk_a_weakening_decision_and_a_lagging_service_are_problems(parse, problem):
    r = parse("关于县统计局：", f"一是{problem}")
    assert [(it.text, it.unit_name) for it in r.items] == [(problem, "宁川县统计局")]


@pytest.mark.parametrize("title", ["县委第*巡察组向*局党组反馈巡察情况（公开版）", "县委第*轮巡察反馈情况公开"])
def test_a_public_notice_of_feedback_is_a_feedback_report(tmp_path, title):
    path = tmp_path / "notice.txt"
    path.write_text("\n".join([title, "*月*日，巡察组向*局党组反馈了巡察情况，XX同志出席反馈会并讲话。",
                               "巡察发现：统计台账登记混乱，库存设备长期闲置。"]), encoding="utf-8")
    assert doc_kind(read_document(path), text_rules()) == "feedback"


def test_a_body_told_to_act_on_a_matter_closed_by_a_comma_is_asked_about_its_units(parse, finder):
    # 组织部对A、B…的问题，要…: the modal opens the clause after the matter, as 对…要… without the comma did
    r = parse("在县委第三轮巡察情况汇报会上的讲话", "同志们：",
              "县统计局台账登记混乱，县审计局班子分工调整不及时，干部队伍老化。",
              "县委组织部对县统计局、县审计局班子运行中的问题，要深入分析研判，该调整的要调整。")
    asked = sorted((d.body, d.unit_id) for d in r.directives)
    assert asked == sorted([("组织部", unit_id(finder, "县统计局")), ("组织部", unit_id(finder, "县审计局"))])
