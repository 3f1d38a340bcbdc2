"""The embedded default store: networkx in memory, SQLite on disk.

A new user needs no server. SQLite is the durable record: each ``upsert`` is
one SQLite transaction, so a process killed at any moment leaves every write
either fully applied or absent. The in-memory ``MultiDiGraph`` is a cache of
the file, kept in step after each commit; a generation counter in the file
tells a reader that another process wrote, so it reloads.

Opening is lazy and quick: the graph is read on first use, from a checked
snapshot beside the file when it is of the file's generation (see
:mod:`graph.stores.snapshot`), otherwise from SQLite (then snapshotted).

Threads share a readers–writer lock (:mod:`graph.stores.rwlock`): reads run
side by side, so a short lookup does not queue behind a long analysis; a
write, or a reload after another process wrote, holds the graph alone.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx

from graph.model import EdgeRecord, EdgeType, NodeRecord
from graph.stores import base, changelog, snapshot, sqlite_file
from graph.stores import embedded_plan as plan_rows
from graph.stores.base import Counts, Direction, Neighbour, StoreError, StoreUnavailable
from graph.stores.changelog import EdgeRows, NodeRows
from graph.stores.rwlock import RWLock
from graph.stores.sqlite_file import KIND, TYPE

__all__ = ["KIND", "TYPE", "EmbeddedStore"]  # the queries' networkx twins read a node's kind and an edge's type by these
Gone = tuple[list[str], list[str]]  # node ids and edge ids a write deletes
Plan = tuple[NodeRows, EdgeRows, Gone]
NOTHING_GONE: Gone = ([], [])
REPLANS = 20  # plans made again because another process wrote meanwhile, before the write gives up


class _Moved(Exception):
    """The file moved on between a write's plan and its commit: plan again."""


