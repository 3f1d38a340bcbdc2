"""The journal of a large Neo4j write: each chunk commits with its own undo, and the load is undone as a whole.

See :mod:`graph.stores.neo4j_load` for when it is used and what it guarantees. Bookkeeping nodes carry
neither ``Entity`` nor a kind label, so no query, count or export ever sees them:

- ``(:LoadJournal {load, state: 'running'|'done', heartbeat})`` — one per load;
- ``(:LoadChunk {load, type, nodes: [ids], edges: [ids]})`` — what one chunk created. A created edge is listed
  only if both its ends were stored before the load: undoing deletes the nodes the load created together with
  their edges, so in a first load no edge id is written twice (measured: listing every edge id cost the server
  about a fifth of a load);
- ``(:LoadUndo {…old properties…, _load, _op, _kind|_type, _src, _dst})`` — what a chunk changed or deleted.

Labels and relationship types in the Cypher text come from the model's enums only.
"""

from __future__ import annotations

from typing import Any, TypeVar

from neo4j import ManagedTransaction, Session

from graph.model import EdgeType, NodeKind
from graph.stores.base import DanglingEdgeError, Outdated, StoreError
from graph.stores.neo4j_edge_cypher import create_edges, update_edges

SCHEMA = [
    "CREATE INDEX load_journal IF NOT EXISTS FOR (n:LoadJournal) ON (n.load)",
    "CREATE INDEX load_chunk IF NOT EXISTS FOR (n:LoadChunk) ON (n.load)",
    "CREATE INDEX load_undo IF NOT EXISTS FOR (n:LoadUndo) ON (n._load, n._op)",
    "CREATE CONSTRAINT graph_version IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.key IS UNIQUE",  # one version
]
# Every write bumps the generation and draws a token, so a database emptied and loaded again is a new version.
BUMP = "MERGE (v:GraphVersion {key: 'graph'}) SET v.generation = coalesce(v.generation, 0) + 1, v.token = randomUUID()"
# Taking the version's write lock first makes a check of the generation hold until the transaction commits.
_HOLD = "MERGE (v:GraphVersion {key: 'graph'}) SET v.held = true"
_HELD = ("MATCH (v:GraphVersion {key: 'graph'}) REMOVE v.held WITH coalesce(v.generation, 0) AS g "
         "OPTIONAL MATCH (j:LoadJournal {state: 'running'}) RETURN g, count(j) AS running")
BOOKKEEPING = ("_load", "_op", "_kind", "_type", "_src", "_dst")
_STRIP = ", ".join(f"x.{key}" for key in BOOKKEEPING)
_T = TypeVar("_T")


class Step:
    """One chunk of a write: what it does and its rows."""

    def __init__(self, action: str, *, rows: list[Any], kind: NodeKind | None = None,
                 edge_type: EdgeType | None = None, src: NodeKind | None = None, dst: NodeKind | None = None,
                 replace: bool = False, keys: tuple[str, ...] = (), listed: list[str] | None = None) -> None:
        self.action, self.rows, self.kind, self.edge_type = action, rows, kind, edge_type
        self.src, self.dst, self.replace = src, dst, replace
        self.keys = keys  # update_edges: the property keys its text sets
        self.listed = listed  # create_edges: the ids its journal entry lists (None: every row's)

    def edge(self) -> EdgeType:
        """The relationship type of an edge action (the plan always names one)."""
        return _named(self.edge_type, self.action)

    def node(self) -> NodeKind:
        """The kind of a node action (the plan always names one)."""
        return _named(self.kind, self.action)


def _named(value: _T | None, action: str) -> _T:
    if value is None:
        raise StoreError(f"载入日志中的步骤“{action}”缺少节点类别或关系类型，无法撤销；请联系管理员检查 Neo4j 中的载入日志")
    return value


