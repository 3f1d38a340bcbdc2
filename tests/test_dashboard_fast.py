"""The dashboard's fast paths give the answer of the validating path.

Twins registered ``trusted`` skip the result model on the embedded store: their rows must be exactly what the
result model would make of them. And the dashboard read through a runner that validates every row (the path the
store took before) must equal the dashboard the store gives.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import networkx as nx

from graph.queries import registry
from graph.reviews.dashboard import dashboard
from tests.queries.cases import parity_cases


class ValidatingRunner:
    """Runs the twins on a store's graph and passes every row through the result model, trusted or not."""

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph

    def run_query(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        query = registry.get(name)
        return query.shape(query.twin(self.graph, query.bind(params)))


def test_trusted_twins_give_rows_in_the_result_models_shape(county, loaded_embedded):
    trusted = {n: q for n, q in registry.all_queries().items() if q.trusted}
    assert {"rectification_issues", "rectification_units", "rectification_rounds",
            "undisposed_clues"} <= set(trusted)
    cases = parity_cases(county)
    rows_seen = 0
    for name, query in trusted.items():
        for params in cases[name]:
            rows = loaded_embedded.run_query(name, params)
            shaped = query.shape(rows)
            assert rows == shaped, (name, params)
            assert [list(r) for r in rows] == [list(r) for r in shaped], (name, params)  # same key order
            rows_seen += len(rows)
    assert rows_seen > 100


def test_the_dashboard_equals_the_dashboard_of_validated_rows(county, loaded_embedded):
    today = date.fromisoformat(county.truth["as_of"])
    reference = ValidatingRunner(loaded_embedded.graph)
    for rounds in (None, range(1, 5), [2]):
        fast = dashboard(loaded_embedded, rounds, today).model_dump(mode="json")
        slow = dashboard(reference, rounds, today).model_dump(mode="json")
        assert fast == slow, rounds
        assert fast["total"]["issues"] > 0
