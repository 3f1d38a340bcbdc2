"""HTTP load on loopback: a read endpoint at 64 concurrent connections for 30 s (prints figures; asserts nothing).

Serves the scale-1 sample from the embedded store with uvicorn (1 and 2
worker processes, side by side in one run) and drives it with wrk (Debian
package ``wrk``); without wrk it falls back to an asyncio client, which is
itself CPU-bound on this machine and says so. Endpoints: one entity by id
(``/entities/{unit}``) and one page of repeats at a unit (``/repeats``).

Target (issue 6): ≥1,000 req/s on the embedded store with 0 errors on the 2-core machine.

Usage: python bench/api_load.py [seconds] [connections]   (default 30 64)
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.auth import AccountStore, Role  # noqa: E402
from graph.analysis import repeats  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.sample import generate  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prepare(folder: Path) -> tuple[str, str, str]:
    county = generate(1, 7)
    store = EmbeddedStore(folder / "graph.sqlite")
    store.upsert(county.nodes, county.edges)
    repeats.recompute(store)
    unit = max((n for n in county.nodes if n.kind.value == "Unit"), key=lambda n: n.id)
    store.close()
    accounts = AccountStore(folder / "accounts.sqlite")
    token = accounts.add("bench", Role.ANALYST)
    accounts.close()
    return token, unit.id, unit.id


def _serve(folder: Path, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "XUNCHA_DATA_DIR": str(folder), "XUNCHA_STORE": "embedded"}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app", "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers), "--log-level", "warning",
                             "--no-access-log"], cwd=ROOT, env=env)
    for _ in range(200):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=0.5).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


def _wrk(url: str, token: str, seconds: int, connections: int) -> dict[str, str]:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-H",
                          f"Authorization: Bearer {token}", url], capture_output=True, text=True, check=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"\s50%\s+(\S+)", out)
    p99 = re.search(r"\s99%\s+(\S+)", out)
    total = re.search(r"(\d+) requests in", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(non2xx.group(1)) if non2xx else 0
    errors += sum(int(x) for x in sock.groups()) if sock else 0
    return {"rps": rps.group(1) if rps else "?", "p50": p50.group(1) if p50 else "?", "p99": p99.group(1) if p99 else "?",
            "requests": total.group(1) if total else "?", "errors": str(errors)}


def _asyncio_client(url: str, token: str, seconds: int, connections: int) -> dict[str, str]:
    import asyncio

    latencies: list[float] = []
    errors = 0

    async def worker(client: httpx.AsyncClient, stop: float) -> None:
        nonlocal errors
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            try:
                r = await client.get(url, headers={"Authorization": f"Bearer {token}"})
                errors += r.status_code != 200
            except httpx.HTTPError:
                errors += 1
            latencies.append(time.perf_counter() - t0)

    async def main() -> None:
        limits = httpx.Limits(max_connections=connections)
        async with httpx.AsyncClient(limits=limits, timeout=10) as client:
            stop = time.perf_counter() + seconds
            await asyncio.gather(*(worker(client, stop) for _ in range(connections)))

    asyncio.run(main())
    latencies.sort()
    return {"rps": f"{len(latencies) / seconds:.0f}", "p50": f"{latencies[len(latencies) // 2] * 1000:.1f}ms",
            "p99": f"{latencies[int(len(latencies) * 0.99)] * 1000:.1f}ms", "requests": str(len(latencies)),
            "errors": str(errors)}


def main(seconds: int = 30, connections: int = 64) -> None:
    tool = "wrk" if shutil.which("wrk") else "asyncio client (wrk not installed; the client shares the 2 cores)"
    run = _wrk if shutil.which("wrk") else _asyncio_client
    print(f"API 压测：{connections} 个并发连接，每项 {seconds} 秒，回环地址，嵌入式存储，样例县规模 1；压测工具：{tool}")
    print(f"{'workers':>7} {'endpoint':<34} {'req/s':>9} {'p50':>9} {'p99':>9} {'requests':>9} {'errors':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        token, unit, _ = _prepare(folder)
        for workers in (1, 2):
            port = _free_port()
            proc = _serve(folder, port, workers)
            try:
                for label, path in (("/entities/{unit}", f"/entities/{unit}"),
                                    ("/repeats?unit_id={unit}&limit=20", f"/repeats?unit_id={unit}&limit=20")):
                    r = run(f"http://127.0.0.1:{port}{path}", token, seconds, connections)
                    print(f"{workers:>7} {label:<34} {r['rps']:>9} {r['p50']:>9} {r['p99']:>9} {r['requests']:>9} "
                          f"{r['errors']:>6}")
            finally:
                proc.terminate()
                proc.wait(timeout=30)


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(*args)
