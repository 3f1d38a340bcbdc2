"""The bulk path for a first load: CSV files for ``neo4j-admin database import full``, and the command to run.

Neo4j's offline importer writes the store files directly — no transactions, no per-row index work — into a
database that is stopped (or does not exist yet). It suits only a *first* load (a new province's server, a
rebuilt database): it replaces the database as a whole. Everything later goes through the online store.

What the files hold, so that the imported graph reads back exactly like one loaded online:

- one node file per kind and property signature (the keys and value types its records carry), labels
  ``Entity;<Kind>``; the ``id`` property is the import id (one id space: ids are globally unique);
- one relationship file per type and signature, with the edge's ``id`` as an ordinary property;
- every column typed (``long``, ``double``, ``boolean``, ``string``, ``string[]`` …) and every value quoted,
  so an empty string stays an empty string and a record without a key has no column for it;
- except empty lists: the importer stores an empty array cell as no property, while an online write stores
  ``[]``. They are listed in ``empty_lists.json`` beside the CSV files and :func:`finish` sets them, in one
  parameterised transaction per key (and 10,000 records), once the imported database is served.

The schema (the ``Entity`` uniqueness constraint and the indexes) is not part of the import: the store creates
it the first time it opens the imported database, and creating the constraint checks that every id is unique.
Labels and relationship types come from the model's enums; property keys come from the records and are
written into CSV headers only (never into Cypher), refused if they could break a header.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from neo4j import ManagedTransaction, Session
from pydantic import BaseModel

from graph.model import EdgeRecord, EdgeType, NodeRecord

_SAFE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ARRAY_DELIMITERS = (";", "|", "\u001f")  # the first that no list item contains is used
_LONG = range(-(2**63), 2**63)


class BulkFiles(BaseModel):
    """What :func:`write_csv` wrote: the files, how many records, and the options the importer needs."""

    folder: Path
    node_files: list[Path]
    relationship_files: list[Path]
    nodes: int
    relationships: int
    array_delimiter: str
    empty_lists: Path

    def command(self, *, database: str = "neo4j", admin: str = "neo4j-admin") -> list[str]:
        """The ``neo4j-admin database import full`` command line (run it with the database stopped)."""
        return [admin, "database", "import", "full", database, "--overwrite-destination=true",
                "--id-type=string", "--multiline-fields=true", f"--report-file={self.folder / 'import.report'}",
                f"--array-delimiter={self.array_delimiter}",
                *[f"--nodes={path}" for path in self.node_files],
                *[f"--relationships={path}" for path in self.relationship_files]]


def _type_of(value: Any) -> str:
    """The importer's column type for one property value (bool before int: a bool is an int in Python)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        if value not in _LONG:
            raise ValueError("整数超出 Neo4j 可存储的范围")
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        inner = {_type_of(item) for item in value}
        if len(inner) > 1:
            raise ValueError("列表中的值类型不一致，Neo4j 无法存储")
        return f"{inner.pop() if inner else 'string'}[]"
    raise ValueError(f"属性值类型 {type(value).__name__} 不能批量导入")


