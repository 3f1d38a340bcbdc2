"""The API under load (issue 14 item 5): 64 connections over a mix of read endpoints, on both stores, scale 10.

Serves the scale-10 sample (``generate(10, 7)``) with uvicorn workers — from a temporary embedded store (2
workers, then 1 for comparison) and, when NEO4J_URI is set (``bash tools/with-neo4j.sh``), from Neo4j — signed
in with an analyst's API token, and drives it with wrk (Debian package ``wrk``). The 64 connections are split
over the endpoints an analyst uses (one wrk process per endpoint, each rotating through many ids with a Lua
script), so each endpoint gets its own requests, errors and p50/p95/p99 while all of them load the server
together. Before the measured run every path is requested once (its answer must be 200) and the mix runs
for a warm-up, so whole-graph results are already computed per worker — the steady state is what is measured;
the warm-up's own figures are printed too.

Prints per endpoint: requests, errors, p50/p95/p99 (ms); total req/s; per worker RSS and PSS (from /proc,
after the run) and the workers' CPU seconds; the load average. Then each endpoint alone over one connection
(``API_MIXED_ALONE`` seconds each, default 3): the latency of one analyst on an otherwise idle server.
Asserts nothing. Target (issue 14 items 4–5): 0 errors, p95 ≤ 50 ms for the analyses at scale 10.

Usage: python bench/api_mixed.py [seconds] [warm-up seconds] [scale]   (default 60 15 10)
Environment: NEO4J_URI (with-neo4j.sh) adds Neo4j; API_MIXED_STORES=embedded,neo4j picks stores;
API_MIXED_ONE_WORKER=0 skips the 1-worker comparison; API_MIXED_DIR keeps the data folder for the next run.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.auth import AccountStore, Role  # noqa: E402
from graph.analysis import repeats  # noqa: E402
from graph.reviews.warm import warm_after_load  # noqa: E402
from graph.settings import Settings  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402
from loaders.sample import Bundle, generate  # noqa: E402

# connections per endpoint (64 in all): the cheap, frequent reads get more
MIX = {"entity": 8, "search": 6, "neighbourhood": 6, "repeats": 5, "common": 4, "linked": 4, "leaders/carry": 4,
       "stats": 4, "paths (one hop)": 5, "dashboard": 4, "village profile": 5, "case review": 5, "linkage": 4}
ALONE_SECONDS = int(os.environ.get("API_MIXED_ALONE", "3"))  # then each endpoint alone (0: not at all)
LUA = """
local paths = {%s}
local i = math.random(#paths)
wrk.headers["Authorization"] = "Bearer %s"
%srequest = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%.0f %%.0f %%.0f %%.0f\\n", summary.requests,
    e.connect + e.read + e.write + e.timeout, e.status, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def paths_for(bundle: Bundle, seed: int = 7) -> dict[str, list[str]]:
    """Request paths per endpoint: many ids each, the way analysts spread over the county."""
    rnd = random.Random(seed)
    by_kind: dict[str, list] = {}
    for n in bundle.nodes:
        by_kind.setdefault(n.kind.value, []).append(n)
    units, people, issues = by_kind["Unit"], by_kind["Person"], by_kind["Issue"]
    villages = [u for u in units if u.props.get("unit_kind") == "village"]
    as_of = bundle.truth["as_of"]
    found_at = Counter(e.dst for e in bundle.edges if e.type.value == "FOUND_AT")
    busy = [u for u, _ in found_at.most_common(200)]
    hops = [e for e in bundle.edges if e.type.value in ("HOLDS_POST", "RESPONSIBLE_FOR", "FOUND_AT", "RELATIVE_OF")]
    names = [p.props["name"] for p in rnd.sample(people, 30)] + [v.props["name"] for v in rnd.sample(villages, 20)]
    cases = [c["case"] for c in bundle.truth["case_reviews"]]
    cases += [n.id for n in rnd.sample(by_kind["Case"], 40)]
    linkage_units = [u["unit"] for p in bundle.truth["linkage"] for u in p["units"]] + rnd.sample(busy, 20)

    def q(path: str, **params: object) -> str:
        kept = {k: v for k, v in params.items() if v is not None}
        return path + ("?" + urlencode(kept) if kept else "")

    return {
        "entity": [f"/entities/{n.id}" for n in rnd.sample(units, 40) + rnd.sample(people, 40) + rnd.sample(issues, 40)],
        "search": [q("/search", text=t[:2], limit=20) for t in names],
        "neighbourhood": [q(f"/entities/{n.id}/neighbourhood", depth=2, limit=50)
                          for n in rnd.sample(units, 30) + rnd.sample(people, 30)],
        "repeats": [q("/repeats", unit_id=u, limit=20) for u in rnd.sample(busy, 40)] + [q("/repeats", limit=50)],
        "common": [q("/common", limit=50), q("/common", min_units=4, limit=50), q("/common", limit=50, offset=50)],
        "linked": ["/linked"],
        "leaders/carry": [q("/leaders/carry", limit=50), q("/leaders/carry", limit=50, offset=50)],
        "stats": ["/stats"],
        "paths (one hop)": [q("/paths", source=e.src, target=e.dst, max_depth=2) for e in rnd.sample(hops, 60)],
        "dashboard": [q("/dashboard", today=as_of)],
        "village profile": [q(f"/profiles/{quote(v.id)}", as_of=as_of) for v in rnd.sample(villages, 60)],
        "case review": [q(f"/reviews/cases/{c}", as_of=as_of) for c in cases],
        "linkage": [q("/reviews/linkage", unit_id=u, as_of=as_of) for u in linkage_units],
    }


def prepare(folder: Path, bundle: Bundle, kind: str) -> tuple[str, float]:
    """Load the bundle into the store ``kind`` with repeats computed and the usual results kept (as ``xuncha load``
    leaves them); an analyst's token; load seconds."""
    t0 = time.perf_counter()
    if kind == "embedded":
        store = EmbeddedStore(folder / "graph.sqlite")
    else:
        from graph.stores.neo4j_store import Neo4jStore

        store = Neo4jStore.from_settings(Settings(store="neo4j", data_dir=folder))
        store.clear()
    store.upsert(bundle.nodes, bundle.edges)
    repeats.recompute(store)
    warmed = warm_after_load(store, folder)  # as `xuncha load` does: the workers read these, not compute them
    print(f"  {kind}: warm-up after the load {sum(w.seconds for w in warmed):.1f} s ({len(warmed)} results kept)")
    store.close()
    accounts = AccountStore(folder / "accounts.sqlite")
    token = accounts.add(f"bench-{kind}-{os.getpid()}-{time.time_ns()}", Role.ANALYST)  # a kept folder may have one
    accounts.close()
    return token, time.perf_counter() - t0


def serve(folder: Path, kind: str, port: int, workers: int) -> tuple[subprocess.Popen, float]:
    env = {**os.environ, "XUNCHA_DATA_DIR": str(folder), "XUNCHA_STORE": kind}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app", "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers), "--log-level", "warning",
                             "--no-access-log"], cwd=ROOT, env=env)
    for _ in range(1200):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=0.5).status_code == 200:
                return proc, time.perf_counter() - t0
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server did not start")


