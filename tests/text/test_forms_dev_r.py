"""Forms opened on dev_r (session 11). Sentences written for these tests.

- A township's own committee at fault (乡党委对村级监督不力) naming villages only to say what their problems are
  (…，A村、B村的问题都是老问题) is the township's finding, not the first village's; a village opening a clause with a
  problem of its own (…，A村书记长期在外) still is the village's.
- 后腿 (拖了…后腿) states a problem.
- Two withheld units written apart, each opening a clause with its own finding (X镇卫生院存在…，*乡卫生院以…诱导…),
  are two items (one text, unit null each); one withheld unit named twice is one.
- Units joined to the object of a subject's failing (石阳乡对河口村、临乐村的整改指导不够) are objects too: the
  finding is the subject's alone.
- Favouring someone (为特定供应商提供便利, 为亲属谋取利益) states a problem; helping the public (为群众提供便利) does not.
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


REPORT = "县医保基金专项巡察情况报告"


@pytest.mark.parametrize(("line", "n"), [
    ("X镇卫生院存在分解住院问题，*乡卫生院以免费体检为名诱导参保人员住院。", 2),
    ("*镇敬老院伙食费账目混乱，XX村卫生室违规收取诊疗费。", 2),
    ("*乡卫生院存在分解住院问题，*乡卫生院还重复收取检查费。", 1),
])
def test_two_withheld_units_each_with_a_finding_are_two_items(parse, line, n):
    r = parse(REPORT, "一、发现的主要问题", "（一）基层医疗机构", line)
    assert len(r.items) == n and all(it.unit_id is None for it in r.items)


MEMO = "县委巡察办关于移交问题线索的函"


@pytest.mark.parametrize(("line", "found"), [
    ("1.县统计局某科室负责人在设备采购中为特定供应商提供便利。请县纪委监委依规处置。", True),
    ("1.县统计局某干部为亲属经营的企业谋取利益。请县纪委监委依规处置。", True),
    ("1.县统计局开通线上查询服务，为群众提供便利。", False),
])
def test_favouring_someone_is_a_problem(parse, finder, line, found):
    r = parse(MEMO, "县纪委监委：", "现将有关问题线索移交你委，具体如下：", line, "2.县审计局违规发放津补贴。")
    hits = [it for it in r.items if it.paragraph == 4]
    assert bool(hits) is found
    assert not found or hits[0].unit_id == unit_id(finder, "县统计局")


@pytest.mark.parametrize("line", [
    "一是石阳乡对河口村、临乐村的整改指导不够。二是县统计局档案管理混乱。",
    "一是石阳乡对河口村和临乐村的村务监督不力。二是县统计局档案管理混乱。",
])
def test_units_joined_to_the_object_of_a_failing_are_objects(parse, finder, line):
    r = parse("县委第二轮巡察整改情况通报", "一、存在的主要问题", line)
    assert [it.unit_id for it in r.items] == [unit_id(finder, "石阳乡"), unit_id(finder, "县统计局")]
