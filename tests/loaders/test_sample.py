from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

from graph.model import EdgeType
from loaders.sample import Bundle, generate, read_bundle, write_bundle


def test_same_seed_gives_identical_output(county: Bundle, tmp_path: Path):
    again = generate(1, 7)
    assert again.nodes == county.nodes and again.edges == county.edges and again.truth == county.truth
    write_bundle(county, tmp_path / "a")
    write_bundle(again, tmp_path / "b")
    assert (tmp_path / "a/graph.jsonl").read_bytes() == (tmp_path / "b/graph.jsonl").read_bytes()
    assert read_bundle(tmp_path / "a") == (county.nodes, county.edges)


def test_other_seed_differs(county: Bundle):
    other = generate(1, 8)
    assert {n.id for n in other.nodes if n.kind.value == "Issue"} != {
        n.id for n in county.nodes if n.kind.value == "Issue"}


def test_scale_one_looks_like_a_county(county: Bundle):
    c = county.truth["node_counts"]
    units = [n for n in county.nodes if n.kind.value == "Unit"]
    kinds = defaultdict(int)
    for u in units:
        kinds[u.props["unit_kind"]] += 1
    assert kinds["township"] == 12 and 150 <= kinds["village"] <= 215 and len(units) - kinds["village"] - 12 == 60
    assert c["Round"] == 10 and 2000 <= c["Issue"] <= 5000
    assert 200 <= c["Clue"] <= 400 and 40 <= c["Case"] <= 100


def test_ids_are_unique(county: Bundle):
    assert len({n.id for n in county.nodes}) == len(county.nodes)
    assert len({e.id for e in county.edges}) == len(county.edges)


def test_ground_truth_is_consistent_with_the_data(county: Bundle):
    nodes = {n.id: n for n in county.nodes}
    truth = county.truth
    edges = defaultdict(set)
    for e in county.edges:
        edges[e.type].add((e.src, e.dst))
    rounds = {n.id: n.props for n in county.nodes if n.kind.value == "Round"}
    assert truth["repeats"] and any(r["relapse"] for r in truth["repeats"])
    for r in truth["repeats"]:
        later, earlier = nodes[r["issue"]].props, nodes[r["earlier"]].props
        assert later["unit_id"] == earlier["unit_id"]
        assert rounds[earlier["round_id"]]["start"] < rounds[later["round_id"]]["start"]
        assert r["relapse"] == (earlier["status"] == "rectified")
        assert later["text"] != earlier["text"] or later["category"] == earlier["category"]
    assert truth["leader_carry"]
    for item in truth["leader_carry"]:
        units = {nodes[i].props["unit_id"] for i in item["issues"]}
        assert len(units) >= 2 and all(nodes[i].props["category"] == item["category"] for i in item["issues"])
        assert all((item["person"], i) in edges[EdgeType.RESPONSIBLE_FOR] for i in item["issues"])
    with_letter = [c for c in truth["common_problems"] if c["letter"]]
    assert with_letter and len(with_letter) < len(truth["common_problems"])
    for c in truth["common_problems"]:
        assert len(c["units"]) >= 3
        assert {nodes[i].props["unit_id"] for i in c["issues"]} == set(c["units"])
    assert {link["via"] for link in truth["relative_links"]} == {"benefit", "contract"}
    for link in truth["relative_links"]:
        assert (link["cadre"], link["relative"]) in edges[EdgeType.RELATIVE_OF]
        assert (link["target"], link["village"]) in edges[EdgeType.LOCATED_AT]
    as_of = date.fromisoformat(truth["as_of"])
    assert truth["stalled_clues"]
    for cid in truth["stalled_clues"]:
        props = nodes[cid].props
        assert "disposal" not in props
        assert (as_of - date.fromisoformat(props["transfer_date"])).days > truth["stall_days"]
    assert truth["overdue_tasks"]
    for tid in truth["overdue_tasks"]:
        props = nodes[tid].props
        assert date.fromisoformat(props["deadline"]) < as_of and props["status"] in ("planned", "in_progress")
