"""The issue-category tree, read from ``taxonomy.json`` (editable per county)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Taxonomy:
    """Top-level categories, their leaves, and old labels mapped onto them."""

    tree: dict[str, tuple[str, ...]]
    legacy: dict[str, str]

    @property
    def leaves(self) -> tuple[str, ...]:
        return tuple(leaf for leaves in self.tree.values() for leaf in leaves)

    def top_of(self, label: str) -> str:
        """Top-level category of a leaf, a top label, or a legacy label."""
        label = self.legacy.get(label, label)
        if label in self.tree:
            return label
        for top, leaves in self.tree.items():
            if label in leaves:
                return top
        raise ValueError(f"未知的问题类别：{label}")

    def canonical(self, label: str) -> str:
        """The tree's own name for ``label`` (a leaf or a top category)."""
        label = self.legacy.get(label, label)
        self.top_of(label)
        return label


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    raw = json.loads(resources.files("graph.model").joinpath("taxonomy.json").read_text("utf-8"))
    return Taxonomy(
        tree={top: tuple(leaves) for top, leaves in raw["tree"].items()},
        legacy=dict(raw["legacy"]),
    )
