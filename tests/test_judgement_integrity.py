"""A merge and its undo give back exactly what they took, whatever happened meanwhile: a later merge of an edge's
other end, a later row about the kept record itself, a load giving both records one edge, an end deleted since;
and two people judging at once (or a load while someone judges) lose no judgement (H63's review)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import EdgeType, NodeKind, make_edge
from graph.model import nodes as m
from graph.stores.base import Cuttable
from graph.stores.embedded import EmbeddedStore
from loaders.judgements import JudgementError, Judgements, apply_to_load, confirm, undo

ANY = Cuttable(outgoing=frozenset(EdgeType), incoming=frozenset(EdgeType))


def _part_of(a: str, b: str, doc: str, row: int):  # noqa: ANN202
    return make_edge(EdgeType.PART_OF, (NodeKind.UNIT, a), (NodeKind.UNIT, b), source_doc=doc, source_row=row)


@pytest.fixture()
def county(tmp_path: Path):
    """Units A, B (a namesake of A), X and Y; B is part of X (ledger doc_b, row 9)."""
    store = EmbeddedStore(tmp_path / "graph.sqlite")
    units = {k: m.Unit(name=f"判断测试{k}局", county="判断测试县", unit_kind="county_department") for k in "ABXY"}
    ids = {k: u.id for k, u in units.items()}
    store.upsert([u.to_record() for u in units.values()], [_part_of(ids["B"], ids["X"], "doc_b", 9)])
    yield store, ids, tmp_path / "var"
    store.close()


def _graph(store) -> tuple[list, list]:  # noqa: ANN001
    return (sorted((n.id, sorted(n.props.items())) for n in store.iter_nodes()),
            sorted((e.id, e.src, e.dst, sorted(e.props.items())) for e in store.iter_edges()))


def test_a_merge_is_undone_after_a_later_merge_of_its_edges_other_end(county):
    store, ids, data = county
    before = _graph(store)
    first = confirm(store, Judgements(data), ids["A"], ids["B"], who="甲")
    second = confirm(store, Judgements(data), ids["Y"], ids["X"], who="甲")
    with pytest.raises(JudgementError, match=second.id):  # undone now, B's edge would go back to A, not to X
        undo(store, Judgements(data), first.id, who="甲")
    undo(store, Judgements(data), second.id, who="甲")
    undo(store, Judgements(data), first.id, who="甲")
    assert _graph(store) == before


def test_the_kept_records_own_edge_is_left_as_it_was_by_the_merge_and_its_undo(county):
    store, ids, data = county
    store.upsert([], [_part_of(ids["A"], ids["X"], "doc_a", 3)])  # A's own, the edge B's becomes
    before = _graph(store)
    j = confirm(store, Judgements(data), ids["A"], ids["B"], who="甲")
    own = [n.edge.props for n in store.neighbours(ids["A"]) if n.edge.type is EdgeType.PART_OF]
    assert [(p["source_doc"], p["source_row"]) for p in own] == [("doc_a", 3)]
    undo(store, Judgements(data), j.id, who="甲")
    assert _graph(store) == before


def test_a_later_row_about_the_kept_record_stays_when_the_merge_is_undone(county):
    store, ids, data = county
    j = confirm(store, Judgements(data), ids["A"], ids["B"], who="甲")
    store.upsert([], [_part_of(ids["A"], ids["X"], "doc_a", 1)])  # A's own ledger row, written since
    undo(store, Judgements(data), j.id, who="甲")
    at_a = [(n.edge.props["source_doc"], n.node.id) for n in store.neighbours(ids["A"])]
    at_b = [(n.edge.props["source_doc"], n.node.id) for n in store.neighbours(ids["B"])]
    assert at_a == [("doc_a", ids["X"])] and at_b == [("doc_b", ids["X"])]


def test_a_load_giving_both_records_one_edge_keeps_the_kept_ones_on_undo(county):
    store, ids, data = county
    j = confirm(store, Judgements(data), ids["A"], ids["B"], who="甲")
    judgements = Judgements(data)
    with judgements.changing():  # a load naming A and B, each part of X
        nodes, edges = apply_to_load(judgements, [], [_part_of(ids["A"], ids["X"], "doc_c", 1),
                                                      _part_of(ids["B"], ids["X"], "doc_c", 2)])
        store.upsert(nodes, edges)
    assert [(e.src, e.props["source_row"]) for e in edges] == [(ids["A"], 1)]  # one edge, A's own row
    undo(store, Judgements(data), j.id, who="甲")
    assert [n.node.id for n in store.neighbours(ids["A"])] == [ids["X"]] and store.get_node(ids["B"]) is not None


def test_undo_after_an_edges_other_end_was_deleted_leaves_no_orphan(county):
    store, ids, data = county
    j = confirm(store, Judgements(data), ids["A"], ids["B"], who="甲")
    store.delete_nodes([ids["X"]], may_cut=ANY)
    undo(store, Judgements(data), j.id, who="甲")
    nodes = {n.id for n in store.iter_nodes()}
    assert ids["B"] in nodes and all(e.src in nodes and e.dst in nodes for e in store.iter_edges())
    assert store.neighbours(ids["A"]) == [] and store.neighbours(ids["B"]) == []


def test_two_people_judging_from_copies_read_before_either_lose_neither(county):
    store, ids, data = county
    one, other = Judgements(data), Judgements(data)  # each read the file before the other judged
    confirm(store, one, ids["A"], ids["B"], who="甲")
    confirm(store, other, ids["Y"], ids["X"], who="乙")
    assert sorted(j.who for j in Judgements(data).active()) == ["乙", "甲"]


def test_a_load_redirects_a_merge_made_after_its_loader_read_the_judgements(county):
    store, ids, data = county
    loading = Judgements(data)  # a loader's copy, read before the merge
    confirm(store, Judgements(data), ids["A"], ids["B"], who="甲")
    with loading.changing():
        nodes, edges = apply_to_load(loading, [], [_part_of(ids["B"], ids["Y"], "doc_c", 4)])
        store.upsert(nodes, edges)
    assert store.get_node(ids["B"]) is None and [n.node.id for n in store.neighbours(ids["Y"])] == [ids["A"]]
    assert len(Judgements(data).active()) == 1


def test_apply_to_load_is_refused_outside_the_held_judgements(county):
    _, ids, data = county
    with pytest.raises(RuntimeError):
        apply_to_load(Judgements(data), [], [])


def test_a_replace_built_before_a_merge_does_not_bring_the_merged_record_back(county, tmp_path):
    """``xuncha load --replace`` builds the graph apart: a merge confirmed meanwhile, after the file giving B was
    loaded into the new graph, is applied again when the new graph takes the old one's place."""
    from api.load_commands import swap_in

    store, ids, data = county
    staged = EmbeddedStore(tmp_path / "staged.sqlite")
    staged.replace_all(store.iter_nodes(), store.iter_edges())  # built from the files before the merge
    confirm(store, Judgements(data), ids["A"], ids["B"], who="甲")
    swap_in(store, staged, data)
    assert store.get_node(ids["B"]) is None and [n.node.id for n in store.neighbours(ids["X"])] == [ids["A"]]
    staged.close()
