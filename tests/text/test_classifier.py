"""The learned clause classifier beside the rules (loaders/text/classifier.py): deterministic features and training,
the shipped weights telling a problem clause from praise, and its use after the rules — a veto that keeps the
directives pointing at the same items, an admission at the unit the clause names. Texts written for the test."""

from __future__ import annotations

import numpy as np

from loaders.text import classifier
from loaders.text.items import Walker
from loaders.text.model import ParsedDirective, ParsedItem
from loaders.text.parse import text_rules
from loaders.text.readers import Block
from tests.text.conftest import unit_id

PROBLEMS = ["财务报销审核不严，白条入账", "会议记录缺失，议事程序不规范", "项目资金长期闲置未发挥效益",
            "干部选拔程序不规范，考察走过场", "公务接待超标准，无公函无清单"]
PROSE = ["全年完成各项目标任务", "会议由县委书记主持", "各单位要认真抓好落实", "本次巡察共走访群众80人",
         "现将有关情况通报如下"]


def test_features_are_the_same_each_run_and_fold_numbers():
    assert np.array_equal(classifier.features("有3户未公示"), classifier.features("有12户未公示"))
    assert np.array_equal(classifier.features("账目不清"), classifier.features("账目不清"))


def test_training_is_deterministic_and_separates_a_toy_set():
    texts, labels = PROBLEMS + PROSE, [1] * len(PROBLEMS) + [0] * len(PROSE)
    a, b = classifier.train(texts, labels, epochs=200), classifier.train(texts, labels, epochs=200)
    assert np.array_equal(a.weights, b.weights)
    assert all(a.prob(t) > 0.5 for t in PROBLEMS) and all(a.prob(t) < 0.5 for t in PROSE)


def test_the_shipped_model_tells_a_problem_from_praise():
    model = classifier.shipped()
    assert model is not None
    assert model.prob("村级财务管理混乱，有3笔支出无审批手续。") > 0.6
    assert model.prob("该局党组高度重视巡察工作，召开专题会议研究部署。") < 0.4


def test_labelled_clauses_mark_the_clause_holding_an_expected_phrase():
    rows = classifier.labelled_clauses([Block(1, "全年工作有序推进。食堂采购未经比价；账目不清。")], ["未经比价"])
    assert rows == [("全年工作有序推进。", 0), ("食堂采购未经比价；", 1), ("账目不清。", 0)]


def _item(paragraph: int, text: str) -> ParsedItem:
    return ParsedItem(paragraph=paragraph, text=text, form="段落", confidence=0.8)


def _model() -> classifier.ClauseModel:
    return classifier.train(PROBLEMS + PROSE, [1] * len(PROBLEMS) + [0] * len(PROSE), epochs=200)


def test_a_veto_keeps_directives_pointing_at_the_same_items(finder):
    items = [_item(1, "会议由县委书记主持。"), _item(2, "财务报销审核不严，白条入账。")]
    asked = ParsedDirective(paragraph=3, body="纪委监委", request="核查", text="请县纪委监委核查。", item_index=1,
                            confidence=0.8)
    kept, directives = classifier.second_opinion(_model(), {"veto": 0.5, "admit": None},
                                                 Walker(finder, text_rules()), [], items, [asked])
    assert [i.text for i in kept] == ["财务报销审核不严，白条入账。"]
    assert directives[0].item_index == 0


def test_an_admitted_clause_carries_the_unit_of_the_item_before_it_when_it_names_none(finder):
    before = ParsedItem(paragraph=1, text="干部选拔程序不规范。", form="段落", unit_id=unit_id(finder, "宁川县统计局"),
                        unit_name="宁川县统计局", confidence=0.8)
    blocks = [Block(1, "干部选拔程序不规范。"), Block(2, "公务接待超标准，无公函无清单。"),
              Block(3, "全年完成各项目标任务。")]
    out, _ = classifier.second_opinion(_model(), {"veto": None, "admit": 0.5}, Walker(finder, text_rules()), blocks,
                                       [before], [])
    assert [(i.paragraph, i.form) for i in out] == [(1, "段落"), (2, "模型补充")]
    assert out[1].unit_id == before.unit_id and out[1].text == "公务接待超标准，无公函无清单。"
