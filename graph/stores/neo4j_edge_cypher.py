"""The Cypher text of a large write's relationship chunks, with property keys written out from the edge models.

Why keys are in the text: ``SET r = row.props`` (or ``+=``) writes a map whose keys the planner cannot see, so it
puts an ``Eager`` into every chunk's plan (all rows are read before any is written, in case a write changes what a
later row matches). With each key written out (``r.post = row.p.post``, or in the ``CREATE`` pattern) the plan
streams. The keys are not input: they are the field names of each edge type's pydantic props model
(``EDGE_SPECS[t].props``), checked to be plain identifiers; values still travel only as parameters. A record whose
props hold a key its model does not declare is refused before anything is written
(:func:`graph.stores.base.check_edge_props`, which the embedded store keeps too).

Rows are ``{id, src, p}`` (``p``: the edge's properties, without the id), grouped by their end node for a create:
``[{dst, rows: [...]}]``. Texts are cached per shape, so each shape's plan is compiled once and then reused.
"""

from __future__ import annotations

import re
from functools import cache

from graph.model import EDGE_SPECS, EdgeType, NodeKind
from graph.stores.base import StoreError

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


@cache
def edge_keys(edge_type: EdgeType) -> tuple[str, ...]:
    """The property keys an edge type may carry: its props model's field names, each a plain identifier.

    >>> edge_keys(EdgeType.INSPECTED)
    ('source_doc', 'source_sheet', 'source_row', 'round_id')
    """
    keys = tuple(EDGE_SPECS[edge_type].props.model_fields)
    for key in keys:
        if not _IDENTIFIER.match(key) or key == "id":
            raise StoreError(f"关系 {edge_type.value}（{edge_type.label_zh}）的属性模型含字段名“{key}”，"
                             "不能写入 Cypher（只允许小写字母、数字和下划线，且不能是 id）")
    return keys


def _checked(edge_type: EdgeType, keys: tuple[str, ...]) -> tuple[str, ...]:
    allowed = edge_keys(edge_type)
    unknown = [k for k in keys if k not in allowed]
    if unknown:
        raise StoreError(f"关系 {edge_type.value}（{edge_type.label_zh}）没有字段：{'、'.join(unknown)}")
    return keys


@cache
def create_edges(edge_type: EdgeType, src: NodeKind, dst: NodeKind) -> str:
    """Create one chunk of new relationships of one shape; a key absent from a row's ``p`` is not stored (null).

    >>> print(create_edges(EdgeType.INSPECTED, NodeKind.GROUP, NodeKind.UNIT))  # doctest: +NORMALIZE_WHITESPACE
    UNWIND $rows AS g MATCH (d:Unit {id: g.dst}) UNWIND g.rows AS row MATCH (s:Group {id: row.src})
    CREATE (s)-[r:INSPECTED {id: row.id, source_doc: row.p.source_doc, source_sheet: row.p.source_sheet,
    source_row: row.p.source_row, round_id: row.p.round_id}]->(d)
    """
    props = ", ".join(["id: row.id", *(f"{k}: row.p.{k}" for k in edge_keys(edge_type))])
    return (f"UNWIND $rows AS g MATCH (d:{dst.value} {{id: g.dst}}) UNWIND g.rows AS row "
            f"MATCH (s:{src.value} {{id: row.src}}) CREATE (s)-[r:{edge_type.value} {{{props}}}]->(d)")


@cache
def update_edges(edge_type: EdgeType, keys: tuple[str, ...]) -> str:
    """Set ``keys`` on stored relationships found by id: a row's value for each (a null removes the property).

    An upsert passes the keys its rows hold (``SET +=``: other properties stay); a replace passes every model
    key (``SET =``: what the row lacks is removed). The id is what the row is found by, so it is not set again
    (setting it would bring the ``Eager`` back).

    >>> print(update_edges(EdgeType.INSPECTED, ("round_id", "source_row")))  # doctest: +NORMALIZE_WHITESPACE
    UNWIND $rows AS row MATCH ()-[x:INSPECTED {id: row.id}]->()
    SET x.round_id = row.p.round_id, x.source_row = row.p.source_row
    """
    sets = ", ".join(f"x.{k} = row.p.{k}" for k in _checked(edge_type, keys))
    return f"UNWIND $rows AS row MATCH ()-[x:{edge_type.value} {{id: row.id}}]->() " + (f"SET {sets}" if sets else "")
