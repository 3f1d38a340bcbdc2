"""The embedded store's snapshot is used only when it is exactly the file's generation, whole and unaltered."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from graph.model import NodeKind
from graph.model import nodes as m
from graph.stores import snapshot, sqlite_file
from graph.stores.embedded import EmbeddedStore
from loaders.sample import Bundle


def _contents(store: EmbeddedStore) -> tuple[list, list]:
    g = store.graph
    return sorted(g.nodes(data=True), key=str), sorted(g.edges(keys=True, data=True), key=str)


def _small(county: Bundle, n: int = 800) -> tuple[list, list]:
    nodes = county.nodes[:n]
    ids = {x.id for x in nodes}
    return nodes, [e for e in county.edges if e.src in ids and e.dst in ids]


def test_reopen_reads_the_snapshot_and_it_equals_the_tables(tmp_path: Path, county: Bundle):
    path = tmp_path / "g.sqlite"
    store = EmbeddedStore(path)
    store.upsert(*_small(county))
    store.close()
    assert snapshot.path_for(path).exists()
    again = EmbeddedStore(path)
    token = again._file_token()
    read = snapshot.read(again.snapshot_path, again._file_generation(), token)
    assert read is not None
    assert (sorted(read.nodes(data=True), key=str), sorted(read.edges(keys=True, data=True), key=str)) \
        == _contents(again) == (sorted(sqlite_file.read_graph(again._db).nodes(data=True), key=str),
                                sorted(sqlite_file.read_graph(again._db).edges(keys=True, data=True), key=str))
    s, d, k = next(iter(read.edges(keys=True)))
    read.remove_edge(s, d, k)  # successors and predecessors share the edge as networkx's own graphs do
    assert not read.has_edge(s, d, k) and k not in read.pred[d].get(s, {})
    again.close()


def test_a_write_in_another_process_is_seen_and_the_stale_snapshot_ignored(tmp_path: Path, county: Bundle):
    path = tmp_path / "g.sqlite"
    store = EmbeddedStore(path)
    store.upsert(*_small(county))
    store.close()
    reader = EmbeddedStore(path)
    assert reader.graph.number_of_nodes() == 800
    unit = m.Unit(name="另一进程写入局", county="测试县", unit_kind="county_department")
    code = ("import sys; from pathlib import Path; from graph.stores.embedded import EmbeddedStore; "
            "from graph.model import nodes as m; s = EmbeddedStore(Path(sys.argv[1])); "
            "s.upsert([m.Unit(name='另一进程写入局', county='测试县', unit_kind='county_department').to_record()], []);"
            " s._db.close()")  # no close(): the snapshot on disk stays at the old generation
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, cwd=Path(__file__).resolve().parents[2])
    assert reader.get_node(unit.id) is not None
    fresh = EmbeddedStore(path)
    assert fresh.get_node(unit.id) is not None and fresh.graph.number_of_nodes() == 801
    reader.close()
    fresh.close()


def test_a_corrupt_snapshot_is_ignored_and_rewritten(tmp_path: Path, county: Bundle):
    path = tmp_path / "g.sqlite"
    store = EmbeddedStore(path)
    store.upsert(*_small(county))
    want = _contents(store)
    store.close()
    snap = snapshot.path_for(path)
    data = bytearray(snap.read_bytes())
    data[-50] ^= 0xFF
    snap.write_bytes(bytes(data))
    reopened = EmbeddedStore(path)
    assert _contents(reopened) == want
    assert snapshot.read(snap, reopened._file_generation(), reopened._file_token()) is not None  # rewritten
    snap.write_bytes(snap.read_bytes()[:100])  # truncated
    assert _contents(EmbeddedStore(path)) == want


def test_a_snapshot_of_another_file_at_the_same_generation_is_not_trusted(tmp_path: Path, county: Bundle):
    nodes, edges = _small(county)
    a, b = EmbeddedStore(tmp_path / "a.sqlite"), EmbeddedStore(tmp_path / "b.sqlite")
    a.upsert(nodes, edges)
    b.upsert(nodes[:400], [e for e in edges if e.src in {n.id for n in nodes[:400]}
                           and e.dst in {n.id for n in nodes[:400]}])
    assert a._file_generation() == b._file_generation()
    a.close()
    b.close()
    snapshot.path_for(tmp_path / "b.sqlite").write_bytes(snapshot.path_for(tmp_path / "a.sqlite").read_bytes())
    reopened = EmbeddedStore(tmp_path / "b.sqlite")
    assert reopened.graph.number_of_nodes() == 400
    assert sum(1 for _, k in reopened.graph.nodes(data="_kind") if k == NodeKind.UNIT.value) \
        == sum(1 for n in nodes[:400] if n.kind is NodeKind.UNIT)


def test_the_rebuilt_graph_shares_its_strings_and_a_replaced_graph_is_freed(tmp_path: Path, county: Bundle):
    import gc
    import sys
    import weakref

    path = tmp_path / "g.sqlite"
    store = EmbeddedStore(path)
    store.upsert(*_small(county))
    store.close()
    reader = EmbeddedStore(path)
    rebuilt = sqlite_file.read_graph(reader._db)
    ids = {n: n for n in rebuilt}
    assert all(s is ids[s] and d is ids[d] for s, d in rebuilt.edges())  # marshal then writes each id once
    del rebuilt
    held = reader.graph  # from the snapshot: its dicts are frozen out of the collector
    assert reader._snapshot_generation == reader._generation
    gone, attrs = weakref.ref(held), next(iter(held.nodes.values()))
    held.edges  # noqa: B018  a view of the graph: graph and view now form a cycle, as in use
    del held
    other = EmbeddedStore(path)
    other.replace_all(*_small(county, 300))  # logs nothing: the reader reads again, from the snapshot left here
    other.graph  # noqa: B018
    other.close()
    assert reader.graph.number_of_nodes() == 300 and reader._snapshot_generation == reader._generation
    gc.collect()
    assert gone() is None and sys.getrefcount(attrs) == 2  # the old graph, frozen dicts too, is not kept
    reader.close()
