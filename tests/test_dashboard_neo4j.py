"""整改看板 and saved alerts give the same answers on the embedded store and on a real Neo4j.

Run with ``bash tools/with-neo4j.sh .venv/bin/python -m pytest tests/test_dashboard_neo4j.py``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.alerts.model import AlertIn, AlertKind
from graph.alerts.run import evaluate
from graph.reviews.dashboard import dashboard
from graph.stores.embedded import EmbeddedStore
from tests.queries.cases import _dashboard_cases
from tests.test_dashboard import AS_OF, scene

pytestmark = pytest.mark.neo4j
ALERTS = [AlertIn(name="乡镇复发", kind=AlertKind.RELAPSE_TOWNSHIP),
          AlertIn(name="村复发", kind=AlertKind.RELAPSE_TOWNSHIP, params={"unit_kinds": ["village"]}),
          AlertIn(name="优亲厚友", kind=AlertKind.RELATIVE_BENEFICIARY),
          AlertIn(name="线索", kind=AlertKind.CLUE_UNDISPOSED, threshold=90),
          AlertIn(name="共性", kind=AlertKind.CATEGORY_WITHOUT_LETTER, threshold=3),
          AlertIn(name="查询", kind=AlertKind.NAMED_QUERY, params={"query": "people_in_many_clues"})]


def test_dashboard_queries_are_the_same_on_both_stores(county, loaded_embedded, loaded_neo4j):
    nonempty = 0
    for name, param_sets in _dashboard_cases(county).items():
        for params in param_sets:
            mine, theirs = loaded_embedded.run_query(name, params), loaded_neo4j.run_query(name, params)
            assert mine == theirs, (name, params, mine[:2], theirs[:2])
            nonempty += bool(mine)
    assert nonempty >= 9


def test_the_county_dashboard_and_alerts_are_the_same_on_both_stores(county, loaded_embedded, loaded_neo4j):
    today = date.fromisoformat(county.truth["as_of"])
    for rounds in (None, range(1, 5), [3]):
        mine, theirs = dashboard(loaded_embedded, rounds, today), dashboard(loaded_neo4j, rounds, today)
        assert mine.total.issues > 0 and mine.model_dump() == theirs.model_dump()
    for alert in ALERTS:
        mine = evaluate(loaded_embedded, alert, today)
        assert mine == evaluate(loaded_neo4j, alert, today), alert.name
    assert any(evaluate(loaded_embedded, a, today) for a in ALERTS)


def test_the_hand_written_dashboard_is_the_same_on_both_stores(scratch_neo4j, tmp_path: Path):
    s = scene()
    embedded = s.load(EmbeddedStore(tmp_path / "g.sqlite"))
    s.load(scratch_neo4j)
    mine, theirs = dashboard(embedded, today=AS_OF), dashboard(scratch_neo4j, today=AS_OF)
    embedded.close()
    assert (theirs.total.issues, theirs.total.rectified, theirs.by_unit[0].note) == (6, 2, mine.by_unit[0].note)
    assert mine.model_dump() == theirs.model_dump()
