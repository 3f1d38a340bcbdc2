"""A reader of the embedded store catches up with another process's small writes by applying them, and re-reads
the whole graph whenever the log cannot take it exactly from the version it holds to the file's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph.model import EdgeType, NodeKind, make_edge
from graph.model import nodes as m
from graph.stores import changelog, sqlite_file
from graph.stores.embedded import EmbeddedStore
from loaders.sample import Bundle


def _contents(g) -> tuple[list, list]:  # noqa: ANN001
    return sorted(g.nodes(data=True), key=str), sorted(g.edges(keys=True, data=True), key=str)


def _unit(name: str) -> m.Unit:
    return m.Unit(name=name, county="日志县", unit_kind="county_department")


@pytest.fixture()
def pair(tmp_path: Path, county: Bundle):
    nodes = county.nodes[:600]
    ids = {n.id for n in nodes}
    writer = EmbeddedStore(tmp_path / "g.sqlite")
    writer.upsert(nodes, [e for e in county.edges if e.src in ids and e.dst in ids])
    reader = EmbeddedStore(tmp_path / "g.sqlite")
    reader.graph  # noqa: B018
    yield writer, reader
    reader.close()
    writer.close()


def _in_step(reader: EmbeddedStore) -> bool:
    return _contents(reader.graph) == _contents(sqlite_file.read_graph(reader._db))


def test_small_writes_elsewhere_are_applied_not_reread(pair):
    writer, reader = pair
    held = reader.graph
    unit, boss = _unit("日志县财政局"), _unit("日志县人民政府")
    writer.upsert([unit.to_record(), boss.to_record()], [])
    writer.upsert([], [make_edge(EdgeType.REGULATED_BY, (NodeKind.UNIT, unit.id), (NodeKind.UNIT, boss.id))])
    writer.upsert([m.Unit(name="日志县财政局", county="日志县", unit_kind="county_department",
                          code="A001").to_record()], [])
    some = next(iter(held.edges(keys=True, data="_type")))
    writer.replace_edges(EdgeType(some[3]), [])  # a computed type dropped whole
    assert writer.delete_edges_of_type(EdgeType.REGULATED_BY.value) >= 1  # the one added above among them
    assert reader.get_node(unit.id).props["code"] == "A001"
    assert reader.graph is held and reader.generation() == writer.generation()
    assert _in_step(reader) and not any(t in (some[3], EdgeType.REGULATED_BY.value)
                                        for *_, t in held.edges(keys=True, data="_type"))


def test_a_write_that_logs_nothing_or_too_far_behind_is_reread(pair, monkeypatch: pytest.MonkeyPatch):
    writer, reader = pair
    held = reader.graph
    writer.replace_all([_unit("日志县新局").to_record()], [])  # replacing everything logs nothing
    assert reader.graph is not held and _in_step(reader) and reader.graph.number_of_nodes() == 1
    held = reader.graph
    monkeypatch.setattr(changelog, "MAX_ROWS", 1)
    writer.upsert([_unit("日志县甲局").to_record(), _unit("日志县乙局").to_record()], [])  # too large to log
    assert reader.graph is not held and _in_step(reader)
    monkeypatch.setattr(changelog, "MAX_BEHIND", 2)
    held = reader.graph
    for i in range(3):
        writer.upsert([_unit(f"日志县丙局{i}").to_record()], [])
    assert reader.graph is not held and _in_step(reader) and reader.graph.number_of_nodes() == 6


def test_a_log_that_does_not_start_at_the_version_held_is_not_applied(pair):
    writer, reader = pair
    held = reader.graph
    reader._token = "0" * 16  # as if this graph were of another file at the same generation
    writer.upsert([_unit("日志县丁局").to_record()], [])
    assert reader.graph is not held and _in_step(reader)
    held = reader.graph
    writer.upsert([_unit("日志县戊局").to_record()], [])
    writer._db.execute("DELETE FROM changes WHERE generation = ?", (writer.generation(),))  # older code wrote it
    assert reader.graph is not held and _in_step(reader)


def test_a_write_in_another_process_is_applied(pair):
    writer, reader = pair
    held = reader.graph
    code = ("import sys; from pathlib import Path; from graph.stores.embedded import EmbeddedStore; "
            "from graph.model import nodes as m; s = EmbeddedStore(Path(sys.argv[1])); "
            "s.upsert([m.Unit(name='日志县另一进程局', county='日志县', unit_kind='county_department').to_record()], [])")
    subprocess.run([sys.executable, "-c", code, str(reader.path)], check=True, cwd=Path(__file__).resolve().parents[2])
    assert reader.get_node(_unit("日志县另一进程局").id) is not None
    assert reader.graph is held and _in_step(reader)
