"""Independent named queries asked together give, on each store, exactly what asking them one by one gives, in the
order asked (on Neo4j they run side by side on pooled sessions; the embedded store runs them in turn)."""

from __future__ import annotations

import pytest

from graph.stores.base import run_together


def _calls(store) -> list[tuple[str, dict]]:
    villages = sorted(n.id for n in store.iter_nodes() if n.kind.value == "Unit" and n.props.get("unit_kind") == "village")
    some = villages[:25]
    return [("profile_posts", {"unit_ids": some}),
            ("profile_issues", {"unit_ids": some, "as_of": "2026-07-01"}),
            ("profile_items", {"unit_ids": some, "kinds": None}),
            ("profile_relative_links", {"unit_ids": some}),
            ("entities_by_ids", {"ids": some[:3]})]


@pytest.mark.parametrize("which", ["loaded_embedded", "loaded_neo4j"])
def test_queries_asked_together_answer_as_asked_one_by_one(which, request):
    store = request.getfixturevalue(which)
    calls = _calls(store)
    together = run_together(store, calls)
    alone = [store.run_query(name, params) for name, params in calls]
    assert together == alone
    assert [len(rows) > 0 for rows in together[:3]] == [True, True, True]  # the sample gives rows to compare


def test_a_runner_without_run_queries_runs_them_in_turn(loaded_embedded):
    class Memo:  # a batch's read-only memo is a QueryRunner with run_query only
        def __init__(self) -> None:
            self.asked: list[str] = []

        def run_query(self, name, params):
            self.asked.append(name)
            return loaded_embedded.run_query(name, params)

    memo = Memo()
    calls = _calls(loaded_embedded)
    assert run_together(memo, calls) == [loaded_embedded.run_query(n, p) for n, p in calls]
    assert memo.asked == [name for name, _ in calls]
