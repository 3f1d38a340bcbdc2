"""The same 一案三改 review from the embedded store and from a real Neo4j, for every hand-written graph.

Run with ``bash tools/with-neo4j.sh .venv/bin/python -m pytest tests/reviews``.
The session's Neo4j is emptied for each graph; if it held the sample county
when this module began, the county is loaded back at the end.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.analysis import repeats
from graph.model import EdgeType as T
from graph.model import nodes as m
from graph.reviews.case_review import CaseNotFound, resolve_case, review_case, review_cases
from graph.reviews.case_review_model import Dimension
from graph.stores.embedded import EmbeddedStore
from tests.reviews.graphs import AS_OF, Scene, base_scene, kinds, states
from tests.reviews.variants import ALL_VARIANTS, Variant

pytestmark = pytest.mark.neo4j
CASE = "AJ-2023-05"


@pytest.fixture(scope="module")
def neo4j(neo4j_store, request):
    county = request.getfixturevalue("county") if neo4j_store.counts().nodes else None
    yield neo4j_store
    neo4j_store.clear()
    if county is not None:
        neo4j_store.upsert(county.nodes, county.edges)
        repeats.recompute(neo4j_store)


@pytest.fixture()
def both(neo4j, tmp_path: Path):
    """Load a scene into a fresh embedded store and the emptied Neo4j; yield both."""
    stores: list[EmbeddedStore] = []

    def load(scene: Scene):
        embedded = EmbeddedStore(tmp_path / "g.sqlite")
        stores.append(embedded)
        neo4j.clear()
        return scene.load(embedded), scene.load(neo4j)

    yield load
    for s in stores:
        s.close()


@pytest.mark.parametrize("variant", ALL_VARIANTS, ids=lambda v: v.name)
def test_the_whole_review_is_the_same_on_both_stores(both, variant: Variant):
    scene = base_scene()
    variant.change(scene)
    embedded, neo4j = both(scene)
    mine, theirs = review_case(embedded, CASE, as_of=AS_OF), review_case(neo4j, CASE, as_of=AS_OF)
    assert theirs.model_dump(mode="json") == mine.model_dump(mode="json")
    assert kinds(theirs) == {k: sorted(scene.id(n) for n in names) for k, names in variant.gaps.items()}
    assert all(g.sources for g in theirs.gaps)


def _odd_cases(scene: Scene) -> None:
    """A case with no clue, and a case from an audit finding, beside the main case."""
    scene.add("lone", m.Case(code="AJ-2024-09", opened=date(2024, 2, 1), outcome="pending", summary="无线索案件",
                             suggestion="健全制度"))
    scene.add("finding", m.Finding(code="SJ-2023-3", channel="audit", found_date=date(2023, 6, 2),
                                   category="三资管理", text="南村集体资源对外发包未经四议两公开，租金偏低"))
    scene.link(T.FOUND_AT, "finding", "v3")
    scene.add("audit_clue", m.Clue(code="XS-2023-11", summary="审计移交", source_channel="audit",
                                   transfer_date=date(2023, 7, 1), receiver="县纪委监委", status="transferred"))
    scene.link(T.ARISES_FROM, "audit_clue", "finding")
    scene.link(T.TRANSFERRED_TO, "audit_clue", "jw", on=date(2023, 7, 1))
    scene.add("audit_case", m.Case(code="AJ-2023-12", opened=date(2023, 12, 1), outcome="form_1", summary="审计发现案"))
    scene.link(T.OPENED_FROM, "audit_case", "audit_clue", on=date(2023, 12, 1))


def test_cases_without_an_issue_and_the_batch_are_the_same_on_both_stores(both):
    scene = base_scene()
    scene.change("t2", evidence=None)
    _odd_cases(scene)
    embedded, neo4j = both(scene)
    for ref in ("AJ-2024-09", "AJ-2023-12", "XS-2023-11", "SJ-2023-3", CASE):
        mine, theirs = review_case(embedded, ref, as_of=AS_OF), review_case(neo4j, ref, as_of=AS_OF)
        assert theirs.model_dump(mode="json") == mine.model_dump(mode="json"), ref
    odd = review_case(neo4j, "AJ-2024-09", as_of=AS_OF)
    # no issue behind the case: 个案 cannot be checked, but the unanswered suggestion is still a gap (未到位)
    assert [g.kind.value for g in odd.part(Dimension.INDIVIDUAL).gaps] == ["suggestion_unanswered"]
    assert states(odd)["individual"] == "未到位" and any("无从核对" in n for n in odd.notes)
    for kw in ({}, {"round_id": scene.id("r1")}, {"opened_from": date(2023, 10, 1)}, {"opened_to": date(2023, 9, 1)}):
        mine, theirs = review_cases(embedded, as_of=AS_OF, **kw), review_cases(neo4j, as_of=AS_OF, **kw)
        assert theirs.model_dump(mode="json") == mine.model_dump(mode="json"), kw
    assert [r.case_code for r in review_cases(neo4j, as_of=AS_OF).rows] == [CASE, "AJ-2023-12", "AJ-2024-09"]
    assert [r.case_code for r in review_cases(neo4j, opened_from=date(2023, 10, 1), as_of=AS_OF).rows] == [
        "AJ-2023-12", "AJ-2024-09"]


def test_references_resolve_alike_on_neo4j(both):
    scene = base_scene()
    _, neo4j = both(scene)
    refs = [scene.id("case"), CASE, "XS-2023-07", scene.id("clue"), "QC-issue", scene.id("issue")]
    assert {resolve_case(neo4j, ref) for ref in refs} == {scene.id("case")}
    with pytest.raises(CaseNotFound, match="找不到案件“QC-similar”"):
        resolve_case(neo4j, "QC-similar")


def test_a_unit_under_two_parents_has_the_same_peers_on_both_stores(both):
    scene = base_scene()
    scene.unit("town2", "河口镇", "township")
    scene.unit("v4", "北村", "village", parent="town2")
    scene.link(T.PART_OF, "v1", "town2")
    embedded, neo4j = both(scene)
    mine, theirs = review_case(embedded, CASE, as_of=AS_OF), review_case(neo4j, CASE, as_of=AS_OF)
    assert theirs.model_dump(mode="json") == mine.model_dump(mode="json")
