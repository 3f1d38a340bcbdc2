"""Writing many records into Neo4j: bounded transactions, undone as a whole if the load does not finish.

A write is first checked whole (every edge's endpoints are in the write or already stored, with the right
kind) so a rejected input writes nothing at all. Then it is cut into chunks of ``batch_size`` rows, one
kind or relationship shape per chunk:

- records that do not exist yet are ``CREATE``d (no uniqueness probe per row; the constraints still hold),
  records that exist are updated with ``SET +=`` (or ``SET =`` for a replace); for relationships both are written
  with each property key in the text, from the edge type's model (:mod:`graph.stores.neo4j_edge_cypher`), so no
  plan holds an ``Eager``; a key outside the model refuses the write before anything is written;
- a relationship chunk is grouped by its end node (a ``SOURCED_FROM`` chunk mostly points at one Document),
  so the dense end is looked up once per group rather than once per row.

Small writes (``single_tx_records`` or fewer records) run all chunks in **one transaction**: readers see the
old graph or the new one. Larger writes run **transactions of at most ``tx_records`` rows** (by default one
chunk's worth: small shapes share one, so a county's fifty relationship shapes do not each pay a commit; larger
transactions cost the server more, measured) under a journal:

- ``(:LoadJournal {load, state, heartbeat})`` is created first; every chunk transaction also writes a
  ``(:LoadChunk)`` listing the ids it created (an edge only if both its ends were stored before: the undo deletes
  created nodes with their edges) and a ``(:LoadUndo)`` copy of every record it changed or
  deleted (properties, kind or type, endpoints), so the chunk and its undo commit together;
- when every chunk is in, one small transaction marks the journal ``done`` (the load's commit point),
  then the bookkeeping is removed;
- the heartbeat is written at most every ``beat_every_s`` seconds, not per transaction;
- if the load fails (server error, refused value, lost connection) the writer undoes what its chunks did
  before raising; if the writer is killed, the next store opened after the journal's heartbeat is older
  than ``stale_after_s`` undoes it (a ``done`` journal is only tidied away).

Into an empty graph (a first load; the count store answers at once) nothing is looked up: every record is new.

Server cost, measured at scales 1–10 (PROFILE and the server's CPU): a node pays one uniqueness check (on
``Entity``; each kind's id is a plain index); node chunks' plans hold no ``Eager``, so their maps stay. Edge
chunks lost their ``Eager`` (``SET r = row.props``) when keys went into the text; that saves little server time
(a 2,000-row chunk executes in ~25 ms of server CPU either way): most of a record's ~30–40 µs of server CPU is
spent committing it (records, index entries, the transaction log), sampled with jstack. The per-type ``id``
indexes on relationships cost no measurable server time and undo and upserts seek through them, so they stay.
For a first load of a province see :mod:`graph.stores.neo4j_bulk`.

Guarantee of a large write: once finished or undone, the graph is exactly the old one or exactly the new
one. Unlike a single transaction, a reader *during* a large write may see part of it.
"""

from __future__ import annotations

import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
from typing import Any

from neo4j import ManagedTransaction, Session

from graph.model import EdgeRecord, EdgeType, NodeKind, NodeRecord
from graph.stores.base import DanglingEdgeError, StoreError, check_edge_props
from graph.stores.neo4j_edge_cypher import edge_keys
from graph.stores.neo4j_journal import BUMP, Journal, Step, hold_version, run_step

NodeRows = dict[NodeKind, dict[str, dict[str, Any]]]
Shape = tuple[EdgeType, NodeKind, NodeKind]
EdgeRows = dict[Shape, dict[str, dict[str, Any]]]


