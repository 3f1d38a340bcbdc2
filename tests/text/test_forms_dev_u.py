"""Forms opened on dev_u (session 12). Sentences written for these tests.

- A rectification bulletin opening with the count of problems fed back (第三轮巡察反馈问题共96个。截至9月底，已完成
  整改80个…) reports progress, whatever units its next sentences praise: no problem.
"""

from __future__ import annotations

BULLETIN = "关于县委第三轮巡察整改进展情况的通报"


def test_a_count_of_problems_fed_back_then_done_is_no_problem(parse):
    r = parse(BULLETIN, "各乡镇党委，县直各单位：",
              "县委第三轮巡察反馈问题共96个。截至2027年9月30日，已完成整改80个，整改完成率83.3%。其中，县统计局"
              "建立了数据审核制度，县审计局退回了违规发放的补贴。",
              "一、存在的问题", "一是县统计局整改台账销号把关不严。二是县审计局整改报告报送超期。")
    texts = [it.text for it in r.items]
    assert len(texts) == 2 and not any("共96个" in t for t in texts), texts
