"""The analyses answer the same on the embedded store and on a real Neo4j."""

from __future__ import annotations

from graph.analysis import repeats
from graph.analysis.common_problems import common_problems
from graph.analysis.linked import linked_clusters


def test_repeats_common_and_linked_agree_across_stores(loaded_embedded, loaded_neo4j):
    assert repeats.find_repeats(repeats.load_candidates(loaded_embedded)) == repeats.find_repeats(
        repeats.load_candidates(loaded_neo4j))
    assert common_problems(loaded_embedded) == common_problems(loaded_neo4j)
    assert linked_clusters(loaded_embedded) == linked_clusters(loaded_neo4j)