def run_step(tx: ManagedTransaction, step: Step, load: str | None) -> None:
    """Do one chunk inside ``tx``; with a ``load`` id, also write what undoes it."""
    rows = step.rows
    undo = ("CREATE (u:LoadUndo) SET u = properties(x) SET u._load = $load, u._op = $op " if load else "")
    if step.action == "clear_all":
        tx.run("MATCH (n:Entity) DETACH DELETE n").consume()
    elif step.action == "drop_type":
        t = step.edge()
        tx.run(f"MATCH ()-[r:{t.value}]->() DELETE r").consume()
    elif step.action == "drop_edges":
        t = step.edge()
        tx.run(f"UNWIND $rows AS id MATCH (a)-[x:{t.value} {{id: id}}]->(b) "
               + (undo + f"SET u._type = '{t.value}', u._src = a.id, u._dst = b.id " if load else "")
               + "DELETE x", rows=rows, load=load, op="deleted_edge").consume()
    elif step.action == "drop_nodes":
        tx.run("UNWIND $rows AS id MATCH (x:Entity {id: id}) "
               + (undo + "SET u._kind = [l IN labels(x) WHERE l <> 'Entity'][0] " if load else "")
               + "DELETE x", rows=rows, load=load, op="deleted_node").consume()
    elif step.action == "create_nodes":
        k = step.node()
        tx.run(f"UNWIND $rows AS row CREATE (n:Entity:{k.value}) SET n = row", rows=rows).consume()
        if load:
            tx.run("CREATE (:LoadChunk {load: $load, nodes: $ids})", load=load, ids=[r["id"] for r in rows]).consume()
    elif step.action == "update_nodes":
        k = step.node()
        tx.run(f"UNWIND $rows AS row MATCH (x:{k.value} {{id: row.id}}) " + undo
               + ("SET x = row.props" if step.replace else "SET x += row.props"),
               rows=rows, load=load, op="updated_node").consume()
    elif step.action == "create_edges":
        t = step.edge()
        made = tx.run(create_edges(t, _named(step.src, step.action), _named(step.dst, step.action)),
                      rows=rows).consume().counters.relationships_created
        wanted = sum(len(g["rows"]) for g in rows)
        if made != wanted:  # an end was there when the write was checked and is gone now (deleted meanwhile)
            raise DanglingEdgeError(f"关系 {t.value}（{t.label_zh}）有 {wanted - made} 条的端点已被另一写入删除，"
                                    "整批写入已取消")
        listed = [r["id"] for g in rows for r in g["rows"]] if step.listed is None else step.listed
        if load and listed:
            tx.run("CREATE (:LoadChunk {load: $load, type: $type, edges: $ids})", load=load, type=t.value,
                   ids=listed).consume()
    elif step.action == "update_edges":
        t = step.edge()
        if load:  # its own statement: copying and setting in one would put an Eager back into the update
            tx.run(f"UNWIND $rows AS row MATCH ()-[x:{t.value} {{id: row.id}}]->() " + undo
                   + f"SET u._type = '{t.value}'", rows=rows, load=load, op="updated_edge").consume()
        tx.run(update_edges(t, step.keys), rows=rows).consume()
    else:  # pragma: no cover - the plan names only the actions above
        raise StoreError(f"载入日志中有无法识别的步骤“{step.action}”，无法撤销")


