"""Hostile ledgers: each is refused with a clear Chinese reason (or, if odd but valid, loaded), within a time and
memory budget, and leaves the graph exactly as it was.

The corpus is ``tests/data/hostile`` (small files committed, large ones made by
its ``make_hostile.py`` into a temporary folder). Every load runs in its own
process, forked from a server that has already imported the loader, under
``RLIMIT_AS`` (what it may map on top of that server) and a wall-clock limit;
the child measures its own peak resident memory. ``bench/hostile.py`` prints
the same table outside pytest.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import resource
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
SECONDS = 60.0  # wall clock per load: "does not hang", with room for a shared, busy two-core machine
MEMORY = 768 * 1024 * 1024  # address space a load may add (RLIMIT_AS above the forkserver's own)
PEAK = 400  # MB of resident memory a load may add


def corpus() -> Any:
    spec = importlib.util.spec_from_file_location("make_hostile", HOSTILE / "make_hostile.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["make_hostile"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@dataclass
class Outcome:
    result: str  # "loaded" | "rejected" | "memory" | "timeout" | "crash"
    detail: Any  # rows loaded, or the first problem's message, or the error
    seconds: float
    peak_mb: float  # resident memory the load added (VmHWM after the load minus VmRSS before it)


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def _child(path: str, store_path: str, limit: int, conn: Any) -> None:
    """In the forked process: cap the address space, reset the peak, load, report."""
    from graph.stores.embedded import EmbeddedStore
    from loaders.ledgers.load import LedgerRejected, Loader

    store = EmbeddedStore(Path(store_path))
    loader = Loader(store, "test-salt")
    resource.setrlimit(resource.RLIMIT_AS, (_status("VmSize") + limit, resource.RLIM_INFINITY))
    base = _status("VmRSS")
    try:
        Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS, so the peak is this load's
    except OSError:  # not Linux ≥ 4.0: the peak then includes what the process held before
        pass
    start = time.perf_counter()
    try:
        report = loader.load(Path(path))
        result, detail = "loaded", report.loaded
    except LedgerRejected as exc:
        result, detail = "rejected", [p.message for p in exc.report.problems[:3]]
    except MemoryError:
        result, detail = "memory", "MemoryError"
    except BaseException as exc:  # noqa: BLE001 - the test reports whatever escaped
        result, detail = "crash", f"{type(exc).__name__}: {str(exc)[:200]}"
    seconds = time.perf_counter() - start
    peak = (_status("VmHWM") - base) / 1024 / 1024
    store.close()
    conn.send(Outcome(result, detail, seconds, peak))
    conn.close()


class Runner:
    """Loads files one per forked process from a server that has imported the loader once."""

    def __init__(self) -> None:
        self.ctx = multiprocessing.get_context("forkserver")
        self.ctx.set_forkserver_preload(["graph.stores.embedded", "loaders.ledgers.load", "openpyxl",
                                         "charset_normalizer", __name__])

    def run(self, path: Path, store_path: Path, seconds: float = SECONDS, memory: int = MEMORY) -> Outcome:
        here, there = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(target=_child, args=(str(path), str(store_path), memory, there))
        start = time.perf_counter()
        proc.start()
        there.close()
        try:
            if here.poll(seconds):
                return here.recv()
            return Outcome("timeout", f"over {seconds:.0f} s", time.perf_counter() - start, 0.0)
        except EOFError:
            return Outcome("crash", f"exit code {proc.exitcode}", time.perf_counter() - start, 0.0)
        finally:
            proc.join(1)
            if proc.is_alive():
                proc.kill()
                proc.join()


def base_store(folder: Path) -> Path:
    """A store holding the test county's units and rounds, closed, to be copied per case."""
    from graph.stores.embedded import EmbeddedStore
    from loaders.ledgers.load import Loader
    from tests.loaders.test_malformed import ROUNDS, UNITS, write_csv

    folder.mkdir(parents=True, exist_ok=True)
    store = EmbeddedStore(folder / "graph.sqlite")
    loader = Loader(store, "test-salt")
    loader.load(write_csv(folder / "units.csv", UNITS))
    loader.load(write_csv(folder / "rounds.csv", ROUNDS))
    store.close()
    return folder / "graph.sqlite"


def copy_store(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for part in source.parent.glob(source.name + "*"):
        shutil.copy(part, folder / part.name)
    return folder / source.name


def snapshot(store_path: Path) -> tuple[list[str], list[str]]:
    from graph.stores.embedded import EmbeddedStore

    store = EmbeddedStore(store_path)
    try:
        return (sorted(n.model_dump_json() for n in store.iter_nodes()),
                sorted(e.model_dump_json() for e in store.iter_edges()))
    finally:
        store.close()


def table(rows: list[tuple[str, Outcome]]) -> str:
    lines = ["| hostile input | result | time | peak memory |", "|---|---|---|---|"]
    for name, o in rows:
        said = f"loaded {o.detail} rows" if o.result == "loaded" else o.result
        if o.result == "rejected":
            message = o.detail[0].split(" —— ", 1)[-1]
            said = f"rejected: {message[:70]}{'…' if len(message) > 70 else ''}"
        elif o.result != "loaded":
            said = f"{o.result}: {o.detail}"
        lines.append(f"| {name} | {said} | {o.seconds:.2f} s | {o.peak_mb:+.0f} MB |")
    return "\n".join(lines)


# -- the tests ------------------------------------------------------------------------------------------------------

CORPUS = corpus()


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory) -> dict[str, Path]:
    made = CORPUS.make(tmp_path_factory.mktemp("hostile-large"), large=True)
    committed = {c.file: HOSTILE / c.file for c in CORPUS.CASES if not c.large}
    missing = [name for name, path in committed.items() if not path.exists()]
    assert not missing, f"run python tests/data/hostile/make_hostile.py to write {missing}"
    return {**committed, **made}


@pytest.fixture(scope="module")
def runner() -> Runner:
    return Runner()


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> tuple[Path, tuple]:
    path = base_store(tmp_path_factory.mktemp("hostile-base"))
    return path, snapshot(path)


def test_the_corpus_has_at_least_sixty_inputs():
    assert len(CORPUS.CASES) >= 60
    assert len({c.file for c in CORPUS.CASES}) == len(CORPUS.CASES)


_RESULTS: list[tuple[str, Outcome]] = []


@pytest.mark.parametrize("case", CORPUS.CASES, ids=[c.file for c in CORPUS.CASES])
def test_hostile_input_is_refused_or_loaded_safely(case, hostile_files, runner, base, tmp_path):
    base_path, before = base
    store_path = copy_store(base_path, tmp_path / "store")
    outcome = runner.run(hostile_files[case.file], store_path)
    _RESULTS.append((case.name, outcome))
    assert outcome.result in ("loaded", "rejected"), (case.name, outcome)
    assert outcome.seconds < SECONDS and outcome.peak_mb < PEAK, (case.name, outcome)
    if isinstance(case.expect, int):
        assert (outcome.result, outcome.detail) == ("loaded", case.expect), outcome
        return
    assert outcome.result == "rejected", outcome
    assert any(case.expect in m and case.file in m for m in outcome.detail), outcome.detail
    assert "root:" not in str(outcome.detail)  # XXE never reads a file
    assert snapshot(store_path) == before


def test_print_the_table():
    if _RESULTS:
        print("\n" + table(_RESULTS))
