"""实体页: one unit, person, issue, clue or case as an analyst reads it.

Facts come in the order and with the Chinese labels the model declares (choices shown by their Chinese
names); sources name the file, sheet and row each was read from; the timeline puts posts, rounds, issues,
clues and cases in date order; related lists group every relationship by type and kind with a count and the
first few (the rest are a click away in the explorer). The card holds every fact; what a viewer may not see
is taken out where all responses are masked, not here.
"""

from __future__ import annotations

from collections import defaultdict
from enum import Enum
from pathlib import Path
from typing import Any

from graph.explore.expansion import centre_of, entity_row, settings
from graph.explore.links import date_of, group_key, link_of
from graph.explore.model import EntityCard, Fact, Link, RelatedList, Source, TimelineItem
from graph.model import NODE_MODELS, NodeKind
from graph.queries.common import display_name
from graph.stores.base import GraphStore

HIDDEN_FACTS = {"id_hash"}  # a digest tells a reader nothing; it stays in the graph for matching
LAST_FACTS = {"extra"}  # 其他列 (columns no ledger knows, kept as written) after the facts the model declares


def card(store: GraphStore, entity_id: str, data_dir: Path | None = None) -> EntityCard:
    rules = settings(data_dir)
    row = entity_row(store, entity_id)
    rows = store.run_query("incident_edges", {"id": entity_id, "limit": rules["edge_limit"]})
    centre = centre_of(row, len(rows), rules)
    links = [link_of(r, rules["supernode_degree"]) for r in rows]
    sources = [Source.model_validate(s) for s in store.run_query("sources_of", {"ids": [entity_id]})]
    items = timeline(links, None)
    if row["kind"] == NodeKind.UNIT.value:  # 机构沿革: what happened at the units it was before a reform
        items += predecessor_timeline(store, entity_id, rules)
        items.sort(key=lambda item: (item.when, item.label_zh, item.node.id))
    return EntityCard(id=centre.id, kind=centre.kind, kind_zh=centre.kind_zh, name=centre.name,
                      facts=named(store, facts(row["kind"], row["props"])), sources=sources,
                      timeline=items[:rules["timeline_limit"]],
                      related=related(links, rules["related_limit"]))


def predecessors(store: GraphStore, unit_id: str) -> dict[str, str]:
    """The units a unit was before its reforms (SUCCEEDED_BY followed back, every step): id → name."""
    back: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s in store.run_query("unit_successions", {"unit_id": None}):
        back[s["successor_id"]].append((s["unit_id"], s["unit_name"]))
    found: dict[str, str] = {}
    frontier = [unit_id]
    while frontier:
        step = []
        for unit in frontier:
            for old, name in back.get(unit, []):
                if old != unit_id and old not in found:
                    found[old] = name
                    step.append(old)
        frontier = step
    return found


def predecessor_timeline(store: GraphStore, unit_id: str, rules: dict[str, Any]) -> list[TimelineItem]:
    """A predecessor's dated posts, issues, rounds … on its successor's timeline, each marked 前身单位 and named."""
    before = predecessors(store, unit_id)
    lineage = set(before) | {unit_id}
    items: list[TimelineItem] = []
    for old, name in sorted(before.items()):
        rows = store.run_query("incident_edges", {"id": old, "types": [], "limit": rules["edge_limit"]})
        links = [link_of(r, rules["supernode_degree"]) for r in rows if r["neighbour_id"] not in lineage]
        items += [item.model_copy(update={"label_zh": f"{item.label_zh}（前身单位：{name}）"})
                  for item in timeline(links, None)]
    return items


def facts(kind: str, props: dict[str, Any]) -> list[Fact]:
    """Every property that has a value, labelled and ordered as the model declares it; unknown ones last."""
    model = NODE_MODELS.get(NodeKind(kind))
    fields = model.model_fields if model else {}
    out = [Fact(field=name, label=info.title or name, value=_shown(info.annotation, props[name]))
           for name, info in sorted(fields.items(), key=lambda item: item[0] in LAST_FACTS)
           if name not in HIDDEN_FACTS and _has(props.get(name))]
    out += [Fact(field=k, label=k, value=_shown(None, v)) for k, v in sorted(props.items())
            if k not in fields and k not in HIDDEN_FACTS and _has(v)]
    return out


def named(store: GraphStore, found: list[Fact]) -> list[Fact]:
    """A fact that names another entity by its id (巡察轮次 rnd_…, 被巡察单位 unit_…) shows that entity's name,
    and keeps the id to link to it: a raw id told a reader nothing."""
    ids = [f.value for f in found if f.field.endswith("_id")]
    rows = {r["id"]: r for r in store.run_query("entities_by_ids", {"ids": ids})} if ids else {}
    return [f.model_copy(update={"value": display_name(rows[f.value]["props"]) or f.value, "ref": f.value})
            if f.field.endswith("_id") and f.value in rows else f for f in found]


def _has(value: Any) -> bool:
    return value not in (None, "", [])


def _shown(annotation: Any, value: Any) -> str:
    """A value as a reader expects it: a choice by its Chinese name, a list joined, yes/no for a flag."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(_shown(annotation, v) for v in value)
    for choice in _enums(annotation):
        try:
            return choice(value).label_zh  # type: ignore[attr-defined]
        except ValueError:
            continue
    return str(value)


def _enums(annotation: Any) -> list[type[Enum]]:
    if isinstance(annotation, type) and issubclass(annotation, Enum) and hasattr(annotation, "_value2member_map_"):
        return [annotation] if hasattr(next(iter(annotation)), "label_zh") else []
    return [e for arg in getattr(annotation, "__args__", ()) for e in _enums(arg)]


def timeline(links: list[Link], limit: int | None) -> list[TimelineItem]:
    """Dated relationships oldest first: posts from their start (with their end), the rest by their own date."""
    dated = [link for link in links if date_of(link)]
    dated.sort(key=lambda link: (date_of(link), link.label_zh, link.node.id))
    return [TimelineItem(when=date_of(link) or "", label_zh=link.label_zh, end=link.end, node=link.node)
            for link in dated[:limit]]


def related(links: list[Link], limit: int) -> list[RelatedList]:
    """Relationships grouped by type, direction and kind; the newest ``limit`` of each group listed."""
    groups: dict[tuple[str, str, str], list[Link]] = defaultdict(list)
    for link in links:
        groups[group_key(link)].append(link)
    out = []
    for (edge_type, direction, kind), members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        members.sort(key=lambda link: (date_of(link) or "", link.node.id), reverse=True)
        out.append(RelatedList(edge_type=edge_type, label_zh=members[0].label_zh, direction=direction, kind=kind,
                               kind_zh=members[0].node.kind_zh, count=len(members), items=members[:limit]))
    return out
