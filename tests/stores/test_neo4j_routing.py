"""The store addressed through the routing scheme (``neo4j://``, as for a cluster or Aura) works unchanged.

The development server is one instance, so the routing table the driver fetches names it as writer, reader
and router alike; what the test proves is that every store call goes through routed sessions (the driver
asks for a routing table and opens WRITE and READ connections), and that a read issued after a load —
in new sessions, large load in journaled chunks included — sees the load (the store's bookmark manager).
"""

from __future__ import annotations

import os

import pytest
from neo4j import Neo4jDriver

from graph.model import NodeKind
from graph.settings import Settings
from graph.stores.neo4j_store import Neo4jStore
from loaders.sample import Bundle

pytestmark = pytest.mark.neo4j


def _routed_settings() -> Settings:
    uri = os.environ.get("NEO4J_URI", "")
    if not uri:
        pytest.skip("NEO4J_URI is not set: run with tools/with-neo4j.sh")
    host = uri.split("://", 1)[1]
    return Settings(store="neo4j", neo4j_uri=f"neo4j://{host}")


@pytest.fixture()
def routed(scratch_neo4j):
    store = Neo4jStore.from_settings(_routed_settings())
    yield store
    store.close()


def _slice(county: Bundle, n: int) -> Bundle:
    nodes = county.nodes[:n]
    ids = {x.id for x in nodes}
    return Bundle(nodes=nodes, edges=[e for e in county.edges if e.src in ids and e.dst in ids], truth={})


def test_the_store_addressed_with_neo4j_scheme_routes(routed):
    assert isinstance(routed._driver, Neo4jDriver)  # the routing driver, not a direct bolt:// one
    table = routed._driver._pool.routing_tables[routed.database]  # fetched from the server on first use
    assert table.writers and table.readers


def test_a_read_after_a_small_load_sees_the_load(routed, county):
    part = _slice(county, 2000)
    routed.upsert(part.nodes, part.edges)
    assert routed._bookmarks.get_bookmarks()  # the write's bookmark is what later reads carry
    assert routed.counts().total_nodes == len(part.nodes)  # each count is its own READ session
    person = next(n for n in part.nodes if n.kind is NodeKind.PERSON)
    assert routed.get_node(person.id) == person
    assert routed.neighbours(person.id)


def test_a_read_after_a_chunked_load_sees_the_whole_load(routed, county):
    routed.single_tx_records, routed.batch_size = 0, 2000  # the journaled path, in parallel write sessions
    routed.upsert(county.nodes, county.edges)
    counts = routed.counts()
    assert counts.total_nodes == len(county.nodes)
    assert sum(counts.edges.values()) == len(county.edges)
    assert routed._read("MATCH (n) WHERE n:LoadJournal OR n:LoadChunk OR n:LoadUndo RETURN count(n) AS n")[0]["n"] == 0


def test_a_second_store_reads_what_the_first_loaded(routed, county):
    """Two processes' stores: the second has no bookmark of the first, but reads after the load has committed."""
    part = _slice(county, 500)
    routed.replace_all(part.nodes, part.edges)
    other = Neo4jStore.from_settings(_routed_settings())
    try:
        assert other.generation() == routed.generation()
        assert other.counts() == routed.counts()
    finally:
        other.close()
