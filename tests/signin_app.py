"""What the sign-in tests stand on: a copy of the sample county per test, people with passwords, sign-in helpers."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import AccountStore, Role
from graph.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PASSWORDS = {"viewer": "viewer-pass-1", "analyst": "analyst-pass-2", "admin": "admin-pass-3"}


def fresh_folder(template: Path, target: Path) -> Path:
    """A data folder holding a copy of the template's graph (and nothing else: no accounts, no audit)."""
    target.mkdir(parents=True, exist_ok=True)
    for path in template.iterdir():
        if path.name.startswith("graph.sqlite"):
            shutil.copy(path, target / path.name)
    return target


def people(folder: Path) -> dict[str, str]:
    """One account per role named ``p_<role>`` with a known password (not to be changed); returns the tokens."""
    accounts = AccountStore(folder / "accounts.sqlite")
    tokens = {role: accounts.add(f"p_{role}", Role(role), PASSWORDS[role]) for role in PASSWORDS}
    accounts.close()
    return tokens


def app_client(folder: Path, **settings: object) -> TestClient:
    return TestClient(create_app(Settings(data_dir=folder, store="embedded", **settings)))


def sign_in(client: TestClient, name: str, password: str) -> httpx.Response:
    return client.post("/auth/login", json={"username": name, "password": password})


def set_cookies(response: httpx.Response) -> list[str]:
    return response.headers.get_list("set-cookie")


def cookie_attributes(header: str) -> dict[str, str]:
    """``a=b; HttpOnly; Max-Age=5`` → {"a": "b", "httponly": "", "max-age": "5"} (attribute names lower-cased)."""
    parts = [p.strip() for p in header.split(";") if p.strip()]
    first, _, value = parts[0].partition("=")
    found = {first: value}
    for part in parts[1:]:
        key, _, val = part.partition("=")
        found[key.lower()] = val
    return found


def sessions_table(folder: Path, sql: str, args: tuple = ()) -> list[tuple]:
    db = sqlite3.connect(folder / "accounts.sqlite", isolation_level=None)
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()


def cli(*args: str, data: Path, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    """The real ``xuncha`` command line, in its own process, on a data folder."""
    env = {**os.environ, "XUNCHA_DATA_DIR": str(data), "XUNCHA_STORE": "embedded", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, input=stdin if stdin is not None else "", check=check)
