"""A row deleted from a ledger file, and the file loaded again: the load lists what the graph still holds from the
rows the file no longer has, and removes it when asked — unless something else rests on it (another file's task
rectifying the problem), then nothing is written; a record another file also gives stays, no longer sourced from
this one. The same answers on the embedded store and on Neo4j, loaded directly (the command line) and through an
upload's child process (one transaction with the load and its repeats). Neo4j cases run under tools/with-neo4j.sh.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from graph.analysis import repeats
from graph.model import EdgeType, NodeKind
from graph.settings import Settings
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.limits import read_limits
from loaders.ledgers.load import LedgerRejected, Loader
from loaders.ledgers.report import FileReport
from loaders.ledgers.worker import run_load
from tests.loaders.test_malformed import ISSUE_HEAD, ROUNDS, UNITS, issue, write_csv

TASK_HEAD = ["问题编号", "整改措施", "整改层级", "完成时限", "整改状态"]
Load = Callable[[Path, bool], FileReport]


def _issue(n: int) -> list:
    return issue(问题编号=f"NC-15-1-0{n}", 序号=n, 问题描述=f"报销凭证不全，{n}笔支出无正规发票")


def _codes(store) -> set[str]:  # noqa: ANN001
    return {n.props["code"] for n in store.iter_nodes() if n.kind is NodeKind.ISSUE}


def _sources(store, code: str) -> set[str]:  # noqa: ANN001
    node = next(n for n in store.iter_nodes() if n.kind is NodeKind.ISSUE and n.props["code"] == code)
    return {Path(x.node.props["path"]).name for x in store.neighbours(node.id, direction="out")
            if x.edge.type is EdgeType.SOURCED_FROM}


def _scenario(load: Load, store, folder: Path) -> list:  # noqa: ANN001
    folder.mkdir(parents=True, exist_ok=True)
    ledger = folder / "问题清单.csv"
    load(write_csv(ledger, [ISSUE_HEAD, *(_issue(n) for n in (1, 2, 3, 4))]), False)
    load(write_csv(folder / "问题清单（另存）.csv", [ISSUE_HEAD, _issue(3)]), False)  # 03 is also in another file
    load(write_csv(folder / "整改台账.csv", [TASK_HEAD, ["NC-15-1-02", "补齐票据", "个案整改", "2022-10-31", "整改中"]]),
         False)
    before = _codes(store)
    edges = store.counts().total_edges

    listed = load(write_csv(ledger, [ISSUE_HEAD, _issue(1)]), False).changes.dropped
    assert listed.count == 3 and listed.removed == 0
    assert [(r.kind, r.called, r.row) for r in listed.records] == [
        ("问题", "“NC-15-1-02”", 3), ("问题", "“NC-15-1-03”", 4), ("问题", "“NC-15-1-04”", 5)]
    assert _codes(store) == before  # listed only: a load adds and updates

    with pytest.raises(LedgerRejected) as refused:  # 02 has a rectification task from another file
        load(ledger, True)
    lines = [p.reason for p in refused.value.report.problems]
    assert len(lines) == 1 and "“NC-15-1-02”" in lines[0] and "整改任务" in lines[0] and "整改台账.csv" in lines[0]
    assert _codes(store) == before and store.counts().total_edges == edges  # nothing written

    done = load(write_csv(ledger, [ISSUE_HEAD, _issue(1), _issue(2)]), True).changes.dropped
    assert (done.count, done.removed, done.unsourced) == (2, 1, 3)  # 03's source here, and here off its two ties
    assert _codes(store) == before - {"NC-15-1-04"}
    assert _sources(store, "NC-15-1-03") == {"问题清单（另存）.csv"}  # kept: only this file's source taken off
    assert load(ledger, True).changes.dropped.count == 0
    return [[r.called for r in listed.records], lines, (done.count, done.removed, done.unsourced), sorted(_codes(store)),
            _posts(load, store, folder)]


def _posts(load: Load, store, folder: Path) -> tuple:  # noqa: ANN001
    """A post deleted from a 任职台账 (a ledger of relationships: no main record): listed, then taken out with the
    person only that row named; the other post stays."""
    posts, head = folder / "任职台账.csv", ["县（市、区）", "姓名", "任职单位", "职务", "任职起"]
    rows = [["宁川县", "去留甲", "县教育局", "局长", "2021-01-01"], ["宁川县", "去留乙", "县教育局", "副局长", "2021-03-01"]]
    load(write_csv(posts, [head, *rows]), False)
    held = store.counts().edges.get("HOLDS_POST", 0)
    assert [n for n in store.iter_nodes() if n.kind is NodeKind.PERSON and n.props.get("name") == "去留乙"]
    listed = load(write_csv(posts, [head, rows[0]]), False).changes.dropped
    assert (listed.count, listed.links) == (0, 1)
    assert [(x.type, x.src, x.dst, x.row) for x in listed.link_records] == [("任职", "人员", "单位“宁川县教育局”", 3)]
    gone = load(posts, True).changes.dropped
    assert (gone.links_removed, gone.named_only) == (1, 1) and store.counts().edges.get("HOLDS_POST", 0) == held - 1
    assert not [n for n in store.iter_nodes() if n.kind is NodeKind.PERSON and n.props.get("name") == "去留乙"]
    return listed.links, gone.links_removed, gone.named_only


def _direct(store) -> Load:  # noqa: ANN001
    """The command line's way: the loader writes straight to the store."""
    loader = Loader(store, "test-salt")

    def load(path: Path, remove: bool) -> FileReport:
        return loader.load(path, remove_dropped=remove)

    return load


