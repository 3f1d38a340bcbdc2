"""The store contract every backend keeps, and the errors it raises.

Stores are interchangeable: the CLI, API and analyses talk only to this
protocol, and parity tests hold the two backends to the same answers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple, Protocol, runtime_checkable

from pydantic import BaseModel

from graph.model import EDGE_SPECS, EdgeRecord, EdgeType, NodeRecord

Direction = Literal["out", "in", "both"]
TIES_SHOWN = 20  # ties a refused deletion lists


class StoreError(Exception):
    """A store failure, phrased for the person at the keyboard (Chinese)."""


class StoreUnavailable(StoreError):
    """The backend cannot be reached (server down, file locked)."""


class DanglingEdgeError(StoreError):
    """An edge names a node that is neither stored nor in the same write."""


class Outdated(StoreError):
    """A write computed from the graph at one generation found it moved on (another writer in between): nothing
    written, to be computed again from the graph it would land in."""

    def __init__(self) -> None:
        super().__init__("图谱在本次写入准备期间已被其他操作修改，本次写入未完成，图谱未改变")


class Cuttable(NamedTuple):
    """The edges a deletion may cut between a deleted node and one that stays, by direction seen from the deleted
    node. Any other edge to a node that stays is a tie the deletion refuses: the caller names what it wrote itself,
    so whatever else has since come to rest on those nodes (a ledger row citing a problem) stops it.

    ``written_from`` names a document whose rows alone wrote edges (their ``source_doc``, no ``also_from``) and the
    nodes' ``SOURCED_FROM`` to it: those may be cut whatever their type, so a ledger's own rows come out while
    another file's citation, or another document the node is also sourced from, stops the deletion."""

    outgoing: frozenset[EdgeType]
    incoming: frozenset[EdgeType]
    written_from: str | None = None


class Removing(NamedTuple):
    """What a write takes out before it writes (the rows a ledger file no longer has): ``nodes`` deleted as
    :meth:`GraphStore.delete_nodes` deletes them under ``may_cut``, and the edges ``dropping`` (by type and id)."""

    nodes: list[str]
    may_cut: Cuttable
    dropping: list[EdgeRecord]


def check_removing(nodes: list[NodeRecord], edges: list[EdgeRecord], removing: Removing | None) -> None:
    """A write that takes records out writes nothing at the nodes it deletes and does not write an edge it drops
    (a caller's mistake): both stores refuse it alike, before anything changes."""
    if removing is None:
        return
    gone = set(removing.nodes)
    for node in nodes:
        if node.id in gone:
            raise StoreError(f"节点 {node.id} 既要删除又要写入，整批写入已取消")
    for edge in edges:
        if edge.src in gone or edge.dst in gone:
            raise DanglingEdgeError(f"关系 {edge.type.value}（{edge.type.label_zh}）的端点是本次删除的节点，整批写入已取消")
    both = sorted({e.id for e in edges} & {e.id for e in removing.dropping})
    if both:
        raise StoreError(f"关系 {both[0]} 既要删除又要写入，整批写入已取消")


def dropping_only(dropping: Iterable[EdgeRecord]) -> Removing:
    """What ``upsert_dropping`` takes out: edges only (a merge undone drops its moved copies)."""
    return Removing(nodes=[], may_cut=Cuttable(outgoing=frozenset(), incoming=frozenset()), dropping=list(dropping))


def written_by(may_cut: Cuttable, edge_type: EdgeType, props: dict[str, Any], other: str) -> bool:
    """Whether an edge is one ``may_cut.written_from``'s rows alone wrote (one another file gives too, its
    ``also_from``, is a tie); the embedded store's reading of the rule, the Neo4j store says the same in Cypher."""
    doc = may_cut.written_from
    return doc is not None and ((props.get("source_doc") == doc and not props.get("also_from"))
                                or (edge_type is EdgeType.SOURCED_FROM and other == doc))


