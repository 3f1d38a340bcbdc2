"""Directive forms met in the fourteenth development part (session 10), in sentences written for the test: the
partner a listed request brings in (一是由X局牵头，会同相关行业主管部门…) is asked; a request naming its unit as
该乡/该局 is about the unit of the document of that kind, not the regulator asked nor a problem it shares words with;
a sentence opening on a problem (对X…问题，建议A…；请B…) makes each of its requests about X."""

from __future__ import annotations

import pytest

from tests.text.conftest import unit_id
from tests.text.test_forms_dev_m import _village


def test_the_partner_of_a_listed_request_is_asked(parse):
    r = parse("关于巡察整改工作的通报", "县审计局审计整改台账与实际不符。",
              "一是由县财政局牵头，会同相关行业主管部门开展财政资金使用情况专项检查。二是各单位要按期报送整改情况。")
    assert "行业主管部门" in [d.body for d in r.directives]


@pytest.mark.parametrize("ref", ["该{kind}", "该单位"])
def test_a_request_about_the_township_by_reference(parse, finder, ref):
    township, village = _village(finder)
    ref = ref.format(kind=township[-1])  # 该乡 / 该镇
    r = parse(f"关于巡察{township}党委的反馈意见", "一、存在的主要问题",
              f"（一）{village}集体资产出租管理混乱，鱼塘出租合同到期后未续签，租金长期未收取。", "二、意见建议",
              f"巡察中发现的{village}鱼塘出租问题线索，建议县纪委监委依规处置。"
              f"请县农业农村局作为行业主管部门，督促指导{ref}规范农村集体资产出租管理。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("纪委监委", unit_id(finder, village)),
                                                           ("行业主管部门", unit_id(finder, township))]


def test_each_request_of_a_sentence_is_about_the_problem_it_opens_on(parse, finder):
    township, village = _village(finder)
    r = parse(f"关于{township}村级巡察情况的反馈意见", f"{village}集体林木被私自砍伐出售，收入未入账。",
              f"对{village}林木私自出售问题，建议县纪委监委督促乡纪委立案核查；请县自然资源局作为行业主管部门依法查处。")
    assert [(d.body, d.unit_id) for d in r.directives] == [("纪委监委", unit_id(finder, village)),
                                                           ("行业主管部门", unit_id(finder, village))]
