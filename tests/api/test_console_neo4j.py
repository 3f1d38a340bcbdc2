"""The console against a real Neo4j: Neo4j's own plan refuses every bypass even without the text guard;
answers are bounded by rows and bytes; answers that may name people are audited; the development
server reads no files, reaches no address, and restarts on its kept data."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import GraphDatabase
from neo4j.exceptions import ClientError

from api.app import create_app
from api.auth import AccountStore, Role
from graph.console import ConsoleLimits, ConsoleRefused
from graph.settings import Settings
from graph.stores.base import StoreError
from tests.api.test_console import BYPASSES, READS, WRITES

pytestmark = pytest.mark.neo4j
ROOT = Path(__file__).resolve().parents[2]
# Not Cypher at all for Neo4j (syntax errors, procedures that do not exist): refused by Neo4j, not by the plan.
NOT_CYPHER = {*(t for t in BYPASSES if "\\u" in t), "CALL apoc.load.json('file:///etc/passwd')",
              "CALL apoc.cypher.run('MATCH (n) DETACH DELETE n', {})", "RETURN apoc.text.join(['a'], ',')",
              "RETURN apoc.`load`.json('x')", "USE system SHOW USERS", "RETURN 1; RETURN 2",
              "RETURN 1 // x\n; CREATE (m)", "PROFILE MATCH (n:Unit) RETURN n LIMIT 1",
              "MATCH (n) RETURN n /* harmless */ ; CREATE (m)",
              "CALL dbms.security.createUser('u', 'p', false)", "MATCH (n) RETURN n; \\u0043REATE (m)"}


@pytest.fixture(scope="module")
def app_dir(loaded_neo4j, tmp_path_factory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("console")
    accounts = AccountStore(folder / "accounts.sqlite")
    tokens = {role: accounts.add(f"c_{role}", Role(role)) for role in ("analyst", "admin")}
    accounts.close()
    return folder, {role: f"Bearer {token}" for role, token in tokens.items()}


@pytest.fixture(scope="module")
def client(app_dir):
    # A generous transaction timeout: these tests are about rows, bytes and refusals, not speed, and the shared
    # two-core machine may be busy (the timeout itself is tested with its own short setting, if at all).
    with TestClient(create_app(Settings(data_dir=app_dir[0], store="neo4j", console_timeout_s=60))) as c:
        yield c


def ask(client, app_dir, query: str, **extra):
    return client.post("/cypher", json={"query": query, **extra}, headers={"Authorization": app_dir[1]["analyst"]})


@pytest.mark.parametrize("text", BYPASSES + WRITES)
def test_neo4j_plan_alone_refuses_every_bypass(loaded_neo4j, text):
    """The store is called directly, skipping the text guard: EXPLAIN and the plan walk must refuse."""
    expected = StoreError if text in NOT_CYPHER else ConsoleRefused
    with pytest.raises(expected):
        loaded_neo4j.run_read_only(text, {}, limit=5)


def test_refusals_leave_the_graph_as_it_was_and_read_no_file(loaded_neo4j):
    before = loaded_neo4j.counts()
    for text in BYPASSES + WRITES:
        with pytest.raises((ConsoleRefused, StoreError)) as caught:
            loaded_neo4j.run_read_only(text, {}, limit=5)
        assert "root:" not in str(caught.value)
    assert loaded_neo4j.counts() == before
    assert loaded_neo4j.get_node("x") is None


def test_the_plan_refusal_names_what_was_refused(loaded_neo4j):
    def message(text: str) -> str:
        with pytest.raises(ConsoleRefused) as caught:
            loaded_neo4j.run_read_only(text, {}, limit=5)
        return str(caught.value)

    assert "LOAD CSV" in message(BYPASSES[0])
    assert "dbms.listConfig" in message("CALL dbms.listConfig()")
    assert "ShowTransactions" in message("SHOW TRANSACTIONS")
    assert "IN TRANSACTIONS" in message("CALL () { MATCH (n:Unit) RETURN n.name AS y } IN TRANSACTIONS RETURN y")
    assert "写操作“Create”" in message("CALL { CREATE (n) RETURN n } RETURN n")
    assert "system" in message("USE system CALL db.labels()")


def test_a_write_in_the_read_transaction_fails_even_without_both_locks(loaded_neo4j):
    with loaded_neo4j._session(read=True) as session, pytest.raises(ClientError):
        session.execute_read(lambda tx: tx.run("CREATE (n:Unit {id: 'sneaky'}) RETURN n").consume())
    assert loaded_neo4j.get_node("sneaky") is None


def test_the_server_itself_reads_no_file_and_reaches_no_address(loaded_neo4j):
    """The development server is configured like the documented production settings (README)."""
    for url, setting in (("file:///etc/passwd", "allow_csv_import_from_file_urls"),
                         ("http://127.0.0.1:7474/", "cypher_ip_blocklist")):
        with loaded_neo4j._session() as session, pytest.raises(ClientError, match=setting):
            session.run(f"LOAD CSV FROM '{url}' AS l RETURN l").consume()


@pytest.mark.parametrize("text", BYPASSES + WRITES)
def test_the_endpoint_refuses_with_a_chinese_message(client, app_dir, text):
    response = ask(client, app_dir, text)
    assert response.status_code == 403 and response.json()["code"] == "write_refused", text
    assert "控制台" in response.json()["message"] or "查询" in response.json()["message"]


@pytest.mark.parametrize(("text", "params"), READS)
def test_ordinary_reads_still_work(client, app_dir, text, params):
    response = ask(client, app_dir, text, params=params)
    assert response.status_code == 200, response.json()
    assert response.json()["rows"] and response.json()["truncated"] is False


def test_read_answers_have_their_shape(client, app_dir):
    ok = ask(client, app_dir, READS[1][0], params=READS[1][1]).json()
    assert ok["columns"] == ["name"] and len(ok["rows"]) == 3
    assert ask(client, app_dir, READS[3][0]).json()["rows"] == [["LOAD CSV FROM file:///etc/passwd // SHOW USERS"]]
    capped = ask(client, app_dir, "MATCH (n:Issue) RETURN n.id", limit=5).json()
    assert len(capped["rows"]) == 5 and capped["truncated"] is True and "5 行" in capped["note"]
    node = ask(client, app_dir, "MATCH (n:Unit) RETURN n LIMIT 1").json()
    assert node["rows"][0][0]["kind"] == "Unit"
    path = ask(client, app_dir, "MATCH p = (:Unit)-[:PART_OF]->(:Unit) RETURN p LIMIT 1").json()
    assert {n["kind"] for n in path["rows"][0][0]["nodes"]} == {"Unit"}
    assert path["rows"][0][0]["relationships"][0]["type"] == "PART_OF"
    schema = ask(client, app_dir, "CALL db.schema.visualization()")
    assert schema.status_code == 200
    broken = ask(client, app_dir, "MATCH (n RETURN n")
    assert broken.status_code == 400 and broken.json()["code"] == "query_failed"


@pytest.mark.parametrize("text", ["RETURN range(1, 3000000) AS r", "MATCH (n) RETURN collect(properties(n)) AS all",
                                  "MATCH (n) RETURN n, [x IN range(1, 50) | n.id] AS many"])
def test_one_huge_row_or_many_rows_are_bounded_by_bytes(client, app_dir, text):
    response = ask(client, app_dir, text, limit=5000)
    body = response.json()
    assert response.status_code == 200 and body["truncated"] is True and "2 MB" in body["note"]
    compact = json.dumps(body["rows"], ensure_ascii=False, separators=(",", ":"))  # as the API sends it
    assert len(compact.encode()) <= ConsoleLimits().max_bytes
    assert len(response.content) < ConsoleLimits().max_bytes + 10_000


def test_the_transaction_timeout_stops_a_long_query(loaded_neo4j):
    started = time.monotonic()
    with pytest.raises(StoreError, match="秒"):
        loaded_neo4j.run_read_only("UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x)", {},
                                   limit=1, limits=ConsoleLimits(timeout_s=0.5))
    assert time.monotonic() - started < 10


def _audit(client, app_dir) -> list[dict]:
    return client.get("/audit", params={"account": "c_analyst", "limit": 500},
                      headers={"Authorization": app_dir[1]["admin"]}).json()["items"]


@pytest.mark.parametrize(("text", "audited"), [
    ("MATCH (p:Person)--(c:Clue) RETURN p.name, p.id_hash, c.summary LIMIT 500", True),  # issue 12, item 5
    ("MATCH (p:Person) RETURN p.name AS name LIMIT 3", True),
    ("MATCH (n) WHERE n.name IS NOT NULL RETURN n.name LIMIT 3", True),  # any label: may be a person
    ("MATCH (u:Unit)--(x) RETURN x.name LIMIT 3", True),  # reaches neighbours of any label
    ("MATCH (p) WHERE 'Per' + 'son' IN labels(p) RETURN p.id_hash LIMIT 3", True),
    ("MATCH (c:Clue) RETURN c.summary LIMIT 3", True),  # accusations name people
    ("MATCH (u:Unit) RETURN u.name LIMIT 3", False),
    ("MATCH (p:Person) WHERE p.name = '没有这个人' RETURN p.name", False),  # nothing returned
    ("MATCH (n) RETURN count(n)", False),
])
def test_answers_that_may_name_people_are_audited(client, app_dir, text, audited):
    before = len(_audit(client, app_dir))
    assert ask(client, app_dir, text).status_code == 200
    after = _audit(client, app_dir)
    assert len(after) == before + int(audited), text
    if audited:
        assert after[0]["endpoint"] == "/cypher" and after[0]["query"] == text


def test_person_nodes_returned_are_audited_by_id(client, app_dir, loaded_neo4j):
    rows = ask(client, app_dir, "MATCH (p:Person) RETURN p ORDER BY p.id LIMIT 2").json()["rows"]
    ids = {row[0]["id"] for row in rows}
    assert len(ids) == 2 and all(i.startswith("per_") for i in ids)
    assert ids <= set(_audit(client, app_dir)[0]["person_ids"])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(data: Path, port: int, password: str) -> subprocess.Popen:
    env = {**os.environ, "NEO4J_DATA": str(data), "NEO4J_PORT": str(port), "NEO4J_PASSWORD": password}
    process = subprocess.Popen(["bash", str(ROOT / "tools/neo4j-dev/start.sh")], env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        line = process.stdout.readline()  # type: ignore[union-attr]
        if line.startswith("READY"):
            return process
        if not line and process.poll() is not None:
            break
    process.kill()
    raise AssertionError(f"the development Neo4j did not start on {data}")


def _stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=120)


@pytest.mark.slow
def test_the_development_server_restarts_on_its_kept_data(tmp_path):
    """Issue 12, item 10: the second start on the same folder used to fail setting the same password."""
    subprocess.run(["bash", str(ROOT / "tools/neo4j-dev/build.sh")], check=True)
    data, port, password = tmp_path / "neo4j", _free_port(), "kept-data-password"
    server = _start(data, port, password)
    try:
        with GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("neo4j", password)) as driver:
            driver.execute_query("CREATE (:Kept {id: 'kept'})")
    finally:
        _stop(server)
    server = _start(data, port, password)
    try:
        with GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("neo4j", password)) as driver:
            records, _, _ = driver.execute_query("MATCH (n:Kept) RETURN n.id AS id")
        assert [r["id"] for r in records] == ["kept"]
    finally:
        _stop(server)
