"""An upload's load is done on a copy of the graph; what it writes (its records, the repeats recomputed on the copy,
the relationships other files give, the rows its file no longer has) must land on the graph the copy was taken from.
Another writer — a clerk's `xuncha load` in another process — landing while the copy is loaded sends the load to a
fresh copy, however many times in a row up to the worker's ``ATTEMPTS``; then the file is refused, nothing written.
The writes in between are real loads on the same file, let in right after the worker took its copy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from graph.analysis import repeats
from graph.model import EdgeType
from graph.model import nodes as m
from graph.settings import Settings
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers import worker
from loaders.ledgers.limits import read_limits
from loaders.ledgers.load import LedgerRejected, Loader
from tests.loaders.test_hostile import base_store
from tests.loaders.test_malformed import ISSUE_HEAD, issue, write_csv


@pytest.fixture
def county(tmp_path: Path) -> Settings:
    base_store(tmp_path)
    (tmp_path / "id_salt").write_text("test-salt", "utf-8")
    return Settings(data_dir=tmp_path, store="embedded")


def _issues(path: Path, round_number: int, words: str) -> Path:
    return write_csv(path, [ISSUE_HEAD] + [issue(问题编号=f"R{round_number}-{i}", 轮次=round_number, 序号=i,
                                                 问题描述=f"报销凭证{words}不全，{i}笔支出无正规发票") for i in (1, 2, 3)])


def _clerk_loads(county: Settings, path: Path) -> Callable[[], None]:
    """Another process's `xuncha load` of ``path``: the rows, then the repeats of the whole graph."""
    def load() -> None:
        store = EmbeddedStore(county.embedded_path)
        try:
            Loader(store, "test-salt").load(path)
            repeats.recompute(store, data_dir=county.data_dir)
        finally:
            store.close()
    return load


def _unit_added(county: Settings, name: str) -> Callable[[], None]:
    def add() -> None:
        store = EmbeddedStore(county.embedded_path)
        try:
            store.upsert([m.Unit(name=name, county="宁川县", unit_kind="county_department").to_record()], [])
        finally:
            store.close()
    return add


def _meanwhile(monkeypatch: pytest.MonkeyPatch, writes: list[Callable[[], None]]) -> list[int]:
    """Each copy the worker takes is followed by the next of ``writes`` (while any is left); the copies taken."""
    taken, real = [], worker.stage

    def stage(target, folder):  # noqa: ANN001, ANN202
        staged = real(target, folder)
        taken.append(len(taken) + 1)
        if writes:
            writes.pop(0)()
        return staged
    monkeypatch.setattr(worker, "stage", stage)
    return taken


def _load(county: Settings, path: Path, folder: Path) -> tuple:
    target = EmbeddedStore(county.embedded_path)
    try:
        return worker.load_as_one(target, county, path, kind=None, skip_bad_rows=False, source="上传/问题清单.csv",
                                  limits=read_limits(county.data_dir), folder=folder)
    finally:
        target.close()


def _repeats(county: Settings) -> set[tuple[str, str]]:
    store = EmbeddedStore(county.embedded_path)
    try:
        return {(e.src, e.dst) for e in store.iter_edges() if e.type is EdgeType.REPEATS}
    finally:
        store.close()


def test_two_writes_landing_one_after_the_other_send_the_load_to_a_third_copy(county, tmp_path, monkeypatch):
    """The second copy too is overtaken (before, the second copy's load was written regardless: the repeats between
    the uploaded round and the one the clerk loaded meanwhile were missing, and the clerk's were dropped)."""
    taken = _meanwhile(monkeypatch, [_unit_added(county, "宁川县并行写入局"),
                                     _clerk_loads(county, _issues(tmp_path / "二轮.csv", 2, "仍"))])
    report, found = _load(county, _issues(tmp_path / "一轮.csv", 1, ""), tmp_path / "work")
    assert taken == [1, 2, 3] and report.loaded == 3 and found is not None and found > 0
    written = _repeats(county)
    store = EmbeddedStore(county.embedded_path)
    try:
        repeats.recompute(store, data_dir=county.data_dir)  # the repeats written are what the graph holds now
    finally:
        store.close()
    assert written == _repeats(county) and len(written) == found


def test_a_graph_that_keeps_moving_refuses_the_file_and_writes_nothing_of_it(county, tmp_path, monkeypatch):
    names = [f"宁川县并行写入{i}局" for i in range(worker.ATTEMPTS)]
    taken = _meanwhile(monkeypatch, [_unit_added(county, name) for name in names])
    with pytest.raises(LedgerRejected) as refused:
        _load(county, _issues(tmp_path / "一轮.csv", 1, ""), tmp_path / "work")
    assert taken == list(range(1, worker.ATTEMPTS + 1))
    assert any("被其他操作接连修改" in p.message and "图谱未改变" in p.message for p in refused.value.report.problems)
    store = EmbeddedStore(county.embedded_path)
    try:
        assert store.counts().nodes.get("Issue", 0) == 0  # the other writes landed, none of the file's rows
        assert all(store.get_node(m.Unit(name=n, county="宁川县", unit_kind="county_department").id) for n in names)
    finally:
        store.close()
