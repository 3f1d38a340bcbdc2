"""The audit log records every write (with who, what and how many), every 401 and 403, and admins reading it;
an audit file from before these kinds opens and reads as it did."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api import audit as audit_module
from api.app import create_app
from api.audit import AuditLog, RefusalAudit, counts_of
from api.auth import AccountStore, Role
from api.cli import app as cli_app
from graph.settings import Settings, get_settings
from graph.stores.embedded import EmbeddedStore

ROLES = ("viewer", "analyst", "admin")


@pytest.fixture(scope="module")
def data_dir(county, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("audit")
    store = EmbeddedStore(folder / "graph.sqlite")
    store.upsert(county.nodes, county.edges)
    store.close()
    return folder


@pytest.fixture(scope="module")
def tokens(data_dir) -> dict[str, str]:
    accounts = AccountStore(data_dir / "accounts.sqlite")
    made = {role: accounts.add(f"a_{role}", Role(role)) for role in ROLES}
    made["gone"] = accounts.add("a_gone", Role.ANALYST)
    accounts.revoke("a_gone")
    accounts.close()
    return made


@pytest.fixture(scope="module")
def client(data_dir, tokens):
    app = create_app(Settings(data_dir=data_dir, store="embedded"))
    audit_module.install(app)  # idempotent: a no-op once the app factory installs it
    with TestClient(app) as c:
        yield c


def auth(tokens: dict[str, str], role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens[role]}"}


def rows(client, tokens, **params) -> list[dict]:
    answer = client.get("/audit", params={"limit": 500, **params}, headers=auth(tokens, "admin"))
    assert answer.status_code == 200, answer.text
    return answer.json()["items"]


def test_the_app_factory_records_refusals():
    app = create_app(Settings(data_dir=Path("/nonexistent"), store="embedded"))
    assert any(getattr(m, "cls", None) is RefusalAudit for m in app.user_middleware), \
        "api/app.py: call audit.install(app) right after middleware.install(app)"


def test_user_add_and_revoke_through_the_api_are_audited(client, tokens):
    made = client.post("/users", json={"name": "w_new", "role": "viewer"}, headers=auth(tokens, "admin"))
    assert made.status_code == 201
    assert client.delete("/users/w_new", headers=auth(tokens, "admin")).status_code == 204
    writes = {r["action"]: r for r in rows(client, tokens, kind="write") if r["detail"].get("name") == "w_new"}
    assert writes["user.add"]["account"] == "a_admin" and writes["user.add"]["role"] == "admin"
    assert writes["user.add"]["detail"] == {"name": "w_new", "role": "viewer", "accounts": 1}
    assert writes["user.add"]["method"] == "POST" and writes["user.add"]["endpoint"] == "/users"
    assert writes["user.revoke"]["detail"] == {"name": "w_new", "accounts": 1}
    assert writes["user.revoke"]["endpoint"] == "/users/w_new"
    assert made.json()["token"] not in json.dumps(rows(client, tokens))  # the token itself is never kept


def test_user_add_and_revoke_on_the_command_line_are_audited(tmp_path, monkeypatch):
    monkeypatch.setenv("XUNCHA_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("XUNCHA_STORE", "embedded")
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        assert runner.invoke(cli_app, ["user", "add", "clerk", "--role", "analyst"]).exit_code == 0
        assert runner.invoke(cli_app, ["user", "revoke", "clerk"]).exit_code == 0
        assert runner.invoke(cli_app, ["user", "revoke", "nobody"]).exit_code == 1  # nothing changed: no row
    finally:
        get_settings.cache_clear()
    log = AuditLog(tmp_path / "var" / "audit.sqlite")
    total, entries = log.read(limit=10, offset=0, kind="write")
    log.close()
    assert total == 2
    revoke, add = entries
    assert add.action == "user.add" and add.detail == {"name": "clerk", "role": "analyst", "accounts": 1}
    assert revoke.action == "user.revoke" and revoke.detail == {"name": "clerk", "accounts": 1}
    assert add.account.startswith("命令行/") and add.role == "shell" and add.method == "CLI"


def test_401_and_403_are_recorded_with_who_and_why(client, tokens):
    assert client.get("/stats").status_code == 401
    assert client.get("/stats", headers={"Authorization": "Bearer xg_not-a-token"}).status_code == 401
    assert client.get("/stats", headers=auth(tokens, "gone")).status_code == 401
    assert client.get("/audit", headers=auth(tokens, "viewer")).status_code == 403
    assert client.post("/loads", files={"file": ("问题清单.csv", b"a\n", "text/csv")},
                       headers=auth(tokens, "analyst")).status_code == 403  # refused before the body, by the guard
    refused = rows(client, tokens, kind="refused")
    by = {(r["detail"]["status"], r["account"], r["endpoint"]): r for r in refused}
    missing = by[(401, "（未登录）", "/stats")]
    assert missing["detail"]["reason"] == "请求缺少令牌" and missing["detail"]["code"] == "unauthenticated"
    unknown = by[(401, "（无效令牌）", "/stats")]
    assert unknown["detail"]["reason"] == "令牌无效" and len(unknown["detail"]["token_sha256"]) == 12
    assert "xg_not-a-token" not in json.dumps(refused)
    assert by[(401, "a_gone", "/stats")]["detail"]["reason"] == "令牌已吊销"
    viewer = by[(403, "a_viewer", "/audit")]
    assert viewer["role"] == "viewer" and viewer["detail"]["reason"] == "角色无权访问" and viewer["method"] == "GET"
    assert by[(403, "a_analyst", "/loads")]["detail"]["code"] == "forbidden"


def test_a_repeated_refusal_is_counted_not_written_again(client, tokens):
    for _ in range(5):
        assert client.get("/leaders/carry", headers=auth(tokens, "viewer")).status_code == 403
    mine = [r for r in rows(client, tokens, kind="refused", account="a_viewer") if r["endpoint"] == "/leaders/carry"]
    assert len(mine) == 1 and mine[0]["count"] == 5 and mine[0]["last_at"] >= mine[0]["at"]


def test_reading_the_audit_log_is_audited(client, tokens):
    client.get("/audit", params={"kind": "write", "limit": 3}, headers=auth(tokens, "admin"))
    reads = rows(client, tokens, kind="audit")
    assert reads and reads[0]["account"] == "a_admin" and reads[0]["action"] == "audit.read"
    assert any(r["detail"]["kind"] == "write" and r["detail"]["limit"] == 3 for r in reads)


def test_an_old_audit_file_is_migrated_in_place(tmp_path):
    path = tmp_path / "audit.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE audit (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, account TEXT NOT NULL, "
               "role TEXT NOT NULL, method TEXT NOT NULL, endpoint TEXT NOT NULL, person_ids TEXT NOT NULL)")
    db.execute("INSERT INTO audit(at, account, role, method, endpoint, person_ids) VALUES (?,?,?,?,?,?)",
               ("2024-01-01T00:00:00+00:00", "old", "analyst", "GET", "/entities/per_1", '["per_1"]'))
    db.execute("INSERT INTO audit(at, account, role, method, endpoint, person_ids) VALUES (?,?,?,?,?,?)",
               ("2024-01-02T00:00:00+00:00", "old", "analyst", "POST", "/cypher",
                json.dumps(["per_2", "（控制台查询）MATCH (p:Person) RETURN p.name"], ensure_ascii=False)))
    db.commit()
    db.close()
    log = AuditLog(path)
    log.write(audit_module.Actor("命令行/x", "shell"), "user.add", {"name": "n", "accounts": 1})
    total, entries = log.read(limit=10, offset=0)
    log.close()
    assert total == 3
    new, console, old = entries
    assert (old.kind, old.person_ids, old.query, old.count) == ("read", ["per_1"], None, 1)
    assert console.query == "MATCH (p:Person) RETURN p.name" and "per_2" in console.person_ids
    assert new.kind == "write" and new.detail == {"name": "n", "accounts": 1}
    AuditLog(path).close()  # opening a migrated file again changes nothing


def test_console_queries_have_their_own_column(tmp_path):
    log = AuditLog(tmp_path / "audit.sqlite")
    log.record(account="a", role="analyst", method="POST", endpoint="/cypher", person_ids=["per_1"],
               query="MATCH (p:Person) RETURN p.name, p.id_hash")
    (entry,) = log.read(limit=1, offset=0)[1]
    log.close()
    assert entry.person_ids == ["per_1"] and entry.query.startswith("MATCH (p:Person)")


def test_a_load_report_is_kept_as_counts():
    report = {"file": "问题清单.csv", "kinds": ["issues"], "rows_read": 3, "loaded": 2, "merged": 0, "rejected": 1,
              "nodes": 3, "edges": 4, "merges": [{"name": "张伟"}], "near_misses": [],
              "problems": [{"value": "张伟"}], "rejects_file": None}
    kept = counts_of(report)
    assert kept == {**report, "merges": 1, "near_misses": 0, "problems": 1}  # lists that may name people: their length
    assert counts_of({"people": ["张伟", "李娜"]}) == {"people": 2}
    assert "张伟" not in json.dumps(kept, ensure_ascii=False)


def test_rows_written_together_from_many_threads_and_two_logs_are_all_kept(tmp_path):
    """Group commit: concurrent rows (two logs on one file, as two workers) each get their own seq, none is lost,
    and a failed batch raises in every caller whose row it held."""
    import threading

    logs = [AuditLog(tmp_path / "audit.sqlite"), AuditLog(tmp_path / "audit.sqlite")]
    seqs: list[int] = []
    keep = threading.Lock()

    def write(n: int) -> None:
        log = logs[n % 2]
        for i in range(40):
            seq = log._insert(audit_module.AuditKind.READ, account=f"t{n}", role="analyst", method="GET",
                              endpoint=f"/e/{i}", person_ids=[f"per_{n:08d}{i:08d}"])
            with keep:
                seqs.append(seq)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seqs) == 320 and len(set(seqs)) == 320 and min(seqs) > 0
    total, entries = logs[0].read(limit=1000, offset=0, kind="read")
    assert total == 320 and {e.seq for e in entries} == set(seqs)
    assert {(e.account, e.endpoint, tuple(e.person_ids)) for e in entries} == {
        (f"t{n}", f"/e/{i}", (f"per_{n:08d}{i:08d}",)) for n in range(8) for i in range(40)}
    logs[1]._db.execute("DROP TABLE audit")  # the next batch fails: its caller is told, nothing half-written
    with pytest.raises(sqlite3.OperationalError):
        logs[1].record(account="x", role="analyst", method="GET", endpoint="/x", person_ids=[])
    assert not logs[1]._db.in_transaction
    for log in logs:
        log.close()