class Tie(NamedTuple):
    """An edge that held a deletion back: ``node`` (to be deleted), the edge's type, the ``other`` end that stays."""

    node: str
    edge_type: EdgeType
    other: str
    outgoing: bool


class Merged(NamedTuple):
    """What a merge took: the merged node and its edges as they were when merged (``node``, ``moved``), and the ids
    its moved edges took that the kept node already held (``kept``: that edge is the kept node's own, left as it was
    by the merge and by its undoing)."""

    node: NodeRecord
    moved: list[EdgeRecord]
    kept: list[str]


def moved_copies(edges: Iterable[EdgeRecord], node_id: str, into: str,
                 renamed: Callable[[EdgeRecord], str]) -> list[EdgeRecord]:
    """A merge's edges as they are once moved: ``node_id``'s end made ``into``, the id ``renamed`` gives."""
    return [e.model_copy(update={"id": renamed(e), "src": into if e.src == node_id else e.src,
                                 "dst": into if e.dst == node_id else e.dst}) for e in edges]


def check_merge(node: NodeRecord | None, into: NodeRecord | None, node_id: str, into_id: str) -> None:
    """A merge joins two different stored nodes of one kind (both stores refuse alike, nothing changed)."""
    missing = [x for x, n in ((node_id, node), (into_id, into)) if n is None]
    if missing:
        raise StoreError(f"记录 {'、'.join(missing)} 不在图中，未合并")
    assert node is not None and into is not None
    if node.id == into.id or node.kind != into.kind:
        raise StoreError(f"只能把一条记录并入另一条同类记录（{node_id} → {into_id}），未合并")


class NodeInUse(StoreError):
    """A deletion refused, nothing deleted: some node is tied to the rest of the graph by an edge not cuttable."""

    def __init__(self, ties: list[Tie]) -> None:
        super().__init__(f"有 {len(ties)} 条关系仍引用要删除的节点，未删除任何内容")
        self.ties = ties


@cache
def declared_edge_keys(edge_type: EdgeType) -> frozenset[str]:
    """The property keys an edge type may carry: the field names of its props model."""
    return frozenset(EDGE_SPECS[edge_type].props.model_fields)


def check_edge_props(rows: Iterable[tuple[EdgeType, str, dict[str, Any]]]) -> None:
    """Refuse the whole write if any edge ``(type, id, props)`` holds a key its type's model does not declare.

    Both stores keep this rule, so a write one store refuses is never taken by the other.
    """
    for edge_type, edge_id, props in rows:
        allowed = declared_edge_keys(edge_type)
        for key in props:
            if key not in allowed:
                raise StoreError(f"关系 {edge_id}（{edge_type.label_zh}）的属性“{key}”不是"
                                 f"{edge_type.value} 的字段（可用：{'、'.join(sorted(allowed))}），整批写入已取消")


class Counts(BaseModel):
    nodes: dict[str, int]
    edges: dict[str, int]

    @property
    def total_nodes(self) -> int:
        return sum(self.nodes.values())

    @property
    def total_edges(self) -> int:
        return sum(self.edges.values())


class Neighbour(BaseModel):
    edge: EdgeRecord
    node: NodeRecord
    outgoing: bool


class QueryRunner(Protocol):
    """What reviews need of a store: named queries by name (a store, or a batch's read-only memo of one)."""

    def run_query(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]: ...


