"""Hostile ledgers: result, time and peak memory of loading each one, as a table.

The corpus and the runner are the tests' (``tests/data/hostile``,
``tests/loaders/test_hostile.py``): every load in its own process forked from
a server that has imported the loader, under ``RLIMIT_AS``, against a store
holding a small county; peak memory is what the load added to the process's
resident set (VmHWM after, VmRSS before).

Usage: python bench/hostile.py [FILE-NAME ...]   (default: the whole corpus)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(only: list[str]) -> None:
    from tests.loaders import test_hostile as th

    cases = [c for c in th.CORPUS.CASES if not only or c.file in only]
    with tempfile.TemporaryDirectory(prefix="xuncha-hostile-") as tmp:
        folder = Path(tmp)
        files = {}
        for case in cases:
            files[case.file] = folder / case.file if case.large else th.HOSTILE / case.file
            if case.large:
                case.make(files[case.file])
        base = th.base_store(folder / "base")
        runner = th.Runner()
        rows = []
        for case in cases:
            store = th.copy_store(base, folder / "stores" / case.file)
            rows.append((case.name, runner.run(files[case.file], store)))
            print(f"{case.file}: {rows[-1][1].result} in {rows[-1][1].seconds:.2f} s", file=sys.stderr)
    print(th.table(rows))
    print(f"\n{len(rows)} inputs; loads forked under RLIMIT_AS = the server's size + {th.MEMORY // 2**20} MB, "
          f"{th.SECONDS:.0f} s each at most")


if __name__ == "__main__":  # the forkserver imports this module again: run only when called
    main(sys.argv[1:])
