"""一案三改 review on small hand-written graphs with known answers (embedded store)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from graph.model import EdgeType as T
from graph.model import nodes as m
from graph.reviews.case_review import CaseNotFound, gap_keys, resolve_case, review_case, review_cases
from graph.reviews.case_review_model import Dimension, Duty, GapKind, State
from graph.reviews.rules import RulesError, load_rules
from graph.stores.embedded import EmbeddedStore
from tests.reviews.graphs import ALL_DONE, AS_OF, DOC, Scene, base_scene, kinds, states
from tests.reviews.variants import ALL_VARIANTS, GAP_VARIANTS, Variant

CASE = "AJ-2023-05"


@pytest.fixture()
def store(tmp_path: Path):
    s = EmbeddedStore(tmp_path / "g.sqlite")
    yield s
    s.close()


def scene_of(variant: Variant) -> Scene:
    scene = base_scene()
    variant.change(scene)
    return scene


def expected(scene: Scene, variant: Variant) -> tuple[dict[str, list[str]], dict[str, str]]:
    gaps = {kind: sorted(scene.id(n) for n in names) for kind, names in variant.gaps.items()}
    return gaps, {**ALL_DONE, **variant.states}


def test_the_no_gap_case_reads_whole(store):
    scene = base_scene()
    r = review_case(scene.load(store), CASE, as_of=AS_OF)
    assert r.gaps == [] and states(r) == ALL_DONE and r.notes == []
    assert [p.state for p in r.parts] == [State.DONE] * 4 and [p.dimension for p in r.parts] == list(Dimension)
    assert (r.case_id, r.unit_id, r.unit_name) == (scene.id("case"), scene.id("v1"), "东村")
    assert [c.clue_id for c in r.clues] == [scene.id("clue")] and r.clues[0].days_to_disposal == 66
    assert [s.item_id for s in r.sources] == [scene.id("issue")]
    assert [t.task_id for t in r.sources[0].tasks] == [scene.id("t1"), scene.id("t2")]
    assert [s.issue_id for s in r.similar] == [scene.id("similar")]  # not the unrelated issue at 南村
    assert {(p.unit_id, p.blind_spot) for p in r.peers} == {(scene.id("v2"), False), (scene.id("v3"), False)}
    assert [x.measure_id for x in r.measures] == [scene.id("rule")] and r.letters == [] and r.systemic_tasks == []
    assert [(p.duty, p.person_id, p.held_to_account, p.by) for p in r.responsible] == [
        (Duty.PRINCIPAL, scene.id("fic"), True, ["XS-2023-07"]),
        (Duty.TEAM_MEMBER, scene.id("member"), True, [CASE]),
        (Duty.SUPERVISION, None, True, ["XS-2023-07"])]
    assert gap_keys(r) == set()


@pytest.mark.parametrize("variant", ALL_VARIANTS, ids=lambda v: v.name)
def test_each_gap_appears_exactly_when_it_should(store, variant):
    scene = scene_of(variant)
    r = review_case(scene.load(store), CASE, as_of=AS_OF)
    gaps, want_states = expected(scene, variant)
    assert kinds(r) == gaps
    assert states(r) == want_states
    assert gap_keys(r) == {(k, s) for k, subjects in gaps.items() for s in subjects}


@pytest.mark.parametrize("variant", GAP_VARIANTS, ids=lambda v: v.name)
def test_every_gap_has_a_sentence_and_the_rows_it_came_from(store, variant):
    scene = scene_of(variant)
    r = review_case(scene.load(store), CASE, as_of=AS_OF)
    assert r.gaps
    for part in r.parts:
        for g in part.gaps:
            assert g.dimension is part.dimension is g.kind.dimension
            assert g.sentence.strip() and g.sentence.endswith("。") and "None" not in g.sentence
            assert g.evidence and all(e in scene.rows() for e in g.evidence)
            assert g.sources == [scene.source(e) for e in g.evidence]
            assert all(s.path == DOC and s.row and s.row >= 2 for s in g.sources)


def _only_gap(scene: Scene, store, **kw):
    r = review_case(scene.load(store), CASE, **{"as_of": AS_OF, **kw})
    assert len(r.gaps) == 1, kinds(r)
    return r.gaps[0]


def test_sentences_name_what_a_leader_must_act_on(tmp_path):
    def gap(name: str):
        variant = next(v for v in GAP_VARIANTS if v.name == name)
        s = EmbeddedStore(tmp_path / f"{name}.sqlite")
        try:
            return _only_gap(scene_of(variant), s)
        finally:
            s.close()

    overdue = gap("overdue")
    assert "2024-03-31" in overdue.sentence and f"{(AS_OF - date(2024, 3, 31)).days}天" in overdue.sentence
    assert "清巡函" in gap("letter_unanswered").sentence and "县农业农村局" in gap("letter_unanswered").sentence
    slow = gap("supervision_slow")
    assert "XS-2023-07" in slow.sentence and "91天" in slow.sentence and "县纪委监委" in slow.sentence
    assert "西村" in gap("similar_open").sentence
    assert "南村" in gap("blind_spot").sentence and "青山镇" in gap("blind_spot").sentence
    assert "王建国" in gap("fic_unaccountable").sentence and "李红梅" in gap("member_unaccountable").sentence
    assert CASE in gap("suggestion_unanswered").sentence
    assert "3个单位" in gap("no_letter").sentence


# -- boundaries -----------------------------------------------------------------


def test_a_task_is_overdue_from_the_day_after_its_deadline(store):
    scene = base_scene()
    scene.change("t2", status="in_progress", done_date=None, evidence=None, deadline=AS_OF)
    scene.load(store)
    assert review_case(store, CASE, as_of=AS_OF).gaps == []
    late = review_case(store, CASE, as_of=AS_OF + timedelta(days=1))
    assert kinds(late) == {"overdue": [scene.id("t2")]}
    assert late.sources[0].tasks[1].days_overdue == 1


def test_the_suggestion_is_late_after_suggestion_answer_days(store):
    scene = base_scene()
    scene.change("case", suggestion_response=None, suggestion_response_date=None)
    scene.load(store)
    opened = date(2023, 9, 1)
    assert review_case(store, CASE, as_of=opened + timedelta(days=90)).gaps == []
    late = review_case(store, CASE, as_of=opened + timedelta(days=91))
    assert kinds(late) == {"suggestion_unanswered": [scene.id("case")]}


def test_a_case_without_a_suggestion_owes_no_answer(store):
    scene = base_scene()
    scene.change("case", suggestion=None, suggestion_response=None, suggestion_response_date=None)
    assert review_case(scene.load(store), CASE, as_of=AS_OF).gaps == []


# -- rules ----------------------------------------------------------------------


def _rules(tmp_path: Path, **override: object) -> dict:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    (folder / "case_review.json").write_text(json.dumps(override), "utf-8")
    return load_rules("case_review", folder)


def test_rules_default_to_the_shipped_file(tmp_path):
    shipped = json.loads((Path(__file__).parents[2] / "graph/reviews/case_review.json").read_text("utf-8"))
    assert load_rules("case_review") == shipped == load_rules("case_review", tmp_path)  # no file there: defaults
    assert {k: shipped[k] for k in ("letter_min_units", "letter_answer_days", "clue_disposal_days")} == {
        "letter_min_units": 3, "letter_answer_days": 60, "clue_disposal_days": 90}


def test_an_override_in_the_data_folder_changes_the_outcome(store, tmp_path):
    scene = base_scene()
    scene.load(store)
    rules = _rules(tmp_path, letter_min_units=2)
    assert rules["letter_answer_days"] == 60  # keys it does not name keep their defaults
    r = review_case(store, CASE, as_of=AS_OF, rules=rules)
    assert kinds(r) == {"no_letter": [scene.id("case")]} and r.part(Dimension.SYSTEMIC).state is State.PARTIAL
    r = review_case(store, CASE, as_of=AS_OF, rules=_rules(tmp_path, clue_disposal_days=60))
    assert kinds(r) == {"supervision_slow": [scene.id("clue")]}
    r = review_case(store, CASE, as_of=AS_OF, rules=_rules(tmp_path, similar_threshold=0.99))
    assert r.similar == [] and r.gaps == []


def test_a_longer_answer_limit_forgives_a_waiting_letter(store, tmp_path):
    scene = base_scene()
    scene.letter("letter", date(2024, 3, 1), ["issue"], "agri")
    scene.load(store)
    assert kinds(review_case(store, CASE, as_of=AS_OF)) == {"letter_unanswered": [scene.id("letter")]}
    assert review_case(store, CASE, as_of=AS_OF, rules=_rules(tmp_path, letter_answer_days=121)).gaps == []


def test_an_unknown_key_in_the_override_is_refused(tmp_path):
    with pytest.raises(RulesError, match="未知的设置项：letter_min_unit") as err:
        _rules(tmp_path, letter_min_unit=2)
    assert "case_review.json" in str(err.value)
    (tmp_path / "data" / "case_review.json").write_text("{letter_min_units: 2", "utf-8")
    with pytest.raises(RulesError, match="不是有效的 JSON"):
        load_rules("case_review", tmp_path / "data")


# -- resolving ------------------------------------------------------------------


def test_every_reference_resolves_to_the_same_case(store):
    scene = base_scene()
    scene.load(store)
    case = scene.id("case")
    refs = [case, CASE, f"  {CASE} ", "XS-2023-07", scene.id("clue"), "QC-issue", scene.id("issue")]
    assert {resolve_case(store, ref) for ref in refs} == {case}
    assert review_case(store, "QC-issue", as_of=AS_OF) == review_case(store, case, as_of=AS_OF)


@pytest.mark.parametrize("ref", ["AJ-1999-01", "cas_0000000000000000", "QC-similar", "unknown", ""])
def test_an_unknown_reference_is_a_clear_chinese_error(store, ref):
    base_scene().load(store)
    with pytest.raises(CaseNotFound, match="找不到案件") as err:
        review_case(store, ref, as_of=AS_OF)
    assert ref.strip() in str(err.value) and "编号" in str(err.value)
    assert isinstance(err.value, LookupError)


def _lone_case(scene: Scene) -> None:
    scene.add("lone", m.Case(code="AJ-2024-09", opened=date(2024, 2, 1), outcome="pending", summary="无线索案件"))


def test_a_case_with_no_clue_is_a_review_that_says_so(store):
    scene = base_scene()
    _lone_case(scene)
    r = review_case(scene.load(store), "AJ-2024-09", as_of=AS_OF)
    assert r.clues == [] and r.sources == [] and r.unit_id is None and r.similar == [] and r.peers == []
    assert len(r.notes) == 1 and "未关联问题线索" in r.notes[0]
    assert r.part(Dimension.INDIVIDUAL).state is State.UNKNOWN and r.part(Dimension.INDIVIDUAL).gaps == []
    assert r.responsible == []


def test_a_clue_with_nothing_behind_it_is_said_too(store):
    scene = base_scene()
    scene.unlink(T.ARISES_FROM, "clue", "issue")
    r = review_case(scene.load(store), CASE, as_of=AS_OF)
    assert r.sources == [] and "未关联问题或其他监督发现" in r.notes[0]
    assert r.part(Dimension.INDIVIDUAL).state is State.UNKNOWN


def test_a_case_from_another_channel_has_no_inspection_ledger(store):
    scene = base_scene()
    scene.unlink(T.ARISES_FROM, "clue", "issue")
    scene.add("finding", m.Finding(code="SJ-2023-3", channel="audit", found_date=date(2023, 5, 20), category="三资管理",
                                   text="东村集体资源发包收入未入账"))
    scene.link(T.FOUND_AT, "finding", "v1")
    scene.link(T.ARISES_FROM, "clue", "finding")
    r = review_case(scene.load(store), "SJ-2023-3", as_of=AS_OF)
    assert r.case_id == scene.id("case") and [s.kind for s in r.sources] == ["Finding"]
    assert "其他监督渠道" in r.notes[0] and r.part(Dimension.INDIVIDUAL).state is State.UNKNOWN


# -- batch ----------------------------------------------------------------------


def test_the_batch_is_the_table_of_single_reviews(store):
    scene = base_scene()
    scene.change("t2", evidence=None)
    _lone_case(scene)
    scene.load(store)
    batch = review_cases(store, as_of=AS_OF)
    assert batch.scope == "全部案件" and [row.case_code for row in batch.rows] == [CASE, "AJ-2024-09"]
    row = batch.rows[0]
    assert row.gap_kinds == [GapKind.NO_EVIDENCE] and row.gap_counts[Dimension.INDIVIDUAL] == 1
    assert row.states == {p.dimension: p.state for p in review_case(store, CASE, as_of=AS_OF).parts}
    assert batch.rows[1].states[Dimension.INDIVIDUAL] is State.UNKNOWN
    by_round = review_cases(store, round_id=scene.id("r1"), as_of=AS_OF)
    assert [r.case_code for r in by_round.rows] == [CASE] and scene.id("r1") in by_round.scope
    assert [r.case_code for r in review_cases(store, opened_from=date(2024, 1, 1), as_of=AS_OF).rows] == ["AJ-2024-09"]
    assert review_cases(store, round_id=scene.id("r2"), as_of=AS_OF).rows == []
