"""A township's self-reference (乡党委…) makes the township the one at fault — unless a village of it opens a
clause of its own (乡党委对村干部管理偏松，Y村书记长期在外…) or is named as the one involved (…。涉及村：Y村。):
the problem is the village's (session 11; dev_h and dev_j writers agree). Short texts written for the test."""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id


def _village(finder) -> tuple[str, str]:
    """A township of the sample county and one of its villages (their names)."""
    for entry in finder.index.entries.values():
        if entry.parent and entry.parent.endswith(("乡", "镇")) and entry.name.endswith("村"):
            return entry.parent, entry.name
    raise AssertionError("no village in the sample county")


def test_a_village_opening_its_own_clause_is_the_unit(parse, finder):
    township, village = _village(finder)
    short = village.removeprefix(township)
    r = parse(f"县委第一巡察组关于巡察{township}党委的反馈意见",
              "一、存在的问题",
              f"一是{township[-1]}党委对村干部日常管理偏松，{short}党支部书记长期在外务工，村务由他人代管。",
              f"二是{township[-1]}党委落实意识形态工作责任制不到位。")
    assert [it.unit_id for it in r.items] == [unit_id(finder, village), unit_id(finder, township)]


@pytest.mark.parametrize(("line", "at"), [
    ("{t}党委对村级小微权力监督不力，村干部违规承揽村内工程。涉及村：{v}。", "village"),  # the village named as involved
    ("{t}党委对{v}集体资产出租监督不到位。", "township"),  # a village the township failed at stays the township's
])
def test_the_township_or_its_village_at_fault(parse, finder, line, at):
    township, village = _village(finder)
    short = village.removeprefix(township)
    r = parse(f"县委第一巡察组关于巡察{township}党委的反馈意见", "一、存在的问题", line.format(t=township[-1], v=short))
    assert [it.unit_id for it in r.items] == [unit_id(finder, village if at == "village" else township)]