def _seeded(load: Load, folder: Path) -> None:
    load(write_csv(folder / "units.csv", UNITS), False)
    load(write_csv(folder / "rounds.csv", ROUNDS), False)


@pytest.fixture
def seeded(tmp_path):
    """An embedded store holding the test county's units and rounds, and the command line's way to load into it."""
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    load = _direct(store)
    _seeded(load, tmp_path)
    yield store, load
    store.close()


def _uploaded(settings: Settings) -> Load:
    """The upload's way: a child process loads into a copy and writes the load, its removal and its repeats at once."""
    def load(path: Path, remove: bool) -> FileReport:
        result = run_load(settings, path, limits=read_limits(settings.data_dir), source=f"上传/{path.name}",
                          remove_dropped=remove)
        assert result.report is not None, result
        if result.outcome == "rejected":
            raise LedgerRejected(result.report)
        assert result.outcome == "loaded", result
        return result.report

    return load


def _embedded_upload_settings(folder: Path) -> Settings:
    (folder / "id_salt").write_text("test-salt", "utf-8")
    return Settings(data_dir=folder, store="embedded")


def on_neo4j_both_ways(scenario: Callable[[Load, object, Path], list], store, folder: Path) -> tuple[list, list]:  # noqa: ANN001
    """``scenario`` on the emptied Neo4j seeded with the test county, loaded directly, then again uploaded."""
    _seeded(_direct(store), folder)
    direct = scenario(_direct(store), store, folder / "direct")
    store.clear()
    _seeded(_direct(store), folder)
    settings = Settings(data_dir=folder / "data", store="neo4j")
    settings.data_dir.mkdir()
    (settings.data_dir / "id_salt").write_text("test-salt", "utf-8")
    return direct, scenario(_uploaded(settings), store, folder / "uploaded")


EXPECTED = [["“NC-15-1-02”", "“NC-15-1-03”", "“NC-15-1-04”"], (2, 1, 3), ["NC-15-1-01", "NC-15-1-02", "NC-15-1-03"],
            (1, 1, 1)]


def _expected(answer: list) -> list:
    return [answer[0], answer[2], answer[3], answer[4]]


def test_embedded_lists_removes_and_refuses(tmp_path):
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    _seeded(_direct(store), tmp_path)
    answer = _scenario(_direct(store), store, tmp_path)
    assert _expected(answer) == EXPECTED
    store.close()


