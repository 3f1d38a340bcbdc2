"""The stores a bench compares side by side: the embedded store in a scratch folder and, when ``NEO4J_URI`` is set
(``bash tools/with-neo4j.sh …``), the real Neo4j emptied first — one way of opening them for every bench, and one
way of printing a store's figures on a line."""

from __future__ import annotations

import os
from pathlib import Path

from graph.settings import Settings
from graph.stores.base import GraphStore
from graph.stores.embedded import EmbeddedStore


def emptied_neo4j() -> GraphStore | None:
    """The Neo4j the environment names, emptied; None when none is named."""
    if not os.environ.get("NEO4J_URI"):
        return None
    from graph.stores.neo4j_store import Neo4jStore

    neo = Neo4jStore.from_settings(Settings(store="neo4j"))
    neo.clear()
    return neo


def side_by_side(folder: Path) -> list[GraphStore]:
    """A new embedded store in ``folder``, and the emptied Neo4j if there is one."""
    neo = emptied_neo4j()
    return [EmbeddedStore(folder / "graph.sqlite"), *([neo] if neo is not None else [])]


def figures_line(store: GraphStore, figures: dict[str, float | int]) -> str:
    """One store's figures on a line: seconds to two places, counts as they are."""
    return f"  {store.name:<9} " + "  ".join(
        f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items())
