"""Every endpoint: 401 without a token, 403 for a role below it, an answer for the right role;
viewers see people masked; reading a person is audited and the audit survives a restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.analysis.cache import result_files
from graph.settings import Settings
from graph.stores.embedded import EmbeddedStore
from tests.api.county_app import ROLES, county_folder, role_tokens
from tests.loaders.test_malformed import ISSUE_HEAD, issue


@pytest.fixture(scope="module")
def data_dir(county, tmp_path_factory) -> Path:
    return county_folder(county, tmp_path_factory, "api")


@pytest.fixture(scope="module")
def tokens(data_dir) -> dict[str, str]:
    return role_tokens(data_dir, "t")


@pytest.fixture(scope="module")
def client(data_dir, tokens):
    with TestClient(create_app(Settings(data_dir=data_dir, store="embedded"))) as c:
        yield c


def auth(tokens: dict[str, str], role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens[role]}"}


def _endpoints(county) -> list[tuple[str, str, str, dict[str, Any]]]:
    person = county.truth["leader_carry"][0]["person"]
    unit = next(n.id for n in county.nodes if n.kind.value == "Unit")
    return [
        ("GET", "/stats", "viewer", {}),
        ("GET", f"/entities/{person}", "viewer", {}),
        ("GET", f"/entities/{unit}/neighbourhood", "viewer", {"params": {"depth": 2}}),
        ("GET", "/search", "viewer", {"params": {"text": "村"}}),
        ("GET", "/repeats", "viewer", {"params": {"flag": "relapse"}}),
        ("GET", "/common", "viewer", {}),
        ("GET", "/linked", "viewer", {}),
        ("GET", "/paths", "analyst", {"params": {"source": person, "target": unit}}),
        ("GET", "/leaders/carry", "analyst", {}),
        ("GET", "/people/in-many-clues", "analyst", {}),
        ("GET", "/relatives", "analyst", {}),
        ("GET", "/queries", "analyst", {}),
        ("POST", "/queries/unit_issues", "analyst", {"json": {"unit_id": unit}}),
        ("POST", "/cypher", "analyst", {"json": {"query": "MATCH (n) RETURN count(n)"}}),
        ("POST", "/repeats/recompute", "admin", {}),
        ("POST", "/loads", "admin", {"files": {"file": ("问题清单.csv", b"x,y\n1,2\n", "text/csv")}}),
        ("GET", "/audit", "admin", {}),
        ("GET", "/users", "admin", {}),
        ("POST", "/users", "admin", {"json": {"name": "newbie", "role": "viewer"}}),
        ("DELETE", "/users/newbie", "admin", {}),
    ]


def test_every_endpoint_needs_a_token_and_the_right_role(client, tokens, county):
    for method, path, role, kw in _endpoints(county):
        assert client.request(method, path, **kw).status_code == 401, path
        for lower in ROLES[:ROLES.index(role)]:
            response = client.request(method, path, headers=auth(tokens, lower), **kw)
            assert response.status_code == 403, (path, lower)
            assert response.json()["code"] == "forbidden" and "无权" in response.json()["message"]
        response = client.request(method, path, headers=auth(tokens, role), **kw)
        assert response.status_code not in (401, 403, 500), (path, response.text)


def test_health_is_open(client):
    assert client.get("/health").json()["status"] == "ok"


def test_viewer_sees_people_masked_and_analyst_sees_them_whole(client, tokens, county):
    person = next(n for n in county.nodes if n.kind.value == "Person")
    seen = client.get(f"/entities/{person.id}", headers=auth(tokens, "viewer")).json()
    assert seen["props"]["name"] == person.props["name"][0] + "*"
    assert "id_hash" not in seen["props"] and "birth_year" not in seen["props"]
    assert seen["id"] != person.id
    whole = client.get(f"/entities/{person.id}", headers=auth(tokens, "analyst")).json()
    assert whole["props"]["name"] == person.props["name"] and whole["props"]["id_hash"]
    hood = client.get(f"/entities/{person.id}/neighbourhood", headers=auth(tokens, "viewer")).json()
    assert hood["items"] and all(r["id"] != person.id for r in hood["items"])
    found = client.get("/search", params={"text": person.props["name"], "kind": "Person"},
                       headers=auth(tokens, "viewer")).json()
    assert found["items"] and all(r["name"].endswith("*") and len(r["name"]) == 2 for r in found["items"])


def test_viewer_does_not_read_what_a_clue_or_case_says(client, tokens, county):
    clue = next(n for n in county.nodes if n.kind.value == "Clue")
    seen = client.get(f"/entities/{clue.id}", headers=auth(tokens, "viewer")).json()
    assert seen["props"]["summary"] == "（已隐藏）" and seen["props"]["code"] == clue.props["code"]
    whole = client.get(f"/entities/{clue.id}", headers=auth(tokens, "analyst")).json()
    assert whole["props"]["summary"] == clue.props["summary"]


def test_reading_a_person_is_audited_and_the_audit_survives_restart(client, tokens, county, data_dir):
    person = county.truth["leader_carry"][1]["person"]
    client.get(f"/entities/{person}", headers=auth(tokens, "analyst"))
    client.get("/stats", headers=auth(tokens, "analyst"))  # no people: not audited
    with TestClient(create_app(Settings(data_dir=data_dir, store="embedded"))) as again:
        log = again.get("/audit", params={"account": "t_analyst"}, headers=auth(tokens, "admin")).json()
    rows = [r for r in log["items"] if r["endpoint"] == f"/entities/{person}"]
    assert rows and rows[0]["person_ids"] == [person] and rows[0]["role"] == "analyst"
    assert all(r["endpoint"] != "/stats" for r in log["items"])


def test_pages_carry_the_total(client, tokens):
    first = client.get("/repeats", params={"limit": 10}, headers=auth(tokens, "viewer")).json()
    second = client.get("/repeats", params={"limit": 10, "offset": 10}, headers=auth(tokens, "viewer")).json()
    assert first["total"] == second["total"] > 20 and len(first["items"]) == 10
    assert {r["issue_id"] for r in first["items"]}.isdisjoint(r["issue_id"] for r in second["items"])


def test_errors_are_chinese_json_with_a_code(client, tokens):
    missing = client.get("/entities/unit_0000000000000000", headers=auth(tokens, "viewer"))
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    bad = client.get("/repeats", params={"limit": 0}, headers=auth(tokens, "viewer"))
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_request" and "limit" in bad.json()["message"]
    wrong = client.post("/queries/unit_issues", json={}, headers=auth(tokens, "analyst"))
    assert wrong.status_code == 422 and "unit_id" in wrong.json()["message"]
    assert client.post("/queries/nope", json={}, headers=auth(tokens, "analyst")).status_code == 404
    console = client.post("/cypher", json={"query": "MATCH (n) RETURN n"}, headers=auth(tokens, "analyst"))
    assert console.status_code == 409 and "嵌入式" in console.json()["message"]


def test_upload_loads_all_or_nothing(client, tokens, county, data_dir):
    unit = next(n for n in county.nodes if n.kind.value == "Unit" and n.props["unit_kind"] == "county_department")
    rnd = next(n for n in county.nodes if n.kind.value == "Round")
    row = issue(**{"县（市、区）": unit.props["county"], "届次": rnd.props["term"], "轮次": rnd.props["number"],
                   "被巡察单位": unit.props["name"], "序号": 99, "问题编号": "UP-1"})
    good = ",".join(ISSUE_HEAD) + "\n" + ",".join(str(v) for v in row) + "\n"
    bad = good + ",".join(str(v) for v in [*row[:3], "UP-2", row[4], "", 98, "x", "财务管理", "差不多", "2022-01-01"]) + "\n"
    before = client.get("/stats", headers=auth(tokens, "admin")).json()["total_nodes"]
    rejected = client.post("/loads", files={"file": ("问题清单.csv", bad.encode(), "text/csv")},
                           headers=auth(tokens, "admin"))
    assert rejected.status_code == 422 and rejected.json()["code"] == "ledger_rejected"
    problems = rejected.json()["detail"]["problems"]
    assert [(p["row"], p["header"]) for p in problems] == [(3, "整改状态")]
    assert client.get("/stats", headers=auth(tokens, "admin")).json()["total_nodes"] == before
    loaded = client.post("/loads", files={"file": ("问题清单.csv", good.encode(), "text/csv")},
                         headers=auth(tokens, "admin"))
    assert loaded.status_code == 200 and loaded.json()["loaded"] == 1
    assert client.get("/stats", headers=auth(tokens, "admin")).json()["total_nodes"] == before + 2  # issue + document
    # after the answer, the upload left the usual analyses and the dashboard kept for the new graph version
    store = EmbeddedStore(data_dir / "graph.sqlite")
    kept = result_files(store).names_at(store.version())
    store.close()
    assert kept >= {"common", "linked", "leader_carry", "repeats_at", "dashboard"}
    again = client.post("/loads", files={"file": ("问题清单.csv", good.encode(), "text/csv")}, headers=auth(tokens, "admin"))
    assert again.status_code == 200  # the same upload twice changes nothing
    assert client.get("/stats", headers=auth(tokens, "admin")).json()["total_nodes"] == before + 2


def test_no_personal_data_in_application_logs(client, tokens, county, caplog):
    person = next(n for n in county.nodes if n.kind.value == "Person")
    with caplog.at_level("DEBUG"):
        client.get(f"/entities/{person.id}", headers=auth(tokens, "analyst"))
        client.get("/search", params={"text": person.props["name"]}, headers=auth(tokens, "analyst"))
        client.get(f"/entities/{person.id}/neighbourhood", headers=auth(tokens, "admin"))
    server = [r for r in caplog.records if not r.name.startswith("httpx")]  # httpx logs the test client's own requests
    text = "\n".join(r.getMessage() for r in server)
    assert person.props["name"] not in text and person.props["id_hash"] not in text
    assert all(r.levelno < 20 or person.id not in r.getMessage() for r in server)


@pytest.mark.parametrize("path", ["/alerts/hits", "/text-items"])
def test_an_offset_past_what_sqlite_holds_is_refused_not_a_server_error(client, tokens, path):
    answer = client.get(path, headers=auth(tokens, "analyst"), params={"offset": 2**63})
    assert answer.status_code == 422, answer.text