def test_an_upload_removes_in_the_one_write_with_its_repeats(tmp_path):
    settings = _embedded_upload_settings(tmp_path)
    store = EmbeddedStore(settings.embedded_path)
    _seeded(_direct(store), tmp_path)
    answer = _scenario(_uploaded(settings), store, tmp_path)
    assert _expected(answer) == EXPECTED
    dangling = [e for e in store.iter_edges() if store.get_node(e.src) is None or store.get_node(e.dst) is None]
    assert dangling == []
    assert repeats.recompute(store)["repeats"] == store.counts().edges.get("REPEATS", 0)  # the stored repeats stand
    store.close()


def test_a_file_with_a_rejected_row_lists_nothing_and_refuses_removal(seeded, tmp_path):
    store, load = seeded
    ledger = write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, _issue(1), _issue(2)])
    load(ledger, False)
    bad = issue(问题编号="NC-15-1-02", 序号=2, 发现日期="不是日期")
    loader = Loader(store, "test-salt")
    report = loader.load(write_csv(ledger, [ISSUE_HEAD, _issue(1), bad]), skip_bad_rows=True)
    assert report.rejected == 1 and report.changes.dropped.count == 0  # the rejected row's problem is not "dropped"
    assert report.changes.dropped.not_listed  # and the report says nothing was listed
    with pytest.raises(LedgerRejected) as refused:
        loader.load(ledger, skip_bad_rows=True, remove_dropped=True)
    assert "无法确定文件中删去了哪些行" in refused.value.report.problems[-1].reason
    assert _codes(store) == {"NC-15-1-01", "NC-15-1-02"}


def test_neo4j_gives_the_same_answers_directly_and_uploaded(scratch_neo4j, tmp_path):
    direct, uploaded = on_neo4j_both_ways(_scenario, scratch_neo4j, tmp_path)
    assert _expected(direct) == _expected(uploaded) == EXPECTED


def test_a_row_of_the_same_file_still_citing_a_dropped_record_refuses_the_removal(seeded, tmp_path):
    from tests.loaders.test_malformed import write_xlsx

    store, load = seeded
    task = ["NC-15-1-02", "补齐票据", "个案整改", "2022-10-31", "整改中"]
    book = tmp_path / "问题与整改.xlsx"
    load(write_xlsx(book, {"问题清单": [ISSUE_HEAD, _issue(1), _issue(2)], "整改台账": [TASK_HEAD, task]}), False)
    with pytest.raises(LedgerRejected) as refused:  # the issue's row deleted, its task's row left in
        load(write_xlsx(book, {"问题清单": [ISSUE_HEAD, _issue(1)], "整改台账": [TASK_HEAD, task]}), True)
    assert [p.reason for p in refused.value.report.problems] == [
        "整改台账第 2 行仍引用已删去的问题“NC-15-1-02”（原问题清单第 3 行），该行也须删去或改正"]
    assert _codes(store) == {"NC-15-1-01", "NC-15-1-02"}
    removed = load(write_xlsx(book, {"问题清单": [ISSUE_HEAD, _issue(1)]}), True)  # the task sheet taken out whole
    assert removed.changes.dropped.removed == 2 and _codes(store) == {"NC-15-1-01"}  # the issue and its task


def test_an_edge_another_file_may_have_written_refuses_the_removal(seeded, tmp_path):
    """The same task in this workbook and in another file: their one RECTIFIES edge names only its last writer, so
    removing the problem (and this file's copy of the task) would leave the other file's task rectifying nothing."""
    from tests.loaders.test_malformed import write_xlsx

    store, load = seeded
    task = ["NC-15-1-02", "补齐票据", "个案整改", "2022-10-31", "整改中"]
    book = tmp_path / "问题与整改.xlsx"
    load(write_xlsx(book, {"问题清单": [ISSUE_HEAD, _issue(1), _issue(2)], "整改台账": [TASK_HEAD, task]}), False)
    load(write_csv(tmp_path / "整改台账（县委办）.csv", [TASK_HEAD, task]), False)
    load(book, False)  # this workbook wrote the edge last
    with pytest.raises(LedgerRejected) as refused:
        load(write_xlsx(book, {"问题清单": [ISSUE_HEAD, _issue(1)]}), True)
    (line,) = [p.reason for p in refused.value.report.problems]
    assert "“NC-15-1-02”" in line and "整改任务“补齐票据”（另见于其他文件，保留）" in line
    assert _codes(store) == {"NC-15-1-01", "NC-15-1-02"}


