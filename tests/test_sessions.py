"""Signing in with a user name and password: the session cookie, /auth/me, logout, the one-time password that must
be changed, accounts made on the command line, and a session reading exactly what its account's token reads."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from api.auth import AccountStore, Role
from graph.model import NodeKind
from tests.api.county_app import county_folder
from tests.signin_app import (
    PASSWORDS,
    app_client,
    cli,
    cookie_attributes,
    fresh_folder,
    people,
    sessions_table,
    set_cookies,
    sign_in,
)


@pytest.fixture(scope="module")
def template(county, tmp_path_factory) -> Path:
    return county_folder(county, tmp_path_factory, "signin")


@pytest.fixture()
def folder(template, tmp_path) -> Path:
    return fresh_folder(template, tmp_path / "data")


@pytest.fixture()
def tokens(folder) -> dict[str, str]:
    return people(folder)


def test_a_wrong_then_the_right_password(folder, tokens, county):
    with app_client(folder) as client:
        wrong = sign_in(client, "p_analyst", "not-the-password")
        assert wrong.status_code == 401
        assert wrong.json() == {"code": "bad_credentials", "message": "用户名或密码错误。"}
        assert not set_cookies(wrong) and client.get("/stats").status_code == 401
        right = sign_in(client, "p_analyst", PASSWORDS["analyst"])
        assert right.status_code == 200, right.text
        body = right.json()
        assert body["user"] == {"name": "p_analyst", "role": "analyst", "must_change_password": False}
        assert len(body["csrf_token"]) >= 40
        assert client.get("/auth/me").json() == body  # the same answer, the same CSRF token
        stats = client.get("/stats")  # the cookie alone signs the read in
        assert stats.status_code == 200
        assert {n["kind"]: n["count"] for n in stats.json()["nodes"]} == county.truth["node_counts"]


def test_the_cookie_is_httponly_samesite_strict_for_the_whole_site_and_lasts_the_absolute_expiry(folder, tokens):
    with app_client(folder, session_max_hours=3) as client:
        (header,) = set_cookies(sign_in(client, "p_viewer", PASSWORDS["viewer"]))
        flags = cookie_attributes(header)
        assert set(flags) >= {"xg_session", "httponly", "samesite", "path", "max-age"}
        assert flags["samesite"] == "Strict" and flags["path"] == "/" and flags["max-age"] == str(3 * 3600)
        assert "secure" not in flags  # plain http on the intranet unless the office turns it on
        assert len(flags["xg_session"]) >= 43
    with app_client(folder, cookie_secure=True) as client:
        (header,) = set_cookies(sign_in(client, "p_viewer", PASSWORDS["viewer"]))
        assert "secure" in cookie_attributes(header)


def test_the_session_id_is_kept_only_as_its_digest_and_survives_a_restart(folder, tokens):
    with app_client(folder) as client:
        sign_in(client, "p_viewer", PASSWORDS["viewer"])
        raw = client.cookies["xg_session"]
    stored = b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("accounts.sqlite"))
    assert raw.encode() not in stored
    assert sessions_table(folder, "SELECT account FROM sessions WHERE id_sha256 = ?",
                          (hashlib.sha256(raw.encode()).hexdigest(),)) == [("p_viewer",)]
    with app_client(folder) as client:  # a new process: the same cookie still signs in
        client.cookies.set("xg_session", raw)
        assert client.get("/auth/me").json()["user"]["name"] == "p_viewer"


def test_logout_ends_the_session_on_the_server_and_clears_the_cookie(folder, tokens):
    with app_client(folder) as client:
        csrf = sign_in(client, "p_analyst", PASSWORDS["analyst"]).json()["csrf_token"]
        raw = client.cookies["xg_session"]
        out = client.post("/auth/logout", headers={"X-CSRF-Token": csrf})
        assert out.status_code == 204
        (cleared,) = set_cookies(out)
        assert cookie_attributes(cleared)["xg_session"] in ("", '""') and cookie_attributes(cleared)["max-age"] == "0"
        assert sessions_table(folder, "SELECT count(*) FROM sessions") == [(0,)]
        client.cookies.set("xg_session", raw)  # the old cookie, kept by someone: it no longer works
        again = client.get("/stats")
        assert again.status_code == 401 and again.json()["code"] == "session_expired"
        assert client.get("/auth/me").status_code == 401


def test_a_one_time_password_must_be_changed_before_anything_else(folder, tokens):
    admin = {"Authorization": f"Bearer {tokens['admin']}"}
    with app_client(folder) as client:
        made = client.post("/admin/users", json={"name": "newcomer"}, headers=admin)  # role left out: viewer
        assert made.status_code == 201, made.text
        assert made.json()["role"] == "viewer" and made.json()["token"].startswith("xg_")
        first = made.json()["password"]
        body = sign_in(client, "newcomer", first).json()
        assert body["user"]["must_change_password"] is True
        csrf = {"X-CSRF-Token": body["csrf_token"]}
        for path in ("/stats", "/search?text=村"):
            blocked = client.get(path)
            assert blocked.status_code == 403
            assert blocked.json() == {"code": "password_change_required", "message": "请先修改初始密码。"}
        assert client.get("/auth/me").status_code == 200 and client.get("/health").status_code == 200
        for new, says in (("short", "至少需要 10 个字符"), ("Newcomer", "至少需要 10 个字符"), (first, "不能与原密码相同")):
            refused = client.post("/auth/password", json={"old_password": first, "new_password": new}, headers=csrf)
            assert refused.status_code == 422 and says in refused.json()["message"], refused.text
        refused = client.post("/auth/password", json={"old_password": "not-it-at-all", "new_password": "x" * 12},
                              headers=csrf)
        assert refused.status_code == 422 and refused.json()["message"] == "原密码不正确。"
        changed = client.post("/auth/password", json={"old_password": first, "new_password": "a long new one"},
                              headers=csrf)
        assert changed.status_code == 204, changed.text
        assert client.get("/stats").status_code == 200  # the same session goes on
        assert client.get("/auth/me").json()["user"]["must_change_password"] is False
        assert sign_in(client, "newcomer", first).status_code == 401
        assert sign_in(client, "newcomer", "a long new one").status_code == 200


def test_a_user_name_as_password_is_refused(folder, tokens):
    accounts = AccountStore(folder / "accounts.sqlite")
    accounts.add("longusername", Role.VIEWER, "first-password", must_change=True)
    accounts.close()
    with app_client(folder) as client:
        csrf = {"X-CSRF-Token": sign_in(client, "longusername", "first-password").json()["csrf_token"]}
        refused = client.post("/auth/password", json={"old_password": "first-password", "new_password": "LongUserName"},
                              headers=csrf)
        assert refused.status_code == 422 and refused.json()["message"] == "新密码不能与账号名相同。"


def test_reset_password_gives_a_new_one_time_password_and_ends_the_sessions(folder, tokens):
    admin = {"Authorization": f"Bearer {tokens['admin']}"}
    with app_client(folder) as client:
        sign_in(client, "p_viewer", PASSWORDS["viewer"])
        assert client.get("/stats").status_code == 200
        reset = client.post("/admin/users/p_viewer/reset-password", headers=admin)
        assert reset.status_code == 200, reset.text
        assert client.get("/stats").json()["code"] == "session_expired"
        assert sign_in(client, "p_viewer", PASSWORDS["viewer"]).status_code == 401
        assert sign_in(client, "p_viewer", reset.json()["password"]).json()["user"]["must_change_password"] is True
        assert client.post("/users/nobody/reset-password", headers=admin).status_code == 404
        assert client.get("/admin/users", headers=admin).json() == client.get("/users", headers=admin).json()


def test_a_revoked_account_can_neither_keep_its_session_nor_sign_in(folder, tokens):
    admin = {"Authorization": f"Bearer {tokens['admin']}"}
    with app_client(folder) as client:
        sign_in(client, "p_analyst", PASSWORDS["analyst"])
        assert client.delete("/users/p_analyst", headers=admin).status_code == 204
        assert client.get("/stats").status_code == 401
        assert sign_in(client, "p_analyst", PASSWORDS["analyst"]).json()["code"] == "bad_credentials"


def test_a_viewer_session_reads_exactly_what_a_viewer_token_reads(folder, tokens, county):
    person = next(n for n in county.nodes if n.kind is NodeKind.PERSON and len(n.props["name"]) == 3)
    with app_client(folder) as client:
        sign_in(client, "p_viewer", PASSWORDS["viewer"])
        for path in (f"/entities/{person.id}", "/repeats?limit=50", f"/search?text={person.props['name'][:2]}"):
            by_session = client.get(path)
            by_token = client.get(path, headers={"Authorization": f"Bearer {tokens['viewer']}"})
            assert by_session.status_code == 200, by_session.text
            assert by_session.json() == by_token.json()
        seen = client.get(f"/entities/{person.id}").text
        assert person.props["name"] not in seen and person.props["name"][0] + "*" in seen
        assert client.get("/audit").status_code == 403  # a viewer's session is a viewer


def test_an_analyst_session_read_is_audited_as_that_account(folder, tokens, county):
    person = next(n for n in county.nodes if n.kind is NodeKind.PERSON)
    with app_client(folder) as client:
        sign_in(client, "p_analyst", PASSWORDS["analyst"])
        assert client.get(f"/entities/{person.id}").status_code == 200
        log = client.get("/audit", params={"account": "p_analyst", "kind": "read"},
                         headers={"Authorization": f"Bearer {tokens['admin']}"}).json()
        row = next(r for r in log["items"] if r["endpoint"] == f"/entities/{person.id}")
        assert person.id in row["person_ids"] and row["role"] == "analyst"
        writes = client.get("/audit", params={"account": "p_analyst", "kind": "write"},
                            headers={"Authorization": f"Bearer {tokens['admin']}"}).json()["items"]
        assert [r["action"] for r in writes] == ["session.login"]


def test_an_accounts_file_from_before_passwords_is_migrated_in_place(tmp_path):
    db = sqlite3.connect(tmp_path / "accounts.sqlite")
    db.execute("CREATE TABLE accounts (name TEXT PRIMARY KEY, role TEXT NOT NULL, token_sha256 TEXT NOT NULL UNIQUE, "
               "created_at TEXT NOT NULL, revoked INTEGER NOT NULL)")
    token = "xg_old-token"
    db.execute("INSERT INTO accounts VALUES ('old', 'analyst', ?, '2025-01-01T00:00:00+00:00', 0)",
               (hashlib.sha256(token.encode()).hexdigest(),))
    db.commit()
    db.close()
    accounts = AccountStore(tmp_path / "accounts.sqlite")
    old = accounts.authenticate(token)
    assert old is not None and old.name == "old" and not old.password_set and not old.must_change_password
    assert accounts.check_password("old", "anything-at-all") is None  # no password yet: no sign-in
    assert accounts.set_password("old", "now-a-password", must_change=False)
    assert accounts.check_password("old", "now-a-password").name == "old"
    accounts.close()
    AccountStore(tmp_path / "accounts.sqlite").close()  # opening again adds nothing twice


# -- the command line ---------------------------------------------------------------------------------------------
def test_user_add_reads_the_password_from_standard_input(folder):
    done = cli("user", "add", "zhang", "--role", "analyst", "--password-stdin", data=folder, stdin="a piped password\n")
    assert "a piped password" not in done.stdout + done.stderr
    assert done.stdout.split()[-1].startswith("xg_")  # the token, last, as before
    short = cli("user", "add", "li", "--password-stdin", data=folder, stdin="short\n", check=False)
    assert short.returncode == 1 and "至少需要 10 个字符" in short.stderr
    with app_client(folder) as client:
        body = sign_in(client, "zhang", "a piped password").json()
        assert body["user"] == {"name": "zhang", "role": "analyst", "must_change_password": False}
        assert sign_in(client, "li", "short").status_code == 401
    cli("user", "passwd", "zhang", "--password-stdin", data=folder, stdin="another password\n")
    with app_client(folder) as client:
        assert sign_in(client, "zhang", "a piped password").status_code == 401
        assert sign_in(client, "zhang", "another password").status_code == 200


def test_the_first_admin_gets_a_one_time_password_that_signs_in_and_must_be_changed(folder):
    out = cli("user", "add", "admin", "--role", "admin", "--if-none", data=folder).stdout
    line = next(x for x in out.splitlines() if "一次性密码" in x)
    password, token = line.split()[-1], out.split()[-1]
    assert len(password) >= 12 and token.startswith("xg_") and "admin" in out
    assert "已有账号" in cli("user", "add", "admin2", "--if-none", data=folder).stdout
    with app_client(folder) as client:
        body = sign_in(client, "admin", password).json()
        assert body["user"] == {"name": "admin", "role": "admin", "must_change_password": True}
        assert client.get("/users").json()["code"] == "password_change_required"
        assert client.get("/users", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        changed = client.post("/auth/password", json={"old_password": password, "new_password": "my own password"},
                              headers={"X-CSRF-Token": body["csrf_token"]})
        assert changed.status_code == 204
        names = [u["name"] for u in client.get("/users").json()]
        assert names == ["admin"]
    listed = cli("user", "list", data=folder).stdout
    assert "admin" in listed and "已设置" in listed
    log = json.dumps(AuditRows(folder).writes(), ensure_ascii=False)
    assert "user.add" in log and "user.password" in log and password not in log


class AuditRows:
    def __init__(self, folder: Path) -> None:
        self.path = folder / "audit.sqlite"

    def writes(self) -> list[tuple]:
        db = sqlite3.connect(self.path)
        try:
            return db.execute("SELECT account, action, detail FROM audit WHERE kind = 'write'").fetchall()
        finally:
            db.close()
