"""One relationship given by two ledger files (the same post in the 任职台账 and in a unit's team roster): each load
records the other files that give it (``also_from``), and a file that no longer gives it leaves it to the others —
listed as seen elsewhere, only this file taken off its sources — until no file gives it. The same answers on the
embedded store and on Neo4j, loaded directly and through an upload's child process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import EdgeRecord, EdgeType, NodeKind
from graph.stores.embedded import EmbeddedStore
from tests.loaders.test_malformed import write_csv
from tests.test_ledger_dropped import Load, _direct, _embedded_upload_settings, _seeded, _uploaded, on_neo4j_both_ways

HEAD = ["县（市、区）", "姓名", "任职单位", "职务", "任职起"]
POSTS = [["宁川县", "来源甲", "县教育局", "局长", "2021-01-01"], ["宁川县", "来源乙", "县教育局", "副局长", "2021-03-01"]]


def _post(store, name: str) -> EdgeRecord | None:  # noqa: ANN001
    people = {n.id for n in store.iter_nodes() if n.kind is NodeKind.PERSON and n.props.get("name") == name}
    return next((e for e in store.iter_edges() if e.type is EdgeType.HOLDS_POST and e.src in people), None)


def _doc(store, path: Path) -> str:  # noqa: ANN001
    return next(n.id for n in store.iter_nodes() if n.kind is NodeKind.DOCUMENT and n.props["path"].endswith(path.name))


def _named(store, edge: EdgeRecord | None) -> tuple:  # noqa: ANN001
    """An edge's sources by file name (ids differ between the command line and an upload's 上传/ names)."""
    assert edge is not None
    names = {n.id: Path(n.props["path"]).name for n in store.iter_nodes() if n.kind is NodeKind.DOCUMENT}
    return (names.get(edge.props.get("source_doc")), sorted(names[d] for d in edge.props.get("also_from") or []),
            edge.props.get("source_row"))


def _scenario(load: Load, store, folder: Path) -> list:  # noqa: ANN001
    folder.mkdir(parents=True, exist_ok=True)
    register, roster = folder / "任职台账.csv", folder / "班子成员名册.csv"
    load(write_csv(register, [HEAD, *POSTS]), False)
    load(write_csv(roster, [HEAD, POSTS[1]]), False)  # the roster gives 乙's post too, and writes it last
    steps = [_named(store, _post(store, "来源乙"))]
    assert steps[0] == ("班子成员名册.csv", ["任职台账.csv"], 2)

    listed = load(write_csv(register, [HEAD, POSTS[0]]), False).changes.dropped  # the register drops 乙's row
    assert [(x.type, x.elsewhere, x.row) for x in listed.link_records] == [("任职", True, None)]  # the roster's row
    kept = load(register, True).changes.dropped
    assert (kept.links_removed, kept.unsourced, kept.named_only) == (0, 2, 0)  # the post's source and 乙's
    steps.append(_named(store, _post(store, "来源乙")))
    assert steps[1] == ("班子成员名册.csv", [], 2)  # the post stays, the roster's alone

    load(write_csv(register, [HEAD, *POSTS]), False)  # back in the register, now its last writer
    load(write_csv(roster, [HEAD, ["宁川县", "来源丙", "县教育局", "副局长", "2022-05-01"]]), False)
    listed = load(roster, False).changes.dropped  # the roster's own row for 乙 gone: its row is not the last one
    assert [(x.elsewhere, x.row) for x in listed.link_records] == [(True, None)]
    load(write_csv(register, [HEAD, *POSTS]), False)
    load(write_csv(roster, [HEAD, POSTS[1]]), False)
    load(write_csv(register, [HEAD, *POSTS]), False)  # the register last again, the roster among the others
    steps.append(_named(store, _post(store, "来源乙")))
    kept = load(write_csv(register, [HEAD, POSTS[0]]), True).changes.dropped  # the last writer leaves it
    steps.append(_named(store, _post(store, "来源乙")))
    assert steps[2:] == [("任职台账.csv", ["班子成员名册.csv"], 3), ("班子成员名册.csv", [], None)]

    gone = load(write_csv(roster, [HEAD, ["宁川县", "来源丙", "县教育局", "副局长", "2022-05-01"]]), True).changes.dropped
    assert (gone.links_removed, gone.unsourced) == (1, 0) and _post(store, "来源乙") is None  # no file gives it now
    return steps + [(kept.links_removed, kept.unsourced), (gone.links_removed, gone.named_only)]


EXPECTED = [("班子成员名册.csv", ["任职台账.csv"], 2), ("班子成员名册.csv", [], 2),
            ("任职台账.csv", ["班子成员名册.csv"], 3), ("班子成员名册.csv", [], None), (0, 1), (1, 1)]


def test_a_relationship_two_files_give_stays_until_neither_gives_it(embedded, tmp_path):
    _seeded(_direct(embedded), tmp_path)
    assert _scenario(_direct(embedded), embedded, tmp_path / "posts") == EXPECTED


def test_an_upload_keeps_it_alike(tmp_path):
    settings = _embedded_upload_settings(tmp_path)
    store = EmbeddedStore(settings.embedded_path)
    _seeded(_direct(store), tmp_path)
    assert _scenario(_uploaded(settings), store, tmp_path / "posts") == EXPECTED
    store.close()


def test_a_record_another_file_gives_keeps_its_ties_without_this_file(embedded, tmp_path):
    """A clue deleted from one ledger that another ledger gives too stays, and so do its ties (that file gives them):
    nothing in the graph names the first file as a source of them any more."""
    load = _direct(embedded)
    _seeded(load, tmp_path)
    head = ["县（市、区）", "线索编号", "线索摘要", "线索来源", "移交日期", "接收单位", "办理状态", "被反映人"]
    clue = ["宁川县", "XS-9", "违规收受礼金9次", "巡察监督", "2023-08-10", "县教育局", "已移交", "孙某"]
    ledger, copy = tmp_path / "线索台账.csv", tmp_path / "线索台账（纪委）.csv"
    load(write_csv(ledger, [head, clue]), False)
    load(write_csv(copy, [head, clue]), False)
    other = ["宁川县", "XS-1", "违规收受礼金1次", "巡察监督", "2023-08-10", "县教育局", "已移交", "钱某"]
    report = load(write_csv(ledger, [head, other]), True).changes.dropped
    assert (report.removed, report.links_removed) == (0, 0)  # the clue stays (the other file gives it), its ties too
    assert report.unsourced == 2 + 2  # its and its person's source in this file, and this file off its two ties
    doc, kept = _doc(embedded, ledger), report.records[0].id
    ties = [e for e in embedded.iter_edges() if e.src == kept and e.type is not EdgeType.SOURCED_FROM]
    assert len(ties) == 2 and all(doc not in (e.props.get("source_doc"), *(e.props.get("also_from") or [])) for e in ties)


@pytest.mark.parametrize("query", ["document_edges", "edge_writers"])
def test_the_files_of_each_relationship_are_one_answer_on_both_stores(embedded, scratch_neo4j, tmp_path, query):
    answers = []
    for store in (embedded, scratch_neo4j):
        load = _direct(store)
        _seeded(load, tmp_path)
        register, roster = write_csv(tmp_path / "任职台账.csv", [HEAD, *POSTS]), write_csv(tmp_path / "名册.csv",
                                                                                        [HEAD, POSTS[1]])
        load(register, False)
        load(roster, False)
        doc = _doc(store, register)
        edges = [{"id": e.id, "src": e.src, "dst": e.dst} for e in store.iter_edges()]
        answers.append(store.run_query(query, {"doc": doc, **({"edges": edges} if query == "edge_writers" else {})}))
    assert answers[0] == answers[1]
    assert any(r["also_from"] for r in answers[0])


def test_neo4j_gives_the_same_answers_directly_and_uploaded(scratch_neo4j, tmp_path):
    assert on_neo4j_both_ways(_scenario, scratch_neo4j, tmp_path) == (EXPECTED, EXPECTED)


CLUE_HEAD = ["县（市、区）", "线索编号", "线索摘要", "线索来源", "移交日期", "接收单位", "办理状态", "被反映人"]


def _clue(n: int, who: str) -> list:
    return ["宁川县", f"XS-{n}", f"违规收受礼金{n}次", "巡察监督", "2023-08-10", "县教育局", "已移交", who]


def test_a_person_tied_to_a_listed_record_left_out_keeps_this_files_source(embedded, tmp_path):
    """Only one of two dropped clues chosen: the other's person is still tied to it by this file's row, so keeps this
    file as a source, and goes with it when that clue is removed too — no person is left tied to nothing."""
    from loaders.ledgers.load import Loader

    loader = Loader(embedded, "test-salt")
    _seeded(_direct(embedded), tmp_path)
    ledger = tmp_path / "线索台账.csv"
    loader.load(write_csv(ledger, [CLUE_HEAD, _clue(1, "钱某"), _clue(2, "孙某"), _clue(3, "李某")]))
    listed = loader.load(write_csv(ledger, [CLUE_HEAD, _clue(3, "李某")])).changes.dropped.records
    first = next(r.id for r in listed if r.called == "“XS-1”")
    part = loader.load(ledger, remove_dropped=frozenset({first})).changes.dropped
    assert (part.removed, part.named_only, part.unsourced) == (1, 1, 0)
    sun = next(n for n in embedded.iter_nodes() if n.kind is NodeKind.PERSON and n.props.get("name") == "孙某")
    assert _doc(embedded, ledger) in {x.node.id for x in embedded.neighbours(sun.id, direction="out")}
    rest = loader.load(ledger, remove_dropped=True).changes.dropped
    assert (rest.removed, rest.named_only) == (1, 1) and embedded.get_node(sun.id) is None
    assert all(list(embedded.neighbours(n.id)) for n in embedded.iter_nodes() if n.kind is NodeKind.PERSON)


def test_on_a_graph_loaded_before_files_were_recorded_a_kept_records_ties_stay(embedded, tmp_path):
    """Files loaded before a load recorded every file of an edge (no ``also_from``, no mark on their Document): a
    record another such file gives stays with its ties, as it did — only this file's source taken off it."""
    load = _direct(embedded)
    _seeded(load, tmp_path)
    ledger, copy = tmp_path / "线索台账.csv", tmp_path / "线索台账（纪委）.csv"
    load(write_csv(ledger, [CLUE_HEAD, _clue(9, "孙某")]), False)
    load(write_csv(copy, [CLUE_HEAD, _clue(9, "孙某")]), False)
    unmarked = [n.model_copy(update={"props": {k: v for k, v in n.props.items() if k != "edge_sources"}})
                for n in embedded.iter_nodes()]
    plain = [e.model_copy(update={"props": {k: v for k, v in e.props.items() if k != "also_from"}})
             for e in embedded.iter_edges()]
    embedded.replace_all(unmarked, plain)
    done = load(write_csv(copy, [CLUE_HEAD, _clue(1, "钱某")]), True).changes.dropped
    assert (done.removed, done.links_removed, done.unsourced) == (0, 0, 1)
    clue = done.records[0].id
    assert len([e for e in embedded.iter_edges() if e.src == clue and e.type is not EdgeType.SOURCED_FROM]) == 2
