"""The same 贯通联动 review from the embedded store and from a real Neo4j: hand-written graphs and the sample county.

Run with ``bash tools/with-neo4j.sh .venv/bin/python -m pytest tests/reviews/test_linkage_neo4j.py``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.analysis import repeats
from graph.reviews.linkage import linkage_keys, review_linkage
from graph.stores.embedded import EmbeddedStore
from tests.reviews.test_linkage import AS_OF, case, clue, scene

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


def test_the_planted_county_reviews_are_the_same_on_both_stores(county, loaded_embedded, loaded_neo4j):
    as_of = date.fromisoformat(county.truth["as_of"])
    planted = county.truth["linkage"][0]
    rounds = [n.id for n in county.nodes if n.kind.value == "Round"]
    scopes = [{"person_id": p["person"]} for p in planted["people"]] + [
        {"unit_id": u["unit"]} for u in planted["units"]] + [{"round_id": rounds[5]}]
    for kw in scopes:
        mine = review_linkage(loaded_embedded, as_of=as_of, **kw)
        theirs = review_linkage(loaded_neo4j, as_of=as_of, **kw)
        assert theirs.model_dump(mode="json") == mine.model_dump(mode="json"), kw
    for p in planted["people"]:
        keys = linkage_keys(review_linkage(loaded_neo4j, person_id=p["person"], as_of=as_of))
        assert keys["overlaps"] == {tuple(k) for k in p["overlaps"]}
        assert keys["stalls"] == {tuple(k) for k in p["stalls"]}
        assert keys["missing"] == {tuple(k) for k in p["missing"]}


def test_hand_written_reviews_are_the_same_on_both_stores(neo4j, tmp_path: Path):
    s = scene()
    clue(s, "late", "issue", date(2023, 6, 1))
    clue(s, "check", "issue", date(2023, 6, 2), disposal="preliminary_check", disposed=date(2023, 7, 1))
    clue(s, "opened", "issue", date(2023, 6, 3), disposal="case_opened", disposed=date(2023, 7, 2))
    case(s, "k", "opened", date(2023, 7, 2))
    embedded = s.load(EmbeddedStore(tmp_path / "g.sqlite"))
    neo4j.clear()
    s.load(neo4j)
    try:
        for kw in ({"unit_id": s.id("v1")}, {"person_id": s.id("fic")}, {"round_id": s.id("r1")},
                   {"unit_id": s.id("v1"), "date_from": date(2023, 5, 1)}):
            mine = review_linkage(embedded, as_of=AS_OF, **kw)
            theirs = review_linkage(neo4j, as_of=AS_OF, **kw)
            assert theirs.model_dump(mode="json") == mine.model_dump(mode="json"), kw
        assert linkage_keys(theirs)["stalls"] == {("no_disposal", s.id("late")), ("no_case_decision", s.id("check"))}
    finally:
        embedded.close()
