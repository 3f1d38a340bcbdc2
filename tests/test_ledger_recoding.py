"""A clerk corrects a row's key — the unit, round or 序号 of a problem — keeps its 问题编号 and text, and loads the file
again: the corrected row takes the code and the old record goes in the same load (before, the file was refused: the
code was "already used"). Anything else resting on the old record refuses the load, naming it; a changed text, a code
two rows declare, another file's record, an old record another file gives too, a new key another record holds, and
an upload sharing nothing else with the file of its name are clashes as before. Both stores, directly and uploaded;
Neo4j cases run under tools/with-neo4j.sh.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import EdgeType, NodeKind
from graph.stores.embedded import EmbeddedStore
from loaders.ledgers.load import LedgerRejected, Loader
from tests.loaders.test_malformed import ISSUE_HEAD, issue, write_csv
from tests.test_ledger_dropped import (
    TASK_HEAD,
    Load,
    _direct,
    _embedded_upload_settings,
    _issue,
    _seeded,
    _uploaded,
    on_neo4j_both_ways,
    seeded,  # noqa: F401 - the fixture: the test county's units and rounds
)

AGRI = "宁川县农业农村局"
TASK = ["NC-15-1-02", "补齐票据", "个案整改", "2022-10-31", "整改中"]
NOTE = "编号“NC-15-1-01”原属本文件已载入的另一条问题（轮次、单位、序号或渠道已改正）：原记录随本次载入删除，由本行的记录取代"


def _at(n: int, unit: str = "宁川县教育局", seq: int | None = None, code: int | None = None) -> list:
    """Problem n's row (its code and text), at another unit or 序号, or declaring another problem's code."""
    text = f"报销凭证不全，{n}笔支出无正规发票"
    return issue(问题编号=f"NC-15-1-0{code or n}", 被巡察单位=unit, 序号=seq or n, 问题描述=text)


def _issues(store) -> list[tuple[str, str, int]]:  # noqa: ANN001
    """(code, unit name, 序号) of every problem, with the unit it is found at."""
    found = []
    for n in store.iter_nodes():
        if n.kind is NodeKind.ISSUE:
            at = [x.node.props["name"] for x in store.neighbours(n.id, direction="out") if x.edge.type is EdgeType.FOUND_AT]
            found.append((n.props["code"], at[0], n.props["seq"]))
    return sorted(found)


def _refused(load: Load, path: Path) -> list[tuple]:
    with pytest.raises(LedgerRejected) as refused:
        load(path, False)
    return [(p.row, p.column, p.reason) for p in refused.value.report.problems]


def _scenario(load: Load, store, folder: Path) -> list:  # noqa: ANN001
    folder.mkdir(parents=True, exist_ok=True)
    ledger = folder / "问题清单.csv"
    load(write_csv(ledger, [ISSUE_HEAD, _issue(1), _issue(2)]), False)

    report = load(write_csv(ledger, [ISSUE_HEAD, _at(1, AGRI), _issue(2)]), False)  # the unit corrected, nothing asked
    notes = [(w.row, w.reason) for w in report.warnings if "取代" in w.reason]
    after_unit = _issues(store)
    load(write_csv(ledger, [ISSUE_HEAD, _at(1, AGRI, 7), _issue(2)]), False)  # then its 序号
    after_seq = _issues(store)

    load(write_csv(folder / "整改台账.csv", [TASK_HEAD, TASK]), False)
    before, edges = _issues(store), store.counts().total_edges
    lines = [r for _, _, r in _refused(load, write_csv(ledger, [ISSUE_HEAD, _at(1, AGRI, 7), _at(2, AGRI)]))]
    unchanged = _issues(store) == before and store.counts().total_edges == edges  # 02 has another file's task

    rewritten = issue(问题编号="NC-15-1-01", 序号=3, 问题描述="差旅费报销超标准")  # key and text both changed
    clash = _refused(load, write_csv(ledger, [ISSUE_HEAD, rewritten, _issue(2)]))
    copied = _refused(load, write_csv(ledger, [ISSUE_HEAD, _at(1, AGRI, 7), _issue(2), _at(2, AGRI)]))  # code kept
    return [notes, after_unit, after_seq, len(lines), "“NC-15-1-02”" in lines[0] and "改正" in lines[0],
            any("整改任务" in line and "整改台账.csv" in line for line in lines), unchanged,
            [(row, col, "已被另一条问题使用" in why) for row, col, why in clash],
            [(row, col, "已被另一条问题使用" in why) for row, col, why in copied], _issues(store) == before]


EXPECTED = [[(2, NOTE)], [("NC-15-1-01", AGRI, 1), ("NC-15-1-02", "宁川县教育局", 2)],
            [("NC-15-1-01", AGRI, 7), ("NC-15-1-02", "宁川县教育局", 2)],
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


def test_another_files_record_of_the_code_is_a_clash_as_before(seeded, tmp_path):  # noqa: F811
    store, load = seeded
    load(write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, _issue(1)]), False)
    refused = _refused(load, write_csv(tmp_path / "问题清单（农业局）.csv", [ISSUE_HEAD, _at(1, AGRI)]))
    assert [col for _, col, _ in refused] == ["D"]
    assert _issues(store) == [("NC-15-1-01", "宁川县教育局", 1)]


def test_an_old_record_another_file_also_gives_is_not_taken(seeded, tmp_path):  # noqa: F811
    """Removal would keep it (another file gives it): the code would name two records."""
    store, load = seeded
    ledger = write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, _issue(1), _issue(2)])
    load(ledger, False)
    load(write_csv(tmp_path / "问题清单（汇总）.csv", [ISSUE_HEAD, _issue(1)]), False)
    refused = _refused(load, write_csv(ledger, [ISSUE_HEAD, _at(1, AGRI), _issue(2)]))
    assert [(row, col) for row, col, _ in refused] == [(2, "D")] and "另见于其他文件" in refused[0][2]
    assert _issues(store) == [("NC-15-1-01", "宁川县教育局", 1), ("NC-15-1-02", "宁川县教育局", 2)]


def test_a_corrected_key_another_record_holds_is_refused_not_overwritten(seeded, tmp_path):  # noqa: F811
    store, load = seeded
    ledger = write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, _issue(1)])
    load(ledger, False)
    load(write_csv(tmp_path / "问题清单（农业局）.csv", [ISSUE_HEAD, _at(9, AGRI, 1)]), False)
    refused = _refused(load, write_csv(ledger, [ISSUE_HEAD, _at(1, AGRI)]))  # onto 农业农村局's 序号 1: problem 09's key
    assert [(row, col) for row, col, _ in refused] == [(2, "D")] and "编号“NC-15-1-09”）相同" in refused[0][2]
    assert _issues(store) == [("NC-15-1-01", "宁川县教育局", 1), ("NC-15-1-09", AGRI, 1)]


def test_an_upload_sharing_nothing_else_with_the_file_of_its_name_takes_no_code(tmp_path):
    """Another office's 问题清单.csv holding only the other's row at another unit: known by its name alone, it may
    be another file, and the record is not replaced unseen."""
    settings = _embedded_upload_settings(tmp_path)
    store = EmbeddedStore(settings.embedded_path)
    try:
        _seeded(_direct(store), tmp_path)
        load = _uploaded(settings)
        (tmp_path / "a").mkdir()
        (tmp_path / "b").mkdir()
        load(write_csv(tmp_path / "a" / "问题清单.csv", [ISSUE_HEAD, _issue(1), _issue(2)]), False)
        refused = _refused(load, write_csv(tmp_path / "b" / "问题清单.csv", [ISSUE_HEAD, _at(1, AGRI)]))
        assert [(row, col) for row, col, _ in refused] == [(2, "D")] and "可能是另一份文件" in refused[0][2]
        assert _issues(store) == [("NC-15-1-01", "宁川县教育局", 1), ("NC-15-1-02", "宁川县教育局", 2)]
    finally:
        store.close()


def test_a_rejected_row_beside_a_corrected_one_says_why_a_removal_was_needed(seeded, tmp_path):  # noqa: F811
    store, _ = seeded
    loader = Loader(store, "test-salt")
    ledger = write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, _issue(1), _issue(2)])
    loader.load(ledger)
    bad = issue(问题编号="NC-15-1-02", 序号=2, 发现日期="不是日期")
    with pytest.raises(LedgerRejected) as refused:
        loader.load(write_csv(ledger, [ISSUE_HEAD, _at(1, AGRI), bad]), skip_bad_rows=True)
    reasons = [p.reason for p in refused.value.report.problems]
    assert any("“NC-15-1-01”的原记录因本文件改正" in r for r in reasons) and "无法确定文件中删去了哪些行" in reasons[-1]
    assert _issues(store) == [("NC-15-1-01", "宁川县教育局", 1), ("NC-15-1-02", "宁川县教育局", 2)]


def test_neo4j_gives_the_same_answers_directly_and_uploaded(scratch_neo4j, tmp_path):
    assert on_neo4j_both_ways(_scenario, scratch_neo4j, tmp_path) == (EXPECTED, EXPECTED)


def test_a_row_on_another_files_problem_under_another_code_does_not_overwrite_it(seeded, tmp_path):  # noqa: F811
    """Two offices numbering alike: the second file's row has the first's key (轮次, 单位, 序号) and its own code and
    text. Before, it overwrote the first file's problem (its code and text) without a word."""
    store, load = seeded
    load(write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, _issue(1)]), False)
    other = issue(问题编号="NC-15-1-05", 序号=1, 问题描述="三公经费超支")
    refused = _refused(load, write_csv(tmp_path / "问题清单（另一科室）.csv", [ISSUE_HEAD, other]))
    assert [(row, col) for row, col, _ in refused] == [(2, "D")]
    assert "与文件“问题清单.csv”载入的另一条问题（编号“NC-15-1-01”）相同" in refused[0][2]
    assert _issues(store) == [("NC-15-1-01", "宁川县教育局", 1)]
    load(write_csv(tmp_path / "问题清单.csv", [ISSUE_HEAD, issue(问题编号="NC-15-1-07", 序号=1)]), False)
    assert _issues(store) == [("NC-15-1-07", "宁川县教育局", 1)]  # the file's own problem may change its code
