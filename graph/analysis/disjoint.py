"""Disjoint sets (union–find): the grouping step shared by repeats chains, common problems and linked clusters."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class DisjointSet(Generic[T]):
    """Groups of items joined pairwise; path halving keeps ``find`` near constant time.

    >>> s = DisjointSet(); s.union("a", "b"); s.union("c", "b"); s.add("d")
    >>> sorted(sorted(g) for g in s.groups())
    [['a', 'b', 'c'], ['d']]
    """

    def __init__(self, items: Iterable[T] = ()) -> None:
        self.parent: dict[T, T] = {x: x for x in items}

    def add(self, x: T) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: T) -> T:
        parent = self.parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: T, b: T) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[T]]:
        members: dict[T, list[T]] = defaultdict(list)
        for x in self.parent:
            members[self.find(x)].append(x)
        return list(members.values())
