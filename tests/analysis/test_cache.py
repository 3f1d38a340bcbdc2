"""Cached whole-graph analyses equal a fresh computation after every kind of write, on both stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.analysis import linked, repeats
from graph.analysis.cache import cached, forget
from graph.analysis.common_problems import common_problems
from graph.model import NodeKind
from graph.stores.embedded import EmbeddedStore
from loaders.sample import Bundle, generate


def _answers(store) -> dict:
    """Every cached analysis the API serves, through the cache."""
    return {
        "counts": cached(store, "counts", {}, store.counts),
        "common": cached(store, "common", {"min_units": 3},
                         lambda: [c.model_dump(mode="json") for c in common_problems(store, min_units=3)]),
        "linked": cached(store, "linked", {"top": 20},
                         lambda: linked.linked_clusters(store, top=20).model_dump(mode="json")),
        "repeats": cached(store, "repeats_at", {}, lambda: store.run_query("repeats_at", {"limit": 1_000_000})),
        "carry": cached(store, "leader_carry", {}, lambda: store.run_query("leader_carry", {"min_units": 2})),
    }


def _fresh(store) -> dict:
    forget(store)
    return _answers(store)


def _writes(store, county: Bundle) -> None:
    """Load, recompute repeats, edit, replace: after each the cached answers must be the fresh ones."""
    half = county.nodes[: len(county.nodes) // 2]
    ids = {n.id for n in half}
    steps = [
        lambda: store.upsert(half, [e for e in county.edges if e.src in ids and e.dst in ids]),
        lambda: store.upsert(county.nodes, county.edges),
        lambda: repeats.recompute(store),
        lambda: store.upsert([n.model_copy(update={"props": {**n.props, "category": "改过的类别"}})
                              for n in county.nodes if n.kind is NodeKind.ISSUE][:40], []),
        lambda: store.delete_edges_of_type("REPEATS"),
        lambda: store.replace_all(generate(1, 11).nodes, generate(1, 11).edges),
    ]
    before = _answers(store)
    changed = 0
    for step in steps:
        step()
        now = _answers(store)
        assert now == _fresh(store)
        changed += now != before
        before = now
    assert changed == len(steps)  # every write changed some answer, so a stale cache would have been caught


def test_cached_analyses_follow_every_write_embedded(tmp_path: Path, county: Bundle):
    store = EmbeddedStore(tmp_path / "g.sqlite")
    _writes(store, county)
    store.close()


def test_a_write_by_another_store_on_the_same_file_is_seen(tmp_path: Path, county: Bundle):
    reader, writer = EmbeddedStore(tmp_path / "g.sqlite"), EmbeddedStore(tmp_path / "g.sqlite")
    writer.upsert(county.nodes[:500], [])
    first = _answers(reader)
    writer.upsert(county.nodes[500:1500], [])
    assert _answers(reader) != first and _answers(reader) == _fresh(reader)
    reader.close()
    writer.close()


@pytest.mark.neo4j
def test_cached_analyses_follow_every_write_neo4j(scratch_neo4j, county: Bundle):
    _writes(scratch_neo4j, county)