def test_a_person_only_the_deleted_rows_named_goes_with_them(seeded, tmp_path):
    store, load = seeded
    head = ["县（市、区）", "线索编号", "线索摘要", "线索来源", "移交日期", "接收单位", "办理状态", "被反映人"]
    clue = {n: ["宁川县", f"XS-{n}", f"违规收受礼金{n}次", "巡察监督", "2023-08-10", "县教育局", "已移交", who]
            for n, who in ((1, "孙某"), (2, "钱某"))}
    ledger = tmp_path / "线索台账.csv"
    load(write_csv(ledger, [head, clue[1], clue[2]]), False)
    people = sum(n.kind is NodeKind.PERSON for n in store.iter_nodes())
    done = load(write_csv(ledger, [head, clue[1]]), True).changes.dropped
    assert (done.removed, done.named_only) == (1, 1)  # the clue, and the person only its row named
    assert sum(n.kind is NodeKind.PERSON for n in store.iter_nodes()) == people - 1
    assert all(e.src != e.dst and store.get_node(e.dst) is not None for e in store.iter_edges())



def test_the_relationships_a_file_wrote_are_one_answer_on_both_stores(embedded, scratch_neo4j, tmp_path):
    """``document_edges`` on ledgers loaded into each store from the same paths (the sample county's records name
    no source file, so its parity cases are empty)."""
    answers = []
    for store in (embedded, scratch_neo4j):
        load = _direct(store)
        _seeded(load, tmp_path)
        ledger = write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, _issue(1), _issue(2)])
        load(ledger, False)
        doc = next(n.id for n in store.iter_nodes() if n.kind is NodeKind.DOCUMENT and n.props["path"] == str(ledger))
        answers.append(store.run_query("document_edges", {"doc": doc}))
    assert answers[0] == answers[1] and {r["type"] for r in answers[0]} >= {"FOUND_AT", "FOUND_IN"}


def test_removing_only_some_listed_records_refuses_to_cut_an_edge_to_one_that_stays(seeded, tmp_path):
    """An upload removes the ids the clerk confirmed: the problem chosen, its task (listed too) not — their edge
    would be cut with the problem and leave the task rectifying nothing."""
    from tests.loaders.test_malformed import write_xlsx

    store, load = seeded
    task = ["NC-15-1-02", "补齐票据", "个案整改", "2022-10-31", "整改中"]
    book = tmp_path / "问题与整改.xlsx"
    load(write_xlsx(book, {"问题清单": [ISSUE_HEAD, _issue(1), _issue(2)], "整改台账": [TASK_HEAD, task]}), False)
    listed = load(write_xlsx(book, {"问题清单": [ISSUE_HEAD, _issue(1)]}), False).changes.dropped.records
    problem = next(r.id for r in listed if r.kind == "问题")
    with pytest.raises(LedgerRejected) as refused:
        Loader(store, "test-salt").load(book, remove_dropped=frozenset({problem}))
    assert "整改任务“补齐票据”（已删去但未选删除）" in refused.value.report.problems[0].reason
    assert _codes(store) == {"NC-15-1-01", "NC-15-1-02"}


