"""巡前画像 of units other than villages and rankings of a list, the same from the embedded store and from a real
Neo4j (the batch named queries on both stores): the sample county's busiest bureau, a township, a list of the
planted villages; and the hand-written county bureau.

Run with ``bash tools/with-neo4j.sh .venv/bin/python -m pytest tests/reviews/test_unit_profile_neo4j.py``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from graph.analysis import repeats
from graph.reviews.village_profile import profile_unit, rank_villages
from graph.stores.embedded import EmbeddedStore
from tests.reviews.test_unit_profile import bureau_scene
from tests.reviews.test_village_profile import AS_OF

pytestmark = pytest.mark.neo4j


def test_units_and_a_list_ranking_of_the_sample_county_are_the_same_on_both_stores(county, loaded_embedded,
                                                                                   loaded_neo4j):
    as_of = date.fromisoformat(county.truth["as_of"])
    kinds = {n.id: n.props["unit_kind"] for n in county.nodes if n.kind.value == "Unit"}
    found = Counter(e.dst for e in county.edges if e.type.value == "FOUND_AT")
    bureau = max((u for u, k in kinds.items() if k == "county_department"), key=lambda u: (found[u], u))
    township = max((u for u, k in kinds.items() if k == "township"), key=lambda u: (found[u], u))
    for unit in (bureau, township):
        mine = profile_unit(loaded_embedded, unit, as_of=as_of)
        assert mine.issues and mine.cadres
        assert profile_unit(loaded_neo4j, unit, as_of=as_of).model_dump(mode="json") == mine.model_dump(mode="json")
    planted = county.truth["village_risk"][0]
    listed = [h["village"] for h in planted["high"]] + [c["village"] for c in planted["calm"]]
    mine = rank_villages(loaded_embedded, villages=listed, as_of=as_of)
    assert len(mine.rows) == len(set(listed))
    assert rank_villages(loaded_neo4j, villages=listed, as_of=as_of).model_dump(mode="json") == mine.model_dump(
        mode="json")


def test_the_hand_written_bureau_is_the_same_on_both_stores(scratch_neo4j, tmp_path: Path):
    s = bureau_scene()
    embedded = s.load(EmbeddedStore(tmp_path / "g.sqlite"))
    s.load(scratch_neo4j)
    repeats.recompute(embedded)
    repeats.recompute(scratch_neo4j)
    try:
        mine = profile_unit(embedded, s.id("nj"), as_of=AS_OF)
        assert {f.key for f in mine.factors if f.contribution > 0} >= {"relapse", "stalled_clue", "other_finding"}
        theirs = profile_unit(scratch_neo4j, s.id("nj"), as_of=AS_OF)
        assert theirs.model_dump(mode="json") == mine.model_dump(mode="json")
    finally:
        embedded.close()
