"""图谱浏览: what one click on a node adds to the picture.

A node's relationships come back as links, except that links of one type to one kind of entity beyond
``collapse_above`` come back as a single group with its count: a round with 300 issues or a county leader
overseeing 40 units is drawn as one node saying so, never as hundreds. Neighbours that are themselves
supernodes are marked so the page does not expand them by itself. Filters by relationship type and period
narrow what is drawn; the list of types the node has is returned whole, for the filter's choices.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from graph.explore.links import group_key, in_period, kind_zh, link_of
from graph.explore.model import Expansion, Group, Link, Node
from graph.queries.common import display_name
from graph.reviews.rules import load_rules
from graph.stores.base import GraphStore


class NotFound(LookupError):
    """No entity with this id."""


def settings(data_dir: Path | None = None) -> dict:
    return load_rules("explorer", data_dir, package="graph.explore")


def entity_row(store: GraphStore, entity_id: str) -> dict:
    rows = store.run_query("entity_by_id", {"id": entity_id})
    if not rows:
        raise NotFound(entity_id)
    return rows[0]


def centre_of(row: dict, degree: int, rules: dict) -> Node:
    name = display_name(row["props"])
    return Node(id=row["id"], kind=row["kind"], kind_zh=kind_zh(row["kind"]), name=name, degree=degree,
                supernode=degree > rules["supernode_degree"])


def expand(store: GraphStore, entity_id: str, *, types: list[str] | None = None, since: str | None = None,
           until: str | None = None, data_dir: Path | None = None) -> Expansion:
    rules = settings(data_dir)
    row = entity_row(store, entity_id)
    rows = store.run_query("incident_edges", {"id": entity_id, "limit": rules["edge_limit"]})
    centre = centre_of(row, len(rows), rules)
    links = [link_of(r, rules["supernode_degree"]) for r in rows]
    edge_types = sorted({link.edge_type for link in links})
    chosen = [link for link in links
              if (not types or link.edge_type in types) and in_period(link, since, until)]
    drawn, groups = collapse(chosen, rules["collapse_above"])
    return Expansion(centre=centre, links=drawn, groups=groups, edge_types=edge_types,
                     truncated=len(rows) >= rules["edge_limit"])


def collapse(links: list[Link], above: int) -> tuple[list[Link], list[Group]]:
    """Links drawn one by one, and the groups too big to draw (one per type, direction and kind)."""
    by_key: dict[tuple[str, str, str], list[Link]] = defaultdict(list)
    for link in links:
        by_key[group_key(link)].append(link)
    drawn: list[Link] = []
    groups: list[Group] = []
    for (edge_type, direction, kind), members in sorted(by_key.items()):
        if len(members) > above:
            groups.append(Group(edge_type=edge_type, label_zh=members[0].label_zh, direction=direction, kind=kind,
                                kind_zh=members[0].node.kind_zh, count=len(members)))
        else:
            drawn.extend(members)
    return drawn, groups