class EmbeddedStore:
    """networkx + SQLite store; safe for threads of one process: many readers at once, one writer alone."""

    name = "embedded"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                       timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(sqlite_file.SCHEMA)
        except sqlite3.Error as exc:
            raise StoreUnavailable(f"无法打开本地图数据文件 {self.path}：{exc}") from exc
        self._rw = RWLock()
        self._lock = self._rw.reader  # ``with store._lock:`` reads the graph held still (the concurrency tests do)
        self._db_lock = threading.Lock()  # readers share one connection for the generation check
        self._graph: nx.MultiDiGraph | None = None
        self._generation, self._token = self._file_generation(), self._file_token()  # the version held in memory
        self._snapshot_generation = -1
        self.snapshot_path = snapshot.path_for(self.path)
        self.results_dir = self.path.with_name(self.path.name + ".results")  # graph.analysis.cache

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The in-memory graph as of the file's last write, read on first use (snapshot if current, else SQLite)."""
        with self._loaded() as g:
            return g

    def generation(self) -> int:
        """The file's write generation (bumped by every write, in any process)."""
        with self._reading(load=False):
            return self._generation

    def version(self) -> str:
        """The file's generation and the token its last write drew: names exactly one graph, across processes."""
        with self._reading(load=False):
            return f"{self._generation}.{self._token}"

    @contextmanager
    def _reading(self, *, load: bool = True) -> Iterator[nx.MultiDiGraph | None]:
        """The graph as of the file's last write, held for reading: other readers go on, a writer waits.

        Inside this thread's own read or write it is that one's graph, unchanged (a read sees one version)."""
        if self._rw.reading():
            with self._rw.read():
                if load and self._graph is None:
                    with self._rw.write():  # the writing thread reloads; a mere reader may not (raises)
                        self._reload()
                yield self._graph
            return
        while True:
            with self._rw.read():
                if (self._graph is not None or not load) and self._current():
                    yield self._graph
                    return
            with self._rw.write():  # stale or not read yet: alone, once, then read again
                self._sync()
                if load and self._graph is None:
                    self._reload()

    @contextmanager
    def _loaded(self) -> Iterator[nx.MultiDiGraph]:
        """``_reading()`` with the graph read in, so never None (it reloads before it yields)."""
        with self._reading() as g:
            if g is None:
                raise StoreError("本地图数据未能读入内存")
            yield g

    def _current(self) -> bool:
        with self._db_lock:
            return self._file_generation() == self._generation

    # -- keeping memory in step with the file ---------------------------------
    def _file_generation(self) -> int:
        return sqlite_file.generation(self._db)

    def _file_token(self) -> str:
        return sqlite_file.token(self._db)

    def _reload(self) -> None:
        """Read the graph again (write lock held)."""
        self._graph = None  # the old one is freed before the new one is built, not beside it
        self._db.execute("BEGIN")  # generation, token and tables read at one moment
        try:
            generation, token = self._file_generation(), self._file_token()
            graph = snapshot.read(self.snapshot_path, generation, token)
            fresh = graph is None
            if fresh:
                graph = sqlite_file.read_graph(self._db)
        finally:
            self._db.execute("COMMIT")
        self._graph, self._generation, self._token = graph, generation, token
        if fresh:
            self._write_snapshot(token)
        else:
            self._snapshot_generation = generation

    def _write_snapshot(self, token: str | None = None) -> None:
        if self._graph is None or not self._graph.number_of_nodes():
            return
        snapshot.write(self.snapshot_path, self._graph, self._generation, token or self._file_token())
        self._snapshot_generation = self._generation

    def sync(self) -> None:
        """Reload if another process has written since we last looked (on next use)."""
        with self._reading(load=False):
            pass

    def _sync(self) -> None:
        """Catch up with another process's writes (write lock held): apply them if logged, else read again."""
        generation = self._file_generation()
        if generation == self._generation:
            return
        caught = None if self._graph is None else changelog.since(self._db, self._generation, self._token, generation)
        if caught is None:
            self._graph, self._generation, self._token = None, generation, self._file_token()  # read on next use
            return
        for node_rows, edge_rows, drop_type in caught[0]:
            self._apply(node_rows, edge_rows, drop_type)
        self._generation, self._token = generation, caught[1]

    # -- writes ----------------------------------------------------------------
    def upsert(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> None:
        self.upsert_replacing(nodes, edges, None, ())

    def replace_edges(self, edge_type: EdgeType, edges: Iterable[EdgeRecord]) -> None:
        """Swap every edge of one computed type (e.g. ``REPEATS``) for ``edges``, in one transaction."""
        self.upsert_replacing((), (), edge_type, edges)

    def upsert_replacing(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord], edge_type: EdgeType | None,
                         computed: Iterable[EdgeRecord], *, removing: base.Removing | None = None,
                         at_generation: int | None = None) -> None:
        """See :meth:`GraphStore.upsert_replacing`: planned against the file's latest graph, what goes with it."""
        nodes, edges, computed = list(nodes), list(edges), [e for e in computed if e.type is edge_type]
        base.check_removing(nodes, [*edges, *computed], removing)

        def plan(g: nx.MultiDiGraph) -> Plan:
            if at_generation is not None and self._generation != at_generation:  # synced just before: the file's
                raise base.Outdated
            gone = plan_rows.removed(g, removing) if removing is not None else NOTHING_GONE
            node_rows = plan_rows.merge_nodes(g, nodes)
            edge_rows = plan_rows.merge_edges(g, edges, node_rows)
            edge_rows.update(plan_rows.merge_edges(g, computed, node_rows))
            return node_rows, edge_rows, gone

        with self._rw.write():
            self._planned(plan, drop_type=edge_type.value if edge_type else None)

    def _planned(self, plan: Callable[[nx.MultiDiGraph], Plan], drop_type: str | None = None) -> tuple[Plan, int]:
        """Plan a write against the graph as of the file's last write and commit it — unless another process wrote
        in between (the plan merged with, and was checked against, a graph no longer the file's): then plan again.
        Write lock held."""
        for _ in range(REPLANS):
            self._sync()
            planned = plan(self.graph)
            if planned[2] is not NOTHING_GONE and not (planned[0] or planned[1] or planned[2][0] or planned[2][1]):
                return planned, 0  # a deletion of nothing held writes nothing
            try:
                return planned, self._commit(planned[0], planned[1], gone=planned[2], drop_type=drop_type,
                                             planned_at=self._generation)
            except _Moved:
                continue
        raise StoreError("本地图数据文件正被其他进程接连写入，本次写入未完成，图谱未改变；请稍后重试")

    def replace_all(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> None:
        """Swap the whole graph for these records in one transaction: a reader (in this process or another)
        sees the old graph or the new one, never an empty or half-written one, whenever the writer dies."""
        with self._rw.write():
            empty = nx.MultiDiGraph()  # merge against nothing: the old graph is going
            node_rows = plan_rows.merge_nodes(empty, nodes)
            self._commit(node_rows, plan_rows.merge_edges(empty, edges, node_rows), clear=True)

    def backup_to(self, path: Path) -> None:
        """A consistent copy of the file through SQLite's online backup (readers and writers may go on)."""
        source, target = sqlite3.connect(self.path), sqlite3.connect(path)
        try:  # a connection of its own, copied in one step under one read transaction: no lock needed here
            source.backup(target)
        finally:
            target.close()
            source.close()

    def _commit(self, node_rows: NodeRows, edge_rows: EdgeRows, *, drop_type: str | None = None,
                clear: bool = False, gone: Gone = NOTHING_GONE, planned_at: int | None = None) -> int:
        """One SQLite transaction, logged for other processes, then applied here; the count of edges dropped.

        Rows planned against the graph of generation ``planned_at`` are not written if the file has moved on since
        (:class:`_Moved`). A deletion (``gone``: node ids, edge ids) is not logged: it leaves a gap, so another
        process reads the file again rather than keep what was deleted."""
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            if planned_at is not None and self._file_generation() != planned_at:
                db.execute("ROLLBACK")
                raise _Moved
            dropped = sqlite_file.write(db, node_rows, edge_rows, drop_type=drop_type, clear=clear, gone=gone)
            before = self._file_token()
            for bump in sqlite_file.BUMP:
                db.execute(bump)
            generation, token = self._file_generation(), self._file_token()
            if not clear and not gone[0] and not gone[1]:
                changelog.record(db, generation, (before, token), node_rows, edge_rows, drop_type)
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise StoreError(f"写入本地图数据文件失败，已回滚：{exc}") from exc
        if clear or generation != self._generation + 1 or self._graph is None:
            self._graph, self._generation, self._token = None, generation, token  # a new graph, or another writer: reread
            return dropped
        self._forget(self._graph, gone)
        self._apply(node_rows, edge_rows, drop_type)
        self._generation, self._token = generation, token
        return dropped

    @staticmethod
    def _forget(g: nx.MultiDiGraph, gone: Gone) -> None:
        """A committed deletion, applied to the graph in memory: the nodes with their edges, then any edge listed
        that was not at one of them (looked for only then: a merge undone drops a few edges of a kept node)."""
        at_nodes = {k for n in gone[0] if n in g for *_, k in [*g.out_edges(n, keys=True), *g.in_edges(n, keys=True)]}
        loose = set(gone[1]) - at_nodes
        g.remove_nodes_from(gone[0])
        if loose:
            g.remove_edges_from([(s, d, k) for s, d, k in g.edges(keys=True) if k in loose])

    def _apply(self, node_rows: NodeRows, edge_rows: EdgeRows, drop_type: str | None) -> None:
        """One committed write, applied to the graph in memory (write lock held)."""
        g = self._graph
        if g is None:  # nothing held in memory: the next read loads the file, this write included
            return
        if drop_type:
            g.remove_edges_from([(s, d, k) for s, d, k, t in g.edges(keys=True, data=TYPE) if t == drop_type])
        for nid, (kind, props) in node_rows.items():
            if nid in g:
                g.nodes[nid].clear()
            g.add_node(nid, **{KIND: kind, **props})
        for eid, (t, s, d, p) in edge_rows.items():
            if g.has_edge(s, d, eid):
                g.remove_edge(s, d, eid)
            g.add_edge(s, d, eid, **{TYPE: t, **p})

    def delete_edges_of_type(self, edge_type: str) -> int:
        """Drop computed edges (e.g. ``REPEATS``) before recomputing them."""
        EdgeType(edge_type)
        with self._rw.write():
            return self._planned(lambda g: ({}, {}, NOTHING_GONE), drop_type=edge_type)[1]

    def delete_nodes(self, node_ids: Iterable[str], *, may_cut: base.Cuttable) -> tuple[int, int]:
        """Delete these nodes and their edges in one transaction, unless an edge ``may_cut`` does not allow ties
        one to a node that stays (:class:`~graph.stores.base.NodeInUse`, nothing deleted)."""
        node_ids = list(node_ids)
        with self._rw.write():
            gone = self._planned(lambda g: ({}, {}, plan_rows.doomed(g, node_ids, may_cut)))[0][2]
        return len(gone[0]), len(gone[1])

    def merge_node(self, node_id: str, into: str, renamed: Callable[[EdgeRecord], str]) -> base.Merged:
        """See :meth:`GraphStore.merge_node`: planned against the file's latest graph, planned again if another
        process wrote meanwhile, so its edges are read and moved in one step."""
        found: list[base.Merged] = []

        def plan(g: nx.MultiDiGraph) -> Plan:
            rows, gone, what = plan_rows.merged(g, node_id, into, renamed)
            found[:] = [what]
            return {}, rows, gone

        with self._rw.write():
            self._planned(plan)
        return found[0]

    def upsert_dropping(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord],
                        dropping: Iterable[EdgeRecord]) -> None:
        self.upsert_replacing(nodes, edges, None, (), removing=base.dropping_only(dropping))

    def clear(self) -> None:
        with self._rw.write():
            self._commit({}, {}, clear=True)

    # -- reads -----------------------------------------------------------------
    def get_node(self, node_id: str) -> NodeRecord | None:
        with self._loaded() as g:
            if node_id not in g:
                return None
            return plan_rows.node_of(node_id, g.nodes[node_id])

    def neighbours(self, node_id: str, *, direction: Direction = "both", limit: int = 100) -> list[Neighbour]:
        with self._loaded() as g:
            if node_id not in g:
                return []
            found: list[Neighbour] = []
            if direction in ("out", "both"):
                for s, d, k, a in g.out_edges(node_id, keys=True, data=True):
                    found.append(Neighbour(edge=plan_rows.edge_of(g, s, d, k, a),
                                           node=plan_rows.node_of(d, g.nodes[d]), outgoing=True))
            if direction in ("in", "both"):
                for s, d, k, a in g.in_edges(node_id, keys=True, data=True):
                    found.append(Neighbour(edge=plan_rows.edge_of(g, s, d, k, a),
                                           node=plan_rows.node_of(s, g.nodes[s]), outgoing=False))
            found.sort(key=lambda n: (n.edge.type.value, n.node.id, n.edge.id))
            return found[:limit]

    def run_query(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        from graph.queries import registry

        query = registry.get(name)
        with self._loaded() as g:
            return query.run_networkx(g, params)

    def counts(self) -> Counts:
        with self._reading(load=False) as g:
            if g is None:  # not read yet: SQLite counts without building the graph
                with self._db_lock:
                    nodes = dict(self._db.execute("SELECT kind, count(*) FROM nodes GROUP BY kind").fetchall())
                    edges = dict(self._db.execute("SELECT type, count(*) FROM edges GROUP BY type").fetchall())
                return Counts(nodes=dict(sorted(nodes.items())), edges=dict(sorted(edges.items())))
            nodes = {}
            edges = {}
            for _, kind in g.nodes(data=KIND):
                nodes[kind] = nodes.get(kind, 0) + 1
            for _, _, etype in g.edges(data=TYPE):
                edges[etype] = edges.get(etype, 0) + 1
            return Counts(nodes=dict(sorted(nodes.items())), edges=dict(sorted(edges.items())))

    def iter_nodes(self) -> Iterator[NodeRecord]:
        with self._loaded() as g:
            items = list(g.nodes(data=True))
        for nid, attrs in sorted(items, key=lambda x: x[0]):
            yield plan_rows.node_of(nid, attrs)

    def iter_edges(self) -> Iterator[EdgeRecord]:
        with self._loaded() as g:
            items = list(g.edges(keys=True, data=True))
        for s, d, k, a in sorted(items, key=lambda x: x[2]):
            yield plan_rows.edge_of(g, s, d, k, a)

    def close(self) -> None:
        """Leave a snapshot of what this process holds in memory (if newer than the last one), then close."""
        with self._rw.write():
            try:
                if self._graph is not None and self._generation == self._file_generation() \
                        and self._snapshot_generation != self._generation:
                    self._write_snapshot()
            except sqlite3.Error:
                pass  # the snapshot is only a cache
            self._db.close()
