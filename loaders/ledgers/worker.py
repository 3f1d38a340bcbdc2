"""One upload's load in a child process, under a hard memory and time budget, written as one transaction.

The server never reads, validates or builds an uploaded file itself: :class:`LoadJob` starts a child
(``forkserver``: forked from a small server that has imported the loader once) which

1. caps its own address space (``RLIMIT_AS``: its size at start plus ``max_load_memory_bytes``);
2. opens its own store from the settings (the embedded SQLite file, or its own Neo4j driver);
3. stages a copy of the graph (SQLite online backup; from Neo4j, its records into a scratch embedded store),
   loads the file into the copy through a recorder that keeps every record the loader writes, and recomputes
   the repeats (``REPEATS``) on the copy;
4. writes the load's records and the new ``REPEATS`` edges to the real store in **one** transaction
   (``upsert_replacing``), with the records of rows the file no longer has if the clerk asked to remove them: a
   kill at any moment leaves the graph as it was, or with the load and its repeats;
5. sends back the :class:`~loaders.ledgers.report.FileReport` as JSON over a pipe, with its peak memory.

The parent waits at most ``max_load_seconds``; then, or if the child dies, it kills the child and answers with a
:class:`WorkerResult` whose message names the limit. Nothing here imports the API.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import tempfile
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from graph.analysis import repeats
from graph.model import EdgeRecord, EdgeType, NodeRecord
from graph.settings import Settings
from graph.stores import open_store
from graph.stores.base import GraphStore, NodeInUse, Outdated, Removing, StoreError, StoreUnavailable
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers import dropped
from loaders.ledgers.limits import FileError, ReadLimits, limit_message, size_text
from loaders.ledgers.load import LedgerRejected, Loader
from loaders.ledgers.planning import problem
from loaders.ledgers.readers import read_sheets
from loaders.ledgers.report import FileReport

Outcome = Literal["loaded", "rejected", "timeout", "memory", "killed", "unavailable", "failed"]


class WorkerResult(BaseModel):
    """What came back from the child (or what the parent found when it did not answer)."""

    outcome: Outcome
    report: FileReport | None = None
    message: str = Field(default="", title="说明（中文）")
    repeats: int | None = Field(default=None, title="重新计算后的重复问题对数")
    peak_bytes: int = Field(default=0, title="子进程载入期间增加的常驻内存峰值（字节）")
    seconds: float = Field(default=0.0, title="用时（秒）")


ATTEMPTS = 3  # copies a load is done on while other writes land in between; then the clerk tries later


# -- the child --------------------------------------------------------------------------------------------------------
class Recorder:
    """The staged store as the loader sees it: writes go through and are kept; whole-graph writes are refused."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.nodes: list[NodeRecord] = []
        self.edges: list[EdgeRecord] = []
        self.repeats: list[EdgeRecord] | None = None
        self.removing: Removing | None = None

    def __getattr__(self, name: str) -> Any:
        if name in ("replace_all", "clear", "delete_edges_of_type"):
            raise StoreError(f"上传载入不应调用 {name}（整图写入）；已取消，图谱未改变。")
        return getattr(self.store, name)

    def upsert(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord]) -> None:
        nodes, edges = list(nodes), list(edges)
        self.store.upsert(nodes, edges)
        self.nodes += nodes
        self.edges += edges

    def upsert_replacing(self, nodes: Iterable[NodeRecord], edges: Iterable[EdgeRecord], edge_type: EdgeType | None,
                         computed: Iterable[EdgeRecord], *, removing: Removing | None = None) -> None:
        """A load that removes the rows its file no longer has (kept, to go first in the target's one write)."""
        if edge_type is not None or self.removing is not None:
            raise StoreError("上传载入只能在写入时删除一次文件中已删去的行；已取消，图谱未改变。")
        nodes, edges = list(nodes), list(edges)
        self.store.upsert_replacing(nodes, edges, None, computed, removing=removing)
        self.nodes += nodes
        self.edges += edges
        self.removing = removing

    def replace_edges(self, edge_type: EdgeType, edges: Iterable[EdgeRecord]) -> None:
        if edge_type is not EdgeType.REPEATS:
            raise StoreError(f"上传载入不应替换 {edge_type.value} 关系；已取消，图谱未改变。")
        self.repeats = [e for e in edges if e.type is edge_type]
        self.store.replace_edges(edge_type, self.repeats)


