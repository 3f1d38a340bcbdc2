"""Neo4j: batched load vs one transaction per record, and query latency on both stores.

Prints figures measured side by side in one run; asserts nothing. Needs NEO4J_URI
(`make bench` starts a server). The per-record baseline runs on a slice of the
data (it would take far too long in full) and its rate is reported as measured.
Targets (issues 3, 14): batched ≥50× per-record and ≥20k records/s at scales 1 and 10.

``--bulk 10`` measures the bulk path for first loads instead (no server needed): the CSV files the service
writes (:mod:`graph.stores.neo4j_bulk`), ``neo4j-admin database import full`` from the development server's
jars into a new, stopped database (tools/neo4j-dev/import.sh), then the first start of a server on it and the
store's schema step (the constraint and indexes built over the imported graph), checked by counting.

A fresh server spends its first load compiling (JIT, query plans): that first load is timed and printed
apart ("warm-up"), so the rows compare loads on a warmed server. Beside wall time it prints this process's
CPU time, the server's CPU time (when the server is the development one on this machine: read from /proc, found
by its port; "–" otherwise) and the load average: the development machine is shared.
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.settings import Settings  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402
from graph.stores.neo4j_bulk import finish, write_csv  # noqa: E402
from graph.stores.neo4j_store import Neo4jStore  # noqa: E402
from loaders.sample import generate  # noqa: E402

BASELINE_RECORDS = 1500


def server_cpu(uri: str) -> float | None:
    """CPU seconds used so far by the development server listening on ``uri``'s port (None: not found here)."""
    port = uri.rsplit(":", 1)[-1].strip("/")
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
            if b"xuncha.DevServer" in args and port.encode() in args:
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            continue
    return None


def batched(store: Neo4jStore, nodes, edges) -> tuple[float, float, float | None]:
    """Wall, client CPU and server CPU seconds of one batched load into an empty graph."""
    store.clear()
    t0, c0, s0 = time.perf_counter(), time.process_time(), server_cpu(store.uri)
    store.upsert(nodes, edges)
    s1 = server_cpu(store.uri)
    return time.perf_counter() - t0, time.process_time() - c0, None if s0 is None or s1 is None else s1 - s0


def per_record(store: Neo4jStore, nodes, edges) -> tuple[int, float]:
    store.clear()
    ids = {n.id for n in nodes}
    edges = [e for e in edges if e.src in ids and e.dst in ids]
    t0 = time.perf_counter()
    for node in nodes:
        store.upsert([node], [])
    for edge in edges:
        store.upsert([], [edge])
    return len(nodes) + len(edges), time.perf_counter() - t0


