"""Readers of the embedded store go side by side; a writer waits for them and is never seen half-applied.

Ordering is asserted with events, not clocks: a long read is a named query whose networkx twin stops inside the
store's read until the test lets it go. ``GUARD`` only keeps a broken lock from hanging the run for ever.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from pydantic import BaseModel

from graph.model import nodes as m
from graph.queries import registry
from graph.stores.embedded import EmbeddedStore

GUARD = 60  # seconds; only ever reached when the lock is broken


class _NoParams(BaseModel):
    pass


class _Hold:
    """A twin that stays inside the store's read until released, noting what it saw when it came and left."""

    def __init__(self) -> None:
        self.inside, self.release, self.left = threading.Event(), threading.Event(), threading.Event()
        self.seen: list[int] = []
        self.released_in_time = False

    def __call__(self, graph: nx.MultiDiGraph, params: _NoParams) -> list[dict]:
        self.seen.append(graph.number_of_nodes())
        self.inside.set()
        self.released_in_time = self.release.wait(GUARD)
        self.seen.append(graph.number_of_nodes())
        return []


@pytest.fixture()
def hold(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Hold]:
    twin = _Hold()
    registry.all_queries()  # discovered first, so the test query is added to the full registry and taken out after
    monkeypatch.setitem(registry._REGISTRY, "hold_read",
                        registry.NamedQuery("hold_read", _NoParams, _NoParams, twin, trusted=True))
    yield twin
    twin.release.set()


def _unit(name: str) -> m.Unit:
    return m.Unit(name=name, county="并发县", unit_kind="county_department")


def _reader(store: EmbeddedStore) -> threading.Thread:
    thread = threading.Thread(target=store.run_query, args=("hold_read", {}), daemon=True)
    thread.start()
    return thread


def test_a_short_read_does_not_queue_behind_a_long_one(embedded: EmbeddedStore, hold: _Hold):
    unit = _unit("并发县财政局")
    embedded.upsert([unit.to_record()], [])
    long_read = _reader(embedded)
    assert hold.inside.wait(GUARD)
    got = embedded.get_node(unit.id)  # answered while the long read is still inside
    near = embedded.neighbours(unit.id)
    counts = embedded.counts()
    assert not hold.release.is_set() and long_read.is_alive()
    assert got is not None and got.props["name"] == "并发县财政局" and near == [] and counts.nodes == {"Unit": 1}
    with embedded._lock:  # the read side as api.masking takes it: also beside the long read
        assert unit.id in embedded.graph
    hold.release.set()
    long_read.join(GUARD)
    assert hold.released_in_time and not long_read.is_alive()


def test_a_writer_waits_for_the_readers_and_is_never_seen_half_applied(embedded: EmbeddedStore, hold: _Hold):
    embedded.upsert([_unit("并发县教育局").to_record()], [])
    long_read = _reader(embedded)
    assert hold.inside.wait(GUARD)
    added = [_unit(f"并发县新设局{i}") for i in range(50)]
    writer = threading.Thread(target=embedded.upsert, args=([u.to_record() for u in added], []), daemon=True)
    writer.start()
    while not embedded._rw._waiting_writers:  # the writer has come to the lock and waits there
        assert writer.is_alive()
        time.sleep(0.001)
    assert writer.is_alive() and long_read.is_alive()  # (a new reader would now wait behind the writer)
    hold.release.set()
    long_read.join(GUARD)
    writer.join(GUARD)
    assert not writer.is_alive() and hold.released_in_time
    assert hold.seen == [1, 1]  # the reader saw one version from start to end
    assert all(embedded.get_node(u.id) is not None for u in added)


def test_a_reader_that_tries_to_write_fails_at_once_instead_of_hanging(embedded: EmbeddedStore):
    unit = _unit("并发县审计局")
    embedded.upsert([unit.to_record()], [])
    with embedded._lock, pytest.raises(RuntimeError):
        embedded.upsert([_unit("并发县统计局").to_record()], [])
    assert embedded.get_node(unit.id) is not None  # and the lock is whole afterwards
    embedded.upsert([_unit("并发县统计局").to_record()], [])
    assert embedded.counts().nodes == {"Unit": 2}


def test_a_write_in_another_store_on_the_file_is_seen_by_readers_here(tmp_path: Path, hold: _Hold):
    path = tmp_path / "g.sqlite"
    here, there = EmbeddedStore(path), EmbeddedStore(path)
    here.upsert([_unit("并发县民政局").to_record()], [])
    assert here.graph.number_of_nodes() == 1
    late = _unit("并发县水利局")
    there.upsert([late.to_record()], [])  # as another process would: the generation in the file moves on
    assert here.get_node(late.id) is not None and here.generation() == there.generation()
    here.close()
    there.close()
