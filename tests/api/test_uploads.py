"""Uploads against a real server (uvicorn in a subprocess): sign-in before the body, bounded bodies, the load off the
event loop, hostile files refused with the service still answering, safe file names, security headers, private data.
"""

from __future__ import annotations

import os
import re
import select
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from api.auth import AccountStore, Role
from tests.loaders.test_hostile import CORPUS, base_store
from tests.loaders.test_malformed import ISSUE_HEAD, issue, write_csv

ROOT = Path(__file__).resolve().parents[2]
# Made at test time for the HTTP run too: cheap to make, and each exercises a different limit.
LARGE_OVER_HTTP = {"zip_bomb.xlsx", "ratio_bomb.xlsx", "many_entries.xlsx", "columns_12000.csv", "rows_300k.csv",
                   "blank_lines.csv", "deep_100k.json", "quadratic_keys.json", "wide_record.json",
                   "empty_records.json", "columns_10000.xlsx"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("upload-server")
    seeded = base_store(data / "seed")
    for part in seeded.parent.glob("graph.sqlite*"):
        part.rename(data / part.name)
    accounts = AccountStore(data / "accounts.sqlite")
    tokens = {role: accounts.add(f"u_{role}", Role(role)) for role in ("viewer", "analyst", "admin")}
    accounts.close()
    (data / "id_salt").write_text("test-salt", "utf-8")
    (data / "id_salt").chmod(0o644)  # the server makes it private at start-up
    port = _free_port()
    env = {**os.environ, "XUNCHA_DATA_DIR": str(data), "XUNCHA_STORE": "embedded"}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--host", "127.0.0.1",
                             "--port", str(port), "--no-access-log", "--log-level", "warning"], cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.2)
    yield {"url": url, "port": port, "data": data, "tokens": tokens, "pid": proc.pid}
    proc.terminate()
    proc.wait(10)