def latency(run, params_list, repeat: int = 3) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        for params in params_list:
            t0 = time.perf_counter()
            run(params)
            samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main(scales: tuple[int, ...] = (1, 10), repeats: int = 1) -> None:
    store = Neo4jStore.from_settings(Settings(store="neo4j"))
    warm = generate(1, 3)
    t_warm, _, _ = batched(store, warm.nodes, warm.edges)
    print(f"warm-up: first load on this server, {len(warm.nodes) + len(warm.edges):,} records: {t_warm:.1f} s")
    print(f"{'scale':>5} {'records':>9} {'batched s':>9} {'client cpu s':>12} {'server cpu s':>12} "
          f"{'batched rec/s':>13} {'per-record rec/s':>16} {'ratio':>6} {'load avg':>8}")
    for scale in scales:
        bundle = generate(scale, 7)
        records = len(bundle.nodes) + len(bundle.edges)
        for _ in range(repeats):
            t_batched, cpu, server = batched(store, bundle.nodes, bundle.edges)
            rate_batched = records / t_batched
            print(f"{scale:>5} {records:>9,} {t_batched:>9.2f} {cpu:>12.2f} "
                  f"{'–' if server is None else f'{server:.2f}':>12} {rate_batched:>13,.0f} ", end="", flush=True)
            load = os.getloadavg()[0]
            n_base, t_base = per_record(store, bundle.nodes[:BASELINE_RECORDS // 3], bundle.edges)
            rate_base = n_base / t_base
            print(f"{rate_base:>16,.0f} {rate_batched / rate_base:>6.0f}× {load:>8.1f}   "
                  f"(per-record on {n_base:,} records)", flush=True)
    bundle = generate(1, 7)
    store.clear()
    store.upsert(bundle.nodes, bundle.edges)
    with tempfile.TemporaryDirectory() as tmp:
        embedded = EmbeddedStore(Path(tmp) / "g.sqlite")
        embedded.upsert(bundle.nodes, bundle.edges)
        units = [n.id for n in bundle.nodes if n.kind.value == "Unit"][:40]
        people = [e.src for e in bundle.edges if e.type.value == "HOLDS_POST"][:40]
        print("\nquery latency at scale 1, ms (p50 / p95)")
        print(f"{'query':<28} {'embedded':>16} {'neo4j':>16}")
        for name, plist in (("neighbourhood depth 2", [{"id": u, "depth": 2} for u in units]),
                            ("person_timeline", [{"person_id": p} for p in people])):
            qname = name.split()[0]
            e50, e95 = latency(lambda p, q=qname: embedded.run_query(q, p), plist)
            n50, n95 = latency(lambda p, q=qname: store.run_query(q, p), plist)
            print(f"{name:<28} {e50:>7.2f} / {e95:>6.2f} {n50:>7.2f} / {n95:>6.2f}")
        embedded.close()
    store.close()


def _children_cpu() -> float:
    usage = os.times()
    return usage.children_user + usage.children_system


def bulk(scale: int) -> None:
    """CSV + offline import + first open, timed apart, with CPU (this process, and the Java tools it ran)."""
    tools = Path(__file__).resolve().parents[1] / "tools" / "neo4j-dev"
    bundle = generate(scale, 7)
    records = len(bundle.nodes) + len(bundle.edges)
    with tempfile.TemporaryDirectory() as tmp:
        t0, c0 = time.perf_counter(), time.process_time()
        files = write_csv(bundle.nodes, bundle.edges, Path(tmp) / "csv")
        t_csv, c_csv = time.perf_counter() - t0, time.process_time() - c0
        env = {**os.environ, "NEO4J_DATA": str(Path(tmp) / "home")}
        t0, j0 = time.perf_counter(), _children_cpu()
        subprocess.run(["bash", str(tools / "import.sh"), *files.command()[1:]], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        t_import, j_import = time.perf_counter() - t0, _children_cpu() - j0
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        password = "bench-" + os.urandom(6).hex()
        t0 = time.perf_counter()
        server = subprocess.Popen(["bash", str(tools / "start.sh")], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  env={**env, "NEO4J_PORT": str(port), "NEO4J_PASSWORD": password}, text=True)
        try:
            assert server.stdout is not None and server.stdout.readline().startswith("READY"), "server did not start"
            t_start = time.perf_counter() - t0
            t0 = time.perf_counter()
            store = Neo4jStore.from_settings(Settings(store="neo4j", NEO4J_URI=f"bolt://127.0.0.1:{port}",
                                                      NEO4J_PASSWORD=password))
            with store._session() as session:
                finish(session, files.empty_lists)
            t_schema = time.perf_counter() - t0
            counts = store.counts()
            store.close()
        finally:
            server.terminate()
            server.wait()
    assert (counts.total_nodes, counts.total_edges) == (files.nodes, files.relationships)
    total = t_csv + t_import + t_schema
    print(f"bulk path, scale {scale}: {records:,} records, {len(files.node_files)} node and "
          f"{len(files.relationship_files)} relationship files")
    print(f"  write CSV        {t_csv:6.1f} s wall {c_csv:6.1f} s cpu")
    print(f"  neo4j-admin      {t_import:6.1f} s wall {j_import:6.1f} s cpu (JVM start included)")
    print(f"  server start     {t_start:6.1f} s wall (not counted)")
    print(f"  schema + finish  {t_schema:6.1f} s wall (constraint + indexes over the imported graph, empty lists)")
    print(f"  total            {total:6.1f} s → {records / total:,.0f} records/s   load avg {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--bulk"]:
        for arg in sys.argv[2:] or ["10"]:
            bulk(int(arg))
    else:  # SCALE… [--repeat N]
        args = sys.argv[1:]
        repeat = int(args.pop(args.index("--repeat") + 1)) if "--repeat" in args else 1
        main(tuple(int(a) for a in args if a != "--repeat") or (1, 10), repeat)
