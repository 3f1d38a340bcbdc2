"""The word lists the review found written in code beside ``text_rules.json`` — the supervisory helpers
(``supervisory_words``), a hand-off letter's title (``handing_over_title``), a ledger's done status
(``done_words``) — are read from the rules, so a county's override in its data folder changes what is read; and
the guard '由X…的 tells what X did' has one bound for the asking clause and for the body addressed (``done_by``).
Sentences written for these tests."""

from __future__ import annotations

import json

import pytest

from loaders.text.asking import clause_asking, done_by
from loaders.text.parse import parse_file, text_rules


@pytest.fixture()
def parse_with(county_store, tmp_path):
    """Parse lines with the county's override of ``text_rules.json`` (None: the shipped rules)."""

    def run(override: dict | None, *lines: str):
        data = tmp_path / "data"
        data.mkdir(exist_ok=True)
        (data / "text_rules.json").unlink(missing_ok=True)
        if override:
            (data / "text_rules.json").write_text(json.dumps(override, ensure_ascii=False), encoding="utf-8")
        path = tmp_path / "doc.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        return parse_file(path, county_store, data_dir=data)

    return run


def _more(key: str, *words: str) -> dict:
    return {key: [*text_rules()[key], *words]}


def test_a_helper_the_county_counts_as_supervisory_makes_the_body_helped_asked(parse_with):
    lines = ("十五届县委第二轮巡察综合情况报告", "一、存在的主要问题", "县林业局护林员补助发放不规范。",
             "二、意见建议", "对补助发放问题，请县审计监督中心配合县纪委监委开展核查。")
    assert "纪委监委" not in [d.body for d in parse_with(None, *lines).directives]
    assert "纪委监委" in [d.body for d in parse_with(_more("supervisory_words", "审计监督"), *lines).directives]


def test_a_letters_title_the_county_counts_as_a_hand_off_makes_a_suggestion_ask_its_addressee(parse_with):
    lines = ("县委巡察办关于转办巡察发现问题的通知", "县纪委监委：", "1.县林业局生态护林员补助发放不规范。",
             "上述问题现转你委，请依规依纪依法处置。其中涉及村干部的，建议督促乡镇纪委先行核实。")
    asks = [d for d in parse_with(None, *lines).directives if "督促乡镇纪委" in d.text]
    assert asks == []
    asks = [d for d in parse_with(_more("handing_over_title", "转办"), *lines).directives if "督促乡镇纪委" in d.text]
    assert [d.body for d in asks] == ["纪委监委"]


def test_a_done_status_the_county_writes_drops_a_row_stating_no_problem(parse_with):
    lines = ("县委巡察组关于县水利局巡察整改“回头看”的反馈意见", "整改台账", "问题\t整改时限\t整改状态",
             "档案室搬迁改造\t2024年5月\t已结账", "河道巡查记录缺失\t2024年6月\t已结账")
    assert "档案室搬迁改造" in [it.text for it in parse_with(None, *lines).items]
    texts = [it.text for it in parse_with(_more("done_words", "已结账"), *lines).items]
    assert "档案室搬迁改造" not in texts and "河道巡查记录缺失" in texts


@pytest.mark.parametrize(("after", "did"), [
    ("交办的线索", True), ("查处的案件", True), ("依规查处的案件", True),
    ("牵头核查", False), ("对相关责任人进行约谈", False), ("立案审查调查后形成的报告", False),
])
def test_what_a_body_did_is_read_by_one_bound(after, did):
    assert done_by(after) is did
    asking = clause_asking(text_rules()).search("对该问题，由县纪委监委" + after + "。")
    assert (asking is None) is did
