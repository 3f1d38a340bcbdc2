"""The security of signing in: CSRF on every state-changing cookie request (and none needed with a token), session
expiry (idle and absolute), lock-out after repeated failures (per name and per client), the audit of each, the
upload guard, and the content security policy the pages run under."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from tests.api.county_app import county_folder
from tests.signin_app import PASSWORDS, app_client, cli, fresh_folder, people, sessions_table, sign_in

CSRF_REFUSAL = {"code": "csrf", "message": "缺少或错误的 CSRF 令牌，请刷新页面后重试。"}
EXPIRED = {"code": "session_expired", "message": "登录已过期，请重新登录。"}
LOCKED = {"code": "locked", "message": "登录失败次数过多，请 15 分钟后再试。"}


@pytest.fixture(scope="module")
def template(county, tmp_path_factory) -> Path:
    return county_folder(county, tmp_path_factory, "security")


@pytest.fixture()
def folder(template, tmp_path) -> Path:
    return fresh_folder(template, tmp_path / "data")


@pytest.fixture()
def tokens(folder) -> dict[str, str]:
    return people(folder)


def _users(client, tokens) -> list[str]:
    return [u["name"] for u in client.get("/users", headers={"Authorization": f"Bearer {tokens['admin']}"}).json()]


def test_a_cookie_post_without_or_with_a_wrong_csrf_token_is_refused_and_changes_nothing(folder, tokens):
    with app_client(folder) as client:
        csrf = sign_in(client, "p_admin", PASSWORDS["admin"]).json()["csrf_token"]
        for headers in ({}, {"X-CSRF-Token": "not-the-token"}, {"X-CSRF-Token": csrf[:-1]}):
            refused = client.post("/users", json={"name": "forged", "role": "admin"}, headers=headers)
            assert refused.status_code == 403 and refused.json() == CSRF_REFUSAL
            assert client.delete("/users/p_viewer", headers=headers).json() == CSRF_REFUSAL
        assert "forged" not in _users(client, tokens)
        made = client.post("/users", json={"name": "proper", "role": "viewer"}, headers={"X-CSRF-Token": csrf})
        assert made.status_code == 201, made.text
        assert "proper" in _users(client, tokens)
        assert client.get("/users").status_code == 200  # a read needs no token


def test_another_sessions_csrf_token_does_not_do(folder, tokens):
    with app_client(folder) as first, app_client(folder) as second:
        other = sign_in(first, "p_analyst", PASSWORDS["analyst"]).json()["csrf_token"]
        sign_in(second, "p_admin", PASSWORDS["admin"])
        refused = second.post("/users", json={"name": "x1", "role": "viewer"}, headers={"X-CSRF-Token": other})
        assert refused.json() == CSRF_REFUSAL


def test_a_bearer_post_needs_no_csrf_token(folder, tokens):
    with app_client(folder) as client:
        made = client.post("/users", json={"name": "scripted"}, headers={"Authorization": f"Bearer {tokens['admin']}"})
        assert made.status_code == 201, made.text
        assert made.json()["password"] and made.json()["token"].startswith("xg_")


def test_an_upload_by_cookie_is_refused_without_csrf_before_the_body_is_read(folder, tokens):
    with app_client(folder) as client:
        csrf = sign_in(client, "p_admin", PASSWORDS["admin"]).json()["csrf_token"]
        body = b"x" * 10_000
        refused = client.post("/loads", files={"file": ("问题清单.csv", body, "text/csv")})
        assert refused.status_code == 403 and refused.json() == CSRF_REFUSAL
        bad = client.post("/loads", files={"file": ("问题清单.csv", body, "text/csv")}, headers={"X-CSRF-Token": csrf})
        assert bad.status_code == 422, bad.text  # past the guard: the ledger itself is what is wrong
    with app_client(folder) as client:
        sign_in(client, "p_viewer", PASSWORDS["viewer"])
        assert client.post("/loads", files={"file": ("a.csv", body, "text/csv")}).json()["code"] == "csrf"


def test_a_session_idle_too_long_expires(folder, tokens):
    with app_client(folder, session_idle_minutes=5) as client:
        sign_in(client, "p_viewer", PASSWORDS["viewer"])
        assert client.get("/stats").status_code == 200
        sessions_table(folder, "UPDATE sessions SET last_seen = ?", (time.time() - 4 * 60,))
        assert client.get("/stats").status_code == 200  # four minutes idle: still on, and now touched
        sessions_table(folder, "UPDATE sessions SET last_seen = ?", (time.time() - 5 * 60 - 1,))
        gone = client.get("/stats")
        assert gone.status_code == 401 and gone.json() == EXPIRED
        assert sessions_table(folder, "SELECT count(*) FROM sessions") == [(0,)]  # deleted, not just refused


def test_a_busy_session_still_ends_at_the_absolute_expiry(folder, tokens):
    with app_client(folder, session_max_hours=12) as client:
        sign_in(client, "p_viewer", PASSWORDS["viewer"])
        sessions_table(folder, "UPDATE sessions SET created = ?, last_seen = ?",
                       (time.time() - 11.9 * 3600, time.time()))
        assert client.get("/stats").status_code == 200
        sessions_table(folder, "UPDATE sessions SET created = ?, last_seen = ?",
                       (time.time() - 12 * 3600 - 1, time.time()))
        assert client.get("/stats").json() == EXPIRED
        assert client.get("/auth/me").status_code == 401


def test_a_tiny_idle_setting_ends_the_session_after_the_pause(folder, tokens):
    with app_client(folder, session_idle_minutes=0.01) as client:  # 0.6 s
        sign_in(client, "p_viewer", PASSWORDS["viewer"])
        time.sleep(1.0)
        assert client.get("/stats").json() == EXPIRED


def test_five_failures_lock_the_name_for_everyone_until_unlocked(folder, tokens):
    with app_client(folder) as client:
        for _ in range(5):
            wrong = sign_in(client, "p_analyst", "guess-guess")
            assert wrong.status_code == 401 and wrong.json()["code"] == "bad_credentials"
        locked = sign_in(client, "p_analyst", PASSWORDS["analyst"])  # the right password, too late
        assert locked.status_code == 429 and locked.json() == LOCKED
        assert 0 < int(locked.headers["Retry-After"]) <= 15 * 60 + 1
        assert not locked.headers.get_list("set-cookie")
        assert sign_in(client, "p_viewer", PASSWORDS["viewer"]).status_code == 200  # another name is not locked
    cli("user", "unlock", "p_analyst", data=folder)
    with app_client(folder) as client:
        assert sign_in(client, "p_analyst", PASSWORDS["analyst"]).status_code == 200
        admin = {"Authorization": f"Bearer {tokens['admin']}"}
        refused = client.get("/audit", params={"account": "p_analyst", "kind": "refused"}, headers=admin).json()
        codes = {r["detail"]["code"]: r["count"] for r in refused["items"]}
        assert codes == {"bad_credentials": 5, "locked": 1}
        unlocked = client.get("/audit", params={"kind": "write"}, headers=admin).json()["items"]
        assert any(r["action"] == "user.unlock" and r["detail"]["name"] == "p_analyst" for r in unlocked)


def test_old_failures_lapse_after_the_window(folder, tokens):
    with app_client(folder) as client:
        for _ in range(5):
            sign_in(client, "p_analyst", "guess-guess")
        assert sign_in(client, "p_analyst", PASSWORDS["analyst"]).status_code == 429
        sessions_table(folder, "UPDATE login_failures SET at = at - 15 * 60 - 1")
        assert sign_in(client, "p_analyst", PASSWORDS["analyst"]).status_code == 200


def test_an_unknown_name_is_answered_like_a_wrong_password_and_locks_too(folder, tokens):
    with app_client(folder) as client:
        known = sign_in(client, "p_viewer", "wrong-password-here")
        unknown = sign_in(client, "nobody-at-all", "wrong-password-here")
        assert unknown.status_code == known.status_code == 401 and unknown.json() == known.json()
        for _ in range(4):
            sign_in(client, "nobody-at-all", "wrong-password-here")
        assert sign_in(client, "nobody-at-all", "x" * 12).json() == LOCKED
    stored = b"".join(p.read_bytes() for p in folder.iterdir() if p.name.startswith("accounts.sqlite"))
    assert b"nobody-at-all" not in stored  # a name typed by mistake may be a password: kept as a digest
    assert hashlib.sha256(b"user:nobody-at-all").hexdigest().encode() in stored


def test_one_client_failing_across_many_names_is_locked_too(folder, tokens):
    with app_client(folder, login_max_failures_per_ip=3) as client:
        for name in ("a1", "a2", "a3"):
            assert sign_in(client, name, "whatever-it-is").status_code == 401
        assert sign_in(client, "p_viewer", PASSWORDS["viewer"]).json() == LOCKED


def test_refusals_of_a_session_are_audited_under_its_account(folder, tokens):
    with app_client(folder) as client:
        sign_in(client, "p_viewer", PASSWORDS["viewer"])
        assert client.post("/repeats/recompute").json() == CSRF_REFUSAL
        assert client.get("/audit").status_code == 403
        admin = {"Authorization": f"Bearer {tokens['admin']}"}
        rows = client.get("/audit", params={"account": "p_viewer", "kind": "refused"}, headers=admin).json()["items"]
        assert {(r["role"], r["detail"]["code"]) for r in rows} == {("viewer", "csrf"), ("viewer", "forbidden")}


def test_the_pages_may_load_scripts_and_styles_only_from_the_service(folder, tokens):
    with app_client(folder) as client:
        policy = client.get("/health").headers["content-security-policy"]
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives["script-src"][0] == "'self'" and directives["style-src"][0] == "'self'"
    for name in ("script-src", "style-src"):  # the old page's own inline code by hash at most; never a blanket allow
        assert all(v == "'self'" or v.startswith("'sha256-") for v in directives[name]), directives[name]
    assert directives["img-src"] == ["'self'", "data:", "blob:"]
    assert directives["connect-src"] == ["'self'"] and directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy and "http" not in policy


def test_changing_the_password_and_logging_out_by_cookie_need_the_csrf_token_too(folder, tokens):
    with app_client(folder) as client:
        csrf = sign_in(client, "p_viewer", PASSWORDS["viewer"]).json()["csrf_token"]
        change = {"old_password": PASSWORDS["viewer"], "new_password": "forged new password"}
        assert client.post("/auth/password", json=change).json() == CSRF_REFUSAL
        assert client.post("/auth/logout").json() == CSRF_REFUSAL
        assert client.get("/auth/me").status_code == 200  # neither happened
        assert sign_in(client, "p_viewer", "forged new password").status_code == 401
        csrf = sign_in(client, "p_viewer", PASSWORDS["viewer"]).json()["csrf_token"]
        assert client.post("/auth/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
        assert client.post("/auth/logout").status_code == 204  # no session left: nothing to protect, cookie cleared
