"""Forms opened on dev_t (session 12). Sentences and rows written for these tests.

- A review of rectification's table (单位 | 原反馈问题 | 回头看发现的问题) states its finding in the column of what the
  review found: the row gives the old problem with what is still wrong, not the old problem alone.
- A sentence drawing the lesson of the problems before it (这些问题都说明，…还有不少漏洞。) states no finding of its own.
"""

from __future__ import annotations

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