def group(nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> tuple[NodeRows, EdgeRows]:
    """Nodes by kind and edges by (type, source kind, target kind); repeated ids merge their properties.

    An edge row is ``{id, src, dst, p}``, ``p`` its properties without the id: the shape the chunk texts of
    :mod:`graph.stores.neo4j_edge_cypher` read, so rows are sent as they are, not copied again per chunk."""
    by_kind: NodeRows = defaultdict(dict)
    for node in nodes:
        by_kind[node.kind].setdefault(node.id, {}).update(node.props)
    by_shape: EdgeRows = defaultdict(dict)
    for edge in edges:
        row = by_shape[(edge.type, edge.src_kind, edge.dst_kind)].setdefault(
            edge.id, {"id": edge.id, "src": edge.src, "dst": edge.dst, "p": {}})
        row["p"].update(edge.props)
    return by_kind, by_shape


def _count(session: Session, query: str) -> int:
    """What a ``RETURN count(…) AS n`` query answers: always exactly one row."""
    return session.execute_read(lambda tx: tx.run(query).single(strict=True)["n"])


def _ids(session: Session, query: str, **params: Any) -> list[str]:
    """The ``id`` column of a read."""
    return session.execute_read(lambda tx: [r["id"] for r in tx.run(query, **params)])


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class BulkWriter:
    """One write (upsert, replace of one edge type, or replace of everything) cut into bounded chunks."""

    def __init__(self, session_factory: Callable[[], Session], *, batch_size: int, single_tx_records: int,
                 workers: int = 2, tx_records: int | None = None, beat_every_s: float = 2.0) -> None:
        self._session = session_factory
        self.workers = workers
        self.batch_size = batch_size
        self.single_tx_records = single_tx_records
        # Measured at scale 10: transactions of 20,000 rows cost the server 61 s of CPU against 36 s for one
        # chunk (2,000 rows) per transaction, so by default only small chunks share a transaction.
        self.tx_records = max(tx_records or batch_size, batch_size)
        self.beat_every_s = beat_every_s

    # -- reads the write needs -----------------------------------------------------------
    def _existing_nodes(self, session: Session, kind: NodeKind, ids: list[str]) -> set[str]:
        found: set[str] = set()
        if not _count(session, f"MATCH (n:{kind.value}) RETURN count(n) AS n"):
            return found  # the count store answers at once: none of this kind, nothing to look up
        for chunk in _chunks(ids, 10_000):
            found.update(_ids(session, f"UNWIND $ids AS id MATCH (n:{kind.value} {{id: id}}) RETURN n.id AS id",
                              ids=chunk))
        return found

    def _existing_edges(self, session: Session, edge_type: EdgeType, ids: list[str]) -> set[str]:
        found: set[str] = set()
        if not _count(session, f"MATCH ()-[r:{edge_type.value}]->() RETURN count(r) AS n"):
            return found
        for chunk in _chunks(ids, 10_000):
            found.update(_ids(session, f"UNWIND $ids AS id MATCH ()-[r:{edge_type.value} {{id: id}}]->() "
                                       "RETURN r.id AS id", ids=chunk))
        return found

    @staticmethod
    def _graph_is_empty(session: Session) -> bool:
        """No entity stored (a first load): from the count store, without reading a record."""
        return not _count(session, "MATCH (n:Entity) RETURN count(n) AS n")

    def _check_endpoints(self, session: Session, by_kind: NodeRows, by_shape: EdgeRows, *, clear: bool) -> None:
        """Refuse the whole write, before anything is written, if an edge names a node that will not be there."""
        written = {nid: kind for kind, rows in by_kind.items() for nid in rows}
        wanted: dict[NodeKind, set[str]] = defaultdict(set)
        for (edge_type, src, dst), rows in by_shape.items():
            for row in rows.values():
                for end, kind in ((row["src"], src), (row["dst"], dst)):
                    if end in written:
                        if written[end] is not kind:
                            raise self._dangling(edge_type, src, dst, 1)
                    else:
                        wanted[kind].add(end)
        for kind, ids in wanted.items():
            missing = len(ids) if clear else len(ids - self._existing_nodes(session, kind, sorted(ids)))
            if missing:
                shape = next(s for s in by_shape if kind in (s[1], s[2]))
                raise self._dangling(*shape, missing)

    @staticmethod
    def _dangling(edge_type: EdgeType, src: NodeKind, dst: NodeKind, missing: int) -> DanglingEdgeError:
        return DanglingEdgeError(f"关系 {edge_type.value}（{edge_type.label_zh}）有 {missing} 条的端点不存在"
                                 f"（应为{src.label_zh}→{dst.label_zh}），整批写入已取消")

    # -- the write -------------------------------------------------------------------
    def write(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord], *, drop_type: EdgeType | None = None,
              clear: bool = False, before: Callable[[ManagedTransaction], None] | None = None,
              at_generation: int | None = None) -> None:
        """``before`` runs first in the write's transaction (a write of one transaction only); with
        ``at_generation`` the write begins only on the graph it was computed from (:func:`hold_version`: in its one
        transaction, or as a large load's journal begins)."""
        by_kind, by_shape = group(nodes, edges)
        check_edge_props((t, row["id"], row["p"]) for (t, _, _), rows in by_shape.items() for row in rows.values())
        total = sum(map(len, by_kind.values())) + sum(map(len, by_shape.values()))
        single = total <= self.single_tx_records
        if before is not None and not single:
            raise StoreError("带有前置步骤（删除、合并撤销）的写入须在一个事务内完成，整批写入已取消")
        with self._session() as session:
            empty = self._graph_is_empty(session)
            self._check_endpoints(session, by_kind, by_shape, clear=clear or empty)
            plan = self._plan(session, by_kind, by_shape, drop_type=drop_type, clear=clear, single=single,
                              empty=empty)
            if single:
                def write_all(tx: ManagedTransaction) -> None:
                    if at_generation is not None:
                        hold_version(tx, at_generation)
                    if before is not None:
                        before(tx)
                    for step in plan:
                        run_step(tx, step, None)
                    tx.run(BUMP).consume()

                session.execute_write(write_all)
                return
            journal = Journal(session, uuid.uuid4().hex)
            journal.begin(at_generation)
            try:
                for phase in ("drop_edges", "drop_nodes", "nodes", "edges"):
                    self._run_phase(_transactions([s for s in plan if _phase(s) == phase], self.tx_records), journal)
                journal.commit()
            except BaseException:
                journal.undo()
                raise
            journal.tidy()

    def _run_phase(self, transactions: list[list[Step]], journal: Journal) -> None:
        """Transactions of one phase do not depend on each other: ``workers`` sessions write them side by side."""
        def work(steps: list[Step]) -> None:
            def write_steps(tx: ManagedTransaction) -> None:
                for step in steps:
                    run_step(tx, step, journal.load)

            with self._session() as session:
                session.execute_write(write_steps)

        last_beat = time.monotonic()
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            futures = [pool.submit(work, steps) for steps in transactions]
            try:
                for future in as_completed(futures):
                    future.result()
                    if time.monotonic() - last_beat >= self.beat_every_s:
                        journal.beat()
                        last_beat = time.monotonic()
            except BaseException:
                for future in futures:
                    future.cancel()
                wait(futures)
                raise
        journal.beat()

    def _plan(self, session: Session, by_kind: NodeRows, by_shape: EdgeRows, *, drop_type: EdgeType | None,
              clear: bool, single: bool, empty: bool = False) -> list[Step]:
        """Every chunk of the write, in order: deletions first, then nodes, then edges.

        In one transaction a replace simply empties the graph first; in chunks it deletes (and journals)
        only what the new graph does not hold again, and updates the rest in place.
        """
        plan: list[Step] = []
        wipe = (clear and single) or empty  # nothing stored survives the write: no record needs looking up
        created: set[str] = set()  # nodes this write creates: undoing it deletes them with their edges
        if clear and single:
            plan.append(Step("clear_all", rows=[]))
        elif drop_type is not None and single:
            plan.append(Step("drop_type", edge_type=drop_type, rows=[]))
        elif (clear or drop_type is not None) and not empty:
            keep_edges = {eid for rows in by_shape.values() for eid in rows} if clear else set()
            for edge_type in ([drop_type] if drop_type is not None else list(EdgeType)):
                ids = _ids(session, f"MATCH ()-[r:{edge_type.value}]->() RETURN r.id AS id")
                gone = [i for i in ids if i not in keep_edges]
                plan += [Step("drop_edges", edge_type=edge_type, rows=c) for c in _chunks(gone, self.batch_size)]
            if clear:
                keep = {nid for rows in by_kind.values() for nid in rows}
                stored = session.execute_read(lambda tx: [r["id"] for r in tx.run(
                    "MATCH (n:Entity) RETURN n.id AS id")])
                gone = [i for i in stored if i not in keep]
                plan += [Step("drop_nodes", rows=c) for c in _chunks(gone, self.batch_size)]
        for kind, rows in by_kind.items():
            old = set() if wipe else self._existing_nodes(session, kind, list(rows))
            fresh = [{**p, "id": i} for i, p in rows.items() if i not in old]
            created.update(r["id"] for r in fresh)
            changed = [{"id": i, "props": {**p, "id": i}} for i, p in rows.items() if i in old]
            plan += [Step("create_nodes", kind=kind, rows=c) for c in _chunks(fresh, self.batch_size)]
            plan += [Step("update_nodes", kind=kind, rows=c, replace=clear) for c in _chunks(changed, self.batch_size)]
        for (edge_type, src, dst), rows in by_shape.items():
            dropped = wipe or (edge_type is drop_type)
            old = set() if dropped else self._existing_edges(session, edge_type, list(rows))
            fresh = [r for i, r in rows.items() if i not in old]
            plan += [Step("create_edges", edge_type=edge_type, src=src, dst=dst, rows=c,
                          listed=[r["id"] for g in c for r in g["rows"]
                                  if r["src"] not in created and g["dst"] not in created])
                     for c in _by_end(fresh, self.batch_size)]
            for keys, changed in _by_keys([r for i, r in rows.items() if i in old],
                                          edge_keys(edge_type) if clear else None).items():
                plan += [Step("update_edges", edge_type=edge_type, rows=c, keys=keys)
                         for c in _chunks(changed, self.batch_size)]
        return plan


