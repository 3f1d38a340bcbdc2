"""A readers–writer lock for the embedded store: many readers at once, a writer alone.

One lock around everything made a 1 ms entity lookup wait behind any long analysis on the same worker. Readers
of the in-memory graph do not disturb each other, so they share the lock; a write (or a reload) changes the
graph in place and holds it alone, after the readers that were in have left, so a reader never sees a
half-applied write.

- Writers are preferred: once a writer waits, new readers wait behind it, so a stream of reads cannot starve a
  write. A thread that already reads may read again (nested reads never wait), and the writing thread may read
  and write again.
- A reader may not become a writer while it reads (two readers doing so would wait for each other for ever):
  that raises ``RuntimeError`` at once instead of hanging.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class RWLock:
    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._readers: dict[int, int] = {}  # thread ident → depth of its nested reads
        self._writer: int | None = None
        self._writes = 0  # the writer's nesting depth
        self._waiting_writers = 0
        self.reader = _Side(self.acquire_read, self.release_read)  # ``with lock.reader:``, re-usable

    def acquire_read(self) -> None:
        me = threading.get_ident()
        with self._cond:
            if me in self._readers or self._writer == me:  # nested: never wait on oneself
                self._readers[me] = self._readers.get(me, 0) + 1
                return
            while self._writer is not None or self._waiting_writers:
                self._cond.wait()
            self._readers[me] = 1

    def release_read(self) -> None:
        me = threading.get_ident()
        with self._cond:
            depth = self._readers[me] - 1
            if depth:
                self._readers[me] = depth
            else:
                del self._readers[me]
                if not self._readers:
                    self._cond.notify_all()

    def acquire_write(self) -> None:
        me = threading.get_ident()
        with self._cond:
            if self._writer == me:
                self._writes += 1
                return
            if me in self._readers:
                raise RuntimeError("a reader of the graph cannot become its writer while it reads")
            self._waiting_writers += 1
            try:
                while self._writer is not None or self._readers:
                    self._cond.wait()
            finally:
                self._waiting_writers -= 1
            self._writer, self._writes = me, 1

    def release_write(self) -> None:
        with self._cond:
            self._writes -= 1
            if not self._writes:
                self._writer = None
                self._cond.notify_all()

    def reading(self) -> bool:
        """Whether this thread holds the lock already (reading, or writing, which includes reading)."""
        me = threading.get_ident()
        return me in self._readers or self._writer == me

    @contextmanager
    def read(self) -> Iterator[None]:
        self.acquire_read()
        try:
            yield
        finally:
            self.release_read()

    @contextmanager
    def write(self) -> Iterator[None]:
        self.acquire_write()
        try:
            yield
        finally:
            self.release_write()


class _Side:
    """One side of the lock as a plain re-usable context manager (``with store._lock:``)."""

    def __init__(self, acquire, release) -> None:  # noqa: ANN001
        self._acquire, self._release = acquire, release

    def __enter__(self) -> None:
        self._acquire()

    def __exit__(self, *exc: object) -> None:
        self._release()