def _signature(props: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """The typed columns of one record: keys with a value the importer can store (not None, not [])."""
    for key in props:
        if not _SAFE_KEY.match(key) or key == "id":
            raise ValueError(f"属性名 {key!r} 不能用于批量导入")
    return tuple(sorted((key, _type_of(value)) for key, value in props.items() if value is not None and value != []))


def _cell(value: Any, delimiter: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return delimiter.join(_cell(item, delimiter) for item in value)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _delimiter(nodes: list[NodeRecord], edges: list[EdgeRecord]) -> str:
    records: list[NodeRecord | EdgeRecord] = [*nodes, *edges]
    items = {str(item) for record in records for value in record.props.values()
             if isinstance(value, list | tuple) for item in value}
    for candidate in _ARRAY_DELIMITERS:
        if not any(candidate in item for item in items):
            return candidate
    raise ValueError("列表属性中含有所有可用的数组分隔符，无法批量导入")


def write_csv(nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord], folder: Path) -> BulkFiles:
    """Write the records as import CSV files into ``folder`` (created; files there of the same names replaced).

    Repeated ids merge their properties, as an online write does; an edge is written only once per id.
    """
    by_id: dict[str, NodeRecord] = {}
    for node in nodes:
        old = by_id.get(node.id)
        by_id[node.id] = node if old is None else old.model_copy(update={"props": {**old.props, **node.props}})
    edge_by_id: dict[str, EdgeRecord] = {}
    for edge in edges:
        old_edge = edge_by_id.get(edge.id)
        edge_by_id[edge.id] = edge if old_edge is None else old_edge.model_copy(
            update={"props": {**old_edge.props, **edge.props}})
    node_list, edge_list = list(by_id.values()), list(edge_by_id.values())
    delimiter = _delimiter(node_list, edge_list)
    folder.mkdir(parents=True, exist_ok=True)

    node_groups: dict[tuple[str, tuple], list[NodeRecord]] = defaultdict(list)
    for node in node_list:
        node_groups[(node.kind.value, _signature(node.props))].append(node)
    edge_groups: dict[tuple[str, tuple], list[EdgeRecord]] = defaultdict(list)
    for edge in edge_list:
        edge_groups[(edge.type.value, _signature(edge.props))].append(edge)

    node_files: list[Path] = []
    for number, ((kind, signature), members) in enumerate(sorted(node_groups.items(), key=str)):
        path = folder / f"nodes_{kind}_{number}.csv"
        header = ["id:ID", ":LABEL", *[f"{key}:{kind_}" for key, kind_ in signature]]
        rows = ([n.id, f"Entity{delimiter}{kind}", *[_cell(n.props[key], delimiter) for key, _ in signature]]
                for n in members)
        _write(path, header, rows)
        node_files.append(path)
    relationship_files: list[Path] = []
    for number, ((edge_type, signature), edges_of) in enumerate(sorted(edge_groups.items(), key=str)):
        path = folder / f"relationships_{edge_type}_{number}.csv"
        header = [":START_ID", ":END_ID", ":TYPE", "id:string", *[f"{key}:{kind_}" for key, kind_ in signature]]
        edge_rows = ([e.src, e.dst, edge_type, e.id, *[_cell(e.props[key], delimiter) for key, _ in signature]]
                     for e in edges_of)
        _write(path, header, edge_rows)
        relationship_files.append(path)
    empty: dict[str, dict[str, list[str]]] = {"": defaultdict(list), **{t.value: defaultdict(list) for t in EdgeType}}
    for node in node_list:
        for key in (k for k, v in node.props.items() if v == []):
            empty[""][key].append(node.id)
    for edge in edge_list:
        for key in (k for k, v in edge.props.items() if v == []):
            empty[edge.type.value][key].append(edge.id)
    empty_lists = folder / "empty_lists.json"
    empty_lists.write_text(json.dumps({t: keys for t, keys in empty.items() if keys}, ensure_ascii=False), "utf-8")
    return BulkFiles(folder=folder, node_files=node_files, relationship_files=relationship_files,
                     nodes=len(node_list), relationships=len(edge_list), array_delimiter=delimiter,
                     empty_lists=empty_lists)


def finish(session: Session, empty_lists: Path) -> int:
    """Set the empty lists the importer could not write (see the module doc); returns how many were set.

    Run once against the imported database once it is served; repeating it changes nothing. Keys and values
    travel as parameters (``SET x += $props``); the relationship type comes from the model's enum.
    """
    listed: dict[str, dict[str, list[str]]] = json.loads(empty_lists.read_text("utf-8"))
    done = 0
    for type_name, keys in listed.items():
        match = ("MATCH (x:Entity {id: id})" if not type_name
                 else f"MATCH ()-[x:{EdgeType(type_name).value} {{id: id}}]->()")
        text = f"UNWIND $ids AS id {match} SET x += $props"
        for key, ids in keys.items():
            for start in range(0, len(ids), 10_000):
                session.execute_write(_set_empty, text, ids[start:start + 10_000], key)
            done += len(ids)
    return done


def _write(path: Path, header: list[str], rows: Iterable[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _set_empty(tx: ManagedTransaction, query: str, ids: list[str], key: str) -> None:
    tx.run(query, ids=ids, props={key: []}).consume()