def bearer(server, role: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {server['tokens'][role]}"}


def _raw(port: int, head: str, body: bytes = b"", stream_mb: int = 0) -> tuple[int, str, float]:
    """Send a request head (and a few bytes, or megabytes in chunks); return status, body text and seconds taken."""
    start = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(head.encode("latin-1") + body)
        block = b"x" * (1024 * 1024)
        for _ in range(stream_mb):
            if select.select([s], [], [], 0)[0]:
                break  # the server has answered: stop sending
            try:
                s.sendall(f"{len(block):x}\r\n".encode() + block + b"\r\n")
            except OSError:
                break
        answer = b""
        while chunk := _recv(s):
            answer += chunk
    seconds = time.perf_counter() - start
    status = int(answer.split(b" ", 2)[1])
    return status, answer.partition(b"\r\n\r\n")[2].decode("utf-8", "replace"), seconds


def _recv(s: socket.socket) -> bytes:
    try:
        return s.recv(65536)
    except OSError:  # reset after the answer, or no more within the timeout
        return b""


HEAD = ("POST /loads HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
        "Content-Length: 1500000000\r\n{auth}\r\n")


@pytest.mark.parametrize(("who", "status", "says"), [
    (None, 401, "请先登录"), ("nope", 401, "令牌无效"), ("viewer", 403, "无权"), ("analyst", 403, "无权"),
    ("admin", 413, "50 MB")])
def test_a_1_5_gb_upload_is_answered_before_its_body_is_read(server, who, status, says):
    token = server["tokens"].get(who, who)
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    got, text, seconds = _raw(server["port"], HEAD.format(auth=auth), b"--b\r\nContent-Disposition: form-da")
    assert (got, seconds < 3) == (status, True), (text, seconds)
    assert says in text


def test_a_chunked_upload_is_cut_off_at_the_limit(server):
    head = (f"POST /loads HTTP/1.1\r\nHost: x\r\n{'Authorization: Bearer ' + server['tokens']['admin']}\r\n"
            "Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n")
    first = b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n'
    status, text, _ = _raw(server["port"], head, f"{len(first):x}\r\n".encode() + first + b"\r\n", stream_mb=80)
    assert status == 413 and "50 MB" in text and "max_upload_bytes" in text


def test_other_request_bodies_are_bounded(server):
    big = '{"query": "' + "x" * (2 * 1024 * 1024) + '"}'
    response = httpx.post(server["url"] + "/cypher", content=big, headers={**bearer(server, "analyst"),
                                                                           "Content-Type": "application/json"})
    assert response.status_code == 413 and "1 MB" in response.json()["message"]


def test_health_answers_while_a_slow_upload_is_processed(server, tmp_path):
    rows = [ISSUE_HEAD] + [issue(问题编号=f"S{i}", 序号=i, 发现日期="某天") for i in range(1, 60_001)]
    slow = write_csv(tmp_path / "问题清单.csv", rows)
    done: dict[str, float] = {}

    def upload() -> None:
        start = time.perf_counter()
        with slow.open("rb") as f:
            done["status"] = httpx.post(server["url"] + "/loads", files={"file": (slow.name, f, "text/csv")},
                                        headers=bearer(server, "admin"), timeout=300).status_code
        done["seconds"] = time.perf_counter() - start

    def cpu_seconds(pid: int) -> float:  # user + system time of the server process itself (not its children)
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    cpu_before = cpu_seconds(server["pid"])
    worker = threading.Thread(target=upload)
    worker.start()
    latencies = []
    while worker.is_alive():
        start = time.perf_counter()
        assert httpx.get(server["url"] + "/health", timeout=10).status_code == 200
        latencies.append(time.perf_counter() - start)
        time.sleep(0.05)
    worker.join()
    server_cpu = cpu_seconds(server["pid"]) - cpu_before
    print(f"\nupload of {len(rows) - 1:,} rows: {done['seconds']:.1f} s; /health answered {len(latencies)} times "
          f"meanwhile, slowest {max(latencies) * 1000:.0f} ms; the server itself used {server_cpu:.1f} s of CPU")
    assert done["status"] == 422 and done["seconds"] > 1.5
    # Blocked, /health would wait for the whole load; the load runs in a child process, so the server only copies
    # the body and answers: most of the upload's time is spent elsewhere, and /health answers all along.
    assert len(latencies) >= 5 and sorted(latencies)[len(latencies) // 2] < done["seconds"] / 10
    assert server_cpu < done["seconds"] / 2


@pytest.fixture(scope="module")
def http_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile-http")
    files = {c.file: folder / c.file for c in CORPUS.CASES if c.file in LARGE_OVER_HTTP}
    for case in CORPUS.CASES:
        if case.file in files:
            case.make(files[case.file])
        elif not case.large:
            files[case.file] = ROOT / "tests" / "data" / "hostile" / case.file
    return files


def _counts(server) -> dict:
    return httpx.get(server["url"] + "/stats", headers=bearer(server, "admin")).json()["nodes"]


def test_hostile_files_over_http_are_refused_and_the_service_keeps_answering(server, http_files):
    lines = ["| hostile upload | status | answer | time |", "|---|---|---|---|"]
    before = _counts(server)
    for case in [c for c in CORPUS.CASES if c.file in http_files]:
        start = time.perf_counter()
        with http_files[case.file].open("rb") as f:
            response = httpx.post(server["url"] + "/loads", files={"file": (case.file, f)},
                                  headers=bearer(server, "admin"), timeout=60)
        seconds = time.perf_counter() - start
        body = response.json()
        reasons = [p["reason"] for p in body.get("detail", {}).get("problems", [])] if response.status_code == 422 else []
        said = reasons[0] if reasons else body.get("message", f"loaded {body.get('loaded')}")
        lines.append(f"| {case.name} | {response.status_code} | {said[:60]} | {seconds:.2f} s |")
        if isinstance(case.expect, int):
            assert (response.status_code, body["loaded"]) == (200, case.expect), (case.name, body)
            before = _counts(server)
        elif response.status_code == 413:  # bigger than an upload may be: refused before it was read
            assert "max_upload_bytes" in body["message"], body
        else:
            assert response.status_code == 422, (case.name, body)
            assert any(case.expect in r for r in reasons) or case.expect in body["message"], (case.name, body)
            assert _counts(server) == before, case.name
        health = httpx.get(server["url"] + "/health", timeout=5)
        assert health.status_code == 200 and health.elapsed.total_seconds() < 1, case.name
    print("\n" + "\n".join(lines))


@pytest.mark.parametrize("name", ["../../../../tmp/xuncha-evil.csv", "..\\..\\..\\xuncha-evil.csv",
                                  "/etc/cron.d/xuncha-evil.csv", "a/../../xuncha-evil.csv", "问题清单\x00.csv",
                                  "..%2f..%2fxuncha-evil.csv", "长" * 300 + ".csv", ".hidden.csv"])
def test_path_traversal_names_stay_in_the_data_folder(server, tmp_path, name):
    rows = write_csv(tmp_path / "x.csv", [ISSUE_HEAD, issue(), issue(问题编号="T2", 序号=2, 发现日期="某天")])
    before = {p.name for p in Path("/tmp").glob("xuncha-evil*")}
    response = httpx.post(server["url"] + "/loads", files={"file": (name, rows.read_bytes(), "text/csv")},
                          data={"skip_bad_rows": "true"}, headers=bearer(server, "admin"))
    report = response.json()
    assert response.status_code == 200, report
    assert "/" not in report["file"] and "\\" not in report["file"] and not report["file"].startswith(".")
    rejects = Path(report["rejects_file"])
    assert rejects.resolve().parent == (server["data"] / "rejects").resolve()
    assert stat.S_IMODE(rejects.stat().st_mode) == 0o600
    assert {p.name for p in Path("/tmp").glob("xuncha-evil*")} == before


def test_every_response_carries_the_security_headers(server):
    for path, status in [("/", 200), ("/health", 200), ("/stats", 401), ("/nowhere", 404), ("/docs", 200)]:
        response = httpx.get(server["url"] + path)
        h = response.headers
        assert response.status_code == status, path
        assert h["x-content-type-options"] == "nosniff" and h["referrer-policy"] == "no-referrer", path
        assert "frame-ancestors 'none'" in h["content-security-policy"] and h["cache-control"] == "no-store", path
    for path in ("/", "/docs"):  # the workbench and the API reference: nothing inline, nothing from another host
        csp = httpx.get(server["url"] + path).headers["content-security-policy"]
        assert "script-src 'self';" in csp and "default-src 'self'" in csp, path
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp, path
    docs = httpx.get(server["url"] + "/docs").text
    assert re.findall(r'(?:src|href)="([^"]+)"', docs) == ["/assets/swagger/swagger-ui.css",
                                                            "/assets/swagger/swagger-ui-bundle.js",
                                                            "/assets/swagger/swagger-init.js"]
    assert "<script>" not in docs


def test_the_data_folder_is_private(server):
    data = server["data"]
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for name in ("graph.sqlite", "accounts.sqlite", "audit.sqlite", "id_salt"):
        assert stat.S_IMODE((data / name).stat().st_mode) == 0o600, name


def test_deeply_nested_json_is_a_clear_422_not_a_500(server):
    for depth in (25, 100_000):
        body = "[" * depth + "]" * depth
        response = httpx.post(server["url"] + "/loads", files={"file": ("问题清单.json", body.encode())},
                              headers=bearer(server, "admin"))
        problem = response.json()["detail"]["problems"][0]
        assert response.status_code == 422 and "嵌套层数超过上限 20" in problem["reason"], response.text
