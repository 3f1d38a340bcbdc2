"""The same 巡前画像 and ranking from the embedded store and from a real Neo4j: the sample county's planted
villages and a township ranking, and a hand-written village with every factor firing.

Run with ``bash tools/with-neo4j.sh .venv/bin/python -m pytest tests/reviews/test_village_profile_neo4j.py``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.analysis import repeats
from graph.model import EdgeType as T
from graph.model import nodes as m
from graph.reviews.village_profile import profile_village, rank_villages
from graph.stores.embedded import EmbeddedStore
from tests.reviews.test_village_profile import AS_OF, TEXT, scene

pytestmark = pytest.mark.neo4j


# The planted-county test runs first: the hand-written one empties the session's Neo4j (given back at the end).
@pytest.fixture(scope="module")
def neo4j(neo4j_store, request):
    county = request.getfixturevalue("county") if neo4j_store.counts().nodes else None
    yield neo4j_store
    neo4j_store.clear()
    if county is not None:
        neo4j_store.upsert(county.nodes, county.edges)
        repeats.recompute(neo4j_store)


def test_the_planted_villages_and_a_township_ranking_are_the_same_on_both_stores(county, loaded_embedded,
                                                                                  loaded_neo4j):
    as_of = date.fromisoformat(county.truth["as_of"])
    planted = county.truth["village_risk"][0]
    for vid in [h["village"] for h in planted["high"]] + [c["village"] for c in planted["calm"]]:
        mine = profile_village(loaded_embedded, vid, as_of=as_of)
        theirs = profile_village(loaded_neo4j, vid, as_of=as_of)
        assert theirs.model_dump(mode="json") == mine.model_dump(mode="json"), vid
    village = next(n for n in county.nodes if n.id == planted["high"][0]["village"])
    township = next(n.id for n in county.nodes if n.kind.value == "Unit" and n.props["unit_kind"] == "township"
                    and n.props["name"] == village.props["parent_name"])
    mine = rank_villages(loaded_embedded, township_id=township, as_of=as_of)
    theirs = rank_villages(loaded_neo4j, township_id=township, as_of=as_of)
    assert theirs.model_dump(mode="json") == mine.model_dump(mode="json")


def test_a_hand_written_village_is_the_same_on_both_stores(neo4j, tmp_path: Path):
    s = scene()
    s.round("r0", 9, date(2021, 5, 1))
    s.group("g0", "r0", "v1")
    s.issue("i0", "r0", "v1", 1, TEXT, date(2021, 5, 20))
    s.task("t2", "i1", 2, date(2024, 1, 31), status="in_progress")
    s.add("p1", m.Petition(code="XF-1", received_date=date(2024, 2, 1), topic="低保评定", status="open"))
    s.link(T.LOCATED_AT, "p1", "v1")
    s.person("son", "王小明")
    s.link(T.RELATIVE_OF, "son", "fic", relation="child")
    s.add("b", m.Benefit(benefit_kind="minimum_living", recipient_id=s.id("son"), village_id=s.id("v1"), year=2023,
                         amount=3600))
    s.link(T.RECEIVED, "son", "b")
    s.link(T.LOCATED_AT, "b", "v1")
    s.add("pr", m.Project(code="XM-1", name="村道硬化", year=2023, amount=150.0))
    s.link(T.LOCATED_AT, "pr", "v1")
    s.add("co", m.Company(name="青山建设有限公司", credit_code="91330000000000001X"))
    s.link(T.CONTRACTED, "co", "pr")
    s.add("c1", m.Clue(code="XS-c1", summary="反映问题", source_channel="inspection", transfer_date=date(2023, 6, 1),
                       receiver="县纪委监委", status="transferred"))
    s.link(T.ARISES_FROM, "c1", "i1")
    s.link(T.TRANSFERRED_TO, "c1", "jw", on=date(2023, 6, 1))
    s.link(T.INVOLVES, "c1", "fic")
    s.add("f", m.Finding(code="SJ-1", channel="audit", found_date=date(2023, 1, 10), category="三资管理", text="发包"))
    s.link(T.FOUND_AT, "f", "v1")
    embedded = s.load(EmbeddedStore(tmp_path / "g.sqlite"))
    neo4j.clear()
    s.load(neo4j)
    try:
        mine = profile_village(embedded, s.id("v1"), as_of=AS_OF)
        theirs = profile_village(neo4j, s.id("v1"), as_of=AS_OF)
        assert theirs.model_dump(mode="json") == mine.model_dump(mode="json")
        fired = {f.key for f in theirs.factors if f.contribution > 0}
        assert {"relapse", "overdue_task", "open_petition", "relative_link", "project_money", "stalled_clue",
                "other_finding"} <= fired
        assert (rank_villages(neo4j, township_id=s.id("town"), as_of=AS_OF).model_dump(mode="json")
                == rank_villages(embedded, township_id=s.id("town"), as_of=AS_OF).model_dump(mode="json"))
    finally:
        embedded.close()
