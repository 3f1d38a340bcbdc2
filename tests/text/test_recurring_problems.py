"""Units and their roles (session 11, dev_j and dev_i): a problem found again (又被查出, 又出现, 再次发生) is a
problem and a unit named after 巡察 (巡察X时指出的…) is the one inspected, not the one that found it; X作为…，对Y的…
makes Y what X failed at; a unit whose name is withheld (一个单位（名称已隐去）) is redacted. Short texts written for
the test (not the fixtures)."""

from __future__ import annotations

import pytest

SPEECH, FEEDBACK, REPORT = "在巡察工作动员部署会上的讲话", "关于巡察县统计局党组的反馈意见", "关于巡察情况的综合报告"


@pytest.mark.parametrize(("title", "text", "units"), [
    # found again at the unit inspected, not at the inspection that found it
    (SPEECH, "举个例子，前年巡察县统计局时指出的数据代填问题，今年专项检查又被查出来了。", ["宁川县统计局"]),
    # the unit that found it is no subject
    (SPEECH, "一是县审计局去年审计指出的普查经费问题，今年又出现了。", [None]),
    # X作为…，对Y的…停留在…层面: Y is what X failed at, as in X对Y…不到位
    (FEEDBACK, "县审计局作为主管单位，对县统计局的业务指导一直停留在发文层面。", ["宁川县审计局"]),
    # a unit whose name is withheld is redacted
    (REPORT, "县统计局委托调查公司开展抽样时，先付款后签合同。另有一个单位（名称已隐去）超标准列支接待费1万元。",
     ["宁川县统计局", None]),
])
def test_the_unit_at_fault(parse, title, text, units):
    assert [it.unit_name for it in parse(title, text).items] == units