def stage(target: GraphStore, folder: Path) -> EmbeddedStore:
    """A scratch embedded copy of the target graph to load into (the target is not written)."""
    path = folder / "staged.sqlite"
    if isinstance(target, EmbeddedStore):
        target.backup_to(path)
        return EmbeddedStore(path)
    staged = EmbeddedStore(path)
    staged.replace_all(target.iter_nodes(), target.iter_edges())
    return staged


def commit(target: GraphStore, recorder: Recorder, seen: int | None) -> None:
    """What the load took out, its records and the recomputed ``REPEATS`` in one transaction of the target store
    (on Neo4j one transaction at upload sizes, and always when it takes something out) — if the target is still at
    generation ``seen``, the one the copy was taken at (else :class:`Outdated`, nothing written)."""
    target.upsert_replacing(recorder.nodes, recorder.edges, EdgeType.REPEATS, recorder.repeats or [],
                            removing=recorder.removing, at_generation=seen)


def _generation(store: GraphStore) -> int | None:
    """The store's write generation (both stores tell one; a store that does not is not checked)."""
    get = getattr(store, "generation", None)
    return int(get()) if callable(get) else None


def load_as_one(target: GraphStore, settings: Settings, path: Path, *, kind: str | None, skip_bad_rows: bool,
                source: str, limits: ReadLimits, folder: Path,
                remove_dropped: bool | frozenset[str] = False) -> tuple[FileReport, int | None]:
    """Load ``path`` into a staged copy, recompute repeats there, write both to ``target`` at once.

    The write lands only on the graph the copy was taken from: if another writer changed the target meanwhile
    (its generation moved, checked inside the write's transaction), the load is done again on a fresh copy — so
    the repeats, the relationships other files give and the records the file no longer has are those of the graph
    they land in — up to ``ATTEMPTS`` times; then the file is refused, nothing written.
    """
    report = FileReport(file=path.name)
    try:
        sheets = read_sheets(path, limits)
    except FileError as exc:
        report.problems.append(problem(path, None, str(exc)))
        raise LedgerRejected(report) from exc
    for attempt in range(1, ATTEMPTS + 1):
        seen = _generation(target)
        (folder / f"stage{attempt}").mkdir(parents=True, exist_ok=True)
        staged = stage(target, folder / f"stage{attempt}")
        try:
            recorder = Recorder(staged)
            loader = Loader(recorder, settings.salt(), alias_table=settings.alias_table,  # type: ignore[arg-type]
                            rejects_dir=settings.data_dir / "rejects")
            report = loader.load(path, kind=kind, skip_bad_rows=skip_bad_rows, sheets=sheets, source=source,
                                 remove_dropped=remove_dropped)
            if not recorder.nodes:
                return report, None
            summary = repeats.recompute(recorder, data_dir=settings.data_dir)  # type: ignore[arg-type]  # + judgements
        finally:
            staged.close()
        try:
            commit(target, recorder, seen)
        except Outdated:
            continue
        except NodeInUse as exc:  # a tie written to a dropped record after the copy was checked: nothing written
            report.problems += [problem(path, None, dropped.tie_line(target, tie)) for tie in exc.ties]
            raise LedgerRejected(report) from exc
        return report, int(summary["repeats"])
    report.problems.append(problem(path, None, f"载入期间图谱被其他操作接连修改（已在新的副本上重做 {ATTEMPTS} 次），"
                                               "本文件未载入，图谱未改变；请稍后再上传"))
    raise LedgerRejected(report)


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def _child(settings: Settings, job: dict[str, Any], conn: Any) -> None:
    limits = ReadLimits.model_validate(job["limits"])
    resource.setrlimit(resource.RLIMIT_AS, (_status("VmSize") + limits.max_load_memory_bytes, resource.RLIM_INFINITY))
    base = _status("VmRSS")
    try:
        Path("/proc/self/clear_refs").write_text("5")  # VmHWM := VmRSS: the peak is this load's
    except OSError:
        pass
    start = time.perf_counter()
    try:
        target = open_store(settings)
        try:
            report, found = load_as_one(target, settings, Path(job["path"]), kind=job["kind"],
                                        skip_bad_rows=job["skip_bad_rows"], source=job["source"], limits=limits,
                                        folder=Path(job["folder"]), remove_dropped=job["remove_dropped"])
        finally:
            target.close()
        result = WorkerResult(outcome="loaded", report=report, repeats=found)
    except LedgerRejected as exc:
        result = WorkerResult(outcome="rejected", report=exc.report)
    except MemoryError:
        result = WorkerResult(outcome="memory", message=memory_message(limits))
    except RecursionError:
        result = WorkerResult(outcome="failed", message=f"{Path(job['path']).name} 嵌套过深，无法读取；未载入任何数据。")
    except StoreUnavailable as exc:
        result = WorkerResult(outcome="unavailable", message=str(exc))
    except StoreError as exc:
        result = WorkerResult(outcome="failed", message=f"{exc}")
    except Exception as exc:  # noqa: BLE001 - answer rather than die; the type only (a message may quote a cell)
        result = WorkerResult(outcome="failed", message=f"载入时出错（{type(exc).__name__}），未载入任何数据，图谱未改变。")
    result.seconds = time.perf_counter() - start
    result.peak_bytes = max(_status("VmHWM") - base, 0)
    conn.send_bytes(result.model_dump_json().encode())
    conn.close()


