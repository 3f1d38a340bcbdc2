"""A real server and a real headless Chromium for the workbench's tests.

The server is the app under uvicorn on a free loopback port, over the sample county with one account per
role (passwords, as people sign in). The browser is Debian's ``chromium`` driven by Playwright through
``executable_path`` (``XUNCHA_CHROMIUM`` overrides the path). Without a browser the tests skip on a
developer's machine and fail under CI, like the Neo4j tests. Every page a test visits may ask only the
service itself for anything: each test's requests are checked at its end. Screenshots go to
``test-output/screenshots`` (not committed).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from api.app import create_app
from api.auth import AccountStore, Role
from graph.settings import Settings
from tests.api.county_app import county_folder

PASSWORDS = {"admin": "admin-pass-2026", "analyst": "analyst-pass-2026", "viewer": "viewer-pass-2026"}
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chromium_path() -> str:
    path = os.environ.get("XUNCHA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        message = "chromium is not installed: `apt-get install chromium` (make test under CI installs it)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def ui_data(county, tmp_path_factory) -> Path:
    folder = county_folder(county, tmp_path_factory, "ui")
    accounts = AccountStore(folder / "accounts.sqlite")
    for role, password in PASSWORDS.items():
        accounts.add(f"ui_{role}", Role(role), password)
    accounts.add("ui_newcomer", Role.ANALYST, "first-time-pass-1", must_change=True)
    accounts.close()
    return folder


@pytest.fixture(scope="session")
def base_url(ui_data) -> str:
    from api.web import built_folder

    if not (built_folder() / "index.html").is_file():
        pytest.fail("the front end is not built: run `make install` (npm ci && npm run build in ui/)")
    port = _free_port()
    config = uvicorn.Config(create_app(Settings(data_dir=ui_data, store="embedded")), host="127.0.0.1", port=port,
                            log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """One browser context (its own cookies) with the requests it made and the errors its pages logged."""

    def __init__(self, browser, base_url: str) -> None:
        self.base = base_url
        self.context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if "Content Security Policy" in m.text else None)

    def go(self, route: str = "") -> None:
        self.page.goto(f"{self.base}/#{route}")

    def sign_in(self, name: str, password: str) -> None:
        self.go("/login")
        self.page.fill("input[name=username]", name)
        self.page.fill("input[name=password]", password)
        self.page.click("button[type=submit]")

    def as_role(self, role: str) -> Visit:
        self.sign_in(f"ui_{role}", PASSWORDS[role])
        self.page.wait_for_selector("[data-test=who]")
        return self

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def foreign(self) -> list[str]:
        return [u for u in self.requests if not (u.startswith(self.base + "/") or u.startswith(("data:", "blob:")))]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.failed_call = report.failed


@pytest.fixture()
def visit(browser, base_url, request):
    made: list[Visit] = []

    def open_visit() -> Visit:
        made.append(Visit(browser, base_url))
        return made[-1]

    yield open_visit
    if getattr(request.node, "failed_call", False):  # what the page showed when it failed
        for i, v in enumerate(made):
            v.shot(f"FAILED-{request.node.name}-{i}")
    for v in made:
        assert v.foreign() == [], f"the page asked another host: {v.foreign()}"
        assert v.errors == [], f"the page logged errors: {v.errors}"
        v.context.close()
