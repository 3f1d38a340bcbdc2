"""Forms opened on dev_v (session 13). Sentences written for these tests.

- A bulleted short line (■县X局) over a numbered list (1.…2.…), or over a lead ending in a colon and then the list,
  heads that list: its entries are at the unit it names. A bullet is no ordinal, so a bullet heading sits just
  above the list whatever the list's own level.
"""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id


@pytest.mark.parametrize("bullet", ["■", "◆", "●"])
def test_a_bulleted_unit_line_heads_the_numbered_list_under_it(parse, finder, bullet):
    r = parse("关于县委第五轮巡察整改“回头看”情况的报告", "县委：",
              "县委第二巡察组对县统计局、县审计局开展了整改“回头看”。现将情况报告如下。",
              f"{bullet}县统计局", "整改总体到位，反馈的12个问题已整改11个。抽查发现：",
              "1.统计台账整改停留在纸面，原始记录仍有缺失。", "2.数据报送审核问题出现反弹，部分报表未经复核即上报。",
              f"{bullet}县审计局", "1.审计整改跟踪机制未建立，部分问题销号后无人复查。")
    units = {it.text[:6]: it.unit_id for it in r.items}
    assert units == {"统计台账整改": unit_id(finder, "县统计局"), "数据报送审核": unit_id(finder, "县统计局"),
                     "审计整改跟踪": unit_id(finder, "县审计局")}, [(it.text, it.unit_id) for it in r.items]
