"""For the tests of writes that read what they change (deletions, merges): one scenario run on both stores, and
another writer let in at the worst moment, to show such a write loses nothing written meanwhile."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from graph.model import EdgeType
from graph.stores.base import Cuttable
from graph.stores.embedded import EmbeddedStore


def racing(store: EmbeddedStore, meanwhile: Callable[[], None]) -> None:
    """Run ``meanwhile`` (another process's write) once, right after ``store`` has caught up for its next write."""
    caught_up = store._sync

    def sync() -> None:
        caught_up()
        if not getattr(sync, "done", False):
            sync.done = True  # type: ignore[attr-defined]
            meanwhile()
    store._sync = sync  # type: ignore[method-assign]


class _Rows(list):
    def single(self, strict: bool = False):  # noqa: ANN201
        return self[0] if self else None

    def data(self):  # noqa: ANN201
        return [dict(r) for r in self]


@contextmanager
def racing_neo4j(store, after: str, other: Callable[[], None], wait_s: float = 1.5) -> Iterator[None]:  # noqa: ANN001
    """While inside, ``store``'s next write transaction runs ``other`` on a thread (another session's write) right
    after the first statement whose text holds ``after`` has been read, and waits ``wait_s`` before going on."""
    real, thread = store._session, threading.Thread(target=other)

    class Racing:
        def __init__(self, session) -> None:  # noqa: ANN001
            self.session = session

        def __enter__(self):  # noqa: ANN204
            self.session.__enter__()
            return self

        def __exit__(self, *exc):  # noqa: ANN002, ANN204
            return self.session.__exit__(*exc)

        def __getattr__(self, name: str):  # noqa: ANN204 - reads go to the session as they are
            return getattr(self.session, name)

        def execute_write(self, work):  # noqa: ANN001, ANN201
            def racing_work(tx):  # noqa: ANN001, ANN202
                run = tx.run

                def racing_run(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
                    result = run(*args, **kwargs)
                    if not thread.is_alive() and not thread.ident and after in str(args[0]):
                        result = _Rows(result)  # read to the end before the other write starts
                        thread.start()
                        time.sleep(wait_s)
                    return result
                tx.run = racing_run
                return work(tx)
            return self.session.execute_write(racing_work)

    store._session = lambda read=False: Racing(real(read))
    try:
        yield
    finally:
        store._session = real
        if thread.ident:
            thread.join(60)


def another_session_writing(store, edge, outcome: dict[str, object]) -> Callable[[], None]:  # noqa: ANN001
    """A write of ``edge`` by another session on ``store``'s server; ``outcome["write"]`` says "done" or which
    refusal it met."""
    from graph.stores.neo4j_store import Neo4jStore

    other = Neo4jStore(store._driver, uri=store.uri, database=store.database)

    def write() -> None:
        try:
            other.upsert([], [edge])
            outcome["write"] = "done"
        except Exception as exc:  # noqa: BLE001 - which refusal it is, is what the tests read
            outcome["write"] = type(exc).__name__
    return write


def same_on_both(scenario: Callable[..., list], embedded, server, made: Iterable[str]) -> None:  # noqa: ANN001
    """``scenario`` answers alike on the embedded store and on the shared Neo4j server, which is given back without
    the nodes ``made``."""
    try:
        on_neo4j = scenario(server)
    finally:
        server.delete_nodes(list(made), may_cut=Cuttable(outgoing=frozenset(EdgeType), incoming=frozenset(EdgeType)))
    assert on_neo4j == scenario(embedded)