class Journal:
    """Begin, run chunks, commit; or undo everything the chunks did."""

    def __init__(self, session: Session, load: str) -> None:
        self.session, self.load = session, load

    def begin(self, at_generation: int | None = None) -> None:
        """Mark the load running; with ``at_generation``, only on the graph it was computed from (else
        :class:`Outdated`, nothing begun)."""
        def work(tx: ManagedTransaction) -> None:
            if at_generation is not None:
                hold_version(tx, at_generation)
            tx.run("CREATE (:LoadJournal {load: $load, state: 'running', heartbeat: timestamp()})",
                   load=self.load).consume()
            tx.run(BUMP).consume()

        self.session.execute_write(work)

    def beat(self) -> None:
        """The writer is alive: recovery leaves a load alone while its heartbeat is fresh."""
        self.session.run("MATCH (j:LoadJournal {load: $load}) SET j.heartbeat = timestamp()", load=self.load).consume()

    def commit(self) -> None:
        """The commit point: one small transaction marks the load done."""
        def work(tx: ManagedTransaction) -> None:
            tx.run("MATCH (j:LoadJournal {load: $load}) SET j.state = 'done'", load=self.load).consume()
            tx.run(BUMP).consume()

        self.session.execute_write(work)

    def _batched(self, text: str, **params: Any) -> None:
        self.session.run(text + " IN TRANSACTIONS OF 5000 ROWS", load=self.load, **params).consume()

    def tidy(self) -> None:
        """Remove the bookkeeping of a finished (or undone) load; safe to repeat."""
        self._batched("MATCH (u:LoadUndo {_load: $load}) CALL (u) { DELETE u }")
        self._batched("MATCH (c:LoadChunk {load: $load}) CALL (c) { DELETE c }")
        self.session.run("MATCH (j:LoadJournal {load: $load}) DELETE j", load=self.load).consume()

    def undo(self) -> None:
        """Put back what every committed chunk of this load did, newest kind of change first, then tidy."""
        run = self.session.run
        for t in EdgeType:
            self._batched(f"MATCH (c:LoadChunk {{load: $load, type: '{t.value}'}}) UNWIND c.edges AS id "
                          f"CALL (id) {{ MATCH ()-[r:{t.value} {{id: id}}]->() DELETE r }}")
            self._batched(f"MATCH (x:LoadUndo {{_load: $load, _op: 'updated_edge'}}) WHERE x._type = '{t.value}' "
                          f"CALL (x) {{ MATCH ()-[r:{t.value} {{id: x.id}}]->() SET r = properties(x) "
                          f"REMOVE r.{', r.'.join(BOOKKEEPING)} }}")
        # The created nodes' relationships (those not listed: their other end was created too, or was stored),
        # outgoing then incoming, in bounded batches: a created Document may hold a province's SOURCED_FROM.
        for pattern in ("(n)-[r]->()", "(n)<-[r]-()"):
            self._batched("MATCH (c:LoadChunk {load: $load}) WHERE c.nodes IS NOT NULL UNWIND c.nodes AS id "
                          f"MATCH (n:Entity {{id: id}}) MATCH {pattern} CALL (r) {{ DELETE r }}")
        self._batched("MATCH (c:LoadChunk {load: $load}) WHERE c.nodes IS NOT NULL UNWIND c.nodes AS id "
                      "CALL (id) { MATCH (n:Entity {id: id}) DETACH DELETE n }")
        self._batched("MATCH (x:LoadUndo {_load: $load, _op: 'updated_node'}) "
                      f"CALL (x) {{ MATCH (n:Entity {{id: x.id}}) SET n = properties(x) "
                      f"REMOVE n.{', n.'.join(BOOKKEEPING)} }}")
        for k in NodeKind:
            self._batched(f"MATCH (x:LoadUndo {{_load: $load, _op: 'deleted_node'}}) WHERE x._kind = '{k.value}' "
                          f"CALL (x) {{ CREATE (n:Entity:{k.value}) SET n = properties(x) "
                          f"REMOVE n.{', n.'.join(BOOKKEEPING)} }}")
        for t in EdgeType:
            self._batched(f"MATCH (x:LoadUndo {{_load: $load, _op: 'deleted_edge'}}) WHERE x._type = '{t.value}' "
                          f"CALL (x) {{ MATCH (a:Entity {{id: x._src}}) MATCH (b:Entity {{id: x._dst}}) "
                          f"CREATE (a)-[r:{t.value}]->(b) SET r = properties(x) "
                          f"REMOVE r.{', r.'.join(BOOKKEEPING)} }}")
        run("MATCH (j:LoadJournal {load: $load}) SET j.state = 'undone'", load=self.load).consume()
        run(BUMP).consume()
        self.tidy()


def recover(session: Session, *, stale_after_s: float) -> int:
    """Finish what dead writers left: tidy loads marked done, undo running loads silent for ``stale_after_s``.

    Returns how many loads were undone.
    """
    rows = session.run("MATCH (j:LoadJournal) RETURN j.load AS load, j.state AS state, "
                       "timestamp() - j.heartbeat AS idle_ms").data()
    undone = 0
    for row in rows:
        journal = Journal(session, row["load"])
        if row["state"] == "done":
            journal.tidy()
        elif row["idle_ms"] >= stale_after_s * 1000:
            journal.undo()
            undone += 1
    return undone


def hold_version(tx: ManagedTransaction, at_generation: int) -> None:
    """Raise :class:`Outdated` unless the graph is still at ``at_generation``, read once this transaction holds the
    version's write lock (no other write commits before this one does, so a write checked against it lands on the
    graph it was computed from) — and no large load is between its chunks (it bumped the generation as it began,
    but the graph it leaves is not yet the one a copy taken meanwhile saw)."""
    tx.run(_HOLD).consume()
    record = tx.run(_HELD).single()
    now, running = (int(record["g"]), int(record["running"])) if record is not None else (0, 0)
    if now != at_generation or running:
        raise Outdated