def test_a_person_a_merge_judgement_kept_is_not_taken_as_named_only(tmp_path):
    from loaders.judgements import Judgements, confirm

    store = EmbeddedStore(tmp_path / "graph.sqlite")
    loader = Loader(store, "test-salt", data_dir=tmp_path)
    for path in (write_csv(tmp_path / "units.csv", UNITS), write_csv(tmp_path / "rounds.csv", ROUNDS)):
        loader.load(path)
    head = ["县（市、区）", "线索编号", "线索摘要", "线索来源", "移交日期", "接收单位", "办理状态", "被反映人"]
    clue = {n: ["宁川县", f"XS-{n}", f"违规收受礼金{n}次", "巡察监督", "2023-08-10", "县教育局", "已移交", who]
            for n, who in ((1, "孙某"), (2, "钱某"), (3, "钱某某"))}
    ledger = write_csv(tmp_path / "线索台账.csv", [head, clue[1], clue[2], clue[3]])
    loader.load(ledger)
    people = {n.props["name"]: n.id for n in store.iter_nodes() if n.kind is NodeKind.PERSON}
    confirm(store, Judgements(tmp_path), people["钱某"], people["钱某某"], who="测试")
    done = loader.load(write_csv(ledger, [head, clue[1]]), remove_dropped=True).changes.dropped
    assert (done.removed, done.named_only) == (2, 0) and store.get_node(people["钱某"]) is not None
    again = loader.load(write_csv(ledger, [head, clue[1], clue[3]]))  # the merged one's row back: it lives on
    assert again.loaded == 2 and store.get_node(people["钱某"]) is not None
    store.close()


def test_a_record_a_merge_moved_onto_the_kept_one_is_not_listed(tmp_path):
    from loaders.judgements import Judgements, confirm

    store = EmbeddedStore(tmp_path / "graph.sqlite")
    loader = Loader(store, "test-salt", data_dir=tmp_path)
    units = write_csv(tmp_path / "units.csv", UNITS)
    loader.load(units)
    other = [UNITS[0], ["宁川县教育体育局", "宁川县", "", "县直单位", "", ""]]
    loader.load(write_csv(tmp_path / "units2.csv", other))
    ids = {n.props["name"]: n.id for n in store.iter_nodes() if n.kind is NodeKind.UNIT}
    confirm(store, Judgements(tmp_path), ids["宁川县教育体育局"], ids["宁川县教育局"], who="测试")
    report = loader.load(units, remove_dropped=True)  # unchanged: its 教育局 lives on as 教育体育局
    assert report.changes.dropped.count == 0 and not report.problems
    store.close()


@pytest.mark.parametrize("way", ["direct", "uploaded"])
def test_a_file_emptied_to_its_header_lists_every_record_and_removes_them_when_asked(tmp_path, way):
    """Every row deleted: the file loaded before is not refused as empty but lists all it gave (as emptied, not as
    another office's file); a header-only file never loaded is still refused."""
    settings = _embedded_upload_settings(tmp_path)
    store = EmbeddedStore(settings.embedded_path)
    _seeded(_direct(store), tmp_path)
    load = _direct(store) if way == "direct" else _uploaded(settings)
    ledger = tmp_path / "问题清单.csv"
    load(write_csv(ledger, [ISSUE_HEAD, _issue(1), _issue(2)]), False)
    counts = store.counts()
    listed = load(write_csv(ledger, [ISSUE_HEAD]), False).changes.dropped
    assert (listed.count, listed.emptied, listed.unrelated) == (2, True, False) and store.counts() == counts
    if way == "direct":
        removed = load(ledger, True).changes.dropped
    else:  # the page sends the ids it showed
        removed = _uploaded_with_ids(settings, ledger, [r.id for r in listed.records]).changes.dropped
    assert removed.removed == 2 and _codes(store) == set()
    with pytest.raises(LedgerRejected) as refused:
        load(write_csv(tmp_path / "从未载入.csv", [ISSUE_HEAD]), False)
    assert "只有表头，没有数据行" in refused.value.report.problems[0].reason
    store.close()


def _uploaded_with_ids(settings: Settings, path: Path, ids: list[str]) -> FileReport:
    result = run_load(settings, path, limits=read_limits(settings.data_dir), source=f"上传/{path.name}",
                      remove_dropped=frozenset(ids))
    assert result.outcome == "loaded" and result.report is not None, result
    return result.report
