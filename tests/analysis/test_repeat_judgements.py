"""An analyst's confirm / reject / link on repeats survives every recompute and a reload, on both stores."""

from __future__ import annotations

import pytest

from graph.analysis import repeats
from graph.analysis.repeat_judgements import RepeatJudgementError, RepeatJudgements, judge, undo


def _pairs(store) -> dict[frozenset[str], dict]:  # noqa: ANN001
    return {frozenset((r["issue_id"], r["earlier_id"])): r for r in store.run_query("repeats_at", {"limit": 100_000})}


def _missed(store, found: dict) -> tuple[str, str]:  # noqa: ANN001
    """Two issues of one unit in different rounds that the method does not pair."""
    rows = repeats.load_candidates(store)
    for a in rows:
        for b in rows:
            if a.unit_id == b.unit_id and a.round_start > b.round_start and frozenset((a.issue_id, b.issue_id)) not in found:
                return a.issue_id, b.issue_id
    raise AssertionError("the sample county has no unpaired issues at one unit")


@pytest.mark.parametrize("store_name", ["embedded", "neo4j"])
def test_judgements_stick_through_recompute_and_reload(store_name, county, embedded, request, tmp_path):
    store = embedded if store_name == "embedded" else request.getfixturevalue("scratch_neo4j")
    store.upsert(county.nodes, county.edges)
    repeats.recompute(store, data_dir=tmp_path)
    found = _pairs(store)
    wrong, right = sorted(found, key=sorted)[:2]
    missed = _missed(store, found)
    js = RepeatJudgements(tmp_path)
    rejected = judge(store, js, "reject", *sorted(wrong), who="分析员甲", why="不是同一问题")
    judge(store, js, "confirm", *sorted(right), who="分析员乙", why="核对原文一致")
    judge(store, js, "link", *missed, who="分析员甲", why="同一笔资金")
    for _ in range(2):  # every recompute applies them again
        repeats.recompute(store, data_dir=tmp_path)
        now = _pairs(store)
        assert wrong not in now
        assert "已由分析员乙于" in now[right]["evidence"] and "核对原文一致" in now[right]["evidence"]
        assert "由分析员甲于" in now[frozenset(missed)]["evidence"] and "人工关联" in now[frozenset(missed)]["evidence"]
        assert len(now) == len(found)  # one out, one in
    store.replace_all(county.nodes, county.edges)  # a reload: the graph anew, the judgements from the file
    repeats.recompute(store, data_dir=tmp_path)
    assert wrong not in _pairs(store) and frozenset(missed) in _pairs(store)
    undo(RepeatJudgements(tmp_path), rejected.id, who="分析员丙")
    repeats.recompute(store, data_dir=tmp_path)
    assert wrong in _pairs(store)
    kept = RepeatJudgements(tmp_path).items
    assert [(j.verdict, j.who, j.undone_by) for j in kept] == [
        ("reject", "分析员甲", "分析员丙"), ("confirm", "分析员乙", None), ("link", "分析员甲", None)]


def test_judgements_refuse_what_makes_no_sense(county, embedded, tmp_path):
    embedded.upsert(county.nodes, county.edges)
    repeats.recompute(embedded, data_dir=tmp_path)
    found = _pairs(embedded)
    pair = sorted(min(found, key=sorted))
    missed = _missed(embedded, found)
    js = RepeatJudgements(tmp_path)
    with pytest.raises(RepeatJudgementError, match="未被识别为重复问题"):
        judge(embedded, js, "confirm", *missed, who="甲")
    with pytest.raises(RepeatJudgementError, match="已被识别为重复问题"):
        judge(embedded, js, "link", *pair, who="甲")
    with pytest.raises(RepeatJudgementError, match="没有编号"):
        judge(embedded, js, "reject", pair[0], "iss_nope", who="甲")
    with pytest.raises(RepeatJudgementError, match="两个编号相同"):
        judge(embedded, js, "reject", pair[0], pair[0], who="甲")
    first = judge(embedded, js, "reject", *pair, who="甲")
    with pytest.raises(RepeatJudgementError, match="已有判断"):
        judge(embedded, js, "confirm", *pair, who="乙")
    undo(js, first.id, who="乙")
    with pytest.raises(RepeatJudgementError, match="已于"):
        undo(js, first.id, who="乙")


def test_an_issue_may_be_named_by_its_code(county, embedded, tmp_path):
    """A clerk has the 问题编号 (a ledger's, or WB-… of a report's), not the id: either names the issue."""
    embedded.upsert(county.nodes, county.edges)
    repeats.recompute(embedded, data_dir=tmp_path)
    later, earlier = _missed(embedded, _pairs(embedded))
    codes = [embedded.get_node(x).props["code"] for x in (later, earlier)]
    linked = judge(embedded, RepeatJudgements(tmp_path), "link", *codes, who="甲", why="同一笔资金")
    assert (linked.later, linked.earlier) == (later, earlier)  # stored by id, as every judgement is


def test_evidence_states_the_confidence_in_words(loaded_embedded):
    rows = loaded_embedded.run_query("repeats_at", {"limit": 100_000})
    assert rows and all("置信度" in r["evidence"] for r in rows)
    levels = {r["evidence"].split("置信度")[1][0] for r in rows}
    assert levels <= {"高", "中", "低"} and len(levels) >= 2
