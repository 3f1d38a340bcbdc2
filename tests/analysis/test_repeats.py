"""Repeats on small hand-built ledgers with known answers, and on the sample county's ground truth."""

from __future__ import annotations

import pytest

from graph.analysis import repeats
from graph.analysis.repeats import Candidate, find_repeats
from graph.model import EdgeType, NodeKind, make_edge
from graph.stores.base import DanglingEdgeError

CASH = "财务管理"


def _row(issue: str, unit: str, round_no: int, text: str, *, category: str = CASH, top: str = "四个落实-财务",
         status: str = "open", deadline: str | None = None) -> Candidate:
    start = f"{2015 + round_no}-03-01"
    return Candidate(issue_id=issue, unit_id=unit, round_id=f"r{round_no}", round_title=f"第{round_no}轮",
                     round_start=start, category=category, top_category=top, status=status, severity="medium",
                     found_date=start, text=text, deadline=deadline)


LEDGER = [
    _row("a1", "u1", 1, "库存现金超限额，白条抵库", status="rectified"),
    _row("a2", "u1", 1, "超预算支出12万元"),
    _row("a3", "u1", 3, "以白条抵顶库存现金", deadline=None),
    _row("a4", "u1", 5, "库存现金长期超标，存在白条入账情况"),
    _row("b1", "u2", 2, "超预算列支费用8万元", deadline="2017-06-30"),
    _row("b2", "u2", 4, "无预算、超预算列支费用3万元"),
    _row("b3", "u2", 4, "以白条抵顶库存现金"),  # same text as a3 but at another unit: not a repeat of a1
    _row("c1", "u3", 1, "公车私用", category="中央八项规定精神/四风", top="四个落实-作风"),
    _row("c2", "u3", 2, "现金管理不严，白条抵库", category=CASH),  # other top category than c1: never compared
]


def _pairs(found):
    return {(r.issue_id, r.earlier_id) for r in found}


def test_repeats_are_found_within_a_unit_against_earlier_rounds_only():
    assert _pairs(find_repeats(LEDGER)) == {("a3", "a1"), ("a4", "a1"), ("a4", "a3"), ("b2", "b1")}


def test_flags_relapse_chronic_and_long_unrectified():
    found = {(r.issue_id, r.earlier_id): r for r in find_repeats(LEDGER)}
    assert found[("a3", "a1")].relapse and not found[("a4", "a3")].relapse
    assert all(found[p].chronic for p in [("a3", "a1"), ("a4", "a1"), ("a4", "a3")])  # rounds 1, 3, 5
    assert not found[("b2", "b1")].chronic
    assert found[("b2", "b1")].long_unrectified  # open, deadline 2017-06-30 before round 4 began
    assert not found[("a4", "a3")].long_unrectified  # open but no deadline recorded


def test_each_match_explains_itself():
    match = next(r for r in find_repeats(LEDGER) if (r.issue_id, r.earlier_id) == ("a3", "a1"))
    assert "白条" in match.phrases and "库存现金" in match.phrases
    assert "第1轮" in match.evidence and "第3轮" in match.evidence and "整改后复发" in match.evidence
    assert 0 < match.score <= 1


def test_blocking_loses_nothing_against_all_pairs():
    assert find_repeats(LEDGER) == repeats.all_pairs_repeats(LEDGER)


def _sample_repeats(county, store) -> tuple[dict, dict]:
    truth = {(r["issue"], r["earlier"]): r["relapse"] for r in county.truth["repeats"]}
    rows = store.run_query("repeats_at", {"limit": 100_000})
    return truth, {(r["issue_id"], r["earlier_id"]): r["relapse"] for r in rows}


def test_sample_county_repeats_in_the_phrasebook_wording_meet_precision_and_recall(county, loaded_embedded):
    """What this test checked before the second phrasing source: every pair found is scored for precision; recall
    on the pairs told in the phrasebook's words (and the planted cases'), which the lexicon was written against."""
    truth, found = _sample_repeats(county, loaded_embedded)
    phrasebook = {(r["issue"], r["earlier"]) for r in county.truth["repeats"] if r["wording"] != "phrasings_b"}
    assert len(phrasebook) >= len(truth) // 3
    hits = set(found) & set(truth)
    assert len(hits) / len(found) >= 0.95 and len(set(found) & phrasebook) / len(phrasebook) >= 0.95
    assert all(found[p] == truth[p] for p in hits)


@pytest.mark.xfail(strict=True, reason="issue 13 target unmet: the lexicon method finds about half the repeats told "
                   "in the independent second phrasing source (loaders/sample/phrasings_b.json); never tune the "
                   "lexicon to that file to make this pass")
def test_sample_county_repeats_meet_precision_and_recall(county, loaded_embedded):
    truth, found = _sample_repeats(county, loaded_embedded)
    hits = set(found) & set(truth)
    assert len(hits) / len(found) >= 0.95 and len(hits) / len(truth) >= 0.95
    assert all(found[p] == truth[p] for p in hits)


def test_recompute_is_idempotent_and_replaces_old_edges(county, embedded):
    embedded.upsert(county.nodes, county.edges)
    first = repeats.recompute(embedded)
    stale = make_edge(EdgeType.REPEATS, (NodeKind.ISSUE, county.truth["repeats"][0]["earlier"]),
                      (NodeKind.ISSUE, county.truth["repeats"][0]["issue"]), score=0.1, evidence="旧结果")
    embedded.upsert([], [stale])
    second = repeats.recompute(embedded)
    assert first == second
    assert embedded.counts().edges["REPEATS"] == first["repeats"]
    assert all(r["evidence"] != "旧结果" for r in embedded.run_query("repeats_at", {"limit": 100_000}))


@pytest.mark.parametrize("store_name", ["embedded", "neo4j"])
def test_replacing_edges_is_all_or_nothing(store_name, county, embedded, request):
    store = embedded if store_name == "embedded" else request.getfixturevalue("scratch_neo4j")
    store.upsert(county.nodes, county.edges)
    repeats.recompute(store)
    before = store.counts()
    good = repeats.repeat_edges(repeats.find_repeats(repeats.load_candidates(store)))[:5]
    dangling = make_edge(EdgeType.REPEATS, (NodeKind.ISSUE, good[0].src), (NodeKind.ISSUE, "iss_0000000000000000"),
                         score=0.5, evidence="x")
    with pytest.raises(DanglingEdgeError):
        store.replace_edges(EdgeType.REPEATS, [*good, dangling])
    assert store.counts() == before