def memory_message(limits: ReadLimits) -> str:
    return limit_message("载入占用的内存", None, size_text(limits.max_load_memory_bytes), "max_load_memory_bytes",
                         "文件可能异常或过大，已终止载入，图谱未改变；如是台账请拆分后分别上传")


def time_message(limits: ReadLimits) -> str:
    return limit_message("载入用时", None, f"{limits.max_load_seconds:g} 秒", "max_load_seconds",
                         "文件可能异常或过大，已终止载入，图谱未改变；如是台账请拆分后分别上传")


KILLED = ("载入进程被终止（可能因内存不足）；载入与重算是一次写入，图谱是完整的（载入前或载入后的状态），"
          "请刷新查看后再决定是否重新上传。")


# -- the parent -------------------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _context() -> Any:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__, "openpyxl", "charset_normalizer"])
    return ctx


class LoadJob:
    """One upload's load in a child process: ``start`` it, then ``wait`` for its result (or ``kill`` it)."""

    def __init__(self, settings: Settings, limits: ReadLimits) -> None:
        self.settings, self.limits = settings, limits
        self.proc: Any = None

    def start(self, path: Path, *, kind: str | None = None, skip_bad_rows: bool = False, source: str | None = None,
              folder: Path | None = None, remove_dropped: bool | frozenset[str] = False) -> LoadJob:
        ctx = _context()
        self.conn, there = ctx.Pipe(duplex=False)
        folder = folder or path.parent
        job = {"path": str(path), "kind": kind, "skip_bad_rows": skip_bad_rows, "source": source or str(path),
               "limits": self.limits.model_dump(), "folder": str(folder), "remove_dropped": remove_dropped}
        self.started = time.perf_counter()
        self.proc = ctx.Process(target=_child, args=(self.settings, job, there), daemon=True)
        self.proc.start()
        there.close()
        return self

    @property
    def pid(self) -> int:
        return int(self.proc.pid)

    def wait(self) -> WorkerResult:
        left = self.limits.max_load_seconds - (time.perf_counter() - self.started)
        try:
            if self.conn.poll(max(left, 0)):
                answer = WorkerResult.model_validate_json(self.conn.recv_bytes())
                self.proc.join(5)  # it has written and answered: let it exit
                return answer
            result = WorkerResult(outcome="timeout", message=time_message(self.limits))
        except (EOFError, OSError):
            self.proc.join(5)
            code = self.proc.exitcode
            if code == -signal.SIGKILL:
                result = WorkerResult(outcome="killed", message=KILLED)
            elif code is not None and code < 0:  # under RLIMIT_AS an allocation may fail where Python cannot raise
                result = WorkerResult(outcome="memory", message=memory_message(self.limits) + f"（进程因信号 {-code} 退出）")
            else:
                result = WorkerResult(outcome="failed", message=f"载入进程异常退出（退出码 {code}），图谱未改变。")
        finally:
            self.kill()
            self.conn.close()
        result.seconds = time.perf_counter() - self.started
        return result

    def kill(self) -> None:
        if self.proc is not None and self.proc.is_alive():
            os.kill(self.proc.pid, signal.SIGKILL)
        if self.proc is not None:
            self.proc.join()


def run_load(settings: Settings, path: Path, *, limits: ReadLimits, kind: str | None = None,
             skip_bad_rows: bool = False, source: str | None = None,
             remove_dropped: bool | frozenset[str] = False) -> WorkerResult:
    """Load one file through a child process and wait for it (at most ``limits.max_load_seconds``)."""
    with tempfile.TemporaryDirectory(prefix="xuncha-stage-") as folder:
        return LoadJob(settings, limits).start(path, kind=kind, skip_bad_rows=skip_bad_rows, source=source,
                                               folder=Path(folder), remove_dropped=remove_dropped).wait()