def run_together(store: QueryRunner, calls: list[tuple[str, dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """The rows of several independent named queries, in the order asked. A store that can run them at once does
    (``run_queries``: on Neo4j each is a network round trip, so a profile waits for the slowest, not for the sum);
    any other runner runs them one after another."""
    many = getattr(store, "run_queries", None)
    return many(calls) if many is not None else [store.run_query(name, params) for name, params in calls]


@runtime_checkable
class GraphStore(Protocol):
    name: str

    def upsert(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> None:
        """Write all records in one transaction: all of them land or none.

        Node properties are merged into existing ones (like Cypher ``SET n +=``).
        """

    def get_node(self, node_id: str) -> NodeRecord | None: ...

    def neighbours(self, node_id: str, *, direction: Direction = "both",
                   limit: int = 100) -> list[Neighbour]: ...

    def run_query(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run a registered named query; rows are plain JSON-able dicts."""

    def counts(self) -> Counts: ...

    def iter_nodes(self) -> Iterator[NodeRecord]: ...

    def iter_edges(self) -> Iterator[EdgeRecord]: ...

    def replace_edges(self, edge_type: EdgeType, edges: Iterable[EdgeRecord]) -> None:
        """Swap every edge of one computed type for ``edges`` in one transaction."""

    def replace_all(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> None:
        """Swap the whole graph for these records in one transaction: readers see the old graph or the new one."""

    def delete_edges_of_type(self, edge_type: str) -> int: ...

    def delete_nodes(self, node_ids: Iterable[str], *, may_cut: Cuttable) -> tuple[int, int]:
        """Delete these nodes and every edge at them in one transaction; returns (nodes, edges) deleted. Ids not
        stored are passed over. If an edge ties one of them to a node that stays and ``may_cut`` does not allow it,
        raise :class:`NodeInUse` listing such ties (sorted, at most ``TIES_SHOWN``) and delete nothing."""

    def merge_node(self, node_id: str, into: str, renamed: Callable[[EdgeRecord], str]) -> Merged:
        """Merge one node into another of its kind in one transaction, its edges read inside it: each edge of
        ``node_id`` moves to ``into`` under the id ``renamed`` gives it (unless ``into`` already holds an edge of
        that id: that one stays as it is), then the node goes. An edge written to ``node_id`` by another writer
        meanwhile moves too or stops the merge; it is never lost. Raises :class:`StoreError` (nothing changed) if
        either node is not stored, or they are one node or of two kinds."""

    def upsert_replacing(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord], edge_type: EdgeType | None,
                         computed: Iterable[EdgeRecord], *, removing: Removing | None = None,
                         at_generation: int | None = None) -> None:
        """One transaction: ``removing`` taken out (or :class:`NodeInUse`, nothing written), the records written
        as ``upsert`` writes them, and every ``edge_type`` edge replaced by ``computed`` (a load, the rows its file
        no longer has, and its recomputed repeats, all or nothing). With ``at_generation`` (what ``generation()``
        told when the write was computed), a graph written since raises :class:`Outdated`, nothing written."""

    def upsert_dropping(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord],
                        dropping: Iterable[EdgeRecord]) -> None:
        """Delete the edges ``dropping`` (by type and id; those not stored are passed over), then ``upsert`` in the
        same transaction: a merge undone (the node and its edges back, their moved copies gone) all at once."""

    def clear(self) -> None: ...

    def close(self) -> None: ...


def export_jsonl(store: GraphStore, path: Path) -> int:
    """Write every node then every edge as JSON lines; returns the line count."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for node in store.iter_nodes():
            out.write(json.dumps({"node": node.model_dump(mode="json")}, ensure_ascii=False) + "\n")
            n += 1
        for edge in store.iter_edges():
            out.write(json.dumps({"edge": edge.model_dump(mode="json")}, ensure_ascii=False) + "\n")
            n += 1
    return n


def read_jsonl(path: Path) -> tuple[list[NodeRecord], list[EdgeRecord]]:
    """Read an export (or a generated bundle) back into records."""
    nodes: list[NodeRecord] = []
    edges: list[EdgeRecord] = []
    with path.open(encoding="utf-8") as src:
        for lineno, line in enumerate(src, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if "node" in item:
                    nodes.append(NodeRecord.model_validate(item["node"]))
                else:
                    edges.append(EdgeRecord.model_validate(item["edge"]))
            except (ValueError, KeyError) as exc:
                raise StoreError(f"文件 {path} 第 {lineno} 行无法读取：{exc}") from exc
    return nodes, edges


def import_jsonl(store: GraphStore, path: Path) -> tuple[int, int]:
    nodes, edges = read_jsonl(path)
    store.upsert(nodes, edges)
    return len(nodes), len(edges)