def check_paths(base: str, token: str, mix: dict[str, list[str]]) -> dict[str, float]:
    """Each path once (must be 200), in turn; the slowest first answer per endpoint in seconds (cold)."""
    cold: dict[str, float] = {}
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=300) as client:
        for name, paths in mix.items():
            for path in paths:
                t0 = time.perf_counter()
                r = client.get(path)
                cold[name] = max(cold.get(name, 0.0), time.perf_counter() - t0)
                if r.status_code != 200:
                    print(f"  !! {name}: {path} → {r.status_code} {r.text[:200]}", flush=True)
    return cold


def _wrk(base: str, token: str, name: str, paths: list[str], connections: int, seconds: int,
         folder: Path, *, reconnect: bool = False) -> subprocess.Popen:
    script = folder / f"mix-{list(MIX).index(name)}.lua"
    close = 'wrk.headers["Connection"] = "close"\n' if reconnect else ""
    script.write_text(LUA % (", ".join(f'"{p}"' for p in paths), token, close), encoding="utf-8")
    return subprocess.Popen(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "-s", str(script),
                             base], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _result(name: str, proc: subprocess.Popen) -> list[float]:
    text = proc.communicate()[0]
    line = next((x for x in text.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(f"wrk for {name} printed no result:\n{text}")
    return [float(x) for x in line.split()[1:]]


def drive(base: str, token: str, mix: dict[str, list[str]], seconds: int, folder: Path, *,
          reconnect: bool = False) -> dict[str, list[float]]:
    """One wrk process per endpoint, all at once; per endpoint [requests, socket errors, status errors, µs…].

    A kept-alive connection stays with the worker that accepted it: the warm-up reconnects for every request
    so that each worker, not only the one that took the connections, has computed what it serves."""
    procs = {name: _wrk(base, token, name, paths, MIX[name], seconds, folder, reconnect=reconnect)
             for name, paths in mix.items()}
    return {name: _result(name, proc) for name, proc in procs.items()}


def alone(base: str, token: str, mix: dict[str, list[str]], seconds: int, folder: Path) -> dict[str, list[float]]:
    """Each endpoint by itself over one connection (no load beside it): what one analyst waits."""
    return {name: _result(name, _wrk(base, token, name, paths, 1, seconds, folder)) for name, paths in mix.items()}


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def workers_of(proc: subprocess.Popen, workers: int) -> list[int]:
    """The serving processes: uvicorn's children when it forks workers, else uvicorn itself."""
    if workers == 1:
        return [proc.pid]
    return [p for p in _children(proc.pid) if "spawn_main" in Path(f"/proc/{p}/cmdline").read_text(errors="replace")]


def memory_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MB: PSS splits pages shared between processes, so it adds up across workers."""
    rss = next(int(x.split()[1]) for x in Path(f"/proc/{pid}/status").read_text().splitlines() if x.startswith("VmRSS"))
    pss = next((int(x.split()[1]) for x in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
                if x.startswith("Pss:")), 0)
    return rss / 1024, pss / 1024


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def report(label: str, figures: dict[str, list[float]], seconds: int, conns: dict[str, int] = MIX) -> None:
    print(f"  {label}")
    print(f"    {'endpoint':<18}{'conns':>6}{'requests':>10}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
          f"{'max ms':>9}")
    total = errors = 0
    for name, (n, sock, status, _dur, p50, p95, p99, top) in figures.items():
        total, errors = total + int(n), errors + int(sock + status)
        flag = "" if p95 <= 50_000 else "  > 50 ms"
        print(f"    {name:<18}{conns[name]:>6}{int(n):>10}{int(sock + status):>8}{p50 / 1000:>9.1f}{p95 / 1000:>9.1f}"
              f"{p99 / 1000:>9.1f}{top / 1000:>9.1f}{flag}")
    print(f"    total: {total} requests, {errors} errors, {total / seconds:.0f} req/s" if conns is MIX else
          f"    total: {total} requests, {errors} errors")


def run(folder: Path, kind: str, workers: int, token: str, mix: dict[str, list[str]], seconds: int,
        warm: int) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc, started = serve(folder, kind, port, workers)
    try:
        pids = workers_of(proc, workers)
        print(f"\n{kind}, {workers} worker(s): serving after {started:.1f} s; load average {_load()}", flush=True)
        cold = check_paths(base, token, mix)
        print("  first answer (cold, slowest per endpoint, s): " + ", ".join(f"{k} {v:.2f}" for k, v in cold.items()))
        if warm:
            report(f"warm-up {warm} s, a new connection per request (not the measurement)",
                   drive(base, token, mix, warm, folder, reconnect=True), warm)
        cpu0 = sum(cpu_seconds(p) for p in pids)
        load0 = _load()
        figures = drive(base, token, mix, seconds, folder)
        cpu = sum(cpu_seconds(p) for p in pids) - cpu0
        report(f"measured {seconds} s, 64 connections; load average before {load0}, after {_load()}", figures, seconds)
        mem = [memory_mb(p) for p in pids]
        print("    workers' CPU: {:.1f} s in {} s; per worker RSS/PSS MB: {}".format(
            cpu, seconds, ", ".join(f"{r:.0f}/{s:.0f}" for r, s in mem)), flush=True)
        if ALONE_SECONDS:
            report(f"each endpoint alone, 1 connection, {ALONE_SECONDS} s each; load average {_load()}",
                   alone(base, token, mix, ALONE_SECONDS, folder), ALONE_SECONDS, dict.fromkeys(MIX, 1))
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def main(seconds: int = 60, warm: int = 15, scale: int = 10) -> None:
    if not shutil.which("wrk"):
        sys.exit("需要 wrk（apt-get install -y wrk）")
    kinds = [("embedded", 2), ("embedded", 1)] if os.environ.get("API_MIXED_ONE_WORKER", "1") == "1" else [
        ("embedded", 2)]
    if os.environ.get("NEO4J_URI"):
        kinds.append(("neo4j", 2))
    if os.environ.get("API_MIXED_STORES"):
        wanted = set(os.environ["API_MIXED_STORES"].split(","))
        kinds = [k for k in kinds if k[0] in wanted]
    kept = os.environ.get("API_MIXED_DIR")  # keep (and reuse) the loaded embedded store between runs
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(kept or tmp)
        top.mkdir(parents=True, exist_ok=True)
        mix_file, bundle = top / f"mix-{scale}.json", None
        t0 = time.perf_counter()
        if mix_file.exists():
            mix = json.loads(mix_file.read_text(encoding="utf-8"))
            print(f"API mixed read load: scale {scale}, paths from {mix_file}", end="")
        else:
            bundle = generate(scale, 7)
            mix = paths_for(bundle)
            mix_file.write_text(json.dumps(mix, ensure_ascii=False), encoding="utf-8")
            print(f"API mixed read load: scale {scale} ({len(bundle.nodes):,} nodes, {len(bundle.edges):,} edges, "
                  f"generated in {time.perf_counter() - t0:.0f} s)", end="")
        print(f", {sum(MIX.values())} connections over {len(MIX)} endpoints, {seconds} s measured after {warm} s "
              f"warm-up, analyst token; wrk on loopback; 2-core machine shared, load average {_load()}", flush=True)
        ready: set[str] = set()
        for kind, workers in kinds:
            folder = top / kind
            if kind not in ready:
                folder.mkdir(exist_ok=True)
                if not (kind == "embedded" and (folder / "token").exists()):
                    bundle = bundle or generate(scale, 7)
                    token, took = prepare(folder, bundle, kind)
                    (folder / "token").write_text(token)
                    print(f"{kind}: loaded with repeats in {took:.0f} s", flush=True)
                ready.add(kind)
            run(folder, kind, workers, (folder / "token").read_text(), mix, seconds, warm)


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
