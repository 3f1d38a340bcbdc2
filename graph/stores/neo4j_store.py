"""The Neo4j 5 store, over Bolt with the official driver.

Writes are checked whole, then written as bounded ``UNWIND $rows`` chunks:
in one managed transaction when small, in journaled chunks when large (see
:mod:`graph.stores.neo4j_load`); either way a rejected or failed write leaves
the graph as it was. Labels and relationship types
are placed into Cypher text only from the model's enums; every value travels
as a parameter.

Addressed ``neo4j://`` or ``neo4j+s://`` (a cluster, Aura) the driver routes: every write runs in a session
opened for WRITE (managed ``execute_write`` transactions, and the few auto-commit statements such as
``CALL { … } IN TRANSACTIONS``) and so reaches the leader; every read runs in ``execute_read`` in a READ
session and may be served by a follower. All sessions of one store share a bookmark manager, so a read
issued after a write returns waits until the server answering it has that write: a load is seen by the
next read of the same process. Another process (an API worker after ``xuncha load``) learns of the write
through the graph's generation, which it reads like any other value.
"""

from __future__ import annotations

import pathlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from neo4j import READ_ACCESS, WRITE_ACCESS, Driver, GraphDatabase, ManagedTransaction, Query, unit_of_work
from neo4j.exceptions import AuthError, ClientError, Neo4jError, ServiceUnavailable

import cypher
from graph.console import ConsoleAnswer, ConsoleLimits, judge_plan
from graph.model import EdgeRecord, EdgeType, NodeKind, NodeRecord
from graph.model.ids import kind_of_id
from graph.settings import Settings
from graph.stores import base, neo4j_bulk, neo4j_delete, neo4j_merge
from graph.stores.base import Counts, Direction, Neighbour, StoreError, StoreUnavailable
from graph.stores.neo4j_journal import BUMP, recover
from graph.stores.neo4j_journal import SCHEMA as JOURNAL_SCHEMA
from graph.stores.neo4j_load import BulkWriter
from graph.stores.neo4j_records import edge_record, node_record, plain


def _statements(text: str, **fill: str) -> list[str]:
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    for key, value in fill.items():
        body = body.replace("{" + key + "}", value)
    return [s.strip() for s in body.split(";") if s.strip()]


_R = TypeVar("_R")


