"""Every named query gives the same result on the embedded store and on a real Neo4j."""

from __future__ import annotations

import pytest

from tests.queries.cases import parity_cases


def test_parity_across_stores(county, loaded_embedded, loaded_neo4j):
    cases = parity_cases(county)
    nonempty = 0
    for name, param_sets in sorted(cases.items()):
        for params in param_sets:
            embedded = loaded_embedded.run_query(name, params)
            neo4j = loaded_neo4j.run_query(name, params)
            assert embedded == neo4j, (name, params, embedded[:3], neo4j[:3])
            nonempty += bool(embedded)
    assert nonempty >= 25  # most cases must return rows, or parity proves little


def test_counts_equal_across_stores(loaded_embedded, loaded_neo4j):
    assert loaded_embedded.counts() == loaded_neo4j.counts()


@pytest.mark.parametrize("name", ["neighbourhood", "unit_issues", "round_counts"])
def test_queries_answer_on_embedded_with_expected_shapes(county, loaded_embedded, name):
    rows = loaded_embedded.run_query(name, parity_cases(county)[name][0])
    assert rows
