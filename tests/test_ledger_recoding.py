"""A clerk corrects a row's key — the unit, round or 序号 of a problem — keeps its 问题编号 and text, and loads the file
again: the corrected row takes the code and the old record goes in the same load (before, the file was refused: the
code was "already used"). Anything else resting on the old record refuses the load, naming it; a changed text, a code
two rows declare or another file's record are clashes as before. Both stores, directly and uploaded; Neo4j cases run
under tools/with-neo4j.sh.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import EdgeType, NodeKind
from graph.settings import Settings
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.load import LedgerRejected
from tests.loaders.test_malformed import ISSUE_HEAD, issue, write_csv
from tests.test_ledger_dropped import TASK_HEAD, Load, _direct, _embedded_upload_settings, _issue, _seeded, _uploaded


def _issues(store) -> list[tuple[str, str, int]]:  # noqa: ANN001
    """(code, unit name, 序号) of every problem, with the unit it is found at."""
    found = []
    for n in store.iter_nodes():
        if n.kind is NodeKind.ISSUE:
            at = [x.node.props["name"] for x in store.neighbours(n.id, direction="out") if x.edge.type is EdgeType.FOUND_AT]
            found.append((n.props["code"], at[0], n.props["seq"]))
    return sorted(found)


def _scenario(load: Load, store, folder: Path) -> list:  # noqa: ANN001
    folder.mkdir(parents=True, exist_ok=True)
    ledger = folder / "问题清单.csv"
    load(write_csv(ledger, [ISSUE_HEAD, _issue(1), _issue(2)]), False)

    moved = issue(问题编号="NC-15-1-01", 被巡察单位="宁川县农业农村局", 序号=1, 问题描述="报销凭证不全，1笔支出无正规发票")
    report = load(write_csv(ledger, [ISSUE_HEAD, moved, _issue(2)]), False)  # the unit corrected, nothing asked
    notes = [(w.row, w.reason) for w in report.warnings if "取代" in w.reason]
    after_unit = _issues(store)

    renumbered = issue(问题编号="NC-15-1-01", 被巡察单位="宁川县农业农村局", 序号=7, 问题描述="报销凭证不全，1笔支出无正规发票")
    load(write_csv(ledger, [ISSUE_HEAD, renumbered, _issue(2)]), False)  # then its 序号
    after_seq = _issues(store)

    load(write_csv(folder / "整改台账.csv", [TASK_HEAD, ["NC-15-1-02", "补齐票据", "个案整改", "2022-10-31", "整改中"]]), False)
    before, edges = _issues(store), store.counts().total_edges
    cited = issue(问题编号="NC-15-1-02", 被巡察单位="宁川县农业农村局", 序号=2, 问题描述="报销凭证不全，2笔支出无正规发票")
    with pytest.raises(LedgerRejected) as refused:  # 02 has another file's rectification task
        load(write_csv(ledger, [ISSUE_HEAD, renumbered, cited]), False)
    lines = [p.reason for p in refused.value.report.problems]
    unchanged = _issues(store) == before and store.counts().total_edges == edges

    rewritten = issue(问题编号="NC-15-1-01", 序号=3, 问题描述="差旅费报销超标准")  # key and text both changed
    with pytest.raises(LedgerRejected) as clash:
        load(write_csv(ledger, [ISSUE_HEAD, rewritten, _issue(2)]), False)
    twice = issue(问题编号="NC-15-1-02", 被巡察单位="宁川县农业农村局", 序号=2, 问题描述="报销凭证不全，2笔支出无正规发票")
    with pytest.raises(LedgerRejected) as copied:  # a copied row given another unit, its code not changed
        load(write_csv(ledger, [ISSUE_HEAD, renumbered, _issue(2), twice]), False)
    return [notes, after_unit, after_seq, len(lines), "“NC-15-1-02”" in lines[0] and "改正" in lines[0],
            any("整改任务" in line and "整改台账.csv" in line for line in lines), unchanged,
            [(p.row, p.column, "已被另一条问题使用" in p.reason) for p in clash.value.report.problems],
            [(p.row, p.column, "已被另一条问题使用" in p.reason) for p in copied.value.report.problems],
            _issues(store) == before]


EXPECTED = [
    [(2, "编号“NC-15-1-01”原属本文件已载入的另一条问题（轮次、单位、序号或渠道已改正）：原记录随本次载入删除，由本行的记录取代")],
    [("NC-15-1-01", "宁川县农业农村局", 1), ("NC-15-1-02", "宁川县教育局", 2)],
    [("NC-15-1-01", "宁川县农业农村局", 7), ("NC-15-1-02", "宁川县教育局", 2)],
    2, True, True, True, [(2, "D", True)], [(4, "D", True)], True]


def test_embedded_takes_a_corrected_row_refuses_what_rests_on_the_old_one(tmp_path):
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    try:
        _seeded(_direct(store), tmp_path)
        assert _scenario(_direct(store), store, tmp_path) == EXPECTED
    finally:
        store.close()


def test_an_upload_takes_a_corrected_row_in_its_one_write(tmp_path):
    settings = _embedded_upload_settings(tmp_path)
    store = EmbeddedStore(settings.embedded_path)
    try:
        _seeded(_direct(store), tmp_path)
        assert _scenario(_uploaded(settings), store, tmp_path) == EXPECTED
        assert [e for e in store.iter_edges() if store.get_node(e.src) is None or store.get_node(e.dst) is None] == []
    finally:
        store.close()


def test_another_files_record_of_the_code_is_a_clash_as_before(tmp_path):
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    try:
        load = _direct(store)
        _seeded(load, tmp_path)
        load(write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, _issue(1)]), False)
        moved = issue(问题编号="NC-15-1-01", 被巡察单位="宁川县农业农村局", 序号=1, 问题描述="报销凭证不全，1笔支出无正规发票")
        with pytest.raises(LedgerRejected) as refused:  # the same row in another office's file
            load(write_csv(tmp_path / "问题清单（农业局）.csv", [ISSUE_HEAD, moved]), False)
        assert [p.column for p in refused.value.report.problems] == ["D"]
        assert _issues(store) == [("NC-15-1-01", "宁川县教育局", 1)]
    finally:
        store.close()


def test_neo4j_gives_the_same_answers_directly_and_uploaded(scratch_neo4j, tmp_path):
    _seeded(_direct(scratch_neo4j), tmp_path)
    assert _scenario(_direct(scratch_neo4j), scratch_neo4j, tmp_path / "direct") == EXPECTED
    scratch_neo4j.clear()
    _seeded(_direct(scratch_neo4j), tmp_path)
    settings = Settings(data_dir=tmp_path / "data", store="neo4j")
    settings.data_dir.mkdir()
    (settings.data_dir / "id_salt").write_text("test-salt", "utf-8")
    assert _scenario(_uploaded(settings), scratch_neo4j, tmp_path / "uploaded") == EXPECTED
