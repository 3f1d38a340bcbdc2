"""Reopening the embedded store: the snapshot read against the rebuild from SQLite, side by side in one run.

Each figure comes from a fresh process (as a CLI command or a new worker starts), run one after another, the
median of ``--runs``: wall and CPU (user + system) time of opening the store and reading the graph, the same for
the work that follows (``ALLOCS`` small objects, where a collector still busy with the new graph shows), and the
process's peak RSS above what it held before opening. Columns:

- ``sqlite``: the graph rebuilt from the tables (what every open paid before the snapshot);
- ``snapshot, plain``: the snapshot read as it was first written (file copied, ``marshal.loads`` with the
  collector paused, then left to traverse the new graph);
- ``snapshot``: :func:`graph.stores.snapshot.read` as it is now.

Then, in this process with the graph held, another process writes one node (and does not close, so the snapshot
stays behind): the first ``get_node`` here catches up by applying the logged change (:mod:`graph.stores.changelog`),
against the same with the log refused (a full re-read, from SQLite because the snapshot is stale).

    .venv/bin/python bench/reopen.py [SCALE ...]          # generates and loads each scale (default 10), slow
    .venv/bin/python bench/reopen.py --path FILE.sqlite   # an existing store file (its snapshot is made first)

Prints figures; asserts nothing. Say the load average (printed) beside them: the machine is shared.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import marshal
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.stores import snapshot, sqlite_file  # noqa: E402
from graph.stores.embedded import EmbeddedStore  # noqa: E402

ALLOCS = 300_000
MODES = ("sqlite", "snapshot, plain", "snapshot")


def _usage() -> tuple[float, float, int]:
    """Wall and CPU clocks, and peak RSS in kB (VmHWM: ru_maxrss would carry the spawning parent's peak over)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    status = Path("/proc/self/status").read_text()
    peak = int(status.split("VmHWM:")[1].split()[0])
    return time.perf_counter(), r.ru_utime + r.ru_stime, peak


def _plain(store: EmbeddedStore) -> Any:
    """The first snapshot reader: bytes copied, digest, loads with the collector paused, nothing frozen."""
    data = store.snapshot_path.read_bytes()
    body = memoryview(data)[len(snapshot.MAGIC) + snapshot._HEADER.size:]
    assert hashlib.sha256(body).digest() == snapshot._HEADER.unpack_from(data, len(snapshot.MAGIC))[2]
    gc.disable()
    try:
        return snapshot._graph(marshal.loads(body))
    finally:
        gc.enable()


def child(mode: str, path: Path) -> dict[str, float]:
    w0, c0, rss0 = _usage()
    store = EmbeddedStore(path)
    if mode == "sqlite":
        graph = sqlite_file.read_graph(store._db)
    elif mode == "snapshot, plain":
        graph = _plain(store)
    else:
        graph = store.graph
        assert store._snapshot_generation == store._generation, "the snapshot was not used"
    w1, c1, rss1 = _usage()
    junk = [[i] for i in range(ALLOCS)]
    w2, c2, _ = _usage()
    del junk
    return {"wall": w1 - w0, "cpu": c1 - c0, "after_wall": w2 - w1, "after_cpu": c2 - c1,
            "rss_mb": (rss1 - rss0) / 1024, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}


def measure(path: Path, runs: int) -> dict[str, dict[str, float]]:
    store = EmbeddedStore(path)
    store.graph  # noqa: B018  a snapshot of the current generation exists before timing
    store.close()
    out: dict[str, dict[str, float]] = {}
    for mode in MODES:
        samples = [json.loads(subprocess.run(
            [sys.executable, __file__, "--child", mode, str(path)], check=True, capture_output=True, text=True,
            cwd=ROOT).stdout) for _ in range(runs)]
        out[mode] = {k: statistics.median(s[k] for s in samples) for k in samples[0]}
    return out


WRITE_ONE = ("import sys; from pathlib import Path; from graph.stores.embedded import EmbeddedStore; "
             "from graph.model import nodes as m; s = EmbeddedStore(Path(sys.argv[1])); "
             "s.upsert([m.Unit(name=sys.argv[2], county='基准县', unit_kind='county_department').to_record()], [])")


def catch_up(path: Path) -> dict[str, tuple[float, float]]:
    """Wall and CPU seconds of the first read after another process wrote one node: applied, then re-read."""
    from graph.model import nodes as m
    from graph.stores import changelog

    store = EmbeddedStore(path)
    store.graph  # noqa: B018
    out = {}
    for label, behind in (("applied from the log", changelog.MAX_BEHIND), ("re-read whole", 0)):
        name = f"基准县{label}局{time.time_ns()}"
        subprocess.run([sys.executable, "-c", WRITE_ONE, str(path), name], check=True, cwd=ROOT)
        changelog.MAX_BEHIND, saved = behind, changelog.MAX_BEHIND
        w0, c0, _ = _usage()
        assert store.get_node(m.Unit(name=name, county="基准县", unit_kind="county_department").id) is not None
        w1, c1, _ = _usage()
        changelog.MAX_BEHIND = saved
        out[label] = (w1 - w0, c1 - c0)
    store.close()
    return out


def generated(scale: int, tmp: Path) -> Path:
    from graph.analysis import repeats
    from loaders.sample import generate

    path = tmp / f"s{scale}.sqlite"
    bundle = generate(scale, 7)
    store = EmbeddedStore(path)
    store.upsert(bundle.nodes, bundle.edges)
    repeats.recompute(store)
    store.close()
    return path


def report(label: str, figures: dict[str, dict[str, float]], caught: dict[str, tuple[float, float]]) -> None:
    some = next(iter(figures.values()))
    print(f"\n{label}: {some['nodes']:,.0f} nodes, {some['edges']:,.0f} edges; "
          f"load average at the end {os.getloadavg()[0]:.2f}")
    print(f"{'':<34}" + "".join(f"{mode:>18}" for mode in figures))
    then = f"then {ALLOCS // 1000}k objects"
    rows = (("open + read: wall s", "wall"), ("open + read: CPU s", "cpu"), (f"{then}: wall s", "after_wall"),
            (f"{then}: CPU s", "after_cpu"), ("peak RSS above start, MB", "rss_mb"))
    for name, key in rows:
        print(f"{name:<34}" + "".join(f"{m[key]:>18.3f}" for m in figures.values()))
    print("first get_node after another process wrote one node (wall s / CPU s):")
    for name, (wall, cpu) in caught.items():
        print(f"  {name:<32}{wall:>18.3f}{cpu:>18.3f}")


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(child(argv[1], Path(argv[2]))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scales", nargs="*", type=int, default=[10])
    parser.add_argument("--path", type=Path, help="an existing store file instead of generated scales")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    if args.path:
        label = f"{args.path.name} (load average {os.getloadavg()[0]:.2f} at start)"
        report(label, measure(args.path, args.runs), catch_up(args.path))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scales:
            path = generated(scale, Path(tmp))
            label = f"scale {scale} (load average {os.getloadavg()[0]:.2f} at start)"
            report(label, measure(path, args.runs), catch_up(path))


if __name__ == "__main__":
    main(sys.argv[1:])
