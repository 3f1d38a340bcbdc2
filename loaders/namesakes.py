"""Namesakes waiting for a person's judgement, each side with the evidence a person needs to decide.

A pair is pending when two people share a name, they are not both identified by ID number (two different
digests are two people for certain), and no judgement settles them (:mod:`loaders.judgements`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

from pydantic import BaseModel, Field

from graph.model import EdgeType, NodeKind
from graph.stores.base import GraphStore
from loaders.judgements import Judgements

NEIGHBOURS = 500  # edges read per namesake for the evidence


class Side(BaseModel):
    person_id: str = Field(title="人员编号")
    name: str = Field(title="姓名")
    has_id: bool = Field(title="有身份证号")
    gender: str | None = Field(default=None, title="性别")
    birth_year: int | None = Field(default=None, title="出生年份")
    posts: list[str] = Field(default_factory=list, title="任职")
    links: dict[str, int] = Field(default_factory=dict, title="关联（关系类别：条数）")
    sources: list[str] = Field(default_factory=list, title="来源台账")


class Pair(BaseModel):
    a: Side
    b: Side
    hints: list[str] = Field(default_factory=list, title="提示")


def _hints(a: Side, b: Side) -> list[str]:
    hints = []
    for field, label in (("gender", "性别"), ("birth_year", "出生年份")):
        x, y = getattr(a, field), getattr(b, field)
        if x is not None and y is not None:
            hints.append(f"{label}{'相同' if x == y else '不同'}（{x} / {y}）")
    shared = set(a.posts) & set(b.posts)
    if shared:
        hints.append(f"曾在同一单位任职：{'、'.join(sorted(shared))}")
    return hints


def pending_namesakes(store: GraphStore, judgements: Judgements, *, name: str | None = None) -> list[Pair]:
    """Pairs of namesakes not yet judged, by name; ``name`` keeps one name only."""
    people: dict[str, list] = defaultdict(list)
    for node in store.iter_nodes():
        if node.kind == NodeKind.PERSON and (name is None or node.props.get("name") == name):
            people[str(node.props.get("name") or "")].append(node)
    groups = {k: v for k, v in people.items() if len(v) > 1}
    if not groups:
        return []
    links: dict[str, Counter] = defaultdict(Counter)
    posts: dict[str, set[str]] = defaultdict(set)
    sources: dict[str, set[str]] = defaultdict(set)
    for person in (n.id for v in groups.values() for n in v):  # a namesake's own edges only, not the graph's
        for nb in store.neighbours(person, direction="both", limit=NEIGHBOURS):
            e, other = nb.edge, nb.node
            if e.type == EdgeType.SOURCED_FROM:
                sources[person].add(f"{str(other.props.get('path', '')).rsplit('/', 1)[-1]} 第{e.props.get('row')}行")
            elif e.type == EdgeType.HOLDS_POST:
                posts[person].add(f"{other.props.get('name', other.id)}{e.props.get('post', '')}")
            else:
                links[person][e.type.label_zh] += 1
    judged = judgements.judged()
    pairs = []
    for group in groups.values():
        sides = {n.id: Side(person_id=n.id, name=str(n.props.get("name", "")), has_id=bool(n.props.get("id_hash")),
                            gender=n.props.get("gender"), birth_year=n.props.get("birth_year"),
                            posts=sorted(posts[n.id]), links=dict(links[n.id]), sources=sorted(sources[n.id])[:5])
                 for n in group}
        for x, y in combinations(sorted(sides), 2):
            if (sides[x].has_id and sides[y].has_id) or frozenset((x, y)) in judged:
                continue
            pairs.append(Pair(a=sides[x], b=sides[y], hints=_hints(sides[x], sides[y])))
    pairs.sort(key=lambda p: (p.a.name, p.a.person_id, p.b.person_id))
    return pairs
