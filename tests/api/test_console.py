"""The read-only Cypher console on a real Neo4j: write attempts refused, reads answered."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import AccountStore, Role
from graph.console import ConsoleRefused, check_read_only
from graph.settings import Settings
from graph.stores.base import StoreError

WRITES = [
    "CREATE (n:Unit {id: 'x'})",
    "MATCH (n) DETACH DELETE n",
    "match (n:Unit) set n.name = 'x'",
    "MERGE (n:Person {id: 'p'}) RETURN n",
    "MATCH (n) REMOVE n.name",
    "MATCH (n)-[r]->() DELETE r",
    "CALL db.createLabel('X')",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "load  csv  from 'http://x' as r return r",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS",
    "MATCH (n) FOREACH (x IN [1] | SET n.a = 1)",
    "MATCH (n) RETURN n /* harmless */ ; CREATE (m)",
    "MATCH (n) RETURN n // then\nCREATE (m)",
    "cReAtE (n)",
    "MATCH (n)\tDETACH\n\nDELETE n",
    "DROP INDEX foo",
    "CREATE CONSTRAINT c FOR (n:X) REQUIRE n.id IS UNIQUE",
    "MATCH (n) WITH n SET n:Flag",
    "MATCH (n) RETURN n UNION MATCH (m) SET m.x = 1 RETURN m",
    "CALL dbms.security.createUser('u', 'p', false)",
    "USE system CREATE USER u SET PASSWORD 'p'",
    "MATCH (n) RETURN n; \\u0043REATE (m)",
]
READS = [
    ("MATCH (u:Unit) RETURN count(u) AS n", {}),
    ("MATCH (u:Unit) WHERE u.name CONTAINS $text RETURN u.name AS name ORDER BY name LIMIT 3", {"text": "局"}),
    ("MATCH (n:Issue) WHERE n.text = 'CREATE or DELETE in a string is fine' RETURN count(n)", {}),
    ("MATCH (n:`Unit`) RETURN n LIMIT 2", {}),
    ("CALL db.labels() YIELD label RETURN label ORDER BY label", {}),
]


@pytest.mark.parametrize("text", WRITES)
def test_write_attempts_are_refused_by_the_text_guard(text):
    with pytest.raises(ConsoleRefused):
        check_read_only(text)


@pytest.mark.parametrize(("text", "params"), READS)
def test_reads_pass_the_text_guard(text, params):
    check_read_only(text)


def test_a_write_that_slipped_past_would_still_fail_in_the_read_transaction(loaded_neo4j):
    with pytest.raises(StoreError):
        loaded_neo4j.run_read_only("CREATE (n:Unit {id: 'sneaky'}) RETURN n", {}, limit=5)
    assert loaded_neo4j.get_node("sneaky") is None


def test_console_endpoint_on_neo4j(loaded_neo4j, tmp_path):
    accounts = AccountStore(tmp_path / "accounts.sqlite")
    token = accounts.add("ana", Role.ANALYST)
    accounts.close()
    settings = Settings(data_dir=tmp_path, store="neo4j")
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(settings)) as client:
        for text in WRITES[:6]:
            response = client.post("/cypher", json={"query": text}, headers=headers)
            assert response.status_code == 403 and response.json()["code"] == "write_refused", text
        ok = client.post("/cypher", json={"query": READS[1][0], "params": READS[1][1]}, headers=headers)
        assert ok.status_code == 200 and ok.json()["columns"] == ["name"] and len(ok.json()["rows"]) == 3
        capped = client.post("/cypher", json={"query": "MATCH (n:Issue) RETURN n.id", "limit": 5}, headers=headers)
        assert len(capped.json()["rows"]) == 5 and capped.json()["truncated"] is True
        node = client.post("/cypher", json={"query": "MATCH (n:Unit) RETURN n LIMIT 1"}, headers=headers).json()
        assert node["rows"][0][0]["kind"] == "Unit"
        broken = client.post("/cypher", json={"query": "MATCH (n RETURN n"}, headers=headers)
        assert broken.status_code == 400 and broken.json()["code"] == "query_failed"
