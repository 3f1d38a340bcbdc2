"""Shared fixtures: the scale-1 sample county (generated once) and fresh stores."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from graph.analysis import repeats
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
    repeats.recompute(store)
    yield store
    store.close()


def _neo4j_settings():
    import os

    from graph.settings import Settings

    if not os.environ.get("NEO4J_URI"):
        message = "NEO4J_URI is not set: run the suite with `make test`, which starts a real Neo4j"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return Settings(store="neo4j")


@pytest.fixture(scope="session")
def neo4j_store(tmp_path_factory: pytest.TempPathFactory):
    """A real Neo4j server (started by `make test`); never mocked, never skipped under CI."""
    from graph.stores.neo4j_store import Neo4jStore

    settings = _neo4j_settings().model_copy(update={"data_dir": tmp_path_factory.mktemp("neo4j-data")})
    store = Neo4jStore.from_settings(settings)  # its kept results go to a temporary folder, not the checkout's var/
    yield store
    store.close()


def _holds(store, county: Bundle) -> bool:
    """Whether the store holds the county's records (by kind and type; computed REPEATS edges aside)."""
    counts = store.counts()
    edges = {t: n for t, n in counts.edges.items() if t != "REPEATS"}
    return counts.nodes == Counter(n.kind.value for n in county.nodes) and \
        edges == Counter(e.type.value for e in county.edges) and counts.edges.get("REPEATS", 0) > 0


@pytest.fixture(scope="session")
def loaded_neo4j(neo4j_store, county: Bundle):
    neo4j_store.clear()
    neo4j_store.upsert(county.nodes, county.edges)
    repeats.recompute(neo4j_store)
    return neo4j_store


@pytest.fixture()
def neo4j_county(loaded_neo4j, county: Bundle):
    """The session's Neo4j holding the sample county, loaded again when an earlier test left another graph there
    (a kill or recovery test writes its own small graph into the same server)."""
    if not _holds(loaded_neo4j, county):
        loaded_neo4j.clear()
        loaded_neo4j.upsert(county.nodes, county.edges)
        repeats.recompute(loaded_neo4j)
    return loaded_neo4j


@pytest.fixture()
def scratch_neo4j(neo4j_store, county: Bundle):
    """The session's Neo4j, emptied for one test and given back holding the sample county."""
    neo4j_store.clear()
    yield neo4j_store
    neo4j_store.clear()
    neo4j_store.upsert(county.nodes, county.edges)
    repeats.recompute(neo4j_store)
