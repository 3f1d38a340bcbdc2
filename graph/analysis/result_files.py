"""Whole-graph results kept in files beside the store, so every process on the machine reads what one computed.

An API runs several worker processes and a load runs in another; each used to compute every whole-graph analysis
for itself on its first request after a write (seconds at scale 10, a minute on a busy Neo4j). A result file
names the store's version (write generation and the token drawn at that write) in its name, so a file is served
only while the store is still exactly that graph; a file that cannot be read whole is ignored and written again,
never trusted. One process computes a result while the others wait for its file (an advisory lock per result),
so a result is computed once per write, not once per worker.

The files hold what the analyses show analysts (names included), like the store's own file beside them: they are
written readable by the owner only, and a write of a newer version removes every file of an older one.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

log = logging.getLogger(__name__)
MISSING: Any = object()
_dropped: dict[Path, str] = {}  # folder → the version whose older files this process last removed


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


class ResultFiles:
    """Results under ``folder``: ``<name>-<key digest>.<version digest>.json``."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _stem(self, name: str, key: str) -> str:
        return f"{name}-{_digest(key)}"

    @contextmanager
    def computing(self, name: str, key: str) -> Iterator[None]:
        """Held while one process reads or computes a result: the others wait, then read its file."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(self.folder / f"{self._stem(name, key)}.lock", "a+b") as gate:
            fcntl.flock(gate, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(gate, fcntl.LOCK_UN)

    def read(self, name: str, key: str, version: str, shape: TypeAdapter[Any]) -> Any:
        """The result kept for exactly ``version``, or ``MISSING`` (none, or one that does not read back whole)."""
        path = self.folder / f"{self._stem(name, key)}.{_digest(version)}.json"
        try:
            body = path.read_bytes()
        except FileNotFoundError:
            return MISSING
        try:
            return shape.validate_json(body)
        except (ValueError, ValidationError):
            log.warning("kept result %s unreadable: computed again", path.name)
            return MISSING

    def write(self, name: str, key: str, version: str, value: Any, shape: TypeAdapter[Any]) -> None:
        """Keep ``value`` for ``version`` (atomically) and drop every file of another version."""
        body = shape.dump_json(value)
        tag = _digest(version)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".writing-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(body)
            os.replace(tmp, self.folder / f"{self._stem(name, key)}.{tag}.json")
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._drop_other_versions(tag)

    def _drop_other_versions(self, tag: str) -> None:
        """Once per version and process: a folder holding a result per unit is not listed at every write."""
        if _dropped.get(self.folder) == tag:
            return
        for path in self.folder.glob("*.json"):
            if not path.name.endswith(f".{tag}.json"):
                path.unlink(missing_ok=True)
        _dropped[self.folder] = tag

    def names_at(self, version: str) -> set[str]:
        """The names of the results kept for ``version``."""
        return {p.name.split("-")[0] for p in self.folder.glob(f"*.{_digest(version)}.json")}

    def purge(self) -> int:
        """Remove every kept result (after text was rewritten for privacy); how many files went."""
        gone = 0
        for path in self.folder.glob("*.json"):
            path.unlink(missing_ok=True)
            gone += 1
        return gone
