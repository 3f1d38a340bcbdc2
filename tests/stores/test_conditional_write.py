"""A write computed from the graph at one generation lands only on that graph (an upload's load, done on a copy):
both stores write it while no other write came in between, and refuse it whole (:class:`Outdated`) once one did —
on Neo4j even when the other write's check ran while this one was in flight. The Neo4j cases run under
``tools/with-neo4j.sh``."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from graph.model import EdgeType
from graph.model import nodes as m
from graph.stores.base import Cuttable, Outdated
from graph.stores.embedded import EmbeddedStore
from tests.stores.writes import racing, racing_neo4j

ANY = Cuttable(outgoing=frozenset(EdgeType), incoming=frozenset(EdgeType))


def _unit(name: str):  # noqa: ANN202
    return m.Unit(name=f"条件写入{name}局", county="条件写入县", unit_kind="county_department").to_record()


def _scenario(store, other) -> list:  # noqa: ANN001
    """``other`` writes to the same graph as ``store`` (another process, another session); what each step gave."""
    first, second, third = _unit("甲"), _unit("乙"), _unit("丙")
    seen = store.generation()
    store.upsert_replacing([first], [], None, (), at_generation=seen)
    landed = store.get_node(first.id) is not None
    seen = store.generation()
    other.upsert([third], [])  # another writer, after the write was computed
    with pytest.raises(Outdated, match="图谱未改变"):
        store.upsert_replacing([second], [], None, (), at_generation=seen)
    return [landed, store.get_node(second.id) is None, store.get_node(third.id) is not None,
            store.generation() == seen + 1]


def test_embedded_writes_on_the_graph_it_was_computed_from_or_not_at_all(tmp_path: Path):
    store, other = EmbeddedStore(tmp_path / "g.sqlite"), EmbeddedStore(tmp_path / "g.sqlite")
    try:
        assert _scenario(store, other) == [True, True, True, True]
    finally:
        store.close()
        other.close()


def test_embedded_a_write_landing_between_the_plan_and_the_commit_refuses_it(tmp_path: Path):
    """Another process writes after this one caught up for its write and checked the generation: the commit finds
    the file moved, plans again, and then refuses, nothing of it written."""
    store, other = EmbeddedStore(tmp_path / "g.sqlite"), EmbeddedStore(tmp_path / "g.sqlite")
    try:
        mine, theirs = _unit("甲"), _unit("乙")
        seen = store.generation()
        racing(store, lambda: other.upsert([theirs], []))
        with pytest.raises(Outdated):
            store.upsert_replacing([mine], [], None, (), at_generation=seen)
        assert store.get_node(mine.id) is None and store.get_node(theirs.id) is not None
    finally:
        store.close()
        other.close()


def _other_session(store, **kw):  # noqa: ANN001, ANN003, ANN202
    from graph.stores.neo4j_store import Neo4jStore

    return Neo4jStore(store._driver, uri=store.uri, database=store.database, **kw)


def test_neo4j_writes_on_the_graph_it_was_computed_from_or_not_at_all(neo4j_county):
    try:
        assert _scenario(neo4j_county, _other_session(neo4j_county)) == [True, True, True, True]
    finally:
        neo4j_county.delete_nodes([_unit(x).id for x in "甲乙丙"], may_cut=ANY)


def test_neo4j_two_writes_computed_at_one_generation_never_both_land(neo4j_county):
    """Another session's write, computed at the same generation, checks it while this write is in flight (its check
    done, its records not yet written): it waits for this one and is refused — both landing would lose what this one
    changed from the other's computation (repeats recomputed on a copy)."""
    mine, theirs = _unit("甲"), _unit("乙")
    seen = neo4j_county.generation()
    other, outcome = _other_session(neo4j_county), {}

    def writing() -> None:
        try:
            other.upsert_replacing([theirs], [], None, (), at_generation=seen)
            outcome["write"] = "done"
        except Outdated:
            outcome["write"] = "Outdated"
    try:
        with racing_neo4j(neo4j_county, "REMOVE v.held", writing):  # once this write's check has been read
            neo4j_county.upsert_replacing([mine], [], None, (), at_generation=seen)
        assert outcome == {"write": "Outdated"}
        assert neo4j_county.get_node(mine.id) is not None and neo4j_county.get_node(theirs.id) is None
        assert neo4j_county.generation() == seen + 1
    finally:
        neo4j_county.delete_nodes([mine.id, theirs.id], may_cut=ANY)


def test_neo4j_a_plain_write_meanwhile_waits_and_lands(neo4j_county):
    """A plain write (no generation to check) by another session while the version is held is not refused: it
    lands after this one."""
    mine, theirs = _unit("甲"), _unit("乙")
    seen, other, done = neo4j_county.generation(), _other_session(neo4j_county), threading.Event()

    def writing() -> None:
        other.upsert([theirs], [])
        done.set()
    try:
        with racing_neo4j(neo4j_county, "REMOVE v.held", writing, wait_s=1.0):
            neo4j_county.upsert_replacing([mine], [], None, (), at_generation=seen)
        assert done.wait(30) and neo4j_county.get_node(theirs.id) is not None
        assert neo4j_county.generation() == seen + 2
    finally:
        neo4j_county.delete_nodes([mine.id, theirs.id], may_cut=ANY)


def test_neo4j_a_large_write_in_chunks_begins_only_on_the_graph_it_was_computed_from(neo4j_county):
    """Past one transaction's size a write is journaled in chunks: its journal begins only at the generation given."""
    chunked = _other_session(neo4j_county, single_tx_records=2)
    units = [_unit(x) for x in "甲乙丙丁"]
    try:
        seen = neo4j_county.generation()
        neo4j_county.upsert([_unit("戊")], [])  # another writer, after the write was computed
        with pytest.raises(Outdated):
            chunked.upsert_replacing(units, [], None, (), at_generation=seen)
        assert all(neo4j_county.get_node(u.id) is None for u in units)
        chunked.upsert_replacing(units, [], None, (), at_generation=neo4j_county.generation())
        assert all(neo4j_county.get_node(u.id) is not None for u in units)
    finally:
        neo4j_county.delete_nodes([_unit(x).id for x in "甲乙丙丁戊"], may_cut=ANY)


def test_neo4j_a_large_load_between_its_chunks_makes_a_write_wait_for_another_copy(neo4j_county):
    """A large load that has begun (its journal running, the generation bumped as it began) is not yet the graph a
    copy taken meanwhile saw: a write checked at that generation is refused until the load is done."""
    from graph.stores.neo4j_journal import Journal

    mine = _unit("甲")
    with neo4j_county._session() as session:
        journal = Journal(session, "conditional-write-test")
        journal.begin()
        try:
            seen = neo4j_county.generation()  # a copy taken now sees the load half written
            with pytest.raises(Outdated):
                neo4j_county.upsert_replacing([mine], [], None, (), at_generation=seen)
            assert neo4j_county.get_node(mine.id) is None
        finally:
            journal.undo()
    try:
        neo4j_county.upsert_replacing([mine], [], None, (), at_generation=neo4j_county.generation())
        assert neo4j_county.get_node(mine.id) is not None
    finally:
        neo4j_county.delete_nodes([mine.id], may_cut=ANY)