class Neo4jStore:
    name = "neo4j"

    def __init__(self, driver: Driver, *, uri: str, database: str = "neo4j", batch_size: int = 5000,
                 single_tx_records: int = 30_000, stale_after_s: float = 120.0) -> None:
        self._driver = driver
        self.uri = uri
        self.database = database
        self.batch_size = batch_size
        self.single_tx_records = single_tx_records
        self.stale_after_s = stale_after_s
        self.workers = 2  # sessions writing the chunks of a large load side by side
        # Causal consistency across this store's sessions: a read follows every write it was issued after.
        self._bookmarks = GraphDatabase.bookmark_manager()
        self._readers = ThreadPoolExecutor(max_workers=4, thread_name_prefix="neo4j-read")  # see run_queries
        self.results_dir: pathlib.Path | None = None  # whole-graph results kept for other processes (from_settings)
        self._ensure_schema()
        self.recover()

    @classmethod
    def from_settings(cls, settings: Settings) -> Neo4jStore:
        uri = settings.neo4j_uri
        try:
            driver = GraphDatabase.driver(uri, auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
                                          connection_timeout=10,
                                          max_transaction_retry_time=5,  # a lost server answers 503 in seconds
                                          # the server's query warnings (null in max(), absent optional keys)
                                          # are about our own named queries, not the user's data: not logged
                                          notifications_min_severity="OFF")
            driver.verify_connectivity()
        except AuthError as exc:
            raise StoreUnavailable(f"Neo4j（{uri}）拒绝了用户名或密码，请检查 NEO4J_USER / NEO4J_PASSWORD。") from exc
        except (ServiceUnavailable, OSError, ValueError) as exc:
            raise StoreUnavailable(
                f"连接不上 Neo4j（{uri}）。请确认服务器已启动（开发环境可运行 make neo4j），"
                f"或把 XUNCHA_STORE 设为 embedded 使用本地存储。") from exc
        store = cls(driver, uri=uri, database=settings.neo4j_database, batch_size=settings.neo4j_batch_size)
        store.results_dir = settings.data_dir / f"neo4j-{settings.neo4j_database}.results"
        return store

    # -- plumbing ------------------------------------------------------------------
    def _ensure_schema(self) -> None:
        # The templates repeat their label-free lines for every kind; dict.fromkeys keeps each once, in order.
        constraints, indexes = cypher.read("schema/constraints.cypher"), cypher.read("schema/indexes.cypher")
        statements = list(dict.fromkeys(
            [s for k in NodeKind for s in _statements(constraints, label=k.value, label_lower=k.value.lower())]
            + [s for t in EdgeType for s in _statements(indexes, type=t.value, type_lower=t.value.lower())]
            + JOURNAL_SCHEMA))
        with self._session() as session:
            for statement in statements:
                session.run(Query(statement)).consume()  # type: ignore[arg-type]
            session.run("CALL db.awaitIndexes(300)").consume()

    def finish_bulk_import(self, empty_lists: pathlib.Path) -> int:
        """After ``neo4j-admin database import`` (:mod:`graph.stores.neo4j_bulk`): set the empty lists the importer
        cannot write; the schema was made when this store opened. Returns how many were set."""
        with self._session() as session:
            done = neo4j_bulk.finish(session, empty_lists)
            session.run(BUMP).consume()  # the imported graph is a new version: nothing kept before it is served
            return done

    def _session(self, read: bool = False):  # noqa: ANN202
        try:
            return self._driver.session(database=self.database, bookmark_manager=self._bookmarks,
                                        default_access_mode=READ_ACCESS if read else WRITE_ACCESS)
        except ServiceUnavailable as exc:
            raise StoreUnavailable(f"Neo4j（{self.uri}）暂时不可用，请稍后重试。") from exc

    def _read(self, query: str, **params: Any) -> list[Any]:
        try:
            with self._session(read=True) as session:
                return session.execute_read(lambda tx: list(tx.run(query, params)))  # type: ignore[arg-type]
        except ServiceUnavailable as exc:
            raise StoreUnavailable(f"Neo4j（{self.uri}）暂时不可用，请稍后重试。") from exc

    # -- writes ----------------------------------------------------------------------
    def upsert(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> None:
        self._write(nodes, edges, drop_type=None)

    def replace_all(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> None:
        """Swap the whole graph for these records: afterwards the graph is exactly the old one or the new one.

        Up to ``single_tx_records`` records this is one transaction (readers too see old or new); above it the
        swap runs in bounded, journaled chunks (:mod:`graph.stores.neo4j_load`): deleting what the new graph
        drops and updating the rest in place, undone as a whole if it does not finish.
        """
        self._write(nodes, edges, drop_type=None, clear=True)

    def _write(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord], *, drop_type: EdgeType | None,
               clear: bool = False, before: Callable[[ManagedTransaction], None] | None = None,
               at_generation: int | None = None) -> None:
        """Check the whole write, then write it: one transaction if small, journaled chunks if large; always one
        transaction with a first step ``before`` (a merge undone: a handful of records); with ``at_generation``, only
        on the graph it was computed from."""
        writer = BulkWriter(self._session, batch_size=self.batch_size, workers=self.workers,
                            single_tx_records=self.single_tx_records if before is None else 10**9)
        try:
            writer.write(nodes, edges, drop_type=drop_type, clear=clear, before=before, at_generation=at_generation)
        except ServiceUnavailable as exc:
            raise StoreUnavailable(f"Neo4j（{self.uri}）暂时不可用，写入未完成，图谱保持原样。") from exc
        except ClientError as exc:
            raise StoreError(f"Neo4j 拒绝了写入（{exc.code}）：{exc.message}；整批写入已取消。") from exc

    def upsert_replacing(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord], edge_type: EdgeType | None,
                         computed: Iterable[EdgeRecord], *, removing: base.Removing | None = None,
                         at_generation: int | None = None) -> None:
        """See :meth:`GraphStore.upsert_replacing`: with ``removing``, always one transaction (its first step)."""
        nodes, edges = list(nodes), [*edges, *(e for e in computed if e.type is edge_type)]
        base.check_removing(nodes, edges, removing)

        def remove(tx: ManagedTransaction) -> None:
            assert removing is not None
            neo4j_delete.delete(tx, removing.nodes, removing.may_cut)
            neo4j_merge.drop(tx, removing.dropping)

        self._write(nodes, edges, drop_type=edge_type, before=remove if removing else None, at_generation=at_generation)

    def replace_edges(self, edge_type: EdgeType, edges: Iterable[EdgeRecord]) -> None:
        """Swap every edge of one computed type (e.g. ``REPEATS``) for ``edges``, in one transaction."""
        self._write([], [e for e in edges if e.type is edge_type], drop_type=edge_type)

    def recover(self, *, stale_after_s: float | None = None) -> int:
        """Undo large loads whose writer died (silent for ``stale_after_s``); returns how many were undone."""
        with self._session() as session:
            return recover(session, stale_after_s=self.stale_after_s if stale_after_s is None else stale_after_s)

    def run_read_only(self, text: str, params: dict[str, Any], *, limit: int,
                      limits: ConsoleLimits | None = None) -> ConsoleAnswer:
        """Run console text in one read transaction with a timeout, if Neo4j's plan of it only reads.

        ``EXPLAIN`` first: :func:`graph.console.judge_plan` refuses (``ConsoleRefused``) any plan not made of
        read operators. Then the rows stream in and stop at ``limit`` rows or the byte limit, whichever
        comes first; a single record larger than the byte limit is dropped, never returned.
        """
        limits = limits or ConsoleLimits()
        bounds = limits.model_copy(update={"max_rows": min(limit, limits.max_rows)})

        @unit_of_work(timeout=limits.timeout_s)
        def work(tx: ManagedTransaction) -> ConsoleAnswer:
            summary = tx.run("EXPLAIN " + text, params).consume()  # type: ignore[arg-type]
            people = judge_plan(summary.plan or {}, summary.query_type, self.database)
            result = tx.run(text, params)  # type: ignore[arg-type]
            answer = ConsoleAnswer(columns=list(result.keys()), names_people=people)
            for record in result:
                if not answer.add(record.values(), bounds, convert=plain):
                    break
            return answer

        try:
            with self._session(read=True) as session:
                return session.execute_read(work)
        except ServiceUnavailable as exc:
            raise StoreUnavailable(f"Neo4j（{self.uri}）暂时不可用，请稍后重试。") from exc
        except ClientError as exc:
            if exc.code and exc.code.endswith(("TransactionTimedOut", "TransactionTimedOutClientConfiguration")):
                raise StoreError(f"查询超过 {limits.timeout_s:g} 秒仍未完成，已被终止；请缩小查询范围。") from exc
            raise StoreError(f"Neo4j 拒绝了查询（{exc.code}）：{exc.message}") from exc

    def delete_edges_of_type(self, edge_type: str) -> int:
        t = EdgeType(edge_type)

        def work(tx: ManagedTransaction) -> int:
            record = tx.run(f"MATCH ()-[r:{t.value}]->() DELETE r RETURN count(*) AS n").single()
            tx.run(BUMP).consume()
            return int(record["n"]) if record else 0

        with self._session() as session:
            return session.execute_write(work)

    def delete_nodes(self, node_ids: Iterable[str], *, may_cut: base.Cuttable) -> tuple[int, int]:
        """Delete these nodes and their edges in one transaction, unless an edge ``may_cut`` does not allow ties
        one to a node that stays (:class:`~graph.stores.base.NodeInUse`, nothing deleted, the transaction rolled
        back); see :mod:`graph.stores.neo4j_delete` for how a tie written meanwhile is seen (so it was in
        practice, H54's probe) or makes the server refuse, and the deletion run again."""
        ids = sorted(set(node_ids))

        def work(tx: ManagedTransaction) -> tuple[int, int]:
            done = neo4j_delete.delete(tx, ids, may_cut)
            if done[0]:
                tx.run(BUMP).consume()
            return done

        return self._retried(work, "未删除")

    def merge_node(self, node_id: str, into: str, renamed: Callable[[EdgeRecord], str]) -> base.Merged:
        """See :meth:`GraphStore.merge_node` and :mod:`graph.stores.neo4j_merge` (how a tie written meanwhile is
        moved or stops the merge)."""
        def work(tx: ManagedTransaction) -> base.Merged:
            done = neo4j_merge.merge(tx, node_id, into, renamed)
            tx.run(BUMP).consume()
            return done

        return self._retried(work, "未合并")

    def upsert_dropping(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord],
                        dropping: Iterable[EdgeRecord]) -> None:
        """One transaction: the edges dropped, then the records written as ``upsert`` writes them."""
        self.upsert_replacing(nodes, edges, None, (), removing=base.dropping_only(dropping))

    def _retried(self, work: Callable[[ManagedTransaction], _R], undone: str) -> _R:
        """A write transaction that reads what it deletes, run again (up to three times) when the server refuses
        the deletion because an edge came between its reading and its ``DELETE``."""
        for attempt in range(3):
            try:
                with self._session() as session:
                    return session.execute_write(work)
            except ServiceUnavailable as exc:
                raise StoreUnavailable(f"Neo4j（{self.uri}）暂时不可用，{undone}任何内容。") from exc
            except ClientError as exc:
                if attempt == 2 or "ConstraintValidationFailed" not in (exc.code or ""):
                    raise StoreError(f"Neo4j 拒绝了写入（{exc.code}）：{exc.message}；{undone}任何内容。") from exc
        raise AssertionError("unreachable")

    def clear(self) -> None:
        """Relationships first, in bounded transactions: detaching a Document behind a province's hundreds of
        thousands of ``SOURCED_FROM`` inside a node batch overran the server's transaction memory (scale 100)."""
        with self._session() as session:
            session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
            session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
            session.run(BUMP).consume()

    def generation(self) -> int:
        """The write generation: bumped by every write, so a result computed at one generation can be reused."""
        rows = self._read("MATCH (v:GraphVersion {key: 'graph'}) RETURN v.generation AS g")
        return int(rows[0]["g"]) if rows else 0

    def version(self) -> str | None:
        """The generation and the token its write drew: names exactly one graph, even after the database is emptied
        (a database versioned before tokens has its generation alone until its next write). None for a database no
        write of this service has versioned (just imported, not yet finished): nothing is kept for it."""
        rows = self._read("MATCH (v:GraphVersion {key: 'graph'}) RETURN v.generation AS g, v.token AS t")
        return f"{rows[0]['g']}.{rows[0]['t'] or ''}" if rows else None

    # -- reads ---------------------------------------------------------------------
    def get_node(self, node_id: str) -> NodeRecord | None:
        kind = kind_of_id(node_id)
        if kind is None:
            return None
        rows = self._read(f"MATCH (n:{NodeKind(kind).value} {{id: $id}}) RETURN n", id=node_id)
        return node_record(rows[0]["n"]) if rows else None

    def neighbours(self, node_id: str, *, direction: Direction = "both", limit: int = 100) -> list[Neighbour]:
        pattern = {"out": "(n)-[r]->(m)", "in": "(n)<-[r]-(m)", "both": "(n)-[r]-(m)"}[direction]
        rows = self._read(
            f"MATCH (n:Entity {{id: $id}}) MATCH {pattern} "
            "RETURN r, m, startNode(r) AS a, endNode(r) AS b, startNode(r) = n AS outgoing "
            "ORDER BY type(r), m.id, r.id LIMIT $limit",
            id=node_id, limit=limit)
        return [Neighbour(edge=edge_record(row["r"], row["a"], row["b"]), node=node_record(row["m"]),
                          outgoing=row["outgoing"])
                for row in rows]

    def run_query(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        from graph.queries import registry

        query = registry.get(name)
        bound = query.bind(params).model_dump(mode="json")
        try:
            rows = self._read(query.cypher, **bound)
        except Neo4jError as exc:
            raise StoreError(f"查询 {name} 在 Neo4j 上执行失败：{exc.message}") from exc
        return query.shape([row.data() for row in rows])

    def run_queries(self, calls: list[tuple[str, dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        """Independent named queries at once, each in its own read transaction on its own pooled connection: a
        review waits for the slowest of them instead of the sum of their network round trips."""
        if len(calls) < 2:
            return [self.run_query(name, params) for name, params in calls]
        return list(self._readers.map(lambda call: self.run_query(*call), calls))

    def counts(self) -> Counts:
        nodes: dict[str, int] = {}
        for kind in NodeKind:
            n = self._read(f"MATCH (n:{kind.value}) RETURN count(n) AS n")[0]["n"]
            if n:
                nodes[kind.value] = n
        edges: dict[str, int] = {}
        for edge_type in EdgeType:
            n = self._read(f"MATCH ()-[r:{edge_type.value}]->() RETURN count(r) AS n")[0]["n"]
            if n:
                edges[edge_type.value] = n
        return Counts(nodes=dict(sorted(nodes.items())), edges=dict(sorted(edges.items())))

    def iter_nodes(self) -> Iterator[NodeRecord]:
        after = ""
        while True:
            rows = self._read("MATCH (n:Entity) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT 5000", after=after)
            if not rows:
                return
            for row in rows:
                yield node_record(row["n"])
            after = rows[-1]["n"]["id"]

    def iter_edges(self) -> Iterator[EdgeRecord]:
        for edge_type in EdgeType:
            after = ""
            while True:
                rows = self._read(f"MATCH (a)-[r:{edge_type.value}]->(b) WHERE r.id > $after "
                                  "RETURN r, a, b ORDER BY r.id LIMIT 5000", after=after)
                if not rows:
                    break
                for row in rows:
                    yield edge_record(row["r"], row["a"], row["b"])
                after = rows[-1]["r"]["id"]

    def close(self) -> None:
        self._readers.shutdown(wait=True)
        self._driver.close()
