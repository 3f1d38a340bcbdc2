"""Forms opened on dev_r (session 11). Sentences written for these tests.

- A township's own committee at fault (乡党委对村级监督不力) naming villages only to say what their problems are
  (…，A村、B村的问题都是老问题) is the township's finding, not the first village's; a village opening a clause with a
  problem of its own (…，A村书记长期在外) still is the village's.
- 后腿 (拖了…后腿) states a problem.
"""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id

SPEECH = "在全县巡察情况汇报会上的讲话"


@pytest.mark.parametrize(("line", "unit"), [
    ("关于石阳乡：乡党委对村级监督不力，河口村、临乐村的问题都是老问题。", "石阳乡"),
    ("关于石阳乡：乡党委对村干部管理偏松，河口村的事也属于老问题。", "石阳乡"),
    ("关于石阳乡：乡党委对村干部管理偏松，河口村书记长期在外务工。", "河口村"),
])
def test_villages_named_only_for_their_known_problems_leave_the_finding_to_the_township(parse, finder, line, unit):
    r = parse(SPEECH, "同志们：", line)
    assert [it.unit_id for it in r.items] == [unit_id(finder, unit)]


@pytest.mark.parametrize("line", [
    "关于县统计局：统计数据质量拖了全县工作后腿，该局负责同志要深刻反思。",
    "关于县统计局：数据报送长期拖全县后腿，该局负责同志要认真反思。",
])
def test_holding_back_the_work_is_a_problem(parse, finder, line):
    r = parse(SPEECH, "同志们：", line)
    assert [it.unit_id for it in r.items] == [unit_id(finder, "县统计局")]
