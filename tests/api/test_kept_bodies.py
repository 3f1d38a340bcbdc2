"""Whole-graph results sent from a body made once per graph version (api.delivery.deliver_kept): the body is
what a fresh computation gives, masked for viewers, every analyst read audited, and a write elsewhere (another
store on the same file, as another worker or the CLI would) makes the next body anew."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api import delivery
from api.app import create_app
from api.audit import AuditLog
from graph.analysis import linked
from graph.analysis.common_problems import common_problems
from graph.model import NodeKind
from graph.reviews.dashboard import dashboard
from graph.settings import Settings
from graph.stores.embedded import EmbeddedStore
from tests.api.county_app import county_folder, role_tokens


@pytest.fixture(scope="module")
def data_dir(county, tmp_path_factory) -> Path:
    return county_folder(county, tmp_path_factory, "kept")


@pytest.fixture(scope="module")
def api(data_dir):
    tokens = role_tokens(data_dir, "kept")
    with TestClient(create_app(Settings(data_dir=data_dir, store="embedded"))) as c:
        yield c, {role: {"Authorization": f"Bearer {t}"} for role, t in tokens.items()}


def _fresh(data_dir: Path, as_of: str) -> tuple[dict, dict]:
    """The dashboard and the linked groups computed now from the file, as plain JSON."""
    store = EmbeddedStore(data_dir / "graph.sqlite")
    try:
        board = json.loads(dashboard(store, None, date.fromisoformat(as_of), data_dir=data_dir).model_dump_json())
        groups = json.loads(linked.linked_clusters(store, top=20).model_dump_json())
    finally:
        store.close()
    return board, groups


def _reads(data_dir: Path, account: str, endpoint: str) -> int:
    log = AuditLog(data_dir / "audit.sqlite")
    try:
        _, entries = log.read(limit=10_000, offset=0, account=account, kind="read")
    finally:
        log.close()
    return sum(e.endpoint == endpoint for e in entries)


def test_kept_bodies_equal_a_fresh_computation_and_every_analyst_read_is_audited(api, data_dir, county):
    client, h = api
    as_of = county.truth["as_of"]
    board, groups = _fresh(data_dir, as_of)
    before = _reads(data_dir, "kept_analyst", "/dashboard")
    first = client.get("/dashboard", params={"today": as_of}, headers=h["analyst"])
    second = client.get("/dashboard", params={"today": as_of}, headers=h["analyst"])
    assert first.status_code == second.status_code == 200
    assert first.headers["content-type"] == "application/json"
    assert first.json() == board and second.content == first.content
    assert second.content == delivery._rendered[(f"dashboard:None:None:{as_of}", False)][2]  # sent as kept
    assert _reads(data_dir, "kept_analyst", "/dashboard") == before + 2  # each read of names is audited
    assert client.get("/linked", headers=h["analyst"]).json() == groups

    names = {n.props["name"] for n in county.nodes if n.kind is NodeKind.PERSON}
    assert {n for n in names if n in first.text}  # the analyst's body names people
    for _ in range(2):
        seen = client.get("/dashboard", params={"today": as_of}, headers=h["viewer"])
        assert seen.status_code == 200 and seen.json()["total"] == board["total"]
        assert not {n for n in names if n in seen.text}  # the viewer's body, kept apart, masks them
    assert _reads(data_dir, "kept_viewer", "/dashboard") == 0
    assert client.get("/dashboard", params={"today": as_of}, headers=h["analyst"]).content == first.content


def test_a_write_by_another_process_makes_the_next_body_anew(api, data_dir, county):
    client, h = api
    as_of = county.truth["as_of"]
    old = client.get("/dashboard", params={"today": as_of}, headers=h["analyst"]).json()
    client.get("/linked", headers=h["analyst"])
    writer = EmbeddedStore(data_dir / "graph.sqlite")  # another process's write, seen through the file
    issues = [n for n in county.nodes if n.kind is NodeKind.ISSUE][:40]
    writer.upsert([n.model_copy(update={"props": {**n.props, "category": "改过的类别"}}) for n in issues], [])
    writer.close()
    board, groups = _fresh(data_dir, as_of)
    now = client.get("/dashboard", params={"today": as_of}, headers=h["analyst"]).json()
    assert now == board and now != old
    assert client.get("/linked", headers=h["analyst"]).json() == groups
    shown = client.get("/linked", headers=h["viewer"]).json()
    assert [c["size"] for c in shown["clusters"]] == [c["size"] for c in groups["clusters"]]


@pytest.mark.parametrize(("path", "fresh"), [
    ("/leaders/carry", lambda s: s.run_query("leader_carry", {"person_id": None, "min_units": 2})),
    ("/repeats", lambda s: s.run_query("repeats_at", {"limit": 1_000_000})),
    ("/common", lambda s: [c.model_dump(mode="json") for c in common_problems(s, min_units=3)]),
])
def test_pages_of_a_kept_list_are_its_rows_and_name_only_their_people(api, data_dir, county, path, fresh):
    client, h = api
    store = EmbeddedStore(data_dir / "graph.sqlite")
    try:
        rows = fresh(store)
    finally:
        store.close()
    assert len(rows) > 7
    pages = [client.get(path, params={"limit": 7, "offset": o}, headers=h["analyst"]) for o in range(0, len(rows), 7)]
    assert all(p.status_code == 200 and p.json()["total"] == len(rows) for p in pages)
    assert [r for p in pages for r in p.json()["items"]] == json.loads(json.dumps(rows))
    assert client.get(path, params={"limit": 7, "offset": len(rows) + 5}, headers=h["analyst"]).json() == {
        "items": [], "total": len(rows), "limit": 7, "offset": len(rows) + 5}
    log = AuditLog(data_dir / "audit.sqlite")
    try:
        _, entries = log.read(limit=1, offset=0, account="kept_analyst", kind="read")
    finally:
        log.close()
    last = pages[-1].json()["items"]
    named = {v for r in last for v in json.dumps(r).split('"') if v.startswith("per_")}
    assert entries[0].endpoint == path and named <= set(entries[0].person_ids)
    names = {n.props["name"] for n in county.nodes if n.kind is NodeKind.PERSON}
    shown = client.get(path, params={"limit": 1000}, headers=h["viewer"])
    if path == "/leaders/carry":  # analysts only
        assert shown.status_code == 403
        return
    assert shown.json()["total"] == len(rows) and "per_" not in shown.text.replace("per_****************", "")
    assert not {n for n in names if len(n) > 2 and n in shown.text}
