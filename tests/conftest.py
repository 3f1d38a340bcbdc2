"""Shared fixtures: the scale-1 sample county (generated once) and fresh stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.stores.embedded import EmbeddedStore
from loaders.sample import Bundle, generate


@pytest.fixture(scope="session")
def county() -> Bundle:
    return generate(1, 7)


@pytest.fixture()
def embedded(tmp_path: Path) -> EmbeddedStore:
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    yield store
    store.close()


@pytest.fixture(scope="session")
def loaded_embedded(county: Bundle, tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    store = EmbeddedStore(tmp_path_factory.mktemp("county") / "graph.sqlite")
    store.upsert(county.nodes, county.edges)
    yield store
    store.close()
