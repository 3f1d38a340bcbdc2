"""Whole-graph results kept in files: another process reads what one computed, only at exactly that graph version;
a write, a corrupt file or an emptied database means computing again, never serving the old answer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph.analysis import kept, linked
from graph.analysis.cache import cached, forget
from graph.analysis.common_problems import common_problems
from graph.model import NodeKind
from graph.stores.embedded import EmbeddedStore
from loaders.sample import Bundle

ROOT = Path(__file__).resolve().parents[2]


class Counting:
    """A computation that counts how often it ran."""

    def __init__(self, compute):
        self.compute, self.runs = compute, 0

    def __call__(self):
        self.runs += 1
        return self.compute()


def _fresh(store) -> dict:
    """Every kept analysis computed now, without any cache."""
    return {
        "counts": store.counts(),
        "common": [c.model_dump(mode="json") for c in common_problems(store, min_units=3)],
        "linked": linked.linked_clusters(store, top=20).model_dump(mode="json"),
        "leader_carry": store.run_query("leader_carry", {"person_id": None, "min_units": 2}),
        "people_in_many_clues": store.run_query("people_in_many_clues", {"min_matters": 2}),
        "relative_links": store.run_query("relative_links", {"village_id": None}),
        "repeats": store.run_query("repeats_at", {"unit_id": None, "issue_id": None, "flag": None,
                                                  "limit": kept.ALL_ROWS}),
    }


def _kept(store) -> dict:
    return {name: compute(store) for name, compute in kept.USUAL.items()}


@pytest.fixture()
def two(tmp_path: Path, county: Bundle):
    """Two stores on one file: what two API workers are (each with its own memory)."""
    first = EmbeddedStore(tmp_path / "g.sqlite")
    first.upsert(county.nodes, county.edges)
    second = EmbeddedStore(tmp_path / "g.sqlite")
    yield first, second
    first.close()
    second.close()


def test_what_one_process_computed_the_other_reads_and_it_equals_a_fresh_computation(two):
    first, second = two
    kept.warm(first)
    assert sorted(p.name.split("-")[0] for p in first.results_dir.glob("*.json")) == sorted(
        {"counts", "common", "linked", "leader_carry", "people_in_many_clues", "relative_links", "repeats_at"})
    compute = Counting(lambda: [c.model_dump(mode="json") for c in common_problems(second, min_units=3)])
    from_file = cached(second, "common", {"min_units": 3}, compute, shape=kept.ROWS)
    assert compute.runs == 0 and from_file == kept.common_rows(first)
    assert _kept(second) == _fresh(second)  # read back from the files: the same values and types


def test_a_write_makes_every_process_compute_again_and_old_files_go(two, county: Bundle):
    first, second = two
    before = kept.common_rows(first)
    old_files = set(first.results_dir.glob("*.json"))
    issues = [n for n in county.nodes if n.kind is NodeKind.ISSUE]
    second.upsert([n.model_copy(update={"props": {**n.props, "category": "改过的类别"}}) for n in issues[:60]], [])
    compute = Counting(lambda: [c.model_dump(mode="json") for c in common_problems(first, min_units=3)])
    after = cached(first, "common", {"min_units": 3}, compute, shape=kept.ROWS)
    assert compute.runs == 1 and after != before
    assert not old_files & set(first.results_dir.glob("*.json"))  # files of the old version were removed
    assert kept.common_rows(second) == after == [c.model_dump(mode="json") for c in common_problems(second)]


def test_a_corrupt_or_truncated_file_is_computed_again_never_trusted(two):
    first, second = two
    kept.common_rows(first)
    (path,) = first.results_dir.glob("common-*.json")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    compute = Counting(lambda: [c.model_dump(mode="json") for c in common_problems(second, min_units=3)])
    assert cached(second, "common", {"min_units": 3}, compute, shape=kept.ROWS) == kept.common_rows(first)
    assert compute.runs == 1
    assert kept.common_rows(EmbeddedStore(first.path)) == [c.model_dump(mode="json") for c in common_problems(first)]


def test_forget_removes_the_files_too(two):
    first, _ = two
    kept.warm(first)
    forget(first)
    assert not list(first.results_dir.glob("*.json"))


def test_a_result_computed_in_another_process_is_read_here(tmp_path: Path, county: Bundle):
    store = EmbeddedStore(tmp_path / "g.sqlite")
    store.upsert(county.nodes, county.edges)
    code = ("import sys; from graph.stores.embedded import EmbeddedStore; from graph.analysis import kept; "
            "s = EmbeddedStore(sys.argv[1]); kept.warm(s); s.close()")
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "g.sqlite")], cwd=ROOT, check=True)
    compute = Counting(lambda: linked.linked_clusters(store, top=20).model_dump(mode="json"))
    report = cached(store, "linked", {"max_degree": linked.MAX_DEGREE, "top": 20}, compute, shape=kept.REPORT)
    assert compute.runs == 0 and report == linked.linked_clusters(store, top=20).model_dump(mode="json")
    store.close()


@pytest.mark.neo4j
def test_neo4j_an_emptied_and_reloaded_database_is_a_new_version(scratch_neo4j, county: Bundle, tmp_path: Path):
    """Emptied and written again, the generation counts from the start: the write token tells the graphs apart."""
    store = scratch_neo4j
    store.results_dir = tmp_path / "results"
    try:
        store.clear()
        store.upsert(county.nodes[:100], [])
        first = store.version()
        assert kept.counts(store).total_nodes == 100
        store.clear()
        store.upsert(county.nodes[100:130], [])
        assert store.version() != first and store.version().split(".")[0] == first.split(".")[0]
        assert kept.counts(store).total_nodes == 30 == store.counts().total_nodes
        assert len(list(store.results_dir.glob("counts-*.json"))) == 1
    finally:
        store.results_dir = None
