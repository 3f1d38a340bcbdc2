"""Graph stores: the protocol, the embedded default and Neo4j."""

from __future__ import annotations

from graph.settings import Settings
from graph.stores.base import Counts, GraphStore, StoreError, StoreUnavailable


def open_store(settings: Settings) -> GraphStore:
    """Open whichever store the settings name."""
    if settings.store == "neo4j":
        from graph.stores.neo4j_store import Neo4jStore

        return Neo4jStore.from_settings(settings)
    from graph.stores.embedded import EmbeddedStore

    return EmbeddedStore(settings.embedded_path)


__all__ = ["Counts", "GraphStore", "StoreError", "StoreUnavailable", "open_store"]
