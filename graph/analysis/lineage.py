"""Unit lineage (机构沿革): units renamed or merged in an institutional reform count as one across the date.

Built from the ``unit_successions`` named query (SUCCEEDED_BY edges, old → new), so it is the same on both stores.
A lineage is the succession closure: every unit joined to another by a chain of successions, in either direction
(扶贫办 → 乡村振兴局; 国土资源局 and 规划局 → 自然资源局). Each lineage is named by its latest unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.analysis.disjoint import DisjointSet
from graph.queries.unit_successions import Row
from graph.stores.base import QueryRunner


@dataclass
class Lineage:
    root: dict[str, str] = field(default_factory=dict)  # unit id → the lineage's id (its latest unit)
    names: dict[str, str] = field(default_factory=dict)  # unit id → name, for evidence sentences
    steps: list[Row] = field(default_factory=list)

    def of(self, unit_id: str) -> str:
        return self.root.get(unit_id, unit_id)

    def crossing(self, earlier_unit: str, later_unit: str) -> str | None:
        """The sentence saying a pair crossed a reform, or None when both are the same unit."""
        if earlier_unit == later_unit or self.of(earlier_unit) != self.of(later_unit):
            return None
        step = next((s for s in self.steps if s.unit_id == earlier_unit and s.successor_id == later_unit), None)
        when = f"（{step.on}）" if step and step.on else ""
        return (f"{self.names.get(earlier_unit, earlier_unit)}经机构改革{when}为"
                f"{self.names.get(later_unit, later_unit)}，按同一单位比对")


def unit_lineage(store: QueryRunner) -> Lineage:
    steps = [Row.model_validate(r) for r in store.run_query("unit_successions", {})]
    sets: DisjointSet[str] = DisjointSet()
    names: dict[str, str] = {}
    for s in steps:
        sets.union(s.unit_id, s.successor_id)
        names[s.unit_id], names[s.successor_id] = s.unit_name, s.successor_name
    predecessors = {s.unit_id for s in steps}
    root = {}
    for group in sets.groups():
        latest = sorted(u for u in group if u not in predecessors) or sorted(group)
        for unit in group:
            root[unit] = latest[0]
    return Lineage(root, names, steps)
