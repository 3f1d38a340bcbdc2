"""Hostile ledgers: result, time and peak memory of loading each one, as a table.

The corpus and the runner are the tests' (``tests/data/hostile``,
``tests/loaders/test_hostile.py``): every load in its own process forked from
a server that has imported the loader, under ``RLIMIT_AS``, against a store
holding a small county; peak memory is what the load added to the process's
resident set (VmHWM after, VmRSS before).

Then the same corpus through the upload worker (``loaders/ledgers/worker.py``,
what POST /loads runs): each file loaded by a child process under the read
limits' memory and time budget, staged and written in one transaction; peak
child memory is what that child added to its resident set.

Usage: python bench/hostile.py [--worker] [FILE-NAME ...]   (default: the whole corpus, both tables;
       --worker: only the worker's table)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def worker_table(cases: list, files: dict[str, Path], base: Path, folder: Path) -> str:
    """Each file through the upload worker: outcome, time, peak child memory."""
    from graph.settings import Settings
    from loaders.ledgers.limits import read_limits
    from loaders.ledgers.worker import run_load
    from tests.loaders import test_hostile as th

    lines = ["| hostile input (worker) | result | time | peak child memory |", "|---|---|---|---|"]
    for case in cases:
        data = th.copy_store(base, folder / "worker" / case.file).parent
        (data / "id_salt").write_text("test-salt", "utf-8")
        settings = Settings(data_dir=data, store="embedded")
        result = run_load(settings, files[case.file], limits=read_limits(data), source=f"上传/{case.file}")
        if result.outcome == "loaded" and result.report:
            said = f"loaded {result.report.loaded} rows"
        elif result.outcome == "rejected" and result.report:
            message = result.report.problems[0].message.split(" —— ", 1)[-1] if result.report.problems else ""
            said = f"rejected: {message[:70]}{'…' if len(message) > 70 else ''}"
        else:
            said = f"{result.outcome}: {result.message[:70]}"
        peak = f"{result.peak_bytes / 2**20:+.0f} MB" if result.peak_bytes else "—"
        lines.append(f"| {case.name} | {said} | {result.seconds:.2f} s | {peak} |")
        print(f"worker {case.file}: {result.outcome} in {result.seconds:.2f} s", file=sys.stderr)
    return "\n".join(lines)


def main(only: list[str]) -> None:
    from tests.loaders import test_hostile as th

    worker_only = "--worker" in only
    only = [name for name in only if name != "--worker"]

    cases = [c for c in th.CORPUS.CASES if not only or c.file in only]
    with tempfile.TemporaryDirectory(prefix="xuncha-hostile-") as tmp:
        folder = Path(tmp)
        files = {}
        for case in cases:
            files[case.file] = folder / case.file if case.large else th.HOSTILE / case.file
            if case.large:
                case.make(files[case.file])
        base = th.base_store(folder / "base")
        if not worker_only:
            runner = th.Runner()
            rows = []
            for case in cases:
                store = th.copy_store(base, folder / "stores" / case.file)
                rows.append((case.name, runner.run(files[case.file], store)))
                print(f"{case.file}: {rows[-1][1].result} in {rows[-1][1].seconds:.2f} s", file=sys.stderr)
            print(th.table(rows))
            print(f"\n{len(rows)} inputs; loads forked under RLIMIT_AS = the server's size + {th.MEMORY // 2**20} MB, "
                  f"{th.SECONDS:.0f} s each at most\n")
        print(worker_table(cases, files, base, folder))
        from loaders.ledgers.limits import DEFAULT_LIMITS

        print(f"\n{len(cases)} inputs through the upload worker: budget {DEFAULT_LIMITS.max_load_memory_bytes // 2**20} MB "
              f"above the child's size at start (max_load_memory_bytes), {DEFAULT_LIMITS.max_load_seconds:g} s "
              "(max_load_seconds); time is the child's own (staging the graph included, starting the process not)")


if __name__ == "__main__":  # the forkserver imports this module again: run only when called
    main(sys.argv[1:])