def _by_end(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    """Chunks of at most ``size`` rows, each a list of groups ``{dst, rows: [{id, src, dst, p}]}`` sharing an end
    node, so a dense end (a Document behind thousands of ``SOURCED_FROM``) is looked up once per group."""
    ordered = sorted(rows, key=lambda r: r["dst"])
    for chunk in _chunks(ordered, size):
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in chunk:
            groups[row["dst"]].append(row)
        yield [{"dst": dst, "rows": members} for dst, members in groups.items()]


def _by_keys(rows: list[dict[str, Any]], every: tuple[str, ...] | None) -> dict[tuple[str, ...], list[dict[str, Any]]]:
    """Update rows ``{id, p}`` by the keys their text sets: ``every`` model key for a replace (what a row lacks is
    removed), else the keys each row holds (an upsert leaves the others alone; a row holding none changes nothing)."""
    out: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        keys = every if every is not None else tuple(sorted(row["p"]))
        if keys:
            out[keys].append({"id": row["id"], "p": row["p"]})
    return out


def _size(step: Step) -> int:
    return sum(len(g["rows"]) for g in step.rows) if step.action == "create_edges" else len(step.rows)


def _transactions(steps: list[Step], tx_records: int) -> list[list[Step]]:
    """Steps packed into transactions of at most ``tx_records`` rows (a step is never split), in plan order."""
    out: list[list[Step]] = []
    rows = tx_records
    for step in steps:
        size = _size(step)
        if rows + size > tx_records:
            out.append([])
            rows = 0
        out[-1].append(step)
        rows += size
    return out


def _phase(step: Step) -> str:
    if step.action in ("drop_edges", "drop_nodes"):
        return step.action
    return "nodes" if step.action.endswith("_nodes") else "edges"
